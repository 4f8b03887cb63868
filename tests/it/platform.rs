//! The database security model (PLT-RLS), audit (PLT-AUDIT) and ids (PLT-ID).

use domain::Role;
use integration_tests::{login_options, TestApp};
use sqlx::{Connection, PgConnection};

#[tokio::test]
async fn every_table_has_row_level_security_enabled() {
    let app = TestApp::spawn().await;
    let tables: Vec<(String, String, bool)> = sqlx::query_as(
        "select n.nspname::text, c.relname::text, c.relrowsecurity from pg_class c \
           join pg_namespace n on n.oid = c.relnamespace \
          where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') \
            and n.nspname not like 'pg_toast%' order by 1, 2",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert!(
        tables.len() >= 10,
        "expected the platform tables, found {tables:?}"
    );
    let without: Vec<_> = tables.iter().filter(|(_, _, rls)| !rls).collect();
    assert!(
        without.is_empty(),
        "tables without row-level security: {without:?}"
    );
}

#[tokio::test]
async fn login_role_owns_nothing_and_cannot_bypass_policies() {
    let app = TestApp::spawn().await;
    let (superuser, bypass, inherit): (bool, bool, bool) = sqlx::query_as(
        "select rolsuper, rolbypassrls, rolinherit from pg_roles where rolname = 'cc_app'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(!superuser && !bypass && !inherit);
    let owned: i64 = sqlx::query_scalar(
        "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname like 'cc\\_%'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(owned, 0, "no cc_* role may own a relation");
    let privileged: i64 = sqlx::query_scalar(
        "select count(*) from pg_roles where rolname like 'cc\\_%' and (rolsuper or rolbypassrls)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(privileged, 0);
}

#[tokio::test]
async fn login_role_cannot_update_or_delete_audit_logs() {
    let app = TestApp::spawn().await;
    app.user(Role::Director).await; // writes an audit row
    let admin = app.user(Role::SuperAdmin).await;
    let rows: i64 = sqlx::query_scalar("select count(*) from audit_logs")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert!(rows >= 2);

    let mut bare = PgConnection::connect_with(&login_options(&app.database))
        .await
        .unwrap();
    for sql in [
        "update audit_logs set action = 'DELETE'",
        "delete from audit_logs",
        "select * from audit_logs",
    ] {
        let err = sqlx::query(sql).execute(&mut bare).await.expect_err(sql);
        assert!(
            err.to_string().contains("permission denied"),
            "{sql}: {err}"
        );
    }
    // Not even a super admin's request can rewrite history.
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query("delete from audit_logs")
        .execute(&mut *tx)
        .await
        .expect_err("delete as super_admin");
    assert!(err.to_string().contains("permission denied"), "{err}");
    drop(tx);
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query("update audit_logs set changed_by = null")
        .execute(&mut *tx)
        .await
        .expect_err("update");
    assert!(err.to_string().contains("permission denied"), "{err}");
    drop(tx);
    let after: i64 = sqlx::query_scalar("select count(*) from audit_logs")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(after, rows);
}

#[tokio::test]
async fn outside_the_request_context_nothing_is_readable() {
    let app = TestApp::spawn().await;
    app.user(Role::SuperAdmin).await;
    app.user(Role::Salesperson).await;

    // The bare login role has no privileges on any table.
    let mut bare = PgConnection::connect_with(&login_options(&app.database))
        .await
        .unwrap();
    let err = sqlx::query("select id from profiles")
        .fetch_all(&mut bare)
        .await
        .expect_err("bare select");
    assert!(err.to_string().contains("permission denied"), "{err}");

    // An application role without a user in the context reads zero rows.
    let mut tx = bare.begin().await.unwrap();
    sqlx::query("set local role cc_super_admin")
        .execute(&mut *tx)
        .await
        .unwrap();
    let visible: i64 = sqlx::query_scalar("select count(*) from profiles")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(visible, 0);
    let keys: i64 = sqlx::query_scalar("select count(*) from api_keys")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(keys, 0);
    tx.rollback().await.unwrap();

    // And the password hash is never readable, even with a user in the context.
    let admin = app.user(Role::SuperAdmin).await;
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query("select password_hash from profiles")
        .fetch_all(&mut *tx)
        .await
        .expect_err("hash");
    assert!(err.to_string().contains("permission denied"), "{err}");
}

#[tokio::test]
async fn users_cannot_promote_themselves_directly_in_the_database() {
    let app = TestApp::spawn().await;
    let cs_admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;

    let mut tx = app.tx_as(&agent).await;
    let err = sqlx::query("update profiles set role_name = 'super_admin' where id = $1")
        .bind(agent.id)
        .execute(&mut *tx)
        .await
        .expect_err("agent self-promotion");
    assert!(err.to_string().contains("permission denied"), "{err}");
    drop(tx);

    let mut tx = app.tx_as(&cs_admin).await;
    let err = sqlx::query("update profiles set role_name = 'super_admin' where id = $1")
        .bind(cs_admin.id)
        .execute(&mut *tx)
        .await
        .expect_err("cs_admin self-promotion");
    assert!(
        err.to_string().contains("cannot change their own role"),
        "{err}"
    );
    drop(tx);

    let mut tx = app.tx_as(&cs_admin).await;
    let err = sqlx::query("update profiles set role_name = 'director' where id = $1")
        .bind(agent.id)
        .execute(&mut *tx)
        .await
        .expect_err("cs_admin promoting an agent");
    assert!(err.to_string().contains("row-level security"), "{err}");
    drop(tx);

    let mut tx = app.tx_as(&cs_admin).await;
    let updated = sqlx::query("update profiles set full_name = 'Renamed' where id <> $1")
        .bind(cs_admin.id)
        .execute(&mut *tx)
        .await
        .unwrap()
        .rows_affected();
    assert_eq!(updated, 1, "cs_admin reaches the CS agent only");
}

#[tokio::test]
async fn next_prefixed_id_is_unique_under_concurrency() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::SuperAdmin).await;
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let db = app.db.clone();
        let id = user.id;
        tasks.push(tokio::spawn(async move {
            let ctx = persistence::RequestContext::new(persistence::Identity::User(id), "ids");
            let (mut tx, _) = db.begin(&ctx).await.unwrap();
            let code = persistence::ids::next_prefixed_id(&mut tx, "LEAD")
                .await
                .unwrap();
            persistence::commit(tx).await.unwrap();
            code
        }));
    }
    let mut codes = Vec::new();
    for task in tasks {
        codes.push(task.await.unwrap());
    }
    let year = sqlx::query_scalar::<_, i32>(
        "select extract(year from now() at time zone 'Asia/Jakarta')::int",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let pattern = format!("LEAD-{year}-");
    assert!(
        codes
            .iter()
            .all(|c| c.starts_with(&pattern) && c.len() == pattern.len() + 6),
        "{codes:?}"
    );
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 200);

    let mut tx = app.tx_as(&user).await;
    let err = persistence::ids::next_prefixed_id(&mut tx, "bad prefix")
        .await
        .expect_err("bad prefix");
    assert!(
        matches!(err, persistence::DbError::InvalidValue(_)),
        "{err:?}"
    );
}
