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

/// How long the read of a streamed export may take: it hands over up to a worksheet's
/// million rows at the pace the workbook is written, well past a request's usual bound.
pub const EXPORT_STATEMENT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

/// The rows of a list for an export: the list's filter and order without paging, read
/// as a stream so that an export of any size holds one row at a time (EXP-1).
pub struct Export<'a, T> {
    query: QueryBuilder<'a, Postgres>,
    row: std::marker::PhantomData<fn() -> T>,
}

impl<'a, T> Export<'a, T>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin + 'a,
{
    /// `select` narrowed by `filter`, ordered by `sort` then `tiebreak` (as
    /// [`fetch_page`] orders the list), at most `limit` rows.
    pub fn new(
        select: &str,
        filter: impl FnOnce(&mut QueryBuilder<'a, Postgres>),
        sort: &[SqlSort],
        tiebreak: (&str, &str),
        limit: i64,
    ) -> Self {
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
        query.push(" limit ").push_bind(limit);
        Self {
            query,
            row: std::marker::PhantomData,
        }
    }

    /// The rows in order, as the database sends them (`fetch`, not `fetch_all`), after
    /// lifting the transaction's statement timeout to [`EXPORT_STATEMENT_TIMEOUT`].
    pub async fn rows<'s>(
        &'s mut self,
        tx: &'s mut crate::Tx,
    ) -> Result<futures_util::stream::BoxStream<'s, Result<T, crate::DbError>>, crate::DbError>
    where
        'a: 's,
    {
        use futures_util::StreamExt;
        let timeout = EXPORT_STATEMENT_TIMEOUT.as_millis().to_string();
        sqlx::query_scalar!(
            r#"select set_config('statement_timeout', $1, true) as "timeout!""#,
            timeout
        )
        .fetch_one(&mut **tx)
        .await?;
        Ok(self
            .query
            .build_query_as::<T>()
            .fetch(&mut **tx)
            .map(|row| row.map_err(crate::DbError::from))
            .boxed())
    }
}
