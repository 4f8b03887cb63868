//! Every figure of the fixture week, worked out by hand.
//!
//! Period 17–23 Aug 2026 (Mon 17th a holiday; business hours Mon–Fri 08:00–17:00 WIB);
//! previous period 10–16 Aug.
//!
//! Messages sent in the period: inbound C2 09:00, C3 10:00 + 10:00:20, C4 14:00, C5 Sun
//! 10:00 = 5 (C1's Friday message is the previous period's 1). Outbound: agents a1, b2, a4
//! = 3; bot bot2, bot3 = 2; campaign k0, k1, k2 = 3; sent 8. Delivered or read now: a1,
//! bot2, b2, k0, k1 = 5 → 5/8 = 62.5 %; read a1, b2, k0 = 3 → 37.5 %; failed bot3, k2 = 2
//! → 25 %. Campaign delivered 2 of 3 → 66.7 %. Cost: k0 and k1 billable marketing at
//! Rp 586.33 = Rp 1,172.66; per conversation opened 1,172.66 / 4 = 293.165 → 293.17.
//!
//! Conversations opened: C2 Tue, C3 Wed, C4 Thu, C5 Sun = 4 (previous: C1 = 1 → +300 %);
//! returning C4 (C1's number) = 1 → 25 %, new 3. Resolved (not by timeout): C1 Tue 08:30,
//! C2 Tue 10:00, C3 Wed 10:05 (bot, without an agent) = 3.
//!
//! First replies of people in the period (business minutes from the customer):
//!   C1 Fri 16:50 → Tue 08:10 = 10 (Fri) + 0 (weekend, Monday's holiday) + 10 (Tue) = 20
//!   C2 Tue 09:00 → 09:40 = 40;  C4 Thu 14:00 → 14:05 = 5
//!   sorted 5, 20, 40: median 20; p90 at rank 0.9 × 2 = 1.8 → 20 + 0.8 × 20 = 36;
//!   average 65 / 3 = 21.67; within 15 minutes: 1 of 3 = 33.3 % → breached.
//!   From the assignment: C1 0 (A took it by answering), C2 09:30 → 09:40 = 10, C4 0:
//!   sorted 0, 0, 10: median 0; p90 rank 1.8 → 0 + 0.8 × 10 = 8.
//! The bot: first replies C2 30 s, C3 45 s → median 37.5, p90 30 + 0.9 × 15 = 43.5;
//!   with the bot 2; closed by the bot alone C3 = 1 → 50 %; escalated C2 = 1 → 50 %;
//!   2 bot replies × 2 minutes = 4 minutes saved; bot share 2 / (2 + 3) = 40 %.
//! Wait for any first reply: C2 30 s, C3 45 s, C4 300 s, C1 Fri 16:50 → Tue 08:10 =
//!   4 days − 8 h 40 min = 314,400 s; sorted 30, 45, 300, 314400: median (45 + 300) / 2
//!   = 172.5; p90 rank 2.7 → 300 + 0.7 × 314,100 = 220,170 exactly, but values from 1024
//!   up are kept in 64 buckets per doubling and count as their bucket's midpoint: 314,400
//!   lies in [311,296, 315,392) (by 4,096) → 313,344, so p90 = 300 + 0.7 × 313,044 =
//!   219,430.8 (0.34 % low; the median and the average stay exact).
//! Incoming per weekday and hour: Tue 9 → 1, Wed 10 → 2, Thu 14 → 1, Sun 10 → 1; peak
//!   Wednesday 10:00; per hour 9 → 1, 10 → 3, 14 → 1.
//! Per agent: A opened C4 = 1, resolved C1 = 1, first replies 20 and 5 (median 12.5), sent
//!   a1, a4 = 2; B opened and resolved C2, first reply 40, sent b2 = 1; nobody's: C3, C5
//!   opened, C3 resolved.
//! Leads: C2's and C5's numbers in the period = 2, C1's before = 1 → +100 %.
//! Campaign "Promo Agustus": sent 3, delivered 2, read 1, failed 1, replied (C5 within
//!   72 h) 1 → 1 / 2 = 50 %.
//! Now: C4 (A) and C5 (nobody) are open → 2 active conversations.

use domain::Role;
use integration_tests::{body, Options, TestApp, CRON_SECRET};
use serde_json::{json, Value};

use super::{section, the_week};

fn spread(v: &Value) -> (i64, f64, f64) {
    (
        v["n"].as_i64().unwrap(),
        v["median"].as_f64().unwrap(),
        v["p90"].as_f64().unwrap(),
    )
}

#[tokio::test]
async fn every_section_shows_the_hand_computed_figures() {
    let app = TestApp::spawn().await;
    let (a, b) = the_week(&app).await;
    let admin = app.user(Role::CsAdmin).await;
    let t = &admin.token;

    let kpi = section(&app, t, "kpi", "").await;
    assert_eq!(
        kpi["period"],
        json!({"from": "2026-08-17", "to": "2026-08-23",
                                      "previous_from": "2026-08-10", "previous_to": "2026-08-16"})
    );
    assert_eq!(
        kpi["conversations"],
        json!({"value": 4.0, "previous": 1.0, "change_pct": 300.0})
    );
    assert_eq!(kpi["active_conversations"], 2);
    let rt = &kpi["response_time"];
    assert_eq!(rt["median_minutes"]["value"], 20.0);
    assert_eq!(spread(&rt["from_customer"]), (3, 20.0, 36.0));
    assert_eq!(rt["from_customer"]["avg"], 21.67);
    assert_eq!(spread(&rt["from_assignment"]), (3, 0.0, 8.0));
    assert_eq!(
        rt["sla"],
        json!({"compliance_pct": 33.3, "met": 1, "total": 3, "target_minutes": 15, "status": "breached"})
    );
    assert_eq!(kpi["delivery_rate"]["value"], 62.5);
    assert_eq!(kpi["delivery_rate"]["change_pct"], Value::Null);

    let eff = section(&app, t, "conversation-effectiveness", "").await;
    let per_agent: Vec<(Value, i64, i64)> = eff["per_agent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["agent_id"].clone(),
                r["conversations"].as_i64().unwrap(),
                r["resolved"].as_i64().unwrap(),
            )
        })
        .collect();
    for expected in [
        (json!(a.id), 1, 1),
        (json!(b.id), 1, 1),
        (Value::Null, 2, 1),
    ] {
        assert!(
            per_agent.contains(&expected),
            "{expected:?} in {per_agent:?}"
        );
    }
    let tuesday = &eff["response_time_trend"][1];
    assert_eq!(
        tuesday,
        &json!({"day": "2026-08-18", "n": 2, "median_minutes": 30.0, "p90_minutes": 38.0})
    );
    assert_eq!(eff["response_time_trend"][0]["n"], 0, "the holiday");
    assert_eq!(eff["response_time_trend"].as_array().unwrap().len(), 7);
    assert_eq!(
        eff["resolved_vs_open"],
        json!({"open": 2, "pending": 0, "resolved": 2})
    );

    let wa = section(&app, t, "whatsapp-performance", "").await;
    assert_eq!(
        wa["funnel"],
        json!({"sent": 8, "delivered": 5, "read": 3, "failed": 2,
        "delivery_rate": 62.5, "read_rate": 37.5, "failure_rate": 25.0})
    );
    assert_eq!(
        wa["broadcasts"],
        json!({"sent": 3, "delivered": 2, "failed": 1, "success_rate": 66.7})
    );
    let codes: Vec<i64> = wa["failed_messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_i64().unwrap())
        .collect();
    assert_eq!(codes, [131049, 131026], "newest first");
    assert_eq!(wa["failed_messages"][1]["title"], "Message undeliverable");

    let load = section(&app, t, "customer-load", "").await;
    assert_eq!(
        load["peak"],
        json!({"weekday": 3, "hour": 10, "incoming": 2})
    );
    assert_eq!(load["heatmap"].as_array().unwrap().len(), 7 * 24);
    let busy: Vec<(i64, i64)> = load["per_hour"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["incoming"] != 0)
        .map(|h| (h["hour"].as_i64().unwrap(), h["incoming"].as_i64().unwrap()))
        .collect();
    assert_eq!(busy, [(9, 1), (10, 3), (14, 1)]);
    assert_eq!(
        load["incoming"],
        json!({"value": 5.0, "previous": 1.0, "change_pct": 400.0})
    );
    assert_eq!(
        (
            load["new_customers"].as_i64(),
            load["returning_customers"].as_i64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(spread(&load["wait_seconds"]), (4, 172.5, 219430.8));

    let people = section(&app, t, "agent-productivity", "").await;
    let row = |id| {
        people["agents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["agent_id"] == json!(id))
            .cloned()
            .unwrap()
    };
    let (ra, rb) = (row(a.id), row(b.id));
    assert_eq!(
        (
            ra["conversations"].as_i64(),
            ra["resolved"].as_i64(),
            ra["messages_sent"].as_i64()
        ),
        (Some(1), Some(1), Some(2))
    );
    assert_eq!(spread(&ra["first_response"]), (2, 12.5, 18.5));
    assert_eq!(ra["resolution_rate"], 100.0);
    assert_eq!(ra["open_now"], 1);
    assert_eq!(
        (
            rb["conversations"].as_i64(),
            rb["messages_sent"].as_i64(),
            rb["open_now"].as_i64()
        ),
        (Some(1), Some(1), Some(0))
    );

    let bot = section(&app, t, "automation-impact", "").await;
    assert_eq!(
        (bot["bot_messages"].as_i64(), bot["agent_messages"].as_i64()),
        (Some(2), Some(3))
    );
    assert_eq!(bot["bot_share_pct"], 40.0);
    assert_eq!(
        (
            bot["conversations_with_bot"].as_i64(),
            bot["resolved_by_bot_alone"].as_i64(),
            bot["escalated"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(
        (
            bot["auto_reply_success_pct"].as_f64(),
            bot["escalation_rate_pct"].as_f64()
        ),
        (Some(50.0), Some(50.0))
    );
    assert_eq!(spread(&bot["bot_response_seconds"]), (2, 37.5, 43.5));
    assert_eq!(bot["time_saved_minutes"], 4.0);

    let biz = section(&app, t, "business-impact", "").await;
    assert_eq!(
        biz["leads_generated"],
        json!({"value": 2.0, "previous": 1.0, "change_pct": 100.0})
    );
    assert_eq!(
        biz["campaigns"],
        json!([{"name": "Promo Agustus", "sent": 3, "delivered": 2, "read": 1,
        "failed": 1, "replied": 1, "conversion_pct": 50.0}])
    );
    assert_eq!(biz["repeat_customer_rate"], 25.0);
    assert_eq!(
        (
            biz["cost_idr"].as_str(),
            biz["cost_per_conversation_idr"].as_str()
        ),
        (Some("1172.66"), Some("293.17"))
    );
}

#[tokio::test]
async fn an_agent_sees_their_own_figures_and_other_roles_none() {
    let app = TestApp::spawn().await;
    let (a, b) = the_week(&app).await;
    // A: C4 opened (C1, now A's, opened the week before), two first replies, C4 open now.
    let kpi = section(&app, &a.token, "kpi", "").await;
    assert_eq!(
        kpi["conversations"],
        json!({"value": 1.0, "previous": 1.0, "change_pct": 0.0})
    );
    assert_eq!(kpi["response_time"]["from_customer"]["n"], 2);
    assert_eq!(kpi["active_conversations"], 1);
    // Asking for all, or for B, changes nothing or is refused.
    let forced = section(&app, &a.token, "agent-productivity", "").await;
    assert_eq!(forced["agents"].as_array().unwrap().len(), 1);
    let other = app
        .get(
            &format!("/api/v1/dashboard/kpi?agent_id={}", b.id),
            &a.token,
        )
        .await;
    assert_eq!(other.status(), 403);
    // Also asked directly in the database, everybody's rows come back as A's own.
    let mut tx = app.tx_as(&a).await;
    let keys: Vec<String> = sqlx::query_scalar(
        "select bucket from app.wa_rollup('2026-08-01 00:00+07', '2026-09-01 00:00+07', null, 'agent')",
    )
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    assert_eq!(keys, [a.id.to_string()]);
    drop(tx);
    // The CS admin may look at one agent.
    let admin = app.user(Role::CsAdmin).await;
    let only_b = section(
        &app,
        &admin.token,
        "agent-productivity",
        &format!("&agent_id={}", b.id),
    )
    .await;
    assert_eq!(only_b["agents"][0]["agent_id"], json!(b.id));
    assert_eq!(only_b["agents"].as_array().unwrap().len(), 1);
    let director = app.user(Role::Director).await;
    assert_eq!(
        section(&app, &director.token, "kpi", "").await["conversations"]["value"],
        4.0
    );
    for role in [
        Role::Salesperson,
        Role::MarketingManager,
        Role::FinanceStaff,
    ] {
        let user = app.user(role).await;
        let r = app
            .get("/api/v1/dashboard/customer-load", &user.token)
            .await;
        assert_eq!(r.status(), 403, "{role:?}");
    }
    let bad = app
        .get(
            "/api/v1/dashboard/kpi?from=2026-08-23&to=2026-08-17",
            &admin.token,
        )
        .await;
    assert_eq!(bad.status(), 422);
}

/// The snapshot runs store what the raw events say: served from stored hours the figures
/// are the same, a tampered hour is found and put right by the daily run.
#[tokio::test]
async fn stored_snapshots_agree_with_the_raw_events() {
    let app = TestApp::spawn().await;
    the_week(&app).await;
    let admin = app.user(Role::CsAdmin).await;
    let mut before = Vec::new();
    for name in ["kpi", "customer-load", "business-impact"] {
        before.push(section(&app, &admin.token, name, "").await);
    }
    // The daily run as of Monday 24 Aug 01:00 WIB stores the eight days before it.
    let done: Value =
        sqlx::query_scalar("select app.wa_aggregate('daily', '2026-08-24 01:00+07', 0)")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(done["changed"], 0);
    let stored: i64 = sqlx::query_scalar(
        "select count(distinct bucket_start) from analytics_snapshots where granularity = 'hourly'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        stored,
        8 * 24 + 1,
        "every hour from 16 Aug 00:00 to 24 Aug 00:00"
    );
    for (n, name) in ["kpi", "customer-load", "business-impact"]
        .iter()
        .enumerate()
    {
        let mut now = section(&app, &admin.token, name, "").await;
        if *name == "kpi" {
            // today's messages are today's, whatever is stored
            now["messages_today"] = before[n]["messages_today"].clone();
        }
        assert_eq!(now, before[n], "{name} from snapshots");
    }
    // A stored hour that no longer matches the events is put right by the next daily run.
    sqlx::query("update analytics_snapshots set metrics = metrics || '{\"inbound\": 99}' \
                 where granularity = 'hourly' and bucket_start = '2026-08-19 10:00+07' and metrics ? 'inbound'")
        .execute(&app.owner)
        .await
        .unwrap();
    let wrong = section(&app, &admin.token, "customer-load", "").await;
    assert_ne!(wrong["peak"], before[1]["peak"]);
    let done: Value =
        sqlx::query_scalar("select app.wa_aggregate('daily', '2026-08-24 01:00+07', 0)")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(done["changed"], 1);
    assert_eq!(
        section(&app, &admin.token, "customer-load", "").await,
        before[1]
    );
}

#[tokio::test]
async fn cached_or_not_and_without_redis_the_answer_is_the_same() {
    for redis_url in [None, Some("redis://127.0.0.1:9".to_owned())] {
        let app = TestApp::spawn_with(Options {
            redis: true,
            redis_url: redis_url.clone(),
            ..Options::default()
        })
        .await;
        the_week(&app).await;
        let admin = app.user(Role::CsAdmin).await;
        let first = section(&app, &admin.token, "whatsapp-performance", "").await;
        let second = section(&app, &admin.token, "whatsapp-performance", "").await;
        assert_eq!(first, second, "redis {redis_url:?}");
        assert_eq!(first["funnel"]["sent"], 8);
    }
}

#[tokio::test]
async fn the_cron_endpoint_keeps_seed_002s_contract() {
    let app = TestApp::spawn().await;
    let call = |method: reqwest::Method, kind: &str, secret: &str| {
        app.client
            .request(
                method,
                app.url(&format!("/api/v1/cron/aggregate-metrics?type={kind}")),
            )
            .bearer_auth(secret)
            .send()
    };
    for method in [reqwest::Method::GET, reqwest::Method::POST] {
        for kind in ["hourly", "daily", "weekly"] {
            let r = call(method.clone(), kind, CRON_SECRET).await.unwrap();
            assert_eq!(r.status(), 200);
            let done = body(r).await;
            assert_eq!(done["success"], true);
            assert_eq!(done["type"], kind);
            assert_eq!(
                done["message"],
                format!("{kind} metrics aggregation completed successfully")
            );
            assert!(done["timestamp"].as_str().unwrap().contains('T'));
        }
    }
    // Re-running replaces: one stored bucket per hour, however often it runs.
    let dupes: i64 = sqlx::query_scalar(
        "select count(*) from (select 1 from analytics_snapshots group by granularity, bucket_start, agent_key having count(*) > 1) d",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(dupes, 0);
    assert_eq!(
        call(reqwest::Method::GET, "hourly", "wrong-secret")
            .await
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        app.client
            .get(app.url("/api/v1/cron/aggregate-metrics?type=hourly"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    assert_eq!(
        call(reqwest::Method::GET, "monthly", CRON_SECRET)
            .await
            .unwrap()
            .status(),
        400
    );
}

/// WA-4's golden scenarios on their own: the bot resolves and the customer comes back (a
/// new cycle whose first reply is timed from its own opening), the bot answers before a
/// person (the person's first response is still timed from the customer), a burst of
/// media (five messages, one conversation). Wednesday 26 Aug 2026, business hours.
///
///   Cycle 1: 09:00 customer, 09:00:10 bot, the bot resolves at 09:01.
///   Cycle 2: 09:30 the same customer again (a returning number), 09:30:05 bot, 09:45 agent:
///            first response 15 business minutes from 09:30 (not from 09:00, not from the
///            bot's reply), within the 15-minute SLA; escalated.
///   Burst:   10:00:00–10:00:40 another number sends a text and four images: 5 incoming,
///            one conversation, no reply yet.
/// Totals: opened 3, returning 1, resolved 1 (by the bot, alone), with the bot 2 (10 s and
/// 5 s: median 7.5), escalated 1 of 2 = 50 %, auto-reply success 1 of 2 = 50 %, incoming 7,
/// first responses [15]: SLA 1 of 1 = 100 % → met.
#[tokio::test]
async fn golden_scenarios_bot_resolution_reopening_and_a_burst() {
    use crate::whatsapp::{deliver, key, post, text_from};
    let app = TestApp::spawn().await;
    let key = key(&app, &["whatsapp:write"]).await;
    let agent = app.user(Role::CsAgent).await;
    let at = |t: &str| super::wib(&format!("2026-08-26 {t}"));
    let out = |id: &str, kind: &str, t: &str| {
        json!([{"provider_message_id": id, "to": "6281300000020", "sender_kind": kind,
                "agent_email": (kind == "agent").then(|| agent.email.clone()),
                "text": "ok", "timestamp": super::rfc(&format!("2026-08-26 {t}"))}])
    };
    deliver(
        &app,
        &key,
        &text_from("6281300000020", "wamid.g1", at("09:00:00"), "halo"),
    )
    .await;
    assert_eq!(
        post(
            &app,
            &key,
            "/outbound",
            &out("wamid.g1b", "bot", "09:00:10")
        )
        .await
        .status(),
        200
    );
    super::sql(&app, "update conversations set status = 'resolved', resolved_by = 'bot', \
                      resolved_at = '2026-08-26 09:01:00+07' where customer_phone = '+6281300000020'").await;
    deliver(
        &app,
        &key,
        &text_from("6281300000020", "wamid.g2", at("09:30:00"), "lagi"),
    )
    .await;
    post(
        &app,
        &key,
        "/outbound",
        &out("wamid.g2b", "bot", "09:30:05"),
    )
    .await;
    post(
        &app,
        &key,
        "/outbound",
        &out("wamid.g2a", "agent", "09:45:00"),
    )
    .await;
    let mut burst = text_from("6281300000021", "wamid.m0", at("10:00:00"), "resi");
    for n in 1..=4 {
        burst["entry"][0]["changes"][0]["value"]["messages"].as_array_mut().unwrap().push(json!({
            "from": "6281300000021", "id": format!("wamid.m{n}"), "timestamp": at(&format!("10:00:{:02}", n * 10)).to_string(),
            "type": "image", "image": {"mime_type": "image/jpeg", "id": n.to_string()}}));
    }
    deliver(&app, &key, &burst).await;

    let admin = app.user(Role::CsAdmin).await;
    let get = |name: &'static str| {
        let token = admin.token.clone();
        let app = &app;
        async move {
            let r = app
                .get(
                    &format!("/api/v1/dashboard/{name}?from=2026-08-26&to=2026-08-26"),
                    &token,
                )
                .await;
            assert_eq!(r.status(), 200);
            body(r).await
        }
    };
    let kpi = get("kpi").await;
    assert_eq!(kpi["conversations"]["value"], 3.0);
    assert_eq!(
        spread(&kpi["response_time"]["from_customer"]),
        (1, 15.0, 15.0)
    );
    assert_eq!(kpi["response_time"]["sla"]["status"], "met");
    let bot = get("automation-impact").await;
    assert_eq!(
        (
            bot["conversations_with_bot"].as_i64(),
            bot["resolved_by_bot_alone"].as_i64(),
            bot["escalated"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(spread(&bot["bot_response_seconds"]), (2, 7.5, 9.5));
    let load = get("customer-load").await;
    assert_eq!(load["incoming"]["value"], 7.0);
    assert_eq!(
        (
            load["new_customers"].as_i64(),
            load["returning_customers"].as_i64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(
        load["peak"],
        json!({"weekday": 3, "hour": 10, "incoming": 5})
    );
    let conversations: i64 = sqlx::query_scalar(
        "select count(*) from conversations where customer_phone = '+6281300000021'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(conversations, 1, "a burst is one conversation");
}
