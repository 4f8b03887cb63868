//! Only super_admin reads the log; nobody writes an event in another's name, changes or
//! deletes one, except the worker's retention.

use domain::Role;
use integration_tests::{body, TestApp};

use super::insert;

#[tokio::test]
async fn other_roles_get_403_and_cannot_read_the_table_directly() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    insert(&app, "login", Some(admin.id), 0).await;
    for role in [
        Role::Salesperson,
        Role::Director,
        Role::FinanceManager,
        Role::CsAdmin,
    ] {
        let user = app.user(role).await;
        let list = app.get("/api/v1/user-events", &user.token).await;
        assert_eq!(list.status(), 403, "{role:?} lists");
        assert_eq!(body(list).await["code"], "forbidden");
        let export = app.export(&user, "user-events", "").await;
        assert_eq!(export.status(), 403, "{role:?} exports");
        let mut tx = app.tx_as(&user).await;
        let err = sqlx::query_scalar::<_, i64>("select count(*) from user_events")
            .fetch_one(&mut *tx)
            .await
            .expect_err("no select privilege");
        assert!(err.to_string().contains("permission denied"), "{err}");
    }
    let list = body(app.get("/api/v1/user-events", &admin.token).await).await;
    assert!(list["total"].as_i64().unwrap() >= 1);
}

#[tokio::test]
async fn even_super_admin_cannot_forge_change_or_delete_events() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let victim = app.user(Role::Salesperson).await;
    insert(&app, "login", Some(victim.id), 0).await;
    let attempts = [
        format!(
            "insert into user_events (type, user_id) values ('login', '{}')",
            victim.id
        ),
        "update user_events set user_id = null".to_owned(),
        "delete from user_events".to_owned(),
        // The user writer refuses sign-in types: a login cannot be forged through it.
        "select app.user_event_record('login', null, '{}', null, null)".to_owned(),
        // The sign-in writers are the anonymous role's only.
        "select app.user_event_login_failed('x@test.local', null, null)".to_owned(),
    ];
    for sql in attempts {
        let mut tx = app.tx_as(&admin).await;
        let err = sqlx::query(&sql).execute(&mut *tx).await.expect_err(&sql);
        assert!(
            err.to_string().contains("permission denied")
                || err.to_string().contains("not an event a user records"),
            "{sql}: {err}"
        );
    }
    // A user's own event names the user, whatever they pass.
    let mut tx = app.tx_as(&victim).await;
    sqlx::query("select app.user_event_record('export', 'exports/leads', '{}', null, null)")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let who: Vec<uuid::Uuid> =
        sqlx::query_scalar("select user_id from user_events where type = 'export'")
            .fetch_all(&app.owner)
            .await
            .unwrap();
    assert_eq!(who, vec![victim.id]);
    let count: i64 = sqlx::query_scalar("select count(*) from user_events")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(count, 2);
    // The anonymous role cannot record a signed-in user's events either.
    let ctx = persistence::RequestContext::new(persistence::Identity::Anonymous, "t");
    let (mut tx, _) = app.db.begin(&ctx).await.unwrap();
    let err = sqlx::query("select app.user_event_record('export', 'x', '{}', null, null)")
        .execute(&mut *tx)
        .await
        .expect_err("anonymous record");
    assert!(err.to_string().contains("permission denied"), "{err}");
}
