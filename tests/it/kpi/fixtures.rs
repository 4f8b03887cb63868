//! Row fixtures of the metric tests, written directly with the owner connection (RLS
//! bypassed, every timestamp explicit) and the scorecard read per scope.

use domain::Role;
use integration_tests::{password_hash, TestApp, TestUser};
use serde_json::Value;
use uuid::Uuid;

use super::{row, scorecard};

/// Whose scorecard.
#[derive(Clone, Copy)]
pub enum Scope {
    User(Uuid),
    /// A team, named by its manager.
    Team(Uuid),
    Company,
}

/// The scorecard of `scope` for `period` (one trend month), as `viewer`.
pub async fn card(app: &TestApp, viewer: &TestUser, period: &str, scope: Scope) -> Value {
    card_months(app, viewer, period, 1, scope).await
}

/// The scorecard of `scope` for `period` with `months` trend months, as `viewer`.
pub async fn card_months(
    app: &TestApp,
    viewer: &TestUser,
    period: &str,
    months: u32,
    scope: Scope,
) -> Value {
    let who = match scope {
        Scope::User(id) => format!("assignee_user_id={id}"),
        Scope::Team(id) => format!("team={id}"),
        Scope::Company => "company=true".to_owned(),
    };
    scorecard(
        app,
        viewer,
        &format!("period={period}&months={months}&{who}"),
    )
    .await
}

/// Asserts the actual of each metric of `card` (`None` = NA, `null` in the body).
pub fn assert_actuals(card: &Value, label: &str, expected: &[(&str, Option<&str>)]) {
    let got: Vec<(&str, Option<&str>)> = expected
        .iter()
        .map(|(metric, _)| (*metric, row(card, metric)["actual"].as_str()))
        .collect();
    assert_eq!(got, expected, "{label}");
}

/// A user with a chosen id `00000000-0000-0000-0000-0000000000nn`, so that the order of
/// owners (which takes the odd cent of a shared amount) is known when writing a fixture.
pub async fn fixed_user(app: &TestApp, role: Role, manager: Option<Uuid>, n: u8) -> TestUser {
    let id: Uuid = format!("00000000-0000-0000-0000-0000000000{n:02x}")
        .parse()
        .unwrap();
    let email = format!("{}-{n}@test.local", role.as_str());
    sqlx::query(
        "insert into profiles (id, email, full_name, role_name, dept_code, manager_user_id, password_hash) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(&email)
    .bind(format!("Fixed {n}"))
    .bind(role.as_str())
    .bind(role.default_department().code())
    .bind(manager)
    .bind(password_hash())
    .execute(&app.owner)
    .await
    .expect("insert fixed user");
    TestUser {
        id,
        email,
        role,
        token: app.session_token(id).await,
    }
}

/// A customer created at `created_at` (Jakarta offsets written out), owned by `owner`.
pub async fn customer_at(
    app: &TestApp,
    owner: Option<Uuid>,
    created_by: Option<Uuid>,
    created_at: &str,
) -> Uuid {
    sqlx::query_scalar(
        "insert into customers (company_name, owner_user_id, created_by, created_at) \
         values ('PT Fixture ' || substr(md5(random()::text), 1, 8), $1, $2, $3::timestamptz) returning id",
    )
    .bind(owner)
    .bind(created_by)
    .bind(created_at)
    .fetch_one(&app.owner)
    .await
    .expect("insert customer")
}

/// A customer created long before every period of the tests.
pub async fn customer(app: &TestApp, owner: Option<Uuid>) -> Uuid {
    customer_at(app, owner, owner, "2026-01-05 10:00+07").await
}

/// A live prospect of `customer` (stage `stage`, its insert logs a history row "now").
pub async fn prospect_of(
    app: &TestApp,
    customer: Uuid,
    owner: Option<Uuid>,
    stage: &str,
    expected_value: &str,
    created_at: &str,
) -> Uuid {
    sqlx::query_scalar(
        "insert into prospects (customer_id, owner_user_id, stage, lost_reason, expected_value, created_by, created_at) \
         values ($1, $2, $3, case when $3 = 'lost' then 'Harga' end, $4::numeric, $2, $5::timestamptz) returning id",
    )
    .bind(customer)
    .bind(owner)
    .bind(stage)
    .bind(expected_value)
    .bind(created_at)
    .fetch_one(&app.owner)
    .await
    .expect("insert prospect")
}

/// A prospect on a customer of its own (one live prospect per customer and owner).
pub async fn prospect(
    app: &TestApp,
    owner: Option<Uuid>,
    expected_value: &str,
    created_at: &str,
) -> Uuid {
    let c = customer(app, None).await;
    prospect_of(app, c, owner, "new", expected_value, created_at).await
}

/// A stage change of `prospect` to `to` at `at`, in its history.
pub async fn stage(app: &TestApp, prospect: Uuid, to: &str, at: &str) {
    sqlx::query(
        "insert into prospect_stage_history (prospect_id, to_stage, lost_reason, changed_at) \
         values ($1, $2, case when $2 = 'lost' then 'Harga' end, $3::timestamptz)",
    )
    .bind(prospect)
    .bind(to)
    .bind(at)
    .execute(&app.owner)
    .await
    .expect("insert stage history");
}

/// Soft-deletes a row of `table`.
pub async fn delete(app: &TestApp, table: &str, id: Uuid) {
    sqlx::query(&format!(
        "update {table} set deleted_at = '2026-11-25 10:00+07' where id = $1"
    ))
    .bind(id)
    .execute(&app.owner)
    .await
    .expect("soft delete");
}

/// A lead of `channel` on `prospect` (and its customer).
pub async fn lead(
    app: &TestApp,
    channel: &str,
    marketing_owner: Option<Uuid>,
    created_by: Option<Uuid>,
    created_at: &str,
    prospect: Uuid,
) -> Uuid {
    sqlx::query_scalar(
        "insert into leads (channel, contact_name, customer_id, prospect_id, marketing_owner_user_id, \
                            created_by, created_at) \
         select $1, 'Kontak', p.customer_id, p.id, $2, $3, $4::timestamptz from prospects p where p.id = $5 \
         returning id",
    )
    .bind(channel)
    .bind(marketing_owner)
    .bind(created_by)
    .bind(created_at)
    .bind(prospect)
    .fetch_one(&app.owner)
    .await
    .expect("insert lead")
}

/// A file in `prospect-evidence` (a visit's photo).
pub async fn evidence(app: &TestApp, by: Uuid) -> Uuid {
    sqlx::query_scalar(
        "insert into files (bucket, object_key, original_name, content_type, size_bytes, sha256, uploaded_by) \
         values ('prospect-evidence', gen_random_uuid()::text, 'foto.jpg', 'image/jpeg', 1024, repeat('a', 64), $1) \
         returning id",
    )
    .bind(by)
    .fetch_one(&app.owner)
    .await
    .expect("insert file")
}

/// A target of `metric` for a user or a team over [from, to]: lists a metric of another
/// department on the assignee's scorecard.
pub async fn target(app: &TestApp, metric: &str, scope: Scope, from: &str, to: &str) {
    let (kind, user) = match scope {
        Scope::User(id) => ("user", Some(id)),
        Scope::Team(id) => ("team", Some(id)),
        Scope::Company => ("company", None),
    };
    sqlx::query(
        "insert into kpi_targets (metric_key, assignee_kind, assignee_user_id, period_start, period_end, target_value) \
         values ($1, $2, $3, $4::date, $5::date, 1)",
    )
    .bind(metric)
    .bind(kind)
    .bind(user)
    .bind(from)
    .bind(to)
    .execute(&app.owner)
    .await
    .expect("insert target");
}

/// An invoice of `customer` dated `day`, due `due`, straight into the book.
pub async fn invoice(app: &TestApp, customer: Uuid, day: &str, due: &str, amount: &str) -> Uuid {
    sqlx::query_scalar(
        "insert into invoices (customer_id, invoice_date, due_date, amount) \
         values ($1, $2::date, $3::date, $4::numeric) returning id",
    )
    .bind(customer)
    .bind(day)
    .bind(due)
    .bind(amount)
    .fetch_one(&app.owner)
    .await
    .expect("insert invoice")
}

/// Voids an invoice (nothing allocated to it).
pub async fn void(app: &TestApp, invoice: Uuid) {
    sqlx::query(
        "update invoices set voided_at = now(), void_reason = 'Salah nominal' where id = $1",
    )
    .bind(invoice)
    .execute(&app.owner)
    .await
    .expect("void invoice");
}
