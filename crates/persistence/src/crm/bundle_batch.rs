//! CRM-1 for many leads at once (the Import Center): the lead bundle's customer dedup and
//! prospect find-or-create, set-based. Leads are placed in order as the bundle would
//! place them one by one: an existing customer by the first identifier that fits (NPWP,
//! e-mail, phone, company name); otherwise the customer an earlier lead of the batch
//! created, found by the identifiers that lead brought; otherwise a new customer. New
//! customers and prospects are inserted in one statement each, the leads in one more. A
//! customer or prospect another transaction created meanwhile sends its leads through
//! [`create_lead`]. No RFQ tickets and no notices.

use std::collections::HashMap;

use uuid::Uuid;

use super::bundle::{create_lead, NewLead};
use crate::{DbError, Tx};

/// Where a lead went.
#[derive(Debug, Clone)]
pub struct PlacedLead {
    pub lead_id: Uuid,
    pub customer_id: Uuid,
    pub matched_on: Option<String>,
}

/// The dedup identifiers of a lead, in the bundle's priority.
fn identifiers(lead: &NewLead) -> [(&'static str, Option<&str>); 4] {
    [
        ("npwp", lead.npwp_key.as_ref().map(|k| k.as_str())),
        ("email", lead.email_key.as_ref().map(|k| k.as_str())),
        ("phone", lead.phone_key.as_ref().map(|k| k.as_str())),
        (
            "company_name",
            lead.company_key.as_ref().map(|k| k.as_str()),
        ),
    ]
}

/// A lead's customer before the inserts: an existing one, or the new one of a group.
#[derive(Debug, Clone)]
enum Placement {
    Existing(Uuid, String),
    Group(usize, Option<&'static str>),
}

/// Places `leads` (all of one creator and owners); `matched[i]` is the existing customer
/// lead `i` fits and on what, as the bundle's lookup would find it.
pub async fn create_leads(
    tx: &mut Tx,
    leads: &[NewLead],
    matched: &[Option<(Uuid, String)>],
) -> Result<Vec<PlacedLead>, DbError> {
    let Some(first) = leads.first() else {
        return Ok(Vec::new());
    };
    let (placements, founders) = place(leads, matched);
    let created = insert_customers(tx, leads, &founders, first).await?;
    let customer_of = |p: &Placement| match p {
        Placement::Existing(id, _) => Some(*id),
        Placement::Group(g, _) => created.get(g).copied(),
    };
    let placed: Vec<(usize, Uuid)> = placements
        .iter()
        .enumerate()
        .filter_map(|(i, p)| customer_of(p).map(|c| (i, c)))
        .collect();
    let prospects = prospects(tx, leads, &placed, first).await?;
    let mut rows = Vec::new();
    for (i, customer) in &placed {
        if let Some(prospect) = prospects.get(customer) {
            let on = match &placements[*i] {
                Placement::Existing(_, on) => Some(on.clone()),
                Placement::Group(_, on) => on.map(str::to_owned),
            };
            rows.push((*i, *customer, *prospect, on));
        }
    }
    let mut out: Vec<Option<PlacedLead>> = vec![None; leads.len()];
    for (placed, (i, ..)) in insert_leads(tx, leads, &rows).await?.into_iter().zip(&rows) {
        out[*i] = Some(placed);
    }
    // What a concurrent writer got in the way of goes through the bundle lead by lead.
    let mut done = Vec::with_capacity(leads.len());
    for (lead, placed) in leads.iter().zip(out) {
        done.push(match placed {
            Some(placed) => placed,
            None => {
                let one = create_lead(tx, lead).await?;
                PlacedLead {
                    lead_id: one.lead_id,
                    customer_id: one.customer_id,
                    matched_on: one.matched_on,
                }
            }
        });
    }
    Ok(done)
}

/// Each lead's placement, and the lead founding each new customer.
fn place(leads: &[NewLead], matched: &[Option<(Uuid, String)>]) -> (Vec<Placement>, Vec<usize>) {
    let mut owner: HashMap<(&'static str, &str), usize> = HashMap::new();
    let mut founders = Vec::new();
    let mut placements = Vec::with_capacity(leads.len());
    for (i, lead) in leads.iter().enumerate() {
        if let Some(Some((id, on))) = matched.get(i) {
            placements.push(Placement::Existing(*id, on.clone()));
            continue;
        }
        let ids = identifiers(lead);
        let joined = ids.iter().find_map(|(kind, value)| {
            value
                .and_then(|v| owner.get(&(*kind, v)))
                .map(|g| (*g, *kind))
        });
        match joined {
            Some((group, kind)) => placements.push(Placement::Group(group, Some(kind))),
            None => {
                let group = founders.len();
                founders.push(i);
                for (kind, value) in ids {
                    if let Some(v) = value {
                        owner.entry((kind, v)).or_insert(group);
                    }
                }
                placements.push(Placement::Group(group, None));
            }
        }
    }
    (placements, founders)
}

/// The founders' customers in one insert; per group, the new customer's id (a group
/// whose insert met a customer created meanwhile is missing).
async fn insert_customers(
    tx: &mut Tx,
    leads: &[NewLead],
    founders: &[usize],
    first: &NewLead,
) -> Result<HashMap<usize, Uuid>, DbError> {
    let col = |k: usize| -> Vec<Option<String>> {
        founders
            .iter()
            .map(|f| identifiers(&leads[*f])[k].1.map(str::to_owned))
            .collect()
    };
    let (npwp, email, phone, key) = (col(0), col(1), col(2), col(3));
    let names: Vec<Option<String>> = founders
        .iter()
        .map(|f| leads[*f].company_name.clone())
        .collect();
    let contacts: Vec<String> = founders
        .iter()
        .map(|f| leads[*f].contact_name.clone())
        .collect();
    let rows = sqlx::query!(
        r#"insert into customers (company_name, company_key, npwp, email, phone, contact_name, owner_user_id,
                                  created_by)
           select coalesce(nullif(btrim(n), ''), c), k, np, e::citext, ph, c, $7, $8
             from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                  as t(n, k, np, e, ph, c)
           on conflict do nothing
           returning id, company_key, npwp, email::text, phone"#,
        &names as &[Option<String>],
        &key as &[Option<String>],
        &npwp as &[Option<String>],
        &email as &[Option<String>],
        &phone as &[Option<String>],
        &contacts,
        first.sales_owner_user_id,
        first.created_by,
    )
    .fetch_all(&mut **tx)
    .await?;
    let by_identity: HashMap<_, Uuid> = rows
        .into_iter()
        .map(|r| ((r.npwp, r.email, r.phone, r.company_key), r.id))
        .collect();
    Ok((0..founders.len())
        .filter_map(|g| {
            let identity = (
                npwp[g].clone(),
                email[g].clone(),
                phone[g].clone(),
                key[g].clone(),
            );
            by_identity.get(&identity).map(|id| (g, *id))
        })
        .collect())
}

/// Per customer, the creator's prospect of it (found or created).
async fn prospects(
    tx: &mut Tx,
    leads: &[NewLead],
    placed: &[(usize, Uuid)],
    first: &NewLead,
) -> Result<HashMap<Uuid, Uuid>, DbError> {
    let customers: Vec<Uuid> = placed.iter().map(|(_, c)| *c).collect();
    let services: Vec<Option<String>> = placed
        .iter()
        .map(|(i, _)| leads[*i].service_interest.clone())
        .collect();
    let rows = sqlx::query!(
        r#"select customer_id as "customer_id!", prospect_id as "prospect_id!"
             from app.import_lead_prospects($1, $2, $3)"#,
        &customers,
        &services as &[Option<String>],
        first.sales_owner_user_id,
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.customer_id, r.prospect_id))
        .collect())
}

/// The leads of `rows` (lead index, customer, prospect, matched on) in one insert, in order.
async fn insert_leads(
    tx: &mut Tx,
    leads: &[NewLead],
    rows: &[(usize, Uuid, Uuid, Option<String>)],
) -> Result<Vec<PlacedLead>, DbError> {
    let Some((first, ..)) = rows.first() else {
        return Ok(Vec::new());
    };
    let first = &leads[*first];
    let text = |f: fn(&NewLead) -> Option<String>| -> Vec<Option<String>> {
        rows.iter().map(|(i, ..)| f(&leads[*i])).collect()
    };
    let inserted = sqlx::query!(
        r#"insert into leads (channel, channel_raw, utm_source, utm_medium, utm_campaign, company_name,
                              contact_name, email, phone, npwp, service_interest, notes, customer_id,
                              prospect_id, matched_on, marketing_owner_user_id, sales_owner_user_id,
                              assigned_at, created_by)
           with channel as (
             -- each distinct source resolved once for the batch
             select d.raw, app.resolve_channel(d.raw) as code from (select distinct u.raw from unnest($6::text[]) as u(raw)) d)
           select coalesce(ch.code, app.resolve_channel(t.channel_raw)), t.channel_raw, t.utm_source, t.utm_medium,
                  t.utm_campaign,
                  t.company, t.contact, t.email, t.phone, t.npwp, t.service, coalesce(t.notes, ''), t.customer_id,
                  t.prospect_id, t.matched_on, $16, $17, case when $17::uuid is null then null else now() end, $18
             from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[], $14::uuid[],
                         $15::text[]) with ordinality
                  as t(npwp, email, phone, company, contact, channel_raw, utm_source, utm_medium, utm_campaign,
                       service, notes, x, customer_id, prospect_id, matched_on, ord)
             left join channel ch on ch.raw = t.channel_raw
            order by t.ord
           returning id, customer_id, matched_on, contact_name"#,
        &text(|l| l.npwp_key.as_ref().map(|k| k.as_str().to_owned())) as &[Option<String>],
        &text(|l| l.email_key.as_ref().map(|k| k.as_str().to_owned())) as &[Option<String>],
        &text(|l| l.phone_key.as_ref().map(|k| k.as_str().to_owned())) as &[Option<String>],
        &text(|l| l.company_name.clone()) as &[Option<String>],
        &text(|l| Some(l.contact_name.clone())) as &[Option<String>],
        &text(|l| Some(l.channel_raw.clone())) as &[Option<String>],
        &text(|l| l.utm_source.clone()) as &[Option<String>],
        &text(|l| l.utm_medium.clone()) as &[Option<String>],
        &text(|l| l.utm_campaign.clone()) as &[Option<String>],
        &text(|l| l.service_interest.clone()) as &[Option<String>],
        &text(|l| Some(l.notes.clone())) as &[Option<String>],
        &text(|_| None) as &[Option<String>],
        &rows.iter().map(|r| r.1).collect::<Vec<_>>(),
        &rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        &rows.iter().map(|r| r.3.clone()).collect::<Vec<_>>() as &[Option<String>],
        first.marketing_owner_user_id,
        first.sales_owner_user_id,
        first.created_by,
    )
    .fetch_all(&mut **tx)
    .await?;
    // The insert returns its rows in the order it inserted them; the names check it.
    let in_order = inserted.len() == rows.len()
        && inserted.iter().zip(rows).all(|(r, (i, customer, ..))| {
            r.contact_name == leads[*i].contact_name && r.customer_id == *customer
        });
    if !in_order {
        return Err(DbError::InvalidValue(
            "lead batch returned out of order".into(),
        ));
    }
    Ok(inserted
        .into_iter()
        .map(|r| PlacedLead {
            lead_id: r.id,
            customer_id: r.customer_id,
            matched_on: r.matched_on,
        })
        .collect())
}
