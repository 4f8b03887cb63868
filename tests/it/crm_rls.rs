//! PLT-RLS for CRM: every role × (select, insert, update, delete) on leads, customers,
//! prospects, activities and tasks, tried directly in the database with that role's own
//! session context, against a table written here from SPEC §3. Plus the RFQ masking:
//! Operations cannot read the customer identity columns of `tickets` at all.

use std::fmt::Write as _;

use domain::Role;
use integration_tests::{TestApp, TestUser};
use uuid::Uuid;

const TABLES: [&str; 5] = [
    "leads",
    "customers",
    "prospects",
    "sales_activities",
    "tasks",
];

/// The rows everyone is tested against: all belong to salesperson A (team of M).
struct Fixture {
    /// table → (row for select/update, row for delete, column to update)
    rows: Vec<(&'static str, Uuid, Uuid, &'static str)>,
    customer: Uuid,
    prospect: Uuid,
    /// A customer without prospects, for inserting new ones.
    spare_customer: Uuid,
}

/// Expected outcomes per actor: for each table in [`TABLES`] order, the operations
/// allowed (S select, I insert, U update, D delete).
const MATRIX: &[(&str, [&str; 5])] = &[
    ("super_admin", ["SIUD", "SIUD", "SIUD", "SIUD", "SIUD"]),
    ("director", ["S", "S", "S", "S", "S"]),
    ("marketing_manager", ["SIU", "SIU", "S", "SI", "I"]),
    // K created A's lead: sees it, its customer and prospect; not A's activity or task.
    ("marketing_staff", ["SIU", "SI", "S", "I", "I"]),
    // M manages A: the whole team's records.
    ("sales_manager", ["SIU", "SIU", "SIU", "SIU", "SIU"]),
    // A, the owner.
    ("salesperson", ["SIU", "SIU", "SIU", "SIU", "SIU"]),
    // B, A's teammate, and C, outside the team: nothing of A's.
    ("salesperson_teammate", ["I", "I", "I", "I", "I"]),
    ("salesperson_other_team", ["I", "I", "I", "I", "I"]),
    // S supports M: reads the team, logs activities and works tasks for it.
    ("sales_support", ["S", "S", "S", "SI", "SIU"]),
    ("ops_exim", ["", "", "", "", "I"]),
    ("ops_domestic", ["", "", "", "", "I"]),
    ("ops_import_dtd", ["", "", "", "", "I"]),
    ("ops_warehouse", ["", "", "", "", "I"]),
    ("finance_manager", ["", "S", "", "", "I"]),
    ("finance_staff", ["", "S", "", "", "I"]),
    ("cs_admin", ["", "", "", "", "I"]),
    ("cs_agent", ["", "", "", "", "I"]),
];

async fn exec(app: &TestApp, sql: &str, id: Uuid) -> Uuid {
    sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&app.owner)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn fixture(app: &TestApp, a: &TestUser, k: &TestUser) -> Fixture {
    let customer = exec(
        app,
        "insert into customers (company_name, owner_user_id, created_by) values ('PT Milik A', $1, $1) returning id",
        a.id,
    )
    .await;
    let spare_customer = exec(
        app,
        "insert into customers (company_name, owner_user_id, created_by) values ('PT Cadangan', $1, $1) returning id",
        a.id,
    )
    .await;
    let other_customer = exec(
        app,
        "insert into customers (company_name, owner_user_id, created_by) values ('PT Lain', $1, $1) returning id",
        a.id,
    )
    .await;
    let prospect: Uuid = sqlx::query_scalar(
        "insert into prospects (customer_id, owner_user_id, created_by) values ($1, $2, $2) returning id",
    )
    .bind(customer)
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let spare_prospect: Uuid = sqlx::query_scalar(
        "insert into prospects (customer_id, owner_user_id, created_by) values ($1, $2, $2) returning id",
    )
    .bind(other_customer)
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let lead: Uuid = sqlx::query_scalar(
        "insert into leads (channel, contact_name, customer_id, prospect_id, marketing_owner_user_id, \
                            sales_owner_user_id, created_by) \
         values ('website', 'Budi', $1, $2, $3, $4, $3) returning id",
    )
    .bind(customer)
    .bind(prospect)
    .bind(k.id)
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let activity: Uuid = sqlx::query_scalar(
        "insert into sales_activities (activity_type, subject, customer_id, owner_user_id, created_by) \
         values ('call', 'Telepon', $1, $2, $2) returning id",
    )
    .bind(customer)
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let task: Uuid = sqlx::query_scalar(
        "insert into tasks (title, due_at, owner_user_id, created_by) values ('Follow up', now(), $1, $1) \
         returning id",
    )
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    Fixture {
        rows: vec![
            ("leads", lead, lead, "notes"),
            ("customers", customer, spare_customer, "notes"),
            ("prospects", prospect, spare_prospect, "notes"),
            ("sales_activities", activity, activity, "notes"),
            ("tasks", task, task, "description"),
        ],
        customer,
        prospect,
        spare_customer,
    }
}

/// Whether a statement was allowed: `Ok(rows)` counts as allowed when rows > 0
/// (or always, for inserts); permission and RLS errors count as denied; anything else
/// is a broken test.
fn outcome(result: Result<u64, sqlx::Error>, insert: bool, what: &str) -> bool {
    match result {
        Ok(rows) => insert || rows > 0,
        Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501") => false,
        Err(err) => panic!("{what}: unexpected error {err}"),
    }
}

async fn try_op(app: &TestApp, actor: &TestUser, fx: &Fixture, table: &str, op: char) -> bool {
    let (_, row, spare, column) = *fx.rows.iter().find(|(t, ..)| *t == table).unwrap();
    let mut tx = app.tx_as(actor).await;
    let what = format!("{} {op} {table}", actor.role);
    let result = match op {
        'S' => sqlx::query_scalar::<_, i64>(&format!("select count(*) from {table} where id = $1"))
            .bind(row)
            .fetch_one(&mut *tx)
            .await
            .map(|n| u64::try_from(n).unwrap_or(0)),
        'U' => sqlx::query(&format!(
            "update {table} set {column} = {column} || ' ' where id = $1"
        ))
        .bind(row)
        .execute(&mut *tx)
        .await
        .map(|r| r.rows_affected()),
        'D' => sqlx::query(&format!("delete from {table} where id = $1"))
            .bind(spare)
            .execute(&mut *tx)
            .await
            .map(|r| r.rows_affected()),
        _ => {
            let sql = match table {
                "leads" => "insert into leads (channel, contact_name, customer_id, prospect_id, \
                            sales_owner_user_id, created_by) values ('website', 'Baru', $2, $3, $1, $1)",
                "customers" => "insert into customers (company_name, created_by) \
                                values ('PT Baru ' || $1::text, $1) ",
                "prospects" => "insert into prospects (customer_id, owner_user_id, created_by) \
                                values ($4, $1, $1)",
                "sales_activities" => "insert into sales_activities (activity_type, subject, customer_id, \
                                       owner_user_id, created_by) values ('call', 'Baru', $2, $1, $1)",
                _ => "insert into tasks (title, due_at, owner_user_id, created_by) values ('Baru', now(), $1, $1)",
            };
            let sql = sql.replace("$4", &format!("'{}'::uuid", fx.spare_customer));
            let sql = sql.replace("$3", &format!("'{}'::uuid", fx.prospect));
            let sql = sql.replace("$2", &format!("'{}'::uuid", fx.customer));
            sqlx::query(&sql)
                .bind(actor.id)
                .execute(&mut *tx)
                .await
                .map(|r| r.rows_affected())
        }
    };
    let allowed = outcome(result, op == 'I', &what);
    drop(tx); // rolled back: every cell starts from the same fixture
    allowed
}

#[tokio::test]
async fn every_role_meets_the_crm_scope_matrix_in_the_database() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let a = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let teammate = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let support = app
        .user_managed_by(Role::SalesSupport, Some(manager.id))
        .await;
    let outsider = app.user(Role::Salesperson).await;
    let creator = app.user(Role::MarketingStaff).await;
    let fx = fixture(&app, &a, &creator).await;

    let mut actors: Vec<(&str, TestUser)> = vec![
        ("sales_manager", manager),
        ("salesperson", a),
        ("salesperson_teammate", teammate),
        ("salesperson_other_team", outsider),
        ("sales_support", support),
        ("marketing_staff", creator),
    ];
    for role in Role::ALL {
        if !actors.iter().any(|(name, _)| *name == role.as_str()) {
            actors.push((role.as_str(), app.user(role).await));
        }
    }
    assert_eq!(
        MATRIX.len(),
        actors.len(),
        "every actor has a row in the matrix"
    );

    let mut mismatches = String::new();
    for (name, expected) in MATRIX {
        let actor = &actors.iter().find(|(n, _)| n == name).unwrap().1;
        for (table, allowed) in TABLES.iter().zip(expected) {
            for op in ['S', 'I', 'U', 'D'] {
                let want = allowed.contains(op);
                let got = try_op(&app, actor, &fx, table, op).await;
                if want != got {
                    let _ = writeln!(
                        mismatches,
                        "{name} {op} {table}: expected {}, database said {}",
                        if want { "allowed" } else { "denied" },
                        if got { "allowed" } else { "denied" },
                    );
                }
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "RLS matrix mismatches:\n{mismatches}"
    );
}

#[tokio::test]
async fn operations_cannot_read_customer_identity_of_tickets_and_see_only_their_department() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let customer = exec(
        &app,
        "insert into customers (company_name, owner_user_id, created_by) values ('PT Rahasia', $1, $1) returning id",
        sales.id,
    )
    .await;
    let ticket: Uuid = sqlx::query_scalar(
        "insert into tickets (ticket_type, dept_target, subject, company_name, contact_name, customer_phone, \
                              customer_email, need_customer_masking, related_customer_id, rfq) \
         values ('inquiry_tariff', 'EXIM', 'RFQ Jakarta → Singapore', 'PT Rahasia', 'Pak Rahasia', \
                 '+6281234567890', 'rahasia@example.com', true, $1, '{\"commodity\": \"Kopi\"}') returning id",
    )
    .bind(customer)
    .fetch_one(&app.owner)
    .await
    .unwrap();

    let exim = app.user(Role::OpsExim).await;
    for column in [
        "company_name",
        "contact_name",
        "customer_phone",
        "customer_email",
        "*",
    ] {
        let mut tx = app.tx_as(&exim).await;
        let err = sqlx::query(&format!("select {column} from tickets"))
            .fetch_all(&mut *tx)
            .await
            .expect_err(column);
        match err {
            sqlx::Error::Database(db) => {
                assert_eq!(db.code().as_deref(), Some("42501"), "{column}")
            }
            other => panic!("{column}: {other}"),
        }
    }
    let mut tx = app.tx_as(&exim).await;
    let (subject, commodity): (String, String) =
        sqlx::query_as("select subject, rfq ->> 'commodity' from tickets where id = $1")
            .bind(ticket)
            .fetch_one(&mut *tx)
            .await
            .unwrap();
    assert_eq!(
        (subject.as_str(), commodity.as_str()),
        ("RFQ Jakarta → Singapore", "Kopi")
    );
    let masked: (String, String, String) = sqlx::query_as(
        "select company_name, contact_name, customer_phone from v_ops_rfqs_masked where id = $1",
    )
    .bind(ticket)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(masked.0, "MASKED");
    assert_eq!(masked.1, "MASKED");
    assert_ne!(masked.2, "+6281234567890");
    assert!(masked.2.starts_with("+628") && masked.2.ends_with("90") && masked.2.contains('*'));
    drop(tx);

    // Another Operations department sees nothing, neither in the table nor in the view.
    let domestic = app.user(Role::OpsDomestic).await;
    let mut tx = app.tx_as(&domestic).await;
    let in_table: i64 = sqlx::query_scalar("select count(*) from tickets")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    let in_view: i64 = sqlx::query_scalar("select count(*) from v_ops_rfqs_masked")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!((in_table, in_view), (0, 0));
    drop(tx);

    // The salesperson of the customer sees the real identity; non-Operations roles do not
    // get the masked view at all.
    let mut tx = app.tx_as(&sales).await;
    let name: String = sqlx::query_scalar("select company_name from tickets where id = $1")
        .bind(ticket)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(name, "PT Rahasia");
    let view = sqlx::query("select 1 from v_ops_rfqs_masked")
        .fetch_all(&mut *tx)
        .await;
    assert!(view.is_err());
}
