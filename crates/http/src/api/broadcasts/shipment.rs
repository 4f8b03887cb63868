//! GET /shipments/{tracking_number}: a shipment as its broadcasts left it.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use persistence::broadcasts::{self, ShipmentRow};
use serde::Serialize;
use utoipa::ToSchema;

use super::*;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// A shipment (per AWB) as its broadcasts left it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Shipment {
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    /// success, failed or pending: the newest broadcast's outcome.
    pub last_status: domain::tickets::BroadcastStatus,
    pub last_message: Option<String>,
    pub last_error: Option<String>,
    pub last_broadcast_at: DateTime<Utc>,
    pub broadcast_count: i32,
    pub failed_count: i32,
}

impl From<ShipmentRow> for Shipment {
    fn from(s: ShipmentRow) -> Self {
        Self {
            tracking_number: s.tracking_number,
            consignee_phone: s.consignee_phone,
            last_status: s.last_status.0,
            last_message: s.last_message,
            last_error: s.last_error,
            last_broadcast_at: s.last_broadcast_at,
            broadcast_count: s.broadcast_count,
            failed_count: s.failed_count,
        }
    }
}

/// A shipment's state from its broadcasts.
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    params(("tracking_number" = String, Path, description = "The AWB")),
    responses(
        (status = 200, description = "The shipment", body = Shipment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
        (status = 404, description = "No broadcast for this AWB", body = ErrorBody),
    )
)]
#[get("/shipments/{tracking_number}")]
#[tracing::instrument(name = "GET /shipments/{tracking_number}", skip_all)]
pub async fn get_shipment(
    ctx: UserTx,
    tracking_number: web::Path<String>,
) -> ApiResult<web::Json<Shipment>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let row = broadcasts::shipment(&mut tx, tracking_number.trim()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
