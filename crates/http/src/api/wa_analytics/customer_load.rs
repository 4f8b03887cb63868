//! GET /dashboard/customer-load.

use actix_web::{get, web};
use persistence::{
    wa_analytics::{self as wa, Grouping},
    Tx,
};

use super::{cached, CustomerLoad, DashboardQuery, HeatCell, HourLoad, Scope, Trend};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    AppState,
};

async fn load(tx: &mut Tx, scope: &Scope) -> ApiResult<CustomerLoad> {
    let agents = scope.agents(tx).await?;
    let agents = agents.as_deref();
    let (p, previous) = (scope.period, scope.period.previous());
    let total = wa::totals(tx, p.from, p.to, agents).await?;
    let before = wa::totals(tx, previous.from, previous.to, agents).await?;
    let cells = wa::rollup(tx, p.from, p.to, agents, Grouping::WeekdayHour).await?;
    let incoming = |weekday: u32, hour: u32| {
        let key = format!("{weekday}:{hour}");
        cells
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(0, |(_, m)| m.inbound)
    };
    let heatmap: Vec<HeatCell> = (1..=7)
        .flat_map(|weekday| (0..24).map(move |hour| (weekday, hour)))
        .map(|(weekday, hour)| HeatCell {
            weekday,
            hour,
            incoming: incoming(weekday, hour),
        })
        .collect();
    let per_hour = (0..24)
        .map(|hour| HourLoad {
            hour,
            incoming: heatmap
                .iter()
                .filter(|c| c.hour == hour)
                .map(|c| c.incoming)
                .sum(),
        })
        .collect();
    // The first busiest cell (Monday first, then the earliest hour).
    let peak = heatmap
        .iter()
        .filter(|c| c.incoming > 0)
        .fold(None::<&HeatCell>, |best, c| match best {
            Some(b) if b.incoming >= c.incoming => Some(b),
            _ => Some(c),
        })
        .cloned();
    Ok(CustomerLoad {
        period: scope.period_body(),
        heatmap,
        per_hour,
        peak,
        incoming: Trend::counts(total.inbound, before.inbound),
        new_customers: total.conv_opened - total.conv_returning,
        returning_customers: total.conv_returning,
        wait_seconds: total.wait_s.into(),
    })
}

/// Incoming customer messages per weekday and hour (heat-map) and per hour of the day,
/// the peak, new vs returning customers, and how long customers wait for a first reply.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(DashboardQuery),
    responses(
        (status = 200, description = "The section", body = CustomerLoad),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS or management role, or another agent's figures", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/dashboard/customer-load")]
#[tracing::instrument(name = "GET /dashboard/customer-load", skip_all)]
pub async fn dashboard_customer_load(
    ctx: UserTx,
    query: web::Query<DashboardQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<CustomerLoad>> {
    let UserTx { mut tx, user } = ctx;
    let scope = Scope::try_from((&*query, &user))?;
    let body = cached(&state, &scope, "load", load(&mut tx, &scope)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}
