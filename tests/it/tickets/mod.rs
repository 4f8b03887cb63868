//! TCK-1/3/4: the status machine (API and database), closed_at, lost inquiries, the
//! first response, assignment rights and who sees which tickets.

mod pii;
mod reply;
mod rls;
mod scale;
mod sla;

use domain::{
    tickets::{transition_allowed, STATUSES},
    Role,
};
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};
use uuid::Uuid;

async fn open_ticket(app: &TestApp, by: &TestUser, payload: Value) -> Uuid {
    let created = app.post("/api/v1/tickets", &by.token, payload).await;
    assert_eq!(created.status(), 201);
    body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn general(subject: &str) -> Value {
    json!({"subject": subject, "description": "Mohon dibantu", "ticket_type": "general_request"})
}

async fn patch(app: &TestApp, user: &TestUser, id: Uuid, change: Value) -> reqwest::Response {
    app.update_ticket(user, &id, change).await
}

/// Puts a ticket into `status` directly (bypassing the machine, as test setup only).
async fn force_status(app: &TestApp, id: Uuid, status: &str) {
    let mut tx = app.owner.begin().await.unwrap();
    sqlx::query("set local session_replication_role = replica")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("update tickets set status = $2 where id = $1")
        .bind(id)
        .bind(status)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn events(app: &TestApp, id: Uuid, kind: &str) -> i64 {
    sqlx::query_scalar("select count(*) from sla_events where ticket_id = $1 and event_type = $2")
        .bind(id)
        .bind(kind)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

#[tokio::test]
async fn every_transition_is_checked_against_the_table() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let id = open_ticket(&app, &admin, general("Transisi")).await;
    for from in STATUSES {
        for to in STATUSES {
            if from == to {
                continue;
            }
            force_status(&app, id, from).await;
            let response = patch(&app, &admin, id, json!({"status": to})).await;
            // The table itself is written out and checked in the domain's unit test.
            let expected = transition_allowed(from, to);
            if expected {
                assert_eq!(response.status(), 200, "{from} → {to}");
                assert_eq!(body(response).await["status"], to);
            } else {
                assert_eq!(response.status(), 422, "{from} → {to}");
                let answer = body(response).await;
                assert_eq!(answer["code"], "validation_failed");
                assert!(answer["details"]["status"].is_array(), "{answer}");
            }
            // The database refuses the same, whoever asks.
            force_status(&app, id, from).await;
            let mut tx = app.tx_as(&admin).await;
            let direct = sqlx::query("update tickets set status = $2 where id = $1")
                .bind(id)
                .bind(to)
                .execute(&mut *tx)
                .await;
            assert_eq!(direct.is_ok(), expected, "database: {from} → {to}");
        }
    }
}

#[tokio::test]
async fn closed_at_follows_closing_and_reopening_and_a_lost_inquiry_needs_a_reason() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let id = open_ticket(&app, &admin, general("Tutup")).await;
    let closed = body(patch(&app, &admin, id, json!({"status": "closed"})).await).await;
    assert!(closed["closed_at"].is_string(), "{closed}");
    assert_eq!(events(&app, id, "RESOLVED").await, 1);
    let reopened = body(patch(&app, &admin, id, json!({"status": "in_progress"})).await).await;
    assert!(reopened["closed_at"].is_null(), "{reopened}");
    assert_eq!(events(&app, id, "REOPENED").await, 1);
    // Clients cannot set closed_at themselves.
    let forged = patch(
        &app,
        &admin,
        id,
        json!({"closed_at": "2020-01-01T00:00:00Z"}),
    )
    .await;
    assert_eq!(forged.status(), 422);

    // An RFQ from the lead bundle, closed as lost: the reason is required.
    let marketing = app.user(Role::MarketingStaff).await;
    let lead = app
        .post(
            "/api/v1/leads",
            &marketing.token,
            json!({"company_name": "PT Tarif Uji", "contact_name": "Ani", "channel": "website",
                   "need_rfq": true,
                   "rfq": {"service": "DOM", "origin": "Jakarta", "destination": "Medan",
                           "commodity": "Sparepart"}}),
        )
        .await;
    assert_eq!(lead.status(), 201);
    let rfq: Uuid = body(lead).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let no_reason = patch(
        &app,
        &admin,
        rfq,
        json!({"status": "closed", "inquiry_outcome": "lost"}),
    )
    .await;
    assert_eq!(no_reason.status(), 422);
    assert_eq!(
        body(no_reason).await["details"]["close_reason"],
        json!(["is required for a lost inquiry"])
    );
    // The database holds the same rule.
    let mut tx = app.tx_as(&admin).await;
    let direct =
        sqlx::query("update tickets set status = 'closed', inquiry_outcome = 'lost' where id = $1")
            .bind(rfq)
            .execute(&mut *tx)
            .await;
    assert!(direct.is_err());
    drop(tx);
    let lost = patch(
        &app,
        &admin,
        rfq,
        json!({"status": "closed", "inquiry_outcome": "lost", "close_reason": "Harga terlalu tinggi"}),
    )
    .await;
    assert_eq!(lost.status(), 200);
    let lost = body(lost).await;
    assert_eq!(lost["inquiry_outcome"], "lost");
    // An outcome belongs to inquiries only.
    let other = open_ticket(&app, &admin, general("Bukan RFQ")).await;
    let wrong = patch(
        &app,
        &admin,
        other,
        json!({"status": "closed", "inquiry_outcome": "won"}),
    )
    .await;
    assert_eq!(wrong.status(), 422);
}

#[tokio::test]
async fn first_response_is_the_first_qualifying_reply_only() {
    let app = TestApp::spawn().await;
    let agent = app.user(Role::CsAgent).await;
    // A ticket from n8n: internal notes do not count, the first reply does, once.
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
    let created = app
        .client
        .post(app.url("/api/v1/tickets"))
        .header("X-API-KEY", &key)
        .json(
            &json!({"tracking_number": "LOG-FR-1", "customer_phone": "0812000111",
                      "subject": "Paket belum sampai", "description": "Sudah 5 hari"}),
        )
        .send()
        .await
        .unwrap();
    let n8n: Uuid = body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let comment = |text: &'static str, internal: bool| json!({"comment_text": text, "is_internal_note": internal});
    let path = format!("/api/v1/tickets/{n8n}/comments");
    assert_eq!(
        app.post(&path, &agent.token, comment("Cek dulu ke hub", true))
            .await
            .status(),
        201
    );
    assert_eq!(events(&app, n8n, "FIRST_RESPONSE").await, 0);
    assert_eq!(
        app.post(&path, &agent.token, comment("Halo, kami cek ya", false))
            .await
            .status(),
        201
    );
    assert_eq!(
        app.post(&path, &agent.token, comment("Sudah diteruskan", false))
            .await
            .status(),
        201
    );
    assert_eq!(events(&app, n8n, "FIRST_RESPONSE").await, 1);
    let first_at: (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) = sqlx::query_as(
        "select e.occurred_at, m.created_at from sla_events e, ticket_messages m \
          where e.ticket_id = $1 and e.event_type = 'FIRST_RESPONSE' \
            and m.ticket_id = $1 and m.comment_text = 'Halo, kami cek ya'",
    )
    .bind(n8n)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        first_at.0, first_at.1,
        "the first reply's time, not a later one"
    );
    // The ticket carries the same time (the dashboard's unanswered tickets read it).
    let stamped: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("select first_response_at from tickets where id = $1")
            .bind(n8n)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(stamped, Some(first_at.0));

    // A ticket raised by a colleague: their own messages do not count, anyone else's do
    // (an internal note included).
    let sales = app.user(Role::Salesperson).await;
    let raised = open_ticket(&app, &sales, general("Minta bantuan CS")).await;
    let path = format!("/api/v1/tickets/{raised}/comments");
    assert_eq!(
        app.post(&path, &sales.token, comment("Tambahan info", false))
            .await
            .status(),
        201
    );
    assert_eq!(events(&app, raised, "FIRST_RESPONSE").await, 0);
    assert_eq!(
        app.post(&path, &agent.token, comment("Diterima", true))
            .await
            .status(),
        201
    );
    assert_eq!(events(&app, raised, "FIRST_RESPONSE").await, 1);
    // The detail shows the conversation and the trail.
    let detail = body(app.ticket(&agent, &raised).await).await;
    assert_eq!(detail["comments"].as_array().unwrap().len(), 2);
    let kinds: Vec<&str> = detail["sla_events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["OPENED", "FIRST_RESPONSE"]);
}

#[tokio::test]
async fn the_queue_shows_each_role_its_tickets_and_only_admins_assign() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let other_agent = app.user(Role::CsAgent).await;
    let queue = open_ticket(&app, &admin, general("Antrian CS")).await;
    let mine = open_ticket(&app, &admin, general("Untuk agen")).await;
    let theirs = open_ticket(&app, &admin, general("Untuk agen lain")).await;
    let exim = open_ticket(
        &app,
        &admin,
        json!({"subject": "Dokumen ekspor", "description": "PEB", "ticket_type": "general_request",
               "dept_target": "EXIM", "contact_name": "Bu Sinta", "customer_phone": "081234500001"}),
    )
    .await;

    // Agents cannot assign; admins can; the assignee must be an active user.
    let refused = patch(&app, &agent, mine, json!({"assigned_to_user_id": agent.id})).await;
    assert_eq!(refused.status(), 403);
    let bogus = patch(
        &app,
        &admin,
        mine,
        json!({"assigned_to_user_id": Uuid::new_v4()}),
    )
    .await;
    assert_eq!(bogus.status(), 422);
    for (ticket, user) in [(mine, &agent), (theirs, &other_agent)] {
        let assigned = patch(
            &app,
            &admin,
            ticket,
            json!({"assigned_to_user_id": user.id}),
        )
        .await;
        assert_eq!(assigned.status(), 200);
    }
    assert_eq!(events(&app, mine, "ASSIGNED").await, 1);

    let codes = |list: &Value| -> Vec<String> {
        let mut ids: Vec<String> = list["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids
    };
    let sorted = |ids: &[Uuid]| -> Vec<String> {
        let mut ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        ids.sort();
        ids
    };
    // The agent: their own and the unassigned CS queue, not a colleague's or EXIM's.
    let seen = body(app.tickets(&agent, "").await).await;
    assert_eq!(codes(&seen), sorted(&[queue, mine]));
    let assigned = body(app.tickets(&agent, "?assigned_to=me").await).await;
    assert_eq!(codes(&assigned), sorted(&[mine]));
    let unassigned = body(app.tickets(&agent, "?assigned_to=unassigned").await).await;
    assert_eq!(codes(&unassigned), sorted(&[queue]));
    assert_eq!(app.ticket(&agent, &theirs).await.status(), 404);
    // The agent works their ticket but cannot touch the colleague's.
    assert_eq!(
        patch(
            &app,
            &agent,
            mine,
            json!({"status": "in_progress", "priority": "high"})
        )
        .await
        .status(),
        200
    );
    assert_eq!(
        patch(&app, &agent, theirs, json!({"status": "in_progress"}))
            .await
            .status(),
        404
    );
    // The admin sees all four; filters combine.
    let all = body(app.tickets(&admin, "?per_page=50").await).await;
    assert_eq!(all["total"], 4);
    let exim_only = body(app.tickets(&admin, "?dept=exim").await).await;
    assert_eq!(codes(&exim_only), sorted(&[exim]));
    let high = body(
        app.tickets(&admin, "?priority=high&status=in_progress")
            .await,
    )
    .await;
    assert_eq!(codes(&high), sorted(&[mine]));
    let bad = app.tickets(&admin, "?status=done").await;
    assert_eq!(bad.status(), 422);

    // Operations (EXIM): their department only, never the customer's identity.
    let ops = app.user(Role::OpsExim).await;
    let seen = body(app.tickets(&ops, "").await).await;
    assert_eq!(codes(&seen), sorted(&[exim]));
    let row = &seen["data"][0];
    assert!(
        row["contact_name"].is_null() && row["customer_phone"].is_null(),
        "{row}"
    );
    let detail = body(app.ticket(&ops, &exim).await).await;
    assert!(detail["contact_name"].is_null());
    let searched = body(app.tickets(&ops, "?q=Sinta").await).await;
    assert_eq!(searched["total"], 0, "no searching by identity either");
    assert_eq!(app.ticket(&ops, &queue).await.status(), 404);
    // Ops may work their department's ticket and comment on it.
    assert_eq!(
        patch(&app, &ops, exim, json!({"status": "in_progress"}))
            .await
            .status(),
        200
    );
    assert_eq!(
        app.post(
            &format!("/api/v1/tickets/{exim}/comments"),
            &ops.token,
            json!({"comment_text": "Dokumen sudah kami terima", "is_internal_note": false}),
        )
        .await
        .status(),
        201
    );
    // The director reads everything and writes nothing.
    let director = app.user(Role::Director).await;
    let all = body(app.tickets(&director, "?per_page=50").await).await;
    assert_eq!(all["total"], 4);
    assert_eq!(
        patch(&app, &director, queue, json!({"status": "closed"}))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post(
            &format!("/api/v1/tickets/{queue}/comments"),
            &director.token,
            json!({"comment_text": "x"}),
        )
        .await
        .status(),
        403
    );
}

#[tokio::test]
async fn a_ticket_shows_the_broadcast_history_of_its_awb_to_cs() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    for (status, at) in [
        ("success", "2026-12-01T08:00:00+07:00"),
        ("failed", "2026-12-01T09:00:00+07:00"),
    ] {
        let logged = app
            .post(
                "/api/v1/broadcast-logs",
                &admin.token,
                json!({"tracking_number": "LOG-HIST-1", "status": status, "broadcast_at": at}),
            )
            .await;
        assert_eq!(logged.status(), 201);
    }
    let id = open_ticket(
        &app,
        &admin,
        json!({"subject": "Paket gagal notifikasi", "description": "x",
               "tracking_number": "LOG-HIST-1"}),
    )
    .await;
    let detail = body(app.ticket(&admin, &id).await).await;
    let history = detail["broadcast_history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["status"], "failed", "newest first");
    let by_awb = body(app.tickets(&admin, "?tracking_number=LOG-HIST-1").await).await;
    assert_eq!(by_awb["total"], 1);
}

async fn upload_pdf(app: &TestApp, user: &TestUser) -> String {
    let stored = app
        .client
        .post(app.url("/api/v1/files?bucket=ticket-attachments&name=surat-jalan.pdf"))
        .bearer_auth(&user.token)
        .header("content-type", "application/pdf")
        .body(b"%PDF-1.4\n% surat jalan\n%%EOF\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(stored.status(), 201);
    body(stored).await["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn attachments_follow_the_ticket() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let other_agent = app.user(Role::CsAgent).await;
    let ticket = open_ticket(&app, &admin, general("Lampiran")).await;
    let assigned = patch(
        &app,
        &admin,
        ticket,
        json!({"assigned_to_user_id": agent.id}),
    )
    .await;
    assert_eq!(assigned.status(), 200);

    let file = upload_pdf(&app, &agent).await;
    let path = format!("/api/v1/tickets/{ticket}/attachments");
    let attached = app
        .post(&path, &agent.token, json!({"file_id": file}))
        .await;
    assert_eq!(attached.status(), 201);
    assert_eq!(body(attached).await["original_name"], "surat-jalan.pdf");
    let again = app
        .post(&path, &agent.token, json!({"file_id": file}))
        .await;
    assert_eq!(again.status(), 409);
    // Someone else's upload cannot be attached by me.
    let theirs = upload_pdf(&app, &other_agent).await;
    let foreign = app
        .post(&path, &agent.token, json!({"file_id": theirs}))
        .await;
    assert_eq!(foreign.status(), 422);
    // A ticket I cannot see: 404.
    let hidden = open_ticket(&app, &admin, general("Rahasia")).await;
    let assigned = patch(
        &app,
        &admin,
        hidden,
        json!({"assigned_to_user_id": admin.id}),
    )
    .await;
    assert_eq!(assigned.status(), 200);
    let invisible = app
        .post(
            &format!("/api/v1/tickets/{hidden}/attachments"),
            &other_agent.token,
            json!({"file_id": theirs}),
        )
        .await;
    assert_eq!(invisible.status(), 404);

    let detail = body(app.ticket(&admin, &ticket).await).await;
    assert_eq!(detail["attachments"].as_array().unwrap().len(), 1);
    // Downloads: those who see the ticket may; the other agent and Operations may not.
    let download = |user: &TestUser| {
        let request = app
            .client
            .get(app.url(&format!("/api/v1/files/{file}")))
            .bearer_auth(&user.token);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(download(&admin).await, 200);
    assert_eq!(download(&agent).await, 200);
    assert_eq!(download(&other_agent).await, 404);
    let ops = app.user(Role::OpsExim).await;
    assert_eq!(download(&ops).await, 404);
}
