use std::{path::PathBuf, sync::Arc};

use persistence::Db;

use crate::{cache::Cache, credentials::JwtKeys, events::EventHub, rate_limit::RateLimiter};

/// Settings of the HTTP layer, filled by the server from its configuration.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// Production mode: demo credentials are refused, HSTS is sent.
    pub production: bool,
    pub cors_origins: Vec<String>,
    pub json_limit_bytes: usize,
    pub refresh_ttl: chrono::Duration,
    /// Where the built SPA lives (`frontend/dist`); served at `/` when it exists.
    pub frontend_dir: Option<PathBuf>,
    /// Root of the file storage (`STORAGE_URL=file://...`): `<root>/<bucket>/<key>`.
    pub storage_dir: PathBuf,
    /// IMP-1: the largest upload, the most rows, the most a workbook may inflate to.
    pub import_limits: domain::imports::sheet::SheetLimits,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            production: false,
            cors_origins: Vec::new(),
            json_limit_bytes: 1024 * 1024,
            refresh_ttl: chrono::Duration::days(14),
            frontend_dir: None,
            storage_dir: PathBuf::from("./data/storage"),
            import_limits: domain::imports::sheet::SheetLimits::default(),
        }
    }
}

/// Everything a handler may use, shared by all workers.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    pub login_limiter: Arc<RateLimiter>,
    pub settings: Arc<HttpSettings>,
    /// Realtime changes for the `/events` streams.
    pub events: EventHub,
    /// Dashboard aggregates (Redis, optional).
    pub cache: Cache,
}
