//! `server serve`: connects, checks the database role, starts HTTP (and the worker).

use std::{net::TcpListener, sync::Arc, time::Duration};

use anyhow::{bail, Context};
use http_api::{credentials::JwtKeys, rate_limit::Limiters, AppState, HttpSettings};
use persistence::{Db, DbSettings};

use crate::{config::Config, seed};

pub fn db_settings(config: &Config) -> DbSettings {
    DbSettings {
        max_connections: config.db_max_connections,
        acquire_timeout: Duration::from_millis(config.db_acquire_timeout_ms),
        statement_timeout: Duration::from_millis(config.db_statement_timeout_ms),
    }
}

/// Builds the shared state of the HTTP layer.
pub fn app_state(config: &Config, db: Db) -> anyhow::Result<AppState> {
    let redis = match &config.redis_url {
        Some(url) => Some(
            deadpool_redis::Config::from_url(url.expose())
                .create_pool(Some(deadpool_redis::Runtime::Tokio1))
                .context("REDIS_URL is invalid")?,
        ),
        None => None,
    };
    let cache = http_api::cache::Cache::new(redis.clone(), "cc");
    Ok(AppState {
        events: http_api::events::EventHub::start(db.clone(), cache.clone()),
        cache,
        db,
        jwt: JwtKeys::new(
            config.jwt_secret.expose(),
            chrono::Duration::minutes(config.access_token_minutes),
        ),
        limits: Arc::new(Limiters::new(redis, "cc")),
        settings: Arc::new(HttpSettings {
            production: config.production(),
            cors_origins: config.cors_origins.clone(),
            json_limit_bytes: config.json_limit_bytes,
            refresh_ttl: chrono::Duration::days(config.refresh_token_days),
            frontend_dir: Some(config.frontend_dir.clone()),
            storage_dir: config.storage_dir()?,
            import_limits: domain::imports::sheet::SheetLimits {
                max_bytes: config.import_max_bytes,
                max_rows: config.import_max_rows,
                ..Default::default()
            },
            whatsapp: http_api::WhatsAppSettings {
                app_secret: config
                    .whatsapp_app_secret
                    .as_ref()
                    .map(|s| s.expose().to_owned()),
                verify_token: config
                    .whatsapp_verify_token
                    .as_ref()
                    .map(|s| s.expose().to_owned()),
                create_leads: config.whatsapp_create_leads,
            },
            cron_secret: Some(config.cron_secret.expose().to_owned()),
            metrics_token: config.metrics_token.as_ref().map(|t| t.expose().to_owned()),
            request_timeout: Duration::from_secs(config.request_timeout_seconds),
            upload_timeout: Duration::from_secs(config.upload_timeout_seconds),
        }),
    })
}

/// Refuses to serve through a role that could bypass row-level security.
async fn check_login_role(config: &Config) -> anyhow::Result<()> {
    let options = config.app_options()?;
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(5))
        .connect_with(options)
        .await;
    let pool = match pool {
        Ok(pool) => pool,
        Err(err) => {
            tracing::warn!(error = %err, "database not reachable at start-up; serving 503 until it is");
            return Ok(());
        }
    };
    let (name, privileged): (String, bool) = sqlx::query_as(
        "select rolname::text, rolsuper or rolbypassrls from pg_roles where rolname = current_user",
    )
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    if privileged {
        bail!("the server's database role {name} is a superuser or bypasses RLS; connect as the login role cc_app");
    }
    Ok(())
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    if config.jwt_secret_source == crate::jwt_secret::JwtSecretSource::Process {
        tracing::warn!("JWT_SECRET and JWT_SECRET_FILE are unset: access tokens are signed with a key of this process and die with it");
    }
    check_login_role(&config).await?;
    let db = Db::connect_lazy(config.app_options()?, &db_settings(&config));
    let listener = TcpListener::bind(&config.bind_addr)
        .with_context(|| format!("cannot bind {}", config.bind_addr))?;
    let address = listener.local_addr()?;
    let state = app_state(&config, db.clone())?;
    let metrics_listener = match &config.metrics_bind_addr {
        Some(addr) => Some(
            TcpListener::bind(addr)
                .with_context(|| format!("cannot bind METRICS_BIND_ADDR {addr}"))?,
        ),
        None => None,
    };
    let server =
        http_api::server_with_metrics(listener, metrics_listener, state, config.http_workers)?;
    let mailer = config
        .smtp
        .as_ref()
        .map(crate::mail::Mailer::new)
        .transpose()?;
    let worker = config.embedded_worker.then(|| {
        tokio::spawn(crate::worker::run(
            db.clone(),
            config.worker_settings(),
            mailer,
        ))
    });
    banner(&config, address);
    server.await?;
    if let Some(worker) = worker {
        worker.abort();
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

fn banner(config: &Config, address: std::net::SocketAddr) {
    let url = format!("http://{address}");
    let mut lines = vec![
        String::new(),
        format!("  Command Center is running at {url}"),
        format!("  API docs: {url}/api/docs    readiness: {url}/readyz"),
    ];
    if !config.production() {
        lines.push(format!(
            "  Demo accounts (password {}): <role>@demo.local, e.g.",
            seed::DEMO_PASSWORD
        ));
        for user in seed::DEMO_USERS {
            lines.push(format!("    {:<32} {}", user.email, user.role.as_str()));
        }
        lines.push(format!(
            "  Demo API key (X-API-KEY): {}",
            http_api::DEMO_API_KEY
        ));
    }
    lines.push(String::new());
    tracing::info!(%url, "listening");
    eprintln!("{}", lines.join("\n"));
}
