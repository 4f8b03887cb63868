//! CRM-4: the rules of an edit to a hand-logged activity.

use crate::{crm::fields::bounded, FieldErrors};

/// Changes to a hand-logged activity: `None` leaves a field alone; a given subject must
/// not be blank, a blank note clears the notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityEdit {
    pub subject: Option<String>,
    pub notes: Option<String>,
}

impl ActivityEdit {
    pub fn parse(subject: Option<String>, notes: Option<String>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let subject = subject.and_then(|v| bounded(&mut errors, "subject", Some(v), 300, true));
        let notes =
            notes.map(|v| bounded(&mut errors, "notes", Some(v), 4000, false).unwrap_or_default());
        errors.into_result()?;
        Ok(Self { subject, notes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn an_edit_keeps_a_subject_and_may_clear_notes() {
        type Case = (
            Option<&'static str>,
            Option<&'static str>,
            Result<ActivityEdit, FieldErrors>,
        );
        let cases: Vec<Case> = vec![
            (None, None, Ok(ActivityEdit::default())),
            (
                Some(" New "),
                Some("  "),
                Ok(ActivityEdit {
                    subject: s("New"),
                    notes: s(""),
                }),
            ),
            (
                Some(" "),
                None,
                Err(FieldErrors::single("subject", "is required")),
            ),
        ];
        for (subject, notes, expected) in cases {
            let got = ActivityEdit::parse(subject.map(str::to_owned), notes.map(str::to_owned));
            assert_eq!(got, expected, "{subject:?} {notes:?}");
        }
    }
}
