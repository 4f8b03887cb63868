//! NTF-1: what a notification is about (its kind), and the e-mail a notification becomes
//! for users who asked for that kind by e-mail (templates in Indonesian and English).

mod email;

pub use email::{render_email, EmailContent, EmailLanguage, RenderedEmail};

use crate::{closed_set, ClosedSet, FieldErrors, NotInSet};

closed_set!(
    /// The events that notify someone (SPEC NTF-1). In-app is always on; e-mail per kind
    /// by the user's preference.
    pub enum NotificationKind {
        LeadAssigned => "lead_assigned",
        TicketAssigned => "ticket_assigned",
        TaskDue => "task_due",
        SlaAtRisk => "sla_at_risk",
        SlaBreached => "sla_breached",
        InvoiceOverdue => "invoice_overdue",
        ImportFinished => "import_finished",
        TargetAtRisk => "target_at_risk",
        System => "system",
    }
);

/// E-mail choices per kind as a user sets them: each kind known and given once; every
/// bad entry is reported (`preferences[2].kind`).
pub fn parse_email_choices<'a>(
    entries: impl IntoIterator<Item = (&'a str, bool)>,
) -> Result<Vec<(NotificationKind, bool)>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut choices: Vec<(NotificationKind, bool)> = Vec::new();
    for (i, (raw, email)) in entries.into_iter().enumerate() {
        let field = format!("preferences[{i}].kind");
        match NotificationKind::from_text(raw) {
            None => errors.add(&field, NotInSet::of::<NotificationKind>().to_string()),
            Some(kind) if choices.iter().any(|(k, _)| *k == kind) => {
                errors.add(&field, "is given twice")
            }
            Some(kind) => choices.push((kind, email)),
        }
    }
    errors.into_result().map(|()| choices)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_choices_report_every_unknown_or_repeated_kind() {
        let parsed = parse_email_choices([("task_due", true), ("sla_breached", false)]).unwrap();
        assert_eq!(
            parsed,
            vec![
                (NotificationKind::TaskDue, true),
                (NotificationKind::SlaBreached, false)
            ]
        );
        let err = parse_email_choices([("nope", true), ("task_due", true), ("task_due", false)])
            .unwrap_err();
        let fields: Vec<&str> = err.fields().collect();
        assert_eq!(fields, vec!["preferences[0].kind", "preferences[2].kind"]);
    }

    #[test]
    fn kinds_read_back_from_their_text() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::from_text(kind.as_str()), Some(*kind));
        }
        assert_eq!(NotificationKind::from_text("ticket_closed"), None);
    }
}
