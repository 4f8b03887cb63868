//! The day-to-day AR work: invoice and payment input errors all at once, retries that
//! never record a payment twice, the collection ticket (DSO-4) opened once per invoice,
//! and a customer's statement of account with its running balance.

use domain::Role;
use integration_tests::{body, TestApp};
use serde_json::json;

use super::{customer, text};

#[tokio::test]
async fn bad_invoices_and_payments_report_every_field_at_once() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let c = customer(&app, "PT Salah Isi", None).await;
    // Finance finds the customer it invoices for the first time (SPEC §3: finance sees
    // customer identity), though it has no CRM menu.
    let found = app.ar(&finance, "customers", "?q=salah%20isi").await;
    assert_eq!(found.status(), 200);
    let found = body(found).await;
    assert_eq!(found["data"][0]["id"], c.to_string());
    assert_eq!(found["data"][0]["open_amount"], "0.00");
    assert_eq!(
        app.ar(&finance, "customers", "?per_page=0").await.status(),
        422
    );
    let response = app
        .create_invoice(
            &finance,
            json!({"invoice_date": "2026-13-01", "due_date": "kemarin", "amount": "-5"}),
        )
        .await;
    assert_eq!(response.status(), 422);
    let details = body(response).await["details"].clone();
    for field in ["customer_id", "invoice_date", "due_date", "amount"] {
        assert!(details.get(field).is_some(), "{field} missing in {details}");
    }
    // Due before issued, and server-owned fields are refused.
    let response = app
        .create_invoice(
            &finance,
            json!({"customer_id": c, "invoice_date": "2026-05-10", "due_date": "2026-05-09", "amount": "10"}),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(body(response).await["details"].get("due_date").is_some());
    let response = app
        .create_invoice(
            &finance,
            json!({"customer_id": c, "invoice_date": "2026-05-10", "due_date": "2026-05-10",
                   "amount": "10", "status": "paid"}),
        )
        .await;
    assert_eq!(response.status(), 422, "status is never typed by users");
    // An external number is unique per customer.
    let numbered = json!({"customer_id": c, "invoice_number": "001/XI", "invoice_date": "2026-05-10",
                          "due_date": "2026-05-10", "amount": "10"});
    assert_eq!(
        app.create_invoice(&finance, numbered.clone())
            .await
            .status(),
        201
    );
    let again = app.create_invoice(&finance, numbered).await;
    assert_eq!(again.status(), 409);
    assert!(body(again).await["details"].get("invoice_number").is_some());
    // A payment in the future, of nothing, allocating more than it holds.
    let inv = app
        .invoice_for(&finance, c, "2026-05-01", "2026-05-31", "100")
        .await;
    let response = app
        .create_payment(
            &finance,
            json!({"customer_id": c, "payment_date": "2099-01-01", "amount": "0",
                   "method": "barter", "allocations": [{"invoice_id": inv}]}),
        )
        .await;
    assert_eq!(response.status(), 422);
    let details = body(response).await["details"].clone();
    for field in ["payment_date", "amount", "method", "allocations[0].amount"] {
        assert!(details.get(field).is_some(), "{field} missing in {details}");
    }
    let response = app
        .create_payment(
            &finance,
            json!({"customer_id": c, "payment_date": "2026-06-01", "amount": "150",
                   "allocations": [{"invoice_id": inv, "amount": "120"}]}),
        )
        .await;
    assert_eq!(response.status(), 422);
    let details = body(response).await["details"].to_string();
    assert!(
        details.contains("100.00"),
        "names the outstanding amount: {details}"
    );
    let unchanged: i64 = sqlx::query_scalar("select count(*) from payments")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(unchanged, 0, "nothing is written by a refused payment");
}

#[tokio::test]
async fn a_retried_payment_with_its_key_is_recorded_once() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let c = customer(&app, "PT Ulang", None).await;
    app.invoice_for(&finance, c, "2026-05-01", "2026-05-31", "1000")
        .await;
    let payment = json!({"customer_id": c, "payment_date": "2026-06-01", "amount": "400"});
    let send = |body: serde_json::Value| {
        app.client
            .post(app.url("/api/v1/payments"))
            .bearer_auth(&finance.token)
            .header("Idempotency-Key", "pay-2026-06-01-ulang")
            .json(&body)
            .send()
    };
    let first = send(payment.clone()).await.unwrap();
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    let replay = send(payment).await.unwrap();
    assert_eq!(replay.status(), 201);
    assert_eq!(body(replay).await["payment_code"], first["payment_code"]);
    let other = send(json!({"customer_id": c, "payment_date": "2026-06-01", "amount": "401"}))
        .await
        .unwrap();
    assert_eq!(other.status(), 422, "same key, different body");
    let (count, allocated): (i64, String) = sqlx::query_as(
        "select (select count(*) from payments), (select allocated::text from invoices)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((count, allocated.as_str()), (1, "400.00"));
}

#[tokio::test]
async fn the_collection_ticket_of_an_invoice_is_opened_once_for_finance() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let sales = app.user(Role::Salesperson).await;
    let c = customer(&app, "PT Telat Bayar", Some(sales.id)).await;
    let inv = app
        .invoice_for(&finance, c, "2026-05-01", "2026-05-31", "2500000")
        .await;
    let path = format!("/api/v1/invoices/{inv}/collection-ticket");
    let first = app.post(&path, &sales.token, json!({})).await;
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    assert_eq!(first["created"], true);
    let clicks =
        futures_util::future::join_all((0..5).map(|_| app.post(&path, &finance.token, json!({}))))
            .await;
    for again in clicks {
        assert_eq!(again.status(), 200);
        let again = body(again).await;
        assert_eq!(
            (again["ticket_id"].clone(), again["created"].clone()),
            (first["ticket_id"].clone(), json!(false))
        );
    }
    // Finance works it from its queue: a FIN general request naming the customer and invoice.
    let ticket = body(app.ticket(&finance, text(&first, "ticket_id")).await).await;
    assert_eq!(
        (
            ticket["ticket_type"].as_str(),
            ticket["dept_target"].as_str(),
            ticket["related_customer_id"].as_str()
        ),
        (
            Some("general_request"),
            Some("FIN"),
            Some(c.to_string().as_str())
        )
    );
    let invoice_code = text(
        &body(app.invoice(&finance, inv).await).await,
        "invoice_code",
    );
    assert!(text(&ticket, "description").contains(&invoice_code));
    assert!(
        text(&ticket, "description").contains("Rp 2.500.000"),
        "amounts as finance reads them: {}",
        ticket["description"]
    );
    let count: i64 =
        sqlx::query_scalar("select count(*) from tickets where related_invoice_id = $1")
            .bind(inv)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(count, 1);
    // TCK-6: the customer's CRM timeline shows it, without anyone typing it again.
    let logged: i64 = sqlx::query_scalar(
        "select count(*) from sales_activities where customer_id = $1 and activity_type = 'system' \
           and subject like '%' || $2 || '%'",
    )
    .bind(c)
    .bind(text(&first, "ticket_code"))
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(logged, 1);
    // Once closed, a new collection round opens a new ticket.
    sqlx::query("update tickets set status = 'closed' where related_invoice_id = $1")
        .bind(inv)
        .execute(&app.owner)
        .await
        .unwrap();
    let next = app.post(&path, &finance.token, json!({})).await;
    assert_eq!(next.status(), 201);
    // A void invoice is not chased.
    let void = app
        .invoice_for(&finance, c, "2026-05-02", "2026-05-31", "10")
        .await;
    app.void_invoice(&finance, void, "Batal").await;
    let refused = app
        .post(
            &format!("/api/v1/invoices/{void}/collection-ticket"),
            &finance.token,
            json!({}),
        )
        .await;
    assert_eq!(refused.status(), 409);
}

#[tokio::test]
async fn a_statement_runs_its_balance_from_the_opening_amount() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let c = customer(&app, "PT Rekening Koran", None).await;
    // Before the period: invoice 1,000 (03-01) and payment 400 (03-10) → opening 600.
    app.invoice_for(&finance, c, "2026-03-01", "2026-03-31", "1000")
        .await;
    app.pay_fifo(&finance, c, "2026-03-10", "400").await;
    // In April: invoice 2,000 (04-05) → 2,600; payment 1,100 (04-20) → 1,500;
    // a void invoice (04-25) is not a line.
    app.invoice_for(&finance, c, "2026-04-05", "2026-05-05", "2000")
        .await;
    app.pay_fifo(&finance, c, "2026-04-20", "1100").await;
    let void = app
        .invoice_for(&finance, c, "2026-04-25", "2026-05-25", "77")
        .await;
    app.void_invoice(&finance, void, "Batal").await;
    // After the period: a payment on 05-02 is not in it.
    app.pay_fifo(&finance, c, "2026-05-02", "50").await;
    let s = body(
        app.get(
            &format!("/api/v1/customers/{c}/statement?from=2026-04-01&to=2026-04-30"),
            &finance.token,
        )
        .await,
    )
    .await;
    assert_eq!(
        [
            text(&s, "opening_balance"),
            text(&s, "total_debit"),
            text(&s, "total_credit"),
            text(&s, "closing_balance")
        ],
        ["600.00", "2000.00", "1100.00", "1500.00"]
    );
    let lines: Vec<(String, String)> = s["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (text(l, "kind"), text(l, "balance")))
        .collect();
    assert_eq!(
        lines,
        [
            ("invoice".into(), "2600.00".into()),
            ("payment".into(), "1500.00".into())
        ]
    );
    assert_eq!(
        (
            text(&s["lines"][0], "credit"),
            text(&s["lines"][1], "debit")
        ),
        ("0.00".into(), "0.00".into()),
        "zero amounts keep two decimals"
    );
    let xlsx = app
        .get(
            &format!(
                "/api/v1/exports/customer-statement?customer_id={c}&from=2026-04-01&to=2026-04-30"
            ),
            &finance.token,
        )
        .await;
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "an xlsx workbook");
}

#[tokio::test]
async fn credit_is_allocated_later_and_a_wrong_allocation_is_reversed_before_a_void() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let director = app.user(Role::Director).await;
    let c = customer(&app, "PT Koreksi", None).await;
    // 750,000 paid on 03-10 with nothing open: credit.
    let paid = app.pay_fifo(&finance, c, "2026-03-10", "750000").await;
    let payment = text(&paid, "id");
    // Invoices of 500,000 (04-01, due 04-30) and 400,000 (04-02, due 05-02).
    let first = app
        .invoice_for(&finance, c, "2026-04-01", "2026-04-30", "500000")
        .await;
    let second = app
        .invoice_for(&finance, c, "2026-04-02", "2026-05-02", "400000")
        .await;
    let allocate = format!("/api/v1/payments/{payment}/allocations");
    assert_eq!(
        app.post(&allocate, &director.token, json!({}))
            .await
            .status(),
        403
    );
    // FIFO: 500,000 to the first, the remaining 250,000 to the second; a retry with the
    // same key (the response was lost) replays it and allocates nothing more.
    let send = || {
        app.client
            .post(app.url(&allocate))
            .bearer_auth(&finance.token)
            .header("Idempotency-Key", "alokasi-koreksi-1")
            .json(&json!({}))
            .send()
    };
    let done = send().await.unwrap();
    assert_eq!(done.status(), 200);
    let done = body(done).await;
    let replay = send().await.unwrap();
    assert_eq!(replay.status(), 200);
    assert_eq!(replay.headers()["Idempotent-Replayed"], "true");
    assert_eq!(body(replay).await, done);
    assert_eq!(
        (text(&done, "allocated"), text(&done, "unapplied")),
        ("750000.00".into(), "0.00".into())
    );
    let made: Vec<String> = done["allocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| text(a, "amount"))
        .collect();
    assert_eq!(made, ["500000.00", "250000.00"]);
    // Nothing left: a clear 422.
    let again = app.post(&allocate, &finance.token, json!({})).await;
    assert_eq!(again.status(), 422);
    // As of 04-15: the first is paid (from its own date, the credit being older), the
    // second has 400,000 − 250,000 = 150,000 open; no credit is left.
    let aging = body(app.ar(&finance, "aging", "?as_of=2026-04-15").await).await;
    let line = super::row(&aging["data"], "customer_id", c);
    assert_eq!(
        (text(line, "total"), text(line, "unapplied")),
        ("150000.00".into(), "0.00".into())
    );

    // The second invoice was issued by mistake: voiding it is refused while allocated…
    assert_eq!(
        app.void_invoice(&finance, second, "Salah terbit")
            .await
            .status(),
        409
    );
    // …so its allocation is reversed (only that one), then it is voided.
    let reverse = format!("/api/v1/payments/{payment}/reverse");
    let reversed = app
        .post(&reverse, &finance.token, json!({"invoice_id": second}))
        .await;
    assert_eq!(reversed.status(), 200);
    let reversed = body(reversed).await;
    assert_eq!(text(&reversed, "unapplied"), "250000.00");
    assert_eq!(reversed["allocations"].as_array().unwrap().len(), 1);
    assert_eq!(
        app.void_invoice(&finance, second, "Salah terbit")
            .await
            .status(),
        200
    );
    let nothing = app
        .post(&reverse, &finance.token, json!({"invoice_id": second}))
        .await;
    assert_eq!(nothing.status(), 422);
    // The credit is back as a negative line; the first invoice stays paid.
    let aging = body(app.ar(&finance, "aging", "?as_of=2026-04-15").await).await;
    let line = super::row(&aging["data"], "customer_id", c);
    assert_eq!(
        (text(line, "total"), text(line, "unapplied")),
        ("0.00".into(), "-250000.00".into())
    );
    assert_eq!(
        text(&body(app.invoice(&finance, first).await).await, "status"),
        "paid"
    );
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_logs where table_name = 'payment_allocations' and action = 'DELETE'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(audited, 1, "the reversal is in the audit log");
}
