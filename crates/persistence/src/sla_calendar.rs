//! The business calendar of the SLA clock (TCK-4): working hours per weekday and the
//! holidays and collective leave the clock skips.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct BusinessHoursRow {
    pub isodow: i16,
    pub opens_at: NaiveTime,
    pub closes_at: NaiveTime,
}

#[derive(Debug, Clone, FromRow)]
pub struct HolidayRow {
    pub day: NaiveDate,
    pub name: String,
    pub kind: String,
    pub tentative: bool,
    pub updated_by: Option<Uuid>,
    pub updated_at: DateTime<Utc>,
}

pub async fn business_hours(tx: &mut Tx) -> Result<Vec<BusinessHoursRow>, DbError> {
    Ok(sqlx::query_as!(
        BusinessHoursRow,
        r#"select isodow as "isodow!", opens_at as "opens_at!", closes_at as "closes_at!" from sla_business_hours order by isodow"#,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// The holidays of calendar `year`, in date order.
pub async fn holidays(tx: &mut Tx, year: i32) -> Result<Vec<HolidayRow>, DbError> {
    Ok(sqlx::query_as!(
        HolidayRow,
        r#"select day as "day!", name as "name!", kind as "kind!", tentative as "tentative!", updated_by as "updated_by?", updated_at as "updated_at!" from holidays
          where day >= make_date($1, 1, 1) and day < make_date($1 + 1, 1, 1) order by day"#,
        year,
    )
    .fetch_all(&mut **tx)
    .await?)
}

pub struct HolidayChange<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub tentative: bool,
}

/// Adds the holiday on `day` or replaces what that day held; returns the row and whether
/// it is new. RLS lets only calendar admins write.
pub async fn put_holiday(
    tx: &mut Tx,
    day: NaiveDate,
    change: &HolidayChange<'_>,
    by: Uuid,
) -> Result<(HolidayRow, bool), DbError> {
    let row = sqlx::query!(
        r#"insert into holidays as h (day, name, kind, tentative, updated_by, updated_at)
           values ($1, $2, $3, $4, $5, now())
           on conflict (day) do update set name = excluded.name, kind = excluded.kind,
                  tentative = excluded.tentative, updated_by = excluded.updated_by, updated_at = now()
           returning day, name, kind, tentative, updated_by, updated_at, (xmax = 0) as "created!""#,
        day,
        change.name,
        change.kind,
        change.tentative,
        by,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok((
        HolidayRow {
            day: row.day,
            name: row.name,
            kind: row.kind,
            tentative: row.tentative,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
        },
        row.created,
    ))
}

/// Removes the holiday on `day`; [`DbError::NotFound`] when there is none.
pub async fn delete_holiday(tx: &mut Tx, day: NaiveDate) -> Result<(), DbError> {
    let deleted = sqlx::query!("delete from holidays where day = $1", day,)
        .execute(&mut **tx)
        .await?;
    if deleted.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}
