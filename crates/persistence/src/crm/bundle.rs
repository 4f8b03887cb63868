//! CRM-1 the lead bundle and CRM-2 the handover, as single transactional service
//! functions over a transaction that already carries the caller's RLS context.

use domain::{
    crm::{CompanyKey, Npwp, PhoneE164},
    Email,
};
use uuid::Uuid;

use crate::{DbError, Normalised, Tx};

/// A validated lead bundle request, identifiers already normalised.
#[derive(Debug, Clone, Default)]
pub struct NewLead {
    pub npwp_key: Option<Npwp>,
    pub email_key: Option<Email>,
    pub phone_key: Option<PhoneE164>,
    pub company_key: Option<CompanyKey>,
    pub company_name: Option<String>,
    pub contact_name: String,
    pub channel_raw: String,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub service_interest: Option<String>,
    pub notes: String,
    pub marketing_owner_user_id: Option<Uuid>,
    pub sales_owner_user_id: Option<Uuid>,
    pub created_by: Uuid,
    pub rfq: Option<NewRfq>,
}

/// The RFQ part of a lead bundle: becomes an `inquiry_tariff` ticket.
#[derive(Debug, Clone)]
pub struct NewRfq {
    pub dept_target: String,
    pub subject: String,
    pub description: String,
    /// `{service, origin, destination, commodity, weight_kg?, volume_cbm?, notes?}`
    pub details: serde_json::Value,
}

#[derive(Debug, Clone)]
pub struct BundleOutcome {
    pub lead_id: Uuid,
    pub lead_code: String,
    pub customer_id: Uuid,
    pub customer_code: String,
    pub customer_name: String,
    pub prospect_id: Uuid,
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    pub matched_on: Option<String>,
}

/// Lead → customer (dedup) → prospect → link → RFQ ticket, all or nothing.
pub async fn create_lead(tx: &mut Tx, lead: &NewLead) -> Result<BundleOutcome, DbError> {
    let found = sqlx::query!(
        r#"select customer_id as "customer_id!", matched_on
             from app.crm_find_or_create_customer($1, $2, $3, $4, $5, $6, $7)"#,
        lead.npwp_key.as_ref().map(Normalised) as _,
        lead.email_key.as_ref().map(Normalised) as _,
        lead.phone_key.as_ref().map(Normalised) as _,
        lead.company_key.as_ref().map(Normalised) as _,
        lead.company_name,
        lead.contact_name,
        lead.sales_owner_user_id,
    )
    .fetch_one(&mut **tx)
    .await?;
    let (customer_id, matched_on) = (found.customer_id, found.matched_on);
    let prospect_id = sqlx::query_scalar!(
        r#"select app.crm_find_or_create_prospect($1, $2, $3) as "prospect_id!""#,
        customer_id,
        lead.sales_owner_user_id,
        lead.service_interest,
    )
    .fetch_one(&mut **tx)
    .await?;
    let created = sqlx::query!(
        "insert into leads (channel, channel_raw, utm_source, utm_medium, utm_campaign, company_name, \
                            contact_name, email, phone, npwp, service_interest, notes, need_rfq, rfq, \
                            customer_id, prospect_id, matched_on, marketing_owner_user_id, \
                            sales_owner_user_id, assigned_at, created_by) \
         values (app.resolve_channel($1), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, \
                 $14, $15, $16, $17, $18, case when $18::uuid is null then null else now() end, $19) \
         returning id, lead_code",
        lead.channel_raw,
        lead.utm_source,
        lead.utm_medium,
        lead.utm_campaign,
        lead.company_name,
        lead.contact_name,
        lead.email_key.as_ref().map(Normalised) as _,
        lead.phone_key.as_ref().map(Normalised) as _,
        lead.npwp_key.as_ref().map(Normalised) as _,
        lead.service_interest,
        lead.notes,
        lead.rfq.is_some(),
        lead.rfq.as_ref().map(|rfq| &rfq.details),
        customer_id,
        prospect_id,
        matched_on,
        lead.marketing_owner_user_id,
        lead.sales_owner_user_id,
        lead.created_by,
    )
    .fetch_one(&mut **tx)
    .await?;
    let (lead_id, lead_code) = (created.id, created.lead_code);

    let mut ticket = None;
    if let Some(rfq) = &lead.rfq {
        let created = sqlx::query!(
            "insert into tickets (ticket_type, priority, dept_target, subject, description, company_name, \
                                  contact_name, customer_phone, customer_email, rfq, \
                                  need_customer_masking, related_lead_id, related_customer_id, \
                                  related_prospect_id, source, created_by) \
             values ('inquiry_tariff', 'medium', $1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10, $11, \
                     'crm', $12) \
             returning id, ticket_code",
            rfq.dept_target,
            rfq.subject,
            rfq.description,
            lead.company_name,
            lead.contact_name,
            lead.phone_key.as_ref().map(Normalised) as _,
            lead.email_key.as_ref().map(Normalised) as _,
            rfq.details,
            lead_id,
            customer_id,
            prospect_id,
            lead.created_by,
        )
        .fetch_one(&mut **tx)
        .await?;
        sqlx::query!(
            "update leads set ticket_id = $2 where id = $1",
            lead_id,
            created.id,
        )
        .execute(&mut **tx)
        .await?;
        ticket = Some((created.id, created.ticket_code));
    }
    let (customer_code, customer_name) = sqlx::query!(
        "select customer_code, company_name from customers where id = $1",
        customer_id,
    )
    .fetch_optional(&mut **tx)
    .await?
    .map(|c| (c.customer_code, c.company_name))
    .unwrap_or_default();
    Ok(BundleOutcome {
        lead_id,
        lead_code,
        customer_id,
        customer_code,
        customer_name,
        prospect_id,
        ticket_id: ticket.as_ref().map(|t| t.0),
        ticket_code: ticket.map(|t| t.1),
        matched_on,
    })
}

/// CRM-2: hands a lead over to `owner`: one lead, one prospect — the lead's prospect
/// changes owner and keeps its id; only when the owner already has a prospect of the
/// customer, or another live lead shares the lead's prospect, does the lead move to the
/// owner's prospect (created when missing), and an unassigned prospect it leaves behind is
/// retired.
/// [`DbError::NotFound`] when the caller cannot see or change the lead. True when the
/// lead changed hands (false when it was the owner's already).
pub async fn assign_lead(tx: &mut Tx, lead_id: Uuid, owner: Uuid) -> Result<bool, DbError> {
    let lead = sqlx::query!(
        "select customer_id, prospect_id, service_interest, sales_owner_user_id from leads \
          where id = $1 and deleted_at is null for update",
        lead_id,
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    let (customer_id, old_prospect) = (lead.customer_id, lead.prospect_id);
    let prospect_id = sqlx::query_scalar!(
        r#"select app.crm_hand_over_prospect($1, $2, $3, $4) as "prospect_id!""#,
        lead_id,
        old_prospect,
        owner,
        lead.service_interest,
    )
    .fetch_one(&mut **tx)
    .await?;
    let updated = sqlx::query!(
        "update leads set sales_owner_user_id = $2, prospect_id = $3, assigned_at = now() \
          where id = $1",
        lead_id,
        owner,
        prospect_id,
    )
    .execute(&mut **tx)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    if old_prospect != prospect_id {
        sqlx::query!(
            "select app.crm_retire_unassigned_prospect($1)",
            old_prospect
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query!(
        "update customers set owner_user_id = $2 where id = $1 and owner_user_id is null",
        customer_id,
        owner,
    )
    .execute(&mut **tx)
    .await?;
    Ok(lead.sales_owner_user_id != Some(owner))
}

/// The would-be assignee of a lead: (role, active, within the caller's scope).
pub async fn assignee(tx: &mut Tx, user_id: Uuid) -> Result<Option<(String, bool, bool)>, DbError> {
    Ok(sqlx::query!(
        r#"select role_name, is_active, id = any(app.scope_ids()) as "in_scope!" from profiles where id = $1"#,
        user_id,
    )
    .fetch_optional(&mut **tx)
    .await?
    .map(|p| (p.role_name, p.is_active, p.in_scope)))
}

/// NTF-1: tells the new owner about the lead handed to them, in their language (not when
/// they took it themselves).
pub async fn notify_assignee(
    tx: &mut Tx,
    lead_code: &str,
    customer_name: Option<&str>,
    lead_id: Uuid,
    owner: Uuid,
) -> Result<(), DbError> {
    let customer = customer_name.unwrap_or_default();
    sqlx::query!(
        "select app.notify_localized($1, 'lead_assigned', $2, $3, $4, $4, $5,
                 'lead-assigned:' || $5 || ':' || txid_current())
          where $1 is distinct from app.uid()",
        owner,
        format!("Lead {lead_code} ditugaskan kepada Anda"),
        format!("Lead {lead_code} assigned to you"),
        customer,
        format!("/crm/leads/{lead_id}"),
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(())
}
