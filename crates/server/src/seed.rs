//! Demo data (CLI-2) and synthetic data for benchmarks (`seed --scale N`). Both run
//! through the owner connection, as operator commands.

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

/// Loads the demo data into an empty database; returns false (and changes nothing) when
/// the database already has users.
pub async fn demo(owner: &PgPool) -> anyhow::Result<bool> {
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
        "insert into api_keys (name, key_prefix, key_hash, scopes, created_by) \
         select 'Demo n8n', $1, $2, array['tickets:write', 'broadcast:write', 'whatsapp:write'], id \
           from profiles where email = 'super_admin@demo.local'",
    )
    .bind(api_key_prefix(key))
    .bind(sha256_hex(key))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Adds `count` synthetic users (`scale-<n>@scale.local`, role salesperson, inactive
/// password) with one COPY; later modules add their tables here.
pub async fn scale(owner: &PgPool, count: u64) -> anyhow::Result<u64> {
    let mut conn = owner.acquire().await?;
    let start: i64 =
        sqlx::query_scalar("select count(*) from profiles where email like 'scale-%@scale.local'")
            .fetch_one(&mut *conn)
            .await?;
    let mut copy = conn
        .copy_in_raw(
            "copy profiles (email, full_name, role_name, dept_code, password_hash) from stdin",
        )
        .await?;
    let mut buffer = String::with_capacity(64 * 1024);
    for n in 0..count {
        let index = u64::try_from(start).unwrap_or(0) + n + 1;
        buffer.push_str(&format!(
            "scale-{index:07}@scale.local\tScale User {index}\tsalesperson\tSAL\t!disabled\n"
        ));
        if buffer.len() > 60 * 1024 {
            copy.send(buffer.as_bytes()).await?;
            buffer.clear();
        }
    }
    if !buffer.is_empty() {
        copy.send(buffer.as_bytes()).await?;
    }
    Ok(copy.finish().await?)
}
