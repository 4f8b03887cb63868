//! Leads go through the lead bundle (CRM-1), so the customer dedup of a typed lead
//! applies; a row whose identifiers fit two different customers is refused first
//! (IMP-5). No assignment notice is sent per row (one summary for the import).

use domain::{
    imports::{records::LeadRecord, RowAction},
    NormalisedText, Role,
};

use super::{
    refs::{customer_matches, one_customer, Identifiers},
    Outcome,
};
use crate::{
    crm::{bundle::NewLead, bundle_batch::create_leads},
    DbError, Tx, UserPrincipal,
};

/// The existing customer a lead fits, and by which identifier.
type Matched = Option<(uuid::Uuid, String)>;

/// The identifiers a lead row gives for the customer dedup.
fn identifiers(r: &LeadRecord) -> Identifiers {
    let text = |v: Option<&dyn NormalisedText>| v.map(|v| v.as_text().to_owned());
    Identifiers {
        code: None,
        npwp: text(r.npwp.as_ref().map(|v| v as &dyn NormalisedText)),
        email: text(r.email.as_ref().map(|v| v as &dyn NormalisedText)),
        phone: text(r.phone.as_ref().map(|v| v as &dyn NormalisedText)),
        company_key: text(r.company_key.as_ref().map(|v| v as &dyn NormalisedText)),
    }
}

/// The natural keys a lead row touches (the gate's keys): its dedup identifiers.
pub(super) fn keys(r: &LeadRecord) -> Vec<String> {
    let ids = identifiers(r);
    [
        ("npwp", ids.npwp),
        ("email", ids.email),
        ("phone", ids.phone),
        ("company", ids.company_key),
    ]
    .into_iter()
    .filter_map(|(kind, v)| v.map(|v| format!("{kind}:{}", v.to_lowercase())))
    .collect()
}

pub(super) async fn write(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, LeadRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let ids: Vec<(i32, Identifiers)> = rows.iter().map(|(n, r)| (*n, identifiers(r))).collect();
    let matches = customer_matches(tx, &ids).await?;
    let is_marketing = matches!(user.role, Role::MarketingManager | Role::MarketingStaff);
    let is_sales = matches!(user.role, Role::SalesManager | Role::Salesperson);
    let mut out = Vec::with_capacity(rows.len());
    let mut batch: Vec<(i32, NewLead, Matched)> = Vec::with_capacity(rows.len());
    for ((n, r), (_, ids)) in rows.iter().zip(&ids) {
        let found = matches.get(n);
        if let Err(refused) = one_customer(found, ids, false) {
            out.push((*n, refused));
            continue;
        }
        // The bundle's priority: NPWP, e-mail, phone, company name.
        let matched = ["npwp", "email", "phone", "company_name"]
            .iter()
            .find_map(|kind| {
                found?
                    .iter()
                    .find(|(_, on)| on == kind)
                    .map(|(id, on)| (*id, on.clone()))
            });
        let lead = NewLead {
            npwp_key: r.npwp.clone(),
            email_key: r.email.clone(),
            phone_key: r.phone.clone(),
            company_key: r.company_key.clone(),
            company_name: r.company_name.clone(),
            contact_name: r.contact_name.clone(),
            channel_raw: r.channel.clone(),
            utm_source: r.utm_source.clone(),
            utm_medium: r.utm_medium.clone(),
            utm_campaign: r.utm_campaign.clone(),
            service_interest: r.service_interest.clone(),
            notes: r.notes.clone().unwrap_or_default(),
            marketing_owner_user_id: is_marketing.then_some(user.id),
            sales_owner_user_id: is_sales.then_some(user.id),
            created_by: user.id,
            rfq: None,
        };
        batch.push((*n, lead, matched));
    }
    let leads: Vec<NewLead> = batch.iter().map(|(_, l, _)| l.clone()).collect();
    let matched: Vec<Matched> = batch.iter().map(|(_, _, m)| m.clone()).collect();
    let placed = create_leads(tx, &leads, &matched).await?;
    for ((n, ..), lead) in batch.iter().zip(placed) {
        out.push((
            *n,
            Outcome::Written {
                target_id: lead.lead_id,
                action: RowAction::Created,
            },
        ));
    }
    Ok(out)
}
