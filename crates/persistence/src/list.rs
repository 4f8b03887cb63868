//! Building blocks of list queries (PLT-PAGE): ordering, paging, date ranges and text
//! search, shared by every module's lists.

use chrono::NaiveDate;
use domain::list::{Direction, PageRequest, SortKey};
use sqlx::{Postgres, QueryBuilder};

/// A sort key whose field is the SQL expression it orders by.
pub type SqlSort = SortKey<&'static str>;

/// `order by <keys>, <tiebreak> limit … offset …`.
pub fn push_order_and_page(
    query: &mut QueryBuilder<'_, Postgres>,
    sort: &[SqlSort],
    tiebreak: &str,
    page: PageRequest,
) {
    push_order(query, sort, tiebreak);
    query
        .push(" limit ")
        .push_bind(page.limit())
        .push(" offset ")
        .push_bind(page.offset());
}

pub fn push_order(query: &mut QueryBuilder<'_, Postgres>, sort: &[SqlSort], tiebreak: &str) {
    query.push(" order by ");
    for key in sort {
        query.push(key.field).push(match key.direction {
            Direction::Asc => " asc nulls last, ",
            Direction::Desc => " desc nulls last, ",
        });
    }
    query.push(tiebreak);
}

/// `and <column> >= from 00:00 and < (to + 1 day) 00:00`, days in Asia/Jakarta.
pub fn push_day_range(
    query: &mut QueryBuilder<'_, Postgres>,
    column: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) {
    if let Some(from) = from {
        query
            .push(format!(" and {column} >= ("))
            .push_bind(from)
            .push("::date)::timestamp at time zone 'Asia/Jakarta'");
    }
    if let Some(to) = to {
        query
            .push(format!(" and {column} < ("))
            .push_bind(to)
            .push("::date + 1)::timestamp at time zone 'Asia/Jakarta'");
    }
}

/// A `%text%` pattern matching `raw` literally.
pub fn contains_pattern(raw: &str) -> String {
    format!("%{}%", crate::users::escape_like(raw))
}

/// Every row of a list for an export, when at most `limit` match; otherwise no rows and
/// the total, so the caller can ask for narrower filters.
pub async fn fetch_all<'a, T>(
    tx: &mut crate::Tx,
    from: &str,
    select: &str,
    filter: impl Fn(&mut QueryBuilder<'a, Postgres>),
    sort: &[SqlSort],
    tiebreak: (&str, &str),
    limit: i64,
) -> Result<crate::Page<T>, crate::DbError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin,
{
    let mut count = QueryBuilder::new(format!("select count(*) from {from}"));
    filter(&mut count);
    let total: i64 = count.build_query_scalar().fetch_one(&mut **tx).await?;
    if total > limit {
        return Ok(crate::Page {
            rows: Vec::new(),
            total,
            capped: false,
        });
    }
    let mut query = QueryBuilder::new(select);
    filter(&mut query);
    push_order(
        &mut query,
        sort,
        if sort.is_empty() {
            tiebreak.0
        } else {
            tiebreak.1
        },
    );
    let rows = query.build_query_as().fetch_all(&mut **tx).await?;
    Ok(crate::Page {
        rows,
        total,
        capped: false,
    })
}

/// Lists count their rows exactly up to this many; beyond it the total is this number and
/// the page says it is capped (PLT-PAGE `total_capped`).
pub const COUNT_CAP: i64 = 10_000;

/// One page of a list: `count(*)` (up to [`COUNT_CAP`]) over `from` and the rows of
/// `select`, both narrowed by the same `filter`, ordered by `sort` then `tiebreak`.
pub async fn fetch_page<'a, T>(
    tx: &mut crate::Tx,
    from: &str,
    select: &str,
    filter: impl Fn(&mut QueryBuilder<'a, Postgres>),
    sort: &[SqlSort],
    tiebreak: (&str, &str),
    page: PageRequest,
) -> Result<crate::Page<T>, crate::DbError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin,
{
    // Counting stops after COUNT_CAP rows: an exact count of a million visible rows costs
    // ~100 ms of CPU per request, a capped one at most a few milliseconds.
    let mut count = QueryBuilder::new(format!("select count(*) from (select 1 from {from}"));
    filter(&mut count);
    count.push(format_args!(" limit {}) counted", COUNT_CAP + 1));
    let counted: i64 = count.build_query_scalar().fetch_one(&mut **tx).await?;
    let capped = counted > COUNT_CAP;
    let total = counted.min(COUNT_CAP);
    let mut query = QueryBuilder::new(select);
    filter(&mut query);
    let tiebreak = if sort.is_empty() {
        tiebreak.0
    } else {
        tiebreak.1
    };
    push_order_and_page(&mut query, sort, tiebreak, page);
    let rows = query.build_query_as().fetch_all(&mut **tx).await?;
    Ok(crate::Page {
        rows,
        total,
        capped,
    })
}
