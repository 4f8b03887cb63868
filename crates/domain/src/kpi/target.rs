//! KPI-2: the rules of a target (new, changed, split by month).

use chrono::NaiveDate;
use uuid::Uuid;

use super::{assignee::Assignee, period::Period, score::TargetSpan};
use crate::{ar::invoice::parse_day, crm::fields::bounded, money::Amount, FieldErrors};

/// A target as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct TargetInput {
    pub metric_key: Option<String>,
    pub assignee_kind: Option<String>,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_dept: Option<String>,
    /// `2026-11`, `2026-Q4` or `2026`: sets both ends at once.
    pub period: Option<String>,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub target_value: Option<String>,
    pub note: Option<String>,
}

/// A target that keeps the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTarget {
    pub metric_key: String,
    pub assignee: Assignee,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub target_value: Amount,
    pub note: String,
}

/// A change to a target: any of its days, value and note.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TargetPatch {
    pub period_start: Option<NaiveDate>,
    pub period_end: Option<NaiveDate>,
    pub target_value: Option<Amount>,
    pub note: Option<String>,
}

/// A metric key as sent: required, trimmed.
pub fn parse_metric_key(errors: &mut FieldErrors, raw: Option<&str>) -> Option<String> {
    match raw.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => Some(key.to_owned()),
        None => {
            errors.add("metric_key", "is required");
            None
        }
    }
}

/// A KPI value: a non-negative decimal with at most two decimals.
pub fn parse_value(errors: &mut FieldErrors, field: &str, raw: Option<&str>) -> Option<Amount> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        Some(raw) => errors.take(field, Amount::parse(raw)),
        None => {
            errors.add(field, "is required");
            None
        }
    }
}

/// An optional note of at most 1,000 characters ("" when absent).
pub fn parse_note(errors: &mut FieldErrors, raw: Option<String>) -> String {
    bounded(errors, "note", raw, 1000, false).unwrap_or_default()
}

impl NewTarget {
    /// Every rule at once: metric, assignee, days (a period or both ends, end ≥ start),
    /// value.
    pub fn parse(input: TargetInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let metric_key = parse_metric_key(&mut errors, input.metric_key.as_deref());
        let assignee = Assignee::parse(
            &mut errors,
            input.assignee_kind.as_deref(),
            input.assignee_user_id,
            input.assignee_dept.as_deref(),
        );
        let days = match input
            .period
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            Some(raw) => {
                if input.period_start.is_some() || input.period_end.is_some() {
                    errors.add(
                        "period",
                        "give either a period or period_start and period_end",
                    );
                }
                errors
                    .take("period", Period::parse(raw))
                    .map(|p| (p.start, p.end))
            }
            None => {
                let start = parse_day(
                    &mut errors,
                    "period_start",
                    input.period_start.as_deref(),
                    true,
                );
                let end = parse_day(&mut errors, "period_end", input.period_end.as_deref(), true);
                match (start, end) {
                    (Some(s), Some(e)) if e < s => {
                        errors.add("period_end", "must be on or after period_start");
                        None
                    }
                    (Some(s), Some(e)) => Some((s, e)),
                    _ => None,
                }
            }
        };
        let target_value = parse_value(&mut errors, "target_value", input.target_value.as_deref());
        let note = parse_note(&mut errors, input.note);
        let (
            Some((period_start, period_end)),
            Some(metric_key),
            Some(assignee),
            Some(target_value),
            true,
        ) = (days, metric_key, assignee, target_value, errors.is_empty())
        else {
            return Err(errors);
        };
        Ok(Self {
            metric_key,
            assignee,
            period_start,
            period_end,
            target_value,
            note,
        })
    }
}

impl TargetPatch {
    pub fn parse(
        period_start: Option<&str>,
        period_end: Option<&str>,
        target_value: Option<&str>,
        note: Option<String>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let patch = Self {
            period_start: parse_day(&mut errors, "period_start", period_start, false),
            period_end: parse_day(&mut errors, "period_end", period_end, false),
            target_value: target_value
                .and_then(|v| parse_value(&mut errors, "target_value", Some(v))),
            note: note.map(|n| parse_note(&mut errors, Some(n))),
        };
        if errors.is_empty() && patch == Self::default() {
            errors.add(
                "target_value",
                "give at least one of period_start, period_end, target_value, note",
            );
        }
        if let (Some(s), Some(e)) = (patch.period_start, patch.period_end) {
            if e < s {
                errors.add("period_end", "must be on or after period_start");
            }
        }
        errors.into_result().map(|()| patch)
    }
}

/// Splits a target spanning whole months into one target per month: a sum metric's value
/// shared evenly or by `weights` (one per month, Σ > 0) to the cent, the remainder going to
/// the first months so the parts sum to the whole; any other metric keeps its value in
/// every month.
pub fn split_monthly(
    target: TargetSpan,
    sum: bool,
    weights: Option<&[u32]>,
) -> Result<Vec<TargetSpan>, (&'static str, String)> {
    let months = Period {
        start: target.start,
        end: target.end,
        kind: super::period::PeriodKind::Year,
    }
    .months();
    let whole = months.first().is_some_and(|m| m.start == target.start)
        && months.last().is_some_and(|m| m.end == target.end);
    if !whole || months.len() < 2 {
        return Err((
            "target_id",
            "only a target of two or more whole months can be split".to_owned(),
        ));
    }
    let weights: Vec<i128> = match weights {
        None => vec![1; months.len()],
        Some(w) if w.len() != months.len() => {
            return Err((
                "weights",
                format!("must have one weight per month ({})", months.len()),
            ))
        }
        Some(w) if w.iter().all(|x| *x == 0) => {
            return Err(("weights", "must not all be 0".to_owned()))
        }
        Some(w) => w.iter().map(|x| i128::from(*x)).collect(),
    };
    let total: i128 = weights.iter().sum();
    let mut values: Vec<i128> = weights
        .iter()
        .map(|w| {
            if sum {
                target.value * w / total
            } else {
                target.value
            }
        })
        .collect();
    if sum {
        let mut rest = target.value - values.iter().sum::<i128>();
        for (v, w) in values.iter_mut().zip(&weights) {
            if rest == 0 {
                break;
            }
            if *w > 0 {
                *v += 1;
                rest -= 1;
            }
        }
    }
    Ok(months
        .iter()
        .zip(values)
        .map(|(m, value)| TargetSpan {
            start: m.start,
            end: m.end,
            value,
        })
        .collect())
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // values as whole.cents: 365_00 = 365.00
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reports_every_field_at_once() {
        let err = NewTarget::parse(TargetInput {
            assignee_kind: Some("team".into()),
            period_start: Some("2026-11-30".into()),
            period_end: Some("2026-11-01".into()),
            target_value: Some("-5".into()),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            err.fields().collect::<Vec<_>>(),
            [
                "assignee_user_id",
                "metric_key",
                "period_end",
                "target_value"
            ]
        );
    }

    #[test]
    fn a_period_sets_both_ends() {
        let t = NewTarget::parse(TargetInput {
            metric_key: Some("leads_total".into()),
            assignee_kind: Some("company".into()),
            period: Some("2026-Q4".into()),
            target_value: Some("900".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            (t.period_start, t.period_end),
            (day("2026-10-01"), day("2026-12-31"))
        );
        assert_eq!(t.target_value.as_str(), "900.00");
    }

    #[test]
    fn splits_to_the_cent() {
        let q = TargetSpan {
            start: day("2026-10-01"),
            end: day("2026-12-31"),
            value: 100_00,
        };
        // 100.00 ÷ 3 = 33.33 each, 0.01 left → the first month: 33.34 + 33.33 + 33.33.
        let even: Vec<i128> = split_monthly(q, true, None)
            .unwrap()
            .iter()
            .map(|t| t.value)
            .collect();
        assert_eq!(even, [33_34, 33_33, 33_33]);
        // Weights 1:1:2 → 25.00, 25.00, 50.00.
        let weighted: Vec<i128> = split_monthly(q, true, Some(&[1, 1, 2]))
            .unwrap()
            .iter()
            .map(|t| t.value)
            .collect();
        assert_eq!(weighted, [25_00, 25_00, 50_00]);
        // Not a sum (e.g. DSO 45 days): every month keeps 45.
        let kept: Vec<i128> = split_monthly(TargetSpan { value: 45_00, ..q }, false, None)
            .unwrap()
            .iter()
            .map(|t| t.value)
            .collect();
        assert_eq!(kept, [45_00, 45_00, 45_00]);
        assert!(split_monthly(q, true, Some(&[1, 2])).is_err());
        assert!(split_monthly(q, true, Some(&[0, 0, 0])).is_err());
        let partial = TargetSpan {
            start: day("2026-10-02"),
            ..q
        };
        assert!(split_monthly(partial, true, None).is_err());
        let one = TargetSpan {
            end: day("2026-10-31"),
            ..q
        };
        assert!(split_monthly(one, true, None).is_err());
    }
}
