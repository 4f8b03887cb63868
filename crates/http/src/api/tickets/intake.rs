use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::tickets::{
    creates_tickets, opens_by_intake, TicketType, DEFAULT_DEPT, DEFAULT_INTAKE_TYPE, PRIORITIES,
};
use persistence::intake::{self, NewTicket, Sender};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api::intake::{claim, sender, Fields, IntakeBody};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{CallerTx, IdempotencyKey},
};

/// A ticket as n8n's "Automation CS" flow sends it (seed 004). The SPA may also choose
/// the type and the target department.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)] // documents the body; the handler reads it field by field
pub struct CreateTicketRequest {
    /// The shipment's AWB. Required from n8n and for `complaint` / `shipment_issue`.
    #[schema(example = "LOG2024120100123")]
    tracking_number: Option<String>,
    /// The customer's phone (any Indonesian format; stored as E.164). Required from n8n.
    #[schema(example = "6281234567890")]
    customer_phone: Option<String>,
    #[schema(example = "Komplain Keterlambatan")]
    subject: String,
    #[schema(example = "Pelanggan membalas: 'Paket saya kok belum sampai?'")]
    description: String,
    /// `low`, `medium` (default), `high` or `urgent`.
    #[schema(example = "high")]
    priority: Option<String>,
    /// `complaint` (default), `shipment_issue` or `general_request`; RFQs
    /// (`inquiry_tariff`) come from the lead form.
    ticket_type: Option<String>,
    /// A department code (`CS` by default).
    dept_target: Option<String>,
    /// The customer's name, when the flow knows it.
    contact_name: Option<String>,
}

/// The seed-004 creation answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketCreated {
    #[schema(example = "created")]
    pub status: String,
    /// The ticket's code, e.g. `TKT-2026-000123`: `ticket_code` in `GET /tickets` (this
    /// answer keeps the seed-004 name).
    #[schema(example = "TKT-2026-000123")]
    pub ticket_uid: String,
    pub ticket_id: Uuid,
}

const DEPARTMENTS: [&str; 9] = [
    "MGMT", "MKT", "SAL", "EXIM", "DOM", "IMP", "WH", "FIN", "CS",
];

/// Reads and checks a ticket body; `from_key` applies n8n's required fields.
fn read_ticket(body: &IntakeBody, from_key: bool) -> ApiResult<NewTicket> {
    let mut f = Fields::new(&body.value, String::new())?;
    let intake_types: Vec<&str> = TicketType::ALL
        .iter()
        .filter(|t| opens_by_intake(**t))
        .map(|t| t.as_str())
        .collect();
    let ticket_type = f.one_of(
        &["ticket_type"],
        &intake_types,
        Some(DEFAULT_INTAKE_TYPE.as_str()),
    );
    // The AWB first: it is what n8n's flows key on, and the contract's first error.
    let needs_awb = from_key
        || matches!(
            ticket_type.as_deref(),
            Some("complaint") | Some("shipment_issue")
        );
    let tracking_number = if needs_awb {
        f.required_text(&["tracking_number", "awb"], 64)
    } else {
        f.text(&["tracking_number", "awb"], 64)
    };
    let customer_phone = f.phone(&["customer_phone", "phone"], from_key);
    let subject = f.required_text(&["subject"], 300);
    let description = f.required_text(&["description"], 20_000);
    let priority = f.one_of(&["priority"], &PRIORITIES, Some("medium"));
    let dept_target = f
        .text(&["dept_target"], 8)
        .map(|d| d.to_uppercase())
        .or_else(|| Some(DEFAULT_DEPT.code().to_owned()));
    if let Some(dept) = dept_target.as_deref() {
        if !DEPARTMENTS.contains(&dept) {
            f.problem("dept_target", "is not a known department");
        }
    }
    let contact_name = f.text(&["contact_name", "customer_name"], 200);
    f.finish(())?;
    // `finish` returned Ok, so every required value is present.
    let (Some(subject), Some(description), Some(priority), Some(ticket_type), Some(dept_target)) =
        (subject, description, priority, ticket_type, dept_target)
    else {
        return Err(ApiError::Internal(
            "ticket fields missing after validation".to_owned(),
        ));
    };
    Ok(NewTicket {
        ticket_type,
        priority,
        dept_target,
        subject,
        description,
        tracking_number,
        customer_phone,
        contact_name,
    })
}

/// Opens a ticket (TCK-2): n8n with `X-API-KEY` (scope `tickets:write`) or a signed-in
/// user. The same body again from the same API key (or user) within 24 hours, or the
/// same `Idempotency-Key`, returns the first ticket instead of a new one.
#[utoipa::path(
    tag = "tickets",
    security(("api_key" = []), ("bearer" = [])),
    request_body = CreateTicketRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe (also safe without it: the same body from the same API key within 24 h)")),
    responses(
        (status = 201, description = "Created (or the first answer again for a retry)", body = TicketCreated),
        (status = 400, description = "A required field is missing or invalid: `{\"error\": \"subject is required\", ...}`", body = ErrorBody),
        (status = 401, description = "No valid key or session", body = ErrorBody),
        (status = 429, description = "The key is over its rate, or the client sent too many unknown keys; see `Retry-After`", body = ErrorBody),
        (status = 403, description = "The key lacks `tickets:write`, or the role opens no tickets", body = ErrorBody),
        (status = 422, description = "The Idempotency-Key was used with another body", body = ErrorBody),
    )
)]
#[post("/tickets")]
#[tracing::instrument(name = "POST /tickets", skip_all)]
pub async fn create_ticket(
    caller: CallerTx,
    key: IdempotencyKey,
    req: HttpRequest,
    body: IntakeBody,
) -> ApiResult<HttpResponse> {
    let (mut tx, who) = sender(caller, "tickets:write", creates_tickets)?;
    let ticket = read_ticket(&body, matches!(who, Sender::Key(_)))?;
    let retry = match claim(&mut tx, key, &req, who, body.identity()).await? {
        Ok(retry) => retry,
        Err(replay) => {
            persistence::commit(tx).await?;
            return Ok(replay);
        }
    };
    let (id, code) = intake::create_ticket(&mut tx, who, &ticket).await?;
    let created = TicketCreated {
        status: "created".to_owned(),
        ticket_uid: code,
        ticket_id: id,
    };
    let response = retry
        .respond(&mut tx, "ticket", StatusCode::CREATED, &created)
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}
