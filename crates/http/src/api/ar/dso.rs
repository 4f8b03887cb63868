//! GET /ar/dso: DSO on a day with its six-month daily series (DSO-2, DSO-6).

use actix_web::{get, web};
use chrono::{Duration, NaiveDate};
use domain::{
    ar::{
        dso::{self, days_text, MAX_WINDOW_DAYS},
        sees_whole_book, DsoMethod,
    },
    money::cents_text,
};
use persistence::ar::reports::{self, DsoScope};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{report_day, require_reader, DsoBody, DsoPoint};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DsoQuery {
    /// The day (default today, Asia/Jakarta).
    pub as_of: Option<NaiveDate>,
    /// The revenue window in days (1–365, default 30).
    pub days: Option<i64>,
    /// simple (default) or countback.
    #[param(value_type = Option<DsoMethod>)]
    pub method: Option<String>,
    /// DSO of one customer.
    pub customer_id: Option<Uuid>,
    /// DSO of one salesperson's customers.
    pub salesperson_id: Option<Uuid>,
}

/// DSO on `as_of` over your AR scope — AR balance (Σ outstanding) ÷ revenue of the last
/// `days` days × `days`, or by countback — with the daily series of the last six months
/// and the value a month earlier. `dso` is `null` when revenue is 0.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(DsoQuery),
    responses(
        (status = 200, description = "DSO and its series", body = DsoBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 422, description = "Invalid days or method", body = ErrorBody),
    )
)]
#[get("/ar/dso")]
#[tracing::instrument(name = "GET /ar/dso", skip_all)]
pub async fn ar_dso(ctx: UserTx, query: web::Query<DsoQuery>) -> ApiResult<web::Json<DsoBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let (as_of, days, method) = parse(&query)?;
    let scope = match (query.customer_id, query.salesperson_id) {
        (None, None) if sees_whole_book(user.role) => DsoScope::Book,
        (customer, owner) => DsoScope::Raw { customer, owner },
    };
    let first = dso::first_day(as_of, days, method);
    let moves = reports::daily_moves(&mut tx, first, as_of, scope).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body(
        &query,
        as_of,
        days,
        method,
        &dso::series(&moves, as_of, days, method),
    )))
}

fn parse(query: &DsoQuery) -> ApiResult<(NaiveDate, i64, DsoMethod)> {
    let days = query.days.unwrap_or(30);
    if !(1..=MAX_WINDOW_DAYS).contains(&days) {
        return Err(ApiError::validation(
            "days",
            format!("must be between 1 and {MAX_WINDOW_DAYS}"),
        ));
    }
    let method = match query.method.as_deref() {
        None => DsoMethod::Simple,
        Some(raw) => raw
            .parse()
            .map_err(|e: domain::NotInSet| ApiError::validation("method", e.to_string()))?,
    };
    Ok((report_day(query.as_of), days, method))
}

fn body(
    query: &DsoQuery,
    as_of: NaiveDate,
    days: i64,
    method: DsoMethod,
    series: &[dso::DsoPoint],
) -> DsoBody {
    let at = |day: NaiveDate| series.iter().find(|p| p.date == day).copied();
    let today = at(as_of);
    DsoBody {
        as_of,
        days,
        method,
        customer_id: query.customer_id,
        salesperson_id: query.salesperson_id,
        ar_balance: cents_text(today.map_or(0, |p| p.ar_balance)),
        revenue: cents_text(today.map_or(0, |p| p.revenue)),
        dso: today.and_then(|p| p.dso).map(days_text),
        dso_last_month: at(as_of - Duration::days(30))
            .and_then(|p| p.dso)
            .map(days_text),
        series: series
            .iter()
            .map(|p| DsoPoint {
                date: p.date,
                ar_balance: cents_text(p.ar_balance),
                revenue: cents_text(p.revenue),
                dso: p.dso.map(days_text),
            })
            .collect(),
    }
}
