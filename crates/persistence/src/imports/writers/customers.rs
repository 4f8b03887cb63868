//! Customers: a row with a code updates that customer; otherwise it is matched by NPWP,
//! e-mail, phone or company name like the lead bundle's dedup — one match is updated
//! (fields the row fills; roles without the right to edit customers leave it as is),
//! none creates the customer, two is refused (IMP-5).

use std::collections::HashMap;

use domain::{
    imports::{records::CustomerRecord, RowAction},
    Role,
};
use uuid::Uuid;

use super::{
    refs::{customer_matches, one_customer, Identifiers},
    Outcome,
};
use crate::{DbError, Tx, UserPrincipal};

fn identifiers(r: &CustomerRecord) -> Identifiers {
    Identifiers {
        code: r.customer_code.clone(),
        npwp: r.npwp.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        company_key: Some(r.company_key.clone()),
    }
}

/// The identifiers a row claims, to catch two rows of one batch naming one customer.
fn claims(ids: &Identifiers) -> Vec<String> {
    [
        ids.code.as_ref().map(|v| format!("code:{v}")),
        ids.npwp.as_ref().map(|v| format!("npwp:{v}")),
        ids.email.as_ref().map(|v| format!("email:{v}")),
        ids.phone.as_ref().map(|v| format!("phone:{v}")),
        ids.company_key.as_ref().map(|v| format!("key:{v}")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

pub(super) async fn write(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, CustomerRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let ids: Vec<(i32, Identifiers)> = rows.iter().map(|(n, r)| (*n, identifiers(r))).collect();
    let matches = customer_matches(tx, &ids).await?;
    let mut out = Vec::with_capacity(rows.len());
    let mut claimed: HashMap<String, i32> = HashMap::new();
    let (mut update, mut insert) = (Vec::new(), Vec::new());
    for ((n, r), (_, ids)) in rows.iter().zip(&ids) {
        let mine = claims(ids);
        if let Some(first) = mine.iter().find_map(|c| claimed.get(c)) {
            out.push((
                *n,
                Outcome::refused(
                    "customer",
                    format!("pelanggan yang sama dengan baris {first}"),
                    format!("the same customer as row {first}"),
                ),
            ));
            continue;
        }
        for claim in mine {
            claimed.insert(claim, *n);
        }
        match one_customer(matches.get(n), ids, false) {
            Err(refused) => out.push((*n, refused)),
            Ok(Some(id)) => update.push((*n, id, r)),
            Ok(None) => insert.push((*n, r)),
        }
    }
    let may_edit = matches!(
        user.role,
        Role::SuperAdmin | Role::MarketingManager | Role::SalesManager | Role::Salesperson
    );
    let changed: Vec<Uuid> = if may_edit && !update.is_empty() {
        let col = |f: fn(&CustomerRecord) -> Option<String>| -> Vec<Option<String>> {
            update.iter().map(|(_, _, r)| f(r)).collect()
        };
        sqlx::query_scalar!(
            r#"update customers c
                  set company_name = u.name, company_key = u.ckey, npwp = coalesce(u.npwp, c.npwp),
                      email = coalesce(u.email::citext, c.email), phone = coalesce(u.phone, c.phone),
                      contact_name = coalesce(u.contact, c.contact_name), address = coalesce(u.address, c.address),
                      city = coalesce(u.city, c.city), notes = coalesce(u.notes, c.notes), deleted_at = null
                 from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                             $8::text[], $9::text[], $10::text[])
                      as u(id, name, ckey, npwp, email, phone, contact, address, city, notes)
                where c.id = u.id
                  and (c.company_name, c.npwp, c.email, c.phone, c.contact_name, c.address, c.city, c.notes, c.deleted_at)
                      is distinct from
                      (u.name, coalesce(u.npwp, c.npwp), coalesce(u.email::citext, c.email), coalesce(u.phone, c.phone),
                       coalesce(u.contact, c.contact_name), coalesce(u.address, c.address), coalesce(u.city, c.city),
                       coalesce(u.notes, c.notes), null)
                returning c.id"#,
            &update.iter().map(|(_, id, _)| *id).collect::<Vec<_>>(),
            &update.iter().map(|(_, _, r)| r.company_name.clone()).collect::<Vec<_>>(),
            &update.iter().map(|(_, _, r)| r.company_key.clone()).collect::<Vec<_>>(),
            &col(|r| r.npwp.clone()) as &[Option<String>],
            &col(|r| r.email.clone()) as &[Option<String>],
            &col(|r| r.phone.clone()) as &[Option<String>],
            &col(|r| r.contact_name.clone()) as &[Option<String>],
            &col(|r| r.address.clone()) as &[Option<String>],
            &col(|r| r.city.clone()) as &[Option<String>],
            &col(|r| r.notes.clone()) as &[Option<String>],
        )
        .fetch_all(&mut **tx)
        .await?
    } else {
        Vec::new()
    };
    for (n, id, _) in &update {
        let action = if changed.contains(id) {
            RowAction::Updated
        } else {
            RowAction::Matched
        };
        out.push((
            *n,
            Outcome::Written {
                target_id: *id,
                action,
            },
        ));
    }
    let owner = matches!(user.role, Role::SalesManager | Role::Salesperson).then_some(user.id);
    let col = |f: fn(&CustomerRecord) -> Option<String>| -> Vec<Option<String>> {
        insert.iter().map(|(_, r)| f(r)).collect()
    };
    let created = sqlx::query!(
        r#"insert into customers (company_name, company_key, npwp, email, phone, contact_name, address, city,
                                  notes, owner_user_id, created_by)
           select name, ckey, npwp, email::citext, phone, contact, address, city, coalesce(notes, ''), $10, $11
             from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                         $8::text[], $9::text[])
                  as u(name, ckey, npwp, email, phone, contact, address, city, notes)
           returning id, company_key as "company_key!""#,
        &insert.iter().map(|(_, r)| r.company_name.clone()).collect::<Vec<_>>(),
        &insert.iter().map(|(_, r)| r.company_key.clone()).collect::<Vec<_>>(),
        &col(|r| r.npwp.clone()) as &[Option<String>],
        &col(|r| r.email.clone()) as &[Option<String>],
        &col(|r| r.phone.clone()) as &[Option<String>],
        &col(|r| r.contact_name.clone()) as &[Option<String>],
        &col(|r| r.address.clone()) as &[Option<String>],
        &col(|r| r.city.clone()) as &[Option<String>],
        &col(|r| r.notes.clone()) as &[Option<String>],
        owner,
        user.id,
    )
    .fetch_all(&mut **tx)
    .await?;
    let by_key: HashMap<String, Uuid> =
        created.into_iter().map(|c| (c.company_key, c.id)).collect();
    for (n, r) in insert {
        if let Some(id) = by_key.get(&r.company_key) {
            out.push((
                n,
                Outcome::Written {
                    target_id: *id,
                    action: RowAction::Created,
                },
            ));
        }
    }
    Ok(out)
}
