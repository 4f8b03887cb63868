//! Synthetic receivables for benchmarks (`seed --scale N`, SPEC §6): N invoices over the
//! last two years for the synthetic customers that were won (all synthetic customers
//! when none was), paid the way customers pay — about 60 % around the due date, 30 %
//! weeks late and often in instalments, 10 % stopping at some point — with about 1.2·N
//! allocations and the payments behind them, a few void invoices and some overpayments
//! left as unapplied credit; all by `COPY` in one transaction.
//!
//! The row triggers of `invoices`, `payments` and `payment_allocations` (allocation
//! apply/reverse, daily totals, audit, `updated_at`, codes) are switched off for the load
//! and back on before commit: a row trigger that locks and updates the payment and the
//! invoice per allocation would dominate the load. What they keep is written instead:
//! `allocated`, `settled_on`, `applied_on` and the allocations' `customer_id`,
//! `payment_date` and `effective_date` come computed with the rows ([`CustomerPlan`]),
//! are then checked against the allocations by set-based queries in the same transaction
//! (the seed fails rather than leave a figure the triggers would not have written), and
//! `ar_daily_totals` is rebuilt by `app.ar_rebuild_daily_totals()`. No audit rows are
//! written for the synthetic rows. Foreign keys and check constraints stay on.
//!
//! Codes come in their own series so they never clash with application codes:
//! `INV-S-000000001`, `PAY-S-000000001` (continuing after the highest existing one when
//! the seed runs again). Invoice numbers are left empty.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::crm_demo::Clock;
use super::crm_scale::{copy, highest, opt, ts};
use super::rng::Rng;

/// How far back the synthetic invoices go (DSO "a year ago" has a year of history).
pub const HISTORY_DAYS: i64 = 730;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArCounts {
    pub customers: u64,
    pub invoices: u64,
    pub payments: u64,
    pub allocations: u64,
}

const TERMS: &[(i64, u64)] = &[(14, 2), (30, 5), (45, 2), (60, 1)];
const METHODS: &[(&str, u64)] = &[
    ("bank_transfer", 12),
    ("virtual_account", 5),
    ("giro", 2),
    ("cheque", 1),
];
const SERVICES: &[&str] = &[
    "Ekspor FCL (sea freight)",
    "Trucking domestik FTL",
    "Impor door to door",
    "Sewa gudang & fulfillment",
    "Customs clearance",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Habit {
    Prompt,
    Slow,
    /// Stops paying on the day given.
    Stops(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedInvoice {
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    /// In cents.
    pub amount: i64,
    pub void: bool,
    pub service: &'static str,
    /// Σ allocations (cents), as `payment_allocations_apply()` keeps it.
    pub allocated: i64,
    /// The latest payment date of its allocations when fully allocated.
    pub settled_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedPayment {
    pub payment_date: NaiveDate,
    /// In cents.
    pub amount: i64,
    pub method: &'static str,
    pub allocated: i64,
    /// The latest effective date of its allocations when fully allocated.
    pub applied_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAllocation {
    /// Index into [`CustomerPlan::payments`].
    pub payment: usize,
    /// Index into [`CustomerPlan::invoices`].
    pub invoice: usize,
    /// In cents.
    pub amount: i64,
    /// The payment's date.
    pub payment_date: NaiveDate,
    /// The later of the payment's and the invoice's dates.
    pub effective_date: NaiveDate,
}

/// One customer's invoices, payments and allocations with the columns the triggers keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerPlan {
    pub invoices: Vec<PlannedInvoice>,
    pub payments: Vec<PlannedPayment>,
    pub allocations: Vec<PlannedAllocation>,
}

/// A transfer: its date and the (invoice, amount) lines it pays.
type Transfer = (NaiveDate, Vec<(usize, i64)>);

/// `cents` rounded down to whole Rp 1,000 (at least Rp 1,000).
fn rupiah_thousands(cents: i64) -> i64 {
    (cents - cents % 100_000).max(100_000)
}

/// The plan of one customer with `count` invoices up to `today`; the same `seed` gives
/// the same plan.
pub fn plan_customer(seed: u64, count: usize, today: NaiveDate) -> CustomerPlan {
    let mut rng = Rng::new(seed);
    let habit = match rng.range(0, 99) {
        0..=59 => Habit::Prompt,
        60..=89 => Habit::Slow,
        _ => Habit::Stops(today - Duration::days(rng.range(20, HISTORY_DAYS))),
    };
    let start = today - Duration::days(HISTORY_DAYS);
    let mut invoices = Vec::with_capacity(count);
    for j in 0..count {
        // Spread evenly over the history with some jitter, oldest first.
        let offset = ((j as f64 + rng.unit()) * HISTORY_DAYS as f64 / count as f64) as i64;
        let invoice_date = start + Duration::days(offset.min(HISTORY_DAYS - 1));
        let terms = *rng.weighted(TERMS);
        let amount = (rng.range(10, 1_500) * 100_000 + rng.range(0, 99) * 1_000) * 100;
        invoices.push(PlannedInvoice {
            invoice_date,
            due_date: invoice_date + Duration::days(terms),
            amount,
            void: rng.next_u64().is_multiple_of(100),
            service: rng.pick::<&str>(SERVICES),
            allocated: 0,
            settled_on: None,
        });
    }
    // Transfers: their date and the (invoice, amount) they pay.
    let mut transfers: Vec<Transfer> = Vec::new();
    for (n, invoice) in invoices.iter().enumerate() {
        if invoice.void {
            continue;
        }
        let (due, amount) = (invoice.due_date, invoice.amount);
        let days = |rng: &mut Rng, low: i64, high: i64| due + Duration::days(rng.range(low, high));
        let parts: Vec<(NaiveDate, i64)> = match habit {
            Habit::Stops(day) if invoice.invoice_date >= day => {
                if rng.chance(30) {
                    let part = rupiah_thousands(amount * rng.range(30, 60) / 100);
                    vec![(days(&mut rng, 20, 90), part)]
                } else {
                    Vec::new()
                }
            }
            Habit::Prompt => {
                if rng.chance(18) {
                    let first = rupiah_thousands(amount / 2);
                    vec![
                        (days(&mut rng, -5, 3), first),
                        (days(&mut rng, 7, 25), amount - first),
                    ]
                } else {
                    vec![(days(&mut rng, -10, 7), amount)]
                }
            }
            Habit::Slow | Habit::Stops(_) => match rng.range(0, 99) {
                0..=44 => vec![(days(&mut rng, 10, 60), amount)],
                45..=84 => {
                    let first = rupiah_thousands(amount * rng.range(30, 70) / 100);
                    vec![
                        (days(&mut rng, 5, 30), first),
                        (days(&mut rng, 35, 80), amount - first),
                    ]
                }
                _ => {
                    let first = rupiah_thousands(amount / 3);
                    vec![
                        (days(&mut rng, 5, 25), first),
                        (days(&mut rng, 30, 55), first),
                        (days(&mut rng, 60, 95), amount - 2 * first),
                    ]
                }
            },
        };
        for (date, part) in parts {
            // Nothing is paid before the invoice exists or after today.
            let date = date.max(invoice.invoice_date);
            if date > today || part <= 0 {
                continue;
            }
            // One transfer for two invoices paid in full within the same week.
            match transfers.last_mut() {
                Some((last, lines))
                    if habit == Habit::Prompt
                        && part == amount
                        && lines.len() < 3
                        && (date - *last).num_days().abs() <= 6
                        && lines.iter().all(|(i, a)| *a == invoices[*i].amount) =>
                {
                    *last = (*last).max(date);
                    lines.push((n, part));
                }
                _ => transfers.push((date, vec![(n, part)])),
            }
        }
    }
    transfers.sort_by_key(|t| t.0);
    let mut payments = Vec::with_capacity(transfers.len());
    let mut allocations = Vec::new();
    for (date, lines) in transfers {
        // About one transfer in fifty pays a little more than was due: unapplied credit.
        let extra = if rng.chance(2) {
            rng.range(1, 50) * 10_000 * 100
        } else {
            0
        };
        let allocated: i64 = lines.iter().map(|(_, a)| a).sum();
        let payment = payments.len();
        let mut latest = date;
        for (invoice, amount) in lines {
            let effective_date = date.max(invoices[invoice].invoice_date);
            latest = latest.max(effective_date);
            allocations.push(PlannedAllocation {
                payment,
                invoice,
                amount,
                payment_date: date,
                effective_date,
            });
            invoices[invoice].allocated += amount;
        }
        payments.push(PlannedPayment {
            payment_date: date,
            amount: allocated + extra,
            method: rng.weighted::<&str>(METHODS),
            allocated,
            applied_on: (extra == 0).then_some(latest),
        });
    }
    // settled_on is the latest payment date of all allocations of a paid invoice.
    for (n, invoice) in invoices.iter_mut().enumerate() {
        invoice.settled_on = (invoice.allocated == invoice.amount).then(|| {
            allocations
                .iter()
                .filter(|a| a.invoice == n)
                .map(|a| a.payment_date)
                .max()
                .unwrap_or(invoice.invoice_date)
        });
    }
    CustomerPlan {
        invoices,
        payments,
        allocations,
    }
}

/// The number of invoices of customer `k` of `customers` when `total` are spread.
fn invoices_of(k: u64, customers: u64, total: u64) -> u64 {
    total / customers + u64::from(k < total % customers)
}

/// Index of the first invoice of customer `k`.
fn first_invoice_of(k: u64, customers: u64, total: u64) -> u64 {
    k * (total / customers) + k.min(total % customers)
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Moments on a day, Jakarta time (the synthetic rows' created_at).
fn on(clock: &Clock, date: NaiveDate, hour: i64, minute: i64) -> DateTime<Utc> {
    clock.on(date, hour, minute).min(clock.now)
}

/// The enabled user triggers of `table` (switched off for the load and back on after).
async fn enabled_triggers(conn: &mut PgConnection, table: &str) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "select tgname::text from pg_trigger \
          where tgrelid = $1::regclass and not tgisinternal and tgenabled <> 'D' order by tgname",
    )
    .bind(table)
    .fetch_all(&mut *conn)
    .await?)
}

/// Rows whose trigger-kept columns differ from what the allocations say; 0 after a
/// correct load (checked over the whole book, the demo's trigger-written rows included).
const MISMATCHES: &str = "\
select (select count(*) from invoices i \
          left join (select invoice_id, sum(amount) as total, max(payment_date) as latest \
                       from payment_allocations group by invoice_id) a on a.invoice_id = i.id \
         where i.allocated <> coalesce(a.total, 0) \
            or i.settled_on is distinct from (case when coalesce(a.total, 0) = i.amount then a.latest end) \
            or (i.voided_at is not null and a.total is not null)) \
     + (select count(*) from payments p \
          left join (select payment_id, sum(amount) as total, max(effective_date) as latest \
                       from payment_allocations group by payment_id) a on a.payment_id = p.id \
         where p.allocated <> coalesce(a.total, 0) \
            or p.applied_on is distinct from (case when coalesce(a.total, 0) = p.amount then a.latest end)) \
     + (select count(*) from payment_allocations x \
          join payments p on p.id = x.payment_id \
          join invoices i on i.id = x.invoice_id \
         where x.payment_date <> p.payment_date \
            or x.effective_date <> greatest(p.payment_date, i.invoice_date) \
            or x.customer_id <> p.customer_id or x.customer_id <> i.customer_id)";

/// Adds `count` invoices (with about 1.2·`count` allocations and their payments) for the
/// synthetic customers; `created_by` is the finance user named as their creator.
pub async fn seed(
    owner: &PgPool,
    count: u64,
    created_by: Option<Uuid>,
) -> anyhow::Result<ArCounts> {
    if count == 0 {
        return Ok(ArCounts::default());
    }
    let mut customers: Vec<Uuid> = sqlx::query_scalar(
        "select c.id from customers c \
          where c.customer_code like 'CUST-S-%' \
            and exists (select 1 from prospects p where p.customer_id = c.id and p.stage = 'won') \
          order by c.customer_code",
    )
    .fetch_all(owner)
    .await?;
    if customers.is_empty() {
        customers = sqlx::query_scalar(
            "select id from customers where customer_code like 'CUST-S-%' order by customer_code",
        )
        .fetch_all(owner)
        .await?;
    }
    if customers.is_empty() {
        tracing::warn!("no synthetic customers: no synthetic receivables added");
        return Ok(ArCounts::default());
    }
    let mut tx = owner.begin().await?;
    sqlx::query("set local synchronous_commit = off")
        .execute(&mut *tx)
        .await?;
    let mut disabled = Vec::new();
    for table in ["invoices", "payments", "payment_allocations"] {
        let names = enabled_triggers(&mut tx, table).await?;
        super::switch_triggers(&mut tx, table, &names, false).await?;
        disabled.push((table, names));
    }
    let first_invoice = highest(
        &mut tx,
        "select max(substr(invoice_code, 7)::bigint) from invoices where invoice_code ~ '^INV-S-[0-9]{9}$'",
    )
    .await?;
    let first_payment = highest(
        &mut tx,
        "select max(substr(payment_code, 7)::bigint) from payments where payment_code ~ '^PAY-S-[0-9]{9}$'",
    )
    .await?;
    let clock = Clock::new(Utc::now());
    let today = clock.today;
    let n_customers = customers.len() as u64;
    let plan = |k: u64| {
        let invoices = invoices_of(k, n_customers, count);
        let number = first_invoice + first_invoice_of(k, n_customers, count) + 1;
        let seed = number.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x00A2_5CA1;
        plan_customer(seed, usize::try_from(invoices).unwrap_or(0), today)
    };
    let bases = (
        Uuid::new_v4().as_u128(),
        Uuid::new_v4().as_u128(),
        Uuid::new_v4().as_u128(),
    );
    let id = |base: u128, k: u64, j: usize| {
        Uuid::from_u128(base.wrapping_add((u128::from(k) << 24) + j as u128))
    };
    let by = opt(created_by);
    let active = n_customers.min(count);

    let mut number = first_invoice;
    let invoices = copy(
        &mut tx,
        "copy invoices (id, invoice_code, customer_id, invoice_date, due_date, amount, description, \
                        allocated, settled_on, voided_at, void_reason, voided_by, created_by, created_at, \
                        updated_at) from stdin",
        active,
        |k, out| {
            let customer = customers[usize::try_from(k).unwrap_or(0)];
            let mut rng = Rng::new(k ^ 0x1A7E);
            for (j, i) in plan(k).invoices.iter().enumerate() {
                number += 1;
                let at = on(&clock, i.invoice_date, rng.range(8, 16), rng.range(0, 59));
                let (voided, reason, voided_by) = if i.void {
                    (ts((at + Duration::hours(26)).min(clock.now)), "Dibatalkan: nominal salah", by.as_str())
                } else {
                    ("\\N".to_owned(), "\\N", "\\N")
                };
                let updated = i
                    .settled_on
                    .map_or_else(|| at, |d| on(&clock, d, 15, 0).max(at));
                out.push_str(&format!(
                    "{}\tINV-S-{number:09}\t{customer}\t{}\t{}\t{}\t{}\t{}\t{}\t{voided}\t{reason}\t{voided_by}\t{by}\t{}\t{}\n",
                    id(bases.0, k, j),
                    day(i.invoice_date),
                    day(i.due_date),
                    money(i.amount),
                    i.service,
                    money(i.allocated),
                    i.settled_on.map_or_else(|| "\\N".to_owned(), day),
                    ts(at),
                    ts(if i.void { (at + Duration::hours(26)).min(clock.now) } else { updated }),
                ));
            }
        },
    )
    .await?;

    let mut number = first_payment;
    let payments = copy(
        &mut tx,
        "copy payments (id, payment_code, customer_id, payment_date, amount, method, reference, allocated, \
                        applied_on, created_by, created_at, updated_at) from stdin",
        active,
        |k, out| {
            let customer = customers[usize::try_from(k).unwrap_or(0)];
            for (j, p) in plan(k).payments.iter().enumerate() {
                number += 1;
                let at = ts(on(&clock, p.payment_date, 14, (j % 60) as i64));
                out.push_str(&format!(
                    "{}\tPAY-S-{number:09}\t{customer}\t{}\t{}\t{}\tSCL-{number}\t{}\t{}\t{by}\t{at}\t{at}\n",
                    id(bases.1, k, j),
                    day(p.payment_date),
                    money(p.amount),
                    p.method,
                    money(p.allocated),
                    p.applied_on.map_or_else(|| "\\N".to_owned(), day),
                ));
            }
        },
    )
    .await?;

    let allocations = copy(
        &mut tx,
        "copy payment_allocations (id, payment_id, invoice_id, customer_id, amount, payment_date, \
                                   effective_date, created_by, created_at) from stdin",
        active,
        |k, out| {
            let customer = customers[usize::try_from(k).unwrap_or(0)];
            let plan = plan(k);
            for (j, a) in plan.allocations.iter().enumerate() {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{customer}\t{}\t{}\t{}\t{by}\t{}\n",
                    id(bases.2, k, j),
                    id(bases.1, k, a.payment),
                    id(bases.0, k, a.invoice),
                    money(a.amount),
                    day(a.payment_date),
                    day(a.effective_date),
                    ts(on(&clock, a.payment_date, 14, (a.payment % 60) as i64)),
                ));
            }
        },
    )
    .await?;

    let started = std::time::Instant::now();
    let mismatches: i64 = sqlx::query_scalar(MISMATCHES).fetch_one(&mut *tx).await?;
    anyhow::ensure!(
        mismatches == 0,
        "{mismatches} invoices, payments or allocations differ from what the triggers keep"
    );
    let days: i64 = sqlx::query_scalar("select app.ar_rebuild_daily_totals()")
        .fetch_one(&mut *tx)
        .await?;
    tracing::info!(
        days,
        seconds = started.elapsed().as_secs_f64(),
        "receivables checked, daily totals rebuilt"
    );
    for (table, names) in &disabled {
        super::switch_triggers(&mut tx, table, names, true).await?;
    }
    tx.commit().await?;
    sqlx::query("analyze invoices, payments, payment_allocations, ar_daily_totals")
        .execute(owner)
        .await?;
    Ok(ArCounts {
        customers: active,
        invoices,
        payments,
        allocations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
    }

    #[test]
    fn invoices_are_spread_exactly() {
        for (customers, total) in [(7u64, 100u64), (3, 2), (1, 5), (38_000, 1_000_000)] {
            let sum: u64 = (0..customers)
                .map(|k| invoices_of(k, customers, total))
                .sum();
            assert_eq!(sum, total);
            for k in 1..customers.min(50) {
                assert_eq!(
                    first_invoice_of(k, customers, total),
                    first_invoice_of(k - 1, customers, total)
                        + invoices_of(k - 1, customers, total)
                );
            }
        }
    }

    #[test]
    fn a_customer_plan_is_reproducible() {
        assert_eq!(
            plan_customer(42, 26, today()),
            plan_customer(42, 26, today())
        );
        assert_ne!(
            plan_customer(42, 26, today()),
            plan_customer(43, 26, today())
        );
        assert!(plan_customer(7, 0, today()).invoices.is_empty());
    }

    /// The columns the triggers keep, recomputed from the allocations as they would be
    /// one insert at a time; and the invariants of the book.
    #[test]
    fn plans_keep_the_invariants_and_the_trigger_columns() {
        let today = today();
        let (mut invoices, mut allocations, mut payments, mut void, mut credit) = (0, 0, 0, 0, 0);
        let mut open_buckets = [0u64; 5];
        for k in 0..4_000u64 {
            let plan = plan_customer(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), 26, today);
            invoices += plan.invoices.len();
            payments += plan.payments.len();
            allocations += plan.allocations.len();
            let mut by_invoice = vec![(0i64, None::<NaiveDate>); plan.invoices.len()];
            let mut by_payment = vec![(0i64, None::<NaiveDate>); plan.payments.len()];
            let mut pairs = std::collections::HashSet::new();
            for a in &plan.allocations {
                let (p, i) = (&plan.payments[a.payment], &plan.invoices[a.invoice]);
                assert!(a.amount > 0);
                assert!(!i.void, "nothing allocated to a void invoice");
                assert!(pairs.insert((a.payment, a.invoice)));
                assert_eq!(a.payment_date, p.payment_date);
                assert_eq!(a.effective_date, p.payment_date.max(i.invoice_date));
                assert!(p.payment_date <= today);
                let inv = &mut by_invoice[a.invoice];
                inv.0 += a.amount;
                inv.1 = inv.1.max(Some(a.payment_date));
                let pay = &mut by_payment[a.payment];
                pay.0 += a.amount;
                pay.1 = pay.1.max(Some(a.effective_date));
            }
            for (i, (sum, latest)) in plan.invoices.iter().zip(&by_invoice) {
                assert!(*sum <= i.amount);
                assert_eq!(i.allocated, *sum);
                assert_eq!(i.settled_on, if *sum == i.amount { *latest } else { None });
                assert!(i.due_date >= i.invoice_date && i.invoice_date <= today);
                assert!(i.invoice_date > today - Duration::days(HISTORY_DAYS + 1));
                void += usize::from(i.void);
                if !i.void && *sum < i.amount {
                    let overdue = (today - i.due_date).num_days();
                    open_buckets[match overdue {
                        i64::MIN..=0 => 0,
                        1..=30 => 1,
                        31..=60 => 2,
                        61..=90 => 3,
                        _ => 4,
                    }] += 1;
                }
            }
            for (p, (sum, latest)) in plan.payments.iter().zip(&by_payment) {
                assert!(*sum <= p.amount && *sum > 0);
                assert_eq!(p.allocated, *sum);
                assert_eq!(p.applied_on, if *sum == p.amount { *latest } else { None });
                credit += usize::from(*sum < p.amount);
            }
            assert!(plan
                .payments
                .windows(2)
                .all(|w| w[0].payment_date <= w[1].payment_date));
        }
        let ratio = allocations as f64 / invoices as f64;
        assert!(
            (1.15..=1.25).contains(&ratio),
            "{ratio} allocations per invoice"
        );
        assert!(payments < allocations);
        assert!((500..=1_500).contains(&void), "{void} void of {invoices}");
        assert!(credit > 0);
        assert!(open_buckets.iter().all(|n| *n > 0), "{open_buckets:?}");
        let open: u64 = open_buckets.iter().sum();
        assert!(open < invoices as u64 / 4, "{open} of {invoices} open");
    }
}
