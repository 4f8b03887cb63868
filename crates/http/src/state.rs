use std::{path::PathBuf, sync::Arc};

use persistence::Db;

use crate::{cache::Cache, credentials::JwtKeys, events::EventHub, rate_limit::Limiters};

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
    /// WA-1: how WhatsApp bodies are accepted and linked.
    pub whatsapp: WhatsAppSettings,
    /// WA-2: the bearer secret of `cron/aggregate-metrics` (`CRON_SECRET`); none refuses it.
    pub cron_secret: Option<String>,
    /// `GET /metrics` on the API port needs `Authorization: Bearer <METRICS_TOKEN>`; without
    /// a token it is not served there (404).
    pub metrics_token: Option<String>,
    /// How long a request may take before it is answered 503 (`REQUEST_TIMEOUT_SECONDS`).
    pub request_timeout: std::time::Duration,
    /// The same for uploads (`POST /files`, `POST /imports`) and spreadsheet exports
    /// (`/exports/...`): `UPLOAD_TIMEOUT_SECONDS`.
    pub upload_timeout: std::time::Duration,
}

/// WA-1 settings: the app secret a direct Meta subscription signs with
/// (`WHATSAPP_APP_SECRET`; unset: only API keys are accepted), the verification token of
/// the subscription handshake (`WHATSAPP_VERIFY_TOKEN`; unset: the handshake is refused)
/// and whether an unknown number becomes a lead (`WHATSAPP_CREATE_LEADS`, default on).
#[derive(Debug, Clone)]
pub struct WhatsAppSettings {
    pub app_secret: Option<String>,
    pub verify_token: Option<String>,
    pub create_leads: bool,
}

impl Default for WhatsAppSettings {
    fn default() -> Self {
        Self {
            app_secret: None,
            verify_token: None,
            create_leads: true,
        }
    }
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
            whatsapp: WhatsAppSettings::default(),
            cron_secret: None,
            metrics_token: None,
            request_timeout: std::time::Duration::from_secs(60),
            upload_timeout: std::time::Duration::from_secs(600),
        }
    }
}

/// Everything a handler may use, shared by all workers.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub jwt: JwtKeys,
    /// Login failures, unknown API keys and per-key request buckets.
    pub limits: Arc<Limiters>,
    pub settings: Arc<HttpSettings>,
    /// Realtime changes for the `/events` streams.
    pub events: EventHub,
    /// Dashboard aggregates (Redis, optional).
    pub cache: Cache,
}
