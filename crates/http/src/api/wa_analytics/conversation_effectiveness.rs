//! GET /dashboard/conversation-effectiveness.

use actix_web::{get, web};
use chrono::{Duration, NaiveDate};
use persistence::{
    wa_analytics::{self as wa, Grouping},
    Tx,
};
use uuid::Uuid;

use super::{
    cached, kpi::sla, AgentConversations, ConversationEffectiveness, DashboardQuery, DayResponse,
    Scope, StatusSplit,
};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

async fn effectiveness(tx: &mut Tx, scope: &Scope) -> ApiResult<ConversationEffectiveness> {
    let agents = scope.agents(tx).await?;
    let agents = agents.as_deref();
    let p = scope.period;
    let total = wa::totals(tx, p.from, p.to, agents).await?;
    let names = wa::agents_now(tx, None).await?;
    let per_agent = wa::rollup(tx, p.from, p.to, agents, Grouping::Agent)
        .await?
        .into_iter()
        .filter(|(_, m)| m.conv_opened > 0 || m.conv_resolved > 0)
        .map(|(key, m)| {
            let id = key.parse::<Uuid>().ok().filter(|id| !id.is_nil());
            AgentConversations {
                agent_id: id,
                agent_name: names
                    .iter()
                    .find(|a| Some(a.id) == id)
                    .map(|a| a.full_name.clone()),
                conversations: m.conv_opened,
                resolved: m.conv_resolved,
            }
        })
        .collect();
    let days = wa::rollup(tx, p.from, p.to, agents, Grouping::Day).await?;
    let response_time_trend = (0..p.days())
        .map(|n| p.from + Duration::days(n))
        .map(|day: NaiveDate| {
            let m = days
                .iter()
                .find(|(d, _)| *d == day.to_string())
                .map(|(_, m)| m);
            let r = m.map(|m| m.first_response_bm).unwrap_or_default();
            DayResponse {
                day,
                n: r.n,
                median_minutes: r.median,
                p90_minutes: r.p90,
            }
        })
        .collect();
    let states = wa::opened_by_status(tx, p.from, p.to, agents).await?;
    let state = |s: &str| states.iter().find(|(q, _)| q == s).map_or(0, |(_, n)| *n);
    let target = wa::settings(tx).await?.first_response_minutes;
    Ok(ConversationEffectiveness {
        period: scope.period_body(),
        per_agent,
        response_time_trend,
        sla: sla(&total, target),
        resolved_vs_open: StatusSplit {
            open: state("open"),
            pending: state("pending"),
            resolved: state("resolved"),
        },
    })
}

/// Conversations per agent, the daily trend of the response time of people (median and
/// 90th percentile, business minutes), SLA compliance, and the period's conversations
/// resolved vs still open.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The section", body = ConversationEffectiveness),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/conversation-effectiveness")]
#[tracing::instrument(name = "GET /dashboard/conversation-effectiveness", skip_all)]
pub async fn dashboard_conversation_effectiveness(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<ConversationEffectiveness>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let body = cached(
        &state,
        &scope,
        "effectiveness",
        effectiveness(&mut tx, &scope),
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}
