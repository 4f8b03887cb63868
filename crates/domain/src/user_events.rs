//! USR-2: the user activity log — which actions are recorded, under which resource name,
//! and the filters of its list.

use chrono::NaiveDate;

use crate::closed_set;

closed_set!(
    /// What a user (or an API key) did.
    pub enum UserEventType {
        Login => "login",
        LoginFailed => "login_failed",
        Logout => "logout",
        Export => "export",
        Import => "import",
        ViewSensitive => "view_sensitive",
        ApiKeyUsed => "api_key_used",
    }
);

/// The prefix of every API route.
const API_PREFIX: &str = "/api/v1/";

/// Views of sensitive pages (method GET), by route template.
const SENSITIVE_VIEWS: &[&str] = &[
    "/api/v1/invoices/{id}",
    "/api/v1/customers/{id}/statement",
    "/api/v1/ar/outstanding",
    "/api/v1/ar/aging",
    "/api/v1/ops/rfqs/{id}",
];

/// A request recorded when it succeeds, decided by its method and route template alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedRequest {
    pub kind: UserEventType,
    /// `exports/invoices`, `invoices/<id>`, `rfq/<id>` …
    pub resource: String,
    /// A ticket's detail: recorded (as `rfq/<id>`) only when the ticket is an RFQ.
    pub rfq_ticket: bool,
}

/// Whether a signed-in user's request is recorded: every `GET exports/*`, the sensitive
/// views and ticket details (of RFQs). `path` is the request's path, `pattern` the
/// template of the route it matched.
pub fn tracked_request(method: &str, pattern: &str, path: &str) -> Option<TrackedRequest> {
    if method != "GET" {
        return None;
    }
    let resource = path.strip_prefix(API_PREFIX)?.trim_end_matches('/');
    let tracked = |kind, resource: String, rfq_ticket| {
        Some(TrackedRequest {
            kind,
            resource,
            rfq_ticket,
        })
    };
    if pattern.starts_with("/api/v1/exports/") {
        tracked(UserEventType::Export, resource.to_owned(), false)
    } else if pattern == "/api/v1/ops/rfqs/{id}" {
        let id = resource.strip_prefix("ops/rfqs/")?;
        tracked(UserEventType::ViewSensitive, format!("rfq/{id}"), false)
    } else if pattern == "/api/v1/tickets/{id}" {
        let id = resource.strip_prefix("tickets/")?;
        tracked(UserEventType::ViewSensitive, format!("rfq/{id}"), true)
    } else if SENSITIVE_VIEWS.contains(&pattern) {
        tracked(UserEventType::ViewSensitive, resource.to_owned(), false)
    } else {
        None
    }
}

/// The filters of `GET user-events`: whole Asia/Jakarta days, `from` ≤ `to`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserEventFilter {
    pub kind: Option<UserEventType>,
    pub user_id: Option<uuid::Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl UserEventFilter {
    /// `(field, message)` when `to` is before `from`.
    pub fn new(
        kind: Option<UserEventType>,
        user_id: Option<uuid::Uuid>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Self, (&'static str, String)> {
        match (from, to) {
            (Some(from), Some(to)) if to < from => Err(("to", "is before from".to_owned())),
            _ => Ok(Self {
                kind,
                user_id,
                from,
                to,
            }),
        }
    }
}

/// How long events are kept, in days (`USER_EVENTS_RETENTION_DAYS`).
pub const DEFAULT_RETENTION_DAYS: i32 = 365;

/// A retention setting: 1 to 3,650 days.
pub fn parse_retention_days(raw: &str) -> Result<i32, String> {
    match raw.trim().parse::<i32>() {
        Ok(days) if (1..=3650).contains(&days) => Ok(days),
        _ => Err(format!("{raw:?} is not a number of days from 1 to 3650")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_export_is_tracked_with_its_path() {
        let t = tracked_request(
            "GET",
            "/api/v1/exports/invoices",
            "/api/v1/exports/invoices",
        );
        assert_eq!(
            t,
            Some(TrackedRequest {
                kind: UserEventType::Export,
                resource: "exports/invoices".to_owned(),
                rfq_ticket: false
            })
        );
        assert!(
            tracked_request("POST", "/api/v1/exports/leads", "/api/v1/exports/leads").is_none()
        );
    }

    #[test]
    fn sensitive_views_name_their_record() {
        let t = tracked_request("GET", "/api/v1/invoices/{id}", "/api/v1/invoices/abc");
        assert_eq!(t.map(|t| t.resource), Some("invoices/abc".to_owned()));
        let t = tracked_request("GET", "/api/v1/ops/rfqs/{id}", "/api/v1/ops/rfqs/x1");
        assert_eq!(t.map(|t| t.resource), Some("rfq/x1".to_owned()));
        let t = tracked_request("GET", "/api/v1/tickets/{id}", "/api/v1/tickets/x2");
        assert_eq!(t.clone().map(|t| t.resource), Some("rfq/x2".to_owned()));
        assert_eq!(t.map(|t| t.rfq_ticket), Some(true));
        let t = tracked_request("GET", "/api/v1/ar/aging", "/api/v1/ar/aging");
        assert_eq!(t.map(|t| t.kind), Some(UserEventType::ViewSensitive));
    }

    #[test]
    fn other_requests_are_not_tracked() {
        assert!(tracked_request("GET", "/api/v1/invoices", "/api/v1/invoices").is_none());
        assert!(tracked_request("PATCH", "/api/v1/tickets/{id}", "/api/v1/tickets/1").is_none());
        assert!(tracked_request("GET", "/api/v1/exports/x", "/elsewhere/exports/x").is_none());
    }

    #[test]
    fn a_range_ending_before_it_starts_is_refused() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d);
        assert!(UserEventFilter::new(None, None, day(2), day(1)).is_err());
        assert!(UserEventFilter::new(None, None, day(1), day(1)).is_ok());
    }

    #[test]
    fn retention_is_one_to_3650_days() {
        assert_eq!(parse_retention_days(" 30 "), Ok(30));
        assert!(parse_retention_days("0").is_err());
        assert!(parse_retention_days("3651").is_err());
        assert!(parse_retention_days("a year").is_err());
    }
}
