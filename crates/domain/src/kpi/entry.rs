//! KPI-3: the rules of a manual (or imported) value of a metric.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{
    assignee::Assignee,
    target::{parse_metric_key, parse_note, parse_value},
};
use crate::{ar::invoice::parse_day, money::Amount, FieldErrors};

/// An entry as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct EntryInput {
    pub metric_key: Option<String>,
    pub assignee_kind: Option<String>,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_dept: Option<String>,
    pub entry_date: Option<String>,
    pub value: Option<String>,
    pub note: Option<String>,
    pub evidence_file_id: Option<Uuid>,
}

/// An entry that keeps the rules. Whether its metric takes entries (not AUTO) is the
/// metric's to say; persistence checks it against the definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub metric_key: String,
    pub assignee: Assignee,
    pub entry_date: NaiveDate,
    pub value: Amount,
    pub note: String,
    pub evidence_file_id: Option<Uuid>,
}

impl NewEntry {
    /// Every rule at once; an entry may not be dated after `today`.
    pub fn parse(input: EntryInput, today: NaiveDate) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let metric_key = parse_metric_key(&mut errors, input.metric_key.as_deref());
        let assignee = Assignee::parse(
            &mut errors,
            input.assignee_kind.as_deref(),
            input.assignee_user_id,
            input.assignee_dept.as_deref(),
        );
        let entry_date = parse_day(&mut errors, "entry_date", input.entry_date.as_deref(), true);
        if entry_date.is_some_and(|d| d > today) {
            errors.add("entry_date", "must not be after today");
        }
        let value = parse_value(&mut errors, "value", input.value.as_deref());
        let note = parse_note(&mut errors, input.note);
        let (Some(metric_key), Some(assignee), Some(entry_date), Some(value), true) =
            (metric_key, assignee, entry_date, value, errors.is_empty())
        else {
            return Err(errors);
        };
        Ok(Self {
            metric_key,
            assignee,
            entry_date,
            value,
            note,
            evidence_file_id: input.evidence_file_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_future_days_and_reports_every_field() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let err = NewEntry::parse(
            EntryInput {
                assignee_kind: Some("user".into()),
                entry_date: Some("2026-12-08".into()),
                value: Some("abc".into()),
                ..Default::default()
            },
            today,
        )
        .unwrap_err();
        assert_eq!(
            err.fields().collect::<Vec<_>>(),
            ["assignee_user_id", "entry_date", "metric_key", "value"]
        );
    }
}
