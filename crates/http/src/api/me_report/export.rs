//! GET /exports/me-report (EXP-1, USR-1): the personal report as .xlsx.

use actix_web::{get, web, HttpResponse};
use persistence::me_report;

use super::{workbook, MeReportBody, ReportQuery};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Exports your report for the month: one sheet per section you have, the same figures
/// as `GET me/report`.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Not a month", body = ErrorBody),
    )
)]
#[get("/exports/me-report")]
#[tracing::instrument(name = "GET /exports/me-report", skip_all)]
pub async fn export_me_report(
    ctx: UserTx,
    query: web::Query<ReportQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let today = domain::jakarta_today();
    let period = query.period(today)?;
    let report = me_report::load(&mut tx, &user, period, today).await?;
    persistence::commit(tx).await?;
    let body = MeReportBody::from(report);
    workbook::download(&body.period, workbook::sheets(&body)).await
}
