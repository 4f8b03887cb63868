//! Realtime: `GET /events` delivers a change within a second to the users allowed to see
//! its row, and to nobody else.

use std::time::Duration;

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Response;
use serde_json::json;

/// An open event stream, read chunk by chunk.
struct Events {
    response: Response,
    seen: String,
}

impl Events {
    async fn open(app: &TestApp, user: &TestUser) -> Self {
        let response = app
            .client
            .get(app.url("/api/v1/events"))
            .bearer_auth(&user.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        let mut events = Self {
            response,
            seen: String::new(),
        };
        assert!(events.wait_for(": connected", Duration::from_secs(5)).await);
        events
    }

    /// Reads until `needle` has arrived or `limit` has passed.
    async fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        while !self.seen.contains(needle) {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match tokio::time::timeout(left, self.response.chunk()).await {
                Ok(Ok(Some(chunk))) => self.seen.push_str(&String::from_utf8_lossy(&chunk)),
                _ => return false,
            }
        }
        true
    }
}

#[tokio::test]
async fn a_new_broadcast_reaches_cs_within_a_second_and_nobody_else() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let key = body(
        app.post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": "n8n", "scopes": ["broadcast:write", "tickets:write"]}),
        )
        .await,
    )
    .await["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let cs_admin = app.user(Role::CsAdmin).await;
    let salesperson = app.user(Role::Salesperson).await;
    let ops = app.user(Role::OpsExim).await;
    let mut cs = Events::open(&app, &cs_admin).await;
    let mut sales = Events::open(&app, &salesperson).await;
    let mut exim = Events::open(&app, &ops).await;

    let posted = app
        .client
        .post(app.url("/api/v1/broadcast-logs"))
        .header("X-API-KEY", &key)
        .json(&json!({"tracking_number": "AWB-LIVE-1", "status": "failed",
                      "error_message": "Nomor tidak terdaftar WA"}))
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), 201);
    assert!(
        cs.wait_for("AWB-LIVE-1", Duration::from_secs(1)).await,
        "cs_admin got it within a second: {}",
        cs.seen
    );
    assert!(cs.seen.contains("event: broadcast_logs.created"));
    assert!(
        !sales
            .wait_for("broadcast_logs", Duration::from_millis(1500))
            .await,
        "the salesperson got nothing: {}",
        sales.seen
    );

    // A CS ticket from n8n: CS sees it appear, Operations (EXIM) do not.
    let ticket = app
        .client
        .post(app.url("/api/v1/tickets"))
        .header("X-API-KEY", &key)
        .json(
            &json!({"tracking_number": "AWB-LIVE-1", "customer_phone": "081200000001",
                      "subject": "Belum sampai", "description": "x"}),
        )
        .send()
        .await
        .unwrap();
    let code = body(ticket).await["ticket_uid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        cs.wait_for(&code, Duration::from_secs(1)).await,
        "{}",
        cs.seen
    );
    assert!(cs.seen.contains("event: ticket.created"));
    assert!(
        !exim
            .wait_for("ticket.created", Duration::from_millis(1000))
            .await
    );
    assert!(!sales.seen.contains(&code));
    // Nothing identifying the customer travels in the event.
    assert!(!cs.seen.contains("081200000001") && !cs.seen.contains("+6281200000001"));
}

#[tokio::test]
async fn the_event_stream_needs_a_signed_in_user() {
    let app = TestApp::spawn().await;
    let anonymous = app
        .client
        .get(app.url("/api/v1/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
}

/// Broadcast ingest announces after its commit, never inside its transaction (a commit
/// that notifies holds PostgreSQL's global notification lock until its WAL is flushed),
/// and requests arriving together share one notification that adds them up.
#[tokio::test]
async fn concurrent_broadcast_posts_share_one_announcement_sent_after_commit() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let mut listener = sqlx::postgres::PgListener::connect_with(&app.owner)
        .await
        .unwrap();
    listener.listen("cc_events").await.unwrap();

    // Inside the transaction nothing is announced any more: an insert by SQL is silent.
    sqlx::query(
        "insert into broadcast_logs (tracking_number, status, created_by) \
         select 'AWB-SQL-1', 'success', id from profiles limit 1",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    assert!(
        tokio::time::timeout(Duration::from_millis(500), listener.recv())
            .await
            .is_err(),
        "the insert itself notified"
    );

    let posts = (0..20).map(|n| {
        app.post(
            "/api/v1/broadcast-logs",
            &admin.token,
            json!({"tracking_number": format!("AWB-CO-{n}"), "status": if n % 4 == 0 { "failed" } else { "success" },
                   "error_message": if n % 4 == 0 { Some("Nomor tidak terdaftar WA") } else { None }}),
        )
    });
    for response in futures_util::future::join_all(posts).await {
        assert_eq!(response.status(), 201);
    }
    let (mut notifications, mut count, mut failed) = (0, 0, 0);
    while count < 20 {
        let received = tokio::time::timeout(Duration::from_secs(1), listener.recv())
            .await
            .expect("announced within a second")
            .unwrap();
        let payload: serde_json::Value = serde_json::from_str(received.payload()).unwrap();
        assert_eq!(payload["type"], "broadcast_logs.created");
        notifications += 1;
        count += payload["count"].as_i64().unwrap();
        failed += payload["failed"].as_i64().unwrap();
    }
    assert_eq!((count, failed), (20, 5));
    assert!(
        notifications < 20,
        "{notifications} notifications for 20 requests"
    );
}

#[tokio::test]
async fn import_progress_reaches_whoever_may_see_the_import_and_nobody_else() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let outsider = app.user(Role::FinanceManager).await;
    let mut mine = Events::open(&app, &staff).await;
    let mut theirs = Events::open(&app, &outsider).await;
    let csv = "Platform;Tanggal;Biaya\ninstagram;05/12/2026;2.500.000\n";
    let import =
        crate::imports::staged(&app, &staff, "marketing_spend", "iklan.csv", csv.into()).await;
    let id = import["id"].as_str().unwrap().to_owned();
    crate::imports::process(&app, &staff, &id).await;
    assert!(
        mine.wait_for("event: import.progress", Duration::from_secs(5))
            .await
    );
    assert!(
        mine.wait_for("\"status\":\"done\"", Duration::from_secs(5))
            .await,
        "{}",
        mine.seen
    );
    assert!(mine.seen.contains(&id));
    assert!(
        !theirs
            .wait_for("import.progress", Duration::from_secs(1))
            .await,
        "{}",
        theirs.seen
    );
}

#[tokio::test]
async fn a_stream_stops_delivering_once_its_session_has_ended() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let key = body(
        app.post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": "n8n", "scopes": ["tickets:write"]}),
        )
        .await,
    )
    .await["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let (ended, going_on) = (app.user(Role::CsAdmin).await, app.user(Role::CsAdmin).await);
    let mut ended_stream = Events::open(&app, &ended).await;
    let mut other_stream = Events::open(&app, &going_on).await;
    // The user signs out everywhere (as a password change does).
    sqlx::query("update refresh_tokens set revoked_at = now() where user_id = $1")
        .bind(ended.id)
        .execute(&app.owner)
        .await
        .unwrap();
    let ticket = app
        .client
        .post(app.url("/api/v1/tickets"))
        .header("X-API-KEY", &key)
        .json(
            &json!({"tracking_number": "AWB-END-1", "customer_phone": "081200000002",
                      "subject": "Belum sampai", "description": "x"}),
        )
        .send()
        .await
        .unwrap();
    let code = body(ticket).await["ticket_uid"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(other_stream.wait_for(&code, Duration::from_secs(2)).await);
    assert!(
        !ended_stream
            .wait_for(&code, Duration::from_millis(1500))
            .await,
        "{}",
        ended_stream.seen
    );
}
