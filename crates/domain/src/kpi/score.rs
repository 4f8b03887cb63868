//! KPI-4/KPI-5: a period's target from the targets that overlap it, achievement and the
//! status verdict. All values are hundredths (`1234` = 12.34); achievement is hundredths of
//! a percent (`9000` = 90.00 %).

use chrono::NaiveDate;

use super::{period::Period, KpiAggregation, KpiDirection, KpiStatus};

/// Achievement of a lower-is-better metric is capped at 200 % (an actual of 0 reaches it).
pub const ACHIEVEMENT_CAP: i128 = 20_000;
/// At or above this pace (100 %): on track.
pub const ON_TRACK: i128 = 10_000;
/// At or above this pace (85 %), below on track: at risk; below it: behind.
pub const AT_RISK: i128 = 8_500;

/// A target as stored: its days (inclusive) and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: i128,
}

/// The target of `period` from the targets overlapping it. Sum metrics take each target's
/// share by days (a yearly 1,200 gives November 1,200 × 30/365); the others take the
/// overlapping target that starts last (the one in force at the period's end).
pub fn target_for(
    period: &Period,
    aggregation: KpiAggregation,
    targets: &[TargetSpan],
) -> Option<i128> {
    let overlapping: Vec<&TargetSpan> = targets
        .iter()
        .filter(|t| t.start <= period.end && t.end >= period.start)
        .collect();
    if overlapping.is_empty() {
        return None;
    }
    if aggregation != KpiAggregation::Sum {
        return overlapping.iter().max_by_key(|t| t.start).map(|t| t.value);
    }
    Some(
        overlapping
            .iter()
            .map(|t| {
                let from = t.start.max(period.start);
                let to = t.end.min(period.end);
                let overlap = i128::from((to - from).num_days() + 1);
                let days = i128::from((t.end - t.start).num_days() + 1);
                div_round(t.value * overlap, days)
            })
            .sum(),
    )
}

/// A row's achievement and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// Hundredths of a percent; `None` when it cannot be computed (no actual, no target,
    /// or a target of 0 for a higher-is-better metric).
    pub achievement: Option<i128>,
    pub status: KpiStatus,
}

/// Achievement and status of an actual against a target, `elapsed` of `days` days into
/// the period (a past period counts all its days: judged at its end, KPI-5).
///
/// * achievement — higher is better: actual ÷ target; lower is better: target ÷ actual,
///   continuous (target 45 days, actual 50 → 90 %), capped at 200 %.
/// * pace — sum metrics are judged against the share of the target due so far
///   (target × elapsed ÷ days); the others by their achievement.
/// * status — pace ≥ 100 %: on_track; ≥ 85 %: at_risk; else behind. No actual: na;
///   no target: no_target.
pub fn score(
    direction: KpiDirection,
    aggregation: KpiAggregation,
    target: Option<i128>,
    actual: Option<i128>,
    elapsed: i64,
    days: i64,
) -> Score {
    let Some(actual) = actual else {
        return Score {
            achievement: None,
            status: KpiStatus::Na,
        };
    };
    let Some(target) = target else {
        return Score {
            achievement: None,
            status: KpiStatus::NoTarget,
        };
    };
    let achievement = achievement(direction, target, actual);
    let pace = if aggregation == KpiAggregation::Sum {
        let due = div_round(target * i128::from(elapsed), i128::from(days.max(1)));
        match direction {
            KpiDirection::Up if due == 0 => None,
            KpiDirection::Up => Some(div_round(actual * 10_000, due)),
            KpiDirection::Down if actual == 0 => None,
            KpiDirection::Down => Some(div_round(due * 10_000, actual)),
        }
    } else {
        achievement
    };
    let status = match pace {
        None => KpiStatus::OnTrack,
        Some(p) if p >= ON_TRACK => KpiStatus::OnTrack,
        Some(p) if p >= AT_RISK => KpiStatus::AtRisk,
        Some(_) => KpiStatus::Behind,
    };
    Score {
        achievement,
        status,
    }
}

/// Achievement in hundredths of a percent.
pub fn achievement(direction: KpiDirection, target: i128, actual: i128) -> Option<i128> {
    match direction {
        KpiDirection::Up if target <= 0 => None,
        KpiDirection::Up => Some(div_round(actual * 10_000, target)),
        KpiDirection::Down if actual <= 0 => Some(ACHIEVEMENT_CAP),
        KpiDirection::Down => Some(div_round(target * 10_000, actual).min(ACHIEVEMENT_CAP)),
    }
}

/// a ÷ b rounded half away from zero (b > 0).
pub fn div_round(a: i128, b: i128) -> i128 {
    if a >= 0 {
        (2 * a + b) / (2 * b)
    } else {
        -((-2 * a + b) / (2 * b))
    }
}

#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)] // values as whole.cents: 365_00 = 365.00
mod tests {
    use super::*;
    use KpiAggregation::*;
    use KpiDirection::*;
    use KpiStatus::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn lower_is_better_is_continuous() {
        // DSO target 45 days, actual 50 → 45 ÷ 50 = 90.00 % → at risk (85 ≤ 90 < 100).
        let s = score(Down, Last, Some(4500), Some(5000), 30, 30);
        assert_eq!(s.achievement, Some(9000));
        assert_eq!(s.status, AtRisk);
        // actual 60 → 45 ÷ 60 = 75.00 % → behind.
        assert_eq!(
            score(Down, Last, Some(4500), Some(6000), 30, 30).status,
            Behind
        );
        // actual 40 → 45 ÷ 40 = 112.50 %; actual 0 → the 200 % cap.
        assert_eq!(achievement(Down, 4500, 4000), Some(11_250));
        assert_eq!(achievement(Down, 4500, 0), Some(ACHIEVEMENT_CAP));
        assert_eq!(achievement(Down, 4500, 1), Some(ACHIEVEMENT_CAP));
    }

    #[test]
    fn sum_metrics_are_paced_by_elapsed_days() {
        // Target 300 leads in a 30-day month, day 10: due 300 × 10 ÷ 30 = 100.
        // 95 leads → pace 95 % → at risk; achievement 95 ÷ 300 = 31.67 %.
        let s = score(Up, Sum, Some(30_000), Some(9_500), 10, 30);
        assert_eq!(s.achievement, Some(3_167));
        assert_eq!(s.status, AtRisk);
        assert_eq!(
            score(Up, Sum, Some(30_000), Some(10_000), 10, 30).status,
            OnTrack
        );
        assert_eq!(
            score(Up, Sum, Some(30_000), Some(8_400), 10, 30).status,
            Behind
        );
        // At the end of the month (30 of 30 days) 95 of 300 is behind.
        assert_eq!(
            score(Up, Sum, Some(30_000), Some(9_500), 30, 30).status,
            Behind
        );
        // A budget (spend, down): 3,000,000 for 30 days, day 15 → due 1,500,000;
        // 1,600,000 spent → pace 1.5 ÷ 1.6 = 93.75 % → at risk.
        assert_eq!(
            score(Down, Sum, Some(300_000_000), Some(160_000_000), 15, 30).status,
            AtRisk
        );
    }

    #[test]
    fn missing_parts_never_become_numbers() {
        assert_eq!(
            score(Up, Sum, Some(100), None, 1, 30),
            Score {
                achievement: None,
                status: Na
            }
        );
        assert_eq!(
            score(Up, Sum, None, Some(100), 1, 30),
            Score {
                achievement: None,
                status: NoTarget
            }
        );
        // Nothing is due before the period starts.
        assert_eq!(score(Up, Sum, Some(100), Some(0), 0, 30).status, OnTrack);
    }

    #[test]
    fn a_period_takes_its_share_of_longer_targets() {
        let nov = Period::parse("2026-11").unwrap();
        let year = TargetSpan {
            start: day("2026-01-01"),
            end: day("2026-12-31"),
            value: 365_00,
        };
        // Sum: 365.00 × 30 ÷ 365 = 30.00.
        assert_eq!(target_for(&nov, Sum, &[year]), Some(30_00));
        // Not a sum: the target in force.
        assert_eq!(target_for(&nov, Last, &[year]), Some(365_00));
        // Two half-month targets: 10.00 (1–15 Nov) + 20.00 (16–30 Nov) = 30.00.
        let first = TargetSpan {
            start: day("2026-11-01"),
            end: day("2026-11-15"),
            value: 10_00,
        };
        let second = TargetSpan {
            start: day("2026-11-16"),
            end: day("2026-11-30"),
            value: 20_00,
        };
        assert_eq!(target_for(&nov, Sum, &[first, second]), Some(30_00));
        assert_eq!(target_for(&nov, Avg, &[first, second]), Some(20_00));
        // A quarter sums its months' targets.
        let oct = TargetSpan {
            start: day("2026-10-01"),
            end: day("2026-10-31"),
            value: 7_00,
        };
        let q4 = Period::parse("2026-Q4").unwrap();
        assert_eq!(target_for(&q4, Sum, &[oct, first, second]), Some(37_00));
        let dec = Period::parse("2026-12").unwrap();
        assert_eq!(target_for(&dec, Sum, &[oct, first, second]), None);
    }
}
