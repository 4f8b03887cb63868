//! The two endpoints n8n pushes to, with the exact seed-004 contract (TCK-2, BRD-1):
//! `POST /tickets` (`api/tickets/intake.rs`) and `POST /broadcast-logs`
//! (`api/broadcasts/intake.rs`); this module holds the contract both keep. They also serve the
//! SPA with a JWT.
//!
//! * Body problems are `400 {"error": "<field> is required", "code": "validation_failed",
//!   "details": {...}}` — `error` names the first problem, `details` all of them.
//! * Retries are safe: with `Idempotency-Key` (PLT-IDEM: the stored answer, 422 if the
//!   key comes back with another body) and without any header (the same caller sending
//!   the same body within 24 hours gets the first answer, `Idempotent-Replayed: true`).

mod body;
mod fields;
mod retry;

pub use body::*;
pub use fields::*;
pub use retry::*;
