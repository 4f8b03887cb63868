//! USR-1: the personal report ("Laporan saya") — which sections a role's report has, the
//! month it covers and the days each figure is counted over. The figures themselves come
//! from the modules' own services, so they equal the modules' endpoints.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::{
    crm::{task::writes_tasks, CrmAccess},
    kpi::period::{Period, PeriodKind},
    FieldErrors, Menu, Role,
};

crate::closed_set!(
    /// The sections of a personal report, in display order.
    pub enum ReportSection {
        Leads => "leads",
        Activities => "activities",
        Tasks => "tasks",
        Tickets => "tickets",
        Targets => "targets",
        Ar => "ar",
    }
);

crate::closed_set!(
    /// Which owner column makes a lead "mine": sales roles own leads assigned to them,
    /// marketing roles the leads they brought in.
    pub enum LeadOwnership {
        Sales => "sales",
        Marketing => "marketing",
    }
);

/// The sections of `role`'s report: a section only where the role has the module
/// (SPEC §3) — CRM for leads and activities, tasks where [`keeps_tasks`], the
/// Ticketing menu for tickets, KPI readers for targets, AR readers for their customers' AR.
pub fn sections(role: Role) -> Vec<ReportSection> {
    ReportSection::ALL
        .iter()
        .copied()
        .filter(|section| match section {
            ReportSection::Leads | ReportSection::Activities => CrmAccess::reads(role),
            ReportSection::Tasks => keeps_tasks(role),
            ReportSection::Tickets => role.menus().contains(&Menu::Ticketing),
            ReportSection::Targets => crate::kpi::reads_kpi(role),
            ReportSection::Ar => crate::ar::reads_ar(role),
        })
        .collect()
}

/// Whether `role` keeps a to-do list it can open: it writes tasks (not the read-only
/// director) and its task list can show the tasks' customers — CRM and AR roles. (The
/// list joins the customer's name, which Operations and CS may not read.)
pub fn keeps_tasks(role: Role) -> bool {
    writes_tasks(role) && (CrmAccess::reads(role) || crate::ar::reads_ar(role))
}

/// Whose leads are "my leads" for `role`.
pub fn lead_ownership(role: Role) -> LeadOwnership {
    match role {
        Role::MarketingManager | Role::MarketingStaff => LeadOwnership::Marketing,
        _ => LeadOwnership::Sales,
    }
}

/// The report's month: `period` (`YYYY-MM`), or the month of `today` (Asia/Jakarta).
pub fn parse_period(raw: Option<&str>, today: NaiveDate) -> Result<Period, FieldErrors> {
    let bad = || FieldErrors::single("period", "must be a month: YYYY-MM (2026-11)");
    match raw.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(Period::month_of(today)),
        Some(raw) => match Period::parse(raw) {
            Ok(period) if period.kind == PeriodKind::Month => Ok(period),
            _ => Err(bad()),
        },
    }
}

/// The last day counted so far: the period's end, or today while it runs. AR is reported
/// as of this day and visits up to it count as done.
pub fn as_of(period: &Period, today: NaiveDate) -> NaiveDate {
    period.end.min(today)
}

/// 00:00 of `day` in Asia/Jakarta (UTC+7, no daylight saving) as an instant.
pub fn jakarta_midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_time(chrono::NaiveTime::MIN).and_utc() - Duration::hours(7)
}

/// The instants `[start 00:00, end + 1 day 00:00)` of a period in Asia/Jakarta.
pub fn instants(period: &Period) -> (DateTime<Utc>, DateTime<Utc>) {
    (
        jakarta_midnight(period.start),
        jakarta_midnight(period.end + Duration::days(1)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_salesperson_has_every_section_a_cs_agent_no_sales_ones() {
        assert_eq!(sections(Role::Salesperson), ReportSection::ALL.to_vec());
        assert_eq!(sections(Role::CsAgent), vec![ReportSection::Tickets]);
        assert_eq!(
            sections(Role::MarketingStaff),
            vec![
                ReportSection::Leads,
                ReportSection::Activities,
                ReportSection::Tasks,
                ReportSection::Targets
            ]
        );
        assert_eq!(
            sections(Role::FinanceStaff),
            vec![ReportSection::Tasks, ReportSection::Ar]
        );
        // The director reads but keeps no tasks.
        assert!(!sections(Role::Director).contains(&ReportSection::Tasks));
        assert!(!keeps_tasks(Role::OpsExim));
        assert!(keeps_tasks(Role::SalesSupport));
    }

    #[test]
    fn marketing_owns_the_leads_it_brought_sales_the_ones_assigned() {
        assert_eq!(
            lead_ownership(Role::MarketingStaff),
            LeadOwnership::Marketing
        );
        assert_eq!(lead_ownership(Role::Salesperson), LeadOwnership::Sales);
    }

    #[test]
    fn the_period_is_a_month_this_one_by_default() {
        let today = day("2026-11-20");
        let default = parse_period(None, today).unwrap();
        assert_eq!(
            (default.start, default.end),
            (day("2026-11-01"), day("2026-11-30"))
        );
        let feb = parse_period(Some(" 2026-02 "), today).unwrap();
        assert_eq!(feb.end, day("2026-02-28"));
        for bad in ["2026-13", "2026-Q4", "2026", "nov", "2026-11-01"] {
            assert!(parse_period(Some(bad), today).is_err(), "{bad}");
        }
    }

    #[test]
    fn as_of_is_today_while_the_month_runs_its_end_after() {
        let nov = parse_period(Some("2026-11"), day("2026-11-20")).unwrap();
        assert_eq!(as_of(&nov, day("2026-11-20")), day("2026-11-20"));
        assert_eq!(as_of(&nov, day("2027-01-02")), day("2026-11-30"));
    }

    #[test]
    fn a_month_starts_and_ends_at_jakarta_midnight() {
        let nov = parse_period(Some("2026-11"), day("2026-11-20")).unwrap();
        let (from, to) = instants(&nov);
        assert_eq!(from.to_rfc3339(), "2026-10-31T17:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-11-30T17:00:00+00:00");
    }
}
