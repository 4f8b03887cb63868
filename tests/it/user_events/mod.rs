//! The user activity log (SPEC §4.9 USR-2): each recorded action writes its event exactly
//! once (`writes`), only super_admin reads it and nobody forges, changes or deletes one
//! but the retention job (`access`), and the list's filters and the retention (`list`).

mod access;
mod list;
mod writes;

use integration_tests::TestApp;
use serde_json::Value;
use uuid::Uuid;

/// An event as stored (read as the owner, past RLS).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Stored {
    pub user_id: Option<Uuid>,
    pub email: Option<String>,
    pub api_key_name: Option<String>,
    pub resource: Option<String>,
    pub details: Value,
    pub ip: Option<String>,
}

/// Every event of `kind`, oldest first.
pub async fn events(app: &TestApp, kind: &str) -> Vec<Stored> {
    sqlx::query_as(
        "select user_id, email, api_key_name, resource, details, host(ip) as ip
           from user_events where type = $1 order by id",
    )
    .bind(kind)
    .fetch_all(&app.owner)
    .await
    .expect("user events")
}

/// Writes an event directly (fixtures bypass the writers), `days_ago` days back.
pub async fn insert(app: &TestApp, kind: &str, user: Option<Uuid>, days_ago: i32) {
    sqlx::query(
        "insert into user_events (type, user_id, email, occurred_at)
         values ($1, $2, case when $2 is null then 'someone@test.local' end,
                 now() - make_interval(days => $3))",
    )
    .bind(kind)
    .bind(user)
    .bind(days_ago)
    .execute(&app.owner)
    .await
    .expect("insert user event");
}
