//! The forecast (CRM-3).

use actix_web::{get, web};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::super::{owner_filter, require_crm};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct ForecastMonth {
    #[schema(example = "2026-12")]
    pub month: String,
    /// Open and won prospects expected to close this month.
    pub count: i64,
    /// Σ expected_value, decimal string.
    pub expected_value: String,
    /// Σ expected_value × stage probability, decimal string.
    pub weighted_value: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Forecast {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub months: Vec<ForecastMonth>,
    /// Σ of the months' weighted values, decimal string.
    pub total_weighted_value: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ForecastQuery {
    /// First day (default: the first of this month).
    pub from: Option<NaiveDate>,
    /// Last day (default: end of the sixth month from `from`); at most 24 months.
    pub to: Option<NaiveDate>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
}

/// The forecast (CRM-3): per expected-close month, Σ expected_value × stage probability
/// over the prospects that are not lost.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ForecastQuery),
    responses(
        (status = 200, description = "Forecast per month", body = Forecast),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/forecast")]
#[tracing::instrument(name = "GET /forecast", skip_all)]
pub async fn get_forecast(
    ctx: UserTx,
    query: web::Query<ForecastQuery>,
) -> ApiResult<web::Json<Forecast>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let (from, to) = range(&query)?;
    let owner = owner_filter("owner", query.owner.as_deref(), user.id)?;
    let rows = persistence::crm::prospects::forecast(&mut tx, from, to, owner).await?;
    let total = domain::money::Amount::sum(rows.iter().map(|r| r.weighted_value.as_str()))
        .map_err(|_| ApiError::Internal("forecast total".to_owned()))?;
    persistence::commit(tx).await?;
    Ok(web::Json(Forecast {
        from,
        to,
        months: rows
            .into_iter()
            .map(|r| ForecastMonth {
                month: r.month,
                count: r.count,
                expected_value: r.expected_value,
                weighted_value: r.weighted_value,
            })
            .collect(),
        total_weighted_value: total.to_string(),
    }))
}

/// `from`/`to` with their defaults, 422 when reversed or longer than 24 months.
fn range(query: &ForecastQuery) -> ApiResult<(NaiveDate, NaiveDate)> {
    let today = domain::jakarta_today();
    let from = query
        .from
        .unwrap_or_else(|| today.with_day(1).unwrap_or(today));
    let to = query.to.unwrap_or_else(|| {
        from.checked_add_months(Months::new(6))
            .and_then(|d| d.with_day(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(from)
    });
    if to < from {
        return Err(ApiError::validation("to", "must not be before from"));
    }
    if from
        .checked_add_months(Months::new(24))
        .is_some_and(|limit| to >= limit)
    {
        return Err(ApiError::validation("to", "the range is at most 24 months"));
    }
    Ok((from, to))
}
