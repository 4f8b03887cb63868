//! CRM-4: the rules an activity keeps when it is logged or edited — what it is about, what
//! a visit that happened carries (a photo and the GPS point), and the follow-up a next
//! action with a time becomes (CRM-5). Whether the ids name records the caller may see
//! is the database's decision.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{
    distance_m,
    fields::{bounded, trimmed},
    parse_point, ActivityType,
};
use crate::FieldErrors;

mod edit;
pub use edit::ActivityEdit;

/// The bucket a visit's photo is uploaded to.
pub const EVIDENCE_BUCKET: &str = "prospect-evidence";

/// Whether a stored file in `bucket` may serve as an activity's evidence.
pub fn is_evidence_bucket(bucket: &str) -> bool {
    bucket == EVIDENCE_BUCKET
}

/// An activity as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct ActivityInput {
    pub activity_type: Option<String>,
    pub subject: Option<String>,
    pub notes: Option<String>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub owner_user_id: Option<Uuid>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub evidence_file_id: Option<Uuid>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
}

/// What an activity or a task is about, as given: any of a customer, a prospect, a lead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Link {
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
}

impl Link {
    pub fn is_empty(&self) -> bool {
        self.customer_id.is_none() && self.prospect_id.is_none() && self.lead_id.is_none()
    }
}

/// An activity that keeps the rules of CRM-4, ready to be logged.
#[derive(Debug, Clone, PartialEq)]
pub struct LogActivity {
    pub activity_type: ActivityType,
    pub subject: String,
    pub notes: String,
    /// Never empty.
    pub link: Link,
    /// Whom the activity is for; `None`: the caller.
    pub owner_user_id: Option<Uuid>,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub evidence_file_id: Option<Uuid>,
    pub point: Option<(f64, f64)>,
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
}

/// The follow-up task a next action with a time becomes (CRM-5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub title: String,
    pub due_at: DateTime<Utc>,
    /// An hour before it is due.
    pub remind_at: DateTime<Utc>,
}

impl LogActivity {
    /// Checks `input` against the rules of CRM-4; every broken rule is reported at once.
    pub fn parse(input: ActivityInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let activity_type = match trimmed(input.activity_type) {
            None => {
                errors.add("type", "is required");
                None
            }
            Some(raw) => errors.take("type", raw.parse::<ActivityType>()),
        };
        let subject = bounded(&mut errors, "subject", input.subject, 300, true);
        let notes = bounded(&mut errors, "notes", input.notes, 4000, false).unwrap_or_default();
        let point = errors
            .take("latitude", parse_point(input.latitude, input.longitude))
            .flatten();
        let next_action = bounded(&mut errors, "next_action", input.next_action, 300, false);
        let link = Link {
            customer_id: input.customer_id,
            prospect_id: input.prospect_id,
            lead_id: input.lead_id,
        };
        if link.is_empty() {
            errors.add(
                "customer_id",
                "give one of customer_id, prospect_id, lead_id",
            );
        }
        // A visit that happened (not a planned one) proves itself.
        if activity_type == Some(ActivityType::Visit) && input.scheduled_at.is_none() {
            if input.evidence_file_id.is_none() {
                errors.add("evidence_file_id", "a visit needs a photo");
            }
            if point.is_none() {
                errors.add("latitude", "a visit needs the GPS location");
            }
        }
        if input.next_action_at.is_some() && next_action.is_none() {
            errors.add("next_action", "is required with next_action_at");
        }
        errors.into_result()?;
        match (activity_type, subject) {
            (Some(activity_type), Some(subject)) => Ok(Self {
                activity_type,
                subject,
                notes,
                link,
                owner_user_id: input.owner_user_id,
                scheduled_at: input.scheduled_at,
                evidence_file_id: input.evidence_file_id,
                point,
                next_action,
                next_action_at: input.next_action_at,
            }),
            _ => Err(FieldErrors::single("type", "is required")),
        }
    }

    /// The follow-up task, when the next action has a time.
    pub fn follow_up(&self) -> Option<FollowUp> {
        match (&self.next_action, self.next_action_at) {
            (Some(title), Some(due_at)) => Some(FollowUp {
                title: title.clone(),
                due_at,
                remind_at: due_at - Duration::hours(1),
            }),
            _ => None,
        }
    }

    /// Whole metres between the activity's GPS point and the customer's location, when
    /// both are known.
    pub fn distance_from(&self, latitude: Option<f64>, longitude: Option<f64>) -> Option<f64> {
        match (self.point, latitude, longitude) {
            (Some(at), Some(lat), Some(lng)) => Some(distance_m(at, (lat, lng)).round()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    fn at(hour: u32) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(1_893_456_000 + i64::from(hour) * 3_600, 0)
    }

    fn id() -> Option<Uuid> {
        Some(Uuid::from_u128(7))
    }

    /// A call about a customer: valid as it is.
    fn call() -> ActivityInput {
        ActivityInput {
            activity_type: s("call"),
            subject: s("Intro call"),
            customer_id: id(),
            ..Default::default()
        }
    }

    /// A visit that happened, with its photo and point.
    fn visit() -> ActivityInput {
        ActivityInput {
            activity_type: s("visit"),
            evidence_file_id: id(),
            latitude: Some(-6.19),
            longitude: Some(106.82),
            ..call()
        }
    }

    fn errors(pairs: &[(&str, &[&str])]) -> FieldErrors {
        let mut errors = FieldErrors::new();
        for (field, messages) in pairs {
            for message in *messages {
                errors.add(field, *message);
            }
        }
        errors
    }

    #[test]
    fn each_rule_reports_its_field_and_message() {
        let cases: Vec<(&str, ActivityInput, FieldErrors)> = vec![
            ("a call", call(), errors(&[])),
            ("a visit with photo and point", visit(), errors(&[])),
            (
                "a planned visit needs neither",
                ActivityInput {
                    activity_type: s("visit"),
                    scheduled_at: at(1),
                    ..call()
                },
                errors(&[]),
            ),
            (
                "no type",
                ActivityInput {
                    activity_type: s("  "),
                    ..call()
                },
                errors(&[("type", &["is required"])]),
            ),
            (
                "system is not logged by hand",
                ActivityInput {
                    activity_type: s("system"),
                    ..call()
                },
                errors(&[(
                    "type",
                    &["must be one of: visit, call, meeting, email, whatsapp"],
                )]),
            ),
            (
                "no subject, long notes",
                ActivityInput {
                    subject: None,
                    notes: Some("n".repeat(4_001)),
                    ..call()
                },
                errors(&[
                    ("notes", &["must be at most 4000 characters"]),
                    ("subject", &["is required"]),
                ]),
            ),
            (
                "about nothing",
                ActivityInput {
                    customer_id: None,
                    ..call()
                },
                errors(&[(
                    "customer_id",
                    &["give one of customer_id, prospect_id, lead_id"],
                )]),
            ),
            (
                "a lead is enough",
                ActivityInput {
                    customer_id: None,
                    lead_id: id(),
                    ..call()
                },
                errors(&[]),
            ),
            (
                "a visit without photo or point",
                ActivityInput {
                    evidence_file_id: None,
                    latitude: None,
                    longitude: None,
                    ..visit()
                },
                errors(&[
                    ("evidence_file_id", &["a visit needs a photo"]),
                    ("latitude", &["a visit needs the GPS location"]),
                ]),
            ),
            (
                "a visit with half a point",
                ActivityInput {
                    longitude: None,
                    ..visit()
                },
                errors(&[(
                    "latitude",
                    &[
                        "latitude and longitude go together",
                        "a visit needs the GPS location",
                    ],
                )]),
            ),
            (
                "a call with a point out of range",
                ActivityInput {
                    latitude: Some(91.0),
                    longitude: Some(0.0),
                    ..call()
                },
                errors(&[("latitude", &["latitude must be between -90 and 90"])]),
            ),
            (
                "a time without a next action",
                ActivityInput {
                    next_action: s(" "),
                    next_action_at: at(2),
                    ..call()
                },
                errors(&[("next_action", &["is required with next_action_at"])]),
            ),
            (
                "a next action too long",
                ActivityInput {
                    next_action: Some("x".repeat(301)),
                    next_action_at: at(2),
                    ..call()
                },
                errors(&[("next_action", &["must be at most 300 characters"])]),
            ),
        ];
        for (name, input, expected) in cases {
            let got = LogActivity::parse(input).err().unwrap_or_default();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn a_next_action_with_a_time_becomes_a_follow_up_reminded_an_hour_before() {
        let logged = LogActivity::parse(ActivityInput {
            next_action: s(" Send proposal "),
            next_action_at: at(5),
            ..call()
        })
        .unwrap();
        assert_eq!(
            logged.follow_up(),
            Some(FollowUp {
                title: "Send proposal".to_owned(),
                due_at: at(5).unwrap(),
                remind_at: at(4).unwrap(),
            })
        );
        let untimed = LogActivity::parse(ActivityInput {
            next_action: s("Call back"),
            ..call()
        })
        .unwrap();
        assert_eq!(untimed.follow_up(), None);
        assert_eq!(untimed.next_action.as_deref(), Some("Call back"));
    }

    #[test]
    fn distance_needs_both_points_and_is_whole_metres() {
        let visit = LogActivity::parse(ActivityInput {
            latitude: Some(-6.1950),
            longitude: Some(106.8230),
            ..visit()
        })
        .unwrap();
        let d = visit.distance_from(Some(-6.1754), Some(106.8272)).unwrap();
        assert!((2_150.0..2_300.0).contains(&d) && d.fract() == 0.0, "{d}");
        assert_eq!(visit.distance_from(None, Some(106.8)), None);
        let call = LogActivity::parse(call()).unwrap();
        assert_eq!(call.distance_from(Some(-6.1), Some(106.8)), None);
    }

    #[test]
    fn evidence_lives_in_its_bucket() {
        assert!(is_evidence_bucket("prospect-evidence"));
        assert!(!is_evidence_bucket("ticket-attachments"));
    }
}
