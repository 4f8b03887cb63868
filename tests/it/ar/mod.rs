//! Receivables and DSO (SPEC §4.7, DSO-1..6): the figures against hand-computed fixtures,
//! the database's invariants under concurrency, the role and row boundaries, collection
//! tickets and statements.

mod demo;
mod figures;
mod invariants;
mod rls;
mod rollups;
mod workflow;

use integration_tests::TestApp;
use serde_json::Value;
use uuid::Uuid;

/// A customer written directly (fixtures bypass RLS), owned by `owner` when given.
pub async fn customer(app: &TestApp, name: &str, owner: Option<Uuid>) -> Uuid {
    sqlx::query_scalar(
        "insert into customers (company_name, owner_user_id, created_by) values ($1, $2, $2) returning id",
    )
    .bind(name)
    .bind(owner)
    .fetch_one(&app.owner)
    .await
    .expect("insert customer")
}

/// `field` of a JSON object as text (amounts, days, codes).
pub fn text(value: &Value, field: &str) -> String {
    value[field]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no text {field} in {value}"))
}

/// The row of `rows` whose `key` is `id`.
pub fn row<'a>(rows: &'a Value, key: &str, id: Uuid) -> &'a Value {
    rows.as_array()
        .expect("rows")
        .iter()
        .find(|r| r[key].as_str() == Some(id.to_string().as_str()))
        .unwrap_or_else(|| panic!("no row with {key} = {id} in {rows}"))
}
