//! CRM (SPEC §4.2): the lead bundle's dedup and concurrency, RFQ masking, handover,
//! stage changes and forecast, soft delete and the xlsx export, BOLA by id.

mod analytics;
mod handover;
mod rls;

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

async fn create_lead(app: &TestApp, user: &TestUser, lead: Value) -> Value {
    let response = app.create_lead(user, lead.clone()).await;
    let status = response.status();
    let created = body(response).await;
    assert_eq!(status, 201, "lead {lead} → {created}");
    created
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.owner).await.unwrap()
}

#[tokio::test]
async fn dedup_matrix_maps_real_world_formats_to_one_customer() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;

    let first = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT. Maju Jaya Logistik, Tbk", "contact_name": "Budi",
               "npwp": "01.234.567.8-901.000", "email": "Budi@MajuJaya.co.id",
               "phone": "0812-3456-7890", "channel": "website"}),
    )
    .await;
    assert_eq!(first["dedup"]["matched_on"], Value::Null);
    let customer = first["customer_id"].clone();

    // Each entry identifies the same company by one identifier in another format.
    let variants = [
        (json!({"npwp": "012345678901000"}), "npwp"),
        (json!({"npwp": "0012345678901000"}), "npwp"),
        (json!({"email": "  budi@majujaya.CO.ID "}), "email"),
        (json!({"phone": "+62 812 3456 7890"}), "phone"),
        (json!({"phone": "6281234567890"}), "phone"),
        (json!({"phone": "+62-812-3456-7890"}), "phone"),
        (
            json!({"company_name": "Maju Jaya Logistik"}),
            "company_name",
        ),
        (
            json!({"company_name": "maju  jaya logistik (PT)"}),
            "company_name",
        ),
        (
            json!({"company_name": "CV Maju-Jaya Logistik"}),
            "company_name",
        ),
        // NPWP wins over a different company name.
        (
            json!({"company_name": "Another Name", "npwp": "01.234.567.8-901.000"}),
            "npwp",
        ),
    ];
    for (identifiers, matched_on) in variants {
        let mut lead = json!({"contact_name": "Sari", "channel": "IG Ads"});
        for (k, v) in identifiers.as_object().unwrap() {
            lead[k] = v.clone();
        }
        let created = create_lead(&app, &staff, lead.clone()).await;
        assert_eq!(created["customer_id"], customer, "{lead}");
        assert_eq!(created["dedup"]["matched_on"], matched_on, "{lead}");
        assert_eq!(created["customer_name"], "PT. Maju Jaya Logistik, Tbk");
    }
    assert_eq!(count(&app, "select count(*) from customers").await, 1);
    assert_eq!(count(&app, "select count(*) from prospects").await, 1);
    assert_eq!(count(&app, "select count(*) from leads").await, 11);
    // The alias resolved the channel.
    assert_eq!(
        count(
            &app,
            "select count(*) from leads where channel = 'instagram_ads'"
        )
        .await,
        10
    );

    // A different company is a different customer.
    let other = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Sinar Terang", "contact_name": "Ani", "channel": "referral"}),
    )
    .await;
    assert_ne!(other["customer_id"], customer);
    assert_eq!(count(&app, "select count(*) from customers").await, 2);
}

#[tokio::test]
async fn lead_bundle_rejects_bad_input_with_field_errors() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    for (lead, field) in [
        (
            json!({"contact_name": "Budi", "channel": "web"}),
            "company_name",
        ),
        (
            json!({"company_name": "PT A", "channel": "web"}),
            "contact_name",
        ),
        (
            json!({"company_name": "PT A", "contact_name": "B"}),
            "channel",
        ),
        (
            json!({"company_name": "PT A", "contact_name": "B", "channel": "web", "npwp": "123"}),
            "npwp",
        ),
        (
            json!({"company_name": "PT A", "contact_name": "B", "channel": "web", "phone": "12"}),
            "phone",
        ),
        (
            json!({"company_name": "PT A", "contact_name": "B", "channel": "web", "email": "x@"}),
            "email",
        ),
        (
            json!({"company_name": "PT A", "contact_name": "B", "channel": "web", "need_rfq": true}),
            "rfq",
        ),
        (
            json!({"company_name": "PT A", "contact_name": "B", "channel": "web", "need_rfq": true,
                "rfq": {"service": "SEA", "origin": "JKT", "destination": "SG", "commodity": "x"}}),
            "rfq.service",
        ),
    ] {
        let response = app.create_lead(&staff, lead.clone()).await;
        assert_eq!(response.status(), 422, "{lead}");
        let error = body(response).await;
        assert!(error["details"][field].is_array(), "{lead} → {error}");
    }
    // Server-owned fields are rejected, never stored.
    let response = app
        .post(
            "/api/v1/leads",
            &staff.token,
            json!({"company_name": "PT A", "contact_name": "B", "channel": "web",
                   "lead_code": "LEAD-1999-000001"}),
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(count(&app, "select count(*) from leads").await, 0);
    // Roles that don't enter leads.
    for role in [
        Role::Director,
        Role::OpsExim,
        Role::CsAgent,
        Role::SalesSupport,
    ] {
        let user = app.user(role).await;
        let response = app
            .post(
                "/api/v1/leads",
                &user.token,
                json!({"company_name": "PT A", "contact_name": "B", "channel": "web"}),
            )
            .await;
        assert_eq!(response.status(), 403, "{role}");
    }
}

#[tokio::test]
async fn fifty_concurrent_identical_bundles_create_one_customer_and_one_prospect() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let lead = json!({"company_name": "PT Serentak Abadi", "contact_name": "Dewi",
                      "npwp": "09.876.543.2-109.000", "phone": "0813 1111 2222",
                      "channel": "whatsapp"});
    let requests = (0..50).map(|_| {
        let request = app
            .client
            .post(app.url("/api/v1/leads"))
            .bearer_auth(&sales.token)
            .json(&lead);
        async move { request.send().await.unwrap() }
    });
    let responses = futures_util::future::join_all(requests).await;
    let mut customers = std::collections::HashSet::new();
    let mut prospects = std::collections::HashSet::new();
    for response in responses {
        assert_eq!(response.status(), 201);
        let created = body(response).await;
        customers.insert(created["customer_id"].as_str().unwrap().to_owned());
        prospects.insert(created["prospect_id"].as_str().unwrap().to_owned());
    }
    assert_eq!(customers.len(), 1);
    assert_eq!(prospects.len(), 1);
    assert_eq!(count(&app, "select count(*) from customers").await, 1);
    assert_eq!(count(&app, "select count(*) from prospects").await, 1);
    assert_eq!(count(&app, "select count(*) from leads").await, 50);
    assert_eq!(
        count(
            &app,
            "select count(*) from leads where customer_id is null or prospect_id is null"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn rfq_creates_a_masked_ticket_that_only_the_target_department_sees() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let created = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Rahasia Dagang", "contact_name": "Joko",
               "phone": "0812 9999 8888", "channel": "website", "need_rfq": true,
               "rfq": {"service": "EXIM", "origin": "Jakarta", "destination": "Singapore",
                       "commodity": "Garment", "weight_kg": 1200}}),
    )
    .await;
    let ticket_id = created["ticket_id"].as_str().unwrap().to_owned();
    let (masking, dept, lead, customer, prospect, ticket_type): (
        bool,
        String,
        Uuid,
        Uuid,
        Uuid,
        String,
    ) = sqlx::query_as(
        "select need_customer_masking, dept_target, related_lead_id, related_customer_id, \
                    related_prospect_id, ticket_type from tickets where id = $1::uuid",
    )
    .bind(&ticket_id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(masking);
    assert_eq!(dept, "EXIM");
    assert_eq!(ticket_type, "inquiry_tariff");
    assert_eq!(lead.to_string(), created["lead_id"].as_str().unwrap());
    assert_eq!(
        customer.to_string(),
        created["customer_id"].as_str().unwrap()
    );
    assert_eq!(
        prospect.to_string(),
        created["prospect_id"].as_str().unwrap()
    );
    // The lead links the ticket and a system activity records the RFQ.
    let lead_body = body(app.lead(&staff, &lead).await).await;
    assert_eq!(lead_body["ticket_id"], ticket_id.as_str());
    assert_eq!(
        count(&app, "select count(*) from sales_activities where activity_type = 'system' and subject like 'RFQ %'").await,
        1
    );

    let exim = app.user(Role::OpsExim).await;
    let list = body(app.get("/api/v1/ops/rfqs", &exim.token).await).await;
    assert_eq!(list["total"], 1);
    let rfq = &list["data"][0];
    assert_eq!(rfq["company_name"], "MASKED");
    assert_eq!(rfq["contact_name"], "MASKED");
    assert_ne!(rfq["customer_phone"], "+6281299998888");
    assert_eq!(rfq["rfq"]["commodity"], "Garment");
    let one = app
        .get(&format!("/api/v1/ops/rfqs/{ticket_id}"), &exim.token)
        .await;
    assert_eq!(one.status(), 200);
    assert!(!body(one).await.to_string().contains("Rahasia"));

    let domestic = app.user(Role::OpsDomestic).await;
    let list = body(app.get("/api/v1/ops/rfqs", &domestic.token).await).await;
    assert_eq!(list["total"], 0);
    let one = app
        .get(&format!("/api/v1/ops/rfqs/{ticket_id}"), &domestic.token)
        .await;
    assert_eq!(one.status(), 404);
    // Ops have no CRM.
    assert_eq!(app.leads(&exim, "").await.status(), 403);
    // Sales and marketing see the real identity on the same ticket.
    let mut tx = app.tx_as(&staff).await;
    let name: String = sqlx::query_scalar("select company_name from tickets where id = $1::uuid")
        .bind(&ticket_id)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(name, "PT Rahasia Dagang");
}

#[tokio::test]
async fn manager_hands_a_lead_over_and_only_the_assignee_sees_it() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let manager = app.user(Role::MarketingManager).await;
    let sales_manager = app.user(Role::SalesManager).await;
    let a = app
        .user_managed_by(Role::Salesperson, Some(sales_manager.id))
        .await;
    let b = app.user(Role::Salesperson).await;
    let created = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Handover", "contact_name": "Rina", "channel": "website"}),
    )
    .await;
    let lead = created["lead_id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/leads/{lead}");
    assert_eq!(app.get(&path, &a.token).await.status(), 404);
    // The sales manager's handover queue shows it.
    let queue = body(app.leads(&sales_manager, "?unassigned=true").await).await;
    assert_eq!(queue["total"], 1);

    // Only managers assign.
    let assign = format!("{path}/assign");
    let denied = app
        .post(&assign, &staff.token, json!({"sales_owner_user_id": a.id}))
        .await;
    assert_eq!(denied.status(), 403);
    let denied = app
        .post(&assign, &a.token, json!({"sales_owner_user_id": a.id}))
        .await;
    assert_eq!(denied.status(), 403);
    // Not a salesperson.
    let bad = app
        .post(
            &assign,
            &manager.token,
            json!({"sales_owner_user_id": staff.id}),
        )
        .await;
    assert_eq!(bad.status(), 422);
    // A sales manager assigns within the team only.
    let outside = app
        .post(
            &assign,
            &sales_manager.token,
            json!({"sales_owner_user_id": b.id}),
        )
        .await;
    assert_eq!(outside.status(), 422);

    let assigned = app
        .post(
            &assign,
            &manager.token,
            json!({"sales_owner_user_id": a.id}),
        )
        .await;
    assert_eq!(assigned.status(), 200);
    let assigned = body(assigned).await;
    assert_eq!(assigned["sales_owner_user_id"], a.id.to_string());
    // One lead, one prospect: the bundle's prospect changed owner, its id kept.
    assert_eq!(assigned["prospect_id"], created["prospect_id"]);

    let seen = app.get(&path, &a.token).await;
    assert_eq!(seen.status(), 200);
    assert_eq!(app.get(&path, &b.token).await.status(), 404);
    let prospect = body(seen).await["prospect_id"].as_str().unwrap().to_owned();
    let prospect_body = body(app.prospect(&a, &prospect).await).await;
    assert_eq!(prospect_body["owner_user_id"], a.id.to_string());
    // No second prospect; the assignee is notified; it is audited.
    assert_eq!(
        count(
            &app,
            "select count(*) from prospects where deleted_at is null"
        )
        .await,
        1
    );
    let notified: i64 = sqlx::query_scalar(
        "select count(*) from notifications where user_id = $1 and kind = 'lead_assigned'",
    )
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(notified, 1);
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_logs where table_name = 'leads' and action = 'UPDATE' \
           and changed_by = $1 and after_data ->> 'sales_owner_user_id' = $2::text",
    )
    .bind(manager.id)
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(audited, 1);
}

/// Creates a lead owned by `sales` and returns (lead, prospect, activity, task) ids.
async fn owned_records(app: &TestApp, sales: &TestUser, company: &str) -> [String; 4] {
    let created = create_lead(
        app,
        sales,
        json!({"company_name": company, "contact_name": "Owner", "channel": "website"}),
    )
    .await;
    let activity = app
        .post(
            "/api/v1/activities",
            &sales.token,
            json!({"type": "call", "subject": "Intro call", "lead_id": created["lead_id"],
                   "next_action": "Send proposal", "next_action_at": "2030-01-02T03:00:00Z"}),
        )
        .await;
    assert_eq!(activity.status(), 201);
    let activity = body(activity).await;
    [
        created["lead_id"].as_str().unwrap().to_owned(),
        created["prospect_id"].as_str().unwrap().to_owned(),
        activity["id"].as_str().unwrap().to_owned(),
        activity["task_id"].as_str().unwrap().to_owned(),
    ]
}

#[tokio::test]
async fn a_salesperson_gets_404_on_another_salespersons_records() {
    let app = TestApp::spawn().await;
    let a = app.user(Role::Salesperson).await;
    let b = app.user(Role::Salesperson).await;
    let [lead, prospect, activity, task] = owned_records(&app, &a, "PT Milik A").await;
    let targets = [
        (
            format!("/api/v1/leads/{lead}"),
            json!({"notes": "mine now"}),
        ),
        (
            format!("/api/v1/prospects/{prospect}"),
            json!({"notes": "mine now"}),
        ),
        (
            format!("/api/v1/activities/{activity}"),
            json!({"notes": "mine now"}),
        ),
        (
            format!("/api/v1/tasks/{task}"),
            json!({"title": "mine now"}),
        ),
    ];
    for (path, patch) in &targets {
        assert_eq!(app.get(path, &b.token).await.status(), 404, "GET {path}");
        let response = app
            .request(Method::PATCH, path, Some(&b.token), Some(patch.clone()))
            .await;
        assert_eq!(response.status(), 404, "PATCH {path}");
        let response = app
            .request(Method::DELETE, path, Some(&b.token), None)
            .await;
        assert_eq!(response.status(), 404, "DELETE {path}");
        // The owner still has it, unchanged.
        let own = app.get(path, &a.token).await;
        assert_eq!(own.status(), 200, "owner GET {path}");
        assert!(!body(own).await.to_string().contains("mine now"));
    }
    let stage = app
        .move_prospect(&b, &prospect, json!({"stage": "won"}))
        .await;
    assert_eq!(stage.status(), 404);
    // Lists don't leak either.
    for list in [
        "/api/v1/leads",
        "/api/v1/prospects",
        "/api/v1/activities",
        "/api/v1/tasks",
        "/api/v1/customers",
    ] {
        assert_eq!(
            body(app.get(list, &b.token).await).await["total"],
            0,
            "{list}"
        );
        assert!(
            body(app.get(list, &a.token).await).await["total"]
                .as_i64()
                .unwrap()
                >= 1,
            "{list}"
        );
    }
}

async fn set_stage(
    app: &TestApp,
    user: &TestUser,
    prospect: &str,
    body_json: Value,
) -> reqwest::Response {
    app.move_prospect(user, &prospect, body_json).await
}

#[tokio::test]
async fn stage_changes_write_history_and_lost_needs_a_reason() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let [_, prospect, ..] = owned_records(&app, &sales, "PT Tahapan").await;

    for stage in ["contacted", "qualification"] {
        let response = set_stage(&app, &sales, &prospect, json!({"stage": stage})).await;
        assert_eq!(response.status(), 200);
    }
    let lost = set_stage(&app, &sales, &prospect, json!({"stage": "lost"})).await;
    assert_eq!(lost.status(), 422);
    assert!(body(lost).await["details"]["lost_reason"].is_array());
    let unknown = set_stage(&app, &sales, &prospect, json!({"stage": "closed"})).await;
    assert_eq!(unknown.status(), 422);
    let lost = set_stage(
        &app,
        &sales,
        &prospect,
        json!({"stage": "lost", "lost_reason": "Harga terlalu tinggi"}),
    )
    .await;
    assert_eq!(lost.status(), 200);
    let detail = body(lost).await;
    assert_eq!(detail["stage"], "lost");
    assert_eq!(detail["lost_reason"], "Harga terlalu tinggi");
    let history: Vec<(Option<String>, String)> = detail["stage_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["from_stage"].as_str().map(str::to_owned),
                h["to_stage"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        history,
        vec![
            (None, "new".to_owned()),
            (Some("new".to_owned()), "contacted".to_owned()),
            (Some("contacted".to_owned()), "qualification".to_owned()),
            (Some("qualification".to_owned()), "lost".to_owned()),
        ]
    );
    // Each change also logged a system activity.
    assert_eq!(
        count(
            &app,
            "select count(*) from sales_activities where activity_type = 'system'"
        )
        .await,
        3
    );
    // The director reads but does not move prospects.
    let director = app.user(Role::Director).await;
    let response = set_stage(&app, &director, &prospect, json!({"stage": "won"})).await;
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn forecast_and_pipeline_equal_hand_computed_figures() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    // (company, stage, expected value, close date)
    let fixtures = [
        ("PT Satu", "proposal", "100000000.00", "2031-01-15"), // 60 % → 60,000,000
        ("PT Dua", "negotiation", "50000000.00", "2031-01-20"), // 80 % → 40,000,000
        ("PT Tiga", "qualification", "25000000.50", "2031-02-01"), // 40 % → 10,000,000.20
        ("PT Empat", "won", "10000000.00", "2031-02-28"),      // 100 % → 10,000,000
        ("PT Lima", "lost", "99000000.00", "2031-02-10"),      // excluded
    ];
    for (company, stage, value, close) in fixtures {
        let [_, prospect, ..] = owned_records(&app, &sales, company).await;
        let response = app
            .update_prospect(
                &sales,
                &prospect,
                json!({"expected_value": value, "expected_close_date": close}),
            )
            .await;
        assert_eq!(response.status(), 200);
        let mut change = json!({"stage": stage});
        if stage == "lost" {
            change["lost_reason"] = json!("Pilih kompetitor");
        }
        assert_eq!(
            set_stage(&app, &sales, &prospect, change).await.status(),
            200
        );
    }
    let forecast = body(
        app.get(
            "/api/v1/forecast?from=2031-01-01&to=2031-03-31",
            &sales.token,
        )
        .await,
    )
    .await;
    let months: Vec<(String, i64, String, String)> = forecast["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["month"].as_str().unwrap().to_owned(),
                m["count"].as_i64().unwrap(),
                m["expected_value"].as_str().unwrap().to_owned(),
                m["weighted_value"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![
            (
                "2031-01".to_owned(),
                2,
                "150000000.00".to_owned(),
                "100000000.00".to_owned()
            ),
            (
                "2031-02".to_owned(),
                2,
                "35000000.50".to_owned(),
                "20000000.20".to_owned()
            ),
            ("2031-03".to_owned(), 0, "0".to_owned(), "0.00".to_owned()),
        ]
    );
    assert_eq!(forecast["total_weighted_value"], "120000000.20");

    let pipeline = body(app.get("/api/v1/pipeline", &sales.token).await).await;
    let columns = pipeline["columns"].as_array().unwrap();
    let stages: Vec<&str> = columns
        .iter()
        .map(|c| c["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        [
            "new",
            "contacted",
            "qualification",
            "proposal",
            "negotiation",
            "won",
            "lost"
        ]
    );
    let proposal = &columns[3];
    assert_eq!(proposal["count"], 1);
    assert_eq!(proposal["total_value"], "100000000.00");
    assert_eq!(proposal["weighted_value"], "60000000.00");
    assert_eq!(proposal["prospects"][0]["customer_name"], "PT Satu");
    assert_eq!(columns[6]["count"], 1);
}

#[tokio::test]
async fn soft_deleted_leads_leave_lists_and_exports_and_come_back_on_restore() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let manager = app.user(Role::MarketingManager).await;
    let mut ids = Vec::new();
    for (company, channel) in [
        ("PT Ekspor Satu", "website"),
        ("PT Ekspor Dua", "website"),
        ("PT Ekspor Tiga", "referral"),
        ("PT Lain", "website"),
    ] {
        let created = create_lead(
            &app,
            &staff,
            json!({"company_name": company, "contact_name": "Kontak", "channel": channel}),
        )
        .await;
        ids.push(created["lead_id"].as_str().unwrap().to_owned());
    }
    let delete = app
        .request(
            Method::DELETE,
            &format!("/api/v1/leads/{}", ids[1]),
            Some(&staff.token),
            None,
        )
        .await;
    assert_eq!(delete.status(), 204);

    let filter = "q=ekspor&channel=website";
    let list = body(
        app.get(&format!("/api/v1/leads?{filter}"), &manager.token)
            .await,
    )
    .await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["data"][0]["company_name"], "PT Ekspor Satu");

    let export_codes = |token: String| {
        let app = &app;
        async move {
            let response = app
                .get(&format!("/api/v1/exports/leads?{filter}"), &token)
                .await;
            assert_eq!(response.status(), 200);
            assert_eq!(
                response.headers()["content-type"],
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            );
            let bytes = response.bytes().await.unwrap();
            let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
            let sheet = book.worksheet_range("Leads").unwrap();
            let rows: Vec<Vec<String>> = sheet
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            assert_eq!(rows[0][0], "Lead code");
            rows.into_iter()
                .skip(1)
                .map(|r| r[4].clone())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        export_codes(manager.token.clone()).await,
        vec!["PT Ekspor Satu"]
    );

    // Staff cannot restore; a manager can, and the lead is back in lists and exports.
    let restore = format!("/api/v1/leads/{}/restore", ids[1]);
    assert_eq!(
        app.post(&restore, &staff.token, json!({})).await.status(),
        403
    );
    let deleted = body(app.leads(&manager, "?deleted=true").await).await;
    assert_eq!(deleted["total"], 1);
    assert_eq!(
        app.post(&restore, &manager.token, json!({})).await.status(),
        200
    );
    let list = body(
        app.get(&format!("/api/v1/leads?{filter}"), &manager.token)
            .await,
    )
    .await;
    assert_eq!(list["total"], 2);
    let mut exported = export_codes(manager.token.clone()).await;
    exported.sort();
    assert_eq!(exported, vec!["PT Ekspor Dua", "PT Ekspor Satu"]);
}

#[tokio::test]
async fn a_visit_needs_photo_and_gps_and_records_its_distance() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let created = create_lead(
        &app,
        &sales,
        json!({"company_name": "PT Lokasi", "contact_name": "Tono", "channel": "walk-in"}),
    )
    .await;
    let customer = created["customer_id"].as_str().unwrap().to_owned();
    let located = app
        .update_customer(
            &sales,
            &customer,
            json!({"latitude": -6.1754, "longitude": 106.8272, "city": "Jakarta Pusat"}),
        )
        .await;
    assert_eq!(located.status(), 200);

    let missing = app
        .post(
            "/api/v1/activities",
            &sales.token,
            json!({"type": "visit", "subject": "Kunjungan", "customer_id": customer}),
        )
        .await;
    assert_eq!(missing.status(), 422);
    let errors = body(missing).await;
    assert!(errors["details"]["evidence_file_id"].is_array());
    assert!(errors["details"]["latitude"].is_array());

    // A fake "photo" is refused; a real JPEG header is stored.
    let fake = app
        .client
        .post(app.url("/api/v1/files?bucket=prospect-evidence&name=foto.jpg"))
        .bearer_auth(&sales.token)
        .header("content-type", "image/jpeg")
        .body("not a jpeg")
        .send()
        .await
        .unwrap();
    assert_eq!(fake.status(), 422);
    let jpeg: Vec<u8> = [0xFF, 0xD8, 0xFF, 0xE0]
        .iter()
        .copied()
        .chain(vec![0u8; 64])
        .collect();
    let upload = app
        .client
        .post(app.url("/api/v1/files?bucket=prospect-evidence&name=foto.jpg"))
        .bearer_auth(&sales.token)
        .header("content-type", "image/jpeg")
        .body(jpeg.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 201);
    let file = body(upload).await["id"].as_str().unwrap().to_owned();

    let visit = app
        .post(
            "/api/v1/activities",
            &sales.token,
            json!({"type": "visit", "subject": "Kunjungan", "customer_id": customer,
                   "evidence_file_id": file, "latitude": -6.1950, "longitude": 106.8230}),
        )
        .await;
    assert_eq!(visit.status(), 201);
    let visit = body(visit).await;
    let distance = visit["distance_m"].as_f64().unwrap();
    assert!((2_150.0..2_300.0).contains(&distance), "{distance}");
    assert_eq!(visit["prospect_id"], created["prospect_id"]);

    // The photo downloads for the owner, not for another salesperson.
    let download = app
        .get(&format!("/api/v1/files/{file}"), &sales.token)
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().to_vec(), jpeg);
    let other = app.user(Role::Salesperson).await;
    assert_eq!(
        app.get(&format!("/api/v1/files/{file}"), &other.token)
            .await
            .status(),
        404
    );
    // Someone else's file cannot be used as evidence.
    let stolen = app
        .post(
            "/api/v1/activities",
            &other.token,
            json!({"type": "call", "subject": "x", "customer_id": customer, "evidence_file_id": file}),
        )
        .await;
    assert_eq!(stolen.status(), 422);
}

#[tokio::test]
async fn duplicates_are_listed_for_managers_and_merged_with_their_records() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::MarketingManager).await;
    let staff = app.user(Role::MarketingStaff).await;
    let first = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Samudera Logistik Nusantara", "contact_name": "A", "channel": "web",
               "email": "a@samudera.co.id"}),
    )
    .await;
    let second = create_lead(
        &app,
        &staff,
        json!({"company_name": "Samudra Logistik Nusantara", "contact_name": "B", "channel": "web",
               "npwp": "11.222.333.4-555.000"}),
    )
    .await;
    assert_ne!(first["customer_id"], second["customer_id"]);
    assert_eq!(
        app.get("/api/v1/customers/duplicates", &staff.token)
            .await
            .status(),
        403
    );
    let pairs = body(
        app.get("/api/v1/customers/duplicates", &manager.token)
            .await,
    )
    .await;
    let pair = pairs
        .as_array()
        .unwrap()
        .iter()
        .find(|p| {
            let ids = [p["customer_id"].clone(), p["other_id"].clone()];
            ids.contains(&first["customer_id"]) && ids.contains(&second["customer_id"])
        })
        .cloned();
    assert!(pair.is_some(), "{pairs}");

    let merged = app
        .post(
            "/api/v1/customers/merge",
            &manager.token,
            json!({"winner_id": first["customer_id"], "loser_id": second["customer_id"]}),
        )
        .await;
    assert_eq!(merged.status(), 200);
    let winner = body(merged).await;
    assert_eq!(winner["npwp"], "0112223334555000");
    assert_eq!(winner["lead_count"], 2);
    let loser = app
        .get(
            &format!(
                "/api/v1/customers/{}",
                second["customer_id"].as_str().unwrap()
            ),
            &manager.token,
        )
        .await;
    assert_eq!(loser.status(), 404);
    // The NPWP of the merged customer now finds the winner.
    let again = create_lead(
        &app,
        &staff,
        json!({"contact_name": "C", "channel": "web", "npwp": "112223334555000"}),
    )
    .await;
    assert_eq!(again["customer_id"], first["customer_id"]);
    let audited = count(&app, "select count(*) from audit_logs where table_name = 'customers' and after_data ->> 'merged_into_id' is not null").await;
    assert_eq!(audited, 1);
}

async fn sheet_rows(app: &TestApp, path: &str, token: &str) -> Vec<Vec<String>> {
    let response = app.get(path, token).await;
    assert_eq!(response.status(), 200, "{path}");
    let bytes = response.bytes().await.unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let name = book.sheet_names()[0].clone();
    let sheet = book.worksheet_range(&name).unwrap();
    sheet
        .rows()
        .skip(1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[tokio::test]
async fn customers_prospects_and_activities_export_their_filtered_rows() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let sales = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let [_, first, ..] = owned_records(&app, &sales, "PT Ekspor Alpha").await;
    owned_records(&app, &sales, "PT Ekspor Beta").await;
    owned_records(&app, &sales, "CV Lainnya").await;
    assert_eq!(
        set_stage(&app, &sales, &first, json!({"stage": "proposal"}))
            .await
            .status(),
        200
    );

    let customers = sheet_rows(&app, "/api/v1/exports/customers?q=ekspor", &manager.token).await;
    let mut names: Vec<&str> = customers.iter().map(|r| r[1].as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["PT Ekspor Alpha", "PT Ekspor Beta"]);

    let prospects = sheet_rows(
        &app,
        "/api/v1/exports/prospects?stage=proposal",
        &manager.token,
    )
    .await;
    assert_eq!(prospects.len(), 1);
    assert_eq!(prospects[0][1], "PT Ekspor Alpha");

    let calls = sheet_rows(&app, "/api/v1/exports/activities?type=call", &manager.token).await;
    assert_eq!(calls.len(), 3);
    assert!(calls.iter().all(|r| r[1] == "call"));

    // Another team's salesperson exports nothing of these.
    let outsider = app.user(Role::Salesperson).await;
    assert!(
        sheet_rows(&app, "/api/v1/exports/customers", &outsider.token)
            .await
            .is_empty()
    );

    // Soft-deleted prospects leave the export and come back after a manager's restore.
    let deleted = app
        .request(
            Method::DELETE,
            &format!("/api/v1/prospects/{first}"),
            Some(&sales.token),
            None,
        )
        .await;
    assert_eq!(deleted.status(), 204);
    assert!(sheet_rows(
        &app,
        "/api/v1/exports/prospects?stage=proposal",
        &manager.token
    )
    .await
    .is_empty());
    let restore = format!("/api/v1/prospects/{first}/restore");
    assert_eq!(
        app.post(&restore, &sales.token, json!({})).await.status(),
        403
    );
    assert_eq!(
        app.post(&restore, &manager.token, json!({})).await.status(),
        200
    );
    assert_eq!(
        sheet_rows(
            &app,
            "/api/v1/exports/prospects?stage=proposal",
            &manager.token
        )
        .await
        .len(),
        1
    );
}

#[tokio::test]
async fn customer_360_holds_documents_and_identifier_clashes_are_409() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let first = create_lead(
        &app,
        &sales,
        json!({"company_name": "PT Dokumen", "contact_name": "D", "channel": "web", "npwp": "01.111.222.3-444.000"}),
    )
    .await;
    let second = create_lead(
        &app,
        &sales,
        json!({"company_name": "PT Lain Lagi", "contact_name": "E", "channel": "web"}),
    )
    .await;
    let customer = first["customer_id"].as_str().unwrap().to_owned();
    // Giving the second customer the first one's NPWP is a conflict, not a silent duplicate.
    let clash = app
        .request(
            Method::PATCH,
            &format!(
                "/api/v1/customers/{}",
                second["customer_id"].as_str().unwrap()
            ),
            Some(&sales.token),
            Some(json!({"npwp": "011112223444000"})),
        )
        .await;
    assert_eq!(clash.status(), 409);
    assert!(body(clash).await["details"]["npwp"].is_array());

    let pdf = b"%PDF-1.4 kontrak".to_vec();
    let upload = app
        .client
        .post(app.url("/api/v1/files?bucket=customer-documents&name=kontrak.pdf"))
        .bearer_auth(&sales.token)
        .header("content-type", "application/pdf")
        .body(pdf.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 201);
    let file = body(upload).await["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/customers/{customer}/documents");
    let attached = app
        .post(
            &path,
            &sales.token,
            json!({"file_id": file, "title": "Kontrak 2026"}),
        )
        .await;
    assert_eq!(attached.status(), 201);
    let again = app
        .post(
            &path,
            &sales.token,
            json!({"file_id": file, "title": "Lagi"}),
        )
        .await;
    assert_eq!(again.status(), 409);

    let view = body(app.customer(&sales, &customer).await).await;
    assert_eq!(
        view["customer"]["customer_code"].as_str().unwrap().len(),
        "CUST-2026-000001".len()
    );
    assert_eq!(view["documents"][0]["title"], "Kontrak 2026");
    assert_eq!(view["leads"].as_array().unwrap().len(), 1);
    assert_eq!(view["prospects"].as_array().unwrap().len(), 1);
    let timeline = body(
        app.get(
            &format!("/api/v1/customers/{customer}/timeline"),
            &sales.token,
        )
        .await,
    )
    .await;
    assert!(timeline
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "lead"));

    // A salesperson of another team neither sees the customer nor its document.
    let other = app.user(Role::Salesperson).await;
    assert_eq!(app.customer(&other, &customer).await.status(), 404);
    assert_eq!(
        app.get(&format!("/api/v1/files/{file}"), &other.token)
            .await
            .status(),
        404
    );
    let director = app.user(Role::Director).await;
    let download = app
        .get(&format!("/api/v1/files/{file}"), &director.token)
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().to_vec(), pdf);
}
