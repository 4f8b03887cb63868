//! KPI-5: closing a period freezes its figures; a later change in the sources shows as
//! drift since the close; reopening needs a reason and the next close is a new revision.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};

use super::{row, scorecard};

async fn entry(app: &TestApp, user: &TestUser, day: &str, value: &str) {
    let e = json!({"metric_key": "new_students", "assignee_kind": "user", "assignee_user_id": user.id,
                   "entry_date": day, "value": value});
    assert_eq!(
        app.post("/api/v1/kpi/entries", &user.token, e)
            .await
            .status(),
        201
    );
}

async fn students(app: &TestApp, viewer: &TestUser, staff: &TestUser) -> Value {
    let card = scorecard(
        app,
        viewer,
        &format!("period=2026-09&assignee_user_id={}", staff.id),
    )
    .await;
    row(&card, "new_students").clone()
}

#[tokio::test]
async fn a_closed_period_keeps_its_figures_and_shows_drift_until_reopened_with_a_reason() {
    let app = TestApp::spawn().await;
    let mm = app.user(Role::MarketingManager).await;
    let staff = app.user_managed_by(Role::MarketingStaff, Some(mm.id)).await;
    entry(&app, &staff, "2026-09-05", "12").await;
    let target = json!({"metric_key": "new_students", "assignee_kind": "user", "assignee_user_id": staff.id,
                        "period": "2026-09", "target_value": "15"});
    assert_eq!(
        app.post("/api/v1/kpi/targets", &mm.token, target)
            .await
            .status(),
        201
    );

    // Close September for marketing: 12 of 15 = 80.00 %, behind, frozen as revision 1.
    let close = |user: &TestUser, period: &str, dept: &str| {
        let (app, token) = (&app, user.token.clone());
        let body = json!({"period": period, "dept": dept});
        async move { app.post("/api/v1/kpi/periods/close", &token, body).await }
    };
    let closed = close(&mm, "2026-09", "MKT").await;
    assert_eq!(closed.status(), 201);
    let closed = body(closed).await;
    assert_eq!(
        (closed["revision"].as_i64(), closed["values"].as_i64()),
        (Some(1), Some(1))
    );
    let r = students(&app, &mm, &staff).await;
    assert_eq!(r["closed_revision"], 1);
    assert_eq!(
        (r["actual"].as_str(), r["live_actual"].as_str()),
        (Some("12.00"), Some("12.00"))
    );
    assert_eq!(r["drift_since_close"], "0.00");
    assert_eq!(
        (r["achievement_pct"].as_str(), r["status"].as_str()),
        (Some("80.00"), Some("behind"))
    );

    // A late entry of 3 for 20 September: the closed figure stays 12, the live one is 15,
    // drift 15 − 12 = 3.00.
    entry(&app, &staff, "2026-09-20", "3").await;
    let r = students(&app, &staff, &staff).await;
    assert_eq!(
        (r["actual"].as_str(), r["live_actual"].as_str()),
        (Some("12.00"), Some("15.00"))
    );
    assert_eq!(r["drift_since_close"], "3.00");
    assert_eq!(r["status"], "behind");

    // Closing again is a conflict; reopening needs a reason; who may: the department's manager.
    assert_eq!(close(&mm, "2026-09", "MKT").await.status(), 409);
    let director = app.user(Role::Director).await;
    assert_eq!(close(&director, "2026-08", "MKT").await.status(), 403);
    let fm = app.user(Role::FinanceManager).await;
    assert_eq!(close(&fm, "2026-08", "MKT").await.status(), 403);
    let this_month = domain::kpi::period::Period::month_of(domain::jakarta_today()).label();
    assert_eq!(close(&mm, &this_month, "MKT").await.status(), 422);
    let reopen = |reason: Option<&str>| {
        let (app, token) = (&app, mm.token.clone());
        let body = json!({"period": "2026-09", "dept": "MKT", "reason": reason});
        async move { app.post("/api/v1/kpi/periods/reopen", &token, body).await }
    };
    assert_eq!(reopen(None).await.status(), 422);
    let reopened = reopen(Some("Entri siswa terlambat dari cabang Bekasi")).await;
    assert_eq!(reopened.status(), 200);
    assert_eq!(reopen(Some("again")).await.status(), 409);

    // Open again: live figures (15 of 15 = 100.00 %, on track); the next close is revision 2.
    let r = students(&app, &mm, &staff).await;
    assert_eq!(
        (r["actual"].as_str(), r["closed_revision"].as_i64()),
        (Some("15.00"), None)
    );
    assert_eq!(r["status"], "on_track");
    let second = body(close(&mm, "2026-09", "MKT").await).await;
    assert_eq!(second["revision"], 2);
    assert_eq!(students(&app, &mm, &staff).await["actual"], "15.00");
    let history = body(
        app.get("/api/v1/kpi/periods?period=2026-09", &director.token)
            .await,
    )
    .await;
    let revisions: Vec<(i64, Option<&str>)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["revision"].as_i64().unwrap(), c["reopen_reason"].as_str()))
        .collect();
    assert_eq!(
        revisions,
        [
            (2, None),
            (1, Some("Entri siswa terlambat dari cabang Bekasi"))
        ]
    );
}
