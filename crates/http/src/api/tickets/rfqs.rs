//! TCK-5: the RFQs Operations work on, through `v_ops_rfqs_masked`: the customer's
//! identity is masked, redacted from every text, and each department sees its own
//! inquiries only.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use domain::Role;
use persistence::tickets::{self, MaskedRfqRow, RfqFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    api::{
        crm::{sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct MaskedRfq {
    pub id: Uuid,
    #[schema(example = "TKT-2026-000101")]
    pub ticket_code: String,
    pub status: domain::tickets::TicketStatus,
    pub priority: domain::tickets::TicketPriority,
    pub dept_target: domain::Department,
    /// Redacted: the customer's names, phones, e-mails and NPWP, and any phone number or
    /// e-mail address, read `[disamarkan]` (also in `description`, `rfq` and `close_reason`).
    pub subject: String,
    pub description: String,
    /// `{service, origin, destination, commodity, weight_kg, volume_cbm, notes}`, every text
    /// redacted.
    #[schema(value_type = Option<Object>)]
    pub rfq: Option<serde_json::Value>,
    pub need_customer_masking: bool,
    /// `MASKED` when the customer is masked.
    #[schema(example = "MASKED")]
    pub company_name: Option<String>,
    #[schema(example = "MASKED")]
    pub contact_name: Option<String>,
    /// Masked except its first four and last two characters.
    #[schema(example = "+628*******90")]
    pub customer_phone: Option<String>,
    pub assigned_to_user_id: Option<Uuid>,
    pub inquiry_outcome: Option<domain::tickets::InquiryOutcome>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<MaskedRfqRow> for MaskedRfq {
    fn from(r: MaskedRfqRow) -> Self {
        Self {
            id: r.id,
            ticket_code: r.ticket_code,
            status: r.status.0,
            priority: r.priority.0,
            dept_target: r.dept_target.0,
            subject: r.subject,
            description: r.description,
            rfq: r.rfq,
            need_customer_masking: r.need_customer_masking,
            company_name: r.company_name,
            contact_name: r.contact_name,
            customer_phone: r.customer_phone,
            assigned_to_user_id: r.assigned_to_user_id,
            inquiry_outcome: r.inquiry_outcome.map(|o| o.0),
            close_reason: r.close_reason,
            closed_at: r.closed_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

fn require_ops_reader(role: Role) -> ApiResult<()> {
    match role {
        Role::OpsExim
        | Role::OpsDomestic
        | Role::OpsImportDtd
        | Role::OpsWarehouse
        | Role::SuperAdmin
        | Role::Director => Ok(()),
        _ => Err(ApiError::Forbidden),
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RfqQuery {
    /// Text over the redacted subject, description and request details, or a ticket code
    /// (the customer's identity is not searchable).
    pub q: Option<String>,
    /// Comma-separated statuses.
    pub status: Option<String>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, ticket_code, status, priority.
    #[param(value_type = Option<RfqSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(RfqSort => tickets::RFQ_SORT);

/// RFQs of your department with the customer masked (Operations).
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(RfqQuery),
    responses(
        (status = 200, description = "A page of masked RFQs", body = ListBody<MaskedRfq>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Operations only", body = ErrorBody),
    )
)]
#[get("/ops/rfqs")]
#[tracing::instrument(name = "GET /ops/rfqs", skip_all)]
pub async fn list_rfqs(
    ctx: UserTx,
    query: web::Query<RfqQuery>,
) -> ApiResult<web::Json<ListBody<MaskedRfq>>> {
    let UserTx { mut tx, user } = ctx;
    require_ops_reader(user.role)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), tickets::RFQ_SORT)?;
    let filter = RfqFilter {
        q: text(query.q),
        status: query
            .status
            .as_deref()
            .map(|s| {
                s.split(',')
                    .map(|p| p.trim().to_owned())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    };
    let rows = tickets::list_masked_rfqs(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, MaskedRfq::from)))
}

/// One RFQ of your department with the customer masked.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The masked RFQ", body = MaskedRfq),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Operations only", body = ErrorBody),
        (status = 404, description = "No such RFQ for your department", body = ErrorBody),
    )
)]
#[get("/ops/rfqs/{id}")]
#[tracing::instrument(name = "GET /ops/rfqs/{id}", skip_all)]
pub async fn get_rfq(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<MaskedRfq>> {
    let UserTx { mut tx, user } = ctx;
    require_ops_reader(user.role)?;
    let row = tickets::get_masked_rfq(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
