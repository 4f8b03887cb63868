//! GET /dashboard/automation-impact.

use actix_web::{get, web};
use domain::wa_analytics::{percent, round1};
use persistence::{wa_analytics as wa, Tx};

use super::{cached, AutomationImpact, DashboardQuery, Scope};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

async fn impact(tx: &mut Tx, scope: &Scope) -> ApiResult<AutomationImpact> {
    let agents = scope.agents(tx).await?;
    let p = scope.period;
    let m = wa::totals(tx, p.from, p.to, agents.as_deref()).await?;
    let saved = wa::settings(tx).await?.minutes_saved_per_bot_reply;
    Ok(AutomationImpact {
        period: scope.period_body(),
        bot_messages: m.outbound_bot,
        agent_messages: m.outbound_agent,
        bot_share_pct: percent(m.outbound_bot, m.outbound_bot + m.outbound_agent),
        conversations_with_bot: m.conv_with_bot,
        resolved_by_bot_alone: m.conv_bot_only,
        auto_reply_success_pct: m.auto_reply_success_rate(),
        escalated: m.escalated,
        escalation_rate_pct: m.escalation_rate(),
        bot_response_seconds: m.bot_response_s.into(),
        time_saved_minutes: round1(m.outbound_bot as f64 * saved),
        minutes_saved_per_bot_reply: saved,
    })
}

/// Chatbot vs people: the bot's share of replies, conversations it closed alone (auto-reply
/// success), conversations a person took over (escalation), its response time, and the
/// time it saved.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The section", body = AutomationImpact),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/automation-impact")]
#[tracing::instrument(name = "GET /dashboard/automation-impact", skip_all)]
pub async fn dashboard_automation_impact(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<AutomationImpact>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let body = cached(&state, &scope, "automation", impact(&mut tx, &scope)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}
