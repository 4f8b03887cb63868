//! GET /me/report (USR-1).

use actix_web::{get, web};
use persistence::me_report;

use super::{MeReportBody, ReportQuery};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Your own report for a month: the leads you own, your activities and visits, your tasks,
/// the tickets assigned to you with their SLA, your targets against actuals (`null`/`na`
/// where a metric has no data) and your customers' AR as of the month's end (today while
/// it runs). A section is `null` where your role does not have its module; an empty one
/// has zeros.
#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "Your report", body = MeReportBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Not a month", body = ErrorBody),
    )
)]
#[get("/me/report")]
#[tracing::instrument(name = "GET /me/report", skip_all)]
pub async fn get_me_report(
    ctx: UserTx,
    query: web::Query<ReportQuery>,
) -> ApiResult<web::Json<MeReportBody>> {
    let UserTx { mut tx, user } = ctx;
    let today = domain::jakarta_today();
    let period = query.period(today)?;
    let report = me_report::load(&mut tx, &user, period, today).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(MeReportBody::from(report)))
}
