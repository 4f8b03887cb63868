//! BRD-2: broadcast monitoring — the logs n8n pushed (search by AWB or phone, status and
//! days), the day's summary, and a shipment's state per AWB. For super admin, director
//! and CS (SPEC §3); the database enforces it too. `POST /broadcast-logs` is the n8n
//! intake (BRD-1, `intake.rs`), keeping the contract of `api/intake`.

mod export;
mod intake;
mod intake_batch;
mod list;
mod rule_update;
mod rules;
mod shipment;
mod summary;

pub use export::*;
pub use intake::*;
pub use list::*;
pub use rule_update::*;
pub use rules::*;
pub use shipment::*;
pub use summary::*;

use domain::tickets::reads_broadcasts;

use crate::error::{ApiError, ApiResult};

/// 403 unless the role reads the broadcast monitor.
fn require_reader(role: domain::Role) -> ApiResult<()> {
    if reads_broadcasts(role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_broadcast_logs)
        .service(broadcast_summary)
        .service(export_broadcast_logs)
        .service(create_broadcast_logs)
        .service(get_shipment)
        .service(list_broadcast_rules)
        .service(update_broadcast_rule);
}
