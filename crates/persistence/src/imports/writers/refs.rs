//! Customers named by a row (IMP-5): every customer each identifier fits, from one call
//! per batch; a row that fits none, or two, is refused.

use std::collections::HashMap;

use domain::imports::records::CustomerRef;
use uuid::Uuid;

use super::Outcome;
use crate::{DbError, Tx};

/// The identifiers one row gives.
#[derive(Debug, Clone, Default)]
pub(super) struct Identifiers {
    pub code: Option<String>,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub company_key: Option<String>,
}

impl From<&CustomerRef> for Identifiers {
    fn from(r: &CustomerRef) -> Self {
        Self {
            code: r.code.clone(),
            npwp: r.npwp.clone(),
            company_key: r.name_key.clone(),
            ..Self::default()
        }
    }
}

/// Per row, the customers it fits and by which identifier.
pub(super) type Matches = HashMap<i32, Vec<(Uuid, String)>>;

pub(super) async fn customer_matches(
    tx: &mut Tx,
    rows: &[(i32, Identifiers)],
) -> Result<Matches, DbError> {
    let rn: Vec<i32> = rows.iter().map(|(n, _)| *n).collect();
    let col = |f: fn(&Identifiers) -> Option<String>| -> Vec<Option<String>> {
        rows.iter().map(|(_, ids)| f(ids)).collect()
    };
    let found = sqlx::query!(
        r#"select rn as "rn!", customer_id as "customer_id!", matched_on as "matched_on!"
             from app.import_customer_matches($1, $2, $3, $4, $5, $6)"#,
        &rn,
        &col(|i| i.code.clone()) as &[Option<String>],
        &col(|i| i.npwp.clone()) as &[Option<String>],
        &col(|i| i.email.clone()) as &[Option<String>],
        &col(|i| i.phone.clone()) as &[Option<String>],
        &col(|i| i.company_key.clone()) as &[Option<String>],
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut matches = Matches::new();
    for row in found {
        matches
            .entry(row.rn)
            .or_default()
            .push((row.customer_id, row.matched_on));
    }
    Ok(matches)
}

fn label(on: &str) -> (&'static str, &'static str) {
    match on {
        "code" => ("kode", "code"),
        "npwp" => ("NPWP", "NPWP"),
        "email" => ("email", "e-mail"),
        "phone" => ("no HP", "phone"),
        _ => ("nama", "name"),
    }
}

/// The one customer a row fits: `Ok(None)` when it fits none and none of its
/// identifiers had to match (a new customer may be made); refused when it fits two, or
/// when an identifier that must name an existing customer (`required`) names none.
pub(super) fn one_customer(
    found: Option<&Vec<(Uuid, String)>>,
    ids: &Identifiers,
    required: bool,
) -> Result<Option<Uuid>, Outcome> {
    let found = found.map(Vec::as_slice).unwrap_or_default();
    let mut distinct: Vec<Uuid> = found.iter().map(|(id, _)| *id).collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() > 1 {
        let how: Vec<String> = found.iter().map(|(_, on)| label(on).1.to_owned()).collect();
        return Err(Outcome::refused(
            "customer",
            format!(
                "ambigu: cocok dengan {} pelanggan berbeda ({}); perbaiki data agar menunjuk satu pelanggan",
                distinct.len(),
                found.iter().map(|(_, on)| label(on).0).collect::<Vec<_>>().join(", ")
            ),
            format!(
                "ambiguous: fits {} different customers (by {}); correct it so it names one customer",
                distinct.len(),
                how.join(", ")
            ),
        ));
    }
    if let Some(code) = &ids.code {
        if !found.iter().any(|(_, on)| on == "code") {
            return Err(Outcome::refused(
                "customer_code",
                format!("kode pelanggan {code} tidak ditemukan"),
                format!("customer code {code} was not found"),
            ));
        }
    }
    if distinct.is_empty() && required {
        return Err(Outcome::refused(
            "customer",
            "pelanggan tidak ditemukan (kode, NPWP atau nama)",
            "no customer has this code, NPWP or name",
        ));
    }
    Ok(distinct.first().copied())
}
