//! `seed --scale N` for ticketing (SPEC §6): N broadcast logs over their shipments and N
//! tickets with conversations and SLA trails, loaded with the row triggers off — and the
//! database afterwards exactly as the triggers would have left it, with the triggers
//! back on and row-level security scoping the synthetic queue like a real one.

use integration_tests::{body, TestApp};
use serde_json::{json, Value};

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.owner).await.unwrap()
}

async fn n8n(app: &TestApp, path: &str, payload: Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("X-API-KEY", http_api::DEMO_API_KEY)
        .json(&payload)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn scale_seed_adds_tickets_and_broadcasts_as_the_triggers_would() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let counts = server::seed::scale_tickets(&app.owner, 3_000)
        .await
        .unwrap();
    assert_eq!(
        (counts.tickets, counts.broadcast_logs, counts.shipments),
        (3_000, 3_000, 1_000)
    );
    assert_eq!(
        scalar(
            &app,
            "select count(*) from tickets where ticket_code like 'TKT-S-%'"
        )
        .await,
        3_000
    );
    assert_eq!(
        scalar(&app, "select count(*) from profiles where email like 'cs-%@scale.local' and role_name = 'cs_agent'").await,
        1
    );

    // Shipments: counts and the latest broadcast, as the upsert trigger keeps them.
    assert_eq!(
        scalar(
            &app,
            "select count(*) from shipments s \
              where s.tracking_number like 'SCL%' and ( \
                s.broadcast_count <> (select count(*) from broadcast_logs l where l.tracking_number = s.tracking_number) \
                or s.failed_count <> (select count(*) from broadcast_logs l \
                                       where l.tracking_number = s.tracking_number and l.status = 'failed') \
                or s.last_broadcast_at <> (select max(l.broadcast_at) from broadcast_logs l \
                                            where l.tracking_number = s.tracking_number) \
                or s.last_status <> (select l.status from broadcast_logs l where l.tracking_number = s.tracking_number \
                                      order by l.broadcast_at desc limit 1))"
        )
        .await,
        0
    );
    assert!(
        scalar(&app, "select count(*) from broadcast_logs where tracking_number like 'SCL%' and status = 'failed'").await
            > 50
    );
    // The summary's day counts add up to the logs, per day, status and error.
    assert_eq!(
        scalar(
            &app,
            "select count(*) from ( \
               (select (broadcast_at at time zone 'Asia/Jakarta')::date, status, \
                       case when status = 'failed' then coalesce(error_message, '') else '' end, count(*) \
                  from broadcast_logs group by 1, 2, 3 \
                except all \
                select day, status, error_message, sum(count)::bigint from broadcast_daily_counts group by 1, 2, 3) \
               union all \
               (select day, status, error_message, sum(count)::bigint from broadcast_daily_counts group by 1, 2, 3 \
                except all \
                select (broadcast_at at time zone 'Asia/Jakarta')::date, status, \
                       case when status = 'failed' then coalesce(error_message, '') else '' end, count(*) \
                  from broadcast_logs group by 1, 2, 3)) d"
        )
        .await,
        0
    );

    // The SLA trail: one OPENED each; a first response exactly when work started;
    // closed ⇔ closed_at ⇔ RESOLVED; every state present; ~5 messages a ticket.
    let trail: (i64, i64, i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where (select count(*) from sla_events e \
                                         where e.ticket_id = t.id and e.event_type = 'OPENED') <> 1), \
                count(*) filter (where (t.status <> 'open') <> exists (select 1 from sla_events e \
                                         where e.ticket_id = t.id and e.event_type = 'FIRST_RESPONSE')), \
                count(*) filter (where (t.status = 'closed') <> (t.closed_at is not null) \
                                    or (t.status = 'closed') <> exists (select 1 from sla_events e \
                                         where e.ticket_id = t.id and e.event_type = 'RESOLVED')), \
                count(distinct t.status), count(distinct t.ticket_type) \
           from tickets t where t.ticket_code like 'TKT-S-%'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(trail, (0, 0, 0, 5, 4));
    assert_eq!(
        scalar(
            &app,
            "select count(*) from tickets t where t.ticket_code like 'TKT-S-%' \
              and t.first_response_at is distinct from (select e.occurred_at from sla_events e \
                   where e.ticket_id = t.id and e.event_type = 'FIRST_RESPONSE')"
        )
        .await,
        0
    );
    let messages = scalar(
        &app,
        "select count(*) from ticket_messages m join tickets t on t.id = m.ticket_id \
          where t.ticket_code like 'TKT-S-%'",
    )
    .await;
    assert!((12_000..=18_000).contains(&messages), "{messages} messages");
    // Operations get the inquiries; lost ones carry a reason (the constraint holds).
    assert_eq!(
        scalar(
            &app,
            "select count(*) from tickets where ticket_code like 'TKT-S-%' \
              and (ticket_type = 'inquiry_tariff') <> (dept_target in ('EXIM', 'DOM', 'IMP', 'WH'))"
        )
        .await,
        0
    );
    // The SLA view reads them (met / breached / at risk for every ticket).
    assert_eq!(
        scalar(
            &app,
            "select count(*) from v_ticket_sla v join tickets t on t.id = v.ticket_id \
              where t.ticket_code like 'TKT-S-%'"
        )
        .await,
        3_000
    );

    // The triggers are back on: a new n8n ticket gets its OPENED event and starts open,
    // and a broadcast for a seeded AWB moves that shipment on.
    let created = n8n(
        &app,
        "/api/v1/tickets",
        json!({"tracking_number": "SCL0000000002", "subject": "Paket belum sampai",
               "description": "Pelanggan membalas: belum sampai", "priority": "high",
               "customer_phone": "6281234567890"}),
    )
    .await;
    assert_eq!(created.status(), 201);
    let uid = body(created).await["ticket_uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let (status, opened): (String, i64) = sqlx::query_as(
        "select t.status, (select count(*) from sla_events e where e.ticket_id = t.id and e.event_type = 'OPENED') \
           from tickets t where t.ticket_code = $1",
    )
    .bind(&uid)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((status.as_str(), opened), ("open", 1));
    let logged = n8n(
        &app,
        "/api/v1/broadcast-logs",
        json!({"tracking_number": "SCL0000000001", "status": "failed", "error_message": "Nomor tidak terdaftar WA"}),
    )
    .await;
    assert_eq!(logged.status(), 201);
    assert_eq!(
        scalar(
            &app,
            "select broadcast_count::bigint from shipments where tracking_number = 'SCL0000000001'"
        )
        .await,
        4
    );

    // Row-level security scopes the synthetic queue: the demo agent sees their own
    // tickets, the unassigned CS queue and what they opened — and not a colleague's.
    let session = app.session("cs_agent@demo.local", "demo12345").await;
    let token = session["token"].as_str().unwrap();
    let expected = scalar(
        &app,
        "select count(*) from tickets t, profiles p where p.email = 'cs_agent@demo.local' \
          and (t.assigned_to_user_id = p.id or (t.assigned_to_user_id is null and t.dept_target = 'CS') \
               or t.created_by = p.id)",
    )
    .await;
    let mine = scalar(
        &app,
        "select count(*) from tickets t join profiles p on p.id = t.assigned_to_user_id \
          where p.email = 'cs_agent@demo.local' and t.ticket_code like 'TKT-S-%'",
    )
    .await;
    assert!(
        mine > 500,
        "{mine} synthetic tickets assigned to the demo agent"
    );
    let queue = body(app.get("/api/v1/tickets?per_page=1", token).await).await;
    assert_eq!(queue["total"].as_i64(), Some(expected));
    let colleague: String = sqlx::query_scalar(
        "select t.id::text from tickets t join profiles p on p.id = t.assigned_to_user_id \
          where p.email = 'cs_agent2@demo.local' and t.ticket_code like 'TKT-S-%' limit 1",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        app.get(&format!("/api/v1/tickets/{colleague}"), token)
            .await
            .status(),
        404
    );

    // A second run continues both series.
    server::seed::scale_tickets(&app.owner, 10).await.unwrap();
    let (last_ticket, last_awb): (String, String) = sqlx::query_as(
        "select (select max(ticket_code) from tickets where ticket_code like 'TKT-S-%'), \
                (select max(tracking_number) from shipments where tracking_number like 'SCL%')",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        (last_ticket.as_str(), last_awb.as_str()),
        ("TKT-S-000003010", "SCL0000001004")
    );
}
