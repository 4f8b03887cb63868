//! Demo receivables (DSO, CLI-2): six months of invoices and payments for customers of
//! both demo salespersons, relative to today in Asia/Jakarta, so that the DSO page has
//! an aging in every bucket, a six-month DSO line and overdue customers to chase.
//!
//! [`build`] plans it from the CRM demo's plan (pure and deterministic, tested below);
//! [`insert`] writes it in the demo transaction with plain `INSERT`s as
//! `finance_staff@demo.local` — the receivables triggers keep `allocated`, `settled_on`,
//! `applied_on`, the allocations' dates and `ar_daily_totals` as for any payment.
//!
//! Per salesperson up to five invoiced customers (won ones first, longest-standing
//! first), each with a payment habit: one *troubled* customer that stopped paying about
//! five months ago (its open invoices fill every overdue bucket, one of them partly
//! paid), *slow* payers (weeks late, often in two instalments) and *prompt* ones (around
//! the due date, sometimes two invoices with one transfer). One invoice is void (wrong
//! amount, issued again the next day) and one transfer paid more than was due, leaving
//! unapplied credit.

use std::collections::HashMap;

use anyhow::Context;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::{
    crm_demo::{self, Clock, Team},
    rng::Rng,
};

const SEED: u64 = 0xA2D5_0007;
/// Invoiced customers per salesperson.
const PER_SALESPERSON: usize = 5;
/// How far back the invoicing history goes.
const HISTORY_DAYS: i64 = 182;

/// (description, lowest and highest amount in millions of rupiah)
const SERVICES: &[(&str, i64, i64)] = &[
    ("Ekspor FCL 1×40HC Tanjung Priok – Port Klang", 28, 64),
    ("Ekspor LCL 6 CBM Tanjung Perak – Singapura", 9, 22),
    ("Trucking domestik FTL Jakarta – Surabaya (CDD)", 6, 18),
    ("Trucking domestik FTL Cikarang – Semarang (wingbox)", 8, 21),
    ("Impor door to door Shenzhen – Jakarta, 1.200 kg", 14, 38),
    ("Sewa gudang & fulfillment, 120 palet", 18, 45),
    ("Customs clearance impor + handling bandara", 5, 14),
];

/// How a customer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Habit {
    /// Around the due date, in full; close invoices sometimes with one transfer.
    Prompt,
    /// Weeks late, often in two instalments.
    Slow,
    /// Paid slowly until about five months ago, then stopped (one partial payment since).
    Troubled,
}

/// A customer the demo invoices.
#[derive(Debug, Clone)]
pub struct ArCustomer {
    pub id: Uuid,
    pub owner: Uuid,
    /// The first day it can be invoiced (after it was won or first seen).
    pub since: NaiveDate,
    pub habit: Habit,
}

#[derive(Debug, Clone)]
pub struct Invoice {
    pub id: Uuid,
    pub customer: Uuid,
    pub number: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    /// In cents.
    pub amount: i64,
    pub description: String,
    /// (voided at, reason)
    pub void: Option<(DateTime<Utc>, &'static str)>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Payment {
    pub id: Uuid,
    pub customer: Uuid,
    pub date: NaiveDate,
    /// In cents.
    pub amount: i64,
    pub method: &'static str,
    pub reference: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Allocation {
    /// Index into [`Plan::payments`].
    pub payment: usize,
    /// Index into [`Plan::invoices`].
    pub invoice: usize,
    /// In cents.
    pub amount: i64,
}

/// The receivables demo, before it is written.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub customers: Vec<ArCustomer>,
    /// In order of issue.
    pub invoices: Vec<Invoice>,
    /// In order of payment.
    pub payments: Vec<Payment>,
    pub allocations: Vec<Allocation>,
}

impl Plan {
    /// What was paid of `invoice` by payments dated ≤ `day` (DSO-2), in cents.
    pub fn paid_on(&self, invoice: usize, day: NaiveDate) -> i64 {
        self.allocations
            .iter()
            .filter(|a| a.invoice == invoice && self.payments[a.payment].date <= day)
            .map(|a| a.amount)
            .sum()
    }

    /// The open invoices on `day` as (index, outstanding cents, days overdue), as
    /// `app.ar_invoices_as_of` counts them.
    pub fn open_on(&self, day: NaiveDate) -> Vec<(usize, i64, i64)> {
        self.invoices
            .iter()
            .enumerate()
            .filter(|(_, i)| i.void.is_none() && i.invoice_date <= day)
            .map(|(n, i)| {
                (
                    n,
                    i.amount - self.paid_on(n, day),
                    (day - i.due_date).num_days(),
                )
            })
            .filter(|(_, open, _)| *open > 0)
            .collect()
    }
}

/// `cents` as the numeric text the database takes (`"1500000.00"`).
pub fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn jakarta_date(at: DateTime<Utc>) -> NaiveDate {
    (at + Duration::hours(7)).date_naive()
}

/// The invoiced customers: per salesperson, customers they own whose prospects are not
/// all lost — won ones first, then the longest-standing.
fn customers(team: &Team, clock: &Clock, crm: &crm_demo::Plan) -> Vec<ArCustomer> {
    let earliest = clock.today - Duration::days(HISTORY_DAYS);
    let mut out = Vec::new();
    for owner in team.salespersons {
        // (not won, since, customer index)
        let mut ranked: Vec<(bool, NaiveDate, usize)> = Vec::new();
        for (index, customer) in crm.customers.iter().enumerate() {
            if customer.owner != Some(owner) {
                continue;
            }
            let prospects: Vec<&crm_demo::Prospect> = crm
                .prospects
                .iter()
                .filter(|p| p.customer == index)
                .collect();
            if !prospects.is_empty() && prospects.iter().all(|p| p.stage() == "lost") {
                continue;
            }
            let won = prospects
                .iter()
                .filter_map(|p| p.steps.iter().find(|s| s.to == "won").map(|s| s.at))
                .min();
            let start = won.unwrap_or(customer.created_at);
            let since = (jakarta_date(start) + Duration::days(3)).max(earliest);
            if since >= clock.today - Duration::days(10) {
                continue;
            }
            ranked.push((won.is_none(), since, index));
        }
        ranked.sort();
        let mut chosen: Vec<(NaiveDate, usize)> = ranked
            .into_iter()
            .take(PER_SALESPERSON)
            .map(|(_, since, index)| (since, index))
            .collect();
        // The longest-standing one is the troubled payer; then slow and prompt in turn.
        chosen.sort();
        for (slot, (since, index)) in chosen.into_iter().enumerate() {
            let habit = match slot {
                0 => Habit::Troubled,
                n if n % 2 == 1 => Habit::Prompt,
                _ => Habit::Slow,
            };
            out.push(ArCustomer {
                id: crm.customers[index].id,
                owner,
                since,
                habit,
            });
        }
    }
    out
}

/// One planned transfer: its date, the invoices (by id) and amounts it pays, and the
/// cents it leaves unapplied.
struct Transfer {
    date: NaiveDate,
    parts: Vec<(Uuid, i64)>,
    extra: i64,
}

/// `cents` rounded down to whole Rp 100,000.
fn round_down(cents: i64) -> i64 {
    cents - cents % 10_000_000
}

/// Builds the receivables demo for the CRM demo's customers (`crm`, built with the same
/// `team` and `clock`).
pub fn build(team: &Team, clock: &Clock, crm: &crm_demo::Plan) -> Plan {
    let mut rng = Rng::new(SEED);
    let customers = customers(team, clock, crm);
    let today = clock.today;
    let mut invoices: Vec<Invoice> = Vec::new();
    let mut transfers: Vec<(Uuid, Transfer)> = Vec::new();
    let mut voided = false;
    let mut credit_given = false;
    for customer in &customers {
        let first = invoices.len();
        // Invoices every two to four weeks from `since` until yesterday.
        let mut day = customer.since + Duration::days(rng.range(0, 6));
        while day < today {
            let (service, low, high) = *rng.pick(SERVICES);
            let amount =
                (rng.range(low * 10, high * 10) * 100_000 + rng.range(0, 99) * 1_000) * 100;
            let terms = *rng.pick(&[14, 30, 30, 30, 45]);
            // One invoice of the second salesperson's first slow payer, two months back,
            // went out with a wrong amount: void, and issued again the next day.
            let void_this = !voided
                && customer.habit == Habit::Slow
                && customer.owner == team.salespersons[1]
                && (today - day).num_days() <= 70;
            if void_this {
                voided = true;
                let issued = clock.on(day, 10, rng.range(0, 59));
                invoices.push(Invoice {
                    id: rng.uuid(),
                    customer: customer.id,
                    number: String::new(),
                    invoice_date: day,
                    due_date: day + Duration::days(terms),
                    amount: amount + 10_000_000 * 100,
                    description: service.to_owned(),
                    void: Some((
                        issued + Duration::hours(rng.range(20, 26)),
                        "Nominal salah (tarif lama); diterbitkan ulang dengan nominal yang benar",
                    )),
                    created_at: issued,
                });
                day += Duration::days(1);
            }
            invoices.push(Invoice {
                id: rng.uuid(),
                customer: customer.id,
                number: String::new(),
                invoice_date: day,
                due_date: day + Duration::days(terms),
                amount,
                description: service.to_owned(),
                void: None,
                created_at: clock.on(day, rng.range(9, 16), rng.range(0, 59)),
            });
            day += Duration::days(rng.range(14, 28));
        }
        // How this customer paid them.
        let stopped = today - Duration::days(rng.range(140, 155));
        let mut partial_done = false;
        let mut planned: Vec<Transfer> = Vec::new();
        for invoice in &invoices[first..] {
            if invoice.void.is_some() {
                continue;
            }
            let due = invoice.due_date;
            let habit = match customer.habit {
                Habit::Troubled if invoice.invoice_date < stopped => Habit::Slow,
                habit => habit,
            };
            match habit {
                Habit::Prompt => {
                    let date = due + Duration::days(rng.range(-7, 5));
                    // A transfer within twelve days of the previous one pays both.
                    match planned.last_mut() {
                        Some(last)
                            if last.extra == 0
                                && (date - last.date).num_days().abs() <= 12
                                && last.parts.len() < 2 =>
                        {
                            last.date = last.date.max(date);
                            last.parts.push((invoice.id, invoice.amount));
                        }
                        _ => planned.push(Transfer {
                            date,
                            parts: vec![(invoice.id, invoice.amount)],
                            extra: 0,
                        }),
                    }
                }
                Habit::Slow => {
                    let late = due + Duration::days(rng.range(12, 45));
                    if rng.chance(45) {
                        let first_part = round_down(invoice.amount / 2);
                        planned.push(Transfer {
                            date: due + Duration::days(rng.range(3, 15)),
                            parts: vec![(invoice.id, first_part)],
                            extra: 0,
                        });
                        planned.push(Transfer {
                            date: late + Duration::days(rng.range(5, 20)),
                            parts: vec![(invoice.id, invoice.amount - first_part)],
                            extra: 0,
                        });
                    } else {
                        planned.push(Transfer {
                            date: late,
                            parts: vec![(invoice.id, invoice.amount)],
                            extra: 0,
                        });
                    }
                }
                Habit::Troubled => {
                    // Nothing since it stopped, except 40 % of its oldest open invoice
                    // about two months ago.
                    if !partial_done {
                        partial_done = true;
                        planned.push(Transfer {
                            date: (today - Duration::days(rng.range(55, 65))).max(due),
                            parts: vec![(invoice.id, round_down(invoice.amount * 2 / 5))],
                            extra: 0,
                        });
                    }
                }
            }
        }
        // Only what has happened by today; an instalment due later is not paid yet.
        planned.retain(|t| t.date <= today);
        planned.sort_by_key(|t| t.date);
        // The first salesperson's prompt payer transferred more than was due with its
        // latest payment: credit that finance has not applied yet.
        if !credit_given
            && customer.habit == Habit::Prompt
            && customer.owner == team.salespersons[0]
        {
            if let Some(last) = planned.last_mut() {
                credit_given = true;
                last.extra = rng.range(15, 35) * 100_000 * 100;
            }
        }
        transfers.extend(planned.into_iter().map(|t| (customer.id, t)));
    }

    invoices.sort_by_key(|i| i.created_at);
    // Invoice numbers in order of issue, as finance's book numbers them.
    for (seq, invoice) in invoices.iter_mut().enumerate() {
        invoice.number = format!(
            "INV/{}/{:04}",
            invoice.invoice_date.format("%Y/%m"),
            seq + 1
        );
    }
    transfers.sort_by_key(|(_, t)| t.date);
    let position: HashMap<Uuid, usize> = invoices
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id, n))
        .collect();
    let mut payments = Vec::new();
    let mut allocations = Vec::new();
    for (customer, transfer) in transfers {
        let total: i64 = transfer.parts.iter().map(|(_, a)| a).sum::<i64>() + transfer.extra;
        let method = *rng.weighted(&[("bank_transfer", 12), ("virtual_account", 5), ("giro", 2)]);
        let reference = match method {
            "virtual_account" => format!("VA BNI 8808{}", rng.digits(8)),
            "giro" => format!("BG Mandiri {}", rng.digits(6)),
            _ => format!(
                "TRF {} {}",
                rng.pick(&["BCA", "Mandiri", "BRI", "BNI"]),
                rng.digits(4)
            ),
        };
        let created_at = clock
            .on(transfer.date, rng.range(10, 16), rng.range(0, 59))
            .min(clock.now - Duration::minutes(rng.range(10, 60)));
        payments.push(Payment {
            id: rng.uuid(),
            customer,
            date: transfer.date,
            amount: total,
            method,
            reference: if transfer.extra > 0 {
                format!("{reference} (lebih bayar)")
            } else {
                reference
            },
            created_at,
        });
        for (invoice, amount) in transfer.parts {
            allocations.push(Allocation {
                payment: payments.len() - 1,
                invoice: position[&invoice],
                amount,
            });
        }
    }
    Plan {
        customers,
        invoices,
        payments,
        allocations,
    }
}

/// Writes `plan` into the demo transaction as `finance_staff@demo.local` (creator of
/// every row and the audit trail's user). Returns (invoices, payments, allocations).
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    plan: &Plan,
) -> anyhow::Result<(usize, usize, usize)> {
    let finance: Uuid =
        sqlx::query_scalar("select id from profiles where email = 'finance_staff@demo.local'")
            .fetch_one(&mut **tx)
            .await
            .context("demo user finance_staff@demo.local is missing")?;
    sqlx::query(
        "select set_config('app.user_id', $1::text, true), set_config('app.role', 'finance_staff', true)",
    )
    .bind(finance)
    .execute(&mut **tx)
    .await?;

    let i = &plan.invoices;
    sqlx::query(
        "insert into invoices (id, invoice_number, customer_id, invoice_date, due_date, amount, description, \
                               voided_at, void_reason, voided_by, created_by, created_at, updated_at) \
         select id, number, customer, issued, due, amount::numeric, description, voided, reason, \
                case when voided is not null then $11 end, $11, at, coalesce(voided, at) \
           from unnest($1::uuid[], $2::text[], $3::uuid[], $4::date[], $5::date[], $6::text[], $7::text[], \
                       $8::timestamptz[], $9::text[], $10::timestamptz[]) \
                with ordinality as t(id, number, customer, issued, due, amount, description, voided, reason, \
                                     at, n) \
          order by n",
    )
    .bind(i.iter().map(|x| x.id).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.number.clone()).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.customer).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.invoice_date).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.due_date).collect::<Vec<_>>())
    .bind(i.iter().map(|x| money(x.amount)).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.description.clone()).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.void.map(|v| v.0)).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.void.map(|v| v.1)).collect::<Vec<_>>())
    .bind(i.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .bind(finance)
    .execute(&mut **tx)
    .await
    .context("demo invoices")?;

    let p = &plan.payments;
    sqlx::query(
        "insert into payments (id, customer_id, payment_date, amount, method, reference, created_by, \
                               created_at, updated_at) \
         select id, customer, paid, amount::numeric, method, reference, $7, at, at \
           from unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[], $5::text[], $6::text[], \
                       $8::timestamptz[]) \
                with ordinality as t(id, customer, paid, amount, method, reference, at, n) \
          order by n",
    )
    .bind(p.iter().map(|x| x.id).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.customer).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.date).collect::<Vec<_>>())
    .bind(p.iter().map(|x| money(x.amount)).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.method).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.reference.clone()).collect::<Vec<_>>())
    .bind(finance)
    .bind(p.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo payments")?;

    // The allocation trigger takes the payment's and the invoice's row locks, copies the
    // dates and customer, raises both `allocated` sums and the daily totals.
    let a = &plan.allocations;
    sqlx::query(
        "insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by, created_at) \
         select payment, invoice, customer, amount::numeric, $5, at \
           from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $6::timestamptz[]) \
                with ordinality as t(payment, invoice, customer, amount, at, n) \
          order by n",
    )
    .bind(a.iter().map(|x| p[x.payment].id).collect::<Vec<_>>())
    .bind(a.iter().map(|x| i[x.invoice].id).collect::<Vec<_>>())
    .bind(a.iter().map(|x| p[x.payment].customer).collect::<Vec<_>>())
    .bind(a.iter().map(|x| money(x.amount)).collect::<Vec<_>>())
    .bind(finance)
    .bind(a.iter().map(|x| p[x.payment].created_at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo payment allocations")?;
    Ok((i.len(), p.len(), a.len()))
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    fn team() -> Team {
        let mut rng = Rng::new(1);
        Team {
            marketing_staff: rng.uuid(),
            marketing_manager: rng.uuid(),
            sales_manager: rng.uuid(),
            salespersons: [rng.uuid(), rng.uuid()],
            ops: HashMap::from([
                ("EXIM", rng.uuid()),
                ("DOM", rng.uuid()),
                ("IMP", rng.uuid()),
                ("WH", rng.uuid()),
            ]),
        }
    }

    fn plan_at(now: &str) -> (Team, Clock, crm_demo::Plan, Plan) {
        let team = team();
        let clock = Clock::new(
            DateTime::parse_from_rfc3339(now)
                .unwrap()
                .with_timezone(&Utc),
        );
        let crm = crm_demo::build(&team, &clock, true);
        let ar = build(&team, &clock, &crm);
        (team, clock, crm, ar)
    }

    const DAYS: &[&str] = &[
        "2026-11-22T10:30:00+07:00",
        "2026-12-07T00:20:00+07:00",
        "2027-03-01T23:50:00+07:00",
        "2026-07-15T08:00:00+07:00",
    ];

    #[test]
    fn the_plan_is_reproducible() {
        let (.., a) = plan_at(DAYS[0]);
        let (.., b) = plan_at(DAYS[0]);
        assert_eq!(a.invoices.len(), b.invoices.len());
        assert_eq!(a.invoices[5].id, b.invoices[5].id);
        assert_eq!(a.invoices[5].amount, b.invoices[5].amount);
        assert_eq!(a.payments.len(), b.payments.len());
        assert_eq!(a.allocations.len(), b.allocations.len());
    }

    #[test]
    fn the_dso_page_has_every_bucket_for_both_salespersons() {
        for day in DAYS {
            let (team, clock, crm, plan) = plan_at(day);
            let today = clock.today;
            assert!(
                (40..=120).contains(&plan.invoices.len()),
                "{day}: {} invoices",
                plan.invoices.len()
            );
            let owner_of: HashMap<Uuid, Option<Uuid>> =
                crm.customers.iter().map(|c| (c.id, c.owner)).collect();
            for salesperson in team.salespersons {
                let theirs: Vec<&ArCustomer> = plan
                    .customers
                    .iter()
                    .filter(|c| c.owner == salesperson)
                    .collect();
                assert!(theirs.len() >= 3, "{day}: {} customers", theirs.len());
                assert!(theirs.iter().all(|c| owner_of[&c.id] == Some(salesperson)));
                let open = plan.open_on(today);
                let mut buckets = HashSet::new();
                for (n, _, overdue) in &open {
                    if theirs.iter().any(|c| c.id == plan.invoices[*n].customer) {
                        buckets.insert(match overdue {
                            i64::MIN..=0 => "current",
                            1..=30 => "1-30",
                            31..=60 => "31-60",
                            61..=90 => "61-90",
                            _ => "90+",
                        });
                    }
                }
                for bucket in ["current", "1-30", "31-60", "61-90", "90+"] {
                    assert!(buckets.contains(bucket), "{day}: no {bucket} invoice");
                }
            }
            // Paid in full, partly paid (open with something paid), one void.
            let paid = (0..plan.invoices.len())
                .filter(|n| plan.paid_on(*n, today) == plan.invoices[*n].amount)
                .count();
            assert!(paid >= 20, "{day}: {paid} paid in full");
            let partial = plan
                .open_on(today)
                .iter()
                .filter(|(n, open, _)| *open < plan.invoices[*n].amount)
                .count();
            assert!(partial >= 1, "{day}: nothing partly paid");
            assert_eq!(plan.invoices.iter().filter(|i| i.void.is_some()).count(), 1);
            // DSO over six months: revenue in every 30-day window of the series.
            for back in 0..150 {
                let day = today - Duration::days(back);
                let revenue: i64 = plan
                    .invoices
                    .iter()
                    .filter(|i| i.void.is_none())
                    .filter(|i| i.invoice_date <= day && (day - i.invoice_date).num_days() < 30)
                    .map(|i| i.amount)
                    .sum();
                assert!(revenue > 0, "{day}: no revenue in the DSO window");
            }
        }
    }

    #[test]
    fn allocations_keep_the_invariants() {
        for day in DAYS {
            let (_, clock, _, plan) = plan_at(day);
            let mut by_payment: HashMap<usize, i64> = HashMap::new();
            let mut by_invoice: HashMap<usize, i64> = HashMap::new();
            let mut pairs = HashSet::new();
            for a in &plan.allocations {
                let (payment, invoice) = (&plan.payments[a.payment], &plan.invoices[a.invoice]);
                assert!(a.amount > 0);
                assert_eq!(payment.customer, invoice.customer, "same customer");
                assert!(
                    invoice.void.is_none(),
                    "nothing allocated to a void invoice"
                );
                assert!(payment.date >= invoice.invoice_date, "paid after issue");
                assert!(
                    pairs.insert((a.payment, a.invoice)),
                    "one allocation per pair"
                );
                *by_payment.entry(a.payment).or_default() += a.amount;
                *by_invoice.entry(a.invoice).or_default() += a.amount;
            }
            for (n, sum) in &by_invoice {
                assert!(*sum <= plan.invoices[*n].amount);
            }
            let mut credit = 0;
            for (n, payment) in plan.payments.iter().enumerate() {
                let used = by_payment.get(&n).copied().unwrap_or(0);
                assert!(used <= payment.amount);
                assert!(payment.date <= clock.today, "no payment in the future");
                assert!(payment.created_at <= clock.now);
                if used < payment.amount {
                    credit += 1;
                }
            }
            assert_eq!(credit, 1, "{day}: one payment leaves unapplied credit");
            let mut lines: HashMap<usize, usize> = HashMap::new();
            for a in &plan.allocations {
                *lines.entry(a.payment).or_default() += 1;
            }
            assert!(
                lines.values().any(|n| *n > 1),
                "{day}: no payment of two invoices"
            );
            for invoice in &plan.invoices {
                assert!(invoice.due_date >= invoice.invoice_date);
                assert!(invoice.invoice_date < clock.today);
                assert!(invoice.created_at <= clock.now);
                assert!(invoice.amount > 0 && invoice.amount % 100 == 0);
            }
            let numbers: HashSet<&str> = plan.invoices.iter().map(|i| i.number.as_str()).collect();
            assert_eq!(numbers.len(), plan.invoices.len());
            assert!(plan.payments.windows(2).all(|w| w[0].date <= w[1].date));
        }
    }

    #[test]
    fn money_is_written_with_two_decimals() {
        assert_eq!(money(150_000_000), "1500000.00");
        assert_eq!(money(105), "1.05");
        assert_eq!(round_down(1_234_567_890), 1_230_000_000);
    }
}
