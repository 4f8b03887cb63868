use actix_web::App;
use utoipa::{
    openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify, OpenApi,
};
use utoipa_actix_web::{scope, AppExt};

use crate::{api, error::ErrorBody};

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
        domain::tickets::TicketType,
        domain::tickets::TicketPriority,
        domain::tickets::TicketStatus,
        domain::tickets::InquiryOutcome,
        domain::tickets::TicketSource,
        domain::tickets::SlaState,
        domain::tickets::SlaEventType,
        domain::tickets::BroadcastStatus,
        domain::tickets::HolidayKind,
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
        (name = "files", description = "Uploads and downloads of stored files"),
        (name = "notifications", description = "In-app notifications (NTF-1)"),
        (name = "ops", description = "Health and readiness"),
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
    }
}

/// Registers every `/api/v1` handler; the one place routes are listed.
pub(crate) fn api_v1(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(api::auth::login::login)
        .service(api::auth::refresh::refresh_session)
        .service(api::auth::logout::logout)
        .service(api::auth::me::get_me)
        .service(api::auth::me::update_me)
        .service(api::auth::change_password::change_password)
        .service(api::users::list::list_users)
        .service(api::users::create::create_user)
        .service(api::users::get::get_user)
        .service(api::users::update::update_user)
        .service(api::users::deactivate::deactivate_user)
        .service(api::reference::list_roles)
        .service(api::reference::list_departments)
        .service(api::api_keys::list::list_api_keys)
        .service(api::api_keys::create::create_api_key)
        .service(api::api_keys::revoke::revoke_api_key)
        .service(api::integrations::ping::ping_integration)
        .service(api::audit::list_audit_logs)
        // CRM (SPEC §4.2). Literal paths before `{id}` paths of the same prefix.
        .service(api::crm::leads::list_leads)
        .service(api::crm::leads::create_lead)
        .service(api::crm::leads::get_lead)
        .service(api::crm::leads::update_lead)
        .service(api::crm::leads::delete_lead)
        .service(api::crm::leads::restore_lead)
        .service(api::crm::leads::assign_lead)
        .service(api::crm::export::export_leads)
        .service(api::crm::export::export_customers)
        .service(api::crm::export::export_prospects)
        .service(api::crm::export::export_activities)
        .service(api::crm::customers::list_customers)
        .service(api::crm::customers::list_duplicates)
        .service(api::crm::customers::merge_customers)
        .service(api::crm::customers::get_customer)
        .service(api::crm::customers::update_customer)
        .service(api::crm::customers::customer_timeline)
        .service(api::crm::customers::add_document)
        .service(api::crm::prospects::list_prospects)
        .service(api::crm::prospects::get_prospect)
        .service(api::crm::prospects::update_prospect)
        .service(api::crm::prospects::delete_prospect)
        .service(api::crm::prospects::change_stage)
        .service(api::crm::prospects::restore_prospect)
        .service(api::crm::pipeline::get_pipeline)
        .service(api::crm::pipeline::get_forecast)
        .service(api::crm::analytics::get_funnel)
        .service(api::crm::analytics::get_conversion_by_channel)
        .service(api::crm::analytics::get_leads_by_channel_month)
        .service(api::crm::analytics::get_lead_sources)
        .service(api::crm::analytics::get_ads_performance)
        .service(api::crm::analytics::get_team_workload)
        .service(api::crm::activities::list_activities)
        .service(api::crm::activities::create_activity)
        .service(api::crm::activities::get_activity)
        .service(api::crm::activities::update_activity)
        .service(api::crm::activities::delete_activity)
        .service(api::crm::activities::restore_activity)
        .service(api::crm::tasks::list_tasks)
        .service(api::crm::tasks::create_task)
        .service(api::crm::tasks::get_task)
        .service(api::crm::tasks::update_task)
        .service(api::crm::tasks::delete_task)
        .service(api::crm::tasks::get_calendar)
        .service(api::crm::marketing::list_channels)
        .service(api::crm::marketing::list_products)
        .service(api::crm::marketing::create_product)
        .service(api::crm::marketing::list_spend)
        .service(api::crm::marketing::create_spend)
        .service(api::crm::marketing::list_events)
        .service(api::crm::marketing::create_event)
        .service(api::events::events)
        .service(api::dashboard::dashboard_summary)
        .service(api::notifications::list_notifications)
        .service(api::notifications::unread_count)
        .service(api::notifications::mark_all_read)
        .service(api::notifications::mark_read)
        .service(api::files::upload_file)
        .service(api::files::download_file)
        .service(api::tickets::list_tickets)
        .service(api::tickets::sla_report)
        .service(api::sla_calendar::get_sla_calendar)
        .service(api::sla_calendar::put_holiday)
        .service(api::sla_calendar::delete_holiday)
        .service(api::intake::tickets::create_ticket)
        .service(api::tickets::get_ticket)
        .service(api::tickets::update_ticket)
        .service(api::tickets::replace_ticket)
        .service(api::tickets::add_comment)
        .service(api::tickets::add_attachment)
        .service(api::broadcasts::list_broadcast_logs)
        .service(api::broadcasts::broadcast_summary)
        .service(api::intake::broadcasts::create_broadcast_logs)
        .service(api::broadcasts::get_shipment)
        .service(api::broadcasts::list_broadcast_rules)
        .service(api::broadcasts::update_broadcast_rule)
        .service(api::rfqs::list_rfqs)
        .service(api::rfqs::get_rfq);
}

/// Routes outside `/api/v1` that are part of the API description.
pub(crate) fn probes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(api::ops::healthz).service(api::ops::readyz);
}

/// The OpenAPI document of the whole API, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(probes)
        .service(scope::scope("/api/v1").configure(api_v1))
        .split_for_parts();
    doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
    doc
}
