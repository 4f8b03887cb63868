//! Who sees and works which conversation (WA-2/WA-3 scopes), tried against the rules:
//! agents their own and the queue, sales their customers', the rest nothing.

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{count, deliver, key, text_from};

async fn patch(app: &TestApp, token: &str, id: Uuid, change: Value) -> reqwest::Response {
    app.request(
        Method::PATCH,
        &format!("/api/v1/conversations/{id}"),
        Some(token),
        Some(change),
    )
    .await
}

async fn conversation_of(app: &TestApp, phone: &str) -> Uuid {
    sqlx::query_scalar("select id from conversations where customer_phone = $1 and is_current")
        .bind(phone)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let response = app
        .get(&format!("/api/v1/conversations{query}"), token)
        .await;
    assert_eq!(response.status(), 200);
    let mut phones: Vec<String> = body(response).await["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["customer_phone"].as_str().unwrap().to_owned())
        .collect();
    phones.sort();
    phones
}

#[tokio::test]
async fn each_role_sees_and_works_only_its_conversations() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    for (n, phone) in ["6281200000001", "6281200000002", "6281200000003"]
        .iter()
        .enumerate()
    {
        deliver(
            &app,
            &key,
            &text_from(
                phone,
                &format!("wamid.s{n}"),
                1_796_778_000 + n as i64,
                "halo",
            ),
        )
        .await;
    }
    let (one, two, three) = (
        conversation_of(&app, "+6281200000001").await,
        conversation_of(&app, "+6281200000002").await,
        conversation_of(&app, "+6281200000003").await,
    );
    let cs_admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let other_agent = app.user(Role::CsAgent).await;
    let salesperson = app.user(Role::Salesperson).await;
    let director = app.user(Role::Director).await;

    // The CS admin hands one to each agent; the third stays in the queue.
    for (id, to) in [(one, agent.id), (two, other_agent.id)] {
        let r = body(
            patch(
                &app,
                &cs_admin.token,
                id,
                json!({"assigned_to_user_id": to}),
            )
            .await,
        )
        .await;
        assert_eq!(r["assigned_to_user_id"], json!(to), "{r}");
    }
    // Not to someone outside CS.
    let r = patch(
        &app,
        &cs_admin.token,
        three,
        json!({"assigned_to_user_id": salesperson.id}),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(body(r).await["details"]["assigned_to_user_id"].is_array());

    assert_eq!(listed(&app, &cs_admin.token, "").await.len(), 3);
    assert_eq!(listed(&app, &director.token, "").await.len(), 3);
    assert_eq!(
        listed(&app, &agent.token, "").await,
        ["+6281200000001", "+6281200000003"]
    );
    assert_eq!(
        listed(&app, &agent.token, "?agent=me").await,
        ["+6281200000001"]
    );
    assert_eq!(
        listed(&app, &agent.token, "?agent=unassigned").await,
        ["+6281200000003"]
    );
    // Another agent's conversation is not there, not even by id, and cannot be changed.
    let by_id = app
        .get(&format!("/api/v1/conversations/{two}"), &agent.token)
        .await;
    assert_eq!(by_id.status(), 404);
    assert_eq!(
        patch(&app, &agent.token, two, json!({"status": "resolved"}))
            .await
            .status(),
        404
    );
    // An agent takes from the queue only for themselves.
    let r = patch(
        &app,
        &agent.token,
        three,
        json!({"assigned_to_user_id": other_agent.id}),
    )
    .await;
    assert_eq!(r.status(), 403, "{:?}", r.text().await);
    let r = patch(
        &app,
        &agent.token,
        three,
        json!({"assigned_to_user_id": agent.id, "status": "pending"}),
    )
    .await;
    assert_eq!(r.status(), 200);

    // Sales see the conversations of their customers only.
    assert!(listed(&app, &salesperson.token, "").await.is_empty());
    sqlx::query("update customers set owner_user_id = $1 where phone = '+6281200000002'")
        .bind(salesperson.id)
        .execute(&app.owner)
        .await
        .unwrap();
    assert_eq!(
        listed(&app, &salesperson.token, "").await,
        ["+6281200000002"]
    );
    assert_eq!(
        patch(&app, &salesperson.token, two, json!({"status": "resolved"}))
            .await
            .status(),
        403
    );

    // Roles without conversations, and the read-only director.
    for role in [Role::MarketingStaff, Role::FinanceManager, Role::OpsExim] {
        let user = app.user(role).await;
        assert_eq!(
            app.get("/api/v1/conversations", &user.token).await.status(),
            403,
            "{role:?}"
        );
    }
    assert_eq!(
        patch(&app, &director.token, one, json!({"status": "resolved"}))
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn a_conversation_reads_as_a_thread_and_opens_a_ticket_once() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    deliver(
        &app,
        &key,
        &text_from(
            "6281200000009",
            "wamid.t1",
            1_796_778_000,
            "Paket saya rusak",
        ),
    )
    .await;
    let outbound = json!([{"provider_message_id": "wamid.t2", "to": "081200000009", "sender_kind": "bot",
                           "text": "Terima kasih, kami bantu cek.", "timestamp": "2026-12-09T08:00:20+07:00"}]);
    let stored = super::post(&app, &key, "/outbound", &outbound).await;
    assert_eq!(stored.status(), 200);
    let id = conversation_of(&app, "+6281200000009").await;
    let agent = app.user(Role::CsAgent).await;

    let thread = body(
        app.get(&format!("/api/v1/conversations/{id}"), &agent.token)
            .await,
    )
    .await;
    assert_eq!(thread["customer_phone"], "+6281200000009", "{thread}");
    assert!(thread["lead_code"].as_str().unwrap().starts_with("LEAD-"));
    let kinds: Vec<(&str, &str)> = thread["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["sender_kind"].as_str().unwrap(),
                m["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(kinds, [("customer", "received"), ("bot", "sent")]);

    let opened = app
        .post(
            &format!("/api/v1/conversations/{id}/ticket"),
            &agent.token,
            json!({"priority": "high"}),
        )
        .await;
    assert_eq!(opened.status(), 201);
    let ticket = body(opened).await;
    let again = app
        .post(
            &format!("/api/v1/conversations/{id}/ticket"),
            &agent.token,
            json!({}),
        )
        .await;
    assert_eq!(again.status(), 200);
    assert_eq!(body(again).await["ticket_id"], ticket["ticket_id"]);
    let (source, phone, priority, description): (String, String, String, String) = sqlx::query_as(
        "select source, customer_phone, priority, description from tickets where id = $1",
    )
    .bind(Uuid::parse_str(ticket["ticket_id"].as_str().unwrap()).unwrap())
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        (source.as_str(), phone.as_str(), priority.as_str()),
        ("whatsapp", "+6281200000009", "high")
    );
    // The ticket carries what the customer last wrote (the bot's reply came after).
    assert_eq!(description, "Paket saya rusak");
    assert_eq!(count(&app, "select count(*) from tickets").await, 1);
}
