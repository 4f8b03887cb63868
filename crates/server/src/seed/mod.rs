//! Demo data (CLI-2) and synthetic data for benchmarks (`seed --scale N`). Both run
//! through the owner connection, as operator commands.
//!
//! * [`demo`]: the demo users and API key, then a believable month of CRM work
//!   ([`crm_demo`]) and of broadcasts and CS tickets ([`ticket_demo`]) — deterministic,
//!   loaded in one transaction, and a month of WhatsApp conversations and campaigns fed
//!   through the real intake path ([`wa_demo`]).
//!   Then six months of receivables for the demo customers ([`ar_demo`]) and six months
//!   of KPI targets with the education line's entries ([`kpi_demo`]).
//! * [`scale`]: synthetic users and CRM rows with `COPY` ([`crm_scale`]), ticketing
//!   ([`ticket_scale`]) and receivables ([`ar_scale`]).

pub mod ar_demo;
pub mod ar_scale;
pub mod crm_demo;
pub mod crm_scale;
pub mod kpi_demo;
pub mod news_demo;
pub mod rng;
pub mod ticket_demo;
pub mod ticket_scale;
pub mod wa_demo;
pub mod wa_scale;

use std::path::{Path, PathBuf};

use anyhow::Context;
use domain::Role;
use sqlx::PgPool;
use uuid::Uuid;

use http_api::credentials::{api_key_prefix, hash_password, sha256_hex};

pub const DEMO_PASSWORD: &str = "demo12345";

pub struct DemoUser {
    pub email: &'static str,
    pub full_name: &'static str,
    pub role: Role,
    /// E-mail of the user's manager.
    pub manager: Option<&'static str>,
}

const fn user(
    email: &'static str,
    full_name: &'static str,
    role: Role,
    manager: Option<&'static str>,
) -> DemoUser {
    DemoUser {
        email,
        full_name,
        role,
        manager,
    }
}

/// One user per role plus a second salesperson and CS agent; managers listed first.
pub const DEMO_USERS: &[DemoUser] = &[
    user(
        "super_admin@demo.local",
        "Admin Utama",
        Role::SuperAdmin,
        None,
    ),
    user("director@demo.local", "Hendra Wijaya", Role::Director, None),
    user(
        "marketing_manager@demo.local",
        "Rina Marlina",
        Role::MarketingManager,
        Some("director@demo.local"),
    ),
    user(
        "sales_manager@demo.local",
        "Budi Santoso",
        Role::SalesManager,
        Some("director@demo.local"),
    ),
    user(
        "finance_manager@demo.local",
        "Maya Sari",
        Role::FinanceManager,
        Some("director@demo.local"),
    ),
    user(
        "cs_admin@demo.local",
        "Putri Ayu",
        Role::CsAdmin,
        Some("director@demo.local"),
    ),
    user(
        "marketing_staff@demo.local",
        "Agus Pratama",
        Role::MarketingStaff,
        Some("marketing_manager@demo.local"),
    ),
    user(
        "salesperson@demo.local",
        "Siti Rahmawati",
        Role::Salesperson,
        Some("sales_manager@demo.local"),
    ),
    user(
        "salesperson2@demo.local",
        "Joko Susilo",
        Role::Salesperson,
        Some("sales_manager@demo.local"),
    ),
    user(
        "sales_support@demo.local",
        "Lina Kurniawati",
        Role::SalesSupport,
        Some("sales_manager@demo.local"),
    ),
    user("ops_exim@demo.local", "Rudi Hartono", Role::OpsExim, None),
    user(
        "ops_domestic@demo.local",
        "Yanti Lestari",
        Role::OpsDomestic,
        None,
    ),
    user(
        "ops_import_dtd@demo.local",
        "Andi Saputra",
        Role::OpsImportDtd,
        None,
    ),
    user(
        "ops_warehouse@demo.local",
        "Bambang Irawan",
        Role::OpsWarehouse,
        None,
    ),
    user(
        "finance_staff@demo.local",
        "Fajar Nugroho",
        Role::FinanceStaff,
        Some("finance_manager@demo.local"),
    ),
    user(
        "cs_agent@demo.local",
        "Dimas Prasetyo",
        Role::CsAgent,
        Some("cs_admin@demo.local"),
    ),
    user(
        "cs_agent2@demo.local",
        "Nur Aini",
        Role::CsAgent,
        Some("cs_admin@demo.local"),
    ),
];

/// Switches the named triggers of `table` on or off in `conn` (the seeds write what
/// some triggers would stamp with the time of seeding, or do their work in bulk).
pub(crate) async fn switch_triggers(
    conn: &mut sqlx::PgConnection,
    table: &str,
    names: &[impl AsRef<str>],
    on: bool,
) -> anyhow::Result<()> {
    let verb = if on { "enable" } else { "disable" };
    for name in names.iter().map(AsRef::as_ref) {
        sqlx::query(&format!("alter table {table} {verb} trigger {name}"))
            .execute(&mut *conn)
            .await
            .with_context(|| format!("{verb} {name}"))?;
    }
    Ok(())
}

/// Where `server serve` keeps files, when that is known here: `STORAGE_URL=file://<dir>`,
/// or its default `./data/storage` when run from the project's root (as `make run` does).
/// Visit photos of the demo data are written there.
pub fn storage_dir_from_env() -> Option<PathBuf> {
    match std::env::var("STORAGE_URL") {
        Ok(url) if !url.trim().is_empty() => url
            .trim()
            .strip_prefix("file://")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from),
        _ => (Path::new("Cargo.toml").is_file() && Path::new("migrations").is_dir())
            .then(|| PathBuf::from("./data/storage")),
    }
}

/// Loads the demo data into an empty database; returns false (and changes nothing) when
/// the database already has users. Visit photos go to [`storage_dir_from_env`].
pub async fn demo(owner: &PgPool) -> anyhow::Result<bool> {
    demo_with_storage(owner, storage_dir_from_env().as_deref()).await
}

/// [`demo`] with an explicit storage directory for the visit photos; without one, past
/// visits are recorded as meetings (a visit needs its photo).
pub async fn demo_with_storage(owner: &PgPool, storage: Option<&Path>) -> anyhow::Result<bool> {
    let mut tx = owner.begin().await?;
    // One seeding at a time; a second concurrent run sees the users and stops.
    sqlx::query("select pg_advisory_xact_lock(hashtext('command-center-demo-seed'))")
        .execute(&mut *tx)
        .await?;
    let users: i64 = sqlx::query_scalar("select count(*) from profiles")
        .fetch_one(&mut *tx)
        .await?;
    if users > 0 {
        return Ok(false);
    }
    let password_hash = hash_password(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|err| anyhow::anyhow!("{err}"))?;
    for demo in DEMO_USERS {
        let manager: Option<Uuid> = match demo.manager {
            Some(email) => Some(
                sqlx::query_scalar("select id from profiles where email = $1")
                    .bind(email)
                    .fetch_one(&mut *tx)
                    .await
                    .with_context(|| {
                        format!("manager {email} of {} not seeded first", demo.email)
                    })?,
            ),
            None => None,
        };
        sqlx::query(
            "insert into profiles (email, full_name, role_name, dept_code, manager_user_id, password_hash) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(demo.email)
        .bind(demo.full_name)
        .bind(demo.role.as_str())
        .bind(demo.role.default_department().code())
        .bind(manager)
        .bind(&password_hash)
        .execute(&mut *tx)
        .await?;
    }
    let key = http_api::DEMO_API_KEY;
    sqlx::query(
        // The demo key drives `make bench` (wrk): its rate is the highest allowed.
        "insert into api_keys (name, key_prefix, key_hash, scopes, created_by, rate_limit_per_minute) \
         select 'Demo n8n', $1, $2, array['tickets:write', 'broadcast:write', 'whatsapp:write'], id, 1000000 \
           from profiles where email = 'super_admin@demo.local'",
    )
    .bind(api_key_prefix(key))
    .bind(sha256_hex(key))
    .execute(&mut *tx)
    .await?;
    let team = crm_demo::Team::load(&mut tx).await?;
    let clock = crm_demo::Clock::new(chrono::Utc::now());
    let plan = crm_demo::build(&team, &clock, storage.is_some());
    // The demo is history: statuses, closing times and SLA trails as they happened.
    ticket_demo::stamping_triggers(&mut tx, false).await?;
    crm_demo::insert(&mut tx, &team, &plan, storage).await?;
    let (broadcasts, tickets) = ticket_demo::insert(&mut tx, &clock).await?;
    ticket_demo::stamping_triggers(&mut tx, true).await?;
    let started = std::time::Instant::now();
    let whatsapp = wa_demo::insert(&mut tx, &clock).await?;
    let whatsapp_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let receivables = ar_demo::build(&team, &clock, &plan);
    let (invoices, payments, allocations) = ar_demo::insert(&mut tx, &receivables).await?;
    let kpi = kpi_demo::build(&team, &kpi_demo::Setters::load(&mut tx).await?, &clock);
    let (kpi_targets, kpi_entries) = kpi_demo::insert(&mut tx, &kpi).await?;
    news_demo::insert(&mut tx, &clock).await?;
    tx.commit().await?;
    tracing::info!(broadcasts, tickets, "demo ticketing data loaded");
    tracing::info!(
        bodies = whatsapp.bodies,
        conversations = whatsapp.conversations,
        messages = whatsapp.messages,
        statuses = whatsapp.statuses,
        leads = whatsapp.leads,
        elapsed_ms = whatsapp_ms,
        "demo WhatsApp traffic loaded"
    );
    tracing::info!(invoices, payments, allocations, "demo receivables loaded");
    tracing::info!(
        kpi_targets,
        kpi_entries,
        "demo KPI targets and entries loaded"
    );
    tracing::info!(
        leads = plan.leads.len(),
        customers = plan.customers.len(),
        prospects = plan.prospects.len(),
        activities = plan.activities.len(),
        visit_photos = storage.map(|dir| dir.display().to_string()),
        "demo CRM data loaded"
    );
    Ok(true)
}

/// Synthetic data for benchmarks: `count` users (`scale-<n>@scale.local`, role
/// salesperson, no usable password) with one COPY, then `count` CRM leads with
/// ⌈count/2⌉ customers and prospects ([`crm_scale`]). The leads are spread over books of
/// about 1,000 leads: the first ⌈count/1000⌉ new users and, when the demo data is loaded,
/// `salesperson@demo.local` and `salesperson2@demo.local` (so a benchmark can sign in as a
/// salesperson with a realistic book). Then ticketing ([`ticket_scale`]): ⌈count/5000⌉
/// CS agents (`cs-<n>@scale.local`), `count` broadcast logs and `count` tickets worked by
/// those agents and, when the demo is loaded, `cs_agent@demo.local` and
/// `cs_agent2@demo.local` (a queue of a few thousand tickets each), most of them sent by
/// the demo n8n key. Then receivables ([`scale_ar`]): `count` invoices with about
/// 1.2·`count` allocations and their payments for the synthetic customers that were won.
/// Then WhatsApp ([`wa_scale`]): `count`/2 conversations with 5·`count` messages and
/// `count`/5 campaign messages, worked by the CS agents. Returns the number of salesperson
/// users added.
pub async fn scale(owner: &PgPool, count: u64) -> anyhow::Result<u64> {
    let (users, first) = scale_users(owner, count, "scale", "salesperson", "SAL").await?;
    let books = count.div_ceil(1000).min(users);
    let emails: Vec<String> = (first..first + books)
        .map(|n| user_email("scale", n))
        .collect();
    let crm = scale_crm(owner, count, &emails).await?;
    tracing::info!(
        users,
        leads = crm.leads,
        customers = crm.customers,
        prospects = crm.prospects,
        "synthetic CRM data added"
    );
    let ticketing = scale_tickets(owner, count).await?;
    tracing::info!(
        broadcast_logs = ticketing.broadcast_logs,
        shipments = ticketing.shipments,
        tickets = ticketing.tickets,
        messages = ticketing.messages,
        sla_events = ticketing.sla_events,
        "synthetic ticketing data added"
    );
    let receivables = scale_ar(owner, count).await?;
    tracing::info!(
        customers = receivables.customers,
        invoices = receivables.invoices,
        payments = receivables.payments,
        allocations = receivables.allocations,
        "synthetic receivables added"
    );
    let agents: Vec<Uuid> = sqlx::query_scalar(
        "select id from profiles where role_name = 'cs_agent' and is_active order by email",
    )
    .fetch_all(owner)
    .await?;
    let whatsapp = wa_scale::seed(owner, count, &agents).await?;
    tracing::info!(
        conversations = whatsapp.conversations,
        messages = whatsapp.messages,
        campaign_messages = whatsapp.campaign_messages,
        "synthetic WhatsApp traffic added"
    );
    Ok(users)
}

/// The receivables part of [`scale`]: `count` invoices over the synthetic customers with
/// about 1.2·`count` allocations and their payments ([`ar_scale`]), entered by
/// `finance_staff@demo.local` when the demo is loaded.
pub async fn scale_ar(owner: &PgPool, count: u64) -> anyhow::Result<ar_scale::ArCounts> {
    let finance: Option<Uuid> = sqlx::query_scalar(
        "select id from profiles where email = 'finance_staff@demo.local' and is_active",
    )
    .fetch_optional(owner)
    .await?;
    ar_scale::seed(owner, count, finance).await
}

/// The ticketing part of [`scale`]: `count` broadcast logs and tickets.
pub async fn scale_tickets(
    owner: &PgPool,
    count: u64,
) -> anyhow::Result<ticket_scale::TicketCounts> {
    if count == 0 {
        return Ok(ticket_scale::TicketCounts::default());
    }
    let (agents, first) = scale_users(owner, count.div_ceil(5000), "cs", "cs_agent", "CS").await?;
    let emails: Vec<String> = (first..first + agents)
        .map(|n| user_email("cs", n))
        .collect();
    let agents: Vec<Uuid> = sqlx::query_scalar(
        "select id from profiles \
          where (email in ('cs_agent@demo.local', 'cs_agent2@demo.local') and is_active) \
             or email = any($1::text[]) \
          order by email like '%@demo.local' desc, email",
    )
    .bind(&emails)
    .fetch_all(owner)
    .await?;
    let admin: Option<Uuid> = sqlx::query_scalar(
        "select id from profiles where email = 'cs_admin@demo.local' and is_active",
    )
    .fetch_optional(owner)
    .await?;
    let api_key: Option<Uuid> = sqlx::query_scalar(
        "select id from api_keys where revoked_at is null and 'tickets:write' = any(scopes) \
          order by created_at limit 1",
    )
    .fetch_optional(owner)
    .await?;
    let people = ticket_scale::People {
        agents,
        admin,
        api_key,
    };
    ticket_scale::seed(owner, count, count, &people).await
}

fn user_email(prefix: &str, index: u64) -> String {
    format!("{prefix}-{index:07}@scale.local")
}

/// The CRM part of [`scale`]: `leads` leads whose sales owners are the users with
/// `owner_emails` plus the demo salespersons when present.
pub async fn scale_crm(
    owner: &PgPool,
    leads: u64,
    owner_emails: &[String],
) -> anyhow::Result<crm_scale::CrmCounts> {
    let mut sales: Vec<Uuid> = sqlx::query_scalar(
        "select id from profiles \
          where email in ('salesperson@demo.local', 'salesperson2@demo.local') and is_active \
          order by email",
    )
    .fetch_all(owner)
    .await?;
    let scale_users: Vec<Uuid> =
        sqlx::query_scalar("select id from profiles where email = any($1::text[]) order by email")
            .bind(owner_emails)
            .fetch_all(owner)
            .await?;
    sales.extend(scale_users);
    let marketing: Option<Uuid> = sqlx::query_scalar(
        "select id from profiles where email = 'marketing_staff@demo.local' and is_active",
    )
    .fetch_optional(owner)
    .await?;
    crm_scale::seed(owner, leads, &crm_scale::Owners { sales, marketing }).await
}

/// Adds `count` users `<prefix>-<n>@scale.local` with `role` in `dept` (no usable
/// password); returns how many and the index of the first.
async fn scale_users(
    owner: &PgPool,
    count: u64,
    prefix: &str,
    role: &str,
    dept: &str,
) -> anyhow::Result<(u64, u64)> {
    let mut conn = owner.acquire().await?;
    let start: i64 = sqlx::query_scalar("select count(*) from profiles where email like $1")
        .bind(format!("{prefix}-%@scale.local"))
        .fetch_one(&mut *conn)
        .await?;
    let mut copy = conn
        .copy_in_raw(
            "copy profiles (email, full_name, role_name, dept_code, password_hash) from stdin",
        )
        .await?;
    let first = u64::try_from(start).unwrap_or(0) + 1;
    let mut buffer = String::with_capacity(64 * 1024);
    for index in first..first + count {
        buffer.push_str(&format!(
            "{}\tScale User {index}\t{role}\t{dept}\t!disabled\n",
            user_email(prefix, index)
        ));
        if buffer.len() > 60 * 1024 {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.as_bytes()).await?;
    }
    Ok((copy.finish().await?, first))
}
