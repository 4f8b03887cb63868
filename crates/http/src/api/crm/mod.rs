//! CRM (SPEC §4.2): leads and the lead bundle, customers and Customer 360, prospects and
//! the pipeline, activities, follow-ups and the calendar. Row-level security scopes every
//! query to the caller; handlers add the role checks of SPEC §3 that are not about rows.

pub mod activities;
pub mod analytics;
pub mod customers;
pub mod export;
pub mod leads;
pub mod marketing;
pub mod pipeline;
pub mod prospects;
pub mod tasks;

use std::str::FromStr;

use domain::{crm::CrmAccess, list::parse_sort};
use persistence::{list::SqlSort, UserPrincipal};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// 403 unless the role has the CRM menu.
pub fn require_crm(user: &UserPrincipal) -> ApiResult<()> {
    if CrmAccess::reads(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// 403 unless `allowed(role)`.
pub fn require_role(user: &UserPrincipal, allowed: fn(domain::Role) -> bool) -> ApiResult<()> {
    if allowed(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// `sort=` against a list's public fields → SQL sort keys, 422 otherwise.
pub fn sql_sort(raw: Option<&str>, allowed: &[(&str, &'static str)]) -> ApiResult<Vec<SqlSort>> {
    parse_sort(raw, allowed).map_err(|m| ApiError::validation("sort", m))
}

pub use domain::crm::fields::{bounded, trimmed as text};

/// A comma-separated filter of enumerated values, each checked.
pub fn enum_list<T: FromStr<Err = domain::NotInSet>>(
    field: &str,
    raw: Option<&str>,
    as_str: fn(T) -> &'static str,
) -> ApiResult<Vec<String>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<T>()
                .map(|v| as_str(v).to_owned())
                .map_err(|m| ApiError::validation(field, m.to_string()))
        })
        .collect()
}

/// An owner filter: a user id or `me`.
pub fn owner_filter(field: &str, raw: Option<&str>, me: Uuid) -> ApiResult<Option<Uuid>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some("me") => Ok(Some(me)),
        Some(id) => Uuid::parse_str(id)
            .map(Some)
            .map_err(|_| ApiError::validation(field, "must be a user id or 'me'")),
    }
}

/// The phone-number reading of a search text, so `0812…` finds `+62812…`.
pub fn phone_query(q: Option<&str>) -> Option<String> {
    let q = q?;
    if q.chars().filter(char::is_ascii_digit).count() < 7 {
        return None;
    }
    domain::crm::PhoneE164::parse(q)
        .ok()
        .map(|p| p.as_str().to_owned())
}

/// Registers the CRM operations, sub-module by sub-module (literal paths before `{id}`
/// paths within each).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    leads::routes(cfg);
    export::routes(cfg);
    customers::routes(cfg);
    prospects::routes(cfg);
    pipeline::routes(cfg);
    analytics::routes(cfg);
    activities::routes(cfg);
    tasks::routes(cfg);
    marketing::routes(cfg);
}
