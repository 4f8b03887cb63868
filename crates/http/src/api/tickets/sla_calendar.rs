//! TCK-4: the business calendar of the SLA clock — working hours per weekday and the
//! national holidays and collective leave it skips. Every signed-in staff member reads
//! it (the SLA badges depend on it); super and CS admins keep the holidays current, e.g.
//! when the SKB for a new year is published or a tentative date moves.

use actix_web::{delete, get, put, web, HttpResponse};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use persistence::sla_calendar::{self, BusinessHoursRow, HolidayChange, HolidayRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// Holiday kinds: a national holiday (libur nasional) or collective leave (cuti bersama).
pub const HOLIDAY_KINDS: [&str; 2] = ["national", "collective_leave"];

fn may_edit(role: domain::Role) -> bool {
    matches!(role, domain::Role::SuperAdmin | domain::Role::CsAdmin)
}

/// Working hours of one ISO weekday (1 = Monday … 7 = Sunday), Asia/Jakarta.
#[derive(Debug, Serialize, ToSchema)]
pub struct BusinessHours {
    pub isodow: i16,
    /// `HH:MM`.
    pub opens_at: String,
    pub closes_at: String,
}

impl From<BusinessHoursRow> for BusinessHours {
    fn from(r: BusinessHoursRow) -> Self {
        Self {
            isodow: r.isodow,
            opens_at: r.opens_at.format("%H:%M").to_string(),
            closes_at: r.closes_at.format("%H:%M").to_string(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Holiday {
    pub day: NaiveDate,
    pub name: String,
    /// `national` or `collective_leave`.
    pub kind: String,
    /// An estimate not yet confirmed by the SKB of the three ministers.
    pub tentative: bool,
    pub updated_by: Option<uuid::Uuid>,
    pub updated_at: DateTime<Utc>,
}

impl From<HolidayRow> for Holiday {
    fn from(r: HolidayRow) -> Self {
        Self {
            day: r.day,
            name: r.name,
            kind: r.kind,
            tentative: r.tentative,
            updated_by: r.updated_by,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlaCalendar {
    pub year: i32,
    /// Weekdays without a row are not working days.
    pub business_hours: Vec<BusinessHours>,
    pub holidays: Vec<Holiday>,
    /// Whether the signed-in user may change the holidays.
    pub editable: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// Calendar year (2000–2100); the current year in Asia/Jakarta when absent.
    pub year: Option<i32>,
}

/// The SLA clock's business calendar for a year.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(CalendarQuery),
    responses(
        (status = 200, description = "Working hours and the year's holidays", body = SlaCalendar),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Year out of range", body = ErrorBody),
    )
)]
#[get("/sla/calendar")]
#[tracing::instrument(name = "GET /sla/calendar", skip_all)]
pub async fn get_sla_calendar(
    ctx: UserTx,
    query: web::Query<CalendarQuery>,
) -> ApiResult<web::Json<SlaCalendar>> {
    let UserTx { mut tx, user } = ctx;
    let year = query.year.unwrap_or_else(|| domain::jakarta_today().year());
    if !(2000..=2100).contains(&year) {
        return Err(ApiError::validation(
            "year",
            "must be between 2000 and 2100",
        ));
    }
    let business_hours = sla_calendar::business_hours(&mut tx).await?;
    let holidays = sla_calendar::holidays(&mut tx, year).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(SlaCalendar {
        year,
        business_hours: business_hours.into_iter().map(Into::into).collect(),
        holidays: holidays.into_iter().map(Into::into).collect(),
        editable: may_edit(user.role),
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutHolidayRequest {
    /// 1–200 characters, e.g. `Idul Fitri 1448 H`.
    pub name: String,
    /// `national` or `collective_leave`.
    pub kind: String,
    /// Still an estimate (default false: confirmed by the SKB).
    #[serde(default)]
    pub tentative: bool,
}

fn parse_day(day: &str) -> ApiResult<NaiveDate> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or_else(|| {
            ApiError::validation("day", "must be a date YYYY-MM-DD between 2000 and 2100")
        })
}

/// Sets the holiday of a day (adds it, or replaces the name, kind and tentative flag
/// it had). Tickets' SLA figures follow at once. Super and CS admins.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("day" = chrono::NaiveDate, Path, description = "The day, YYYY-MM-DD")),
    request_body = PutHolidayRequest,
    responses(
        (status = 200, description = "The day's holiday was replaced", body = Holiday),
        (status = 201, description = "The holiday was added", body = Holiday),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Super and CS admins only", body = ErrorBody),
        (status = 422, description = "Invalid day, name or kind", body = ErrorBody),
    )
)]
#[put("/sla/holidays/{day}")]
#[tracing::instrument(name = "PUT /sla/holidays/{day}", skip_all)]
pub async fn put_holiday(
    ctx: UserTx,
    day: web::Path<String>,
    body: ValidJson<PutHolidayRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !may_edit(user.role) {
        return Err(ApiError::Forbidden);
    }
    let day = parse_day(&day)?;
    let request = body.value;
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::validation("name", "must be 1 to 200 characters"));
    }
    let kind = request.kind.trim().to_lowercase();
    if !HOLIDAY_KINDS.contains(&kind.as_str()) {
        return Err(ApiError::validation(
            "kind",
            "must be one of national, collective_leave",
        ));
    }
    let change = HolidayChange {
        name,
        kind: &kind,
        tentative: request.tentative,
    };
    let (row, created) = sla_calendar::put_holiday(&mut tx, day, &change, user.id).await?;
    persistence::commit(tx).await?;
    let mut response = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(response.json(Holiday::from(row)))
}

/// Removes the holiday of a day (it becomes a working day again if it is one by the
/// working hours). Super and CS admins.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("day" = chrono::NaiveDate, Path, description = "The day, YYYY-MM-DD")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Super and CS admins only", body = ErrorBody),
        (status = 404, description = "No holiday on that day", body = ErrorBody),
        (status = 422, description = "Invalid day", body = ErrorBody),
    )
)]
#[delete("/sla/holidays/{day}")]
#[tracing::instrument(name = "DELETE /sla/holidays/{day}", skip_all)]
pub async fn delete_holiday(ctx: UserTx, day: web::Path<String>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !may_edit(user.role) {
        return Err(ApiError::Forbidden);
    }
    let day = parse_day(&day)?;
    sla_calendar::delete_holiday(&mut tx, day).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}
