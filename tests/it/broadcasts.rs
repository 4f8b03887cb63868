//! BRD-2: broadcast monitoring — search, the day's summary, shipments — and who may see it.

use chrono::{Duration, Utc};
use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};

async fn seed_logs(app: &TestApp) {
    let admin = app.user(Role::CsAdmin).await;
    let three_days_ago = (Utc::now() - Duration::days(3)).to_rfc3339();
    let logs = json!([
        {"tracking_number": "AWB-1", "consignee_phone": "081234567001", "status": "success",
         "message_content": "Paket dikirim"},
        {"tracking_number": "AWB-1", "consignee_phone": "081234567001", "status": "failed",
         "error_message": "Nomor tidak terdaftar WA"},
        {"tracking_number": "AWB-2", "consignee_phone": "081234567002", "status": "failed",
         "error_message": "Nomor tidak terdaftar WA"},
        {"tracking_number": "AWB-3", "consignee_phone": "081234567003", "status": "failed",
         "error_message": "Timeout gateway"},
        {"tracking_number": "AWB-4", "consignee_phone": "081234567004", "status": "pending"},
        {"tracking_number": "AWB-OLD", "consignee_phone": "081234567009", "status": "success",
         "broadcast_at": three_days_ago}
    ]);
    let stored = app.post("/api/v1/broadcast-logs", &admin.token, logs).await;
    assert_eq!(stored.status(), 201);
}

fn awbs(list: &Value) -> Vec<String> {
    let mut out: Vec<String> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["tracking_number"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn cs_searches_broadcasts_and_sees_the_days_summary() {
    let app = TestApp::spawn().await;
    seed_logs(&app).await;
    let agent = app.user(Role::CsAgent).await;
    let get = |path: &'static str| {
        let app = &app;
        let token = agent.token.clone();
        async move { body(app.get(path, &token).await).await }
    };
    let all = get("/api/v1/broadcast-logs?per_page=50").await;
    assert_eq!(all["total"], 6);
    assert_eq!(
        all["data"][0]["tracking_number"]
            .as_str()
            .map(|a| a != "AWB-OLD"),
        Some(true),
        "newest first"
    );
    assert_eq!(
        awbs(&get("/api/v1/broadcast-logs?tracking_number=AWB-1").await),
        vec!["AWB-1", "AWB-1"]
    );
    // The phone in another format finds the stored E.164.
    assert_eq!(
        awbs(&get("/api/v1/broadcast-logs?phone=%2B62%20812-3456-7002").await),
        vec!["AWB-2"]
    );
    assert_eq!(
        awbs(&get("/api/v1/broadcast-logs?status=failed").await),
        vec!["AWB-1", "AWB-2", "AWB-3"]
    );
    let today = domain::jakarta_today();
    let today_only = body(
        app.get(
            &format!("/api/v1/broadcast-logs?from={today}&to={today}"),
            &agent.token,
        )
        .await,
    )
    .await;
    assert_eq!(today_only["total"], 5);
    assert_eq!(
        app.get("/api/v1/broadcast-logs?status=sent", &agent.token)
            .await
            .status(),
        422
    );

    let summary = get("/api/v1/broadcast-logs/summary").await;
    assert_eq!(summary["today"], today.to_string());
    assert_eq!(
        (
            summary["sent_today"].as_i64(),
            summary["failed_today"].as_i64(),
            summary["pending_today"].as_i64()
        ),
        (Some(1), Some(3), Some(1))
    );
    let days = summary["days"].as_array().unwrap();
    assert_eq!(days.len(), 14);
    let last = days.last().unwrap();
    assert_eq!(last["day"], today.to_string());
    assert_eq!(last["success_rate"], 25.0, "1 of 4 sent succeeded");
    let three_ago = &days[days.len() - 4];
    assert_eq!(
        (
            three_ago["total"].as_i64(),
            three_ago["success_rate"].as_f64()
        ),
        (Some(1), Some(100.0))
    );
    assert_eq!(
        summary["top_errors"][0],
        json!({"error_message": "Nomor tidak terdaftar WA", "count": 2})
    );

    let shipment = get("/api/v1/shipments/AWB-1").await;
    assert_eq!(shipment["broadcast_count"], 2);
    assert_eq!(shipment["failed_count"], 1);
    assert_eq!(shipment["consignee_phone"], "+6281234567001");
    assert_eq!(
        app.get("/api/v1/shipments/NOPE", &agent.token)
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn only_cs_admins_and_the_director_read_broadcasts() {
    let app = TestApp::spawn().await;
    seed_logs(&app).await;
    for role in domain::Role::ALL {
        let user = app.user(role).await;
        let expected = matches!(
            role,
            Role::SuperAdmin | Role::Director | Role::CsAdmin | Role::CsAgent
        );
        for path in [
            "/api/v1/broadcast-logs",
            "/api/v1/broadcast-logs/summary",
            "/api/v1/shipments/AWB-1",
        ] {
            let status = app.get(path, &user.token).await.status();
            assert_eq!(status == 200, expected, "{role:?} {path}: {status}");
            if !expected {
                assert_eq!(status, 403, "{role:?} {path}");
            }
        }
        // The database says the same, whatever the handler does.
        let mut tx = app.tx_as(&user).await;
        let direct = sqlx::query_scalar::<_, i64>("select count(*) from broadcast_logs")
            .fetch_one(&mut *tx)
            .await;
        match direct {
            Ok(n) => {
                assert!(expected, "{role:?} read broadcast_logs");
                assert_eq!(n, 6);
            }
            Err(_) => assert!(!expected, "{role:?} was refused"),
        }
    }
}

/// BRD-3: off by default; once a CS admin switches it on, a failed broadcast opens one
/// shipment_issue ticket per AWB (not a second while it is open); agents cannot switch it.
#[tokio::test]
async fn failed_broadcasts_open_tickets_only_when_the_rule_is_on() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let tickets = || async {
        sqlx::query_as::<_, (String, String, String)>(
            "select tracking_number, priority, source from tickets \
              where ticket_type = 'shipment_issue' order by tracking_number",
        )
        .fetch_all(&app.owner)
        .await
        .unwrap()
    };
    let fail = |awb: &'static str| json!({"tracking_number": awb, "status": "failed", "error_message": "Nomor tidak terdaftar WA"});
    let rules = body(app.get("/api/v1/broadcast-rules", &agent.token).await).await;
    assert_eq!(rules[0]["rule"], "failed_broadcast_ticket");
    assert_eq!(rules[0]["enabled"], false);
    assert_eq!(
        app.post("/api/v1/broadcast-logs", &admin.token, fail("AWB-R0"))
            .await
            .status(),
        201
    );
    assert!(tickets().await.is_empty(), "off by default");

    assert_eq!(switch(&app, &agent, true).await.status(), 403);
    let on = switch(&app, &admin, true).await;
    assert_eq!(on.status(), 200);
    assert_eq!(body(on).await["enabled"], true);

    let batch = json!([fail("AWB-R1"), fail("AWB-R1"), fail("AWB-R2"),
                       {"tracking_number": "AWB-R3", "status": "success"}]);
    assert_eq!(
        app.post("/api/v1/broadcast-logs", &admin.token, batch)
            .await
            .status(),
        201
    );
    assert_eq!(
        app.post("/api/v1/broadcast-logs", &admin.token, fail("AWB-R1"))
            .await
            .status(),
        201
    );
    assert_eq!(
        tickets().await,
        vec![
            ("AWB-R1".to_owned(), "high".to_owned(), "n8n".to_owned()),
            ("AWB-R2".to_owned(), "high".to_owned(), "n8n".to_owned()),
        ],
        "one per AWB, none for successes, none twice"
    );
    // The agent finds them in the CS queue.
    let queue = body(
        app.tickets(&agent, "?type=shipment_issue&assigned_to=unassigned")
            .await,
    )
    .await;
    assert_eq!(queue["total"], 2);
}

async fn switch(app: &TestApp, user: &TestUser, on: bool) -> reqwest::Response {
    app.request(
        reqwest::Method::PATCH,
        "/api/v1/broadcast-rules/failed_broadcast_ticket",
        Some(&user.token),
        Some(json!({"enabled": on, "priority": "high"})),
    )
    .await
}

/// PLT-PAGE at scale: a list counts its rows up to 10,000 and says when there are more
/// (an exact count over a million visible rows cost ~100 ms a request); the pages past
/// the cap are still there, and a narrower filter counts exactly again.
#[tokio::test]
async fn list_totals_are_capped_at_ten_thousand_and_the_pages_go_on() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    sqlx::query(
        "insert into broadcast_logs (tracking_number, status, broadcast_at, created_by) \
         select 'CAP' || lpad(g::text, 6, '0'), case when g % 100 = 0 then 'failed' else 'success' end, \
                now() - make_interval(secs => g), $1 \
           from generate_series(1, 10050) g",
    )
    .bind(admin.id)
    .execute(&app.owner)
    .await
    .unwrap();
    let all = body(
        app.get("/api/v1/broadcast-logs?per_page=200", &admin.token)
            .await,
    )
    .await;
    assert_eq!(
        (all["total"].as_i64(), all["total_capped"].as_bool()),
        (Some(10_000), Some(true))
    );
    assert_eq!(all["data"].as_array().unwrap().len(), 200);
    // Past the cap: page 51 of 200 holds rows 10,001–10,050.
    let past = body(
        app.get("/api/v1/broadcast-logs?per_page=200&page=51", &admin.token)
            .await,
    )
    .await;
    assert_eq!(past["data"].as_array().unwrap().len(), 50);
    assert_eq!(past["data"][49]["tracking_number"], "CAP010050");
    // Narrower: the failed ones (100) are counted exactly.
    let failed = body(
        app.get(
            "/api/v1/broadcast-logs?status=failed&per_page=10",
            &admin.token,
        )
        .await,
    )
    .await;
    assert_eq!(
        (failed["total"].as_i64(), failed["total_capped"].as_bool()),
        (Some(100), Some(false))
    );
}
