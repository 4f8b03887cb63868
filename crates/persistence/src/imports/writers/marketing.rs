//! Marketing spend (one row per platform, day and campaign) and products/programmes (by
//! code): a row with the same content is `matched`, other content updates the record.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    imports::{
        records::{ProductRecord, SpendRecord},
        RowAction,
    },
    money::text_cents,
};
use uuid::Uuid;

use super::Outcome;
use crate::{DbError, Tx, UserPrincipal};

type SpendKey = (String, NaiveDate, String);

fn spend_key(r: &SpendRecord) -> SpendKey {
    (
        r.platform.clone(),
        r.spend_date,
        r.campaign.clone().unwrap_or_default(),
    )
}

pub(super) async fn write_spend(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, SpendRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    let mut seen: HashMap<SpendKey, i32> = HashMap::new();
    let mut keyed = Vec::new();
    for (n, r) in rows {
        let key = spend_key(r);
        if let Some(first) = seen.get(&key) {
            out.push((
                *n,
                Outcome::refused(
                    "campaign",
                    format!("platform, tanggal dan kampanye sama dengan baris {first}"),
                    format!("same platform, date and campaign as row {first}"),
                ),
            ));
            continue;
        }
        seen.insert(key, *n);
        keyed.push((*n, r));
    }
    let existing = sqlx::query!(
        r#"select s.id, s.platform, s.spend_date, coalesce(s.campaign, '') as "campaign!", s.amount::text as "amount!",
                  s.impressions, s.clicks
             from marketing_spend s
             join unnest($1::text[], $2::date[], $3::text[]) as k(platform, spend_date, campaign)
               on s.platform = k.platform and s.spend_date = k.spend_date and coalesce(s.campaign, '') = k.campaign"#,
        &keyed.iter().map(|(_, r)| r.platform.clone()).collect::<Vec<_>>(),
        &keyed.iter().map(|(_, r)| r.spend_date).collect::<Vec<_>>(),
        &keyed.iter().map(|(_, r)| r.campaign.clone().unwrap_or_default()).collect::<Vec<_>>(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let existing: HashMap<SpendKey, _> = existing
        .into_iter()
        .map(|e| ((e.platform.clone(), e.spend_date, e.campaign.clone()), e))
        .collect();
    let (mut changes, mut new) = (Vec::new(), Vec::new());
    for (n, r) in keyed {
        match existing.get(&spend_key(r)) {
            Some(e)
                if text_cents(&e.amount) == Some(r.amount.cents())
                    && e.impressions == r.impressions
                    && e.clicks == r.clicks =>
            {
                out.push((
                    n,
                    Outcome::Written {
                        target_id: e.id,
                        action: RowAction::Matched,
                    },
                ));
            }
            Some(e) => changes.push((n, e.id, r)),
            None => new.push((n, r)),
        }
    }
    let updated = sqlx::query_scalar!(
        "update marketing_spend s set amount = u.amount::numeric, impressions = u.impressions, clicks = u.clicks
           from unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[]) as u(id, amount, impressions, clicks)
          where s.id = u.id returning s.id",
        &changes.iter().map(|(_, id, _)| *id).collect::<Vec<_>>(),
        &changes.iter().map(|(_, _, r)| r.amount.as_str().to_owned()).collect::<Vec<_>>(),
        &changes.iter().map(|(_, _, r)| r.impressions).collect::<Vec<_>>() as &[Option<i64>],
        &changes.iter().map(|(_, _, r)| r.clicks).collect::<Vec<_>>() as &[Option<i64>],
    )
    .fetch_all(&mut **tx)
    .await?;
    for (n, id, _) in changes {
        if updated.contains(&id) {
            out.push((
                n,
                Outcome::Written {
                    target_id: id,
                    action: RowAction::Updated,
                },
            ));
        }
    }
    let inserted = sqlx::query!(
        r#"insert into marketing_spend (platform, spend_date, amount, impressions, clicks, campaign, created_by)
           select p, d, a::numeric, i, c, camp, $7
             from unnest($1::text[], $2::date[], $3::text[], $4::bigint[], $5::bigint[], $6::text[])
                  as t(p, d, a, i, c, camp)
           returning id, platform, spend_date, coalesce(campaign, '') as "campaign!""#,
        &new.iter().map(|(_, r)| r.platform.clone()).collect::<Vec<_>>(),
        &new.iter().map(|(_, r)| r.spend_date).collect::<Vec<_>>(),
        &new.iter().map(|(_, r)| r.amount.as_str().to_owned()).collect::<Vec<_>>(),
        &new.iter().map(|(_, r)| r.impressions).collect::<Vec<_>>() as &[Option<i64>],
        &new.iter().map(|(_, r)| r.clicks).collect::<Vec<_>>() as &[Option<i64>],
        &new.iter().map(|(_, r)| r.campaign.clone()).collect::<Vec<_>>() as &[Option<String>],
        user.id,
    )
    .fetch_all(&mut **tx)
    .await?;
    let ids: HashMap<SpendKey, Uuid> = inserted
        .into_iter()
        .map(|i| ((i.platform, i.spend_date, i.campaign), i.id))
        .collect();
    for (n, r) in new {
        if let Some(id) = ids.get(&spend_key(r)) {
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

pub(super) async fn write_products(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, ProductRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    let mut seen: HashMap<String, i32> = HashMap::new();
    let mut keyed = Vec::new();
    for (n, r) in rows {
        if let Some(first) = seen.get(&r.code) {
            out.push((
                *n,
                Outcome::refused(
                    "code",
                    format!("kode sama dengan baris {first}"),
                    format!("same code as row {first}"),
                ),
            ));
            continue;
        }
        seen.insert(r.code.clone(), *n);
        keyed.push((*n, r));
    }
    // One statement: new codes inserted, changed ones updated, unchanged ones left; the
    // CTE tells which is which.
    let written = sqlx::query!(
        r#"with input as (
             select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[])
                    as t(code, name, service, description, is_active)),
           before as (select p.id, p.code from products p join input i on i.code = p.code),
           upserted as (
             insert into products (code, name, service, description, is_active, created_by)
             select code, name, service, coalesce(description, ''), is_active, $6 from input
             on conflict (code) do update
                set name = excluded.name, service = excluded.service, description = excluded.description,
                    is_active = excluded.is_active
              where (products.name, products.service, products.description, products.is_active)
                    is distinct from (excluded.name, excluded.service, excluded.description, excluded.is_active)
             returning id, code)
           select coalesce(u.id, b.id) as "id!", i.code as "code!",
                  case when b.id is null then 'created' when u.id is null then 'matched' else 'updated' end as "action!"
             from input i left join upserted u on u.code = i.code left join before b on b.code = i.code"#,
        &keyed.iter().map(|(_, r)| r.code.clone()).collect::<Vec<_>>(),
        &keyed.iter().map(|(_, r)| r.name.clone()).collect::<Vec<_>>(),
        &keyed.iter().map(|(_, r)| r.service.clone()).collect::<Vec<_>>() as &[Option<String>],
        &keyed.iter().map(|(_, r)| r.description.clone()).collect::<Vec<_>>() as &[Option<String>],
        &keyed.iter().map(|(_, r)| r.is_active).collect::<Vec<_>>(),
        user.id,
    )
    .fetch_all(&mut **tx)
    .await?;
    let by_code: HashMap<String, (Uuid, String)> = written
        .into_iter()
        .map(|w| (w.code, (w.id, w.action)))
        .collect();
    for (n, r) in keyed {
        if let Some((id, action)) = by_code.get(&r.code) {
            let action = match action.as_str() {
                "created" => RowAction::Created,
                "updated" => RowAction::Updated,
                _ => RowAction::Matched,
            };
            out.push((
                n,
                Outcome::Written {
                    target_id: *id,
                    action,
                },
            ));
        }
    }
    Ok(out)
}
