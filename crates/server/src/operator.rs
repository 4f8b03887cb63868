#![allow(clippy::print_stdout)] // operator commands answer on standard output

//! Operator commands: migrate, create a user, create an API key, rebuild the receivables
//! daily totals. They run through the owner connection, like migrations, so the first
//! administrator can be created.

use anyhow::{bail, Context};
use domain::{auth::ApiScope, auth::NewPassword, Email, Role};
use sqlx::PgPool;

use http_api::credentials::{hash_password, new_api_key, sha256_hex};

use crate::config::{Config, LOGIN_ROLE};

pub async fn owner_pool(config: &Config) -> anyhow::Result<PgPool> {
    sqlx::postgres::PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(std::time::Duration::from_secs(10))
        .connect_with(config.owner_options()?)
        .await
        .context("cannot connect with DATABASE_URL")
}

/// Applies pending migrations and, when `APP_DB_PASSWORD` is set, the login role's password.
pub async fn migrate(config: &Config) -> anyhow::Result<()> {
    let pool = owner_pool(config).await?;
    persistence::MIGRATOR
        .run(&pool)
        .await
        .context("migrations failed")?;
    if let Some(password) = &config.app_db_password {
        let sql: String =
            sqlx::query_scalar("select format('alter role %I password %L', $1::text, $2::text)")
                .bind(LOGIN_ROLE)
                .bind(password.expose())
                .fetch_one(&pool)
                .await?;
        sqlx::query(&sql).execute(&pool).await?;
    }
    pool.close().await;
    Ok(())
}

pub async fn create_user(
    config: &Config,
    email: &str,
    role: &str,
    password: &str,
    full_name: Option<&str>,
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|err| anyhow::anyhow!("--email {err}"))?;
    let role: Role = role
        .parse()
        .map_err(|err| anyhow::anyhow!("--role {err}"))?;
    let password =
        NewPassword::parse(password).map_err(|err| anyhow::anyhow!("--password {err}"))?;
    let hash = hash_password(password.expose().to_owned())
        .await
        .map_err(|err| anyhow::anyhow!("{err}"))?;
    let full_name = full_name.unwrap_or(email.as_str());
    let pool = owner_pool(config).await?;
    let inserted = sqlx::query(
        "insert into profiles (email, full_name, role_name, dept_code, password_hash) \
         values ($1, $2, $3, $4, $5) on conflict (email) do nothing",
    )
    .bind(email.as_str())
    .bind(full_name)
    .bind(role.as_str())
    .bind(role.default_department().code())
    .bind(hash)
    .execute(&pool)
    .await?
    .rows_affected();
    if inserted == 0 {
        bail!("a user with e-mail {email} already exists");
    }
    println!("created user {email} with role {role}");
    Ok(())
}

pub async fn create_api_key(
    config: &Config,
    name: &str,
    scopes: &[String],
    rate_limit_per_minute: i32,
) -> anyhow::Result<()> {
    let name = domain::auth::parse_key_name(name).map_err(|err| anyhow::anyhow!("--name {err}"))?;
    let scopes = scopes
        .iter()
        .map(|s| s.parse::<ApiScope>().map(|scope| scope.as_str().to_owned()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| anyhow::anyhow!("--scope {err}"))?;
    if scopes.is_empty() {
        bail!("give at least one --scope");
    }
    let (key, prefix) = new_api_key();
    let pool = owner_pool(config).await?;
    sqlx::query(
        "insert into api_keys (name, key_prefix, key_hash, scopes, rate_limit_per_minute) \
         values ($1, $2, $3, $4, $5)",
    )
    .bind(&name)
    .bind(&prefix)
    .bind(sha256_hex(&key))
    .bind(&scopes)
    .bind(rate_limit_per_minute)
    .execute(&pool)
    .await?;
    println!(
        "API key {name:?} ({}) — shown once, store it now:\n{key}",
        scopes.join(", ")
    );
    Ok(())
}

/// Rebuilds `ar_daily_totals` from the raw invoices and allocations
/// (`app.ar_rebuild_daily_totals()`, owner only) and says how many days it wrote.
pub async fn rebuild_ar_daily_totals(config: &Config) -> anyhow::Result<()> {
    let pool = owner_pool(config).await?;
    let days: i64 = sqlx::query_scalar("select app.ar_rebuild_daily_totals()")
        .fetch_one(&pool)
        .await
        .context("rebuilding ar_daily_totals")?;
    println!("ar_daily_totals rebuilt: {days} days");
    Ok(())
}
