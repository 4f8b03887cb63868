//! KPI-2: targets — every overlap shape is a 409 naming the target in the way, adjacent
//! periods are fine, concurrent overlapping inserts leave exactly one; who may set which
//! department's targets (15 roles × metric departments, by the API and by RLS); copy and
//! split; entries refuse AUTO metrics and follow RLS.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn post_target(app: &TestApp, user: &TestUser, target: Value) -> (StatusCode, Value) {
    let response = app.post("/api/v1/kpi/targets", &user.token, target).await;
    let status = response.status();
    (status, body(response).await)
}

fn company(metric: &str, start: &str, end: &str, value: &str) -> Value {
    json!({"metric_key": metric, "assignee_kind": "company", "period_start": start,
           "period_end": end, "target_value": value})
}

#[tokio::test]
async fn every_overlap_shape_is_a_conflict_naming_the_target_and_adjacent_periods_are_fine() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let (status, nov) = post_target(
        &app,
        &admin,
        company("leads_total", "2026-11-01", "2026-11-30", "300"),
    )
    .await;
    assert_eq!(status, 201, "{nov}");
    assert_eq!(nov["target_value"], "300.00");
    // Inside, straddling the start, straddling the end, covering, the same first day,
    // the same last day: all overlap 1–30 November (inclusive days).
    for (start, end) in [
        ("2026-11-10", "2026-11-20"),
        ("2026-10-15", "2026-11-01"),
        ("2026-11-30", "2026-12-15"),
        ("2026-10-01", "2026-12-31"),
        ("2026-11-01", "2026-11-01"),
        ("2026-11-30", "2026-11-30"),
    ] {
        let (status, err) =
            post_target(&app, &admin, company("leads_total", start, end, "10")).await;
        assert_eq!(status, 409, "{start}..{end}: {err}");
        assert_eq!(err["code"], "conflict");
        assert_eq!(err["conflicting_target"]["id"], nov["id"], "{err}");
        assert!(err["details"]["period_start"][0]
            .as_str()
            .unwrap()
            .contains("2026-11-01"));
    }
    // Adjacent on both sides, another metric, another assignee: fine.
    for target in [
        company("leads_total", "2026-10-01", "2026-10-31", "250"),
        company("leads_total", "2026-12-01", "2026-12-31", "320"),
        company("new_customers", "2026-11-01", "2026-11-30", "20"),
        json!({"metric_key": "leads_total", "assignee_kind": "dept", "assignee_dept": "MKT",
               "period": "2026-11", "target_value": "200"}),
    ] {
        let (status, made) = post_target(&app, &admin, target).await;
        assert_eq!(status, 201, "{made}");
    }
    // Moving December onto November by PATCH is the same conflict.
    let dec = app
        .get(
            "/api/v1/kpi/targets?metric_key=leads_total&assignee_kind=company&from=2026-12-01",
            &admin.token,
        )
        .await;
    let dec_id = body(dec).await["data"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let moved = app
        .request(
            Method::PATCH,
            &format!("/api/v1/kpi/targets/{dec_id}"),
            Some(&admin.token),
            Some(json!({"period_start": "2026-11-30"})),
        )
        .await;
    assert_eq!(moved.status(), 409);
    assert_eq!(body(moved).await["conflicting_target"]["id"], nov["id"]);
}

#[tokio::test]
async fn concurrent_overlapping_inserts_leave_exactly_one() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let attempts = (0..8).map(|i| {
        let (app, admin) = (&app, &admin);
        async move {
            let start = format!("2026-11-{:02}", i + 1);
            post_target(
                app,
                admin,
                company("tickets_resolved", &start, "2026-11-30", "50"),
            )
            .await
            .0
        }
    });
    let statuses = futures_util::future::join_all(attempts).await;
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        7,
        "{statuses:?}"
    );
    let stored: i64 = sqlx::query_scalar(
        "select count(*) from kpi_targets where metric_key = 'tickets_resolved'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(stored, 1);
}

/// The metric of each department the table tries.
const METRICS: [(&str, &str); 4] = [
    ("MKT", "leads_total"),
    ("SAL", "new_customers"),
    ("FIN", "collection_rate"),
    ("CS", "tickets_resolved"),
];

/// Who may set a company-wide or department target of each department's metric.
fn may_set(role: Role, dept: &str) -> bool {
    match role {
        Role::SuperAdmin => true,
        Role::MarketingManager => dept == "MKT",
        Role::FinanceManager => dept == "FIN",
        Role::CsAdmin => dept == "CS",
        // The sales manager sets SAL targets of their team only (below), never the company's.
        _ => false,
    }
}

#[tokio::test]
async fn who_may_set_which_targets_for_every_role_and_department() {
    let app = TestApp::spawn().await;
    for role in Role::ALL {
        let user = app.user(role).await;
        for (dept, metric) in METRICS {
            let target = company(metric, "2027-01-01", "2027-01-31", "1");
            let (status, made) = post_target(&app, &user, target).await;
            if may_set(role, dept) {
                assert_eq!(status, 201, "{role:?} {metric}: {made}");
                let id = made["id"].as_str().unwrap();
                let gone = app
                    .request(
                        Method::DELETE,
                        &format!("/api/v1/kpi/targets/{id}"),
                        Some(&user.token),
                        None,
                    )
                    .await;
                assert_eq!(gone.status(), 204, "{role:?} deletes {metric}");
            } else {
                assert_eq!(status, 403, "{role:?} {metric}: {made}");
            }
        }
    }
    let stored: i64 = sqlx::query_scalar("select count(*) from kpi_targets")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn a_sales_manager_sets_sales_targets_of_their_team_only() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let mine = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let other = app.user(Role::Salesperson).await;
    let for_user = |id: uuid::Uuid, metric: &str| {
        json!({"metric_key": metric, "assignee_kind": "user", "assignee_user_id": id,
               "period": "2026-11", "target_value": "12"})
    };
    assert_eq!(
        post_target(&app, &manager, for_user(mine.id, "visits"))
            .await
            .0,
        201
    );
    let team = json!({"metric_key": "visits", "assignee_kind": "team", "assignee_user_id": manager.id,
                      "period": "2026-11", "target_value": "40"});
    assert_eq!(post_target(&app, &manager, team).await.0, 201);
    // Someone else's salesperson, a marketing metric, the SAL department: refused.
    assert_eq!(
        post_target(&app, &manager, for_user(other.id, "visits"))
            .await
            .0,
        403
    );
    assert_eq!(
        post_target(&app, &manager, for_user(mine.id, "leads_total"))
            .await
            .0,
        403
    );
    let dept = json!({"metric_key": "visits", "assignee_kind": "dept", "assignee_dept": "SAL",
                      "period": "2026-11", "target_value": "90"});
    assert_eq!(post_target(&app, &manager, dept).await.0, 403);
    // The salesperson reads their target but cannot change or delete it.
    let list = body(
        app.get("/api/v1/kpi/targets?metric_key=visits", &mine.token)
            .await,
    )
    .await;
    let ids: Vec<&str> = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["assignee_kind"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"user"), "{list}");
    let id = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["assignee_kind"] == "user")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let patch = app
        .request(
            Method::PATCH,
            &format!("/api/v1/kpi/targets/{id}"),
            Some(&mine.token),
            Some(json!({"target_value": "1"})),
        )
        .await;
    assert_eq!(patch.status(), 403);
    // The other salesperson does not see it at all.
    let theirs = body(
        app.get("/api/v1/kpi/targets?metric_key=visits", &other.token)
            .await,
    )
    .await;
    assert_eq!(theirs["total"], 0, "{theirs}");
    let hidden = app
        .request(
            Method::DELETE,
            &format!("/api/v1/kpi/targets/{id}"),
            Some(&manager.token),
            None,
        )
        .await;
    assert_eq!(hidden.status(), 204);
}

#[tokio::test]
async fn copy_last_month_and_split_a_quarter() {
    let app = TestApp::spawn().await;
    let mm = app.user(Role::MarketingManager).await;
    for (metric, value) in [("leads_total", "300"), ("marketing_spend", "15000000")] {
        let t = company(metric, "2026-10-01", "2026-10-31", value);
        assert_eq!(post_target(&app, &mm, t).await.0, 201);
    }
    // November already has leads_total: copied 1 (spend), skipped 1.
    assert_eq!(
        post_target(
            &app,
            &mm,
            company("leads_total", "2026-11-01", "2026-11-30", "320")
        )
        .await
        .0,
        201
    );
    let copy = app
        .post(
            "/api/v1/kpi/targets/copy",
            &mm.token,
            json!({"from_period": "2026-10", "to_period": "2026-11"}),
        )
        .await;
    assert_eq!(copy.status(), 200);
    assert_eq!(body(copy).await, json!({"created": 1, "skipped": 1}));
    let bad = app
        .post(
            "/api/v1/kpi/targets/copy",
            &mm.token,
            json!({"from_period": "2026-Q4", "to_period": "2026-11"}),
        )
        .await;
    assert_eq!(bad.status(), 422);

    // Q1 2027 new students: 100 by weights 1:1:2 → 25, 25, 50.
    let (_, q1) = post_target(
        &app,
        &mm,
        json!({"metric_key": "new_students", "assignee_kind": "dept",
        "assignee_dept": "MKT", "period": "2027-Q1", "target_value": "100"}),
    )
    .await;
    let id = q1["id"].as_str().unwrap();
    let split = app
        .post(
            &format!("/api/v1/kpi/targets/{id}/split"),
            &mm.token,
            json!({"weights": [1, 1, 2]}),
        )
        .await;
    assert_eq!(split.status(), 200);
    let months: Vec<(String, String)> = body(split)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["period_start"].as_str().unwrap().to_owned(),
                t["target_value"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2027-01-01".to_owned(), "25.00".to_owned()),
            ("2027-02-01".to_owned(), "25.00".to_owned()),
            ("2027-03-01".to_owned(), "50.00".to_owned()),
        ]
    );
    let director = app.user(Role::Director).await;
    let refused = app
        .post(
            "/api/v1/kpi/targets/copy",
            &director.token,
            json!({"from_period": "2026-10", "to_period": "2026-12"}),
        )
        .await;
    assert_eq!(refused.status(), 403);
}

#[tokio::test]
async fn entries_refuse_auto_metrics_and_follow_row_level_security() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let other = app.user(Role::MarketingStaff).await;
    let mine = |metric: &str, user: &TestUser| {
        json!({"metric_key": metric, "assignee_kind": "user", "assignee_user_id": user.id,
               "entry_date": "2026-11-03", "value": "4"})
    };
    let auto = app
        .post(
            "/api/v1/kpi/entries",
            &staff.token,
            mine("leads_total", &staff),
        )
        .await;
    assert_eq!(auto.status(), 422);
    assert!(body(auto).await["details"]["metric_key"][0]
        .as_str()
        .unwrap()
        .contains("AUTO"));
    assert_eq!(
        app.post(
            "/api/v1/kpi/entries",
            &staff.token,
            mine("new_students", &staff)
        )
        .await
        .status(),
        201
    );
    // Not for a colleague, not for a finance metric … none of it typed as someone else.
    assert_eq!(
        app.post(
            "/api/v1/kpi/entries",
            &staff.token,
            mine("new_students", &other)
        )
        .await
        .status(),
        403
    );
    let director = app.user(Role::Director).await;
    assert_eq!(
        app.post(
            "/api/v1/kpi/entries",
            &director.token,
            mine("new_students", &director)
        )
        .await
        .status(),
        403
    );
    let salesperson = app.user(Role::Salesperson).await;
    assert_eq!(
        app.post(
            "/api/v1/kpi/entries",
            &salesperson.token,
            mine("new_students", &salesperson)
        )
        .await
        .status(),
        403
    );
    // The colleague does not read it; the marketing manager and the director do.
    let listed = |user: &TestUser| {
        let token = user.token.clone();
        let app = &app;
        async move {
            body(
                app.get("/api/v1/kpi/entries?metric_key=new_students", &token)
                    .await,
            )
            .await["total"]
                .clone()
        }
    };
    assert_eq!(listed(&other).await, 0);
    assert_eq!(listed(&staff).await, 1);
    assert_eq!(listed(&app.user(Role::MarketingManager).await).await, 1);
    assert_eq!(listed(&director).await, 1);
    // The database itself refuses an entry of an AUTO metric, whoever writes it.
    let direct = sqlx::query("insert into kpi_entries (metric_key, assignee_kind, entry_date, value) values ('visits', 'company', '2026-11-01', 1)")
        .execute(&app.owner)
        .await;
    assert!(direct
        .unwrap_err()
        .to_string()
        .contains("computed from the transactions"));
}
