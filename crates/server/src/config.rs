//! Configuration from the environment (and `.env`), documented in `.env.example`.

use std::{fmt, path::PathBuf, str::FromStr};

use anyhow::{bail, Context};
use sqlx::postgres::PgConnectOptions;

use crate::jwt_secret::JwtSecretSource;

/// A secret value: `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppEnv {
    Development,
    Production,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

pub const DEFAULT_CRON_SECRET: &str = "dev-only-cron-secret-change-me";
pub const LOGIN_ROLE: &str = "cc_app";

#[derive(Debug, Clone)]
pub struct Config {
    pub env: AppEnv,
    /// Owner connection: migrations, seeding, operator commands.
    pub database_url: Secret,
    /// Connection of the server's login role; derived from `database_url` when unset.
    pub app_database_url: Option<Secret>,
    /// Password of the login role, applied by `server migrate` when set.
    pub app_db_password: Option<Secret>,
    pub redis_url: Option<Secret>,
    /// `JWT_SECRET`, else `JWT_SECRET_FILE` (created on first start), else per process.
    pub jwt_secret: Secret,
    pub jwt_secret_source: JwtSecretSource,
    pub cron_secret: Secret,
    /// `METRICS_TOKEN`: the bearer token of `/metrics`; unset, `/metrics` is not served on
    /// the API port.
    pub metrics_token: Option<Secret>,
    /// `METRICS_BIND_ADDR`: an internal address serving `/metrics` without a token.
    pub metrics_bind_addr: Option<String>,
    /// `REQUEST_TIMEOUT_SECONDS` (60) and `UPLOAD_TIMEOUT_SECONDS` (600): time budgets.
    pub request_timeout_seconds: u64,
    pub upload_timeout_seconds: u64,
    pub storage_url: String,
    pub bind_addr: String,
    pub cors_origins: Vec<String>,
    pub log_format: LogFormat,
    pub frontend_dir: PathBuf,
    pub embedded_worker: bool,
    pub db_max_connections: u32,
    /// `DB_ACQUIRE_TIMEOUT_MS` (3,000): how long a request waits for a pooled connection
    /// before it answers 503.
    pub db_acquire_timeout_ms: u64,
    /// `DB_STATEMENT_TIMEOUT_MS` (15,000): a statement running longer is cancelled (503).
    pub db_statement_timeout_ms: u64,
    pub http_workers: usize,
    pub access_token_minutes: i64,
    pub refresh_token_days: i64,
    pub json_limit_bytes: usize,
    /// IMP-1: `IMPORT_MAX_BYTES` (50 MB) and `IMPORT_MAX_ROWS` (1,000,000).
    pub import_max_bytes: usize,
    pub import_max_rows: usize,
    /// WA-1: `WHATSAPP_APP_SECRET`, `WHATSAPP_VERIFY_TOKEN`, `WHATSAPP_CREATE_LEADS` (true).
    pub whatsapp_app_secret: Option<Secret>,
    pub whatsapp_verify_token: Option<Secret>,
    pub whatsapp_create_leads: bool,
    /// USR-2: `USER_EVENTS_RETENTION_DAYS` (365), 1 to 3,650.
    pub user_events_retention_days: i32,
    /// NTF-1 e-mail: None (off) unless SMTP_URL or SMTP_HOST is set (`crate::mail`).
    pub smtp: Option<crate::mail::SmtpSettings>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn parsed<T: FromStr>(name: &str, default: T) -> anyhow::Result<T>
where
    T::Err: fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => raw
            .parse()
            .map_err(|err| anyhow::anyhow!("{name}={raw:?} is invalid: {err}")),
    }
}

impl Config {
    /// Reads the environment (after loading `.env` if present).
    pub fn from_env() -> anyhow::Result<Self> {
        let _ = dotenvy::dotenv();
        let env = match var("APP_ENV").as_deref() {
            None | Some("development") | Some("dev") | Some("demo") => AppEnv::Development,
            Some("production") | Some("prod") => AppEnv::Production,
            Some(other) => bail!("APP_ENV={other:?} is invalid (development or production)"),
        };
        let log_format = match var("LOG_FORMAT").as_deref() {
            None => match env {
                AppEnv::Production => LogFormat::Json,
                AppEnv::Development => LogFormat::Pretty,
            },
            Some("json") => LogFormat::Json,
            Some("pretty") => LogFormat::Pretty,
            Some(other) => bail!("LOG_FORMAT={other:?} is invalid (json or pretty)"),
        };
        let (jwt_secret, jwt_secret_source) = crate::jwt_secret::resolve(
            var("JWT_SECRET"),
            var("JWT_SECRET_FILE").map(PathBuf::from),
        )?;
        let config = Self {
            env,
            database_url: Secret::new(var("DATABASE_URL").context(
                "DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/command_center); \
                 `make run` sets it up for you",
            )?),
            app_database_url: var("APP_DATABASE_URL").map(Secret::new),
            app_db_password: var("APP_DB_PASSWORD").map(Secret::new),
            redis_url: var("REDIS_URL").map(Secret::new),
            jwt_secret,
            jwt_secret_source,
            cron_secret: Secret::new(var("CRON_SECRET").unwrap_or_else(|| DEFAULT_CRON_SECRET.to_owned())),
            metrics_token: var("METRICS_TOKEN").map(Secret::new),
            metrics_bind_addr: var("METRICS_BIND_ADDR"),
            request_timeout_seconds: parsed("REQUEST_TIMEOUT_SECONDS", 60)?,
            upload_timeout_seconds: parsed("UPLOAD_TIMEOUT_SECONDS", 600)?,
            storage_url: var("STORAGE_URL").unwrap_or_else(|| "file://./data/storage".to_owned()),
            bind_addr: var("BIND_ADDR").unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
            cors_origins: var("CORS_ORIGINS")
                .map(|raw| raw.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect())
                .unwrap_or_default(),
            log_format,
            frontend_dir: var("FRONTEND_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("frontend/dist")),
            embedded_worker: parsed("EMBEDDED_WORKER", true)?,
            db_max_connections: parsed("DB_MAX_CONNECTIONS", 16)?,
            db_acquire_timeout_ms: parsed("DB_ACQUIRE_TIMEOUT_MS", 3_000)?,
            db_statement_timeout_ms: parsed("DB_STATEMENT_TIMEOUT_MS", 15_000)?,
            http_workers: parsed("HTTP_WORKERS", 2)?,
            access_token_minutes: parsed("ACCESS_TOKEN_MINUTES", 15)?,
            refresh_token_days: parsed("REFRESH_TOKEN_DAYS", 14)?,
            json_limit_bytes: parsed("JSON_LIMIT_BYTES", 1024 * 1024)?,
            import_max_bytes: parsed("IMPORT_MAX_BYTES", 50 * 1024 * 1024)?,
            import_max_rows: parsed("IMPORT_MAX_ROWS", 1_000_000)?,
            whatsapp_app_secret: var("WHATSAPP_APP_SECRET").map(Secret::new),
            whatsapp_verify_token: var("WHATSAPP_VERIFY_TOKEN").map(Secret::new),
            whatsapp_create_leads: parsed("WHATSAPP_CREATE_LEADS", true)?,
            user_events_retention_days: match var("USER_EVENTS_RETENTION_DAYS") {
                None => domain::user_events::DEFAULT_RETENTION_DAYS,
                Some(raw) => domain::user_events::parse_retention_days(&raw)
                    .map_err(|err| anyhow::anyhow!("USER_EVENTS_RETENTION_DAYS={err}"))?,
            },
            smtp: crate::mail::SmtpSettings::from_env()?,
        };
        config.validate()?;
        Ok(config)
    }

    /// Refuses production mode with default or weak secrets.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.env == AppEnv::Production {
            if self.jwt_secret_source == JwtSecretSource::Process
                || self.jwt_secret.expose().len() < crate::jwt_secret::MIN_LEN
            {
                bail!("refusing to start in production: set JWT_SECRET to a random value of at least 32 characters (or JWT_SECRET_FILE to a file the server may create)");
            }
            if self.cron_secret.expose() == DEFAULT_CRON_SECRET
                || self.cron_secret.expose().len() < 16
            {
                bail!("refusing to start in production: set CRON_SECRET to a random value of at least 16 characters");
            }
        }
        if !(1..=1440).contains(&self.access_token_minutes) {
            bail!("ACCESS_TOKEN_MINUTES must be between 1 and 1440");
        }
        if self.request_timeout_seconds == 0 || self.upload_timeout_seconds == 0 {
            bail!("REQUEST_TIMEOUT_SECONDS and UPLOAD_TIMEOUT_SECONDS must be at least 1");
        }
        if self
            .metrics_token
            .as_ref()
            .is_some_and(|t| t.expose().len() < 16)
        {
            bail!("METRICS_TOKEN must be at least 16 characters");
        }
        Ok(())
    }

    pub fn worker_settings(&self) -> crate::worker::WorkerSettings {
        crate::worker::WorkerSettings {
            user_events_retention_days: self.user_events_retention_days,
        }
    }

    pub fn production(&self) -> bool {
        self.env == AppEnv::Production
    }

    pub fn owner_options(&self) -> anyhow::Result<PgConnectOptions> {
        PgConnectOptions::from_str(self.database_url.expose())
            .context("DATABASE_URL is not a valid PostgreSQL URL")
    }

    /// The directory of `STORAGE_URL=file://<dir>` (the only storage backend so far).
    pub fn storage_dir(&self) -> anyhow::Result<PathBuf> {
        match self.storage_url.strip_prefix("file://") {
            Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
            _ => bail!(
                "STORAGE_URL={:?} is not supported: use file://<directory>",
                self.storage_url
            ),
        }
    }

    /// The server's connection: `APP_DATABASE_URL`, or `DATABASE_URL` with the login role
    /// `cc_app` (and `APP_DB_PASSWORD`) in place of the owner.
    pub fn app_options(&self) -> anyhow::Result<PgConnectOptions> {
        if let Some(url) = &self.app_database_url {
            return PgConnectOptions::from_str(url.expose())
                .context("APP_DATABASE_URL is not a valid PostgreSQL URL");
        }
        let options = self.owner_options()?.username(LOGIN_ROLE);
        Ok(match &self.app_db_password {
            Some(password) => options.password(password.expose()),
            None => options,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(env: AppEnv, jwt: &str) -> Config {
        Config {
            env,
            database_url: Secret::new("postgres://owner:pw@localhost/cc"),
            app_database_url: None,
            app_db_password: None,
            redis_url: None,
            jwt_secret: Secret::new(jwt),
            jwt_secret_source: JwtSecretSource::Env,
            cron_secret: Secret::new("a-cron-secret-that-is-long-enough"),
            metrics_token: None,
            metrics_bind_addr: None,
            request_timeout_seconds: 60,
            upload_timeout_seconds: 600,
            storage_url: String::new(),
            bind_addr: String::new(),
            cors_origins: vec![],
            log_format: LogFormat::Json,
            frontend_dir: PathBuf::new(),
            embedded_worker: false,
            db_max_connections: 1,
            db_acquire_timeout_ms: 1,
            db_statement_timeout_ms: 1,
            http_workers: 1,
            access_token_minutes: 15,
            refresh_token_days: 14,
            json_limit_bytes: 1,
            import_max_bytes: 1,
            import_max_rows: 1,
            whatsapp_app_secret: None,
            whatsapp_verify_token: None,
            whatsapp_create_leads: true,
            user_events_retention_days: 365,
            smtp: None,
        }
    }

    #[test]
    fn production_refuses_short_or_per_process_secrets() {
        let long = "a-very-long-random-secret-value-0123456789";
        assert!(config(AppEnv::Production, "short").validate().is_err());
        assert!(config(AppEnv::Production, long).validate().is_ok());
        let mut per_process = config(AppEnv::Production, long);
        per_process.jwt_secret_source = JwtSecretSource::Process;
        assert!(per_process.validate().is_err());
        assert!(config(AppEnv::Development, "short").validate().is_ok());
    }

    #[test]
    fn secrets_are_redacted_in_debug() {
        let shown = format!("{:?}", config(AppEnv::Development, "super-secret-jwt"));
        assert!(!shown.contains("super-secret-jwt"));
        assert!(!shown.contains("owner:pw"));
    }

    #[test]
    fn app_connection_uses_the_login_role() {
        let options = config(AppEnv::Development, "x")
            .app_options()
            .map(|o| o.get_username().to_owned());
        assert_eq!(options.ok().as_deref(), Some(LOGIN_ROLE));
    }
}
