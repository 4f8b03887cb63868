//! Demo KPI data (issue #14 item 6): monthly targets for the last six months (the current
//! one included) and the entries of the education line's MANUAL and IMPORTED metrics, so
//! the KPI pages have something to compare on `make run`. The AUTO actuals come from the
//! rest of the demo (CRM, tickets, receivables); the targets are set near what that demo
//! produces, with a little ambition that varies by month, so some months are on track
//! and others behind.
//!
//! [`build`] plans it (pure and deterministic, tested below); [`insert`] writes it in the
//! demo transaction with plain `INSERT`s, each row as the manager who sets it (their id
//! in `created_by` and the audit trail).
//!
//! * Marketing (the marketing manager): leads, spend budget, cost per lead, new students,
//!   revenue (omzet) and programme enrolments for their team and each marketing staff user.
//! * Sales (the sales manager): new customers, activities, visits, revenue invoiced, deals
//!   won, pipeline value and win rate for each salesperson and for the team.
//! * Finance (the finance manager, department FIN): DSO 45 days, AR overdue, collection
//!   rate, payments collected. CS (cs_admin, department CS): median first response, SLA
//!   compliance, tickets resolved.
//! * Company: leads and the education line (the marketing manager), revenue invoiced (the
//!   super admin: the sales manager sets only their team's).
//! * Entries for the marketing staff: a few revenue and new-student entries a month (typed,
//!   `manual`) and weekly `imported` programme enrolments — none dated after today.

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::{
    ar_demo::money,
    crm_demo::{Clock, Team},
    rng::Rng,
};

const SEED: u64 = 0x0C_4B_1D_E0_14;
/// Months of targets, the current one included.
const MONTHS: i64 = 6;

/// Who a target or an entry is for (`kpi_targets.assignee_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Assignee {
    User(Uuid),
    /// A manager and their team.
    Team(Uuid),
    Dept(&'static str),
    Company,
}

impl Assignee {
    fn kind(self) -> &'static str {
        match self {
            Self::User(_) => "user",
            Self::Team(_) => "team",
            Self::Dept(_) => "dept",
            Self::Company => "company",
        }
    }

    fn user(self) -> Option<Uuid> {
        match self {
            Self::User(id) | Self::Team(id) => Some(id),
            _ => None,
        }
    }

    fn dept(self) -> Option<&'static str> {
        match self {
            Self::Dept(code) => Some(code),
            _ => None,
        }
    }
}

/// The demo managers who set targets, besides the [`Team`]'s.
#[derive(Debug, Clone)]
pub struct Setters {
    pub finance_manager: Uuid,
    pub cs_admin: Uuid,
    pub super_admin: Uuid,
}

impl Setters {
    pub async fn load(tx: &mut Transaction<'_, Postgres>) -> anyhow::Result<Self> {
        Ok(Self {
            finance_manager: user_id(tx, "finance_manager@demo.local").await?,
            cs_admin: user_id(tx, "cs_admin@demo.local").await?,
            super_admin: user_id(tx, "super_admin@demo.local").await?,
        })
    }
}

async fn user_id(tx: &mut Transaction<'_, Postgres>, email: &str) -> anyhow::Result<Uuid> {
    sqlx::query_scalar("select id from profiles where email = $1")
        .bind(email)
        .fetch_one(&mut **tx)
        .await
        .with_context(|| format!("demo user {email} is missing"))
}

#[derive(Debug, Clone)]
pub struct Target {
    pub metric: &'static str,
    pub assignee: Assignee,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// In hundredths of the metric's unit.
    pub value: i64,
    pub note: &'static str,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub metric: &'static str,
    pub assignee: Assignee,
    pub date: NaiveDate,
    /// In hundredths of the metric's unit.
    pub value: i64,
    pub note: String,
    /// `manual` or `imported`.
    pub source: &'static str,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// The KPI demo, before it is written.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub targets: Vec<Target>,
    pub entries: Vec<Entry>,
}

/// How a monthly target moves: `base` in the first of the six months, `growth` percent
/// more each month, rounded to `step` (whole units), with ±`jitter` percent by month.
#[derive(Clone, Copy)]
struct Shape {
    base: i64,
    growth: i64,
    step: i64,
    jitter: i64,
}

const fn shape(base: i64, growth: i64, step: i64, jitter: i64) -> Shape {
    Shape {
        base,
        growth,
        step,
        jitter,
    }
}

/// A fixed value every month (DSO 45 days, SLA 90 %).
const fn fixed(value: i64) -> Shape {
    shape(value, 0, 1, 0)
}

impl Shape {
    /// The target of month `index` (0 = the oldest), in whole units.
    fn value(self, rng: &mut Rng, index: i64) -> i64 {
        let grown = self.base * (100 + self.growth * index) / 100;
        let jittered = grown * (100 + rng.range(-self.jitter, self.jitter)) / 100;
        let step = self.step.max(1);
        ((jittered + step / 2) / step * step).max(step)
    }
}

const M: i64 = 1_000_000;

/// Metrics with the shape of their monthly targets.
type Metrics = &'static [(&'static str, Shape)];

// Levels near what the CRM, ticket and receivables demos produce per calendar month
// (e.g. 10–20 leads a month, ~50 in the busy last one; Rp 40–210 million invoiced per
// salesperson; 60–70 CS tickets closed in the demo month).
const MARKETING_TEAM: Metrics = &[
    ("leads_total", shape(14, 10, 1, 8)),
    ("marketing_spend", shape(75 * M, 2, M, 5)),
    ("cost_per_lead", shape(7_500_000, -4, 250_000, 6)),
    ("new_students", shape(22, 5, 1, 10)),
    ("revenue_target", shape(180 * M, 5, 5 * M, 6)),
    ("program_enrolments", shape(30, 4, 1, 10)),
];
const MARKETING_STAFF: Metrics = &[
    ("leads_total", shape(13, 10, 1, 8)),
    ("marketing_spend", shape(60 * M, 2, M, 5)),
    ("cost_per_lead", shape(7_000_000, -4, 250_000, 6)),
    ("new_students", shape(20, 5, 1, 10)),
    ("revenue_target", shape(160 * M, 5, 5 * M, 6)),
    ("program_enrolments", shape(28, 4, 1, 10)),
];
const SALESPERSON: Metrics = &[
    ("new_customers", shape(6, 6, 1, 15)),
    ("sales_activities", shape(25, 4, 1, 10)),
    ("visits", shape(5, 4, 1, 15)),
    ("revenue_invoiced", shape(110 * M, 8, 5 * M, 10)),
    ("deals_won", shape(3, 5, 1, 20)),
    ("pipeline_value", shape(1_500 * M, 15, 100 * M, 10)),
    ("win_rate", shape(45, 0, 5, 10)),
];
const SALES_TEAM: Metrics = &[
    ("new_customers", shape(12, 6, 1, 10)),
    ("sales_activities", shape(55, 4, 1, 8)),
    ("visits", shape(10, 4, 1, 10)),
    ("revenue_invoiced", shape(230 * M, 8, 10 * M, 8)),
    ("deals_won", shape(6, 5, 1, 15)),
    ("pipeline_value", shape(3_000 * M, 15, 100 * M, 8)),
    ("win_rate", fixed(50)),
];
const FINANCE: Metrics = &[
    ("dso_rolling_30", fixed(45)),
    ("ar_overdue_amount", shape(200 * M, 0, 10 * M, 10)),
    ("collection_rate", shape(25, 0, 1, 8)),
    ("payments_collected", shape(150 * M, 5, 5 * M, 8)),
];
const CS: Metrics = &[
    ("ticket_first_response_median", fixed(60)),
    ("sla_compliance", fixed(90)),
    ("tickets_resolved", shape(60, 3, 1, 10)),
];
const MARKETING_COMPANY: Metrics = &[
    ("leads_total", shape(15, 10, 1, 8)),
    ("revenue_target", shape(200 * M, 5, 5 * M, 6)),
    ("new_students", shape(25, 5, 1, 10)),
];
const SALES_COMPANY: Metrics = &[("revenue_invoiced", shape(250 * M, 8, 10 * M, 8))];

/// Education programmes the revenue and new-student entries name.
const PROGRAMMES: &[&str] = &[
    "Kelas Ekspor Pemula",
    "Pelatihan Kepabeanan (PPJK)",
    "Sertifikasi Freight Forwarder",
    "Workshop Incoterms 2020",
    "Kelas Impor Door to Door",
];

/// The first day of the month `back` months before `day`'s, and that month's last day.
fn month(day: NaiveDate, back: i64) -> (NaiveDate, NaiveDate) {
    let index = i64::from(day.year()) * 12 + i64::from(day.month0()) - back;
    let (year, month0) = (index.div_euclid(12), index.rem_euclid(12));
    let first = NaiveDate::from_ymd_opt(
        i32::try_from(year).unwrap_or(2026),
        u32::try_from(month0 + 1).unwrap_or(1),
        1,
    )
    .unwrap_or(day);
    let next = if month0 == 11 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    (first, next.map_or(first, |n| n - Duration::days(1)))
}

/// `total` split into `parts` positive parts (fewer when `total` is smaller), by random
/// weights; each part a multiple of `step`.
fn split(rng: &mut Rng, total: i64, parts: i64, step: i64) -> Vec<i64> {
    let units = total / step;
    let parts = parts.min(units);
    if parts <= 0 {
        return Vec::new();
    }
    let weights: Vec<i64> = (0..parts).map(|_| rng.range(60, 140)).collect();
    let sum: i64 = weights.iter().sum();
    let mut out: Vec<i64> = weights.iter().map(|w| (units * w / sum).max(1)).collect();
    // The rounding difference goes to the largest part (never below one unit).
    let diff = units - out.iter().sum::<i64>();
    if let Some(largest) = out.iter_mut().max() {
        *largest += diff;
    }
    out.into_iter().map(|u| u * step).collect()
}

/// Builds the KPI demo for the demo users, as of `clock`.
pub fn build(team: &Team, setters: &Setters, clock: &Clock) -> Plan {
    let mut rng = Rng::new(SEED);
    let mut targets = Vec::new();
    let marketing = [team.marketing_staff];
    let mut groups: Vec<(Assignee, Metrics, Uuid)> = vec![(
        Assignee::Team(team.marketing_manager),
        MARKETING_TEAM,
        team.marketing_manager,
    )];
    groups.extend(
        marketing
            .iter()
            .map(|u| (Assignee::User(*u), MARKETING_STAFF, team.marketing_manager)),
    );
    groups.push((
        Assignee::Team(team.sales_manager),
        SALES_TEAM,
        team.sales_manager,
    ));
    groups.extend(
        team.salespersons
            .iter()
            .map(|u| (Assignee::User(*u), SALESPERSON, team.sales_manager)),
    );
    groups.push((Assignee::Dept("FIN"), FINANCE, setters.finance_manager));
    groups.push((Assignee::Dept("CS"), CS, setters.cs_admin));
    groups.push((Assignee::Company, MARKETING_COMPANY, team.marketing_manager));
    groups.push((Assignee::Company, SALES_COMPANY, setters.super_admin));
    for (assignee, metrics, setter) in groups {
        for &(metric, shape) in metrics {
            for index in 0..MONTHS {
                let (start, end) = month(clock.today, MONTHS - 1 - index);
                // Set in the last days of the month before, in office hours.
                let set_on = start - Duration::days(rng.range(1, 4));
                targets.push(Target {
                    metric,
                    assignee,
                    start,
                    end,
                    value: shape.value(&mut rng, index) * 100,
                    note: if index == MONTHS - 1 && metric == "dso_rolling_30" {
                        "Target DSO perusahaan: maksimal 45 hari"
                    } else {
                        ""
                    },
                    created_by: setter,
                    created_at: clock.on(set_on, rng.range(9, 16), rng.range(0, 59)),
                });
            }
        }
    }
    let entries = entries(&mut rng, team, clock, &targets);
    Plan { targets, entries }
}

/// The education line's entries of each marketing staff user: per month a total near
/// their target (how good the month was varies), the current month in proportion to the
/// days gone; revenue and new students typed a few times a month, enrolments imported
/// every Monday.
fn entries(rng: &mut Rng, team: &Team, clock: &Clock, targets: &[Target]) -> Vec<Entry> {
    let mut out = Vec::new();
    let staff = [team.marketing_staff];
    for user in staff {
        for target in targets
            .iter()
            .filter(|t| t.assignee == Assignee::User(user))
        {
            let (source, step, creator) = match target.metric {
                "revenue_target" => ("manual", 500_000 * 100, user),
                "new_students" => ("manual", 100, user),
                "program_enrolments" => ("imported", 100, team.marketing_manager),
                _ => continue,
            };
            let last = target.end.min(clock.today);
            let days = (target.end - target.start).num_days() + 1;
            let gone = (last - target.start).num_days() + 1;
            let form = rng.range(65, 125);
            let total = target.value * form / 100 * gone / days;
            let dates: Vec<NaiveDate> = if source == "imported" {
                (0..gone)
                    .map(|d| target.start + Duration::days(d))
                    .filter(|d| d.weekday() == Weekday::Mon)
                    .collect()
            } else {
                let count = rng.range(3, 5).min(gone);
                let mut dates: Vec<NaiveDate> = (0..count)
                    .map(|_| target.start + Duration::days(rng.range(0, gone - 1)))
                    .collect();
                dates.sort();
                dates
            };
            let parts = split(rng, total, i64::try_from(dates.len()).unwrap_or(0), step);
            for (date, value) in dates.into_iter().zip(parts) {
                let programme = *rng.pick(PROGRAMMES);
                let note = match target.metric {
                    "revenue_target" => format!("Pembayaran peserta {programme}"),
                    "new_students" => format!("Siswa baru {programme}, batch {}", rng.range(3, 24)),
                    _ => format!(
                        "Impor dari sistem pendaftaran, minggu {}",
                        date.iso_week().week()
                    ),
                };
                let at = clock.on(date, rng.range(15, 18), rng.range(0, 59));
                out.push(Entry {
                    metric: target.metric,
                    assignee: target.assignee,
                    date,
                    value,
                    note,
                    source,
                    created_by: creator,
                    created_at: at.min(clock.now - Duration::minutes(rng.range(5, 60))),
                });
            }
        }
    }
    out.sort_by_key(|e| e.created_at);
    out
}

/// Writes `plan` into the demo transaction, each row as the user who set or entered it
/// (`app.user_id` for the audit trail). Returns (targets, entries).
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    plan: &Plan,
) -> anyhow::Result<(usize, usize)> {
    let mut setters: Vec<Uuid> = plan
        .targets
        .iter()
        .map(|t| t.created_by)
        .chain(plan.entries.iter().map(|e| e.created_by))
        .collect();
    setters.sort();
    setters.dedup();
    for setter in setters {
        act_as(tx, setter).await?;
        let t: Vec<&Target> = plan
            .targets
            .iter()
            .filter(|t| t.created_by == setter)
            .collect();
        sqlx::query(
            "insert into kpi_targets (metric_key, assignee_kind, assignee_user_id, assignee_dept, period_start, \
                                      period_end, target_value, note, created_by, created_at, updated_at) \
             select metric, kind, who, dept, first, last, value::numeric, note, $9, at, at \
               from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::date[], $6::date[], $7::text[], \
                           $8::text[], $10::timestamptz[]) \
                    with ordinality as t(metric, kind, who, dept, first, last, value, note, at, n) \
              order by n",
        )
        .bind(t.iter().map(|x| x.metric).collect::<Vec<_>>())
        .bind(t.iter().map(|x| x.assignee.kind()).collect::<Vec<_>>())
        .bind(t.iter().map(|x| x.assignee.user()).collect::<Vec<_>>())
        .bind(t.iter().map(|x| x.assignee.dept()).collect::<Vec<_>>())
        .bind(t.iter().map(|x| x.start).collect::<Vec<_>>())
        .bind(t.iter().map(|x| x.end).collect::<Vec<_>>())
        .bind(t.iter().map(|x| money(x.value)).collect::<Vec<_>>())
        .bind(t.iter().map(|x| x.note).collect::<Vec<_>>())
        .bind(setter)
        .bind(t.iter().map(|x| x.created_at).collect::<Vec<_>>())
        .execute(&mut **tx)
        .await
        .context("demo KPI targets")?;

        let e: Vec<&Entry> = plan
            .entries
            .iter()
            .filter(|e| e.created_by == setter)
            .collect();
        sqlx::query(
            "insert into kpi_entries (metric_key, assignee_kind, assignee_user_id, assignee_dept, entry_date, \
                                      value, note, source, created_by, created_at) \
             select metric, kind, who, dept, day, value::numeric, note, source, $9, at \
               from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::text[], \
                           $8::text[], $10::timestamptz[]) \
                    with ordinality as t(metric, kind, who, dept, day, value, note, source, at, n) \
              order by n",
        )
        .bind(e.iter().map(|x| x.metric).collect::<Vec<_>>())
        .bind(e.iter().map(|x| x.assignee.kind()).collect::<Vec<_>>())
        .bind(e.iter().map(|x| x.assignee.user()).collect::<Vec<_>>())
        .bind(e.iter().map(|x| x.assignee.dept()).collect::<Vec<_>>())
        .bind(e.iter().map(|x| x.date).collect::<Vec<_>>())
        .bind(e.iter().map(|x| money(x.value)).collect::<Vec<_>>())
        .bind(e.iter().map(|x| x.note.clone()).collect::<Vec<_>>())
        .bind(e.iter().map(|x| x.source).collect::<Vec<_>>())
        .bind(setter)
        .bind(e.iter().map(|x| x.created_at).collect::<Vec<_>>())
        .execute(&mut **tx)
        .await
        .context("demo KPI entries")?;
    }
    Ok((plan.targets.len(), plan.entries.len()))
}

/// The audit trail's user for the statements that follow in `tx`.
async fn act_as(tx: &mut Transaction<'_, Postgres>, user: Uuid) -> anyhow::Result<()> {
    sqlx::query(
        "select set_config('app.user_id', p.id::text, true), set_config('app.role', p.role_name, true), \
                set_config('app.dept', coalesce(p.dept_code, ''), true) \
           from profiles p where p.id = $1",
    )
    .bind(user)
    .fetch_one(&mut **tx)
    .await
    .context("demo KPI setter")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    fn people() -> (Team, Setters) {
        let mut rng = Rng::new(7);
        let team = Team {
            marketing_staff: rng.uuid(),
            marketing_manager: rng.uuid(),
            sales_manager: rng.uuid(),
            salespersons: [rng.uuid(), rng.uuid()],
            ops: HashMap::new(),
        };
        let setters = Setters {
            finance_manager: rng.uuid(),
            cs_admin: rng.uuid(),
            super_admin: rng.uuid(),
        };
        (team, setters)
    }

    fn plan_at(now: &str) -> (Team, Clock, Plan) {
        let (team, setters) = people();
        let clock = Clock::new(
            DateTime::parse_from_rfc3339(now)
                .unwrap()
                .with_timezone(&Utc),
        );
        let plan = build(&team, &setters, &clock);
        (team, clock, plan)
    }

    const DAYS: &[&str] = &[
        "2026-12-07T14:00:00+07:00",
        "2026-12-01T00:10:00+07:00",
        "2027-01-31T23:50:00+07:00",
        "2027-03-01T08:00:00+07:00",
        "2026-06-30T18:00:00Z",
    ];

    #[test]
    fn the_plan_is_reproducible() {
        let (.., a) = plan_at(DAYS[0]);
        let (.., b) = plan_at(DAYS[0]);
        assert_eq!(a.targets.len(), b.targets.len());
        assert_eq!(a.targets[17].value, b.targets[17].value);
        assert_eq!(a.entries.len(), b.entries.len());
        assert_eq!(a.entries[3].value, b.entries[3].value);
    }

    #[test]
    fn six_calendar_months_without_overlaps() {
        for day in DAYS {
            let (_, clock, plan) = plan_at(day);
            let mut per_key: HashMap<(&str, Assignee), Vec<(NaiveDate, NaiveDate)>> =
                HashMap::new();
            for t in &plan.targets {
                assert_eq!(t.start.day(), 1, "{day}");
                assert_eq!((t.end + Duration::days(1)).day(), 1, "{day}: month end");
                assert!(t.value > 0 && t.created_at < clock.now, "{day}");
                per_key
                    .entry((t.metric, t.assignee))
                    .or_default()
                    .push((t.start, t.end));
            }
            for ((metric, _), mut periods) in per_key {
                assert_eq!(periods.len(), 6, "{day}: {metric}");
                periods.sort();
                assert!(periods
                    .windows(2)
                    .all(|w| w[0].1 + Duration::days(1) == w[1].0));
                let last = periods[5];
                assert!(
                    last.0 <= clock.today && clock.today <= last.1,
                    "{day}: current month"
                );
            }
            let dso: HashSet<i64> = plan
                .targets
                .iter()
                .filter(|t| t.metric == "dso_rolling_30")
                .map(|t| t.value)
                .collect();
            assert_eq!(dso, HashSet::from([4500]));
        }
    }

    #[test]
    fn entries_are_the_education_line_up_to_today() {
        for day in DAYS {
            let (team, clock, plan) = plan_at(day);
            let first = month(clock.today, MONTHS - 1).0;
            for e in &plan.entries {
                assert!(
                    e.date <= clock.today && e.date >= first,
                    "{day}: {}",
                    e.date
                );
                assert!(e.created_at <= clock.now, "{day}");
                assert!(e.value > 0 && e.value % 100 == 0, "{day}: {}", e.value);
                assert_eq!(e.assignee, Assignee::User(team.marketing_staff));
                let expected = match e.metric {
                    "revenue_target" | "new_students" => "manual",
                    "program_enrolments" => "imported",
                    other => panic!("{other} takes no entries"),
                };
                assert_eq!(e.source, expected);
            }
            // A few a month for each metric in every full month.
            for back in 1..MONTHS {
                let (start, end) = month(clock.today, back);
                for metric in ["revenue_target", "new_students", "program_enrolments"] {
                    let n = plan
                        .entries
                        .iter()
                        .filter(|e| e.metric == metric && e.date >= start && e.date <= end)
                        .count();
                    assert!((3..=5).contains(&n), "{day}: {metric} {start}: {n}");
                }
            }
        }
    }

    #[test]
    fn months_and_splits() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        assert_eq!(
            month(d, 1),
            (
                NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
            )
        );
        assert_eq!(
            month(d, 11).1,
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        );
        let mut rng = Rng::new(1);
        let parts = split(&mut rng, 1_700, 4, 100);
        assert_eq!(parts.iter().sum::<i64>(), 1_700);
        assert!(parts.iter().all(|p| *p >= 100 && p % 100 == 0));
        assert_eq!(split(&mut rng, 200, 4, 100).len(), 2);
        assert!(split(&mut rng, 50, 4, 100).is_empty());
    }
}
