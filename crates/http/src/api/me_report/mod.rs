//! USR-1: the personal report ("Laporan saya") of the signed-in user for a month — my
//! leads, activities, tasks, tickets with their SLA, targets against actuals and my
//! customers' AR — and its xlsx export, one sheet per section. Every figure is what the
//! module's own endpoint shows for the same user and period; a section is `null` where
//! the caller's role does not have the module (SPEC §3).

mod dto;
mod export;
mod report;
mod workbook;

pub use dto::*;
pub use export::*;
pub use report::*;

use domain::kpi::period::Period;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// The month, `YYYY-MM` (default: this month, Asia/Jakarta).
    pub period: Option<String>,
}

impl ReportQuery {
    /// The checked month; 422 otherwise.
    pub(crate) fn period(&self, today: chrono::NaiveDate) -> ApiResult<Period> {
        domain::me_report::parse_period(self.period.as_deref(), today).map_err(ApiError::Validation)
    }
}

/// Registers the operations of this module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_me_report).service(export_me_report);
}
