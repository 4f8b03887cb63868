//! DASH-1: the command-center dashboard's widgets for the signed-in user — each figure
//! over what they may see, the broadcast figures only for those who monitor broadcasts.
//! Cached in Redis for 30 s per user (SPEC §2.8); a change of tickets or broadcasts makes
//! every cached dashboard stale at once; without Redis it is computed every time.

use actix_web::{get, web};
use chrono::{DateTime, NaiveDate, Utc};
use domain::tickets::reads_broadcasts;
use persistence::dashboard::{self, UrgentTicket};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    state::AppState,
};

/// How many unhandled high-priority tickets the widget lists.
const URGENT_LIST: i64 = 10;
/// How long a user's dashboard is served from the cache (unless tickets or broadcasts
/// change first: every change starts a new cache generation).
const CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(30);

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DashboardTicket {
    pub id: Uuid,
    pub ticket_code: String,
    pub subject: String,
    pub priority: String,
    pub status: String,
    pub dept_target: String,
    pub assigned_to_user_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<UrgentTicket> for DashboardTicket {
    fn from(t: UrgentTicket) -> Self {
        Self {
            id: t.id,
            ticket_code: t.ticket_code,
            subject: t.subject,
            priority: t.priority,
            status: t.status,
            dept_target: t.dept_target,
            assigned_to_user_id: t.assigned_to_user_id,
            created_at: t.created_at,
        }
    }
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DashboardSummary {
    /// Today in Asia/Jakarta.
    pub today: NaiveDate,
    /// Broadcasts sent successfully today; absent for roles that do not monitor them.
    pub broadcasts_sent_today: Option<i64>,
    pub broadcasts_failed_today: Option<i64>,
    /// Tickets you may see that are not closed.
    pub open_tickets: i64,
    pub tickets_closed_today: i64,
    /// High or urgent open tickets without a first response.
    pub high_priority_unhandled: i64,
    /// The oldest of those, urgent first.
    pub high_priority_tickets: Vec<DashboardTicket>,
    /// Your open follow-ups due by the end of today.
    pub my_tasks_due: i64,
    /// Overdue invoices today in your AR scope (all for finance, your customers' for
    /// sales); absent for roles without receivables. Equal to `ar/outstanding?status=overdue`.
    pub ar_overdue_invoices: Option<i64>,
    /// Σ outstanding of those invoices, a decimal string.
    pub ar_overdue_total: Option<String>,
}

/// The widgets as the caller's scope shows them today.
async fn summary(
    tx: &mut persistence::Tx,
    user: &persistence::UserPrincipal,
    today: chrono::NaiveDate,
) -> ApiResult<DashboardSummary> {
    let (sent, failed) = if reads_broadcasts(user.role) {
        let day = persistence::broadcasts::days(tx, today, 1).await?;
        let day = day.first();
        (
            Some(day.map_or(0, |d| d.success)),
            Some(day.map_or(0, |d| d.failed)),
        )
    } else {
        (None, None)
    };
    let counts = dashboard::ticket_counts(&mut *tx, today).await?;
    let urgent = dashboard::unhandled_high_priority(
        &mut *tx,
        URGENT_LIST,
        domain::tickets::reads_ticket_identity(user.role),
    )
    .await?;
    let tasks = dashboard::my_tasks_due(&mut *tx, user.id, today).await?;
    let (ar_overdue_invoices, ar_overdue_total) = if domain::ar::reads_ar(user.role) {
        let overdue = persistence::ar::reports::OutstandingFilter {
            customer_id: None,
            status: vec![domain::ar::InvoiceStatus::Overdue],
            q: None,
            mine: false,
            whole_book: false,
        };
        let (count, sum) =
            persistence::ar::reports::outstanding_totals(tx, today, &overdue).await?;
        (Some(count), Some(sum))
    } else {
        (None, None)
    };
    Ok(DashboardSummary {
        today,
        broadcasts_sent_today: sent,
        broadcasts_failed_today: failed,
        open_tickets: counts.open_tickets,
        tickets_closed_today: counts.closed_today,
        high_priority_unhandled: counts.high_priority_unhandled,
        high_priority_tickets: urgent.into_iter().map(Into::into).collect(),
        my_tasks_due: tasks,
        ar_overdue_invoices,
        ar_overdue_total,
    })
}

/// The dashboard widgets (DASH-1): broadcasts today, open tickets, tickets closed today,
/// high-priority tickets nobody has answered, your follow-ups due, overdue receivables. Numbers match the
/// lists they summarise (same filters, same row-level security).
#[utoipa::path(
    tag = "ops",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The widgets", body = DashboardSummary),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/dashboard/summary")]
#[tracing::instrument(name = "GET /dashboard/summary", skip_all)]
pub async fn dashboard_summary(
    ctx: UserTx,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<DashboardSummary>> {
    let UserTx { mut tx, user } = ctx;
    let today = domain::jakarta_today();
    // Per user: what a user may see is their own scope (RLS), not just their role's.
    let key = state.cache.key(&format!(
        "dash:{}:{}:{today}",
        state.cache.generation().await,
        user.id
    ));
    if let Some(cached) = state.cache.get::<DashboardSummary>(&key).await {
        persistence::commit(tx).await?;
        return Ok(web::Json(cached));
    }
    let summary = summary(&mut tx, &user, today).await?;
    persistence::commit(tx).await?;
    state.cache.set(&key, &summary, CACHE_TTL).await;
    Ok(web::Json(summary))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(dashboard_summary);
}
