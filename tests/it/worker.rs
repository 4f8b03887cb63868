//! The worker drains the job queue once per job, even when run twice.

use integration_tests::TestApp;

#[tokio::test]
async fn housekeeping_purges_expired_credentials_once() {
    let app = TestApp::spawn().await;
    sqlx::query(
        "insert into idempotency_keys (principal, idempotency_key, method, path, request_hash, created_at) \
         values ('user:x', 'old', 'POST', '/x', 'h', now() - interval '3 days'), \
                ('user:x', 'new', 'POST', '/x', 'h', now())",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    // The hourly purge, the per-minute follow-up reminders, SLA warnings, WhatsApp retries
    // and the hour under way's WhatsApp snapshot, the hourly, daily and weekly WhatsApp
    // snapshots, the daily user-event retention, the daily notices.
    let ran = server::worker::run_once(&app.db).await.unwrap();
    assert_eq!(ran, 10);
    let keys: Vec<String> = sqlx::query_scalar("select idempotency_key from idempotency_keys")
        .fetch_all(&app.owner)
        .await
        .unwrap();
    assert_eq!(keys, vec!["new".to_owned()]);
    // The purge of this hour is done; a second run does not schedule it again (a new
    // minute may bring the next reminder and warning runs).
    assert!(server::worker::run_once(&app.db).await.unwrap() <= 4);
    let jobs: i64 = sqlx::query_scalar(
        "select count(*) from jobs where kind = 'purge_expired_credentials' and done_at is not null",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(jobs, 1);
}
