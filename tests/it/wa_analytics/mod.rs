//! WA-2/WA-3: the CRM Effectiveness figures against a week of WhatsApp traffic whose every
//! figure is worked out by hand below — response times in business minutes across the
//! 17 August holiday, the delivery funnel, peak hour, new vs returning customers — the
//! same served from stored snapshots, cached and uncached, per role.

mod figures;
mod rollups;

use chrono::NaiveDateTime;
use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};

use crate::whatsapp::{deliver, key, post, text_from};

/// Unix seconds of a WIB (UTC+7) time `YYYY-MM-DD HH:MM:SS`.
pub(crate) fn wib(at: &str) -> i64 {
    NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M:%S")
        .unwrap()
        .and_utc()
        .timestamp()
        - 7 * 3600
}

/// RFC 3339 of a WIB time.
pub(crate) fn rfc(at: &str) -> String {
    format!("{}+07:00", at.replace(' ', "T"))
}

fn statuses(items: &[Value]) -> Value {
    json!({"object": "whatsapp_business_account", "entry": [{"id": "100000000000001", "changes": [{
        "field": "messages", "value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "6281100000000", "phone_number_id": "110000000000001"},
            "statuses": items}}]}]})
}

fn status(id: &str, state: &str, at: &str, to: &str, extra: Value) -> Value {
    let mut s =
        json!({"id": id, "status": state, "timestamp": wib(at).to_string(), "recipient_id": to});
    if let (Some(s), Value::Object(extra)) = (s.as_object_mut(), extra) {
        s.extend(extra);
    }
    s
}

fn outbound(
    id: &str,
    to: &str,
    kind: &str,
    agent: Option<&TestUser>,
    at: &str,
    campaign: Option<&str>,
) -> Value {
    json!({"provider_message_id": id, "to": to, "sender_kind": kind,
           "agent_email": agent.map(|a| a.email.clone()), "text": format!("balasan {id}"),
           "timestamp": rfc(at), "campaign": campaign})
}

pub(crate) async fn sql(app: &TestApp, statement: &str) {
    sqlx::query(statement).execute(&app.owner).await.unwrap();
}

/// The week of 17–23 August 2026 (Monday the 17th a national holiday) and the Friday
/// before it. Returns agents A and B.
pub async fn the_week(app: &TestApp) -> (TestUser, TestUser) {
    let key = key(app, &["whatsapp:write"]).await;
    let a = app.user(Role::CsAgent).await;
    let b = app.user(Role::CsAgent).await;
    let send = |items: Vec<Value>| {
        let key = key.clone();
        async move {
            let r = post(app, &key, "/outbound", &Value::Array(items)).await;
            assert_eq!(r.status(), 200);
        }
    };
    let service =
        json!({"pricing": {"billable": false, "pricing_model": "PMP", "category": "service"}});
    let marketing =
        json!({"pricing": {"billable": true, "pricing_model": "PMP", "category": "marketing"}});
    sql(app, "insert into customers (company_name, phone, contact_name) values ('PT Lama', '+6281300000003', 'Pak Lama')").await;

    // C1: Friday 14 Aug 16:50 (the previous period); agent A answers on Tuesday 08:10.
    deliver(
        app,
        &key,
        &text_from(
            "6281300000001",
            "wamid.c1",
            wib("2026-08-14 16:50:00"),
            "halo",
        ),
    )
    .await;
    send(vec![outbound(
        "wamid.a1",
        "081300000001",
        "agent",
        Some(&a),
        "2026-08-18 08:10:00",
        None,
    )])
    .await;
    deliver(
        app,
        &key,
        &statuses(&[
            status(
                "wamid.a1",
                "delivered",
                "2026-08-18 08:10:05",
                "6281300000001",
                service.clone(),
            ),
            status(
                "wamid.a1",
                "read",
                "2026-08-18 08:11:00",
                "6281300000001",
                json!({}),
            ),
        ]),
    )
    .await;
    sql(
        app,
        "update conversations set status = 'resolved', resolved_by = 'agent', \
              resolved_at = '2026-08-18 08:30:00+07' where customer_phone = '+6281300000001'",
    )
    .await;

    // C2: Tuesday 09:00, the bot at 09:00:30, assigned to B at 09:30, B at 09:40, resolved 10:00.
    deliver(
        app,
        &key,
        &text_from(
            "6281300000002",
            "wamid.c2",
            wib("2026-08-18 09:00:00"),
            "tarif?",
        ),
    )
    .await;
    send(vec![outbound(
        "wamid.bot2",
        "6281300000002",
        "bot",
        None,
        "2026-08-18 09:00:30",
        None,
    )])
    .await;
    deliver(
        app,
        &key,
        &statuses(&[status(
            "wamid.bot2",
            "delivered",
            "2026-08-18 09:00:31",
            "6281300000002",
            service.clone(),
        )]),
    )
    .await;
    sqlx::query("update conversations set assigned_to_user_id = $1, assigned_at = '2026-08-18 09:30:00+07' \
                 where customer_phone = '+6281300000002'")
        .bind(b.id)
        .execute(&app.owner)
        .await
        .unwrap();
    send(vec![outbound(
        "wamid.b2",
        "+62 813-0000-0002",
        "agent",
        Some(&b),
        "2026-08-18 09:40:00",
        None,
    )])
    .await;
    deliver(
        app,
        &key,
        &statuses(&[
            status(
                "wamid.b2",
                "delivered",
                "2026-08-18 09:40:02",
                "6281300000002",
                service.clone(),
            ),
            status(
                "wamid.b2",
                "read",
                "2026-08-18 09:41:00",
                "6281300000002",
                json!({}),
            ),
        ]),
    )
    .await;
    sql(
        app,
        "update conversations set status = 'resolved', resolved_by = 'agent', \
              resolved_at = '2026-08-18 10:00:00+07' where customer_phone = '+6281300000002'",
    )
    .await;

    // C3: an existing customer, Wednesday 10:00 and 10:00:20; the bot at 10:00:45 (failed
    // to deliver) and the bot closes it at 10:05.
    let mut two = text_from(
        "6281300000003",
        "wamid.c3a",
        wib("2026-08-19 10:00:00"),
        "halo",
    );
    two["entry"][0]["changes"][0]["value"]["messages"]
        .as_array_mut()
        .unwrap()
        .push(json!({"from": "6281300000003", "id": "wamid.c3b", "timestamp": wib("2026-08-19 10:00:20").to_string(),
                     "type": "image", "image": {"caption": "resi", "mime_type": "image/jpeg", "id": "1"}}));
    deliver(app, &key, &two).await;
    send(vec![outbound(
        "wamid.bot3",
        "6281300000003",
        "bot",
        None,
        "2026-08-19 10:00:45",
        None,
    )])
    .await;
    deliver(
        app,
        &key,
        &statuses(&[status(
            "wamid.bot3",
            "failed",
            "2026-08-19 10:00:46",
            "6281300000003",
            json!({"errors": [{"code": 131026, "title": "Message undeliverable"}]}),
        )]),
    )
    .await;
    sql(
        app,
        "update conversations set status = 'resolved', resolved_by = 'bot', \
              resolved_at = '2026-08-19 10:05:00+07' where customer_phone = '+6281300000003'",
    )
    .await;

    // C4: C1's number again, Thursday 14:00 (a returning customer); A answers at 14:05.
    deliver(
        app,
        &key,
        &text_from(
            "6281300000001",
            "wamid.c4",
            wib("2026-08-20 14:00:00"),
            "lagi",
        ),
    )
    .await;
    send(vec![outbound(
        "wamid.a4",
        "6281300000001",
        "agent",
        Some(&a),
        "2026-08-20 14:05:00",
        None,
    )])
    .await;
    deliver(
        app,
        &key,
        &statuses(&[status(
            "wamid.a4",
            "sent",
            "2026-08-20 14:05:01",
            "6281300000001",
            json!({}),
        )]),
    )
    .await;

    // A campaign on Saturday 09:00 to three numbers: read, delivered, failed.
    send(
        ["6281300000002", "6281300000005", "6281300000006"]
            .iter()
            .enumerate()
            .map(|(n, to)| {
                outbound(
                    &format!("wamid.k{n}"),
                    to,
                    "bot",
                    None,
                    "2026-08-22 09:00:00",
                    Some("Promo Agustus"),
                )
            })
            .collect(),
    )
    .await;
    deliver(app, &key, &statuses(&[
        status("wamid.k0", "delivered", "2026-08-22 09:00:02", "6281300000002", marketing.clone()),
        status("wamid.k0", "read", "2026-08-22 09:30:00", "6281300000002", json!({})),
        status("wamid.k1", "delivered", "2026-08-22 09:00:03", "6281300000005", marketing.clone()),
        status("wamid.k2", "failed", "2026-08-22 09:00:03", "6281300000006",
               json!({"errors": [{"code": 131049, "title": "This message was not delivered to maintain healthy ecosystem engagement."}]})),
    ])).await;
    // C5: a campaign recipient writes back on Sunday 10:00.
    deliver(
        app,
        &key,
        &text_from(
            "6281300000005",
            "wamid.c5",
            wib("2026-08-23 10:00:00"),
            "mau promo",
        ),
    )
    .await;

    // The leads were created when their numbers first wrote, not when this test ran.
    sql(app, "update leads l set created_at = c.opened_at, updated_at = c.opened_at from conversations c \
              where c.lead_id = l.id and c.opened_at = (select min(opened_at) from conversations x where x.lead_id = l.id)").await;
    (a, b)
}

/// GET a dashboard section for the fixture week as `token`.
pub async fn section(app: &TestApp, token: &str, name: &str, extra: &str) -> Value {
    let r = app
        .get(
            &format!("/api/v1/dashboard/{name}?from=2026-08-17&to=2026-08-23{extra}"),
            token,
        )
        .await;
    assert_eq!(r.status(), 200, "{name}");
    body(r).await
}
