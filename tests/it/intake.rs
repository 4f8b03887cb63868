//! The n8n contract of seed 004 (TCK-2, BRD-1): `POST /tickets` and
//! `POST /broadcast-logs` with `X-API-KEY`, replayed with the seed's own bodies, every
//! 400 for a missing field, and retries that never duplicate (PLT-IDEM).

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Response;
use serde_json::{json, Value};

/// A key with the given scopes, created by a super admin through the API.
async fn api_key(app: &TestApp, scopes: &[&str]) -> String {
    let admin = app.user(Role::SuperAdmin).await;
    let created = app
        .post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": "n8n", "scopes": scopes}),
        )
        .await;
    assert_eq!(created.status(), 201);
    body(created).await["key"].as_str().unwrap().to_owned()
}

async fn push(
    app: &TestApp,
    path: &str,
    key: &str,
    idempotency_key: Option<&str>,
    payload: &Value,
) -> Response {
    let mut request = app
        .client
        .post(app.url(path))
        .header("X-API-KEY", key)
        .json(payload);
    if let Some(k) = idempotency_key {
        request = request.header("Idempotency-Key", k);
    }
    request.send().await.unwrap()
}

fn seed_ticket() -> Value {
    // Seed 004, flow B, as the "Automation CS" HTTP Request node sends it.
    json!({
        "tracking_number": "LOG2024120100001",
        "subject": "Komplain Keterlambatan",
        "description": "Pelanggan membalas: 'Paket saya kok belum sampai?'",
        "priority": "high",
        "customer_phone": "6281234567890"
    })
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.owner).await.unwrap()
}

#[tokio::test]
async fn n8n_ticket_post_follows_the_seed_contract() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["tickets:write"]).await;
    let created = push(&app, "/api/v1/tickets", &key, None, &seed_ticket()).await;
    assert_eq!(created.status(), 201);
    let created = body(created).await;
    assert_eq!(created["status"], "created");
    let uid = created["ticket_uid"].as_str().unwrap();
    assert!(uid.starts_with("TKT-"), "{uid}");

    let (kind, priority, status, dept, source, phone, awb, creator): (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
        Option<uuid::Uuid>,
    ) = sqlx::query_as(
        "select ticket_type, priority, status, dept_target, source, customer_phone, \
                tracking_number, created_by from tickets where ticket_code = $1",
    )
    .bind(uid)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        (
            kind.as_str(),
            priority.as_str(),
            status.as_str(),
            dept.as_str(),
            source.as_str()
        ),
        ("complaint", "high", "open", "CS", "n8n")
    );
    assert_eq!(phone, "+6281234567890", "stored in E.164");
    assert_eq!(awb, "LOG2024120100001");
    assert_eq!(creator, None);

    // Every required field, missing (or blank) in turn: 400 naming it.
    for field in [
        "tracking_number",
        "customer_phone",
        "subject",
        "description",
    ] {
        for missing in [None, Some(json!("  "))] {
            let mut payload = seed_ticket();
            match &missing {
                None => {
                    payload.as_object_mut().unwrap().remove(field);
                }
                Some(blank) => payload[field] = blank.clone(),
            }
            let rejected = push(&app, "/api/v1/tickets", &key, None, &payload).await;
            assert_eq!(rejected.status(), 400, "{field} {missing:?}");
            let rejected = body(rejected).await;
            assert_eq!(rejected["error"], format!("{field} is required"));
            assert_eq!(rejected["code"], "validation_failed");
            assert_eq!(rejected["details"][field], json!(["is required"]));
        }
    }
    // Several missing: `error` names the first in contract order, `details` all of them.
    let rejected = push(
        &app,
        "/api/v1/tickets",
        &key,
        None,
        &json!({"priority": "low"}),
    )
    .await;
    assert_eq!(rejected.status(), 400);
    let rejected = body(rejected).await;
    assert_eq!(rejected["error"], "tracking_number is required");
    assert_eq!(rejected["details"].as_object().unwrap().len(), 4);
    // Wrong values and shapes.
    let mut bad = seed_ticket();
    bad["priority"] = json!("asap");
    let rejected = body(push(&app, "/api/v1/tickets", &key, None, &bad).await).await;
    assert_eq!(
        rejected["error"],
        "priority must be one of low, medium, high, urgent"
    );
    let malformed = app
        .client
        .post(app.url("/api/v1/tickets"))
        .header("X-API-KEY", &key)
        .header("content-type", "application/json")
        .body("{\"subject\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);
    assert_eq!(body(malformed).await["code"], "malformed_json");
    let not_object = push(&app, "/api/v1/tickets", &key, None, &json!(["x"])).await;
    assert_eq!(not_object.status(), 400);
    assert_eq!(
        count(&app, "select count(*) from tickets").await,
        1,
        "no rejected request stored anything"
    );

    // Keys: missing → 401; without the scope → 403; the ticket gets no key of another.
    let anonymous = app
        .client
        .post(app.url("/api/v1/tickets"))
        .json(&seed_ticket())
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let broadcast_only = api_key(&app, &["broadcast:write"]).await;
    let forbidden = push(
        &app,
        "/api/v1/tickets",
        &broadcast_only,
        None,
        &seed_ticket(),
    )
    .await;
    assert_eq!(forbidden.status(), 403);
    assert_eq!(body(forbidden).await["code"], "insufficient_scope");
    let wrong = push(
        &app,
        "/api/v1/tickets",
        "cc_live_not-a-key",
        None,
        &seed_ticket(),
    )
    .await;
    assert_eq!(wrong.status(), 401);
}

#[tokio::test]
async fn identical_ticket_posts_create_one_ticket_concurrently_and_in_sequence() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["tickets:write"]).await;
    let payload = seed_ticket();
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let client = app.client.clone();
        let url = app.url("/api/v1/tickets");
        let key = key.clone();
        let payload = payload.clone();
        tasks.push(tokio::spawn(async move {
            let response = client
                .post(url)
                .header("X-API-KEY", key)
                .json(&payload)
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), body(response).await)
        }));
    }
    let mut uids = Vec::new();
    for task in tasks {
        let (status, answer) = task.await.unwrap();
        assert_eq!(status, 201, "{answer}");
        uids.push(answer["ticket_uid"].as_str().unwrap().to_owned());
    }
    for _ in 0..3 {
        let again = push(&app, "/api/v1/tickets", &key, None, &payload).await;
        assert_eq!(again.status(), 201);
        assert_eq!(again.headers()["idempotent-replayed"], "true");
        uids.push(body(again).await["ticket_uid"].as_str().unwrap().to_owned());
    }
    uids.dedup();
    assert_eq!(uids.len(), 1, "one ticket_uid for all 13: {uids:?}");
    assert_eq!(count(&app, "select count(*) from tickets").await, 1);

    // The same body from another key is another sender: its own ticket.
    let other = api_key(&app, &["tickets:write"]).await;
    let separate = body(push(&app, "/api/v1/tickets", &other, None, &payload).await).await;
    assert_ne!(separate["ticket_uid"].as_str().unwrap(), uids[0]);
    // A different body is a different ticket.
    let mut changed = payload.clone();
    changed["description"] = json!("Pelanggan menelepon lagi");
    let second = body(push(&app, "/api/v1/tickets", &key, None, &changed).await).await;
    assert_ne!(second["ticket_uid"].as_str().unwrap(), uids[0]);
    assert_eq!(count(&app, "select count(*) from tickets").await, 3);
}

#[tokio::test]
async fn idempotency_key_replays_and_refuses_another_body() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["tickets:write", "broadcast:write"]).await;
    let first = push(
        &app,
        "/api/v1/tickets",
        &key,
        Some("n8n-exec-41"),
        &seed_ticket(),
    )
    .await;
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    let replay = push(
        &app,
        "/api/v1/tickets",
        &key,
        Some("n8n-exec-41"),
        &seed_ticket(),
    )
    .await;
    assert_eq!(replay.status(), 201);
    assert_eq!(body(replay).await["ticket_uid"], first["ticket_uid"]);
    let mut other = seed_ticket();
    other["subject"] = json!("Paket rusak");
    let reused = push(&app, "/api/v1/tickets", &key, Some("n8n-exec-41"), &other).await;
    assert_eq!(reused.status(), 422);
    assert_eq!(body(reused).await["code"], "idempotency_key_reused");
    assert_eq!(count(&app, "select count(*) from tickets").await, 1);

    let log = json!({"tracking_number": "LOG1", "status": "success", "message_content": "Halo"});
    let a = body(push(&app, "/api/v1/broadcast-logs", &key, Some("b-1"), &log).await).await;
    let b = body(push(&app, "/api/v1/broadcast-logs", &key, Some("b-1"), &log).await).await;
    assert_eq!(a["log_id"], b["log_id"]);
    assert_eq!(count(&app, "select count(*) from broadcast_logs").await, 1);
}

#[tokio::test]
async fn n8n_broadcast_logs_single_and_batch_follow_the_seed_contract() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["broadcast:write"]).await;
    // Seed 004, flow A: the documented body, then the example's short names.
    let documented = json!({
        "tracking_number": "LOG2024120100007",
        "consignee_phone": "628111222333",
        "status": "success",
        "message_content": "Paket Anda sedang dalam perjalanan",
        "error_message": null
    });
    let created = push(&app, "/api/v1/broadcast-logs", &key, None, &documented).await;
    assert_eq!(created.status(), 201);
    let created = body(created).await;
    assert_eq!(created["status"], "created");
    let first_id = created["log_id"].as_str().unwrap().to_owned();
    let short = json!({"tracking_number": "LOG2024120100007", "phone": "0811-1222-333",
                       "status": "failed", "error": "Nomor tidak terdaftar WA"});
    let created = push(&app, "/api/v1/broadcast-logs", &key, None, &short).await;
    assert_eq!(created.status(), 201);
    let (phone, error): (String, String) =
        sqlx::query_as("select consignee_phone, error_message from broadcast_logs where id <> $1")
            .bind(first_id.parse::<uuid::Uuid>().unwrap())
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(
        (phone.as_str(), error.as_str()),
        ("+628111222333", "Nomor tidak terdaftar WA")
    );
    // The shipment shows the last broadcast and counts both.
    let (last, total, failed): (String, i32, i32) = sqlx::query_as(
        "select last_status, broadcast_count, failed_count from shipments \
          where tracking_number = 'LOG2024120100007'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((last.as_str(), total, failed), ("failed", 2, 1));

    // Missing fields: 400 with the seed's message.
    for (payload, message) in [
        (json!({"status": "success"}), "tracking_number is required"),
        (
            json!({"tracking_number": "  ", "status": "success"}),
            "tracking_number is required",
        ),
        (json!({"tracking_number": "LOG9"}), "status is required"),
        (
            json!({"tracking_number": "LOG9", "status": "sent"}),
            "status must be one of success, failed, pending",
        ),
    ] {
        let rejected = push(&app, "/api/v1/broadcast-logs", &key, None, &payload).await;
        assert_eq!(rejected.status(), 400, "{payload}");
        assert_eq!(body(rejected).await["error"], message);
    }

    // A batch with one invalid item: the valid ones are stored, the bad one reported.
    let batch = json!([
        {"tracking_number": "LOG-B1", "consignee_phone": "6281300000001", "status": "success",
         "message_content": "Terkirim"},
        {"consignee_phone": "6281300000002", "status": "failed"},
        {"tracking_number": "LOG-B3", "status": "pending", "broadcast_at": "2026-12-01T08:30:00+07:00"}
    ]);
    let partial = push(&app, "/api/v1/broadcast-logs", &key, None, &batch).await;
    assert_eq!(partial.status(), 207);
    let partial = body(partial).await;
    assert_eq!(partial["status"], "partial");
    assert_eq!(
        (partial["created"].as_u64(), partial["failed"].as_u64()),
        (Some(2), Some(1))
    );
    let results = partial["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["status"], "created");
    assert_eq!(results[1]["status"], "error");
    assert_eq!(results[1]["index"], 1);
    assert_eq!(results[1]["error"], "[1].tracking_number is required");
    assert_eq!(results[2]["status"], "created");
    let stored: Vec<(String, String)> = sqlx::query_as(
        "select tracking_number, to_char(broadcast_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI') \
           from broadcast_logs where id = any($1) order by tracking_number",
    )
    .bind(vec![
        results[0]["log_id"].as_str().unwrap().parse::<uuid::Uuid>().unwrap(),
        results[2]["log_id"].as_str().unwrap().parse::<uuid::Uuid>().unwrap(),
    ])
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(stored[0].0, "LOG-B1");
    assert_eq!(
        stored[1],
        ("LOG-B3".to_owned(), "2026-12-01 08:30".to_owned())
    );
    // The batch again (n8n retried it): nothing new.
    let before = count(&app, "select count(*) from broadcast_logs").await;
    let again = push(&app, "/api/v1/broadcast-logs", &key, None, &batch).await;
    assert_eq!(again.status(), 207);
    assert_eq!(body(again).await["results"], partial["results"]);
    assert_eq!(
        count(&app, "select count(*) from broadcast_logs").await,
        before
    );
    // All invalid: 400 and nothing stored; empty: 400.
    let none = push(
        &app,
        "/api/v1/broadcast-logs",
        &key,
        None,
        &json!([{"status": "x"}]),
    )
    .await;
    assert_eq!(none.status(), 400);
    let none = body(none).await;
    assert_eq!(none["status"], "failed");
    assert_eq!(none["error"], "[0].tracking_number is required");
    let empty = push(&app, "/api/v1/broadcast-logs", &key, None, &json!([])).await;
    assert_eq!(empty.status(), 400);
    assert_eq!(
        count(&app, "select count(*) from broadcast_logs").await,
        before
    );

    // A tickets-only key may not post logs.
    let tickets_only = api_key(&app, &["tickets:write"]).await;
    let forbidden = push(
        &app,
        "/api/v1/broadcast-logs",
        &tickets_only,
        None,
        &documented,
    )
    .await;
    assert_eq!(forbidden.status(), 403);
}

async fn post_as(app: &TestApp, user: &TestUser, path: &str, payload: Value) -> Response {
    app.post(path, &user.token, payload).await
}

/// The same endpoints serve the SPA: roles that open tickets do, read-only and
/// Operations roles do not; only admins post broadcast logs by hand. A key cannot act for
/// a user and nobody writes a log in a key's name.
#[tokio::test]
async fn signed_in_users_use_the_same_endpoints_within_their_role() {
    let app = TestApp::spawn().await;
    let agent = app.user(Role::CsAgent).await;
    let created = post_as(
        &app,
        &agent,
        "/api/v1/tickets",
        json!({"subject": "Pertanyaan tarif gudang", "description": "Minta info",
               "ticket_type": "general_request"}),
    )
    .await;
    assert_eq!(created.status(), 201);
    let uid = body(created).await["ticket_uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let (source, creator, key): (String, Option<uuid::Uuid>, Option<uuid::Uuid>) =
        sqlx::query_as("select source, created_by, api_key_id from tickets where ticket_code = $1")
            .bind(&uid)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(
        (source.as_str(), creator, key),
        ("web", Some(agent.id), None)
    );
    // From the SPA a complaint still needs its AWB; RFQs are not opened here.
    let complaint = post_as(
        &app,
        &agent,
        "/api/v1/tickets",
        json!({"subject": "Paket rusak", "description": "Kardus penyok"}),
    )
    .await;
    assert_eq!(complaint.status(), 400);
    assert_eq!(
        body(complaint).await["error"],
        "tracking_number is required"
    );
    let rfq = post_as(
        &app,
        &agent,
        "/api/v1/tickets",
        json!({"subject": "Tarif", "description": "x", "ticket_type": "inquiry_tariff"}),
    )
    .await;
    assert_eq!(rfq.status(), 400);

    for role in [Role::Director, Role::OpsExim] {
        let user = app.user(role).await;
        let refused = post_as(
            &app,
            &user,
            "/api/v1/tickets",
            json!({"subject": "x", "description": "y", "ticket_type": "general_request"}),
        )
        .await;
        assert_eq!(refused.status(), 403, "{role:?}");
    }
    let log = json!({"tracking_number": "LOG-UI", "status": "success"});
    assert_eq!(
        post_as(&app, &agent, "/api/v1/broadcast-logs", log.clone())
            .await
            .status(),
        403
    );
    let cs_admin = app.user(Role::CsAdmin).await;
    assert_eq!(
        post_as(&app, &cs_admin, "/api/v1/broadcast-logs", log)
            .await
            .status(),
        201
    );

    // In the database: a key cannot insert a ticket or a log under a user's name or
    // another key's id (RLS), and cannot read tickets it did not create.
    let n8n = api_key(&app, &["tickets:write"]).await;
    let own = push(&app, "/api/v1/tickets", &n8n, None, &seed_ticket()).await;
    assert_eq!(own.status(), 201);
    let key_context = || {
        use sha2::Digest;
        let key_hash = hex::encode(sha2::Sha256::digest(n8n.as_bytes()));
        persistence::RequestContext::new(persistence::Identity::ApiKey { key_hash }, "t")
    };
    let ctx = key_context();
    let (mut tx, principal) = app.db.begin(&ctx).await.unwrap();
    assert!(matches!(principal, persistence::Principal::ApiKey(_)));
    let visible: i64 = sqlx::query_scalar("select count(*) from tickets")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(visible, 1, "the key sees only its own ticket");
    let forged = sqlx::query(
        "insert into tickets (ticket_type, dept_target, subject, description, source, api_key_id) \
         values ('complaint', 'CS', 's', 'd', 'n8n', gen_random_uuid())",
    )
    .execute(&mut *tx)
    .await;
    assert!(forged.is_err(), "another key's id is refused");
    drop(tx);
    let (mut tx, _) = app.db.begin(&key_context()).await.unwrap();
    let as_user = sqlx::query(
        "insert into broadcast_logs (tracking_number, status, created_by) values ('X', 'success', $1)",
    )
    .bind(agent.id)
    .execute(&mut *tx)
    .await;
    assert!(
        as_user.is_err(),
        "a key cannot write a log in a user's name"
    );
}

/// A full batch (5,000 logs with their messages, over the API-wide 1 MB JSON limit) is
/// stored in one request; one more item is refused.
#[tokio::test]
async fn a_full_batch_of_broadcast_logs_is_one_request() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["broadcast:write"]).await;
    let message = "Paket Anda dengan nomor resi berikut sedang dalam perjalanan ke alamat tujuan. \
                   Terima kasih telah menggunakan layanan kami.";
    let logs: Vec<Value> = (0..5_000)
        .map(|n| {
            json!({"tracking_number": format!("LOG-F{n:05}"), "consignee_phone": "6281300000001",
                   "status": if n % 10 == 0 { "failed" } else { "success" },
                   "message_content": message})
        })
        .collect();
    let payload = Value::Array(logs);
    assert!(payload.to_string().len() > 1024 * 1024);
    let stored = push(&app, "/api/v1/broadcast-logs", &key, None, &payload).await;
    assert_eq!(stored.status(), 201);
    let stored = body(stored).await;
    assert_eq!(stored["created"], 5_000);
    assert_eq!(
        count(&app, "select count(*) from broadcast_logs").await,
        5_000
    );
    assert_eq!(
        count(&app, "select sum(failed_count) from shipments").await,
        500
    );
    let mut too_many = payload;
    too_many
        .as_array_mut()
        .unwrap()
        .push(json!({"tracking_number": "LOG-X", "status": "success"}));
    let refused = push(&app, "/api/v1/broadcast-logs", &key, None, &too_many).await;
    assert_eq!(refused.status(), 400);
    assert_eq!(
        body(refused).await["error"],
        "body must contain at most 5000 logs"
    );
}

/// Issue #20: n8n re-evaluates `broadcast_at: {{$now}}` on every Retry On Fail try, so a
/// retry differs from the stored log by seconds. Without an Idempotency-Key, a log with
/// the same fields and a time within 10 minutes of the first's is that log again; another
/// status or message, or the same fields much later, is another event.
#[tokio::test]
async fn a_broadcast_retry_with_a_moved_time_is_stored_once() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["broadcast:write"]).await;
    let at = |time: &str| {
        json!({"tracking_number": "LOG2024120100123", "consignee_phone": "6281234567890",
               "status": "failed", "message_content": "Paket Anda sedang dalam perjalanan",
               "error_message": "Nomor tidak terdaftar WA", "broadcast_at": time})
    };
    let logs = || count(&app, "select count(*) from broadcast_logs");
    let first = push(
        &app,
        "/api/v1/broadcast-logs",
        &key,
        None,
        &at("2026-12-01T08:30:00.120+07:00"),
    )
    .await;
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    // The tries after a lost answer: seconds later, in another offset too.
    for later in [
        "2026-12-01T08:30:04.871+07:00",
        "2026-12-01T01:30:19Z",
        "2026-12-01T08:39:59+07:00",
    ] {
        let again = push(&app, "/api/v1/broadcast-logs", &key, None, &at(later)).await;
        assert_eq!(again.status(), 201, "{later}");
        assert_eq!(again.headers()["idempotent-replayed"], "true", "{later}");
        assert_eq!(body(again).await, first, "{later}: the first answer");
    }
    assert_eq!(logs().await, 1);
    let (stored_at,): (String,) = sqlx::query_as(
        "select to_char(broadcast_at at time zone 'Asia/Jakarta', 'HH24:MI:SS.MS') from broadcast_logs",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(stored_at, "08:30:00.120", "the first try's time is kept");

    // Another status, another message, or the same fields later: other events.
    let mut delivered = at("2026-12-01T08:30:05+07:00");
    delivered["status"] = json!("success");
    delivered["error_message"] = Value::Null;
    let mut reworded = at("2026-12-01T08:30:06+07:00");
    reworded["message_content"] = json!("Paket Anda sudah tiba di kota tujuan");
    let next_round = at("2026-12-01T08:40:01+07:00");
    for (other, what) in [
        (delivered, "status"),
        (reworded, "message"),
        (next_round, "11 min later"),
    ] {
        let stored = push(&app, "/api/v1/broadcast-logs", &key, None, &other).await;
        assert_eq!(stored.status(), 201, "{what}");
        assert!(
            stored.headers().get("idempotent-replayed").is_none(),
            "{what}"
        );
        assert_ne!(body(stored).await["log_id"], first["log_id"], "{what}");
    }
    assert_eq!(logs().await, 4);
    // Another key sending the same log is another sender.
    let other_key = api_key(&app, &["broadcast:write"]).await;
    let theirs = push(
        &app,
        "/api/v1/broadcast-logs",
        &other_key,
        None,
        &at("2026-12-01T08:30:01+07:00"),
    )
    .await;
    assert!(theirs.headers().get("idempotent-replayed").is_none());
    assert_eq!(logs().await, 5);
}

/// The same for a batch (each item's time may move) and for tries that arrive while the
/// first is still being stored; with an Idempotency-Key a moved time is no other body.
#[tokio::test]
async fn broadcast_batches_and_concurrent_tries_with_moved_times_are_stored_once() {
    let app = TestApp::spawn().await;
    let key = api_key(&app, &["broadcast:write"]).await;
    let batch = |second: u32| {
        json!([
            {"tracking_number": "LOG-R1", "phone": "0812-3456-7890", "status": "success",
             "message": "Terkirim", "broadcast_at": format!("2026-12-01T08:30:{second:02}+07:00")},
            {"status": "failed"},
            {"tracking_number": "LOG-R2", "status": "pending",
             "sent_at": format!("2026-12-01T08:31:{second:02}+07:00")}
        ])
    };
    let first = push(&app, "/api/v1/broadcast-logs", &key, None, &batch(0)).await;
    assert_eq!(first.status(), 207);
    let first = body(first).await;
    let again = push(&app, "/api/v1/broadcast-logs", &key, None, &batch(9)).await;
    assert_eq!(again.status(), 207);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(body(again).await, first);
    assert_eq!(count(&app, "select count(*) from broadcast_logs").await, 2);

    // Five tries at once, each a second later than the one before: one log.
    let single = |second: u32| {
        json!({"tracking_number": "LOG-C1", "status": "success", "message_content": "Halo",
               "broadcast_at": format!("2026-12-01T09:00:{second:02}Z")})
    };
    let mut tasks = Vec::new();
    for second in 0..5 {
        let request = app
            .client
            .post(app.url("/api/v1/broadcast-logs"))
            .header("X-API-KEY", &key)
            .json(&single(second));
        tasks.push(tokio::spawn(async move {
            body(request.send().await.unwrap()).await["log_id"].clone()
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap());
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(
        count(
            &app,
            "select count(*) from broadcast_logs where tracking_number = 'LOG-C1'"
        )
        .await,
        1
    );

    // A stable Idempotency-Key with a time taken per try: the first answer, not a 422.
    let keyed = push(
        &app,
        "/api/v1/broadcast-logs",
        &key,
        Some("LOG-K1-success"),
        &json!({
        "tracking_number": "LOG-K1", "status": "success", "broadcast_at": "2026-12-01T10:00:00Z"}),
    )
    .await;
    assert_eq!(keyed.status(), 201);
    let keyed = body(keyed).await;
    let retried = push(
        &app,
        "/api/v1/broadcast-logs",
        &key,
        Some("LOG-K1-success"),
        &json!({
        "tracking_number": "LOG-K1", "status": "success", "broadcast_at": "2026-12-01T10:00:07Z"}),
    )
    .await;
    assert_eq!(retried.status(), 201);
    assert_eq!(body(retried).await, keyed);
    let reused = push(
        &app,
        "/api/v1/broadcast-logs",
        &key,
        Some("LOG-K1-success"),
        &json!({
        "tracking_number": "LOG-K1", "status": "failed", "broadcast_at": "2026-12-01T10:00:07Z"}),
    )
    .await;
    assert_eq!(reused.status(), 422, "another status is another body");
    assert_eq!(
        count(
            &app,
            "select count(*) from broadcast_logs where tracking_number = 'LOG-K1'"
        )
        .await,
        1
    );
}

/// The example workflows of docs/n8n post to these endpoints with the shipped credential
/// and retries on; their "Map to Command Center fields" node sets the contract's field
/// names; nothing in them reads n8n's environment (blocked in n8n 2.x) or takes a value
/// per try or per execution (`$now`, `$execution`), so a retry or a re-run sends the same
/// body; and a failed request stops the run instead of going to an error output. `make
/// n8n-e2e` runs them in a real n8n.
#[test]
fn the_example_n8n_workflows_match_the_contract() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/n8n");
    let read = |file: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(docs.join(file)).unwrap()).unwrap()
    };
    let credential = &read("credentials.json")[0];
    assert_eq!(credential["type"], "httpHeaderAuth");
    assert_eq!(credential["data"]["name"], "X-API-KEY");
    for (file, path, fields) in [
        (
            "broadcast-logistic.json",
            "/api/v1/broadcast-logs",
            &[
                "tracking_number",
                "consignee_phone",
                "status",
                "message_content",
                "error_message",
                "broadcast_at",
            ][..],
        ),
        (
            "automation-cs.json",
            "/api/v1/tickets",
            &[
                "tracking_number",
                "customer_phone",
                "subject",
                "description",
                "priority",
            ][..],
        ),
    ] {
        let workflow = read(file);
        let nodes = workflow["nodes"].as_array().unwrap();
        for node in nodes {
            let parameters = node["parameters"].to_string();
            for banned in ["$env", "$now", "$execution", "Date.now", "new Date"] {
                assert!(
                    !parameters.contains(banned),
                    "{file}: {} uses {banned}",
                    node["name"]
                );
            }
            assert!(
                node.get("onError").is_none(),
                "{file}: a failure stops the run"
            );
        }
        let node = |kind: &str| {
            nodes
                .iter()
                .find(|n| n["type"] == kind)
                .unwrap_or_else(|| panic!("{file}: a {kind} node"))
        };
        let http = node("n8n-nodes-base.httpRequest");
        let p = &http["parameters"];
        assert_eq!(p["method"], "POST", "{file}");
        assert_eq!(
            p["url"],
            format!("https://command-center.example.com{path}"),
            "{file}: the URL to edit"
        );
        assert_eq!(p["genericAuthType"], "httpHeaderAuth", "{file}");
        assert_eq!(p["jsonBody"], "={{ JSON.stringify($json) }}", "{file}");
        assert!(
            p.get("headerParameters").is_none(),
            "{file}: no Idempotency-Key"
        );
        assert_eq!(http["retryOnFail"], true, "{file}");
        assert!(
            http.get("onError").is_none(),
            "{file}: a failure stops the run"
        );
        assert_eq!(
            http["credentials"]["httpHeaderAuth"]["id"], credential["id"],
            "{file}: the shipped credential"
        );
        let set: Vec<&str> = node("n8n-nodes-base.set")["parameters"]["assignments"]["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(set, fields, "{file}: the fields sent");
        // Start → example items → map → HTTP request, in one chain.
        let connections = workflow["connections"].as_object().unwrap();
        assert_eq!(connections.len(), 3, "{file}");
        assert!(
            connections
                .values()
                .any(|c| c.to_string().contains(http["name"].as_str().unwrap())),
            "{file}: the HTTP node is connected"
        );
    }
}
