//! Synthetic CRM data for benchmarks (`seed --scale N`): N leads, ⌈N/2⌉ customers with
//! one prospect each (two leads per customer, the second one deduplicated on its e-mail),
//! loaded with `COPY` in one transaction.
//!
//! Codes are generated here, not by `next_prefixed_id`, in their own series so they can
//! never clash with the codes the application hands out: `CUST-S-000000001`,
//! `PRS-S-000000001`, `LEAD-S-000000001` (continuing after the highest existing one when
//! the seed runs again). Ids are consecutive UUIDs from a random base per run. Identifiers
//! are normalised as the lead bundle stores them and unique by construction:
//! NPWP `99` + 14 digits, phone `+62899` + 8 digits, e-mail `cust-<n>@scale.local`.
//! Row triggers fire as for any insert (audit, stage history of the initial stage).

use chrono::{DateTime, Duration, Utc};
use domain::crm::CompanyKey;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::rng::Rng;

const STAGES: &[(&str, u64)] = &[
    ("new", 30),
    ("contacted", 20),
    ("qualification", 15),
    ("proposal", 12),
    ("negotiation", 8),
    ("won", 8),
    ("lost", 7),
];
const CHANNELS: &[&str] = &[
    "website",
    "whatsapp",
    "instagram_ads",
    "tiktok_ads",
    "meta_ads",
    "google_ads",
    "referral",
    "event",
    "seo",
    "email",
    "walk_in",
];
const FIRST: &[&str] = &[
    "Maju", "Sinar", "Karya", "Cahaya", "Bintang", "Mitra", "Sumber", "Putra", "Surya", "Nusa",
];
const SECOND: &[&str] = &[
    "Jaya",
    "Abadi",
    "Sentosa",
    "Makmur",
    "Mandiri",
    "Sejahtera",
    "Perkasa",
    "Lestari",
];
const TRADE: &[&str] = &[
    "Logistik",
    "Tekstil",
    "Garmen",
    "Furnitur",
    "Elektronik",
    "Farmasi",
    "Kimia",
    "Agro",
];
pub(super) const PEOPLE: &[&str] = &[
    "Budi Santoso",
    "Siti Wijaya",
    "Agus Saputra",
    "Dewi Lestari",
    "Rudi Hidayat",
    "Rina Kurniawan",
    "Andi Pratama",
    "Sri Nugroho",
];
const CITIES: &[&str] = &[
    "Jakarta",
    "Surabaya",
    "Bekasi",
    "Tangerang",
    "Bandung",
    "Semarang",
];
const SERVICES: &[&str] = &[
    "Ekspor FCL (sea freight)",
    "Trucking domestik FTL",
    "Impor door to door",
    "Sewa gudang & fulfillment",
];

/// Who the synthetic CRM rows belong to.
pub struct Owners {
    /// Sales owners, used in turn; every 20th customer stays unassigned.
    pub sales: Vec<Uuid>,
    /// Marketing owner and creator of every 100th lead (the demo marketing staff member,
    /// when the demo data is loaded), so their own lists have a realistic size too.
    pub marketing: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CrmCounts {
    pub customers: u64,
    pub prospects: u64,
    pub leads: u64,
}

/// One synthetic customer and everything derived from its number, the same in each pass.
struct Row {
    number: u64,
    customer_id: Uuid,
    prospect_id: Uuid,
    company_name: String,
    company_key: String,
    contact: &'static str,
    npwp: String,
    email: String,
    phone: String,
    city: &'static str,
    owner: Option<Uuid>,
    stage: &'static str,
    channel: &'static str,
    service: &'static str,
    value: i64,
    created_at: DateTime<Utc>,
    second_lead_at: DateTime<Utc>,
}

struct Ids {
    customers: u128,
    prospects: u128,
    leads: u128,
}

fn row(ids: &Ids, owners: &Owners, now: DateTime<Utc>, index: u64, number: u64) -> Row {
    let mut rng = Rng::new(number.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5CA1E);
    let company_name = format!(
        "PT {} {} {} {number}",
        rng.pick(FIRST),
        rng.pick(SECOND),
        rng.pick(TRADE)
    );
    let company_key = CompanyKey::parse(&company_name)
        .map(|k| k.as_str().to_owned())
        .unwrap_or_else(|_| company_name.to_lowercase());
    let owner = if number.is_multiple_of(20) || owners.sales.is_empty() {
        None
    } else {
        let slot = usize::try_from(index % owners.sales.len() as u64).unwrap_or(0);
        Some(owners.sales[slot])
    };
    let stage = if owner.is_some() {
        *rng.weighted(STAGES)
    } else {
        "new"
    };
    let created_at = now - Duration::seconds(rng.range(3_600, 365 * 86_400));
    let second_lead_at = (created_at + Duration::seconds(rng.range(3_600, 60 * 86_400))).min(now);
    Row {
        number,
        customer_id: Uuid::from_u128(ids.customers.wrapping_add(u128::from(index))),
        prospect_id: Uuid::from_u128(ids.prospects.wrapping_add(u128::from(index))),
        company_name,
        company_key,
        contact: rng.pick::<&str>(PEOPLE),
        npwp: format!("99{number:014}"),
        email: format!("cust-{number}@scale.local"),
        phone: format!("+62899{number:08}"),
        city: rng.pick::<&str>(CITIES),
        owner,
        stage,
        channel: rng.pick::<&str>(CHANNELS),
        service: rng.pick::<&str>(SERVICES),
        value: rng.range(50, 1500) * 500_000,
        created_at,
        second_lead_at,
    }
}

pub(super) fn opt(value: Option<Uuid>) -> String {
    value.map_or_else(|| "\\N".to_owned(), |v| v.to_string())
}

pub(super) fn ts(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M:%S%.6f+00").to_string()
}

fn lead_status(stage: &str) -> &'static str {
    match stage {
        "new" => "new",
        "contacted" => "contacted",
        "won" => "converted",
        "lost" => "disqualified",
        _ => "qualified",
    }
}

/// Streams `rows` through `COPY … FROM STDIN` in 64 KiB chunks.
pub(super) async fn copy<F>(
    conn: &mut PgConnection,
    statement: &str,
    count: u64,
    mut line: F,
) -> anyhow::Result<u64>
where
    F: FnMut(u64, &mut String),
{
    let started = std::time::Instant::now();
    let mut copy = conn.copy_in_raw(statement).await?;
    let mut buffer = String::with_capacity(72 * 1024);
    for n in 0..count {
        line(n, &mut buffer);
        if buffer.len() > 64 * 1024 {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.as_bytes()).await?;
    }
    let rows = copy.finish().await?;
    tracing::info!(
        rows,
        seconds = started.elapsed().as_secs_f64(),
        "{}",
        statement.split('(').next().unwrap_or(statement).trim()
    );
    Ok(rows)
}

pub(super) async fn highest(conn: &mut PgConnection, sql: &str) -> anyhow::Result<u64> {
    let value: Option<i64> = sqlx::query_scalar(sql).fetch_one(&mut *conn).await?;
    Ok(u64::try_from(value.unwrap_or(0)).unwrap_or(0))
}

/// Adds `leads` synthetic leads with their customers and prospects.
pub async fn seed(owner: &PgPool, leads: u64, owners: &Owners) -> anyhow::Result<CrmCounts> {
    if leads == 0 {
        return Ok(CrmCounts::default());
    }
    let customers = leads.div_ceil(2);
    let mut tx = owner.begin().await?;
    sqlx::query("set local synchronous_commit = off")
        .execute(&mut *tx)
        .await?;
    let customer_start = highest(
        &mut tx,
        "select max(substr(customer_code, 8)::bigint) from customers where customer_code like 'CUST-S-%'",
    )
    .await?;
    let prospect_start = highest(
        &mut tx,
        "select max(substr(prospect_code, 7)::bigint) from prospects where prospect_code like 'PRS-S-%'",
    )
    .await?;
    let lead_start = highest(
        &mut tx,
        "select max(substr(lead_code, 8)::bigint) from leads where lead_code like 'LEAD-S-%'",
    )
    .await?;
    let ids = Ids {
        customers: Uuid::new_v4().as_u128(),
        prospects: Uuid::new_v4().as_u128(),
        leads: Uuid::new_v4().as_u128(),
    };
    let now = Utc::now();
    let marketing = owners.marketing;

    let added_customers = copy(
        &mut tx,
        "copy customers (id, customer_code, company_name, company_key, npwp, email, phone, contact_name, \
                         city, owner_user_id, created_by, created_at, updated_at) from stdin",
        customers,
        |n, out| {
            let r = row(&ids, owners, now, n, customer_start + n + 1);
            let at = ts(r.created_at);
            out.push_str(&format!(
                "{}\tCUST-S-{:09}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{at}\t{at}\n",
                r.customer_id,
                r.number,
                r.company_name,
                r.company_key,
                r.npwp,
                r.email,
                r.phone,
                r.contact,
                r.city,
                opt(r.owner),
                opt(r.owner.or(marketing)),
            ));
        },
    )
    .await?;

    let added_prospects = copy(
        &mut tx,
        "copy prospects (id, prospect_code, customer_id, owner_user_id, stage, expected_value, \
                         expected_close_date, lost_reason, service_interest, stage_changed_at, created_by, \
                         created_at, updated_at) from stdin",
        customers,
        |n, out| {
            let r = row(&ids, owners, now, n, customer_start + n + 1);
            let at = ts(r.created_at);
            let closes = (r.created_at + Duration::days(90)).format("%Y-%m-%d");
            let lost = if r.stage == "lost" {
                "Harga kompetitor lebih murah"
            } else {
                "\\N"
            };
            out.push_str(&format!(
                "{}\tPRS-S-{:09}\t{}\t{}\t{}\t{}\t{closes}\t{lost}\t{}\t{}\t{}\t{at}\t{}\n",
                r.prospect_id,
                prospect_start + n + 1,
                r.customer_id,
                opt(r.owner),
                r.stage,
                r.value,
                r.service,
                ts(r.second_lead_at),
                opt(r.owner.or(marketing)),
                ts(r.second_lead_at),
            ));
        },
    )
    .await?;

    let added_leads = copy(
        &mut tx,
        "copy leads (id, lead_code, status, channel, channel_raw, company_name, contact_name, email, phone, \
                     npwp, service_interest, customer_id, prospect_id, matched_on, marketing_owner_user_id, \
                     sales_owner_user_id, assigned_at, created_by, created_at, updated_at) from stdin",
        leads,
        |n, out| {
            let r = row(&ids, owners, now, n / 2, customer_start + n / 2 + 1);
            let second = n % 2 == 1;
            let at = if second { r.second_lead_at } else { r.created_at };
            let status = if second && r.stage == "new" {
                "new"
            } else {
                lead_status(r.stage)
            };
            let marketing_owner = marketing.filter(|_| (lead_start + n + 1) % 100 == 0);
            let created_by = marketing_owner.or(r.owner).or(marketing);
            let assigned = r
                .owner
                .map_or_else(|| "\\N".to_owned(), |_| ts(at + Duration::minutes(30)));
            out.push_str(&format!(
                "{}\tLEAD-S-{:09}\t{status}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{assigned}\t{}\t{}\t{}\n",
                Uuid::from_u128(ids.leads.wrapping_add(u128::from(n))),
                lead_start + n + 1,
                r.channel,
                r.channel,
                r.company_name,
                r.contact,
                r.email,
                r.phone,
                if second { "\\N" } else { r.npwp.as_str() },
                r.service,
                r.customer_id,
                r.prospect_id,
                if second { "email" } else { "\\N" },
                opt(marketing_owner),
                opt(r.owner),
                opt(created_by),
                ts(at),
                ts(at),
            ));
        },
    )
    .await?;
    tx.commit().await?;
    // Fresh statistics, or the planner keeps the pre-COPY row counts (and picks
    // sequential scans) until autovacuum gets round to it.
    sqlx::query("analyze customers, prospects, leads, prospect_stage_history")
        .execute(owner)
        .await?;
    Ok(CrmCounts {
        customers: added_customers,
        prospects: added_prospects,
        leads: added_leads,
    })
}
