//! GET /dashboard/agent-productivity.

use actix_web::{get, web};
use chrono::{DateTime, Duration, Utc};
use domain::wa_analytics::AgentStatus;
use persistence::{
    wa_analytics::{self as wa, Grouping},
    Tx,
};

use super::{cached, AgentProductivity, AgentRow, DashboardQuery, Scope};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

/// Active within 15 minutes of their last message, idle within 2 hours, else offline.
fn presence(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> AgentStatus {
    match last.map(|at| now - at) {
        Some(gap) if gap <= Duration::minutes(15) => AgentStatus::Active,
        Some(gap) if gap <= Duration::hours(2) => AgentStatus::Idle,
        _ => AgentStatus::Offline,
    }
}

async fn productivity(tx: &mut Tx, scope: &Scope) -> ApiResult<AgentProductivity> {
    let agents = scope.agents(tx).await?;
    let p = scope.period;
    let figures = wa::rollup(tx, p.from, p.to, agents.as_deref(), Grouping::Agent).await?;
    let now = Utc::now();
    let rows = wa::agents_now(tx, agents.as_deref())
        .await?
        .into_iter()
        .map(|a| {
            let m = figures
                .iter()
                .find(|(k, _)| *k == a.id.to_string())
                .map(|(_, m)| m.clone())
                .unwrap_or_default();
            AgentRow {
                agent_id: a.id,
                agent_name: a.full_name,
                conversations: m.conv_opened,
                resolved: m.conv_resolved,
                resolution_rate: m.resolution_rate(),
                first_response: m.first_response_bm.into(),
                messages_sent: m.outbound_agent,
                open_now: a.open_now,
                last_message_at: a.last_message_at,
                status: presence(a.last_message_at, now),
            }
        })
        .collect();
    Ok(AgentProductivity {
        period: scope.period_body(),
        agents: rows,
    })
}

/// Per agent: conversations and resolutions of the period, resolution rate, response
/// time (business minutes), messages sent, workload now and presence.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The section", body = AgentProductivity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/agent-productivity")]
#[tracing::instrument(name = "GET /dashboard/agent-productivity", skip_all)]
pub async fn dashboard_agent_productivity(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<AgentProductivity>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let body = cached(&state, &scope, "agents", productivity(&mut tx, &scope)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_follows_the_last_message() {
        let now = Utc::now();
        assert_eq!(
            presence(Some(now - Duration::minutes(15)), now),
            AgentStatus::Active
        );
        assert_eq!(
            presence(Some(now - Duration::minutes(16)), now),
            AgentStatus::Idle
        );
        assert_eq!(
            presence(Some(now - Duration::minutes(121)), now),
            AgentStatus::Offline
        );
        assert_eq!(presence(None, now), AgentStatus::Offline);
    }
}
