//! The HTTP API, one folder per module, one file per operation.

pub mod api_keys;
pub mod ar;
pub mod audit;
pub mod auth;
pub mod broadcasts;
pub mod crm;
pub mod dashboard;
pub mod events;
pub mod files;
pub mod health;
pub mod imports;
pub mod intake;
pub mod integrations;
pub mod kpi;
pub mod me_report;
pub mod news;
pub mod notifications;
pub mod reference;
pub mod sheet;
pub mod sheet_stream;
pub mod sort;
pub mod tickets;
pub mod user_events;
pub mod users;
pub mod wa_analytics;
pub mod whatsapp;

use domain::{list::PageRequest, Capability};
use persistence::UserPrincipal;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ApiResult};

/// 403 unless the user's role has `capability`.
pub fn require(user: &UserPrincipal, capability: Capability) -> ApiResult<()> {
    if user.role.can(capability) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// PLT-PAGE: `page` and `per_page` of a list query.
pub fn page_request(page: Option<i64>, per_page: Option<i64>) -> ApiResult<PageRequest> {
    PageRequest::parse(page, per_page)
        .map_err(|(field, message)| ApiError::validation(field, message))
}

/// The list envelope of PLT-PAGE around any row type.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListBody<T> {
    #[schema(inline = false)]
    pub data: Vec<T>,
    /// Rows over all pages, counted up to 10,000.
    pub total: i64,
    /// More rows match than were counted: `total` is the count cap (10,000) and the
    /// list goes on past it — page on while pages come back full.
    pub total_capped: bool,
    pub page: u32,
    pub per_page: u32,
}

impl<T> ListBody<T> {
    pub fn new<R>(
        page: persistence::Page<R>,
        request: PageRequest,
        map: impl FnMut(R) -> T,
    ) -> Self {
        Self {
            data: page.rows.into_iter().map(map).collect(),
            total: page.total,
            total_capped: page.capped,
            page: request.page,
            per_page: request.per_page,
        }
    }
}
