//! NTF-1 preferences: in-app always; e-mail per kind, off by default; each user reads and
//! changes only their own.

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

const PATH: &str = "/api/v1/me/notification-preferences";

fn email_of(prefs: &Value, kind: &str) -> bool {
    prefs["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == kind)
        .and_then(|p| p["email"].as_bool())
        .unwrap()
}

#[tokio::test]
async fn preferences_start_in_app_only_and_each_user_changes_only_their_own() {
    let app = TestApp::spawn().await;
    let a = app.user(Role::Salesperson).await;
    let b = app.user(Role::CsAgent).await;

    let prefs = body(app.get(PATH, &a.token).await).await;
    let rows = prefs["data"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        domain::notifications::NotificationKind::ALL.len()
    );
    assert!(rows
        .iter()
        .all(|p| p["in_app"] == true && p["email"] == false));

    let put = |token: String, payload: Value| {
        let app = &app;
        async move {
            app.request(Method::PUT, PATH, Some(&token), Some(payload))
                .await
        }
    };
    let changed = put(
        a.token.clone(),
        json!({"preferences": [{"kind": "invoice_overdue", "email": true}]}),
    )
    .await;
    assert_eq!(changed.status(), 200);
    let changed = body(changed).await;
    assert!(email_of(&changed, "invoice_overdue"));
    assert!(!email_of(&changed, "task_due"));

    // Every bad entry is reported at once.
    let bad = put(
        a.token.clone(),
        json!({"preferences": [{"kind": "nope", "email": true},
                               {"kind": "task_due", "email": true},
                               {"kind": "task_due", "email": false}]}),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let details = body(bad).await["details"].clone();
    assert!(details.get("preferences[0].kind").is_some(), "{details}");
    assert!(details.get("preferences[2].kind").is_some(), "{details}");

    // B sees only their own defaults and cannot touch A's row, even in the database.
    assert!(!email_of(
        &body(app.get(PATH, &b.token).await).await,
        "invoice_overdue"
    ));
    let mut tx = app.tx_as(&b).await;
    let updated =
        sqlx::query("update notification_preferences set email = false where user_id = $1")
            .bind(a.id)
            .execute(&mut *tx)
            .await
            .unwrap();
    assert_eq!(updated.rows_affected(), 0);
    let inserted = sqlx::query(
        "insert into notification_preferences (user_id, kind, email) values ($1, 'task_due', true)",
    )
    .bind(a.id)
    .execute(&mut *tx)
    .await;
    assert!(inserted.is_err());
    drop(tx);
    // Nobody but the worker reads the outbox.
    let mut tx = app.tx_as(&a).await;
    assert!(sqlx::query("select count(*) from email_outbox")
        .execute(&mut *tx)
        .await
        .is_err());
    drop(tx);
    assert!(email_of(
        &body(app.get(PATH, &a.token).await).await,
        "invoice_overdue"
    ));
}
