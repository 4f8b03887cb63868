//! TCK-4: SLA in business minutes (Mon–Fri 08:00–17:00 Asia/Jakarta, holidays and
//! collective leave excluded, pending/on-hold pausing the resolution clock), on fixtures
//! whose figures are worked out by hand in the comments.

use domain::Role;
use integration_tests::{body, TestApp};
use serde_json::json;
use uuid::Uuid;

async fn minutes(app: &TestApp, from: &str, to: &str) -> i32 {
    sqlx::query_scalar("select app.business_minutes($1::timestamptz, $2::timestamptz)")
        .bind(from)
        .bind(to)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

#[tokio::test]
async fn business_minutes_skip_nights_weekends_holidays_and_collective_leave() {
    let app = TestApp::spawn().await;
    for (from, to, expected, why) in [
        // Within one day.
        (
            "2026-12-01 09:00+07",
            "2026-12-01 10:30+07",
            90,
            "plain Tuesday morning",
        ),
        (
            "2026-12-01 06:00+07",
            "2026-12-01 07:59+07",
            0,
            "before opening",
        ),
        (
            "2026-12-01 07:00+07",
            "2026-12-01 18:00+07",
            540,
            "a whole business day",
        ),
        (
            "2026-12-01 16:30+07",
            "2026-12-02 08:15+07",
            45,
            "30 before closing, 15 after opening",
        ),
        (
            "2026-12-01 10:00+07",
            "2026-12-01 09:00+07",
            0,
            "reversed interval",
        ),
        // UTC instants are read in Jakarta time.
        (
            "2026-12-01 02:00Z",
            "2026-12-01 03:00Z",
            60,
            "09:00–10:00 WIB",
        ),
        // Weekend: Fri 16:00 → Mon 09:00 = 60 (Fri) + 60 (Mon).
        (
            "2026-11-27 16:00+07",
            "2026-11-30 09:00+07",
            120,
            "over a weekend",
        ),
        // Independence Day, Monday 17 Aug 2026: Fri after closing → Tue 10:00 = 120.
        (
            "2026-08-14 17:00+07",
            "2026-08-18 10:00+07",
            120,
            "over a national holiday",
        ),
        // Christmas: Thu 24 Dec is collective leave, Fri 25 Dec a national holiday.
        // Wed 16:30 → Mon 28 Dec 08:30 = 30 + 30.
        (
            "2026-12-23 16:30+07",
            "2026-12-28 08:30+07",
            60,
            "collective leave and holiday",
        ),
        // Idul Fitri 2026: 20–24 March off (leave, holidays, leave): Thu 19 Mar is Nyepi.
        // Wed 18 Mar is leave too, so Tue 17 Mar 16:00 → Wed 25 Mar 09:00 = 60 + 60.
        (
            "2026-03-17 16:00+07",
            "2026-03-25 09:00+07",
            120,
            "Nyepi and Idul Fitri",
        ),
        // A full working week: 5 × 540.
        (
            "2026-11-30 00:00+07",
            "2026-12-05 00:00+07",
            2700,
            "Mon–Fri",
        ),
    ] {
        assert_eq!(
            minutes(&app, from, to).await,
            expected,
            "{why}: {from} → {to}"
        );
    }
}

/// Inserts a ticket with its history as it happened (owner connection, triggers that
/// stamp "now" switched off for the fixture).
async fn fixture_ticket(
    app: &TestApp,
    priority: &str,
    created_at: &str,
    statuses: &[(&str, &str)],
    first_response_at: Option<&str>,
) -> Uuid {
    let mut tx = app.owner.begin().await.unwrap();
    let id: Uuid = sqlx::query_scalar(
        "insert into tickets (ticket_type, priority, dept_target, subject, created_at) \
         values ('complaint', $1, 'CS', 'Fixture', $2::timestamptz) returning id",
    )
    .bind(priority)
    .bind(created_at)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    sqlx::query("set local session_replication_role = replica")
        .execute(&mut *tx)
        .await
        .unwrap();
    let mut previous = "open".to_owned();
    for (status, at) in statuses {
        sqlx::query(
            "insert into sla_events (ticket_id, event_type, from_value, to_value, occurred_at) \
             values ($1, 'STATUS_CHANGE', $2, $3, $4::timestamptz)",
        )
        .bind(id)
        .bind(&previous)
        .bind(status)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
        sqlx::query(
            "update tickets set status = $2, \
                    closed_at = case when $2 = 'closed' then $3::timestamptz end where id = $1",
        )
        .bind(id)
        .bind(status)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
        previous = (*status).to_owned();
    }
    if let Some(at) = first_response_at {
        sqlx::query(
            "insert into sla_events (ticket_id, event_type, occurred_at) \
             values ($1, 'FIRST_RESPONSE', $2::timestamptz)",
        )
        .bind(id)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    id
}

#[derive(Debug, sqlx::FromRow, PartialEq)]
struct Sla {
    first_response_used: i32,
    first_response_state: String,
    resolution_used: i32,
    resolution_state: String,
}

async fn sla(app: &TestApp, id: Uuid) -> Sla {
    sqlx::query_as(
        "select first_response_used, first_response_state, resolution_used, resolution_state \
           from v_ticket_sla where ticket_id = $1",
    )
    .bind(id)
    .fetch_one(&app.owner)
    .await
    .unwrap()
}

#[tokio::test]
async fn pending_time_pauses_the_resolution_clock() {
    let app = TestApp::spawn().await;
    // Opened Mon 30 Nov 09:00; answered 09:30; pending (waiting for the customer) from
    // 10:00 until Tue 09:00; closed Tue 11:00.
    // Elapsed: Mon 09:00–17:00 = 480, Tue 08:00–11:00 = 180 → 660.
    // Paused: Mon 10:00–17:00 = 420, Tue 08:00–09:00 = 60 → 480. Resolution = 180.
    let id = fixture_ticket(
        &app,
        "medium",
        "2026-11-30 09:00+07",
        &[
            ("in_progress", "2026-11-30 09:30+07"),
            ("pending", "2026-11-30 10:00+07"),
            ("in_progress", "2026-12-01 09:00+07"),
            ("closed", "2026-12-01 11:00+07"),
        ],
        Some("2026-11-30 09:30+07"),
    )
    .await;
    assert_eq!(
        sla(&app, id).await,
        Sla {
            first_response_used: 30,
            first_response_state: "met".to_owned(),
            resolution_used: 180,
            resolution_state: "met".to_owned(),
        }
    );
    let paused: i32 =
        sqlx::query_scalar("select app.ticket_paused_minutes($1, '2026-12-01 11:00+07')")
            .bind(id)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(paused, 480);

    // On hold over a weekend and a holiday: opened Fri 14 Aug 15:00, on hold 16:00 until
    // Tue 18 Aug 09:00 (Mon is Independence Day), closed Tue 10:00.
    // Elapsed: Fri 120 + Tue 120 = 240; paused: Fri 60 + Tue 60 = 120 → 120.
    let id = fixture_ticket(
        &app,
        "high",
        "2026-08-14 15:00+07",
        &[
            ("on_hold", "2026-08-14 16:00+07"),
            ("in_progress", "2026-08-18 09:00+07"),
            ("closed", "2026-08-18 10:00+07"),
        ],
        Some("2026-08-14 15:20+07"),
    )
    .await;
    let figures = sla(&app, id).await;
    assert_eq!(
        (figures.first_response_used, figures.resolution_used),
        (20, 120)
    );

    // Urgent (30 min to respond) opened Fri 27 Nov 16:50 and never answered: breached.
    let id = fixture_ticket(&app, "urgent", "2026-11-27 16:50+07", &[], None).await;
    let figures = sla(&app, id).await;
    assert_eq!(figures.first_response_state, "breached");
    assert_eq!(figures.resolution_state, "breached");
}

#[tokio::test]
async fn the_first_response_views_follow_the_replies() {
    let app = TestApp::spawn().await;
    let agent = app.user(Role::CsAgent).await;
    let admin = app.user(Role::CsAdmin).await;
    let created = app
        .post(
            "/api/v1/tickets",
            &admin.token,
            json!({"subject": "Tanya jadwal", "description": "x", "ticket_type": "general_request"}),
        )
        .await;
    let id: Uuid = body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let before: Option<i32> = sqlx::query_scalar(
        "select first_response_minutes from v_ticket_first_response where ticket_id = $1",
    )
    .bind(id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(before, None);
    let replied = app
        .post(
            &format!("/api/v1/tickets/{id}/comments"),
            &agent.token,
            json!({"comment_text": "Jadwal kapal Selasa", "is_internal_note": false}),
        )
        .await;
    assert_eq!(replied.status(), 201);
    let (at, minutes): (Option<chrono::DateTime<chrono::Utc>>, Option<i32>) = sqlx::query_as(
        "select first_response_at, first_response_minutes from v_ticket_first_response \
          where ticket_id = $1",
    )
    .bind(id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(at.is_some());
    assert!(minutes.unwrap() >= 0);
    let (tickets, answered): (i64, i64) = sqlx::query_as(
        "select tickets, answered from v_ticket_first_response_median_daily \
          where day = (now() at time zone 'Asia/Jakarta')::date",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((tickets, answered), (1, 1));
}

/// The worker warns once before a breach: the assignee, or every CS admin while the
/// ticket is unassigned; running again sends nothing new.
#[tokio::test]
async fn the_worker_warns_once_before_a_breach() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let second_admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let mut ids = Vec::new();
    for subject in ["Ditugaskan", "Belum ditugaskan"] {
        let created = app
            .post(
                "/api/v1/tickets",
                &admin.token,
                json!({"subject": subject, "description": "x", "ticket_type": "general_request",
                       "priority": "low"}),
            )
            .await;
        ids.push(
            body(created).await["ticket_id"]
                .as_str()
                .unwrap()
                .parse::<Uuid>()
                .unwrap(),
        );
    }
    let assigned = app
        .request(
            reqwest::Method::PATCH,
            &format!("/api/v1/tickets/{}", ids[0]),
            Some(&admin.token),
            Some(json!({"assigned_to_user_id": agent.id})),
        )
        .await;
    assert_eq!(assigned.status(), 200);
    // Both opened a week ago; the target is set so that about 90 % of it is used now
    // (whatever the time of day the test runs: a week always holds business days).
    sqlx::query("update tickets set created_at = now() - interval '7 days' where id = any($1)")
        .bind(&ids)
        .execute(&app.owner)
        .await
        .unwrap();
    let used: i32 =
        sqlx::query_scalar("select app.business_minutes(now() - interval '7 days', now())")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    let target = used * 10 / 9 + 5;
    sqlx::query(
        "update sla_policies set first_response_minutes = $1, resolution_minutes = $1 * 3 \
          where ticket_type = 'general_request' and priority = 'low'",
    )
    .bind(target)
    .execute(&app.owner)
    .await
    .unwrap();
    let states: Vec<String> = sqlx::query_scalar(
        "select first_response_state from v_ticket_sla where ticket_id = any($1)",
    )
    .bind(&ids)
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(states, vec!["at_risk", "at_risk"]);

    server::worker::run_once(&app.db).await.unwrap();
    sqlx::query("insert into jobs (kind, dedup_key) values ('sla_warnings', 'sla_warnings:rerun')")
        .execute(&app.owner)
        .await
        .unwrap();
    server::worker::run_once(&app.db).await.unwrap();

    let warned: Vec<(Uuid, String)> = sqlx::query_as(
        "select user_id, link from notifications where kind = 'sla_at_risk' order by link, user_id",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    let mut expected = vec![
        (agent.id, format!("/ticketing/tickets/{}", ids[0])),
        (admin.id, format!("/ticketing/tickets/{}", ids[1])),
        (second_admin.id, format!("/ticketing/tickets/{}", ids[1])),
    ];
    expected.sort_by_key(|a| (a.1.clone(), a.0));
    assert_eq!(warned, expected);
}

/// The report counts met and breached targets per type × priority, and drills down to the
/// tickets through the queue's filters.
#[tokio::test]
async fn the_sla_report_and_its_drill_down_agree() {
    let app = TestApp::spawn().await;
    // Medium: first response within 240 business minutes, resolution within 1,620.
    // One opened Mon 30 Nov 09:00, answered 09:30, closed 11:00: met, met. One opened
    // Mon 2 Nov 09:00, answered Tue 09:00 (480 + 60 = 540 > 240: breached) and still open
    // a month later (breached).
    let met = fixture_ticket(
        &app,
        "medium",
        "2026-11-30 09:00+07",
        &[
            ("in_progress", "2026-11-30 09:30+07"),
            ("closed", "2026-11-30 11:00+07"),
        ],
        Some("2026-11-30 09:30+07"),
    )
    .await;
    let late = fixture_ticket(
        &app,
        "medium",
        "2026-11-02 09:00+07",
        &[("in_progress", "2026-11-03 09:00+07")],
        Some("2026-11-03 09:00+07"),
    )
    .await;
    let admin = app.user(Role::CsAdmin).await;
    let report = body(
        app.get(
            "/api/v1/tickets/sla?from=2026-11-02&to=2026-11-30",
            &admin.token,
        )
        .await,
    )
    .await;
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{report}");
    let row = &rows[0];
    assert_eq!(
        (row["ticket_type"].as_str(), row["priority"].as_str()),
        (Some("complaint"), Some("medium"))
    );
    assert_eq!(row["tickets"], 2, "{report}");
    assert_eq!(
        (
            row["first_response_met"].as_i64(),
            row["first_response_breached"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(row["first_response_met_pct"], 50.0);
    assert_eq!(
        (
            row["resolution_met"].as_i64(),
            row["resolution_breached"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(report["totals"]["tickets"], 2);

    let ids = |list: &serde_json::Value| -> Vec<String> {
        list["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let breached = body(
        app.tickets(
            &admin,
            "?type=complaint&priority=medium&sla=breached&from=2026-11-02&to=2026-11-30",
        )
        .await,
    )
    .await;
    assert_eq!(ids(&breached), vec![late.to_string()]);
    let fine = body(
        app.tickets(&admin, "?sla=met&from=2026-11-02&to=2026-11-30")
            .await,
    )
    .await;
    assert!(ids(&fine).contains(&met.to_string()));
    let bad = app
        .get(
            "/api/v1/tickets/sla?from=2026-12-01&to=2026-11-01",
            &admin.token,
        )
        .await;
    assert_eq!(bad.status(), 422);
    // What you may not see is not counted: an EXIM operator sees no CS tickets.
    let ops = app.user(Role::OpsExim).await;
    let theirs = body(
        app.get(
            "/api/v1/tickets/sla?from=2026-11-02&to=2026-11-30",
            &ops.token,
        )
        .await,
    )
    .await;
    assert_eq!(theirs["totals"]["tickets"], 0);
}

async fn put(
    app: &TestApp,
    user: &integration_tests::TestUser,
    path: &str,
    payload: serde_json::Value,
) -> reqwest::Response {
    app.request(reqwest::Method::PUT, path, Some(&user.token), Some(payload))
        .await
}

async fn delete(app: &TestApp, user: &integration_tests::TestUser) -> reqwest::Response {
    let path = "/api/v1/sla/holidays/2027-03-19";
    app.request(reqwest::Method::DELETE, path, Some(&user.token), None)
        .await
}

/// The business calendar in the application: everyone reads it, the 2027 dates that
/// depend on the SKB are marked tentative, super and CS admins keep it current (and the
/// SLA clock follows at once), nobody else can change it — not through the API and not
/// directly in the database.
#[tokio::test]
async fn the_holiday_calendar_is_read_by_staff_and_kept_by_admins() {
    let app = TestApp::spawn().await;
    let agent = app.user(Role::CsAgent).await;
    let admin = app.user(Role::CsAdmin).await;

    let calendar = body(
        app.get("/api/v1/sla/calendar?year=2027", &agent.token)
            .await,
    )
    .await;
    assert_eq!(calendar["year"], 2027);
    assert_eq!(calendar["editable"], false);
    assert_eq!(calendar["business_hours"].as_array().unwrap().len(), 5);
    assert_eq!(
        calendar["business_hours"][0],
        json!({"isodow": 1, "opens_at": "08:00", "closes_at": "17:00"})
    );
    let day = |d: &str| {
        calendar["holidays"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["day"] == d)
            .cloned()
    };
    assert_eq!(day("2027-01-01").unwrap()["tentative"], false);
    let lebaran = day("2027-03-10").unwrap();
    assert_eq!(
        (
            lebaran["name"].as_str(),
            lebaran["kind"].as_str(),
            lebaran["tentative"].as_bool()
        ),
        (Some("Idul Fitri 1448 H"), Some("national"), Some(true))
    );
    assert!(day("2026-03-21").is_none(), "another year's holiday");
    // 2027's collective leave is estimated (tentative) until the SKB: Christmas Eve, the
    // days around Idul Fitri, the Fridays after Thursday holidays.
    for leave in [
        "2027-03-09",
        "2027-03-12",
        "2027-03-15",
        "2027-05-07",
        "2027-12-24",
    ] {
        let found = day(leave).unwrap_or_else(|| panic!("no collective leave on {leave}"));
        assert_eq!(
            (found["kind"].as_str(), found["tentative"].as_bool()),
            (Some("collective_leave"), Some(true)),
            "{leave}"
        );
    }
    // The SLA clock already skips them: Christmas Eve 2027 (a Friday) has no business minute.
    assert_eq!(
        minutes(&app, "2027-12-24 08:00+07", "2027-12-24 17:00+07").await,
        0
    );
    let current = body(app.get("/api/v1/sla/calendar", &agent.token).await).await;
    assert_eq!(
        current["year"],
        domain::jakarta_today()
            .format("%Y")
            .to_string()
            .parse::<i64>()
            .unwrap()
    );
    assert_eq!(
        app.get("/api/v1/sla/calendar?year=1900", &agent.token)
            .await
            .status(),
        422
    );
    assert_eq!(
        app.get("/api/v1/sla/calendar?year=2027", "").await.status(),
        401
    );

    // Friday 19 March 2027 is a working day until the admins declare collective leave.
    let friday = ("2027-03-19 08:00+07", "2027-03-19 17:00+07");
    assert_eq!(minutes(&app, friday.0, friday.1).await, 540);
    let leave = json!({"name": "Cuti bersama Idul Fitri 1448 H", "kind": "collective_leave"});
    assert_eq!(
        put(
            &app,
            &agent,
            "/api/v1/sla/holidays/2027-03-19",
            leave.clone()
        )
        .await
        .status(),
        403
    );
    let added = put(
        &app,
        &admin,
        "/api/v1/sla/holidays/2027-03-19",
        leave.clone(),
    )
    .await;
    assert_eq!(added.status(), 201);
    let added = body(added).await;
    assert_eq!(
        (added["kind"].as_str(), added["tentative"].as_bool()),
        (Some("collective_leave"), Some(false))
    );
    assert_eq!(added["updated_by"], json!(admin.id));
    assert_eq!(minutes(&app, friday.0, friday.1).await, 0);
    // The same day again replaces it (200); a tentative date confirmed the same way.
    let renamed = put(
        &app,
        &admin,
        "/api/v1/sla/holidays/2027-03-19",
        json!({"name": "Cuti bersama Idulfitri", "kind": "collective_leave", "tentative": true}),
    )
    .await;
    assert_eq!(renamed.status(), 200);
    assert_eq!(body(renamed).await["name"], "Cuti bersama Idulfitri");
    let confirmed = put(
        &app,
        &admin,
        "/api/v1/sla/holidays/2027-03-10",
        json!({"name": "Idul Fitri 1448 H", "kind": "national", "tentative": false}),
    )
    .await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(body(confirmed).await["tentative"], false);
    // Bad input: unknown kind, empty name, impossible date, unknown field.
    for (path, payload, field) in [
        (
            "/api/v1/sla/holidays/2027-03-15",
            json!({"name": "x", "kind": "bank"}),
            "kind",
        ),
        (
            "/api/v1/sla/holidays/2027-03-15",
            json!({"name": "  ", "kind": "national"}),
            "name",
        ),
        (
            "/api/v1/sla/holidays/2027-02-30",
            json!({"name": "x", "kind": "national"}),
            "day",
        ),
    ] {
        let refused = put(&app, &admin, path, payload).await;
        assert_eq!(refused.status(), 422, "{path}");
        assert!(body(refused).await.to_string().contains(field), "{field}");
    }
    assert_eq!(
        put(
            &app,
            &admin,
            "/api/v1/sla/holidays/2027-03-15",
            json!({"name": "x", "kind": "national", "day": "2027-03-16"})
        )
        .await
        .status()
        .as_u16(),
        422
    );
    // Every change is audited with its author.
    let audited: i64 = sqlx::query_scalar(
        "select count(*) from audit_logs where table_name = 'holidays' and changed_by = $1",
    )
    .bind(admin.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(audited, 3);

    // Removing: agents may not; admins may, once; the day works again.
    assert_eq!(delete(&app, &agent).await.status(), 403);
    assert_eq!(delete(&app, &admin).await.status(), 204);
    assert_eq!(delete(&app, &admin).await.status(), 404);
    assert_eq!(minutes(&app, friday.0, friday.1).await, 540);

    // The database refuses a CS agent who goes around the API.
    let mut tx = app.tx_as(&agent).await;
    let direct = sqlx::query(
        "insert into holidays (day, name, kind) values ('2027-03-19', 'x', 'national')",
    )
    .execute(&mut *tx)
    .await;
    assert!(direct.is_err(), "a CS agent inserted a holiday");
    drop(tx);
    let mut tx = app.tx_as(&agent).await;
    let removed = sqlx::query("delete from holidays where day = '2027-01-01'")
        .execute(&mut *tx)
        .await;
    assert!(removed.is_err(), "a CS agent deleted a holiday");
}
