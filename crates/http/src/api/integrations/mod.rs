//! Endpoints for machine principals (n8n) to check their credentials.

pub mod ping;
