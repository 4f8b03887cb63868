//! CRM-7 analytics: funnel, conversion per channel, leads per channel and month, lead
//! sources, ads performance and team workload, each in the caller's own scope.

mod ads;
mod channel_month;
mod conversion;
mod funnel;
mod range;
mod sources;
mod workload;

pub use ads::*;
pub use channel_month::*;
pub use conversion::*;
pub use funnel::*;
pub use range::*;
pub use sources::*;
pub use workload::*;

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_funnel)
        .service(get_conversion_by_channel)
        .service(get_leads_by_channel_month)
        .service(get_lead_sources)
        .service(get_ads_performance)
        .service(get_team_workload);
}
