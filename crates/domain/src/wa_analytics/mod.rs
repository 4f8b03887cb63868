//! WA-2/WA-3: the CRM Effectiveness figures — who reads them and for whom, the period and
//! the one before it, the stored figures of a period and the rates made of them.

mod metrics;

pub use metrics::*;

use chrono::{Duration, NaiveDate};

use crate::{closed_set, FieldErrors, Role};

closed_set!(
    /// The snapshot runs of `cron/aggregate-metrics` and the worker.
    pub enum AggregationType {
        Hourly => "hourly",
        Daily => "daily",
        Weekly => "weekly",
    }
);

closed_set!(
    /// How the first replies of people in a period stand against the SLA: met from 90 %
    /// within target, at risk from 75 %, breached below.
    pub enum SlaStatus {
        Met => "met",
        AtRisk => "at_risk",
        Breached => "breached",
        /// No first reply in the period.
        NoData => "no_data",
    }
);

closed_set!(
    /// An agent's presence by their last message: active within 15 minutes, idle within
    /// 2 hours, otherwise offline.
    pub enum AgentStatus {
        Active => "active",
        Idle => "idle",
        Offline => "offline",
    }
);

/// Who reads the CRM Effectiveness dashboard: management and CS (agents their own
/// figures, the CS admin every agent's).
pub fn reads_wa_dashboards(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin | Role::Director | Role::CsAdmin | Role::CsAgent
    )
}

/// The longest period a dashboard covers.
pub const MAX_PERIOD_DAYS: i64 = 92;
/// Without `from`/`to`: the last 7 days, today included.
pub const DEFAULT_PERIOD_DAYS: i64 = 7;

/// A dashboard's period (Asia/Jakarta days, both included) and the one of the same
/// length right before it, for trends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Reads `from`/`to` (either may be absent); every problem at once.
    pub fn parse(
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Self, FieldErrors> {
        let to_day = to.unwrap_or(today);
        let from_day = from.unwrap_or(to_day - Duration::days(DEFAULT_PERIOD_DAYS - 1));
        let mut errors = FieldErrors::new();
        if from_day > to_day {
            errors.add("to", "must not be before from");
        } else if (to_day - from_day).num_days() + 1 > MAX_PERIOD_DAYS {
            errors.add(
                "from",
                format!("the period may span at most {MAX_PERIOD_DAYS} days"),
            );
        }
        errors.into_result().map(|()| Self {
            from: from_day,
            to: to_day,
        })
    }

    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same length ending the day before this one starts.
    pub fn previous(self) -> Self {
        let to = self.from - Duration::days(1);
        Self {
            from: to - Duration::days(self.days() - 1),
            to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_period_defaults_to_the_last_week_and_has_a_previous_one() {
        let p = Period::parse(None, None, day("2026-12-09")).unwrap();
        assert_eq!(
            (p.from, p.to, p.days()),
            (day("2026-12-03"), day("2026-12-09"), 7)
        );
        let prev = p.previous();
        assert_eq!((prev.from, prev.to), (day("2026-11-26"), day("2026-12-02")));
        let one = Period::parse(
            Some(day("2026-12-09")),
            Some(day("2026-12-09")),
            day("2026-12-10"),
        );
        assert_eq!(one.unwrap().previous().from, day("2026-12-08"));
    }

    #[test]
    fn bad_periods_are_refused() {
        let today = day("2026-12-09");
        assert!(Period::parse(Some(day("2026-12-10")), Some(day("2026-12-01")), today).is_err());
        assert!(Period::parse(Some(day("2026-01-01")), None, today).is_err());
        assert!(Period::parse(Some(day("2026-09-09")), Some(day("2026-12-09")), today).is_ok());
    }

    #[test]
    fn only_management_and_cs_read_the_dashboards() {
        let readers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| reads_wa_dashboards(*r))
            .collect();
        assert_eq!(
            readers,
            [
                Role::SuperAdmin,
                Role::Director,
                Role::CsAdmin,
                Role::CsAgent
            ]
        );
    }
}
