//! The HTTP layer of Command Center: actix-web routes per module, extractors for
//! authentication, idempotency and validated JSON, one error envelope, OpenAPI.

pub mod api;
pub mod cache;
pub mod credentials;
pub mod error;
pub mod events;
pub mod extract;
pub mod idempotency;
pub mod rate_limit;
pub mod state;
pub mod text_guard;

mod allowed_methods;
mod compression;
mod openapi;
mod openapi_shared;
mod router;
mod web_app;

pub use openapi::openapi;
pub use state::{AppState, HttpSettings, WhatsAppSettings};
pub use web_app::{server, server_with_metrics};

/// The demo API key of CLI-2, refused in production mode.
pub const DEMO_API_KEY: &str = "demo-n8n-api-key";
/// E-mail domain of the demo accounts, refused in production mode.
pub const DEMO_EMAIL_DOMAIN: &str = "@demo.local";
