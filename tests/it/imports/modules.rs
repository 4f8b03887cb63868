//! The other modules, the mapping editor (remembered per header), templates, the error
//! download and revert.

use domain::Role;
use integration_tests::TestApp;
use serde_json::{json, Value};

use super::{count, customer, outcomes, process, staged};

#[tokio::test]
async fn customers_are_created_updated_by_code_and_an_ambiguous_row_is_refused() {
    let app = TestApp::spawn().await;
    customer(&app, Some("CUST-OLD-1"), "PT Lama Sekali", None).await;
    customer(&app, None, "PT Dua Nama", None).await;
    sqlx::query("update customers set email = 'dua@x.id' where company_name = 'PT Dua Nama'")
        .execute(&app.owner)
        .await
        .expect("email");
    let admin = app.user(Role::SuperAdmin).await;
    let csv = "Kode Pelanggan;Nama Perusahaan;NPWP;Email;No HP;Kota\n\
               CUST-OLD-1;PT Lama Sekali;;;;Surabaya\n\
               ;PT Baru Jaya;01.234.567.8-901.000;;0812 1111 0000;Jakarta\n\
               ;PT Lama Sekali;;dua@x.id;;Bandung\n\
               ;PT Baru Jaya;;;;Medan\n";
    let import = staged(
        &app,
        &admin,
        "customers",
        "pelanggan.csv",
        csv.as_bytes().to_vec(),
    )
    .await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &admin, &id).await;
    let rows = outcomes(&app, &admin, &id).await;
    // row 2 updates CUST-OLD-1's city; row 3 creates PT Baru Jaya; row 4's name is one
    // customer and its e-mail another → ambiguous; row 5 repeats row 3's company.
    assert_eq!(rows[0].3.as_deref(), Some("updated"), "{rows:?}");
    assert_eq!(rows[1].3.as_deref(), Some("created"));
    assert_eq!(rows[2].2, vec!["customer"]);
    assert_eq!(rows[3].2, vec!["customer"]);
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(2), Some(2))
    );
    let city: String =
        sqlx::query_scalar("select city from customers where customer_code = 'CUST-OLD-1'")
            .fetch_one(&app.owner)
            .await
            .expect("city");
    assert_eq!(city, "Surabaya");
    assert_eq!(count(&app, "customers").await, 3);
}

#[tokio::test]
async fn kpi_entries_import_only_manual_metrics_and_replace_their_own_earlier_value() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let manual: String = sqlx::query_scalar(
        "select metric_key from kpi_metric_definitions where source <> 'AUTO' order by 1 limit 1",
    )
    .fetch_one(&app.owner)
    .await
    .expect("manual metric");
    let auto: String = sqlx::query_scalar(
        "select metric_key from kpi_metric_definitions where source = 'AUTO' order by 1 limit 1",
    )
    .fetch_one(&app.owner)
    .await
    .expect("auto metric");
    let csv = format!(
        "Metrik,Untuk,Tanggal,Nilai\n{manual},{email},01/12/2026,12\n{auto},{email},01/12/2026,5\n{manual},company,01/12/2026,\"1.250,5\"\n{manual},nobody@x.id,01/12/2026,1\n",
        email = admin.email
    );
    let import = staged(&app, &admin, "kpi_entries", "kpi.csv", csv.into_bytes()).await;
    let done = process(&app, &admin, import["id"].as_str().expect("id")).await;
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(2), Some(2)),
        "{done}"
    );
    let values: Vec<(String, String)> = sqlx::query_as(
        "select assignee_kind, value::text from kpi_entries where source = 'imported' order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .expect("entries");
    assert_eq!(
        values,
        vec![
            ("company".into(), "1250.50".into()),
            ("user".into(), "12.00".into())
        ]
    );
    // A corrected file replaces the imported value instead of adding a second one.
    let fix = format!(
        "Metrik,Untuk,Tanggal,Nilai\n{manual},{},01/12/2026,15\n",
        admin.email
    );
    let import = staged(&app, &admin, "kpi_entries", "kpi-fix.csv", fix.into_bytes()).await;
    let done = process(&app, &admin, import["id"].as_str().expect("id")).await;
    assert_eq!(done["updated_count"], 1, "{done}");
    let user_value: String =
        sqlx::query_scalar("select value::text from kpi_entries where assignee_kind = 'user'")
            .fetch_one(&app.owner)
            .await
            .expect("one entry");
    assert_eq!(user_value, "15.00");
}

#[tokio::test]
async fn a_fixed_mapping_is_used_and_remembered_and_products_revert_in_one_action() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::MarketingManager).await;
    // "Keterangan Singkat" is no known header; the user maps it to `name`.
    let csv =
        "Kode,Keterangan Singkat,Layanan\nEXIM-FCL,Ekspor FCL,EXIM\nDOM-LCL,Domestik LCL,DOM\n";
    let import = staged(
        &app,
        &manager,
        "products",
        "produk.csv",
        csv.as_bytes().to_vec(),
    )
    .await;
    let id = import["id"].as_str().expect("id").to_owned();
    assert_eq!(import["mapping"], json!(["code", null, "service"]));
    let wrong = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/imports/{id}/mapping"),
            Some(&manager.token),
            Some(json!({"mapping": ["code", "code", "nope"]})),
        )
        .await;
    assert_eq!(wrong.status(), 422);
    let fixed = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/imports/{id}/mapping"),
            Some(&manager.token),
            Some(json!({"mapping": ["code", "name", "service"]})),
        )
        .await;
    assert_eq!(fixed.status(), 200);
    let done = process(&app, &manager, &id).await;
    assert_eq!(done["created_count"], 2, "{done}");
    // The same export from the other system maps itself next time.
    let next = staged(
        &app,
        &manager,
        "products",
        "produk-2.csv",
        format!("{csv}WH-1,Gudang,WH\n").into_bytes(),
    )
    .await;
    assert_eq!(next["mapping"], json!(["code", "name", "service"]));
    let done = process(&app, &manager, next["id"].as_str().expect("id")).await;
    assert_eq!(
        (
            done["created_count"].as_i64(),
            done["success_count"].as_i64()
        ),
        (Some(1), Some(3)),
        "two matched, one new"
    );

    let reverted = app
        .post(
            &format!("/api/v1/imports/{id}/revert"),
            &manager.token,
            json!({}),
        )
        .await;
    assert_eq!(reverted.status(), 200);
    let reverted: Value = reverted.json().await.expect("json");
    assert_eq!(reverted["removed"], 2);
    assert_eq!(reverted["import"]["status"], "reverted");
    assert_eq!(
        count(&app, "products").await,
        1,
        "WH-1 stays: another import created it"
    );
    let again = app
        .post(
            &format!("/api/v1/imports/{id}/revert"),
            &manager.token,
            json!({}),
        )
        .await;
    assert_eq!(again.status(), 409);
    let process_reverted = app
        .post(
            &format!("/api/v1/imports/{id}/process"),
            &manager.token,
            json!({}),
        )
        .await;
    assert_eq!(process_reverted.status(), 409);
}

#[tokio::test]
async fn templates_and_the_error_download_are_real_workbooks() {
    use calamine::{Reader, Xlsx};
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let template = app
        .get("/api/v1/imports/templates/payments", &finance.token)
        .await;
    assert_eq!(template.status(), 200);
    let bytes = template.bytes().await.expect("bytes").to_vec();
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).expect("xlsx");
    assert_eq!(book.sheet_names(), vec!["Data", "Petunjuk", "Pilihan"]);
    let data = book.worksheet_range("Data").expect("data");
    let header: Vec<String> = data
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "No referensi");
    assert!(header.contains(&"Metode".to_owned()));
    // The template uploads cleanly: its example row is a valid row of the module.
    let sales = app.user(Role::Salesperson).await;
    assert_eq!(
        app.get("/api/v1/imports/templates/payments", &sales.token)
            .await
            .status(),
        403
    );
    assert_eq!(
        app.get("/api/v1/imports/templates/nope", &finance.token)
            .await
            .status(),
        422
    );
    let zip = String::from_utf8_lossy(&bytes).to_string();
    assert!(bytes.len() > 1000 && !zip.is_empty());

    // Error rows download: row number, the original cells, the errors.
    let csv = "No Faktur;Kode Pelanggan;Tgl Faktur;Jatuh Tempo;Jumlah\nX-1;CUST-NOPE;01/12/2026;31/12/2026;1.000.000\n";
    let import = staged(&app, &finance, "invoices", "x.csv", csv.as_bytes().to_vec()).await;
    let id = import["id"].as_str().expect("id").to_owned();
    process(&app, &finance, &id).await;
    let export = app
        .get(
            &format!("/api/v1/exports/import-rows?import_id={id}"),
            &finance.token,
        )
        .await;
    assert_eq!(export.status(), 200);
    let bytes = export.bytes().await.expect("bytes").to_vec();
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("xlsx");
    let sheet = book.worksheet_range_at(0).expect("sheet").expect("range");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(
        rows[0],
        vec![
            "Baris",
            "No Faktur",
            "Kode Pelanggan",
            "Tgl Faktur",
            "Jatuh Tempo",
            "Jumlah",
            "Kesalahan / Errors"
        ]
    );
    assert_eq!(rows[1][0], "2");
    assert_eq!(rows[1][2], "CUST-NOPE");
    assert!(rows[1][6].contains("customer_code"), "{:?}", rows[1]);
}

#[tokio::test]
async fn an_error_row_fixed_in_place_is_written_by_the_next_run_and_settled_rows_stay_put() {
    let app = TestApp::spawn().await;
    customer(&app, Some("CUST-FIX-A"), "PT Sentosa Abadi", None).await;
    let finance = app.user(Role::FinanceStaff).await;
    let csv = "No Faktur;Kode Pelanggan;Tgl Faktur;Jatuh Tempo;Jumlah\n\
               F-1;CUST-FIX-A;01/12/2026;31/12/2026;1.500.000\n\
               F-2;CUST-FIX-A;31/02/2026;31/12/2026;2.000.000\n";
    let import = staged(&app, &finance, "invoices", "f.csv", csv.as_bytes().to_vec()).await;
    let id = import["id"].as_str().expect("id").to_owned();
    let done = process(&app, &finance, &id).await;
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(1), Some(1))
    );
    let put = |row: u32, cells: Value| {
        let path = format!("/api/v1/imports/{id}/rows/{row}");
        let (app, token) = (&app, finance.token.clone());
        async move {
            app.request(
                reqwest::Method::PUT,
                &path,
                Some(&token),
                Some(json!({"cells": cells})),
            )
            .await
        }
    };
    // An ok row is settled: not editable.
    assert_eq!(
        put(
            2,
            json!(["F-1", "CUST-FIX-A", "01/12/2026", "31/12/2026", "9"])
        )
        .await
        .status(),
        404
    );
    // More cells than columns.
    assert_eq!(
        put(3, json!(["a", "b", "c", "d", "e", "f"])).await.status(),
        422
    );
    let fixed = put(
        3,
        json!(["F-2", "CUST-FIX-A", "28/02/2026", "31/12/2026", "2.000.000"]),
    )
    .await;
    assert_eq!(fixed.status(), 200);
    let fixed: Value = fixed.json().await.expect("row");
    assert_eq!(fixed["status"], "pending");
    let done = process(&app, &finance, &id).await;
    assert_eq!(
        (done["success_count"].as_i64(), done["error_count"].as_i64()),
        (Some(2), Some(0)),
        "{done}"
    );
    let amounts: Vec<String> =
        sqlx::query_scalar("select invoice_date::text from invoices order by invoice_number")
            .fetch_all(&app.owner)
            .await
            .expect("invoices");
    assert_eq!(
        amounts,
        vec!["2026-12-01".to_owned(), "2026-02-28".to_owned()]
    );
    // Another user of the department may not correct rows of an import they cannot see.
    let colleague = app.user(Role::FinanceStaff).await;
    let theirs = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/imports/{id}/rows/3"),
            Some(&colleague.token),
            Some(json!({"cells": []})),
        )
        .await;
    assert_eq!(theirs.status(), 404);
}

#[tokio::test]
async fn imported_leads_are_placed_as_the_lead_bundle_places_them_one_by_one() {
    let app = TestApp::spawn().await;
    let npwp = domain::crm::Npwp::parse("01.234.567.8-901.000").expect("npwp");
    let existing = customer(&app, None, "PT Lama Jaya", Some(npwp.as_str())).await;
    sqlx::query("update customers set email = 'lama@jaya.id' where id = $1")
        .bind(existing)
        .execute(&app.owner)
        .await
        .expect("email");
    let marketing = app.user(Role::MarketingStaff).await;
    // 2: the existing customer by NPWP. 3: a new customer. 4: joins 3's customer by its
    // phone. 5: the existing customer by e-mail (checked before the phone 3 brought).
    let csv = "Nama;Nama Perusahaan;NPWP;No HP;Email;Sumber\n\
               Ani;PT Apa Saja;01.234.567.8-901.000;;;instagram\n\
               Budi;PT Baru;;0812-1111-2222;;instagram\n\
               Cici;PT Lain;;+62 812 1111 2222;;tiktok\n\
               Dodi;;;0812 1111 2222;lama@jaya.id;website\n";
    let import = staged(&app, &marketing, "leads", "l.csv", csv.as_bytes().to_vec()).await;
    let done = process(&app, &marketing, import["id"].as_str().expect("id")).await;
    assert_eq!(done["success_count"], 4, "{done}");
    let placed: Vec<(String, uuid::Uuid, Option<String>)> = sqlx::query_as(
        "select contact_name, customer_id, matched_on from leads order by contact_name",
    )
    .fetch_all(&app.owner)
    .await
    .expect("leads");
    assert_eq!(placed[0], ("Ani".into(), existing, Some("npwp".into())));
    assert_eq!(placed[1].2, None, "Budi's customer is new");
    assert_ne!(placed[1].1, existing);
    assert_eq!(
        (placed[2].1, placed[2].2.as_deref()),
        (placed[1].1, Some("phone"))
    );
    assert_eq!(
        (placed[3].1, placed[3].2.as_deref()),
        (existing, Some("email"))
    );
    assert_eq!(count(&app, "customers").await, 2);
    // One prospect per customer for the importer (none owned: marketing hands over later).
    let prospects: i64 = sqlx::query_scalar("select count(distinct prospect_id) from leads")
        .fetch_one(&app.owner)
        .await
        .expect("prospects");
    assert_eq!(prospects, 2);
}
