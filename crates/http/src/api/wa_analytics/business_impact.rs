//! GET /dashboard/business-impact.

use actix_web::{get, web};
use domain::wa_analytics::percent;
use persistence::{wa_analytics as wa, Tx};

use super::{cached, BusinessImpact, CampaignBody, DashboardQuery, Scope, Trend};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

async fn impact(tx: &mut Tx, scope: &Scope) -> ApiResult<BusinessImpact> {
    let agents = scope.agents(tx).await?;
    let agents = agents.as_deref();
    let (p, previous) = (scope.period, scope.period.previous());
    let m = wa::totals(tx, p.from, p.to, agents).await?;
    let before = wa::totals(tx, previous.from, previous.to, agents).await?;
    let (_, closed) = wa::tickets_in(tx, p.from, p.to).await?;
    let (_, closed_before) = wa::tickets_in(tx, previous.from, previous.to).await?;
    let campaigns = wa::campaigns(tx, p.from, p.to).await?;
    Ok(BusinessImpact {
        period: scope.period_body(),
        leads_generated: Trend::counts(m.leads_created, before.leads_created),
        tickets_resolved: Trend::counts(closed, closed_before),
        campaigns: campaigns
            .into_iter()
            .map(|c| CampaignBody {
                conversion_pct: percent(c.replied, c.delivered),
                name: c.name,
                sent: c.sent,
                delivered: c.delivered,
                read: c.read,
                failed: c.failed,
                replied: c.replied,
            })
            .collect(),
        repeat_customer_rate: m.repeat_customer_rate(),
        cost_idr: m.cost_idr(),
        cost_per_conversation_idr: m.cost_per_conversation(),
    })
}

/// WhatsApp leads generated, tickets resolved, campaign conversion (recipients who wrote
/// back within 72 hours), the repeat-customer rate and the cost per conversation from the
/// provider's pricing.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The section", body = BusinessImpact),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/business-impact")]
#[tracing::instrument(name = "GET /dashboard/business-impact", skip_all)]
pub async fn dashboard_business_impact(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<BusinessImpact>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let body = cached(&state, &scope, "business", impact(&mut tx, &scope)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}
