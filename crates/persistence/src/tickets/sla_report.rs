//! The TCK-4 SLA report.

use sqlx::FromRow;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct SlaReportRow {
    pub ticket_type: String,
    pub priority: String,
    pub tickets: i64,
    pub first_response_met: i64,
    pub first_response_breached: i64,
    pub first_response_at_risk: i64,
    pub resolution_met: i64,
    pub resolution_breached: i64,
    pub resolution_at_risk: i64,
}

/// TCK-4 report: SLA outcomes per ticket type × priority over the tickets opened in
/// [from, to] (Asia/Jakarta days) that the caller may see.
pub async fn sla_report(
    tx: &mut Tx,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<Vec<SlaReportRow>, DbError> {
    sla_report_of(tx, from, to, None).await
}

/// The same report over the tickets assigned to `assignee` only (when given).
pub async fn sla_report_of(
    tx: &mut Tx,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    assignee: Option<uuid::Uuid>,
) -> Result<Vec<SlaReportRow>, DbError> {
    Ok(sqlx::query_as!(
        SlaReportRow,
        r#"select s.ticket_type as "ticket_type!", s.priority as "priority!", count(*) as "tickets!",
                count(*) filter (where s.first_response_state = 'met') as "first_response_met!",
                count(*) filter (where s.first_response_state = 'breached') as "first_response_breached!",
                count(*) filter (where s.first_response_state = 'at_risk') as "first_response_at_risk!",
                count(*) filter (where s.resolution_state = 'met') as "resolution_met!",
                count(*) filter (where s.resolution_state = 'breached') as "resolution_breached!",
                count(*) filter (where s.resolution_state = 'at_risk') as "resolution_at_risk!"
           from v_ticket_sla s
          where s.created_at >= ($1::date::timestamp at time zone 'Asia/Jakarta')
            and s.created_at < (($2::date + 1)::timestamp at time zone 'Asia/Jakarta')
            and ($3::uuid is null or s.assigned_to_user_id = $3)
          group by s.ticket_type, s.priority
          order by array_position(array['inquiry_tariff','general_request','complaint','shipment_issue'], s.ticket_type),
                   array_position(array['urgent','high','medium','low'], s.priority)"#,
        from,
        to,
        assignee,
    )
    .fetch_all(&mut **tx)
    .await?)
}
