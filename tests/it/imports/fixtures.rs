//! The committed fixture files, row by row.

use domain::Role;
use integration_tests::TestApp;
use serde_json::Value;

use super::{count, customer, fixture, outcomes, process, staged, upload};

/// Customers the fixtures name: A by code, B by exact name and NPWP, C by a name with
/// an accent (the bank CSV is Windows-1252).
async fn customers(app: &TestApp) {
    let npwp = domain::crm::Npwp::parse("01.234.567.8-901.000").expect("npwp");
    customer(app, Some("CUST-FIX-A"), "PT Sentosa Abadi", None).await;
    customer(app, None, "PT Maju Jaya", Some(npwp.as_str())).await;
    customer(app, None, "Café Nusantara", None).await;
}

type Outcome = (i64, String, Vec<String>, Option<String>);

fn row(rows: &[Outcome], n: i64) -> &Outcome {
    rows.iter()
        .find(|r| r.0 == n)
        .unwrap_or_else(|| panic!("no row {n} in {rows:?}"))
}

#[tokio::test]
async fn a_messy_invoice_workbook_imports_row_by_row_and_never_twice() {
    let app = TestApp::spawn().await;
    customers(&app).await;
    let finance = app.user(Role::FinanceStaff).await;
    let import = staged(
        &app,
        &finance,
        "invoices",
        "faktur.xlsx",
        fixture("invoices-messy.xlsx"),
    )
    .await;
    // The title, the print line and the blank row above the header are skipped; the
    // five formatted-but-empty rows under the data are not rows.
    assert_eq!(import["header_row"], 4, "{import}");
    assert_eq!(import["total_rows"], 11);
    assert_eq!(import["status"], "staged");
    assert_eq!(
        import["mapping"],
        serde_json::json!([
            "invoice_number",
            "customer_code",
            "customer_name",
            "invoice_date",
            "due_date",
            "amount",
            "customer_npwp"
        ])
    );
    assert_eq!(count(&app, "invoices").await, 0, "staging writes nothing");
    let id = import["id"].as_str().expect("id").to_owned();

    let done = process(&app, &finance, &id).await;
    assert_eq!(done["status"], "done", "{done}");
    // 11 staged − 6 rejected − 1 duplicate = 4 committed
    assert_eq!(
        (
            done["success_count"].as_i64(),
            done["error_count"].as_i64(),
            done["duplicate_count"].as_i64()
        ),
        (Some(4), Some(6), Some(1))
    );
    assert_eq!(done["created_count"], 4);
    assert_eq!(done["processed_rows"], 11);
    let rows = outcomes(&app, &finance, &id).await;
    for n in [5, 6, 7, 8] {
        assert_eq!(row(&rows, n).1, "ok", "row {n}: {rows:?}");
    }
    assert_eq!(row(&rows, 9).1, "duplicate");
    assert_eq!(row(&rows, 10).2, vec!["invoice_date"]);
    assert_eq!(row(&rows, 11).2, vec!["customer_code"]);
    assert_eq!(row(&rows, 12).2, vec!["amount"]);
    assert_eq!(row(&rows, 13).2, vec!["due_date"]);
    assert_eq!(row(&rows, 14).2, vec!["customer"], "ambiguous");
    assert_eq!(row(&rows, 15).2, vec!["amount"]);

    // The amounts and dates as the rows meant them.
    let stored: Vec<(String, String, String, String)> = sqlx::query_as(
        "select invoice_number, invoice_date::text, due_date::text, amount::text from invoices order by invoice_number",
    )
    .fetch_all(&app.owner)
    .await
    .expect("invoices");
    assert_eq!(
        stored,
        vec![
            (
                "INV-001".into(),
                "2026-12-01".into(),
                "2026-12-31".into(),
                "1500000.00".into()
            ),
            // a date cell, and Excel serial 46387 = 2026-12-31
            (
                "INV-002".into(),
                "2026-12-02".into(),
                "2026-12-31".into(),
                "2750000.50".into()
            ),
            // ISO, and 3-1-27 = 3 January 2027
            (
                "INV-003".into(),
                "2026-12-03".into(),
                "2027-01-03".into(),
                "1250000.00".into()
            ),
            (
                "INV-004".into(),
                "2026-12-15".into(),
                "2027-01-14".into(),
                "3000000.00".into()
            ),
        ]
    );

    // The same file again is the same import (200), and processing it again — also two
    // runs at once — writes nothing new.
    let again = upload(
        &app,
        &finance,
        "invoices",
        "faktur (1).xlsx",
        fixture("invoices-messy.xlsx"),
    )
    .await;
    assert_eq!(again.status(), 200);
    let again: Value = again.json().await.expect("json");
    assert_eq!(again["id"].as_str(), Some(id.as_str()));
    let path = format!("/api/v1/imports/{id}/process");
    let (a, b) = tokio::join!(
        app.post(&path, &finance.token, serde_json::json!({})),
        app.post(&path, &finance.token, serde_json::json!({}))
    );
    assert_eq!(
        (a.status(), b.status()),
        (reqwest::StatusCode::ACCEPTED, reqwest::StatusCode::ACCEPTED)
    );
    let rerun = super::wait(&app, &finance, &id).await;
    assert_eq!(rerun["status"], "done");
    assert_eq!(rerun["success_count"], 4);
    assert_eq!(count(&app, "invoices").await, 4, "no duplicates");
    // Every created invoice links back to its import and row (IMP-5).
    let linked: i64 = sqlx::query_scalar(
        "select count(*) from invoices i join import_rows r on r.target_id = i.id and r.import_id = $1::uuid",
    )
    .bind(&id)
    .fetch_one(&app.owner)
    .await
    .expect("links");
    assert_eq!(linked, 4);
    // One summary notification, not one per row.
    let notices: i64 = sqlx::query_scalar(
        "select count(*) from notifications where kind = 'import_finished' and user_id = $1",
    )
    .bind(finance.id)
    .fetch_one(&app.owner)
    .await
    .expect("notices");
    assert!((1..=3).contains(&notices), "one per run, got {notices}");
}

#[tokio::test]
async fn a_bank_csv_in_windows_1252_with_english_amounts_pays_and_allocates() {
    let app = TestApp::spawn().await;
    customers(&app).await;
    let finance = app.user(Role::FinanceStaff).await;
    let invoices = staged(
        &app,
        &finance,
        "invoices",
        "faktur.xlsx",
        fixture("invoices-messy.xlsx"),
    )
    .await;
    process(&app, &finance, invoices["id"].as_str().expect("id")).await;
    let cafe: uuid::Uuid =
        sqlx::query_scalar("select id from customers where company_name = 'Café Nusantara'")
            .fetch_one(&app.owner)
            .await
            .expect("cafe");
    sqlx::query("insert into invoices (customer_id, invoice_number, invoice_date, due_date, amount) values ($1, 'INV-101', '2026-11-01', '2026-11-30', 800000)")
        .bind(cafe)
        .execute(&app.owner)
        .await
        .expect("invoice");

    let import = staged(
        &app,
        &finance,
        "payments",
        "mutasi.csv",
        fixture("payments-bank.csv"),
    )
    .await;
    assert_eq!(import["header_row"], 3);
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &finance, &id).await;
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(3), Some(2)),
        "{done}"
    );
    let rows = outcomes(&app, &finance, &id).await;
    assert_eq!(row(&rows, 7).2, vec!["invoice_number"], "INV-NOPE");
    assert_eq!(row(&rows, 8).2, vec!["method"], "kartu kredit");
    let paid: Vec<(String, String, String)> = sqlx::query_as(
        "select p.reference, p.amount::text, coalesce(sum(a.amount), 0)::text from payments p
           left join payment_allocations a on a.payment_id = p.id group by p.id order by p.reference",
    )
    .fetch_all(&app.owner)
    .await
    .expect("payments");
    assert_eq!(
        paid,
        vec![
            // 1,000,000.00 paid, INV-101 had 800,000 open: 800,000 allocated
            ("TRF-0001".into(), "1000000.00".into(), "800000.00".into()),
            ("TRF-0002".into(), "1500000.00".into(), "1500000.00".into()),
            ("TRF-0003".into(), "250000.50".into(), "0".into()),
        ]
    );
}

#[tokio::test]
async fn a_signup_sheet_of_leads_goes_through_the_lead_bundle() {
    let app = TestApp::spawn().await;
    let marketing = app.user(Role::MarketingStaff).await;
    let import = staged(
        &app,
        &marketing,
        "leads",
        "signup.csv",
        fixture("leads-signup.csv"),
    )
    .await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &marketing, &id).await;
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(4), Some(2)),
        "{done}"
    );
    let rows = outcomes(&app, &marketing, &id).await;
    assert_eq!(row(&rows, 6).2, vec!["contact_name"]);
    assert_eq!(row(&rows, 7).2, vec!["phone"]);
    // Budi and Rina name the same company (PT Sinar Terang / PT Sinar Terang, Tbk): one
    // customer, two leads.
    assert_eq!(count(&app, "leads").await, 4);
    let customers: i64 = sqlx::query_scalar("select count(distinct customer_id) from leads")
        .fetch_one(&app.owner)
        .await
        .expect("customers");
    assert_eq!(customers, 3);
    let phones: Vec<Option<String>> =
        sqlx::query_scalar("select phone from leads order by contact_name")
            .fetch_all(&app.owner)
            .await
            .expect("phones");
    assert_eq!(
        phones,
        vec![
            Some("+6285733334444".into()),
            Some("+6281234567890".into()),
            Some("+62215550123".into()),
            Some("+6281311112222".into())
        ]
    );
    // No per-row notification (no assignment notices), one summary.
    let notices: Vec<String> = sqlx::query_scalar("select kind from notifications")
        .fetch_all(&app.owner)
        .await
        .expect("notices");
    assert_eq!(notices, vec!["import_finished".to_owned()]);
}

#[tokio::test]
async fn an_amount_that_reads_two_ways_is_a_row_error_never_a_guess() {
    let app = TestApp::spawn().await;
    let marketing = app.user(Role::MarketingStaff).await;
    let import = staged(
        &app,
        &marketing,
        "marketing_spend",
        "iklan.csv",
        fixture("spend-tabs.tsv.csv"),
    )
    .await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &marketing, &id).await;
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(1), Some(1)),
        "{done}"
    );
    let errors: Value = app
        .get(
            &format!("/api/v1/imports/{id}/rows?status=error"),
            &marketing.token,
        )
        .await
        .json()
        .await
        .expect("rows");
    let problem = &errors["data"][0]["errors"][0];
    assert_eq!(problem["field"], "amount");
    assert!(
        problem["message_en"]
            .as_str()
            .expect("en")
            .contains("1.500"),
        "{problem}"
    );
    assert!(
        problem["message_id"]
            .as_str()
            .expect("id")
            .contains("ambigu"),
        "{problem}"
    );
    let google: (String, i64) =
        sqlx::query_as("select amount::text, impressions from marketing_spend")
            .fetch_one(&app.owner)
            .await
            .expect("spend");
    assert_eq!(google, ("2500000.00".into(), 8000));
}
