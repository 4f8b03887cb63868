//! KPI-4/KPI-5: the scorecard — achievement and status against targets (lower is better
//! is continuous), NA never becomes 0, manual entries roll up to team and company, who may
//! view whose scorecard, bad periods, the trend and the export.

use domain::Role;
use integration_tests::{body, TestApp};
use serde_json::json;

use super::{row, scorecard};

#[tokio::test]
async fn a_metric_without_a_data_source_is_na_never_zero() {
    let app = TestApp::spawn().await;
    let director = app.user(Role::Director).await;
    let card = scorecard(&app, &director, "period=2026-11&company=true").await;
    let wa = row(&card, "wa_first_response_median");
    assert_eq!(wa["actual"], json!(null));
    assert_eq!(wa["status"], "na");
    assert_eq!(wa["achievement_pct"], json!(null));
    // A manual metric without entries is NA too; an AUTO count with no rows is a true 0.
    assert_eq!(row(&card, "new_students")["actual"], json!(null));
    assert_eq!(row(&card, "new_students")["status"], "na");
    assert_eq!(row(&card, "leads_total")["actual"], "0.00");
    assert_eq!(row(&card, "leads_total")["status"], "no_target");
    assert_eq!(
        card["rows"].as_array().unwrap().len(),
        25,
        "every metric for the company"
    );
}

#[tokio::test]
async fn manual_entries_score_against_targets_and_roll_up() {
    let app = TestApp::spawn().await;
    let mm = app.user(Role::MarketingManager).await;
    let staff = app.user_managed_by(Role::MarketingStaff, Some(mm.id)).await;
    let peer = app.user_managed_by(Role::MarketingStaff, Some(mm.id)).await;
    // September 2026 (past, judged at its end): staff 7 + 5 = 12 students, peer 9.
    for (user, day, value) in [
        (&staff, "2026-09-01", "7"),
        (&staff, "2026-09-30", "5"),
        (&peer, "2026-09-15", "9"),
    ] {
        let entry = json!({"metric_key": "new_students", "assignee_kind": "user", "assignee_user_id": user.id,
                           "entry_date": day, "value": value});
        assert_eq!(
            app.post("/api/v1/kpi/entries", &user.token, entry)
                .await
                .status(),
            201
        );
    }
    // An entry of 1 October is not September's.
    let october = json!({"metric_key": "new_students", "assignee_kind": "user", "assignee_user_id": staff.id,
                         "entry_date": "2026-10-01", "value": "100"});
    assert_eq!(
        app.post("/api/v1/kpi/entries", &staff.token, october)
            .await
            .status(),
        201
    );
    for (user, value) in [(&staff, "15"), (&peer, "9")] {
        let target = json!({"metric_key": "new_students", "assignee_kind": "user", "assignee_user_id": user.id,
                            "period": "2026-09", "target_value": value});
        assert_eq!(
            app.post("/api/v1/kpi/targets", &mm.token, target)
                .await
                .status(),
            201
        );
    }
    // Staff: 12 of 15 = 80.00 % at the period's end → behind (< 85 %).
    let card = scorecard(&app, &staff, "period=2026-09").await;
    let r = row(&card, "new_students");
    assert_eq!(
        (r["target"].as_str(), r["actual"].as_str()),
        (Some("15.00"), Some("12.00"))
    );
    assert_eq!(r["achievement_pct"], "80.00");
    assert_eq!(r["status"], "behind");
    assert_eq!(r["provenance"], "manual");
    assert_eq!(r["drilldown"], json!(null));
    // Peer: 9 of 9 → 100.00 % on track.
    let card = scorecard(
        &app,
        &mm,
        &format!("period=2026-09&assignee_user_id={}", peer.id),
    )
    .await;
    assert_eq!(row(&card, "new_students")["status"], "on_track");
    // The team of the manager: 12 + 9 = 21; no team target → no_target.
    let card = scorecard(&app, &mm, &format!("period=2026-09&team={}", mm.id)).await;
    assert_eq!(row(&card, "new_students")["actual"], "21.00");
    assert_eq!(row(&card, "new_students")["status"], "no_target");
    // The quarter Q3 2026 = the same days as July–September: 21; Q4 holds October's 100.
    let card = scorecard(&app, &mm, &format!("period=2026-Q3&team={}", mm.id)).await;
    assert_eq!(row(&card, "new_students")["actual"], "21.00");
    let card = scorecard(&app, &mm, &format!("period=2026-Q4&team={}", mm.id)).await;
    assert_eq!(row(&card, "new_students")["actual"], "100.00");
    // The trend of six months ending September: only September has entries.
    let trend = body(
        app.get(
            &format!(
                "/api/v1/kpi/trend?metric_key=new_students&period=2026-09&assignee_user_id={}",
                staff.id
            ),
            &mm.token,
        )
        .await,
    )
    .await;
    let points = trend["points"].as_array().unwrap();
    assert_eq!(points.len(), 6);
    assert_eq!(points[0]["period"], "2026-04");
    assert_eq!(points[0]["actual"], json!(null));
    assert_eq!(points[5]["actual"], "12.00");
    assert_eq!(points[5]["target"], "15.00");
}

#[tokio::test]
async fn lower_is_better_achievement_is_continuous() {
    let app = TestApp::spawn().await;
    let cs_admin = app.user(Role::CsAdmin).await;
    let director = app.user(Role::Director).await;
    // Company September 2026: first response target 45 minutes; entries are refused (AUTO),
    // so the actual is the median of CS tickets — none → no data → NA rather than a score.
    let target = json!({"metric_key": "ticket_first_response_median", "assignee_kind": "company",
                        "period": "2026-09", "target_value": "45"});
    assert_eq!(
        app.post("/api/v1/kpi/targets", &cs_admin.token, target)
            .await
            .status(),
        201
    );
    let card = scorecard(&app, &director, "period=2026-09&company=true").await;
    let r = row(&card, "ticket_first_response_median");
    assert_eq!(r["target"], "45.00");
    assert_eq!(r["actual"], json!(null));
    assert_eq!(r["status"], "na");
}

#[tokio::test]
async fn who_may_view_which_scorecard() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let mine = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let other = app.user(Role::Salesperson).await;
    let get = |token: &str, query: &str| {
        let (app, token, query) = (&app, token.to_owned(), query.to_owned());
        async move {
            app.get(
                &format!("/api/v1/kpi/scorecard?period=2026-11&{query}"),
                &token,
            )
            .await
            .status()
        }
    };
    // Yourself, your team member, your team.
    assert_eq!(get(&mine.token, "").await, 200);
    assert_eq!(
        get(&manager.token, &format!("assignee_user_id={}", mine.id)).await,
        200
    );
    assert_eq!(
        get(&manager.token, &format!("team={}", manager.id)).await,
        200
    );
    // Not another's salesperson, not a peer, not the company or a department.
    assert_eq!(
        get(&manager.token, &format!("assignee_user_id={}", other.id)).await,
        403
    );
    assert_eq!(
        get(&mine.token, &format!("assignee_user_id={}", other.id)).await,
        403
    );
    assert_eq!(
        get(&other.token, &format!("team={}", manager.id)).await,
        403
    );
    assert_eq!(get(&mine.token, "company=true").await, 403);
    assert_eq!(get(&manager.token, "dept=SAL").await, 403);
    // The finance manager sees FIN; the director everything; CS agents have no KPI.
    let fm = app.user(Role::FinanceManager).await;
    assert_eq!(get(&fm.token, "dept=FIN").await, 200);
    assert_eq!(get(&fm.token, "dept=MKT").await, 403);
    let director = app.user(Role::Director).await;
    assert_eq!(get(&director.token, "company=true").await, 200);
    assert_eq!(
        get(&director.token, &format!("assignee_user_id={}", other.id)).await,
        200
    );
    let agent = app.user(Role::CsAgent).await;
    assert_eq!(get(&agent.token, "").await, 403);
    // Bad input: 422 with the field.
    for (query, field) in [
        ("period=2026-13", "period"),
        ("period=2026-Q5", "period"),
        ("months=0", "months"),
        ("company=true&dept=FIN", "assignee"),
        ("dept=XX", "dept"),
    ] {
        let response = app
            .get(&format!("/api/v1/kpi/scorecard?{query}"), &director.token)
            .await;
        assert_eq!(response.status(), 422, "{query}");
        assert!(body(response).await["details"][field].is_array(), "{query}");
    }
    let unknown = get(
        &director.token,
        &format!("assignee_user_id={}", uuid::Uuid::new_v4()),
    )
    .await;
    assert_eq!(unknown, 404);
    // The export holds the same rows.
    let export = app
        .get(
            "/api/v1/exports/kpi-scorecard?period=2026-11&company=true",
            &director.token,
        )
        .await;
    assert_eq!(export.status(), 200);
    assert!(export.headers()["content-type"]
        .to_str()
        .unwrap()
        .contains("spreadsheetml"));
}

#[tokio::test]
async fn a_metric_over_tables_the_viewer_cannot_read_is_na_not_an_error() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let mine = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let mm = app.user(Role::MarketingManager).await;
    // Marketing gives the salesperson a spend budget (marketing_spend is marketing's table).
    let target = json!({"metric_key": "marketing_spend", "assignee_kind": "user", "assignee_user_id": mine.id,
                        "period": "2026-11", "target_value": "1000000"});
    assert_eq!(
        app.post("/api/v1/kpi/targets", &mm.token, target)
            .await
            .status(),
        201
    );
    sqlx::query("insert into marketing_spend (platform, spend_date, amount, created_by) values ('meta', '2026-11-05', 250000, $1)")
        .bind(mine.id)
        .execute(&app.owner)
        .await
        .unwrap();
    // The manager's view of their salesperson still loads; the spend is NA for them.
    let card = scorecard(
        &app,
        &manager,
        &format!("period=2026-11&assignee_user_id={}", mine.id),
    )
    .await;
    assert_eq!(row(&card, "marketing_spend")["actual"], json!(null));
    assert_eq!(row(&card, "marketing_spend")["status"], "na");
    assert_eq!(row(&card, "new_customers")["actual"], "0.00");
    // The director reads it: 250,000.00 of a 1,000,000.00 budget.
    let director = app.user(Role::Director).await;
    let card = scorecard(
        &app,
        &director,
        &format!("period=2026-11&assignee_user_id={}", mine.id),
    )
    .await;
    assert_eq!(row(&card, "marketing_spend")["actual"], "250000.00");
}
