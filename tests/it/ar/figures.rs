//! DSO-2 and DSO-6 figures against fixtures computed by hand (the arithmetic is in the
//! comments): partial payments, FIFO across three invoices, a payment and an invoice dated
//! after `as_of`, a void invoice, every aging bucket boundary, unapplied cash, and DSO
//! simple and countback, with zero revenue giving `null`.

use domain::Role;
use integration_tests::{body, TestApp};
use serde_json::Value;

use super::{customer, row, text};

/// The book of one customer used by the first tests:
///
/// | invoice | date       | due        | amount       |
/// |---------|------------|------------|--------------|
/// | A       | 2026-04-01 | 2026-04-30 | 1,000,000.00 |
/// | B       | 2026-05-01 | 2026-05-31 | 2,000,000.00 |
/// | C       | 2026-06-01 | 2026-07-01 | 3,000,000.00 |
/// | V       | 2026-06-10 | 2026-07-10 |   700,000.00 (voided) |
/// | D       | 2026-07-05 | 2026-08-04 |   500,000.00 (after the 30 June report day) |
///
/// P1 2026-06-15, 2,500,000.00 FIFO (oldest due first): A 1,000,000.00 (paid in full),
/// B 1,500,000.00 (partly). P2 2026-07-02, 800,000.00 FIFO: B 500,000.00 (now paid),
/// C 300,000.00 (D, due later, gets nothing).
/// A payment's allocations as (invoice id, amount).
fn allocations(payment: &Value) -> Vec<(String, String)> {
    payment["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (text(x, "invoice_id"), text(x, "amount")))
        .collect()
}

struct Book {
    customer: uuid::Uuid,
    ids: [uuid::Uuid; 5],
}

async fn book(app: &TestApp, finance: &integration_tests::TestUser) -> Book {
    let c = customer(app, "PT Buku Contoh", None).await;
    let a = app
        .invoice_for(finance, c, "2026-04-01", "2026-04-30", "1000000")
        .await;
    let b = app
        .invoice_for(finance, c, "2026-05-01", "2026-05-31", "2000000.00")
        .await;
    let c3 = app
        .invoice_for(finance, c, "2026-06-01", "2026-07-01", "3000000")
        .await;
    let v = app
        .invoice_for(finance, c, "2026-06-10", "2026-07-10", "700000")
        .await;
    let d = app
        .invoice_for(finance, c, "2026-07-05", "2026-08-04", "500000")
        .await;
    let voided = app.void_invoice(finance, v, "Diterbitkan dua kali").await;
    assert_eq!(voided.status(), 200);
    let p1 = app.pay_fifo(finance, c, "2026-06-15", "2500000").await;
    let made = allocations(&p1);
    assert_eq!(
        made,
        [
            (a.to_string(), "1000000.00".to_owned()),
            (b.to_string(), "1500000.00".to_owned())
        ],
        "FIFO takes the oldest due date first"
    );
    assert_eq!(text(&p1, "unapplied"), "0.00");
    let p2 = app.pay_fifo(finance, c, "2026-07-02", "800000").await;
    let made = allocations(&p2);
    assert_eq!(
        made,
        [
            (b.to_string(), "500000.00".to_owned()),
            (c3.to_string(), "300000.00".to_owned())
        ]
    );
    Book {
        customer: c,
        ids: [a, b, c3, v, d],
    }
}

async fn get(app: &TestApp, user: &integration_tests::TestUser, report: &str, q: &str) -> Value {
    let response = app.ar(user, report, q).await;
    assert_eq!(response.status(), 200, "{report}{q}");
    body(response).await
}

#[tokio::test]
async fn outstanding_aging_and_dso_of_a_past_day_follow_the_definitions() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let Book {
        customer: c,
        ids: [a, b, c3, v, d],
    } = book(&app, &finance).await;

    // As of 2026-06-30: A paid (P1); B paid 1,500,000 of 2,000,000 → 500,000 open,
    // 30 days overdue (06-30 − 05-31), overdue, paid after the day 500,000 (P2);
    // C nothing paid by then → 3,000,000 open, −1 day (due 07-01), unpaid, paid after
    // 300,000; V void and D issued later do not count. Σ = 3,500,000.00.
    let out = get(&app, &finance, "outstanding", "?as_of=2026-06-30").await;
    assert_eq!(out["total"], 2);
    assert_eq!(text(&out, "total_outstanding"), "3500000.00");
    for absent in [a, v, d] {
        assert!(!out.to_string().contains(&absent.to_string()));
    }
    let rb = row(&out["data"], "invoice_id", b);
    assert_eq!(
        (
            text(rb, "paid"),
            text(rb, "outstanding"),
            text(rb, "paid_after")
        ),
        ("1500000.00".into(), "500000.00".into(), "500000.00".into())
    );
    assert_eq!(
        (rb["days_overdue"].as_i64(), text(rb, "status")),
        (Some(30), "overdue".into())
    );
    let rc = row(&out["data"], "invoice_id", c3);
    assert_eq!(
        (
            text(rc, "paid"),
            text(rc, "outstanding"),
            text(rc, "paid_after")
        ),
        ("0.00".into(), "3000000.00".into(), "300000.00".into())
    );
    assert_eq!(
        (rc["days_overdue"].as_i64(), text(rc, "status")),
        (Some(-1), "unpaid".into())
    );

    // Aging of the same day: current = C 3,000,000; 1–30 = B 500,000; total 3,500,000;
    // paid after 800,000.
    let aging = get(&app, &finance, "aging", "?as_of=2026-06-30").await;
    let line = row(&aging["data"], "customer_id", c);
    let buckets = [
        "current",
        "d1_30",
        "d31_60",
        "d61_90",
        "d90_plus",
        "total",
        "paid_after",
        "unapplied",
    ];
    let got: Vec<String> = buckets.iter().map(|f| text(line, f)).collect();
    assert_eq!(
        got,
        [
            "3000000.00",
            "500000.00",
            "0.00",
            "0.00",
            "0.00",
            "3500000.00",
            "800000.00",
            "0.00"
        ]
    );
    assert_eq!(text(&aging["totals"], "total"), "3500000.00");

    // DSO, 30 days: revenue = invoices dated 06-01 … 06-30 = C 3,000,000 (V is void);
    // DSO = 3,500,000 ÷ 3,000,000 × 30 = 35.00.
    let dso = get(&app, &finance, "dso", "?as_of=2026-06-30&days=30").await;
    assert_eq!(
        (
            text(&dso, "ar_balance"),
            text(&dso, "revenue"),
            text(&dso, "dso")
        ),
        ("3500000.00".into(), "3000000.00".into(), "35.00".into())
    );
    // Countback: 06-30 back to 06-01 (30 days) uses C's 3,000,000, 500,000 left; 05-31 …
    // 05-02 have no revenue (30 days); 05-01's 2,000,000 covers 500,000 = 0.25 of a day.
    // DSO = 30 + 30 + 0.25 = 60.25.
    let countback = get(&app, &finance, "dso", "?as_of=2026-06-30&method=countback").await;
    assert_eq!(text(&countback, "dso"), "60.25");
    assert_eq!(text(&countback, "ar_balance"), "3500000.00");

    // As of 2026-07-03 (after P2, before D): B paid in full; C 3,000,000 − 300,000 =
    // 2,700,000, 2 days overdue. Revenue 06-04 … 07-03 = 0 (C is dated 06-01, V void,
    // D 07-05) → DSO null; countback walks back to C: 2,700,000 ÷ 3,000,000 = 0.90 of
    // 06-01, after 32 days without revenue (07-03 … 06-02) → 32.90.
    let out = get(&app, &finance, "outstanding", "?as_of=2026-07-03").await;
    assert_eq!(out["total"], 1);
    assert_eq!(text(&out, "total_outstanding"), "2700000.00");
    let rc = row(&out["data"], "invoice_id", c3);
    assert_eq!(
        (rc["days_overdue"].as_i64(), text(rc, "status")),
        (Some(2), "overdue".into())
    );
    let dso = get(&app, &finance, "dso", "?as_of=2026-07-03").await;
    assert_eq!(text(&dso, "revenue"), "0.00");
    assert!(
        dso["dso"].is_null(),
        "no revenue → null, got {}",
        dso["dso"]
    );
    let countback = get(&app, &finance, "dso", "?as_of=2026-07-03&method=countback").await;
    assert_eq!(text(&countback, "dso"), "32.90");

    // The series ends on as_of with the value reported, and a month earlier is there too:
    // as of 2026-06-03 nothing is paid yet (P1 is dated 06-15): AR = A 1,000,000 +
    // B 2,000,000 + C 3,000,000 = 6,000,000; revenue 05-05 … 06-03 = C 3,000,000 →
    // 6,000,000 ÷ 3,000,000 × 30 = 60.00.
    let dso = get(&app, &finance, "dso", "?as_of=2026-07-03").await;
    let series = dso["series"].as_array().unwrap();
    assert_eq!(series.len(), 183);
    assert_eq!(series.last().unwrap()["date"], "2026-07-03");
    assert_eq!(text(&dso, "dso_last_month"), "60.00");
}

#[tokio::test]
async fn every_aging_bucket_boundary_lands_in_its_bucket() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceManager).await;
    let c = customer(&app, "PT Batas Umur", None).await;
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    // Days overdue n → due = as_of − n, issued 10 days before; amount = a distinct
    // number of thousands so every bucket's sum names its invoices.
    let cases: [(i64, &str); 9] = [
        (-5, "1000"),
        (0, "2000"),
        (1, "4000"),
        (30, "8000"),
        (31, "16000"),
        (60, "32000"),
        (61, "64000"),
        (90, "128000"),
        (91, "256000"),
    ];
    for (n, amount) in cases {
        let due = as_of - chrono::Duration::days(n);
        let issued = due - chrono::Duration::days(10);
        app.invoice_for(&finance, c, &issued.to_string(), &due.to_string(), amount)
            .await;
    }
    // A partial payment on the day, allocated explicitly to the invoice due in 5 days:
    // 1,000 − 400 = 600 open, partially paid (not overdue).
    let out = get(
        &app,
        &finance,
        "outstanding",
        "?as_of=2026-06-30&sort=days_overdue",
    )
    .await;
    let first = &out["data"][0];
    assert_eq!(first["days_overdue"], -5);
    let pay = app
        .create_payment(
            &finance,
            serde_json::json!({"customer_id": c, "payment_date": "2026-06-30", "amount": "400",
                               "allocations": [{"invoice_id": first["invoice_id"], "amount": "400"}]}),
        )
        .await;
    assert_eq!(pay.status(), 201);

    let aging = get(&app, &finance, "aging", "?as_of=2026-06-30").await;
    let line = row(&aging["data"], "customer_id", c);
    // current: −5 (600 after the payment) + 0 (2,000) = 2,600
    // 1–30:    1 (4,000) + 30 (8,000) = 12,000
    // 31–60:   31 (16,000) + 60 (32,000) = 48,000
    // 61–90:   61 (64,000) + 90 (128,000) = 192,000
    // > 90:    91 (256,000)
    // total:   2,600 + 12,000 + 48,000 + 192,000 + 256,000 = 510,600
    let got: Vec<String> = ["current", "d1_30", "d31_60", "d61_90", "d90_plus", "total"]
        .iter()
        .map(|f| text(line, f))
        .collect();
    assert_eq!(
        got,
        [
            "2600.00",
            "12000.00",
            "48000.00",
            "192000.00",
            "256000.00",
            "510600.00"
        ]
    );
    let out = get(
        &app,
        &finance,
        "outstanding",
        "?as_of=2026-06-30&sort=days_overdue",
    )
    .await;
    let statuses: Vec<(i64, String)> = out["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["days_overdue"].as_i64().unwrap(), text(r, "status")))
        .collect();
    assert_eq!(statuses[0], (-5, "partially_paid".to_owned()));
    assert_eq!(
        statuses[1],
        (0, "unpaid".to_owned()),
        "due today is not overdue"
    );
    assert!(statuses[2..].iter().all(|(_, s)| s == "overdue"));
    assert_eq!(text(&out, "total_outstanding"), "510600.00");
}

#[tokio::test]
async fn unapplied_cash_is_a_negative_line_and_later_invoices_use_it_only_from_their_date() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let c = customer(&app, "PT Bayar Dulu", None).await;
    // A payment of 750,000 on 2026-03-10 with nothing open: all of it is credit.
    let paid = app.pay_fifo(&finance, c, "2026-03-10", "750000").await;
    assert_eq!(text(&paid, "unapplied"), "750000.00");
    assert_eq!(paid["allocations"].as_array().unwrap().len(), 0);
    let aging = get(&app, &finance, "aging", "?as_of=2026-03-31").await;
    let line = row(&aging["data"], "customer_id", c);
    assert_eq!(
        (
            text(line, "total"),
            text(line, "unapplied"),
            text(line, "net")
        ),
        ("0.00".into(), "-750000.00".into(), "-750000.00".into())
    );
    // An invoice of 1,000,000 dated 2026-04-01, recorded after the payment: the credit
    // is not applied by itself.
    let inv = app
        .invoice_for(&finance, c, "2026-04-01", "2026-04-30", "1000000")
        .await;
    // As of 2026-04-05: the invoice is open in full (1,000,000, current) and the credit
    // is still there (−750,000): net 250,000.
    let aging = get(&app, &finance, "aging", "?as_of=2026-04-05").await;
    let line = row(&aging["data"], "customer_id", c);
    assert_eq!(
        (
            text(line, "current"),
            text(line, "unapplied"),
            text(line, "net")
        ),
        ("1000000.00".into(), "-750000.00".into(), "250000.00".into())
    );
    let out = get(
        &app,
        &finance,
        "outstanding",
        &format!("?as_of=2026-04-05&customer_id={c}"),
    )
    .await;
    assert_eq!(
        text(row(&out["data"], "invoice_id", inv), "outstanding"),
        "1000000.00"
    );
    // Before the credit existed there is no line for the customer at all.
    let aging = get(&app, &finance, "aging", "?as_of=2026-03-09").await;
    assert!(!aging["data"].to_string().contains(&c.to_string()));
}
