//! CS metrics (KPI-3) against fixtures computed by hand: ticket_first_response_median (in
//! business minutes: Mon–Fri 08:00–17:00 Asia/Jakarta; November 2026 has no holiday),
//! sla_compliance and tickets_resolved — for an agent, the CS admin's team and the
//! company, with the period edges at 00:00 Asia/Jakarta; and wa_first_response_median,
//! which has no data source yet: `null`, status `na`, for every scope.
//!
//! People: `admin` the CS admin; `x`, `y` agents of their team; `z` an agent outside it.
//! The admin views `x` and the own team, the director the company. Calendar: Sat 31 Oct,
//! Sun 1 Nov, Mon 2 Nov … Mon 30 Nov, Tue 1 Dec 2026.

use domain::Role;
use integration_tests::{TestApp, TestUser};
use uuid::Uuid;

use super::fixtures::{assert_actuals, card, Scope};

struct People {
    director: TestUser,
    admin: TestUser,
    x: TestUser,
    y: TestUser,
    z: TestUser,
}

async fn people(app: &TestApp) -> People {
    let admin = app.user(Role::CsAdmin).await;
    People {
        director: app.user(Role::Director).await,
        x: app.user_managed_by(Role::CsAgent, Some(admin.id)).await,
        y: app.user_managed_by(Role::CsAgent, Some(admin.id)).await,
        z: app.user(Role::CsAgent).await,
        admin,
    }
}

/// A `high` complaint for `dept` assigned to `agent`, opened at `created_at` (its OPENED
/// event logged by the trigger), then — with the triggers that stamp "now" switched off —
/// answered at `first_response_at` and closed at `closed_at`.
async fn ticket(
    app: &TestApp,
    dept: &str,
    agent: Uuid,
    created_at: &str,
    first_response_at: Option<&str>,
    closed_at: Option<&str>,
) {
    let mut tx = app.owner.begin().await.unwrap();
    let id: Uuid = sqlx::query_scalar(
        "insert into tickets (ticket_type, priority, dept_target, subject, assigned_to_user_id, created_at) \
         values ('complaint', 'high', $1, 'Fixture', $2, $3::timestamptz) returning id",
    )
    .bind(dept)
    .bind(agent)
    .bind(created_at)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    sqlx::query("set local session_replication_role = replica")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(
        "update tickets set first_response_at = $2::timestamptz, \
                status = case when $3::timestamptz is null then status else 'closed' end, \
                closed_at = $3::timestamptz where id = $1",
    )
    .bind(id)
    .bind(first_response_at)
    .bind(closed_at)
    .execute(&mut *tx)
    .await
    .unwrap();
    if let Some(at) = first_response_at {
        sqlx::query(
            "insert into sla_events (ticket_id, event_type, occurred_at) values ($1, 'FIRST_RESPONSE', $2::timestamptz)",
        )
        .bind(id)
        .bind(at)
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

/// `x` in `period`, the team and the company.
async fn three_cards(app: &TestApp, p: &People, period: &str) -> [serde_json::Value; 3] {
    [
        card(app, &p.admin, period, Scope::User(p.x.id)).await,
        card(app, &p.admin, period, Scope::Team(p.admin.id)).await,
        card(app, &p.director, period, Scope::Company).await,
    ]
}

#[tokio::test]
async fn first_response_median_is_over_business_minutes_of_the_tickets_opened_in_the_period() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let (x, y, z) = (p.x.id, p.y.id, p.z.id);
    //
    // | tkt | agent | opened (+07)        | first response (+07) | business minutes             |
    // |-----|-------|---------------------|----------------------|------------------------------|
    // | T0  | x     | Sat 10-31 23:59:59  | Mon 11-02 08:05      | 5 (October's)                |
    // | T1  | x     | Sun 11-01 00:00:00  | Mon 11-02 09:30      | 90 (the weekend is free)     |
    // | T2  | x     | Mon 11-02 10:00     | Mon 11-02 10:20      | 20                           |
    // | T3  | x     | Tue 11-03 16:00     | Wed 11-04 08:40      | 60 + 40 = 100                |
    // | T4  | x     | Wed 11-04 09:00     | –                    | unanswered: not counted      |
    // | T5  | x     | Wed 11-04 09:00     | Wed 11-04 09:01      | FIN ticket: not CS           |
    // | T6  | y     | Wed 11-04 09:00     | Wed 11-04 09:50      | 50                           |
    // | T7  | y     | Thu 11-05 13:00     | Thu 11-05 13:10      | 10                           |
    // | T8  | y     | Mon 11-30 23:59:59  | Tue 12-01 08:30      | 30 (November's: opened then) |
    // | T9  | z     | Fri 11-06 09:00     | Fri 11-06 12:00      | 180                          |
    // | T10 | x     | Tue 12-01 00:00:00  | Tue 12-01 08:10      | 10 (December's)              |
    for (dept, agent, opened, answered) in [
        (
            "CS",
            x,
            "2026-10-31 23:59:59+07",
            Some("2026-11-02 08:05+07"),
        ),
        (
            "CS",
            x,
            "2026-11-01 00:00:00+07",
            Some("2026-11-02 09:30+07"),
        ),
        ("CS", x, "2026-11-02 10:00+07", Some("2026-11-02 10:20+07")),
        ("CS", x, "2026-11-03 16:00+07", Some("2026-11-04 08:40+07")),
        ("CS", x, "2026-11-04 09:00+07", None),
        ("FIN", x, "2026-11-04 09:00+07", Some("2026-11-04 09:01+07")),
        ("CS", y, "2026-11-04 09:00+07", Some("2026-11-04 09:50+07")),
        ("CS", y, "2026-11-05 13:00+07", Some("2026-11-05 13:10+07")),
        (
            "CS",
            y,
            "2026-11-30 23:59:59+07",
            Some("2026-12-01 08:30+07"),
        ),
        ("CS", z, "2026-11-06 09:00+07", Some("2026-11-06 12:00+07")),
        (
            "CS",
            x,
            "2026-12-01 00:00:00+07",
            Some("2026-12-01 08:10+07"),
        ),
    ] {
        ticket(&app, dept, agent, opened, answered, None).await;
    }
    // x: median of 20, 90, 100 = 90. Team: 10, 20, 30, 50, 90, 100 → (30 + 50) ÷ 2 = 40.
    // Company: 10, 20, 30, 50, 90, 100, 180 → 50.
    let [user, team, company] = three_cards(&app, &p, "2026-11").await;
    let median = "ticket_first_response_median";
    assert_actuals(&user, "x November", &[(median, Some("90.00"))]);
    assert_actuals(&team, "team November", &[(median, Some("40.00"))]);
    assert_actuals(&company, "company November", &[(median, Some("50.00"))]);
    // The edges: T0 alone in October (5), T10 alone in December (10); nothing answered
    // in September → no median (NA).
    for (period, expected) in [
        ("2026-10", Some("5.00")),
        ("2026-12", Some("10.00")),
        ("2026-09", None),
    ] {
        let edge = card(&app, &p.admin, period, Scope::User(x)).await;
        assert_actuals(&edge, period, &[(median, expected)]);
    }
}

#[tokio::test]
async fn sla_compliance_and_resolved_count_the_tickets_closed_in_the_period() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let (x, y, z) = (p.x.id, p.y.id, p.z.id);
    // A high complaint is resolved within 540 business minutes (a business day); nothing
    // is paused here.
    //
    // | tkt | agent | opened (+07)     | closed (+07)         | minutes           | state    | month |
    // |-----|-------|------------------|----------------------|-------------------|----------|-------|
    // | R1  | x     | Mon 11-02 09:00  | Mon 11-02 15:00      | 360               | met      | Nov   |
    // | R2  | x     | Mon 11-02 09:00  | Tue 11-03 12:00      | 480 + 240 = 720   | breached | Nov   |
    // | R3  | x     | Fri 10-30 16:00  | Sun 11-01 00:00:00   | 60                | met      | Nov   |
    // | R4  | x     | Fri 10-30 09:00  | Sat 10-31 23:59:59   | 480               | met      | Oct   |
    // | R5  | x     | Mon 11-02 09:00  | –                    | open              | –        | –     |
    // | R6  | x     | Mon 11-02 09:00  | Mon 11-02 10:00      | FIN ticket        | –        | –     |
    // | R7  | y     | Tue 11-03 09:00  | Wed 11-04 09:00      | 480 + 60 = 540    | met (=)  | Nov   |
    // | R8  | y     | Mon 11-30 09:00  | Mon 11-30 23:59:59   | 480               | met      | Nov   |
    // | R9  | y     | Mon 11-30 09:00  | Tue 12-01 00:00:00   | 480               | met      | Dec   |
    // | R10 | z     | Thu 11-05 09:00  | Fri 11-06 17:00      | 480 + 540 = 1020  | breached | Nov   |
    // | R11 | z     | Thu 11-05 09:00  | Thu 11-05 10:00      | 60                | met      | Nov   |
    for (dept, agent, opened, closed) in [
        ("CS", x, "2026-11-02 09:00+07", Some("2026-11-02 15:00+07")),
        ("CS", x, "2026-11-02 09:00+07", Some("2026-11-03 12:00+07")),
        (
            "CS",
            x,
            "2026-10-30 16:00+07",
            Some("2026-11-01 00:00:00+07"),
        ),
        (
            "CS",
            x,
            "2026-10-30 09:00+07",
            Some("2026-10-31 23:59:59+07"),
        ),
        ("CS", x, "2026-11-02 09:00+07", None),
        ("FIN", x, "2026-11-02 09:00+07", Some("2026-11-02 10:00+07")),
        ("CS", y, "2026-11-03 09:00+07", Some("2026-11-04 09:00+07")),
        (
            "CS",
            y,
            "2026-11-30 09:00+07",
            Some("2026-11-30 23:59:59+07"),
        ),
        (
            "CS",
            y,
            "2026-11-30 09:00+07",
            Some("2026-12-01 00:00:00+07"),
        ),
        ("CS", z, "2026-11-05 09:00+07", Some("2026-11-06 17:00+07")),
        ("CS", z, "2026-11-05 09:00+07", Some("2026-11-05 10:00+07")),
    ] {
        ticket(&app, dept, agent, opened, None, closed).await;
    }
    // x: R1, R2, R3 resolved, 2 met → 66.67 %. Team: + R7, R8 → 5 resolved, 4 met
    // → 80.00 %. Company: + R10, R11 → 7 resolved, 5 met → 71.428… → 71.43 %.
    let [user, team, company] = three_cards(&app, &p, "2026-11").await;
    let expected = [
        ("tickets_resolved", Some("3.00")),
        ("sla_compliance", Some("66.67")),
    ];
    assert_actuals(&user, "x November", &expected);
    let expected = [
        ("tickets_resolved", Some("5.00")),
        ("sla_compliance", Some("80.00")),
    ];
    assert_actuals(&team, "team November", &expected);
    let expected = [
        ("tickets_resolved", Some("7.00")),
        ("sla_compliance", Some("71.43")),
    ];
    assert_actuals(&company, "company November", &expected);
    // The edges: R4 alone in x's October; R9 alone in y's December; nothing closed in
    // x's September → 0 resolved and no compliance (NA).
    let cases = [
        ("2026-10", x, "1.00", Some("100.00")),
        ("2026-12", y, "1.00", Some("100.00")),
        ("2026-09", x, "0.00", None),
    ];
    for (period, agent, resolved, compliance) in cases {
        let edge = card(&app, &p.admin, period, Scope::User(agent)).await;
        let expected = [
            ("tickets_resolved", Some(resolved)),
            ("sla_compliance", compliance),
        ];
        assert_actuals(&edge, period, &expected);
    }
}

#[tokio::test]
async fn whatsapp_first_response_has_no_source_yet_and_is_na_for_every_scope() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    // Even with tickets answered in the period: the WhatsApp metric reads no ticket.
    ticket(
        &app,
        "CS",
        p.x.id,
        "2026-11-02 09:00+07",
        Some("2026-11-02 09:10+07"),
        None,
    )
    .await;
    for c in three_cards(&app, &p, "2026-11").await {
        let wa = super::row(&c, "wa_first_response_median");
        assert_eq!(wa["actual"], serde_json::Value::Null, "{c}");
        assert_eq!(wa["status"], "na");
        assert_eq!(wa["achievement_pct"], serde_json::Value::Null);
        assert_actuals(
            &c,
            "ticket median beside it",
            &[("ticket_first_response_median", Some("10.00"))],
        );
    }
    let own = super::actual(&app, &p.admin, "wa_first_response_median", "period=2026-11").await;
    assert_eq!(own, None, "the CS admin's own scorecard");
}
