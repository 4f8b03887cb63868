//! DSO-1 and DSO-6 as properties: the database refuses over-allocation and cross-customer
//! or void allocations by itself (tried directly as finance), concurrent payments cannot
//! over-allocate, and for a random book Σ `ar/outstanding` = the `ar/aging` total =
//! `ar/dso.ar_balance` = a model computed in the test, for every report day — through the
//! maintained daily totals (finance) and through the raw rows (a salesperson) alike.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::json;
use uuid::Uuid;

use super::{customer, text};

fn cents(text: &str) -> i128 {
    domain::money::text_cents(text).unwrap_or_else(|| panic!("not an amount: {text}"))
}

/// A database error's SQLSTATE when `sql` runs as `user`.
async fn sqlstate(app: &TestApp, user: &TestUser, sql: &str, binds: &[Uuid]) -> Option<String> {
    let mut tx = app.tx_as(user).await;
    let mut query = sqlx::query(sql);
    for id in binds {
        query = query.bind(*id);
    }
    match query.execute(&mut *tx).await {
        Ok(_) => None,
        Err(sqlx::Error::Database(db)) => db.code().map(|c| c.into_owned()),
        Err(err) => panic!("{sql}: {err}"),
    }
}

#[tokio::test]
async fn the_database_refuses_what_no_handler_may_allow() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let c1 = customer(&app, "PT Satu", None).await;
    let c2 = customer(&app, "PT Dua", None).await;
    let inv1 = app
        .invoice_for(&finance, c1, "2026-05-01", "2026-05-31", "1000")
        .await;
    let inv2 = app
        .invoice_for(&finance, c2, "2026-05-01", "2026-05-31", "1000")
        .await;
    let pay1: Uuid = text(
        &app.pay_fifo(&finance, c2, "2026-05-02", "5000").await,
        "id",
    )
    .parse()
    .unwrap();
    // pay1 (customer 2) took inv2 in full by FIFO and keeps 4,000 of credit.
    let insert = "insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by) \
                  values ($1, $2, $3, 10, app.uid())";
    // Another customer's invoice: refused even when the row claims that customer.
    assert_eq!(
        sqlstate(&app, &finance, insert, &[pay1, inv1, c1])
            .await
            .as_deref(),
        Some("23503")
    );
    assert_eq!(
        sqlstate(&app, &finance, insert, &[pay1, inv1, c2])
            .await
            .as_deref(),
        Some("23503")
    );
    // More than the invoice's outstanding (inv2 is paid in full).
    assert_eq!(
        sqlstate(&app, &finance, insert, &[pay1, inv2, c2])
            .await
            .as_deref(),
        Some("23514")
    );
    // A void invoice takes nothing.
    let inv3 = app
        .invoice_for(&finance, c2, "2026-05-03", "2026-06-02", "300")
        .await;
    assert_eq!(
        app.void_invoice(&finance, inv3, "Salah ketik")
            .await
            .status(),
        200
    );
    assert_eq!(
        sqlstate(&app, &finance, insert, &[pay1, inv3, c2])
            .await
            .as_deref(),
        Some("23514")
    );
    // More than the payment: 4,000 of credit left, an invoice of 9,000 takes at most 4,000.
    let inv4 = app
        .invoice_for(&finance, c2, "2026-05-04", "2026-06-03", "9000")
        .await;
    let too_much = "insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by) \
                    values ($1, $2, $3, 4000.01, app.uid())";
    assert_eq!(
        sqlstate(&app, &finance, too_much, &[pay1, inv4, c2])
            .await
            .as_deref(),
        Some("23514")
    );
    // No payment is dated after today, whoever writes it.
    let tomorrow = "insert into payments (customer_id, payment_date, amount, created_by) \
                    values ($1, ((now() at time zone 'Asia/Jakarta')::date + 1), 10, app.uid())";
    assert_eq!(
        sqlstate(&app, &finance, tomorrow, &[c2]).await.as_deref(),
        Some("23514")
    );
    // Allocations are never edited, and an invoice with allocations is not voided.
    assert_eq!(
        sqlstate(
            &app,
            &finance,
            "update payment_allocations set amount = 1 where invoice_id = $1",
            &[inv2]
        )
        .await
        .as_deref(),
        Some("42501")
    );
    let refused = app.void_invoice(&finance, inv2, "Coba batal").await;
    assert_eq!(refused.status(), 409);
    let refused = body(refused).await;
    assert!(
        refused["error"].as_str().unwrap().contains("allocat"),
        "{refused}"
    );
}

#[tokio::test]
async fn twenty_concurrent_payments_for_one_customer_never_over_allocate() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let c = customer(&app, "PT Serentak", None).await;
    let mut invoices = Vec::new();
    for day in 1..=5 {
        let date = format!("2026-05-0{day}");
        invoices.push(app.invoice_for(&finance, c, &date, &date, "1000000").await);
    }
    // 20 FIFO payments of 300,000 at once = 6,000,000 against 5,000,000 of invoices.
    let fifo = futures_util::future::join_all((0..20).map(|_| {
        app.create_payment(
            &finance,
            json!({"customer_id": c, "payment_date": "2026-06-01", "amount": "300000"}),
        )
    }))
    .await;
    assert!(
        fifo.iter().all(|r| r.status() == 201),
        "{:?}",
        fifo.iter().map(|r| r.status()).collect::<Vec<_>>()
    );
    // 20 explicit payments of 600,000 all aimed at one fresh invoice of 1,000,000: one fits.
    let target = app
        .invoice_for(&finance, c, "2026-05-10", "2026-05-10", "1000000")
        .await;
    let explicit = futures_util::future::join_all((0..20).map(|_| {
        app.create_payment(
            &finance,
            json!({"customer_id": c, "payment_date": "2026-06-02", "amount": "600000",
                   "allocations": [{"invoice_id": target, "amount": "600000"}]}),
        )
    }))
    .await;
    let statuses: Vec<u16> = explicit.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [201, 409, 422].contains(s)),
        "{statuses:?}"
    );

    let (over_inv, over_pay): (i64, i64) = sqlx::query_as(
        "select (select count(*) from invoices i where i.allocated > i.amount or i.allocated <> \
                  coalesce((select sum(a.amount) from payment_allocations a where a.invoice_id = i.id), 0)), \
                (select count(*) from payments p where p.allocated > p.amount or p.allocated <> \
                  coalesce((select sum(a.amount) from payment_allocations a where a.payment_id = p.id), 0))",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((over_inv, over_pay), (0, 0));
    // The five invoices are paid exactly (5 × 1,000,000); of 6,000,000 paid, 1,000,000 is credit.
    let (allocated, unapplied): (String, String) = sqlx::query_as(
        "select (select sum(allocated) from invoices where id = any($1))::text, \
                (select sum(amount - allocated) from payments where payment_date = '2026-06-01')::text",
    )
    .bind(&invoices)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        (allocated.as_str(), unapplied.as_str()),
        ("5000000.00", "1000000.00")
    );
}

/// A small deterministic generator (64-bit LCG) so a failure reproduces.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

struct ModelInvoice {
    customer: Uuid,
    date: NaiveDate,
    amount: i128,
    void: bool,
}

/// Σ outstanding on `day` by the definition (DSO-2), from the test's own record.
fn model_ar(
    invoices: &HashMap<Uuid, ModelInvoice>,
    paid: &[(Uuid, NaiveDate, i128)],
    day: NaiveDate,
    scope: &[Uuid],
) -> i128 {
    invoices
        .iter()
        .filter(|(_, i)| !i.void && i.date <= day && scope.contains(&i.customer))
        .map(|(id, i)| {
            i.amount
                - paid
                    .iter()
                    .filter(|(inv, d, _)| inv == id && *d <= day)
                    .map(|p| p.2)
                    .sum::<i128>()
        })
        .sum()
}

async fn reports_agree(app: &TestApp, user: &TestUser, day: NaiveDate, expected: i128) {
    let mut listed = 0i128;
    for page in 1.. {
        let out = body(
            app.ar(
                user,
                "outstanding",
                &format!("?as_of={day}&per_page=200&page={page}"),
            )
            .await,
        )
        .await;
        let rows = out["data"].as_array().unwrap();
        listed += rows
            .iter()
            .map(|r| cents(&text(r, "outstanding")))
            .sum::<i128>();
        assert_eq!(
            cents(&text(&out, "total_outstanding")),
            expected,
            "{} total_outstanding {day}",
            user.role
        );
        if rows.len() < 200 {
            break;
        }
    }
    let aging = body(app.ar(user, "aging", &format!("?as_of={day}")).await).await;
    let t = &aging["totals"];
    let buckets: i128 = ["current", "d1_30", "d31_60", "d61_90", "d90_plus"]
        .iter()
        .map(|f| cents(&text(t, f)))
        .sum();
    let dso = body(app.ar(user, "dso", &format!("?as_of={day}")).await).await;
    assert_eq!(
        [
            listed,
            cents(&text(t, "total")),
            buckets,
            cents(&text(&dso, "ar_balance"))
        ],
        [expected; 4],
        "{} on {day}: Σ outstanding rows, aging total, Σ buckets, DSO AR balance",
        user.role
    );
}

#[tokio::test]
async fn for_a_random_book_every_report_adds_up_to_the_model_on_every_day() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceManager).await;
    let sales = app.user(Role::Salesperson).await;
    let customers = [
        customer(&app, "PT Acak Satu", Some(sales.id)).await,
        customer(&app, "PT Acak Dua", None).await,
        customer(&app, "PT Acak Tiga", None).await,
    ];
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut rng = Lcg(0x00c0_ffee);
    let mut invoices: HashMap<Uuid, ModelInvoice> = HashMap::new();
    let mut paid: Vec<(Uuid, NaiveDate, i128)> = Vec::new();
    for _ in 0..60 {
        let c = customers[rng.next(3) as usize];
        let date = start + Duration::days(rng.next(180) as i64);
        let amount = 1 + rng.next(500_000_000) as i128;
        match rng.next(10) {
            0..=4 => {
                let due = date + Duration::days(rng.next(60) as i64);
                let id = app
                    .invoice_for(
                        &finance,
                        c,
                        &date.to_string(),
                        &due.to_string(),
                        &domain::money::cents_text(amount),
                    )
                    .await;
                invoices.insert(
                    id,
                    ModelInvoice {
                        customer: c,
                        date,
                        amount,
                        void: false,
                    },
                );
            }
            5..=8 => {
                let p = app
                    .pay_fifo(
                        &finance,
                        c,
                        &date.to_string(),
                        &domain::money::cents_text(amount),
                    )
                    .await;
                for a in p["allocations"].as_array().unwrap() {
                    paid.push((
                        text(a, "invoice_id").parse().unwrap(),
                        date,
                        cents(&text(a, "amount")),
                    ));
                }
            }
            _ => {
                let unpaid = invoices.iter().find(|(id, i)| {
                    !i.void && i.customer == c && !paid.iter().any(|p| p.0 == **id)
                });
                if let Some((id, _)) = unpaid {
                    let id = *id;
                    assert_eq!(app.void_invoice(&finance, id, "Acak").await.status(), 200);
                    invoices.get_mut(&id).unwrap().void = true;
                }
            }
        }
    }
    assert!(
        invoices.len() >= 20 && paid.len() >= 10,
        "the book exercises allocation"
    );
    // Every ninth day of the year's first half, and today (read from what is allocated).
    let days = (0..=200)
        .step_by(9)
        .map(|offset| start - Duration::days(1) + Duration::days(offset))
        .chain([domain::jakarta_today()]);
    for day in days {
        reports_agree(
            &app,
            &finance,
            day,
            model_ar(&invoices, &paid, day, &customers),
        )
        .await;
        reports_agree(
            &app,
            &sales,
            day,
            model_ar(&invoices, &paid, day, &customers[..1]),
        )
        .await;
    }

    // The maintained daily totals equal the raw rows, and a rebuild changes nothing.
    // (A day whose movements cancel out, such as an invoice voided the day it was issued,
    // is a zero row in the totals and no row in the raw sums.)
    let compare = "with book as (select * from app.ar_daily_book('2025-12-01', '2026-12-31') \
                                  where invoiced <> 0 or applied <> 0), \
                        raw as (select * from app.ar_daily_raw('2025-12-01', '2026-12-31', null, null)) \
                   select count(*) from ((select * from book except select * from raw) \
                                         union all (select * from raw except select * from book)) d";
    let differing: i64 = sqlx::query_scalar(compare)
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(differing, 0);
    let before: Vec<(NaiveDate, String, String)> = sqlx::query_as(
        "select day, invoiced::text, applied::text from app.ar_daily_book('2025-12-01', '2026-12-31') \
         where invoiced <> 0 or applied <> 0 order by day",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    sqlx::query("select app.ar_rebuild_daily_totals()")
        .execute(&app.owner)
        .await
        .unwrap();
    let after: Vec<(NaiveDate, String, String)> = sqlx::query_as(
        "select day, invoiced::text, applied::text from app.ar_daily_book('2025-12-01', '2026-12-31') \
         where invoiced <> 0 or applied <> 0 order by day",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert!(!before.is_empty());
    assert_eq!(before, after);
}
