//! The webhook contract with Meta's own body shapes, replays, status precedence, the lead
//! of an unknown number, signatures and the handshake.

use std::collections::HashMap;

use futures_util::future::join_all;
use integration_tests::{body, Options, TestApp, WA_APP_SECRET, WA_VERIFY_TOKEN};
use serde_json::{json, Value};

use super::{count, deliver, fixture, key, post, text_from};

const ALL_BODIES: &[&str] = &[
    "text.json",
    "interactive_button_reply.json",
    "multi_entry.json",
    "interactive_list_reply.json",
    "media_burst.json",
    "image.json",
    "contacts_message.json",
    "location.json",
    "sticker.json",
    "reaction.json",
    "unsupported.json",
    "status_sent.json",
    "status_delivered.json",
    "status_read.json",
    "status_failed.json",
    "statuses_many.json",
];

/// Status and error of each outbound message, by the tail of its id.
async fn outbound_states(app: &TestApp) -> HashMap<String, (String, Option<Value>)> {
    let rows: Vec<(String, String, Option<Value>)> = sqlx::query_as(
        "select right(provider_message_id, 6), status, errors from messages where direction = 'outbound'",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    rows.into_iter().map(|(id, s, e)| (id, (s, e))).collect()
}

#[tokio::test]
async fn every_cloud_api_body_is_stored_once_linked_and_in_order() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    // The statuses come before n8n forwards the messages they are about.
    for name in ALL_BODIES {
        let answer = deliver(&app, &key, &fixture(name)).await;
        assert_eq!(answer["received"], true, "{name}");
        assert_eq!(answer["duplicate"], false, "{name}");
    }
    let outbound = post(&app, &key, "/outbound", &fixture("outbound_batch.json")).await;
    assert_eq!(outbound.status(), 200);
    assert_eq!(
        body(outbound).await,
        json!({"stored": 4, "duplicates": 0, "deferred": false})
    );

    // 17 customer messages, 4 of ours; 10 status items of which one repeats.
    assert_eq!(
        count(
            &app,
            "select count(*) from messages where direction = 'inbound'"
        )
        .await,
        17
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from messages where direction = 'outbound'"
        )
        .await,
        4
    );
    assert_eq!(
        count(&app, "select count(*) from message_status_events").await,
        9
    );
    // OUT003: read came before delivered and stays read; OUT002 failed with the
    // provider's error verbatim; OUT001 read; OUT004 delivered.
    let states = outbound_states(&app).await;
    assert_eq!(states["OUT001"].0, "read");
    assert_eq!(states["OUT003"].0, "read");
    assert_eq!(states["OUT004"].0, "delivered");
    assert_eq!(states["OUT002"].0, "failed");
    let error = &states["OUT002"].1.as_ref().unwrap()[0];
    assert_eq!(error["code"], 131047);
    assert_eq!(error["title"], "Re-engagement message");
    assert!(error["error_data"]["details"]
        .as_str()
        .unwrap()
        .contains("24 hours"));
    // The pricing of the delivered status is kept verbatim.
    let pricing: Value =
        sqlx::query_scalar("select pricing from messages where provider_message_id like '%OUT001'")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(pricing["category"], "service");

    // One conversation per customer number; the campaign message to Siti went out before
    // she wrote, outside any conversation.
    assert_eq!(count(&app, "select count(*) from conversations").await, 3);
    assert_eq!(
        count(&app, "select count(*) from messages where conversation_id is null and campaign_id is not null").await,
        1
    );
    // Each unknown number became one lead with channel whatsapp; the number on the shared
    // contact card did not.
    let leads: Vec<(String, String, String)> =
        sqlx::query_as("select phone, channel, contact_name from leads order by phone")
            .fetch_all(&app.owner)
            .await
            .unwrap();
    assert_eq!(
        leads,
        [
            (
                "+6281234567001".into(),
                "whatsapp".into(),
                "Budi Santoso".into()
            ),
            (
                "+6281234567002".into(),
                "whatsapp".into(),
                "Siti Rahma".into()
            ),
            ("+6281234567003".into(), "whatsapp".into(), "Andi".into()),
        ]
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from conversations c join leads l on l.id = c.lead_id \
                     where l.phone = c.customer_phone and c.customer_id = l.customer_id"
        )
        .await,
        3
    );
    // What each type shows as its text, and the type's object kept.
    let texts: HashMap<String, (String, Option<String>)> = sqlx::query_as::<_, (String, String, Option<String>)>(
        "select right(provider_message_id, 5), message_type, body from messages where direction = 'inbound'",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap()
    .into_iter()
    .map(|(id, t, b)| (id, (t, b)))
    .collect();
    assert_eq!(
        texts["IN002"],
        ("interactive".into(), Some("Bicara dengan agen".into()))
    );
    assert_eq!(
        texts["IN005"],
        ("interactive".into(), Some("Cek ongkir".into()))
    );
    assert_eq!(texts["IN007"].0, "image");
    assert_eq!(texts["IN007"].1.as_deref(), Some("Resi pengiriman"));
    assert_eq!(texts["IN011"].0, "audio");
    assert_eq!(texts["IN017"].0, "unsupported");
    // Budi's conversation: the bot answered first, then the agent, who took it.
    let (bot, agent, assigned): (bool, bool, bool) = sqlx::query_as(
        "select first_bot_reply_at is not null, first_agent_reply_at > first_bot_reply_at, \
                assigned_to_user_id is null from conversations where customer_phone = '+6281234567001'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    // (the fixture's agent e-mail is the demo agent, who is not in this database)
    assert_eq!((bot, agent, assigned), (true, true, true));

    // Every body again: nothing new anywhere.
    for name in ALL_BODIES {
        let answer = deliver(&app, &key, &fixture(name)).await;
        assert_eq!(answer["duplicate"], true, "{name}");
    }
    let again = post(&app, &key, "/outbound", &fixture("outbound_batch.json")).await;
    assert_eq!(body(again).await["duplicates"], 4);
    assert_eq!(count(&app, "select count(*) from messages").await, 21);
    assert_eq!(count(&app, "select count(*) from leads").await, 3);
    assert_eq!(
        count(
            &app,
            "select count(*) from wa_webhook_events where processed_at is null"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn replays_concurrent_and_sequential_store_one_message() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let text = fixture("text.json");
    let answers = join_all((0..10).map(|_| deliver(&app, &key, &text))).await;
    let fresh = answers.iter().filter(|a| a["duplicate"] == false).count();
    assert_eq!(fresh, 1, "{answers:?}");
    for _ in 0..3 {
        assert_eq!(deliver(&app, &key, &text).await["duplicate"], true);
    }
    // A relay that re-serialises the body (another key order, an extra field) sends a
    // different body with the same message: stored once.
    let mut relayed = text.clone();
    relayed["entry"][0]["changes"][0]["value"]["relay"] = json!("n8n");
    let answer = deliver(&app, &key, &relayed).await;
    assert_eq!(
        (answer["duplicate"].clone(), answer["messages"].clone()),
        (json!(false), json!(0))
    );
    assert_eq!(count(&app, "select count(*) from messages").await, 1);
    assert_eq!(count(&app, "select count(*) from conversations").await, 1);
    assert_eq!(count(&app, "select count(*) from leads").await, 1);
}

#[tokio::test]
async fn an_unknown_number_becomes_exactly_one_lead_also_under_concurrency() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let bodies: Vec<Value> = (0..10)
        .map(|n| {
            text_from(
                "6281299990001",
                &format!("wamid.burst{n}"),
                1_796_778_000 + n,
                "halo",
            )
        })
        .collect();
    join_all(bodies.iter().map(|b| deliver(&app, &key, b))).await;
    assert_eq!(count(&app, "select count(*) from messages").await, 10);
    assert_eq!(
        count(
            &app,
            "select count(*) from leads where phone = '+6281299990001'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "select count(*) from customers where phone = '+6281299990001'"
        )
        .await,
        1
    );
    assert_eq!(count(&app, "select count(*) from conversations").await, 1);

    // A customer known by phone is linked, and no lead is made for them.
    let customer: uuid::Uuid = sqlx::query_scalar(
        "insert into customers (company_name, phone, contact_name) \
         values ('PT Sudah Kenal', '+6281299990002', 'Bu Rina') returning id",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    deliver(
        &app,
        &key,
        &text_from("6281299990002", "wamid.known", 1_796_778_100, "pagi"),
    )
    .await;
    let linked: Option<uuid::Uuid> = sqlx::query_scalar(
        "select customer_id from conversations where customer_phone = '+6281299990002'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(linked, Some(customer));
    assert_eq!(
        count(
            &app,
            "select count(*) from leads where phone = '+6281299990002'"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn with_leads_switched_off_an_unknown_number_stays_unlinked() {
    let app = TestApp::spawn_with(Options {
        no_whatsapp_leads: true,
        ..Options::default()
    })
    .await;
    let key = key(&app, &["whatsapp:write"]).await;
    deliver(&app, &key, &fixture("text.json")).await;
    assert_eq!(count(&app, "select count(*) from leads").await, 0);
    assert_eq!(
        count(
            &app,
            "select count(*) from conversations where customer_id is null and lead_id is null"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn statuses_never_move_back() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let outbound = json!([{"provider_message_id": "wamid.X1", "to": "081234567001",
                           "sender_kind": "agent", "text": "Sudah kami cek",
                           "timestamp": "2026-12-09T08:00:00+07:00"}]);
    assert_eq!(post(&app, &key, "/outbound", &outbound).await.status(), 200);
    let status = |s: &str, at: i64| {
        json!({"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages",
            "value": {"metadata": {"phone_number_id": "110000000000001"},
                      "statuses": [{"id": "wamid.X1", "status": s, "timestamp": at.to_string(),
                                    "recipient_id": "6281234567001"}]}}]}]})
    };
    let read_status = || async {
        sqlx::query_scalar::<_, String>(
            "select status from messages where provider_message_id = 'wamid.X1'",
        )
        .fetch_one(&app.owner)
        .await
        .unwrap()
    };
    deliver(&app, &key, &status("read", 1_796_778_060)).await;
    assert_eq!(read_status().await, "read");
    deliver(&app, &key, &status("delivered", 1_796_778_030)).await;
    deliver(&app, &key, &status("sent", 1_796_778_001)).await;
    assert_eq!(read_status().await, "read");
    // All three kept, append-only, once each; a repeat adds nothing.
    deliver(&app, &key, &{
        let mut again = status("delivered", 1_796_778_030);
        again["entry"][0]["id"] = json!("2");
        again
    })
    .await;
    assert_eq!(
        count(
            &app,
            "select count(*) from message_status_events where provider_message_id = 'wamid.X1'"
        )
        .await,
        3
    );
    let (delivered, read): (bool, bool) = sqlx::query_as(
        "select delivered_at < read_at, read_at is not null from messages where provider_message_id = 'wamid.X1'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(delivered && read);
    // The first body told us nothing of the business number; the customer's answer does,
    // and it joins the same conversation.
    deliver(
        &app,
        &key,
        &text_from("6281234567001", "wamid.X2", 1_796_778_100, "makasih"),
    )
    .await;
    let business: Vec<String> = sqlx::query_scalar("select business_phone_id from conversations")
        .fetch_all(&app.owner)
        .await
        .unwrap();
    assert_eq!(business, ["110000000000001"]);
}

#[tokio::test]
async fn a_conversation_ends_after_a_day_of_silence_or_when_resolved() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let t = 1_796_778_000;
    deliver(
        &app,
        &key,
        &text_from("6281299990003", "wamid.c1", t, "satu"),
    )
    .await;
    // 23 h 59 min later: the same conversation.
    deliver(
        &app,
        &key,
        &text_from("6281299990003", "wamid.c2", t + 86_340, "dua"),
    )
    .await;
    assert_eq!(count(&app, "select count(*) from conversations").await, 1);
    // A day after the last message: a new one; the silent one ended by timeout.
    deliver(
        &app,
        &key,
        &text_from("6281299990003", "wamid.c3", t + 86_340 + 86_401, "tiga"),
    )
    .await;
    let cycles: Vec<(String, Option<String>, bool)> = sqlx::query_as(
        "select status, resolved_by, is_current from conversations order by opened_at",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        cycles,
        [
            ("resolved".into(), Some("timeout".into()), false),
            ("open".into(), None, true)
        ]
    );
    // Resolved by an agent: the next message starts a new cycle straight away.
    sqlx::query("update conversations set status = 'resolved', resolved_at = now(), resolved_by = 'agent' where is_current")
        .execute(&app.owner)
        .await
        .unwrap();
    deliver(
        &app,
        &key,
        &text_from("6281299990003", "wamid.c4", t + 86_340 + 86_500, "empat"),
    )
    .await;
    assert_eq!(count(&app, "select count(*) from conversations").await, 3);
    assert_eq!(count(&app, "select count(*) from leads").await, 1);
}

#[tokio::test]
async fn only_the_right_credentials_and_bodies_get_in() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let other = super::key(&app, &["tickets:write"]).await;
    let text = fixture("text.json");
    let raw = serde_json::to_vec(&text).unwrap();
    let send = |headers: Vec<(&'static str, String)>, bytes: Vec<u8>| {
        let mut request = app
            .client
            .post(app.url("/api/v1/webhooks/whatsapp"))
            .header("content-type", "application/json")
            .body(bytes);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        request.send()
    };
    let signature = domain::whatsapp::sign(WA_APP_SECRET.as_bytes(), &raw).unwrap();
    let wrong = domain::whatsapp::sign(b"another-secret", &raw).unwrap();
    let cases = [
        (vec![], raw.clone(), 401),
        (vec![("X-API-KEY", "nope".to_owned())], raw.clone(), 401),
        (vec![("X-API-KEY", other)], raw.clone(), 403),
        (vec![("X-Hub-Signature-256", wrong)], raw.clone(), 401),
        (
            vec![("X-Hub-Signature-256", signature.clone())],
            b"{}".to_vec(),
            401,
        ),
        (
            vec![("X-API-KEY", key.clone())],
            b"{\"object\": ".to_vec(),
            400,
        ),
        (
            vec![("X-API-KEY", key.clone())],
            b"{\"object\": \"page\", \"entry\": []}".to_vec(),
            400,
        ),
        (vec![("X-API-KEY", key.clone())], b"[]".to_vec(), 400),
    ];
    for (headers, bytes, expected) in cases {
        let response = send(headers.clone(), bytes).await.unwrap();
        assert_eq!(response.status(), expected, "{headers:?}");
        let error = body(response).await;
        assert!(error["error"].is_string(), "{error}");
    }
    assert_eq!(
        count(&app, "select count(*) from wa_webhook_events").await,
        0
    );
    // Meta's signed body, as it came.
    let signed = send(vec![("X-Hub-Signature-256", signature)], raw)
        .await
        .unwrap();
    assert_eq!(signed.status(), 200);
    assert_eq!(
        count(&app, "select count(*) from wa_webhook_events where via = 'signature' and processed_at is not null").await,
        1
    );
    assert_eq!(count(&app, "select count(*) from messages").await, 1);

    // The subscription handshake.
    let handshake = |token: &str| {
        app.client
            .get(app.url(&format!(
                "/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444"
            )))
            .send()
    };
    let ok = handshake(WA_VERIFY_TOKEN).await.unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.text().await.unwrap(), "1158201444");
    assert_eq!(handshake("wrong").await.unwrap().status(), 403);
}

#[tokio::test]
async fn outbound_items_are_checked_all_at_once() {
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let response = post(
        &app,
        &key,
        "/outbound",
        &json!([
            {"provider_message_id": "wamid.ok", "to": "0812-3456-7001", "sender_kind": "bot",
             "timestamp": "2026-12-09T08:00:00+07:00"},
            {"to": "12", "sender_kind": "customer", "timestamp": "09/12/2026"}
        ]),
    )
    .await;
    assert_eq!(response.status(), 400);
    let error = body(response).await;
    let fields: Vec<&String> = error["details"].as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "1.provider_message_id",
            "1.sender_kind",
            "1.timestamp",
            "1.to"
        ]
    );
    assert_eq!(count(&app, "select count(*) from messages").await, 0);
}
