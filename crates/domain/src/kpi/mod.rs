//! KPI engine (SPEC §4.6): the closed sets of a metric definition, who works with KPIs,
//! assignees, periods, the achievement and status arithmetic, and the rules of targets
//! and entries.
//!
//! Values here are whole hundredths (`i128`, like cents): every KPI value is
//! `numeric(18, 2)` and travels as a decimal string.

pub mod assignee;
pub mod entry;
pub mod period;
pub mod score;
pub mod target;

use crate::{closed_set, Department, Role};

closed_set!(
    /// What a metric counts in.
    pub enum KpiUnit {
        Count => "count",
        Idr => "idr",
        Percent => "percent",
        Minutes => "minutes",
        Days => "days",
    }
);

closed_set!(
    /// Whether more (`up`) or less (`down`: DSO, first response, spend) is better.
    pub enum KpiDirection {
        Up => "up",
        Down => "down",
    }
);

closed_set!(
    /// Where a metric's actual comes from: computed from the transactions (`AUTO`), or
    /// entries typed (`MANUAL`) or imported (`IMPORTED`).
    pub enum KpiSource {
        Auto => "AUTO",
        Manual => "MANUAL",
        Imported => "IMPORTED",
    }
);

closed_set!(
    /// How the values of a period combine: summed, averaged, the last one, or a ratio
    /// computed over the whole period. Sum metrics are expected to grow with the days
    /// elapsed; the others are judged as they stand.
    pub enum KpiAggregation {
        Sum => "sum",
        Avg => "avg",
        Last => "last",
        Ratio => "ratio",
    }
);

closed_set!(
    /// KPI-4: a scorecard row's verdict. `na`: no data source (or nothing to compute
    /// from) — never a 0; `no_target`: an actual without a target.
    pub enum KpiStatus {
        OnTrack => "on_track",
        AtRisk => "at_risk",
        Behind => "behind",
        Na => "na",
        NoTarget => "no_target",
    }
);

closed_set!(
    /// Where an actual came from.
    pub enum Provenance {
        Auto => "auto",
        Manual => "manual",
        Imported => "imported",
    }
);

closed_set!(
    /// Whom a target or entry belongs to.
    pub enum AssigneeKind {
        User => "user",
        Team => "team",
        Dept => "dept",
        Company => "company",
    }
);

closed_set!(
    /// An entry's origin.
    pub enum EntrySource {
        Manual => "manual",
        Imported => "imported",
    }
);

impl KpiSource {
    pub fn provenance(self) -> Provenance {
        match self {
            Self::Auto => Provenance::Auto,
            Self::Manual => Provenance::Manual,
            Self::Imported => Provenance::Imported,
        }
    }
}

/// Roles with the KPI menu (SPEC §3).
pub fn reads_kpi(role: Role) -> bool {
    role.menus().contains(&crate::Menu::Kpi) || manages_kpi(role).is_some()
}

/// The department whose metrics' targets a role sets (SPEC §3, issue #14): marketing →
/// MKT, sales manager → SAL (their team), finance → FIN, CS admin → CS. Super admin sets
/// every department's (see [`may_manage`]); the director none.
pub fn manages_kpi(role: Role) -> Option<Department> {
    match role {
        Role::MarketingManager => Some(Department::Mkt),
        Role::SalesManager => Some(Department::Sal),
        Role::FinanceManager => Some(Department::Fin),
        Role::CsAdmin => Some(Department::Cs),
        _ => None,
    }
}

/// Whether a role sets targets of a metric of `metric_dept` (the sales manager only for
/// their team, which row-level security checks).
pub fn may_manage(role: Role, metric_dept: Department) -> bool {
    role == Role::SuperAdmin || manages_kpi(role) == Some(metric_dept)
}

/// Whether a role sets any target at all.
pub fn writes_targets(role: Role) -> bool {
    role == Role::SuperAdmin || manages_kpi(role).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_department_managers_and_super_admin_set_targets() {
        let setters: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| writes_targets(*r))
            .collect();
        assert_eq!(
            setters,
            [
                Role::SuperAdmin,
                Role::MarketingManager,
                Role::SalesManager,
                Role::FinanceManager,
                Role::CsAdmin
            ]
        );
        assert!(may_manage(Role::MarketingManager, Department::Mkt));
        assert!(!may_manage(Role::MarketingManager, Department::Sal));
        assert!(!may_manage(Role::Director, Department::Mgmt));
        assert!(may_manage(Role::SuperAdmin, Department::Cs));
    }
}
