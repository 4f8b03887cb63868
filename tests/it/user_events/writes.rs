//! Each action writes its event exactly once, in the transaction of the action.

use domain::Role;
use integration_tests::{body, TestApp, PASSWORD};
use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

use super::events;

#[tokio::test]
async fn a_sign_in_writes_one_login_event_with_its_client() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Salesperson).await;
    app.session(&user.email, PASSWORD).await;
    let logins = events(&app, "login").await;
    assert_eq!(logins.len(), 1);
    assert_eq!(logins[0].user_id, Some(user.id));
    assert_eq!(logins[0].ip.as_deref(), Some("127.0.0.1"));
    assert!(events(&app, "login_failed").await.is_empty());
}

#[tokio::test]
async fn failed_sign_ins_of_a_known_and_an_unknown_email_write_one_event_each() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Director).await;
    let wrong = "not-the-password-123";
    assert_eq!(app.login(&user.email, wrong).await.status(), 401);
    assert_eq!(app.login("Nobody@Example.test", wrong).await.status(), 401);
    let failed = events(&app, "login_failed").await;
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert_eq!(failed[0].user_id, Some(user.id));
    assert_eq!(failed[0].email.as_deref(), Some(user.email.as_str()));
    assert_eq!(failed[1].user_id, None);
    assert_eq!(failed[1].email.as_deref(), Some("Nobody@Example.test"));
    assert!(events(&app, "login").await.is_empty());
    // Never the password, anywhere in the log.
    let dump: String = sqlx::query_scalar("select string_agg(t::text, '|') from user_events t")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert!(!dump.contains(wrong));
    // A malformed attempt (422) is no sign-in attempt at all.
    assert_eq!(app.login("not an e-mail", wrong).await.status(), 422);
    assert_eq!(events(&app, "login_failed").await.len(), 2);
}

#[tokio::test]
async fn a_sign_out_writes_one_logout_event_even_when_repeated() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::CsAgent).await;
    let session = app.session(&user.email, PASSWORD).await;
    let token = session["refresh_token"].as_str().unwrap();
    for _ in 0..2 {
        let out = app
            .request(
                Method::POST,
                "/api/v1/auth/logout",
                None,
                Some(json!({"refresh_token": token})),
            )
            .await;
        assert_eq!(out.status(), 204);
    }
    let logouts = events(&app, "logout").await;
    assert_eq!(logouts.len(), 1);
    assert_eq!(logouts[0].user_id, Some(user.id));
}

#[tokio::test]
async fn an_export_writes_its_resource_and_filters_once() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceManager).await;
    let response = app
        .export(&finance, "invoices", "?status=overdue&from=2026-01-01")
        .await;
    assert_eq!(response.status(), 200);
    let exports = events(&app, "export").await;
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].user_id, Some(finance.id));
    assert_eq!(exports[0].resource.as_deref(), Some("exports/invoices"));
    assert_eq!(
        exports[0].details,
        json!({"filters": {"status": "overdue", "from": "2026-01-01"}})
    );
    // A refused export (403) records nothing.
    let sales = app.user(Role::CsAgent).await;
    assert_eq!(app.export(&sales, "invoices", "").await.status(), 403);
    assert_eq!(events(&app, "export").await.len(), 1);
}

#[tokio::test]
async fn an_import_upload_and_its_processing_write_one_event_each() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let csv = b"company_name,email\nPT Log Satu,satu@pt-log.test\n".to_vec();
    let staged = crate::imports::staged(&app, &admin, "customers", "customers.csv", csv).await;
    let id = staged["id"].as_str().unwrap().to_owned();
    let imports = events(&app, "import").await;
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].user_id, Some(admin.id));
    assert_eq!(imports[0].resource, Some(format!("imports/{id}")));
    assert_eq!(imports[0].details["action"], "upload");
    assert_eq!(imports[0].details["module"], "customers");
    assert_eq!(imports[0].details["total_rows"], 1);
    crate::imports::process(&app, &admin, &id).await;
    let imports = events(&app, "import").await;
    assert_eq!(imports.len(), 2);
    assert_eq!(imports[1].details["action"], "process");
    assert_eq!(imports[1].details["import_id"], id.as_str());
}

#[tokio::test]
async fn an_invoice_detail_view_writes_one_event_and_a_missing_one_none() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let customer = crate::ar::customer(&app, "PT Lihat Faktur", None).await;
    let invoice = app
        .invoice_for(&finance, customer, "2026-05-01", "2026-05-31", "1500000")
        .await;
    assert_eq!(app.invoice(&finance, invoice).await.status(), 200);
    assert_eq!(app.invoice(&finance, Uuid::new_v4()).await.status(), 404);
    let views = events(&app, "view_sensitive").await;
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].user_id, Some(finance.id));
    assert_eq!(views[0].resource, Some(format!("invoices/{invoice}")));
}

#[tokio::test]
async fn rfq_detail_views_are_recorded_and_other_tickets_are_not() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let created = app
        .create_lead(
            &staff,
            json!({"company_name": "PT Minta Harga", "contact_name": "Joko", "phone": "0812 7777 6666",
                   "channel": "website", "need_rfq": true,
                   "rfq": {"service": "EXIM", "origin": "Jakarta", "destination": "Singapore",
                           "commodity": "Garment", "weight_kg": 1200}}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let rfq = body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let exim = app.user(Role::OpsExim).await;
    let path = format!("/api/v1/ops/rfqs/{rfq}");
    assert_eq!(app.get(&path, &exim.token).await.status(), 200);
    let admin = app.user(Role::SuperAdmin).await;
    assert_eq!(app.ticket(&admin, &rfq).await.status(), 200);
    let general = app
        .post(
            "/api/v1/tickets",
            &admin.token,
            json!({"subject": "Bukan RFQ", "description": "Mohon dibantu", "ticket_type": "general_request"}),
        )
        .await;
    assert_eq!(general.status(), 201);
    let general = body(general).await["ticket_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(app.ticket(&admin, &general).await.status(), 200);

    let views = events(&app, "view_sensitive").await;
    let seen: Vec<_> = views
        .iter()
        .map(|v| (v.user_id, v.resource.clone()))
        .collect();
    let resource = Some(format!("rfq/{rfq}"));
    assert_eq!(
        seen,
        vec![
            (Some(exim.id), resource.clone()),
            (Some(admin.id), resource)
        ]
    );
}

#[tokio::test]
async fn api_key_use_is_recorded_once_per_key_per_minute() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let created = app
        .post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": "n8n tiket", "scopes": ["tickets:write"]}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let key = body(created).await["key"].as_str().unwrap().to_owned();
    let ping = || {
        app.client
            .get(app.url("/api/v1/integrations/ping"))
            .header("X-API-KEY", &key)
            .send()
    };
    let burst = futures_util::future::join_all((0..5).map(|_| ping())).await;
    assert!(burst.iter().all(|r| r.as_ref().unwrap().status() == 200));
    assert_eq!(ping().await.unwrap().status(), 200);
    let used = events(&app, "api_key_used").await;
    assert_eq!(used.len(), 1, "{used:?}");
    assert_eq!(used[0].api_key_name.as_deref(), Some("n8n tiket"));
    assert_eq!(used[0].user_id, None);

    // A minute later (the last use moved back), the next use is recorded again.
    sqlx::query("update api_keys set last_used_at = now() - interval '61 seconds'")
        .execute(&app.owner)
        .await
        .unwrap();
    assert_eq!(events(&app, "api_key_used").await.len(), 1);
    assert_eq!(ping().await.unwrap().status(), 200);
    assert_eq!(ping().await.unwrap().status(), 200);
    assert_eq!(events(&app, "api_key_used").await.len(), 2);
}
