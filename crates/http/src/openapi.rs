use actix_web::App;
use utoipa::{
    openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};
use utoipa_actix_web::AppExt;

use crate::error::ErrorBody;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Command Center API",
        description = "JSON API of Command Center. Users authenticate with a bearer JWT from \
                       `POST /api/v1/auth/login`; machines (n8n) with `X-API-KEY`. Errors are \
                       `{error, code, details?}`; lists are `{data, total, page, per_page}`.",
    ),
    modifiers(&Security),
    components(schemas(
        ErrorBody,
        crate::error::ErrorCode,
        domain::Role,
        domain::Department,
        domain::Menu,
        domain::Capability,
        domain::auth::ApiScope,
        domain::crm::rules::Stage,
        domain::crm::rules::LeadStatus,
        domain::crm::rules::ActivityType,
        domain::crm::rules::RfqService,
        domain::crm::rules::TaskStatus,
        domain::notifications::NotificationKind,
        domain::tickets::TicketType,
        domain::tickets::TicketPriority,
        domain::tickets::TicketStatus,
        domain::tickets::InquiryOutcome,
        domain::tickets::TicketSource,
        domain::tickets::SlaState,
        domain::tickets::SlaEventType,
        domain::tickets::BroadcastStatus,
        domain::tickets::HolidayKind,
        domain::ar::InvoiceStatus,
        domain::ar::PaymentMethod,
        domain::ar::DsoMethod,
        domain::ar::StatementLineKind,
        domain::kpi::KpiUnit,
        domain::kpi::KpiDirection,
        domain::kpi::KpiSource,
        domain::kpi::KpiAggregation,
        domain::kpi::KpiStatus,
        domain::kpi::Provenance,
        domain::kpi::AssigneeKind,
        domain::kpi::EntrySource,
        crate::api::kpi::DrilldownResource,
        domain::imports::ImportModule,
        domain::imports::ImportStatus,
        domain::imports::RowStatus,
        domain::imports::RowAction,
        domain::imports::fields::FieldKind,
        domain::whatsapp::ConversationStatus,
        domain::whatsapp::MessageDirection,
        domain::whatsapp::SenderKind,
        domain::whatsapp::MessageStatus,
        domain::whatsapp::ResolvedBy,
        domain::wa_analytics::AggregationType,
        domain::wa_analytics::SlaStatus,
        domain::wa_analytics::AgentStatus,
        domain::user_events::UserEventType,
        domain::news::NewsState,
    )),
    tags(
        (name = "auth", description = "Sign-in, sessions and the signed-in user (AUTH-1, AUTH-2)"),
        (name = "users", description = "Users administration and directory (AUTH-3)"),
        (name = "api-keys", description = "API keys for machines (AUTH-4)"),
        (name = "integrations", description = "Endpoints for n8n and other machines"),
        (name = "reference", description = "Roles and departments"),
        (name = "audit", description = "Audit log (PLT-AUDIT)"),
        (name = "crm", description = "Leads, customers, pipeline, activities and follow-ups (CRM)"),
        (name = "tickets", description = "Tickets and the RFQs Operations quote (TCK)"),
        (name = "broadcast", description = "WhatsApp broadcast logs pushed by n8n, per AWB (BRD)"),
        (name = "ar", description = "Invoices, payments, aging and DSO (DSO)"),
        (name = "kpi", description = "KPI definitions, targets, entries, scorecards and trends (KPI)"),
        (name = "me", description = "The signed-in user's own report (USR-1)"),
        (name = "imports", description = "Import Center: spreadsheets staged, mapped, processed and reverted (IMP)"),
        (name = "whatsapp", description = "WhatsApp webhook intake and the conversations CS works (WA)"),
        (name = "files", description = "Uploads and downloads of stored files"),
        (name = "notifications", description = "In-app notifications (NTF-1)"),
        (name = "news", description = "News posts for everyone, written by administrators (NEWS-1)"),
        (name = "ops", description = "Health and readiness"),
        (name = "user-events", description = "User activity log (USR-2)"),
    )
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-API-KEY"))),
        );
        components.add_security_scheme(
            "whatsapp_signature",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-Hub-Signature-256",
                "`sha256=<hex HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET>` (direct Meta subscription)",
            ))),
        );
    }
}

/// The OpenAPI document of the whole API, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let app = App::new().into_utoipa_app().openapi(ApiDoc::openapi());
    let (_, mut doc) = crate::router::mount(app).split_for_parts();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    crate::openapi_shared::with_shared_responses(doc)
}
