//! Marketing data (CRM-7 inputs): channels with their aliases, products, ad spend and
//! marketing events.

use chrono::{DateTime, NaiveDate, Utc};
use domain::list::PageRequest;
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page},
    DbError, Page, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct ChannelRow {
    pub code: String,
    pub name: String,
    pub source_group: String,
    pub ads_platform: Option<String>,
    pub is_active: bool,
    pub aliases: Vec<String>,
}

pub async fn channels(tx: &mut Tx) -> Result<Vec<ChannelRow>, DbError> {
    Ok(sqlx::query_as!(
        ChannelRow,
        r#"select c.code as "code!", c.name as "name!", c.source_group as "source_group!", c.ads_platform as "ads_platform?", c.is_active as "is_active!",
                coalesce(array_agg(a.alias order by a.alias) filter (where a.alias is not null), '{}') as "aliases!"
           from channels c left join channel_aliases a on a.channel_code = c.code
          group by c.code order by c.sort_order, c.code"#,
    )
    .fetch_all(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ProductRow {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub service: Option<String>,
    pub description: String,
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT_PRODUCT: &str = "select p.id, p.code, p.name, p.service, p.description, p.is_active, \
        p.created_at, p.updated_at from products p";

#[derive(Debug, Clone, Default)]
pub struct ProductFilter {
    pub q: Option<String>,
    pub service: Option<String>,
    pub is_active: Option<bool>,
}

fn push_product_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a ProductFilter) {
    query.push(" where true");
    if let Some(q) = filter.q.as_deref() {
        query
            .push(" and (p.code || ' ' || p.name) ilike ")
            .push_bind(contains_pattern(q));
    }
    if let Some(service) = &filter.service {
        query.push(" and p.service = ").push_bind(service);
    }
    if let Some(active) = filter.is_active {
        query.push(" and p.is_active = ").push_bind(active);
    }
}

pub async fn products(
    tx: &mut Tx,
    filter: &ProductFilter,
    page: PageRequest,
) -> Result<Page<ProductRow>, DbError> {
    fetch_page(
        tx,
        "products p",
        SELECT_PRODUCT,
        |query| push_product_filter(query, filter),
        &[],
        ("p.code", "p.code"),
        page,
    )
    .await
}

pub async fn insert_product(
    tx: &mut Tx,
    code: &str,
    name: &str,
    service: Option<&str>,
    description: &str,
    by: Uuid,
) -> Result<ProductRow, DbError> {
    let id: Uuid = sqlx::query_scalar!(
        "insert into products (code, name, service, description, created_by) \
         values ($1, $2, $3, $4, $5) returning id",
        code,
        name,
        service,
        description,
        by,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::query_as!(
        ProductRow,
        r#"select p.id as "id!", p.code as "code!", p.name as "name!", p.service as "service?", p.description as "description!", p.is_active as "is_active!",
        p.created_at as "created_at!", p.updated_at as "updated_at!" from products p where p.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct SpendRow {
    pub id: Uuid,
    pub platform: String,
    pub spend_date: NaiveDate,
    pub amount: String,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

const SELECT_SPEND: &str = "select s.id, s.platform, s.spend_date, s.amount::text as amount, \
        s.impressions, s.clicks, s.campaign, s.created_by, pr.full_name as created_by_name, s.created_at \
   from marketing_spend s left join profiles pr on pr.id = s.created_by";

#[derive(Debug, Clone, Default)]
pub struct SpendFilter {
    pub platform: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn push_spend_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a SpendFilter) {
    query.push(" where true");
    if let Some(platform) = &filter.platform {
        query.push(" and s.platform = ").push_bind(platform);
    }
    if let Some(from) = filter.from {
        query.push(" and s.spend_date >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" and s.spend_date <= ").push_bind(to);
    }
}

pub async fn spend(
    tx: &mut Tx,
    filter: &SpendFilter,
    page: PageRequest,
) -> Result<Page<SpendRow>, DbError> {
    fetch_page(
        tx,
        "marketing_spend s",
        SELECT_SPEND,
        |query| push_spend_filter(query, filter),
        &[],
        ("s.spend_date desc, s.platform, s.id", "s.id"),
        page,
    )
    .await
}

#[derive(Debug, Clone)]
pub struct NewSpend {
    pub platform: String,
    pub spend_date: NaiveDate,
    /// Decimal text, validated.
    pub amount: String,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
    pub created_by: Uuid,
}

pub async fn insert_spend(tx: &mut Tx, new: &NewSpend) -> Result<SpendRow, DbError> {
    let id: Uuid = sqlx::query_scalar!(
        "insert into marketing_spend (platform, spend_date, amount, impressions, clicks, campaign, created_by) \
         values ($1, $2, $3::text::numeric, $4, $5, $6, $7) returning id",
        new.platform,
        new.spend_date,
        new.amount,
        new.impressions,
        new.clicks,
        new.campaign,
        new.created_by,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::query_as!(
        SpendRow,
        r#"select s.id as "id!", s.platform as "platform!", s.spend_date as "spend_date!", s.amount::text as "amount!",
        s.impressions as "impressions?", s.clicks as "clicks?", s.campaign as "campaign?", s.created_by as "created_by?", pr.full_name as "created_by_name?", s.created_at as "created_at!"
   from marketing_spend s left join profiles pr on pr.id = s.created_by where s.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct EventRow {
    pub id: Uuid,
    pub event_date: NaiveDate,
    pub title: String,
    pub event_type: String,
    pub channel: Option<String>,
    pub description: String,
    pub budget: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

const SELECT_EVENT: &str =
    "select e.id, e.event_date, e.title, e.event_type, e.channel, e.description, \
        e.budget::text as budget, e.created_by, pr.full_name as created_by_name, e.created_at \
   from marketing_activity_events e left join profiles pr on pr.id = e.created_by";

#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn push_event_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a EventFilter) {
    query.push(" where true");
    if let Some(from) = filter.from {
        query.push(" and e.event_date >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" and e.event_date <= ").push_bind(to);
    }
}

pub async fn events(
    tx: &mut Tx,
    filter: &EventFilter,
    page: PageRequest,
) -> Result<Page<EventRow>, DbError> {
    fetch_page(
        tx,
        "marketing_activity_events e",
        SELECT_EVENT,
        |query| push_event_filter(query, filter),
        &[],
        ("e.event_date desc, e.id", "e.id"),
        page,
    )
    .await
}

#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event_date: NaiveDate,
    pub title: String,
    pub event_type: String,
    pub channel: Option<String>,
    pub description: String,
    pub budget: Option<String>,
    pub created_by: Uuid,
}

pub async fn insert_event(tx: &mut Tx, new: &NewEvent) -> Result<EventRow, DbError> {
    let id: Uuid = sqlx::query_scalar!(
        "insert into marketing_activity_events (event_date, title, event_type, channel, description, \
                                                budget, created_by) \
         values ($1, $2, $3, $4, $5, $6::text::numeric, $7) returning id",
        new.event_date,
        new.title,
        new.event_type,
        new.channel,
        new.description,
        new.budget,
        new.created_by,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::query_as!(
        EventRow,
        r#"select e.id as "id!", e.event_date as "event_date!", e.title as "title!", e.event_type as "event_type!", e.channel as "channel?", e.description as "description!",
        e.budget::text as "budget?", e.created_by as "created_by?", pr.full_name as "created_by_name?", e.created_at as "created_at!"
   from marketing_activity_events e left join profiles pr on pr.id = e.created_by where e.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}
