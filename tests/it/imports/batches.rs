//! Imports of more than one batch run two batches at once (invoices, leads): a row that
//! shares a natural key with a row of an earlier batch still sees that row, as it would
//! one batch after the other.

use domain::Role;
use integration_tests::TestApp;

use super::{count, customer, outcomes, process, staged};

/// Rows per batch (`persistence::imports::BATCH_ROWS`).
const BATCH: usize = 5_000;

#[tokio::test]
async fn an_invoice_number_repeated_in_a_later_batch_meets_the_earlier_row() {
    let app = TestApp::spawn().await;
    customer(&app, Some("CUST-BAT-A"), "PT Batch Satu", None).await;
    let finance = app.user(Role::FinanceStaff).await;
    // 2 batches and a bit: rows 2..=10_004. Row 3 (batch 1) and row 5_004 (batch 2)
    // name invoice INV-SAME with other amounts.
    let mut csv =
        String::from("No. Faktur;Kode Pelanggan;Tgl Faktur;Jatuh Tempo;Jumlah;Keterangan\n");
    for i in 0..(2 * BATCH + 3) {
        let row = i + 2;
        let (number, amount, note) = match row {
            3 => ("INV-SAME".to_owned(), "1.000.000", "first".to_owned()),
            5_004 => ("INV-SAME".to_owned(), "2.000.000", "second".to_owned()),
            _ => (format!("INV-{i}"), "1.500.000", format!("r{row}")),
        };
        csv.push_str(&format!(
            "{number};CUST-BAT-A;2026-11-01;2026-12-01;{amount};{note}\n"
        ));
    }
    let import = staged(&app, &finance, "invoices", "faktur.csv", csv.into_bytes()).await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &finance, &id).await;
    // 10_003 staged − 1 refused (row 5_004) = 10_002 invoices
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(
        (
            done["success_count"].as_i64(),
            done["error_count"].as_i64(),
            done["created_count"].as_i64()
        ),
        (Some(10_002), Some(1), Some(10_002))
    );
    assert_eq!(count(&app, "invoices").await, 10_002);
    let errors: serde_json::Value = app
        .get(
            &format!("/api/v1/imports/{id}/rows?status=error"),
            &finance.token,
        )
        .await
        .json()
        .await
        .expect("rows");
    assert_eq!(errors["data"][0]["row_number"], 5_004, "{errors}");
    let message = errors["data"][0]["errors"][0]["message_en"]
        .as_str()
        .expect("message");
    assert!(message.contains("already exists"), "{message}");
    let first: String =
        sqlx::query_scalar("select amount::text from invoices where invoice_number = 'INV-SAME'")
            .fetch_one(&app.owner)
            .await
            .expect("INV-SAME");
    assert_eq!(first, "1000000.00", "the earlier row wins");
}

#[tokio::test]
async fn a_lead_in_a_later_batch_joins_the_customer_an_earlier_batch_created() {
    let app = TestApp::spawn().await;
    let marketing = app.user(Role::MarketingStaff).await;
    // Rows 2..=10_003: 10_002 leads of their own companies, except row 5_003 (batch 2),
    // which gives row 2's phone (batch 1) under another company name.
    let mut csv = String::from("Nama;Nama Perusahaan;No HP;Email;Sumber\n");
    for i in 0..(2 * BATCH + 2) {
        let row = i + 2;
        let phone = if row == 5_003 { 0 } else { i };
        csv.push_str(&format!(
            "Kontak {i};PT Usaha {i};0813{phone:08};k{i}@usaha.id;instagram\n"
        ));
    }
    let import = staged(&app, &marketing, "leads", "leads.csv", csv.into_bytes()).await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &marketing, &id).await;
    assert_eq!(done["success_count"], 10_002, "{done}");
    // 10_002 leads, 10_001 customers: row 5_003 joined row 2's customer by the phone
    assert_eq!(count(&app, "leads").await, 10_002);
    assert_eq!(count(&app, "customers").await, 10_001);
    let joined: (uuid::Uuid, uuid::Uuid, Option<String>) = sqlx::query_as(
        "select a.customer_id, b.customer_id, b.matched_on from leads a, leads b
          where a.contact_name = 'Kontak 0' and b.contact_name = 'Kontak 5001'",
    )
    .fetch_one(&app.owner)
    .await
    .expect("leads");
    assert_eq!((joined.0, joined.2.as_deref()), (joined.1, Some("phone")));
    let rows = outcomes(&app, &marketing, &id).await;
    assert!(rows.iter().all(|r| r.1 == "ok"));
}
