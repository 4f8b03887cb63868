//! EXP-1 for CRM: leads, customers, prospects and activities as .xlsx with the lists'
//! own filters and sort (paging ignored, soft-deleted rows left out unless asked for).

pub mod activities_sheet;
pub mod customers_sheet;
pub mod leads_sheet;
pub mod prospects_sheet;

pub use activities_sheet::*;
pub use customers_sheet::*;
pub use leads_sheet::*;
pub use prospects_sheet::*;

use actix_web::{get, web, HttpResponse};
use persistence::{
    crm::{activities, customers, leads, prospects},
    UserPrincipal,
};

use super::{
    activities::ActivityQuery, customers::CustomerQuery, leads::LeadQuery,
    prospects::ProspectQuery, require_crm, sql_sort,
};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

pub(crate) use crate::api::{
    sheet::text,
    sheet_stream::{fill, texts, Sheet, STREAM_FETCH},
};

fn begin(user: &UserPrincipal) -> ApiResult<()> {
    require_crm(user)
}
/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(leads_sheet::export_leads)
        .service(export_customers)
        .service(export_prospects)
        .service(export_activities);
}
