//! KPI entries of MANUAL and IMPORTED metrics (never AUTO), stored with source
//! `imported`: one per metric, assignee and day — the same value is `matched`, another
//! value replaces the earlier imported entry. Who may enter what is row-level security's
//! call (`kpi_may_manage`), row by row.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    imports::{
        records::{KpiAssigneeRef, KpiEntryRecord},
        RowAction,
    },
    money::text_cents,
};
use uuid::Uuid;

use super::Outcome;
use crate::{DbError, Tx, UserPrincipal};

/// (metric, kind, user, dept, day)
type Key = (String, String, Option<Uuid>, Option<String>, NaiveDate);

pub(super) async fn write(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, KpiEntryRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let metrics: HashMap<String, String> =
        sqlx::query!("select metric_key, source from kpi_metric_definitions")
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(|m| (m.metric_key, m.source))
            .collect();
    let emails: Vec<String> = rows
        .iter()
        .filter_map(|(_, r)| match &r.assignee {
            KpiAssigneeRef::User(email) => Some(email.clone()),
            _ => None,
        })
        .collect();
    let users: HashMap<String, Uuid> = sqlx::query!(
        r#"select id, email::text as "email!" from profiles where email = any($1::text[]::citext[])"#,
        &emails
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|u| (u.email.to_lowercase(), u.id))
    .collect();
    let mut out = Vec::with_capacity(rows.len());
    let mut seen: HashMap<Key, i32> = HashMap::new();
    let mut keyed: Vec<(i32, Key, &KpiEntryRecord)> = Vec::new();
    for (n, r) in rows {
        match metrics.get(&r.metric_key).map(String::as_str) {
            None => {
                out.push((
                    *n,
                    Outcome::refused(
                        "metric_key",
                        format!("metrik {} tidak dikenal", r.metric_key),
                        format!("unknown metric {}", r.metric_key),
                    ),
                ));
                continue;
            }
            Some("AUTO") => {
                out.push((
                    *n,
                    Outcome::refused(
                        "metric_key",
                        format!(
                            "metrik {} dihitung otomatis, tidak bisa diimpor",
                            r.metric_key
                        ),
                        format!(
                            "metric {} is computed automatically and cannot be imported",
                            r.metric_key
                        ),
                    ),
                ));
                continue;
            }
            Some(_) => {}
        }
        let (kind, user_id, dept) = match &r.assignee {
            KpiAssigneeRef::Company => ("company", None, None),
            KpiAssigneeRef::Dept(d) => ("dept", None, Some(d.to_string())),
            KpiAssigneeRef::User(email) => match users.get(email) {
                Some(id) => ("user", Some(*id), None),
                None => {
                    out.push((
                        *n,
                        Outcome::refused(
                            "assignee",
                            format!("karyawan {email} tidak ditemukan"),
                            format!("no employee has the e-mail {email}"),
                        ),
                    ));
                    continue;
                }
            },
        };
        let key: Key = (
            r.metric_key.clone(),
            kind.to_owned(),
            user_id,
            dept,
            r.entry_date,
        );
        if let Some(first) = seen.get(&key) {
            out.push((
                *n,
                Outcome::refused(
                    "entry_date",
                    format!("metrik, karyawan dan tanggal sama dengan baris {first}"),
                    format!("same metric, assignee and date as row {first}"),
                ),
            ));
            continue;
        }
        seen.insert(key.clone(), *n);
        keyed.push((*n, key, r));
    }
    let existing = sqlx::query!(
        r#"select e.id, e.metric_key, e.assignee_kind, e.assignee_user_id, e.assignee_dept, e.entry_date,
                  e.value::text as "value!"
             from kpi_entries e
             join (select distinct * from unnest($1::text[], $2::date[])) as k(metric_key, entry_date)
               on e.metric_key = k.metric_key and e.entry_date = k.entry_date
            where e.source = 'imported'"#,
        &keyed.iter().map(|(_, k, _)| k.0.clone()).collect::<Vec<_>>(),
        &keyed.iter().map(|(_, k, _)| k.4).collect::<Vec<_>>(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let existing: HashMap<Key, (Uuid, String)> = existing
        .into_iter()
        .map(|e| {
            (
                (
                    e.metric_key,
                    e.assignee_kind,
                    e.assignee_user_id,
                    e.assignee_dept,
                    e.entry_date,
                ),
                (e.id, e.value),
            )
        })
        .collect();
    let (mut replaced, mut new) = (Vec::new(), Vec::new());
    for (n, key, r) in keyed {
        match existing.get(&key) {
            Some((id, value)) if text_cents(value) == Some(r.value.cents()) => {
                out.push((
                    n,
                    Outcome::Written {
                        target_id: *id,
                        action: RowAction::Matched,
                    },
                ));
            }
            Some((id, _)) => {
                replaced.push(*id);
                new.push((n, key, r, RowAction::Updated));
            }
            None => new.push((n, key, r, RowAction::Created)),
        }
    }
    sqlx::query!("delete from kpi_entries where id = any($1)", &replaced)
        .execute(&mut **tx)
        .await?;
    let inserted = sqlx::query!(
        r#"insert into kpi_entries (metric_key, assignee_kind, assignee_user_id, assignee_dept, entry_date, value,
                                    note, source, created_by)
           select m, k, u, d, day, v::numeric, coalesce(note, ''), 'imported', $8
             from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::text[])
                  as t(m, k, u, d, day, v, note)
           returning id, metric_key, assignee_kind, assignee_user_id, assignee_dept, entry_date"#,
        &new.iter().map(|(_, k, _, _)| k.0.clone()).collect::<Vec<_>>(),
        &new.iter().map(|(_, k, _, _)| k.1.clone()).collect::<Vec<_>>(),
        &new.iter().map(|(_, k, _, _)| k.2).collect::<Vec<_>>() as &[Option<Uuid>],
        &new.iter().map(|(_, k, _, _)| k.3.clone()).collect::<Vec<_>>() as &[Option<String>],
        &new.iter().map(|(_, k, _, _)| k.4).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r, _)| r.value.as_str().to_owned()).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r, _)| r.note.clone()).collect::<Vec<_>>() as &[Option<String>],
        user.id,
    )
    .fetch_all(&mut **tx)
    .await?;
    let ids: HashMap<Key, Uuid> = inserted
        .into_iter()
        .map(|e| {
            (
                (
                    e.metric_key,
                    e.assignee_kind,
                    e.assignee_user_id,
                    e.assignee_dept,
                    e.entry_date,
                ),
                e.id,
            )
        })
        .collect();
    for (n, key, _, action) in new {
        if let Some(id) = ids.get(&key) {
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
