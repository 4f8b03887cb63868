//! Sales metrics (KPI-3) against fixtures computed by hand: new_customers,
//! sales_activities, visits, pipeline_value and weighted_forecast (the stage each prospect
//! had at the end of the period, from its history), deals_won and win_rate — for a
//! salesperson, the sales manager's team and the company, with the period edges at 00:00
//! Asia/Jakarta.
//!
//! People: `sm` the sales manager; `p1`, `p2` salespeople of their team; `q` a
//! salesperson outside it. The manager views `p1` and the own team, the director the
//! company.

use domain::Role;
use integration_tests::{TestApp, TestUser};
use uuid::Uuid;

use super::{
    fixtures::{
        assert_actuals, card, card_months, customer, customer_at, delete, evidence, prospect,
        stage, Scope,
    },
    trend,
};

struct People {
    director: TestUser,
    sm: TestUser,
    p1: TestUser,
    p2: TestUser,
    q: TestUser,
}

async fn people(app: &TestApp) -> People {
    let sm = app.user(Role::SalesManager).await;
    People {
        director: app.user(Role::Director).await,
        p1: app.user_managed_by(Role::Salesperson, Some(sm.id)).await,
        p2: app.user_managed_by(Role::Salesperson, Some(sm.id)).await,
        q: app.user(Role::Salesperson).await,
        sm,
    }
}

/// `p1` in November, the team and the company, as the manager and the director see them.
async fn three_cards(app: &TestApp, p: &People, period: &str) -> [serde_json::Value; 3] {
    [
        card(app, &p.sm, period, Scope::User(p.p1.id)).await,
        card(app, &p.sm, period, Scope::Team(p.sm.id)).await,
        card(app, &p.director, period, Scope::Company).await,
    ]
}

/// C1 p1's at 11-01 00:00:00; C2 unowned, created by p1 at 11-30 23:59:59 (credited to
/// its creator); C3 p1's at 10-31 23:59:59 (October); C4 p1's at 12-01 00:00:00
/// (December); C5 p1's, deleted; C6 p1's, merged into C1; C7 p2's; C8 q's; C9 nobody's
/// (intake), all November.
async fn new_customers(app: &TestApp, p: &People) {
    let (p1, p2, q) = (Some(p.p1.id), Some(p.p2.id), Some(p.q.id));
    let c1 = customer_at(app, p1, p1, "2026-11-01 00:00:00+07").await;
    customer_at(app, None, p1, "2026-11-30 23:59:59+07").await;
    customer_at(app, p1, p1, "2026-10-31 23:59:59+07").await;
    customer_at(app, p1, p1, "2026-12-01 00:00:00+07").await;
    let c5 = customer_at(app, p1, p1, "2026-11-10 10:00+07").await;
    delete(app, "customers", c5).await;
    let c6 = customer_at(app, p1, p1, "2026-11-11 10:00+07").await;
    sqlx::query("update customers set merged_into_id = $2 where id = $1")
        .bind(c6)
        .bind(c1)
        .execute(&app.owner)
        .await
        .unwrap();
    customer_at(app, p2, p2, "2026-11-12 10:00+07").await;
    customer_at(app, q, q, "2026-11-13 10:00+07").await;
    customer_at(app, None, None, "2026-11-14 10:00+07").await;
}

#[tokio::test]
async fn new_customers_count_live_customers_created_in_the_period_by_owner_else_creator() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    new_customers(&app, &p).await;
    // p1: C1, C2 = 2; team: + C7 = 3; company: + C8, C9 = 5 (as the director sees them).
    for (scope, expected) in [
        (Scope::User(p.p1.id), "2.00"),
        (Scope::Team(p.sm.id), "3.00"),
        (Scope::Company, "5.00"),
    ] {
        let c = card(&app, &p.director, "2026-11", scope).await;
        assert_actuals(&c, "November", &[("new_customers", Some(expected))]);
    }
    // The edges: C3 alone in October, C4 alone in December.
    for period in ["2026-10", "2026-12"] {
        let edge = card(&app, &p.director, period, Scope::User(p.p1.id)).await;
        assert_actuals(&edge, period, &[("new_customers", Some("1.00"))]);
    }
}

#[tokio::test]
async fn the_sales_manager_counts_the_unowned_customers_their_team_created() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    new_customers(&app, &p).await;
    // The same figures as the director's: C2 (no owner, created by p1) is p1's, so the
    // manager who may view p1 and the team must count it: p1 2, team 3.
    let [user, team, _] = three_cards(&app, &p, "2026-11").await;
    assert_actuals(
        &user,
        "p1 as the manager",
        &[("new_customers", Some("2.00"))],
    );
    assert_actuals(
        &team,
        "team as its manager",
        &[("new_customers", Some("3.00"))],
    );
}

/// An activity of `owner` at `at` (a visit with `photo` carries its evidence and GPS).
async fn activity(
    app: &TestApp,
    c: Uuid,
    kind: &str,
    owner: Uuid,
    at: &str,
    photo: Option<Uuid>,
    scheduled: bool,
) -> Uuid {
    sqlx::query_scalar(
        "insert into sales_activities (activity_type, subject, customer_id, owner_user_id, created_by, \
                                       occurred_at, scheduled_at, evidence_file_id, latitude, longitude) \
         values ($1, 'Fixture', $2, $3, $3, $4::timestamptz, \
                 case when $5 then $4::timestamptz end, $6, \
                 case when $6 is not null then -6.2 end, case when $6 is not null then 106.8 end) \
         returning id",
    )
    .bind(kind)
    .bind(c)
    .bind(owner)
    .bind(at)
    .bind(scheduled)
    .bind(photo)
    .fetch_one(&app.owner)
    .await
    .unwrap()
}

#[tokio::test]
async fn activities_and_visits_count_what_happened_in_the_period_by_owner() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let c = customer(&app, Some(p.p1.id)).await;
    let photo = Some(evidence(&app, p.p1.id).await);
    //
    // | act | owner | type     | at (+07)            | photo | counts                      |
    // |-----|-------|----------|---------------------|-------|-----------------------------|
    // | A1  | p1    | visit    | 2026-11-01 00:00:00 | yes   | activity + visit            |
    // | A2  | p1    | visit    | 2026-11-30 23:59:59 | yes   | activity + visit            |
    // | A3  | p1    | call     | 2026-11-15 10:00    |       | activity                    |
    // | A4  | p1    | visit    | 2026-11-16 10:00    |       | scheduled: neither          |
    // | A5  | p1    | visit    | 2026-10-31 23:59:59 | yes   | October                     |
    // | A6  | p1    | visit    | 2026-12-01 00:00:00 | yes   | December                    |
    // | A7  | p1    | system   | 2026-11-10 10:00    |       | never                       |
    // | A8  | p1    | call     | 2026-11-11 10:00    |       | deleted                     |
    // | A9  | p2    | visit    | 2026-11-20 10:00    | yes   | activity + visit            |
    // | A10 | p2    | whatsapp | 2026-11-21 10:00    |       | activity                    |
    // | A11 | sm    | meeting  | 2026-11-24 10:00    |       | activity (the manager's own)|
    // | A12 | q     | email    | 2026-11-22 10:00    |       | activity (company)          |
    // | A13 | q     | visit    | 2026-11-23 10:00    | yes   | activity + visit (company)  |
    let (p1, p2, sm, q) = (p.p1.id, p.p2.id, p.sm.id, p.q.id);
    for (kind, owner, at, with_photo, scheduled) in [
        ("visit", p1, "2026-11-01 00:00:00+07", true, false),
        ("visit", p1, "2026-11-30 23:59:59+07", true, false),
        ("call", p1, "2026-11-15 10:00+07", false, false),
        ("visit", p1, "2026-11-16 10:00+07", false, true),
        ("visit", p1, "2026-10-31 23:59:59+07", true, false),
        ("visit", p1, "2026-12-01 00:00:00+07", true, false),
        ("system", p1, "2026-11-10 10:00+07", false, false),
        ("visit", p2, "2026-11-20 10:00+07", true, false),
        ("whatsapp", p2, "2026-11-21 10:00+07", false, false),
        ("meeting", sm, "2026-11-24 10:00+07", false, false),
        ("email", q, "2026-11-22 10:00+07", false, false),
        ("visit", q, "2026-11-23 10:00+07", true, false),
    ] {
        activity(
            &app,
            c,
            kind,
            owner,
            at,
            photo.filter(|_| with_photo),
            scheduled,
        )
        .await;
    }
    let a8 = activity(&app, c, "call", p1, "2026-11-11 10:00+07", None, false).await;
    delete(&app, "sales_activities", a8).await;

    // p1: A1, A2, A3 = 3 activities, A1, A2 = 2 visits. Team: + A9, A10, A11 = 6, visits
    // + A9 = 3. Company: + A12, A13 = 8, visits + A13 = 4.
    let [user, team, company] = three_cards(&app, &p, "2026-11").await;
    let expected = [("sales_activities", Some("3.00")), ("visits", Some("2.00"))];
    assert_actuals(&user, "p1 November", &expected);
    let expected = [("sales_activities", Some("6.00")), ("visits", Some("3.00"))];
    assert_actuals(&team, "team November", &expected);
    let expected = [("sales_activities", Some("8.00")), ("visits", Some("4.00"))];
    assert_actuals(&company, "company November", &expected);
    // The edges: A5 alone in October, A6 alone in December.
    for period in ["2026-10", "2026-12"] {
        let edge = card(&app, &p.sm, period, Scope::User(p.p1.id)).await;
        let expected = [("sales_activities", Some("1.00")), ("visits", Some("1.00"))];
        assert_actuals(&edge, period, &expected);
    }
}

#[tokio::test]
async fn pipeline_and_forecast_take_each_prospect_s_stage_at_the_end_of_the_period() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let (p1, p2, q) = (Some(p.p1.id), Some(p.p2.id), Some(p.q.id));
    // Probabilities: new 10, contacted 20, qualification 40, proposal 60, negotiation 80.
    //
    // | prospect | owner | value         | created (+07)       | history (+07)                                   | end Oct          | end Nov            |
    // |----------|-------|---------------|---------------------|-------------------------------------------------|------------------|--------------------|
    // | R1       | p1    | 10,000,000.00 | 2026-10-01          | contacted 10-05, proposal 11-10                 | contacted 20 %   | proposal 60 %      |
    // | R2       | p1    |  4,000,000.00 | 2026-10-01          | negotiation 11-20, won 12-01 00:00:00           | new 10 %         | negotiation 80 %   |
    // | R3       | p1    |  3,000,000.00 | 2026-10-01          | lost 11-30 23:59:59                             | new 10 %         | closed             |
    // | R4       | p1    |  2,500,000.50 | 2026-11-30 23:59:59 | –                                               | not yet          | new 10 %           |
    // | R5       | p1    |  7,000,000.00 | 2026-12-01 00:00:00 | –                                               | not yet          | not yet            |
    // | R6       | p1    |  1,000,000.00 | 2026-10-01          | – (deleted)                                     | –                | –                  |
    // | R7       | p2    |  5,000,000.00 | 2026-10-01          | qualification 11-02                             | new 10 %         | qualification 40 % |
    // | R8       | q     |  8,000,000.00 | 2026-10-01          | contacted 10-02                                 | contacted 20 %   | contacted 20 %     |
    // | R9       | –     |  1,000,000.00 | 2026-10-01          | –                                               | new 10 %         | new 10 %           |
    //
    // (Each insert also logs its first stage "now", in December: after both period ends.)
    let oct = "2026-10-01 10:00+07";
    let r1 = prospect(&app, p1, "10000000.00", oct).await;
    stage(&app, r1, "contacted", "2026-10-05 10:00+07").await;
    stage(&app, r1, "proposal", "2026-11-10 10:00+07").await;
    let r2 = prospect(&app, p1, "4000000.00", oct).await;
    stage(&app, r2, "negotiation", "2026-11-20 10:00+07").await;
    stage(&app, r2, "won", "2026-12-01 00:00:00+07").await;
    let r3 = prospect(&app, p1, "3000000.00", oct).await;
    stage(&app, r3, "lost", "2026-11-30 23:59:59+07").await;
    prospect(&app, p1, "2500000.50", "2026-11-30 23:59:59+07").await;
    prospect(&app, p1, "7000000.00", "2026-12-01 00:00:00+07").await;
    let r6 = prospect(&app, p1, "1000000.00", oct).await;
    delete(&app, "prospects", r6).await;
    let r7 = prospect(&app, p2, "5000000.00", oct).await;
    stage(&app, r7, "qualification", "2026-11-02 10:00+07").await;
    let r8 = prospect(&app, q, "8000000.00", oct).await;
    stage(&app, r8, "contacted", "2026-10-02 10:00+07").await;
    prospect(&app, None, "1000000.00", oct).await;

    // End of November, p1: R1 10,000,000.00 + R2 4,000,000.00 + R4 2,500,000.50
    // = 16,500,000.50; weighted 6,000,000.00 + 3,200,000.00 + 250,000.05 = 9,450,000.05.
    // Team: + R7 5,000,000.00 (2,000,000.00) = 21,500,000.50 (11,450,000.05).
    // Company: + R8 8,000,000.00 (1,600,000.00) + R9 1,000,000.00 (100,000.00)
    // = 30,500,000.50 (13,150,000.05).
    let [user, team, company] = three_cards(&app, &p, "2026-11").await;
    let expected = [
        ("pipeline_value", Some("16500000.50")),
        ("weighted_forecast", Some("9450000.05")),
    ];
    assert_actuals(&user, "p1 November", &expected);
    let expected = [
        ("pipeline_value", Some("21500000.50")),
        ("weighted_forecast", Some("11450000.05")),
    ];
    assert_actuals(&team, "team November", &expected);
    let expected = [
        ("pipeline_value", Some("30500000.50")),
        ("weighted_forecast", Some("13150000.05")),
    ];
    assert_actuals(&company, "company November", &expected);

    // End of October, p1: R1 10,000,000.00 (contacted: 2,000,000.00) + R2 4,000,000.00
    // (400,000.00) + R3 3,000,000.00 (300,000.00) = 17,000,000.00 (2,700,000.00).
    let october = card(&app, &p.sm, "2026-10", Scope::User(p.p1.id)).await;
    let expected = [
        ("pipeline_value", Some("17000000.00")),
        ("weighted_forecast", Some("2700000.00")),
    ];
    assert_actuals(&october, "p1 October", &expected);

    // Both months in one request (the trend computes every month in one statement per
    // metric): October then November, as above.
    let both = card_months(&app, &p.sm, "2026-11", 2, Scope::User(p.p1.id)).await;
    let expected = [
        ("pipeline_value", ["17000000.00", "16500000.50"]),
        ("weighted_forecast", ["2700000.00", "9450000.05"]),
    ];
    for (metric, months) in expected {
        let months = months.map(|v| Some(v.to_owned()));
        assert_eq!(trend(&both, metric), months, "{metric} October, November");
    }
}

#[tokio::test]
async fn deals_won_and_win_rate_count_the_closing_stage_changes_of_the_period() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let (p1, p2, q) = (Some(p.p1.id), Some(p.p2.id), Some(p.q.id));
    // Closing changes (+07): p1 won 11-01 00:00:00 and 11-15, lost 11-30 23:59:59, lost
    // 10-31 23:59:59 (October), won 12-01 00:00:00 (December), won 11-05 on a deleted
    // prospect (ignored); p2 won 11-20, lost 11-21; q won 11-22; an unowned prospect lost
    // 11-25. Other changes (to proposal) never count.
    let at = "2026-10-01 10:00+07";
    for (owner, to, when) in [
        (p1, "won", "2026-11-01 00:00:00+07"),
        (p1, "won", "2026-11-15 10:00+07"),
        (p1, "lost", "2026-11-30 23:59:59+07"),
        (p1, "lost", "2026-10-31 23:59:59+07"),
        (p1, "won", "2026-12-01 00:00:00+07"),
        (p2, "won", "2026-11-20 10:00+07"),
        (p2, "lost", "2026-11-21 10:00+07"),
        (q, "won", "2026-11-22 10:00+07"),
        (None, "lost", "2026-11-25 10:00+07"),
    ] {
        let r = prospect(&app, owner, "1000000.00", at).await;
        stage(&app, r, "proposal", "2026-10-15 10:00+07").await;
        stage(&app, r, to, when).await;
    }
    let gone = prospect(&app, p1, "1000000.00", at).await;
    stage(&app, gone, "won", "2026-11-05 10:00+07").await;
    delete(&app, "prospects", gone).await;

    // p1: won 2 of 3 closed = 66.67 %. Team: won 3 of 5 = 60.00 %. Company: won 4 of 7
    // = 57.142… → 57.14 %.
    let [user, team, company] = three_cards(&app, &p, "2026-11").await;
    assert_actuals(
        &user,
        "p1",
        &[("deals_won", Some("2.00")), ("win_rate", Some("66.67"))],
    );
    assert_actuals(
        &team,
        "team",
        &[("deals_won", Some("3.00")), ("win_rate", Some("60.00"))],
    );
    let expected = [("deals_won", Some("4.00")), ("win_rate", Some("57.14"))];
    assert_actuals(&company, "company", &expected);
    // October: one loss → 0 won, 0.00 %; December: one win → 100.00 %; September: nothing
    // closed → 0 won and no rate (NA).
    for (period, won, rate) in [
        ("2026-10", "0.00", Some("0.00")),
        ("2026-12", "1.00", Some("100.00")),
        ("2026-09", "0.00", None),
    ] {
        let edge = card(&app, &p.sm, period, Scope::User(p.p1.id)).await;
        assert_actuals(
            &edge,
            period,
            &[("deals_won", Some(won)), ("win_rate", rate)],
        );
    }
    // The four months in one request: September to December, as above.
    let months = card_months(&app, &p.sm, "2026-12", 4, Scope::User(p.p1.id)).await;
    let won = ["0.00", "0.00", "2.00", "1.00"].map(|v| Some(v.to_owned()));
    assert_eq!(
        trend(&months, "deals_won"),
        won,
        "deals_won September to December"
    );
    let rate = [None, Some("0.00"), Some("66.67"), Some("100.00")].map(|v| v.map(str::to_owned));
    assert_eq!(
        trend(&months, "win_rate"),
        rate,
        "win_rate September to December"
    );
}
