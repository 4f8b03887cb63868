//! GET /dashboard/kpi: the KPI strip of the CRM Effectiveness dashboard.

use actix_web::{get, web};
use chrono::Duration;
use domain::wa_analytics::{sla_status, Metrics};
use persistence::{wa_analytics as wa, Tx};

use super::{
    cached, DashboardQuery, KpiStrip, ResponseTime, Scope, SlaCompliance, TicketsByPriority, Trend,
};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

/// Response time and SLA of the period's first replies of people.
pub(super) fn response_time(now: &Metrics, before: &Metrics, target: i32) -> ResponseTime {
    let median = |m: &Metrics| m.first_response_bm.median.unwrap_or(0.0);
    ResponseTime {
        median_minutes: Trend::new(median(now), median(before)),
        from_customer: now.first_response_bm.into(),
        from_assignment: now.assignment_response_bm.into(),
        sla: sla(now, target),
    }
}

pub(super) fn sla(m: &Metrics, target: i32) -> SlaCompliance {
    SlaCompliance {
        compliance_pct: m.sla_compliance(),
        met: m.sla_met,
        total: m.first_responses,
        target_minutes: target,
        status: sla_status(m.sla_compliance()),
    }
}

async fn kpi_strip(tx: &mut Tx, scope: &Scope) -> ApiResult<KpiStrip> {
    let agents = scope.agents(tx).await?;
    let agents = agents.as_deref();
    let (period, previous) = (scope.period, scope.period.previous());
    let now = wa::totals(tx, period.from, period.to, agents).await?;
    let before = wa::totals(tx, previous.from, previous.to, agents).await?;
    let today = domain::jakarta_today();
    let yesterday = today - Duration::days(1);
    let messages_today = wa::totals(tx, today, today, agents).await?.messages();
    let messages_yesterday = wa::totals(tx, yesterday, yesterday, agents)
        .await?
        .messages();
    let open = wa::open_now(tx, agents).await?;
    let target = wa::settings(tx).await?.first_response_minutes;
    let priorities = wa::open_tickets(tx).await?;
    let count = |p: &str| {
        priorities
            .iter()
            .find(|(q, _)| q == p)
            .map_or(0, |(_, n)| *n)
    };
    let (opened, _) = wa::tickets_in(tx, period.from, period.to).await?;
    let (opened_before, _) = wa::tickets_in(tx, previous.from, previous.to).await?;
    let rate = |m: &Metrics| m.delivery_rate().unwrap_or(0.0);
    Ok(KpiStrip {
        period: scope.period_body(),
        conversations: Trend::counts(now.conv_opened, before.conv_opened),
        active_conversations: open.open + open.pending,
        response_time: response_time(&now, &before, target),
        delivery_rate: Trend::new(rate(&now), rate(&before)),
        open_tickets: TicketsByPriority {
            total: priorities.iter().map(|(_, n)| n).sum(),
            urgent: count("urgent"),
            high: count("high"),
            medium: count("medium"),
            low: count("low"),
            opened: Trend::counts(opened, opened_before),
        },
        messages_today: Trend::counts(messages_today, messages_yesterday),
    })
}

/// The KPI strip: conversations started (and active now), the response time of people in
/// business minutes with its SLA status, the WhatsApp delivery rate, open tickets by
/// priority and today's messages — each beside the previous period.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The KPI strip", body = KpiStrip),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/kpi")]
#[tracing::instrument(name = "GET /dashboard/kpi", skip_all)]
pub async fn dashboard_kpi(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<KpiStrip>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let strip = cached(&state, &scope, "kpi", kpi_strip(&mut tx, &scope)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(strip))
}
