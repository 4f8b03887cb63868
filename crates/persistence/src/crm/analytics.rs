//! CRM-7 analytics, computed under the caller's row-level security so every role sees
//! the figures of its own scope. Soft-deleted leads and prospects never count.

use chrono::NaiveDate;
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Tx};

/// `[from, to]` as days in Asia/Jakarta.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

const LEADS_IN_RANGE: &str = "l.deleted_at is null \
    and l.created_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta' \
    and l.created_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta'";

#[derive(Debug, Clone, FromRow)]
pub struct FunnelCounts {
    pub leads: i64,
    pub contacted: i64,
    pub qualified: i64,
    pub won: i64,
}

/// Leads created in the range and how far their prospects got: contacted (reached stage
/// position 2), qualified (position 3, `qualification`), won.
pub async fn funnel(tx: &mut Tx, range: Range) -> Result<FunnelCounts, DbError> {
    let sql = format!(
        "select count(*) as leads, \
                count(*) filter (where p.furthest_position >= 2 or p.stage = 'won') as contacted, \
                count(*) filter (where p.furthest_position >= 3 or p.stage = 'won') as qualified, \
                count(*) filter (where p.stage = 'won') as won \
           from leads l left join prospects p on p.id = l.prospect_id and p.deleted_at is null \
          where {LEADS_IN_RANGE}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_one(&mut **tx)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ChannelConversion {
    pub channel: String,
    pub channel_name: String,
    pub source_group: String,
    pub leads: i64,
    pub won: i64,
}

/// Leads and won leads per channel, most leads first.
pub async fn conversion_by_channel(
    tx: &mut Tx,
    range: Range,
) -> Result<Vec<ChannelConversion>, DbError> {
    let sql = format!(
        "select l.channel, ch.name as channel_name, ch.source_group, count(*) as leads, \
                count(*) filter (where p.stage = 'won') as won \
           from leads l join channels ch on ch.code = l.channel \
           left join prospects p on p.id = l.prospect_id and p.deleted_at is null \
          where {LEADS_IN_RANGE} \
          group by l.channel, ch.name, ch.source_group, ch.sort_order \
          order by count(*) desc, ch.sort_order"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_all(&mut **tx)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct ChannelMonth {
    pub month: String,
    pub channel: String,
    pub leads: i64,
}

/// Leads per channel per month, zero-filled over the months of the range for every
/// channel that has a lead in it.
pub async fn leads_by_channel_month(
    tx: &mut Tx,
    range: Range,
) -> Result<Vec<ChannelMonth>, DbError> {
    let sql = format!(
        "with counted as ( \
           select to_char(l.created_at at time zone 'Asia/Jakarta', 'YYYY-MM') as month, l.channel, \
                  count(*) as leads \
             from leads l where {LEADS_IN_RANGE} group by 1, 2), \
         months as ( \
           select to_char(m, 'YYYY-MM') as month from generate_series( \
             date_trunc('month', $1::date), date_trunc('month', $2::date), interval '1 month') m), \
         channels_used as (select distinct channel from counted) \
         select months.month, channels_used.channel, coalesce(counted.leads, 0) as leads \
           from months cross join channels_used \
           left join counted on counted.month = months.month and counted.channel = channels_used.channel \
          order by months.month, channels_used.channel"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_all(&mut **tx)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct SourceCount {
    pub source_group: String,
    pub leads: i64,
}

/// Leads per source (organic, ads, referral, event, other); every source listed.
pub async fn lead_sources(tx: &mut Tx, range: Range) -> Result<Vec<SourceCount>, DbError> {
    let sql = format!(
        "select g.source_group, coalesce(c.leads, 0) as leads \
           from unnest(array['organic', 'ads', 'referral', 'event', 'other']) with ordinality \
                as g(source_group, ord) \
           left join (select ch.source_group, count(*) as leads \
                        from leads l join channels ch on ch.code = l.channel \
                       where {LEADS_IN_RANGE} group by ch.source_group) c \
                  on c.source_group = g.source_group \
          order by g.ord"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_all(&mut **tx)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct AdsPlatform {
    pub platform: String,
    pub spend: String,
    pub impressions: i64,
    pub clicks: i64,
    pub leads: i64,
    /// spend / leads, two decimals; `None` without leads.
    pub cpl: Option<String>,
}

/// Ads performance per platform: spend from `marketing_spend`, leads from the channels of
/// that platform, cost per lead.
pub async fn ads_performance(tx: &mut Tx, range: Range) -> Result<Vec<AdsPlatform>, DbError> {
    let sql = format!(
        "with spend as ( \
           select platform, sum(amount) as spend, coalesce(sum(impressions), 0)::bigint as impressions, \
                  coalesce(sum(clicks), 0)::bigint as clicks \
             from marketing_spend where spend_date between $1 and $2 group by platform), \
         leads_per as ( \
           select ch.ads_platform as platform, count(*) as leads \
             from leads l join channels ch on ch.code = l.channel \
            where ch.ads_platform is not null and {LEADS_IN_RANGE} group by ch.ads_platform) \
         select p.platform, coalesce(s.spend, 0)::numeric(18, 2)::text as spend, \
                coalesce(s.impressions, 0) as impressions, coalesce(s.clicks, 0) as clicks, \
                coalesce(lp.leads, 0) as leads, \
                case when coalesce(lp.leads, 0) > 0 \
                     then round(coalesce(s.spend, 0) / lp.leads, 2)::text end as cpl \
           from unnest(array['tiktok', 'instagram', 'meta', 'google']) with ordinality as p(platform, ord) \
           left join spend s on s.platform = p.platform \
           left join leads_per lp on lp.platform = p.platform \
          order by p.ord"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_all(&mut **tx)
        .await?)
}

/// [`ads_performance`] for roles without access to `marketing_spend`: their leads per
/// platform, no spend.
pub async fn ads_performance_without_spend(
    tx: &mut Tx,
    range: Range,
) -> Result<Vec<AdsPlatform>, DbError> {
    let sql = format!(
        "select p.platform, '0.00' as spend, 0::bigint as impressions, 0::bigint as clicks, \
                (select count(*) from leads l join channels ch on ch.code = l.channel \
                  where ch.ads_platform = p.platform and {LEADS_IN_RANGE}) as leads, \
                null::text as cpl \
           from unnest(array['tiktok', 'instagram', 'meta', 'google']) with ordinality as p(platform, ord) \
          order by p.ord"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_all(&mut **tx)
        .await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct Workload {
    pub user_id: Uuid,
    pub full_name: String,
    pub role: String,
    pub leads_in_range: i64,
    pub open_prospects: i64,
    pub pipeline_value: String,
    pub won_in_range: i64,
    pub activities_30d: i64,
    pub overdue_tasks: i64,
}

/// Per sales owner the caller can see: load and results.
pub async fn team_workload(tx: &mut Tx, range: Range) -> Result<Vec<Workload>, DbError> {
    let sql = format!(
        "with owners as ( \
           select distinct owner_user_id as id from prospects \
            where owner_user_id is not null and deleted_at is null \
           union select distinct sales_owner_user_id from leads l \
            where l.sales_owner_user_id is not null and {LEADS_IN_RANGE}) \
         select pr.id as user_id, pr.full_name, pr.role_name as role, \
                (select count(*) from leads l where l.sales_owner_user_id = pr.id and {LEADS_IN_RANGE}) \
                  as leads_in_range, \
                (select count(*) from prospects p where p.owner_user_id = pr.id and p.deleted_at is null \
                   and p.stage not in ('won', 'lost')) as open_prospects, \
                (select coalesce(sum(p.expected_value), 0) from prospects p where p.owner_user_id = pr.id \
                   and p.deleted_at is null and p.stage not in ('won', 'lost'))::numeric(18, 2)::text \
                  as pipeline_value, \
                (select count(*) from prospects p where p.owner_user_id = pr.id and p.deleted_at is null \
                   and p.stage = 'won' and p.stage_changed_at >= ($1::date)::timestamp at time zone 'Asia/Jakarta' \
                   and p.stage_changed_at < ($2::date + 1)::timestamp at time zone 'Asia/Jakarta') \
                  as won_in_range, \
                (select count(*) from sales_activities a where a.owner_user_id = pr.id \
                   and a.deleted_at is null and a.activity_type <> 'system' \
                   and a.occurred_at >= now() - interval '30 days') as activities_30d, \
                (select count(*) from tasks t where t.owner_user_id = pr.id and t.deleted_at is null \
                   and t.status = 'open' and t.due_at < now()) as overdue_tasks \
           from owners join profiles pr on pr.id = owners.id \
          order by pr.full_name"
    );
    Ok(sqlx::query_as(&sql)
        .bind(range.from)
        .bind(range.to)
        .fetch_all(&mut **tx)
        .await?)
}
