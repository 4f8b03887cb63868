//! GET /dashboard/whatsapp-performance.

use actix_web::{get, web};
use persistence::{wa_analytics as wa, Tx};

use super::{
    cached, Broadcasts, DashboardQuery, DeliveryFunnel, FailedMessageBody, Queue, Scope,
    WhatsappPerformance,
};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

/// How many failed messages the table lists.
const FAILED_LIST: i64 = 50;

async fn performance(tx: &mut Tx, scope: &Scope) -> ApiResult<WhatsappPerformance> {
    let agents = scope.agents(tx).await?;
    let agents = agents.as_deref();
    let p = scope.period;
    let m = wa::totals(tx, p.from, p.to, agents).await?;
    let failed = wa::failed_messages(tx, p.from, p.to, agents, FAILED_LIST).await?;
    let open = wa::open_now(tx, agents).await?;
    Ok(WhatsappPerformance {
        period: scope.period_body(),
        funnel: DeliveryFunnel {
            sent: m.out_sent,
            delivered: m.out_delivered,
            read: m.out_read,
            failed: m.out_failed,
            delivery_rate: m.delivery_rate(),
            read_rate: m.read_rate(),
            failure_rate: m.failure_rate(),
        },
        broadcasts: Broadcasts {
            sent: m.campaign_sent,
            delivered: m.campaign_delivered,
            failed: m.campaign_failed,
            success_rate: m.broadcast_success_rate(),
        },
        failed_messages: failed
            .into_iter()
            .map(|f| FailedMessageBody {
                provider_message_id: f.provider_message_id,
                conversation_id: f.conversation_id,
                customer_phone: f.customer_phone,
                campaign_name: f.campaign_name,
                code: f.code,
                title: f.title,
                details: f.details,
                sent_at: f.sent_at,
                failed_at: f.failed_at,
            })
            .collect(),
        active_sessions: open.active_sessions,
        queue: Queue {
            open: open.open,
            pending: open.pending,
            unassigned: open.unassigned,
            awaiting_reply: open.awaiting_reply,
            oldest_wait_minutes: open.oldest_wait_minutes,
        },
    })
}

/// The delivery funnel of outbound messages (sent → delivered → read, with rates), the
/// broadcast success rate, the latest failed messages with the provider's errors, the
/// sessions in their 24-hour window and the queue.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The section", body = WhatsappPerformance),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/whatsapp-performance")]
#[tracing::instrument(name = "GET /dashboard/whatsapp-performance", skip_all)]
pub async fn dashboard_whatsapp_performance(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<WhatsappPerformance>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let body = cached(&state, &scope, "performance", performance(&mut tx, &scope)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}
