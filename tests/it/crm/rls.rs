//! PLT-RLS for CRM (SPEC §2.3, §3; issue #4): every role × (select, insert, update,
//! delete) on leads, customers, prospects, sales activities and tasks, tried directly in
//! the database as that role with its own session context, against the table written
//! below. Plus TCK-5: Operations cannot read the customer identity columns of `tickets`
//! at all, read RFQs masked through `v_ops_rfqs_masked`, and only of their department.

use std::fmt::Write as _;

use domain::Role;
use integration_tests::{TestApp, TestUser};
use uuid::Uuid;

/// What the database did with one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// The row was seen, changed, deleted or inserted.
    Allowed,
    /// The statement ran, but row-level security hid the row: 0 rows.
    Hidden,
    /// Refused with SQLSTATE 42501: no privilege on the table or column, or (insert) a
    /// new row no policy accepts.
    Denied,
}

const OK: Outcome = Outcome::Allowed;
const RLS: Outcome = Outcome::Hidden;
const NO: Outcome = Outcome::Denied;

#[derive(Clone, Copy, Debug)]
enum Op {
    Select,
    Insert,
    Update,
    Delete,
}

const OPS: [Op; 4] = [Op::Select, Op::Insert, Op::Update, Op::Delete];

/// The tables, in the column order of [`MATRIX`], with the column the update touches.
const TABLES: [(&str, &str); 5] = [
    ("leads", "notes"),
    ("customers", "notes"),
    ("prospects", "notes"),
    ("sales_activities", "notes"),
    ("tasks", "description"),
];

/// Expected outcomes on the records of salesperson A (customer, prospect, lead, activity,
/// task), which marketing staff K created the lead of and marketing staff K2 owns on the
/// marketing side. A, B and support S report to sales manager M; C is in no team; S2
/// supports M2, a manager with no salespeople. Inserts are of a new row of the actor's
/// own (created by and owned by the actor), hard deletes of a row of A's without
/// dependants. Soft delete (`deleted_at`) is an update and not tested here.
///
/// SPEC §3 in short: super_admin everything; director reads everything and writes
/// nothing; marketing_manager all leads/customers (reads the pipeline); marketing_staff
/// the leads they created/own (and so their customers and prospects); sales_manager own +
/// team; salesperson their own; sales_support reads the team of their manager and creates
/// activities for it; Operations, Finance and CS have no CRM (Finance reads customers for
/// AR); everybody has personal tasks; hard delete is super_admin's alone.
#[rustfmt::skip]
const MATRIX: &[(&str, [[Outcome; 4]; 5])] = &[
    //                                        leads               customers           prospects           sales_activities    tasks
    //                                        S   I   U   D       S   I   U   D       S   I   U   D       S   I   U   D       S   I   U   D
    ("super_admin",                          [[OK, OK, OK, OK],  [OK, OK, OK, OK],  [OK, OK, OK, OK],  [OK, OK, OK, OK],  [OK, OK, OK, OK]]),
    // Reads everything, writes nothing (tasks: the update privilege of every signed-in
    // user, but no policy lets a director's update reach a row).
    ("director",                             [[OK, NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, RLS, NO]]),
    // All leads and customers; reads the pipeline; edits only activities of their own.
    ("marketing_manager",                    [[OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, NO, NO, NO],  [OK, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    // The lead they created (K) or own (K2), and through it its customer and prospect.
    ("marketing_staff K (created the lead)", [[OK, OK, OK, NO],  [OK, OK, NO, NO],  [OK, NO, NO, NO],  [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    ("marketing_staff K2 (marketing owner)", [[OK, OK, OK, NO],  [OK, OK, NO, NO],  [OK, NO, NO, NO],  [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    ("marketing_staff K3 (other)",           [[RLS, OK, RLS, NO], [RLS, OK, NO, NO], [RLS, NO, NO, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    // Manager vs team: M manages A; M2 does not.
    ("sales_manager M (A's manager)",        [[OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, OK, OK, NO]]),
    ("sales_manager M2 (other team)",        [[RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    // Salesperson vs salesperson: the owner, a teammate, one outside any team.
    ("salesperson A (owner)",                [[OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, OK, OK, NO],  [OK, OK, OK, NO]]),
    ("salesperson B (A's teammate)",         [[RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    ("salesperson C (no team)",              [[RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    // Reads the team of their manager; logs activities and works follow-ups for it
    // (SPEC is silent on tasks: the migration lets support update the team's tasks).
    ("sales_support S (supports M)",         [[OK, NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, NO, NO],  [OK, OK, RLS, NO], [OK, OK, OK, NO]]),
    ("sales_support S2 (supports M2)",       [[RLS, NO, NO, NO], [RLS, NO, NO, NO], [RLS, NO, NO, NO], [RLS, OK, RLS, NO], [RLS, OK, RLS, NO]]),
    // No CRM at all; personal tasks only.
    ("ops_exim",                             [[NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    ("ops_domestic",                         [[NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    ("ops_import_dtd",                       [[NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    ("ops_warehouse",                        [[NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    // Finance sees customer identity (AR), nothing else of CRM.
    ("finance_manager",                      [[NO, NO, NO, NO],  [OK, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    ("finance_staff",                        [[NO, NO, NO, NO],  [OK, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    ("cs_admin",                             [[NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
    ("cs_agent",                             [[NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO],  [RLS, OK, RLS, NO]]),
];

/// One record of A's per table: the row selected and updated, and a twin without
/// dependants that the delete tries.
struct Target {
    row: Uuid,
    delete_row: Uuid,
}

/// Rows of the actor's own that their inserts reference: a customer with their prospect
/// (for a new lead or activity) and a customer without one (for a new prospect).
struct Own {
    customer: Uuid,
    prospect: Uuid,
    spare_customer: Uuid,
}

/// Runs one statement through the superuser pool (fixtures bypass RLS).
async fn insert(app: &TestApp, sql: &str, binds: &[Uuid]) -> Uuid {
    let mut query = sqlx::query_scalar(sql);
    for id in binds {
        query = query.bind(*id);
    }
    query
        .fetch_one(&app.owner)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn customer_of(app: &TestApp, name: &str, user: Uuid) -> Uuid {
    let sql = format!(
        "insert into customers (company_name, owner_user_id, created_by) values ('{name}', $1, $1) \
         returning id"
    );
    insert(app, &sql, &[user]).await
}

async fn prospect_of(app: &TestApp, customer: Uuid, user: Uuid) -> Uuid {
    insert(
        app,
        "insert into prospects (customer_id, owner_user_id, created_by) values ($1, $2, $2) returning id",
        &[customer, user],
    )
    .await
}

/// A's records, in [`TABLES`] order. `k` created the lead, `k2` is its marketing owner.
async fn records_of_a(app: &TestApp, a: Uuid, k: Uuid, k2: Uuid) -> [Target; 5] {
    let customer = customer_of(app, "PT Milik A", a).await;
    let prospect = prospect_of(app, customer, a).await;
    let lead_sql = "insert into leads (channel, contact_name, customer_id, prospect_id, \
                    marketing_owner_user_id, sales_owner_user_id, created_by) \
                    values ('website', 'Budi', $1, $2, $3, $4, $5) returning id";
    let lead = insert(app, lead_sql, &[customer, prospect, k2, a, k]).await;
    let lead_to_delete = insert(app, lead_sql, &[customer, prospect, k2, a, k]).await;
    let activity_sql = "insert into sales_activities (activity_type, subject, customer_id, prospect_id, \
                        owner_user_id, created_by) values ('call', 'Telepon', $1, $2, $3, $3) returning id";
    let activity = insert(app, activity_sql, &[customer, prospect, a]).await;
    let activity_to_delete = insert(app, activity_sql, &[customer, prospect, a]).await;
    let task_sql = "insert into tasks (title, due_at, owner_user_id, customer_id, created_by) \
                    values ('Follow up', now() + interval '1 day', $1, $2, $1) returning id";
    let task = insert(app, task_sql, &[a, customer]).await;
    let task_to_delete = insert(app, task_sql, &[a, customer]).await;
    // Customers and prospects with dependants cannot be deleted: twins of A's own.
    let customer_to_delete = customer_of(app, "PT Hapus A", a).await;
    let other_customer = customer_of(app, "PT Lain A", a).await;
    let prospect_to_delete = prospect_of(app, other_customer, a).await;
    [
        Target {
            row: lead,
            delete_row: lead_to_delete,
        },
        Target {
            row: customer,
            delete_row: customer_to_delete,
        },
        Target {
            row: prospect,
            delete_row: prospect_to_delete,
        },
        Target {
            row: activity,
            delete_row: activity_to_delete,
        },
        Target {
            row: task,
            delete_row: task_to_delete,
        },
    ]
}

async fn own_rows(app: &TestApp, user: &TestUser) -> Own {
    let customer = customer_of(app, &format!("PT Sendiri {}", user.email), user.id).await;
    Own {
        customer,
        prospect: prospect_of(app, customer, user.id).await,
        spare_customer: customer_of(app, &format!("PT Cadangan {}", user.email), user.id).await,
    }
}

/// The statement of one cell, its binds, and whether it counts rows (select).
fn statement(
    table: usize,
    op: Op,
    actor: &TestUser,
    target: &Target,
    own: &Own,
) -> (String, Vec<Uuid>, bool) {
    let (name, column) = TABLES[table];
    match op {
        Op::Select => (
            format!("select count(*) from {name} where id = $1"),
            vec![target.row],
            true,
        ),
        Op::Update => (
            format!("update {name} set {column} = {column} || ' (diperiksa)' where id = $1"),
            vec![target.row],
            false,
        ),
        Op::Delete => (
            format!("delete from {name} where id = $1"),
            vec![target.delete_row],
            false,
        ),
        Op::Insert => {
            let (sql, binds) = match name {
                "leads" => {
                    let owner = match actor.role {
                        Role::MarketingManager | Role::MarketingStaff => "marketing_owner_user_id",
                        _ => "sales_owner_user_id",
                    };
                    (
                        format!(
                            "insert into leads (channel, contact_name, customer_id, prospect_id, {owner}, \
                             created_by) values ('website', 'Kontak Baru', $2, $3, $1, $1)"
                        ),
                        vec![actor.id, own.customer, own.prospect],
                    )
                }
                "customers" => (
                    "insert into customers (company_name, owner_user_id, created_by) \
                     values ('PT Baru ' || $1::text, $1, $1)"
                        .to_owned(),
                    vec![actor.id],
                ),
                "prospects" => (
                    "insert into prospects (customer_id, owner_user_id, created_by) values ($2, $1, $1)"
                        .to_owned(),
                    vec![actor.id, own.spare_customer],
                ),
                "sales_activities" => (
                    "insert into sales_activities (activity_type, subject, customer_id, owner_user_id, \
                     created_by) values ('call', 'Telepon baru', $2, $1, $1)"
                        .to_owned(),
                    vec![actor.id, own.customer],
                ),
                _ => (
                    "insert into tasks (title, due_at, owner_user_id, created_by) \
                     values ('Tugas baru', now() + interval '1 day', $1, $1)"
                        .to_owned(),
                    vec![actor.id],
                ),
            };
            (sql, binds, false)
        }
    }
}

/// Runs one statement as `actor` in a transaction of its own, rolled back afterwards so
/// that every cell starts from the same fixture and an error poisons nothing else.
/// Returns the outcome and what the database said, or the unexpected error.
async fn attempt(
    app: &TestApp,
    actor: &TestUser,
    sql: &str,
    binds: &[Uuid],
    counts: bool,
) -> Result<(Outcome, String), String> {
    let mut tx = app.tx_as(actor).await;
    let result = if counts {
        let mut query = sqlx::query_scalar::<_, i64>(sql);
        for id in binds {
            query = query.bind(*id);
        }
        query
            .fetch_one(&mut *tx)
            .await
            .map(|n| u64::try_from(n).unwrap_or(0))
    } else {
        let mut query = sqlx::query(sql);
        for id in binds {
            query = query.bind(*id);
        }
        query.execute(&mut *tx).await.map(|r| r.rows_affected())
    };
    drop(tx);
    match result {
        Ok(0) => Ok((Outcome::Hidden, "0 rows".to_owned())),
        Ok(n) => Ok((Outcome::Allowed, format!("{n} row(s)"))),
        Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501") => {
            Ok((Outcome::Denied, format!("42501 {}", db.message())))
        }
        Err(err) => Err(err.to_string()),
    }
}

/// The request context really is the actor's: their database role, id and department.
async fn assert_session_context(app: &TestApp, actor: &TestUser) {
    let mut tx = app.tx_as(actor).await;
    let (role, uid, dept): (String, Option<Uuid>, Option<String>) =
        sqlx::query_as("select current_user::text, app.uid(), app.dept()")
            .fetch_one(&mut *tx)
            .await
            .unwrap();
    assert_eq!(role, format!("cc_{}", actor.role.as_str()));
    assert_eq!(uid, Some(actor.id));
    assert_eq!(
        dept.as_deref(),
        Some(actor.role.default_department().code())
    );
}

#[tokio::test]
async fn every_role_meets_the_crm_scope_matrix_in_the_database() {
    let app = TestApp::spawn().await;
    let m = app.user(Role::SalesManager).await;
    let a = app.user_managed_by(Role::Salesperson, Some(m.id)).await;
    let b = app.user_managed_by(Role::Salesperson, Some(m.id)).await;
    let s = app.user_managed_by(Role::SalesSupport, Some(m.id)).await;
    let c = app.user(Role::Salesperson).await;
    let m2 = app.user(Role::SalesManager).await;
    let s2 = app.user_managed_by(Role::SalesSupport, Some(m2.id)).await;
    let k = app.user(Role::MarketingStaff).await;
    let k2 = app.user(Role::MarketingStaff).await;
    let k3 = app.user(Role::MarketingStaff).await;
    let targets = records_of_a(&app, a.id, k.id, k2.id).await;

    let mut actors: Vec<(&str, TestUser)> = vec![
        ("marketing_staff K (created the lead)", k),
        ("marketing_staff K2 (marketing owner)", k2),
        ("marketing_staff K3 (other)", k3),
        ("sales_manager M (A's manager)", m),
        ("sales_manager M2 (other team)", m2),
        ("salesperson A (owner)", a),
        ("salesperson B (A's teammate)", b),
        ("salesperson C (no team)", c),
        ("sales_support S (supports M)", s),
        ("sales_support S2 (supports M2)", s2),
    ];
    for role in Role::ALL {
        if !actors.iter().any(|(_, user)| user.role == role) {
            actors.push((role.as_str(), app.user(role).await));
        }
    }
    for role in Role::ALL {
        assert!(
            actors.iter().any(|(_, user)| user.role == role),
            "{role:?} has an actor"
        );
    }
    let mut labels: Vec<&str> = actors.iter().map(|(label, _)| *label).collect();
    let mut rows: Vec<&str> = MATRIX.iter().map(|(label, _)| *label).collect();
    labels.sort_unstable();
    rows.sort_unstable();
    assert_eq!(rows, labels, "exactly one matrix row per actor");

    let mut mismatches = String::new();
    let mut cells = 0;
    for (label, expected) in MATRIX {
        let actor = &actors.iter().find(|(l, _)| l == label).unwrap().1;
        assert_session_context(&app, actor).await;
        let own = own_rows(&app, actor).await;
        for (table, target) in targets.iter().enumerate() {
            for (op, want) in OPS.iter().zip(expected[table]) {
                let (sql, binds, counts) = statement(table, *op, actor, target, &own);
                cells += 1;
                match attempt(&app, actor, &sql, &binds, counts).await {
                    Ok((got, _)) if got == want => {}
                    Ok((got, said)) => writeln!(
                        mismatches,
                        "  {label}: {op:?} {}: expected {want:?}, got {got:?} ({said})",
                        TABLES[table].0
                    )
                    .unwrap(),
                    Err(err) => writeln!(
                        mismatches,
                        "  {label}: {op:?} {}: expected {want:?}, unexpected error: {err}",
                        TABLES[table].0
                    )
                    .unwrap(),
                }
            }
        }
    }
    assert_eq!(cells, MATRIX.len() * 20);
    assert!(
        mismatches.is_empty(),
        "RLS matrix mismatches (Allowed = the row was reached, Hidden = 0 rows, \
         Denied = SQLSTATE 42501):\n{mismatches}"
    );
}

async fn expect_denied(app: &TestApp, user: &TestUser, sql: &str) {
    let mut tx = app.tx_as(user).await;
    match sqlx::query(sql).fetch_all(&mut *tx).await {
        Err(sqlx::Error::Database(db)) => assert_eq!(
            db.code().as_deref(),
            Some("42501"),
            "{}: {sql}: {}",
            user.role.as_str(),
            db.message()
        ),
        Err(other) => panic!("{}: {sql}: {other}", user.role.as_str()),
        Ok(rows) => panic!(
            "{}: {sql} was allowed ({} rows)",
            user.role.as_str(),
            rows.len()
        ),
    }
}

async fn count_as(app: &TestApp, user: &TestUser, sql: &str) -> i64 {
    let mut tx = app.tx_as(user).await;
    sqlx::query_scalar(sql)
        .fetch_one(&mut *tx)
        .await
        .unwrap_or_else(|e| panic!("{}: {sql}: {e}", user.role.as_str()))
}

#[tokio::test]
async fn operations_cannot_read_customer_identity_of_tickets_and_see_only_their_department() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let other_sales = app.user(Role::Salesperson).await;
    let customer = customer_of(&app, "PT Rahasia", sales.id).await;
    let ticket = insert(
        &app,
        "insert into tickets (ticket_type, dept_target, subject, company_name, contact_name, customer_phone, \
                              customer_email, need_customer_masking, related_customer_id, rfq) \
         values ('inquiry_tariff', 'EXIM', 'RFQ Jakarta → Singapore', 'PT Rahasia', 'Pak Rahasia', \
                 '+6281234567890', 'rahasia@example.com', true, $1, '{\"commodity\": \"Kopi\"}') \
         returning id",
        &[customer],
    )
    .await;

    let exim = app.user(Role::OpsExim).await;
    let dept: String = sqlx::query_scalar("select dept_code from profiles where id = $1")
        .bind(exim.id)
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(dept, "EXIM");
    assert_session_context(&app, &exim).await;

    // The identity columns cannot be read, not even used as a filter.
    for sql in [
        "select company_name from tickets",
        "select contact_name from tickets",
        "select customer_phone from tickets",
        "select customer_email from tickets",
        "select * from tickets",
        "select id from tickets where company_name = 'PT Rahasia'",
    ] {
        expect_denied(&app, &exim, sql).await;
    }

    // The rest of the RFQ is theirs to answer, its text redacted (the raw text is not
    // theirs to select: tickets/pii.rs).
    let mut tx = app.tx_as(&exim).await;
    let (id, subject, commodity): (Uuid, String, String) =
        sqlx::query_as("select id, subject, rfq ->> 'commodity' from v_ops_tickets")
            .fetch_one(&mut *tx)
            .await
            .unwrap();
    assert_eq!(
        (id, subject.as_str(), commodity.as_str()),
        (ticket, "RFQ Jakarta → Singapore", "Kopi")
    );
    let (company, contact, phone): (String, String, String) = sqlx::query_as(
        "select company_name, contact_name, customer_phone from v_ops_rfqs_masked where id = $1",
    )
    .bind(ticket)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    drop(tx);
    assert_eq!((company.as_str(), contact.as_str()), ("MASKED", "MASKED"));
    assert_ne!(phone, "+6281234567890");
    assert!(
        phone.contains('*') && !phone.contains("1234567"),
        "masked phone {phone}"
    );

    // Other Operations departments see nothing, neither in the table nor in the view.
    for role in [Role::OpsDomestic, Role::OpsImportDtd, Role::OpsWarehouse] {
        let ops = app.user(role).await;
        assert_eq!(
            count_as(&app, &ops, "select count(*) from tickets").await,
            0,
            "{role:?} tickets"
        );
        assert_eq!(
            count_as(&app, &ops, "select count(*) from v_ops_rfqs_masked").await,
            0,
            "{role:?} v_ops_rfqs_masked"
        );
        expect_denied(&app, &ops, "select company_name from tickets").await;
    }

    // The salesperson of the customer sees the real identity on the same ticket; one
    // without the customer does not see the ticket; neither gets the masked view.
    let mut tx = app.tx_as(&sales).await;
    let identity: (String, String, String, String) = sqlx::query_as(
        "select company_name, contact_name, customer_phone, customer_email::text from tickets \
         where id = $1",
    )
    .bind(ticket)
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    drop(tx);
    assert_eq!(
        identity,
        (
            "PT Rahasia".to_owned(),
            "Pak Rahasia".to_owned(),
            "+6281234567890".to_owned(),
            "rahasia@example.com".to_owned()
        )
    );
    assert_eq!(
        count_as(&app, &other_sales, "select count(*) from tickets").await,
        0
    );
    expect_denied(&app, &sales, "select 1 from v_ops_rfqs_masked").await;
}

/// A salesperson cannot take over a colleague's customer: no prospect on a customer they
/// cannot see, and no changing a customer's owner even where they have a prospect.
#[tokio::test]
async fn a_salesperson_cannot_take_over_another_salespersons_customer() {
    let app = TestApp::spawn().await;
    let a = app.user(Role::Salesperson).await;
    let b = app.user(Role::Salesperson).await;
    let manager = app.user(Role::SalesManager).await;
    let customer: Uuid = sqlx::query_scalar(
        "insert into customers (company_name, owner_user_id, created_by, npwp) \
         values ('PT Milik A', $1, $1, '0123456789012345') returning id",
    )
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();

    let mut tx = app.tx_as(&b).await;
    let grab = sqlx::query(
        "insert into prospects (customer_id, owner_user_id, created_by) values ($1, $2, $2)",
    )
    .bind(customer)
    .bind(b.id)
    .execute(&mut *tx)
    .await;
    assert!(
        matches!(&grab, Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501")),
        "{grab:?}"
    );
    drop(tx);

    // Even with a prospect of their own on it (a lead they entered), the owner stays.
    sqlx::query(
        "insert into prospects (customer_id, owner_user_id, created_by) values ($1, $2, $2)",
    )
    .bind(customer)
    .bind(b.id)
    .execute(&app.owner)
    .await
    .unwrap();
    let mut tx = app.tx_as(&b).await;
    let takeover = sqlx::query("update customers set owner_user_id = $2 where id = $1")
        .bind(customer)
        .bind(b.id)
        .execute(&mut *tx)
        .await;
    assert!(
        matches!(&takeover, Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501")),
        "{takeover:?}"
    );
    drop(tx);

    // A manager may hand the customer over.
    sqlx::query("update profiles set manager_user_id = $1 where id in ($2, $3)")
        .bind(manager.id)
        .bind(a.id)
        .bind(b.id)
        .execute(&app.owner)
        .await
        .unwrap();
    let mut tx = app.tx_as(&manager).await;
    let handover = sqlx::query("update customers set owner_user_id = $2 where id = $1")
        .bind(customer)
        .bind(b.id)
        .execute(&mut *tx)
        .await
        .unwrap();
    assert_eq!(handover.rows_affected(), 1);
}

/// Operations see every RFQ masked, whether or not it was flagged for masking.
#[tokio::test]
async fn operations_see_unflagged_rfqs_masked_too() {
    let app = TestApp::spawn().await;
    sqlx::query(
        "insert into tickets (ticket_type, dept_target, subject, company_name, contact_name, customer_phone) \
         values ('inquiry_tariff', 'EXIM', 'RFQ manual', 'PT Terbuka', 'Ibu Terbuka', '+6281299990000')",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    let exim = app.user(Role::OpsExim).await;
    let mut tx = app.tx_as(&exim).await;
    let (company, contact, phone): (String, String, String) =
        sqlx::query_as("select company_name, contact_name, customer_phone from v_ops_rfqs_masked")
            .fetch_one(&mut *tx)
            .await
            .unwrap();
    assert_eq!((company.as_str(), contact.as_str()), ("MASKED", "MASKED"));
    assert_ne!(phone, "+6281299990000");
}
