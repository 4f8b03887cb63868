//! TCK-1/TCK-4: the rules a change to a ticket must keep (statuses move only along the
//! allowed transitions, an outcome belongs to a closed inquiry, a lost inquiry says why).
//! Who may make which change is the role's business, decided by the caller.

use super::{transition_allowed, TicketPriority, TicketStatus, TicketType, OUTCOMES};
use crate::{ClosedSet, FieldErrors};

/// The ticket as it stands, as far as the rules of a change need it.
#[derive(Debug, Clone, Copy)]
pub struct TicketNow<'a> {
    pub status: &'a str,
    pub ticket_type: &'a str,
    pub inquiry_outcome: Option<&'a str>,
    pub close_reason: Option<&'a str>,
}

/// A change as sent: `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct TicketChangeInput {
    pub status: Option<String>,
    pub priority: Option<String>,
    pub close_reason: Option<Option<String>>,
    pub inquiry_outcome: Option<Option<String>>,
}

/// A change that keeps the rules, its texts normalised (trimmed, lower case; an empty
/// outcome or reason clears it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketChange {
    pub status: Option<String>,
    pub priority: Option<String>,
    pub close_reason: Option<Option<String>>,
    pub inquiry_outcome: Option<Option<String>>,
}

impl TicketChange {
    /// Moves the work on (status or priority).
    pub fn changes_work(&self) -> bool {
        self.status.is_some() || self.priority.is_some()
    }

    /// Records how the ticket ended (outcome or close reason).
    pub fn records_outcome(&self) -> bool {
        self.inquiry_outcome.is_some() || self.close_reason.is_some()
    }
}

/// Checks `input` against the ticket `now`; every broken rule is reported at once.
pub fn check_change(
    now: TicketNow<'_>,
    input: TicketChangeInput,
) -> Result<TicketChange, FieldErrors> {
    let mut errors = FieldErrors::new();
    let status = input.status.map(|s| s.trim().to_lowercase());
    if let Some(to) = status.as_deref() {
        if TicketStatus::from_text(to).is_none() {
            errors.add(
                "status",
                format!("must be one of {}", TicketStatus::choices()),
            );
        } else if !transition_allowed(now.status, to) {
            errors.add(
                "status",
                format!("cannot change from {} to {to}", now.status),
            );
        }
    }
    let priority = input.priority.map(|p| p.trim().to_lowercase());
    if priority
        .as_deref()
        .is_some_and(|p| TicketPriority::from_text(p).is_none())
    {
        errors.add(
            "priority",
            format!("must be one of {}", TicketPriority::choices()),
        );
    }
    let outcome = input
        .inquiry_outcome
        .map(|o| o.map(|o| o.trim().to_lowercase()).filter(|o| !o.is_empty()));
    if let Some(Some(o)) = outcome.as_ref() {
        if !OUTCOMES.contains(&o.as_str()) {
            errors.add("inquiry_outcome", "must be won or lost");
        } else if now.ticket_type != TicketType::InquiryTariff.as_str() {
            errors.add("inquiry_outcome", "applies to inquiries (RFQs) only");
        }
    }
    let close_reason = input
        .close_reason
        .map(|r| r.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()));
    if close_reason
        .as_ref()
        .is_some_and(|r| r.as_ref().is_some_and(|r| r.chars().count() > 2_000))
    {
        errors.add("close_reason", "must be at most 2000 characters");
    }
    let closed = TicketStatus::Closed.as_str();
    let closing = status.as_deref() == Some(closed) || now.status == closed;
    let lost = match &outcome {
        Some(o) => o.as_deref() == Some("lost"),
        None => now.inquiry_outcome == Some("lost"),
    };
    let has_reason = match &close_reason {
        Some(r) => r.is_some(),
        None => now.close_reason.is_some(),
    };
    if lost && !has_reason {
        errors.add("close_reason", "is required for a lost inquiry");
    }
    if outcome.as_ref().is_some_and(Option::is_some) && !closing {
        errors.add("inquiry_outcome", "is set when the ticket is closed");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(TicketChange {
        status,
        priority,
        close_reason,
        inquiry_outcome: outcome,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const INQUIRY_OPEN: TicketNow<'static> = TicketNow {
        status: "open",
        ticket_type: "inquiry_tariff",
        inquiry_outcome: None,
        close_reason: None,
    };
    const COMPLAINT_IN_PROGRESS: TicketNow<'static> = TicketNow {
        status: "in_progress",
        ticket_type: "complaint",
        inquiry_outcome: None,
        close_reason: None,
    };
    const INQUIRY_CLOSED_LOST: TicketNow<'static> = TicketNow {
        status: "closed",
        ticket_type: "inquiry_tariff",
        inquiry_outcome: Some("lost"),
        close_reason: Some("price"),
    };

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    fn errors_of(now: TicketNow<'_>, input: TicketChangeInput) -> Vec<(String, Vec<String>)> {
        match check_change(now, input) {
            Ok(_) => vec![],
            Err(e) => serde_json::from_value::<std::collections::BTreeMap<String, Vec<String>>>(
                serde_json::to_value(&e).unwrap(),
            )
            .unwrap()
            .into_iter()
            .collect(),
        }
    }

    #[test]
    fn each_rule_reports_its_field_and_message() {
        type Case = (
            &'static str,
            TicketNow<'static>,
            TicketChangeInput,
            Vec<(&'static str, &'static str)>,
        );
        let cases: Vec<Case> = vec![
            (
                "a known move",
                INQUIRY_OPEN,
                TicketChangeInput {
                    status: s(" In_Progress "),
                    ..Default::default()
                },
                vec![],
            ),
            (
                "an unknown status",
                INQUIRY_OPEN,
                TicketChangeInput {
                    status: s("done"),
                    ..Default::default()
                },
                vec![(
                    "status",
                    "must be one of open, in_progress, pending, on_hold, closed",
                )],
            ),
            (
                "a forbidden move",
                INQUIRY_CLOSED_LOST,
                TicketChangeInput {
                    status: s("pending"),
                    ..Default::default()
                },
                vec![("status", "cannot change from closed to pending")],
            ),
            (
                "an unknown priority",
                INQUIRY_OPEN,
                TicketChangeInput {
                    priority: s("asap"),
                    ..Default::default()
                },
                vec![("priority", "must be one of low, medium, high, urgent")],
            ),
            (
                "an unknown outcome",
                INQUIRY_OPEN,
                TicketChangeInput {
                    status: s("closed"),
                    inquiry_outcome: Some(s("maybe")),
                    ..Default::default()
                },
                vec![("inquiry_outcome", "must be won or lost")],
            ),
            (
                "an outcome on a complaint",
                COMPLAINT_IN_PROGRESS,
                TicketChangeInput {
                    status: s("closed"),
                    inquiry_outcome: Some(s("won")),
                    ..Default::default()
                },
                vec![("inquiry_outcome", "applies to inquiries (RFQs) only")],
            ),
            (
                "an outcome before closing",
                INQUIRY_OPEN,
                TicketChangeInput {
                    inquiry_outcome: Some(s("won")),
                    ..Default::default()
                },
                vec![("inquiry_outcome", "is set when the ticket is closed")],
            ),
            (
                "lost without a reason",
                INQUIRY_OPEN,
                TicketChangeInput {
                    status: s("closed"),
                    inquiry_outcome: Some(s("lost")),
                    ..Default::default()
                },
                vec![("close_reason", "is required for a lost inquiry")],
            ),
            (
                "lost with a reason",
                INQUIRY_OPEN,
                TicketChangeInput {
                    status: s("closed"),
                    inquiry_outcome: Some(s("lost")),
                    close_reason: Some(s("price")),
                    ..Default::default()
                },
                vec![],
            ),
            (
                "clearing the reason of a lost inquiry",
                INQUIRY_CLOSED_LOST,
                TicketChangeInput {
                    close_reason: Some(s("  ")),
                    ..Default::default()
                },
                vec![("close_reason", "is required for a lost inquiry")],
            ),
            (
                "a reason over 2000 characters",
                INQUIRY_OPEN,
                TicketChangeInput {
                    close_reason: Some(Some("x".repeat(2_001))),
                    ..Default::default()
                },
                vec![("close_reason", "must be at most 2000 characters")],
            ),
            (
                "all at once",
                INQUIRY_OPEN,
                TicketChangeInput {
                    status: s("done"),
                    priority: s("asap"),
                    ..Default::default()
                },
                vec![
                    ("priority", "must be one of low, medium, high, urgent"),
                    (
                        "status",
                        "must be one of open, in_progress, pending, on_hold, closed",
                    ),
                ],
            ),
        ];
        for (name, now, input, expected) in cases {
            let expected: Vec<(String, Vec<String>)> = expected
                .into_iter()
                .map(|(f, m)| (f.to_owned(), vec![m.to_owned()]))
                .collect();
            assert_eq!(errors_of(now, input), expected, "{name}");
        }
    }

    #[test]
    fn a_valid_change_comes_back_normalised() {
        let change = check_change(
            INQUIRY_OPEN,
            TicketChangeInput {
                status: s(" CLOSED "),
                priority: s("High"),
                close_reason: Some(s("  price  ")),
                inquiry_outcome: Some(s("Lost")),
            },
        )
        .unwrap();
        assert_eq!(change.status.as_deref(), Some("closed"));
        assert_eq!(change.priority.as_deref(), Some("high"));
        assert_eq!(change.close_reason, Some(s("price")));
        assert_eq!(change.inquiry_outcome, Some(s("lost")));
        assert!(change.changes_work() && change.records_outcome());
        let empty = check_change(INQUIRY_OPEN, TicketChangeInput::default()).unwrap();
        assert!(!empty.changes_work() && !empty.records_outcome());
    }
}
