//! GET /customers/{id}: Customer 360 (CRM-8).

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use persistence::crm::{
    activities::{self, ActivityFilter},
    customers::{self},
    leads::{self, LeadFilter},
    prospects::{self, ProspectFilter},
};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{activities::Activity, leads::Lead, prospects::Prospect, require_crm};
use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// Customer 360 (CRM-8): the customer with its prospects, recent leads and activities
/// and tickets, all within the caller's scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct Customer360 {
    pub customer: Customer,
    pub prospects: Vec<Prospect>,
    pub leads: Vec<Lead>,
    pub activities: Vec<Activity>,
    pub tickets: Vec<CustomerTicket>,
    /// Documents in bucket `customer-documents`; download through `GET /files/{file_id}`.
    pub documents: Vec<CustomerDocument>,
    /// Invoices and AR arrive with the DSO module; empty until then.
    #[schema(value_type = Vec<Object>)]
    pub invoices: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerDocument {
    pub id: Uuid,
    pub file_id: Uuid,
    pub title: String,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<customers::DocumentRow> for CustomerDocument {
    fn from(r: customers::DocumentRow) -> Self {
        Self {
            id: r.id,
            file_id: r.file_id,
            title: r.title,
            original_name: r.original_name,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
            uploaded_by: r.uploaded_by,
            uploaded_by_name: r.uploaded_by_name,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerTicket {
    pub id: Uuid,
    pub ticket_code: String,
    pub ticket_type: domain::tickets::TicketType,
    pub status: domain::tickets::TicketStatus,
    pub priority: domain::tickets::TicketPriority,
    pub dept_target: domain::Department,
    pub subject: String,
    pub created_at: DateTime<Utc>,
}

/// One customer with everything around it (Customer 360).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id")),
    responses(
        (status = 200, description = "Customer 360", body = Customer360),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such customer in your scope", body = ErrorBody),
    )
)]
#[get("/customers/{id}")]
#[tracing::instrument(name = "GET /customers/{id}", skip_all)]
pub async fn get_customer(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Customer360>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let body = customer_360(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}

/// Customer 360 of a live (not merged-away) customer.
async fn customer_360(tx: &mut persistence::Tx, id: Uuid) -> ApiResult<Customer360> {
    let customer = customers::get(tx, id).await?;
    if customer.merged_into_id.is_some() {
        return Err(ApiError::NotFound);
    }
    let first = domain::list::PageRequest {
        page: 1,
        per_page: 50,
    };
    let prospects = prospects::list(
        &mut *tx,
        &ProspectFilter {
            customer_id: Some(id),
            ..ProspectFilter::default()
        },
        first,
        &[],
    )
    .await?;
    let leads = leads::list(
        &mut *tx,
        &LeadFilter {
            customer_id: Some(id),
            ..LeadFilter::default()
        },
        first,
        &[],
    )
    .await?;
    let activities = activities::list(
        &mut *tx,
        &ActivityFilter {
            customer_id: Some(id),
            include_system: true,
            ..ActivityFilter::default()
        },
        first,
        &[],
    )
    .await?;
    let tickets = customer_tickets(tx, id).await?;
    let documents = customers::documents(tx, id).await?;
    Ok(Customer360 {
        customer: customer.into(),
        prospects: prospects.rows.into_iter().map(Prospect::from).collect(),
        leads: leads.rows.into_iter().map(Lead::from).collect(),
        activities: activities.rows.into_iter().map(Activity::from).collect(),
        tickets,
        documents: documents.into_iter().map(CustomerDocument::from).collect(),
        invoices: Vec::new(),
    })
}

async fn customer_tickets(tx: &mut persistence::Tx, id: Uuid) -> ApiResult<Vec<CustomerTicket>> {
    Ok(persistence::crm::customers::tickets(tx, id)
        .await?
        .into_iter()
        .map(|t| CustomerTicket {
            id: t.id,
            ticket_code: t.ticket_code,
            ticket_type: t.ticket_type.0,
            status: t.status.0,
            priority: t.priority.0,
            dept_target: t.dept_target.0,
            subject: t.subject,
            created_at: t.created_at,
        })
        .collect())
}
