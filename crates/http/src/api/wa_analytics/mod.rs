//! WA-2/WA-3: the CRM Effectiveness dashboard (seed 002) — the KPI strip and its six
//! sections, each for the caller's scope (a CS agent their own figures, the CS admin and
//! management every agent's or one agent's or team's), cached 30 s in Redis by scope and
//! filters (computed every time without Redis) — and the snapshot runs of
//! `cron/aggregate-metrics`.

mod agent_productivity;
mod automation_impact;
mod business_impact;
mod conversation_effectiveness;
mod cron;
mod customer_load;
mod dto;
mod dto_sections;
mod kpi;
mod whatsapp_performance;

pub use agent_productivity::*;
pub use automation_impact::*;
pub use business_impact::*;
pub use conversation_effectiveness::*;
pub use cron::*;
pub use customer_load::*;
pub use dto::*;
pub use dto_sections::*;
pub use kpi::*;
pub use whatsapp_performance::*;

use std::future::Future;

use chrono::NaiveDate;
use domain::{wa_analytics::Period, Role};
use persistence::{Tx, UserPrincipal};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult},
    AppState,
};

const CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(30);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// First day (Asia/Jakarta); default: six days before `to`.
    pub from: Option<NaiveDate>,
    /// Last day (Asia/Jakarta); default today. At most 92 days.
    pub to: Option<NaiveDate>,
    /// One agent's figures (a CS agent: only their own).
    pub agent_id: Option<Uuid>,
    /// A team's figures: the manager's user id (the manager and whom they manage).
    pub team: Option<Uuid>,
}

/// Whose figures of which period a request is about.
#[derive(Debug, Clone)]
pub struct Scope {
    pub period: Period,
    pub agent_id: Option<Uuid>,
    pub team: Option<Uuid>,
    /// The caller (a CS agent's scope is always themself).
    pub user_id: Uuid,
    pub role: Role,
}

impl TryFrom<(&DashboardQuery, &UserPrincipal)> for Scope {
    type Error = ApiError;

    fn try_from((query, user): (&DashboardQuery, &UserPrincipal)) -> ApiResult<Self> {
        if !domain::wa_analytics::reads_wa_dashboards(user.role) {
            return Err(ApiError::Forbidden);
        }
        let own = user.role == Role::CsAgent;
        if own && (query.team.is_some() || query.agent_id.is_some_and(|a| a != user.id)) {
            return Err(ApiError::Forbidden);
        }
        let period = Period::parse(query.from, query.to, domain::jakarta_today())
            .map_err(ApiError::Validation)?;
        Ok(Self {
            period,
            agent_id: if own { Some(user.id) } else { query.agent_id },
            team: query.team,
            user_id: user.id,
            role: user.role,
        })
    }
}

impl Scope {
    /// The agents whose figures count; none for everybody's.
    pub async fn agents(&self, tx: &mut Tx) -> ApiResult<Option<Vec<Uuid>>> {
        match (self.agent_id, self.team) {
            (Some(agent), _) => Ok(Some(vec![agent])),
            (None, Some(manager)) => Ok(Some(persistence::wa_analytics::team(tx, manager).await?)),
            (None, None) => Ok(None),
        }
    }

    pub fn period_body(&self) -> PeriodBody {
        let previous = self.period.previous();
        PeriodBody {
            from: self.period.from,
            to: self.period.to,
            previous_from: previous.from,
            previous_to: previous.to,
        }
    }

    /// The cache key of `section` for this scope: the caller's own for an agent (their
    /// row-level security shapes the figures), the role's otherwise.
    fn cache_key(&self, section: &str) -> String {
        let who = if self.role == Role::CsAgent {
            self.user_id.to_string()
        } else {
            self.role.as_str().to_owned()
        };
        let opt = |id: Option<Uuid>| id.map(|i| i.to_string()).unwrap_or_default();
        format!(
            "wa:{section}:{who}:{}:{}:{}:{}",
            self.period.from,
            self.period.to,
            opt(self.agent_id),
            opt(self.team)
        )
    }
}

/// `compute` unless the section of this scope is in the cache (30 s).
async fn cached<T, F>(state: &AppState, scope: &Scope, section: &str, compute: F) -> ApiResult<T>
where
    T: Serialize + DeserializeOwned,
    F: Future<Output = ApiResult<T>>,
{
    let key = state.cache.key(&scope.cache_key(section));
    if let Some(hit) = state.cache.get::<T>(&key).await {
        return Ok(hit);
    }
    let fresh = compute.await?;
    state.cache.set(&key, &fresh, CACHE_TTL).await;
    Ok(fresh)
}

/// Registers the operations of this module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(dashboard_kpi)
        .service(dashboard_conversation_effectiveness)
        .service(dashboard_whatsapp_performance)
        .service(dashboard_customer_load)
        .service(dashboard_agent_productivity)
        .service(dashboard_automation_impact)
        .service(dashboard_business_impact)
        .service(aggregate_metrics_get)
        .service(aggregate_metrics_post);
}
