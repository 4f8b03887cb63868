//! Who may import what, and who sees which import (IMP-3, seeds: "sales hanya lihat …").

use domain::Role;
use integration_tests::TestApp;
use serde_json::Value;

use super::{count, fixture, staged, upload};

#[tokio::test]
async fn a_salesperson_cannot_import_invoices_and_nobody_sees_another_departments_imports() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let response = upload(
        &app,
        &sales,
        "invoices",
        "faktur.xlsx",
        fixture("invoices-messy.xlsx"),
    )
    .await;
    assert_eq!(response.status(), 403);
    assert_eq!(count(&app, "imports").await, 0);
    // Marketing staff may not import products; cs agents not leads.
    let staff = app.user(Role::MarketingStaff).await;
    assert_eq!(
        upload(
            &app,
            &staff,
            "products",
            "p.csv",
            b"Kode,Nama\nA1,B\n".to_vec()
        )
        .await
        .status(),
        403
    );
    let agent = app.user(Role::CsAgent).await;
    assert_eq!(
        upload(&app, &agent, "leads", "l.csv", fixture("leads-signup.csv"))
            .await
            .status(),
        403
    );

    // A finance staff's import: their manager sees it, marketing and another finance
    // staff do not — neither the import nor its rows nor its errors.
    let finance = app.user(Role::FinanceStaff).await;
    let import = staged(
        &app,
        &finance,
        "invoices",
        "faktur.xlsx",
        fixture("invoices-messy.xlsx"),
    )
    .await;
    let id = import["id"].as_str().expect("id").to_owned();
    let manager = app.user(Role::FinanceManager).await;
    assert_eq!(
        app.get(&format!("/api/v1/imports/{id}"), &manager.token)
            .await
            .status(),
        200
    );
    let marketing_manager = app.user(Role::MarketingManager).await;
    let colleague = app.user(Role::FinanceStaff).await;
    for outsider in [&marketing_manager, &colleague, &sales] {
        assert_eq!(
            app.get(&format!("/api/v1/imports/{id}"), &outsider.token)
                .await
                .status(),
            404
        );
        assert_eq!(
            app.get(&format!("/api/v1/imports/{id}/rows"), &outsider.token)
                .await
                .status(),
            404
        );
        let list: Value = app
            .get("/api/v1/imports", &outsider.token)
            .await
            .json()
            .await
            .expect("list");
        assert_eq!(list["total"], 0, "{list}");
        let export = app
            .get(
                &format!("/api/v1/exports/import-rows?import_id={id}"),
                &outsider.token,
            )
            .await;
        assert_eq!(export.status(), 404);
        assert_eq!(
            app.post(
                &format!("/api/v1/imports/{id}/revert"),
                &outsider.token,
                serde_json::json!({})
            )
            .await
            .status(),
            404
        );
    }
    // Behind the API, row-level security hides the rows themselves.
    let mut tx = app.tx_as(&marketing_manager).await;
    let visible: i64 = sqlx::query_scalar("select count(*) from import_rows")
        .fetch_one(&mut *tx)
        .await
        .expect("rows");
    assert_eq!(visible, 0);
    let mut tx = app.tx_as(&manager).await;
    let visible: i64 = sqlx::query_scalar("select count(*) from import_rows")
        .fetch_one(&mut *tx)
        .await
        .expect("rows");
    assert_eq!(visible, 11);
}
