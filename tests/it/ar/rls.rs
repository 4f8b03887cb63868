//! PLT-RLS for receivables (SPEC §2.3, §3, DSO-3): every role × (select, insert, update,
//! delete) on invoices, payments, allocations and the daily totals, tried directly in the
//! database with that role's session context; then the same boundaries through the API
//! by id (BOLA): another salesperson's invoices, statements and "my customers" rows are
//! not found, and the director writes nothing.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::json;
use uuid::Uuid;

use super::customer;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Allowed,
    /// Ran, but row-level security left 0 rows.
    Hidden,
    /// SQLSTATE 42501: no privilege, or no policy accepts the new row.
    Denied,
}

const OK: Outcome = Outcome::Allowed;
const RLS: Outcome = Outcome::Hidden;
const NO: Outcome = Outcome::Denied;

/// Expected outcomes on the AR of salesperson A's customer (invoice, payment, allocation)
/// and on the daily totals. M manages A and B; M2 manages nobody here. Inserts are rows
/// for A's customer with the actor as creator; the invoice update is a void; payments and
/// allocations are never edited: finance reverses (deletes) an allocation, and other hard
/// deletes are super admin's.
#[rustfmt::skip]
const MATRIX: &[(&str, [[Outcome; 4]; 4])] = &[
    //                              invoices             payments             allocations          ar_daily_totals
    //                              S    I   U    D      S    I   U   D       S    I   U   D       S   I   U   D
    ("super_admin",                [[OK,  OK, OK,  OK],  [OK,  OK, NO, OK],  [OK,  OK, NO, OK],  [OK, NO, NO, NO]]),
    ("director",                   [[OK,  NO, NO,  NO],  [OK,  NO, NO, NO],  [OK,  NO, NO, NO],  [OK, NO, NO, NO]]),
    ("marketing_manager",          [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("marketing_staff",            [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("sales_manager M (A's)",      [[OK,  NO, NO,  NO],  [OK,  NO, NO, NO],  [OK,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("sales_manager M2 (other)",   [[RLS, NO, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("salesperson A (owner)",      [[OK,  NO, NO,  NO],  [OK,  NO, NO, NO],  [OK,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("salesperson B (teammate)",   [[RLS, NO, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("sales_support",              [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_exim",                   [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_domestic",               [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_import_dtd",             [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_warehouse",              [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("finance_manager",            [[OK,  OK, OK,  NO],  [OK,  OK, NO, NO],  [OK,  OK, NO, OK],  [OK, NO, NO, NO]]),
    ("finance_staff",              [[OK,  OK, OK,  NO],  [OK,  OK, NO, NO],  [OK,  OK, NO, OK],  [OK, NO, NO, NO]]),
    ("cs_admin",                   [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
    ("cs_agent",                   [[NO,  NO, NO,  NO],  [NO,  NO, NO, NO],  [NO,  NO, NO, NO],  [NO, NO, NO, NO]]),
];

/// A's customer and its AR: an allocated invoice and payment, an unallocated invoice (voided
/// by the update, deleted by the delete), and an open invoice with a payment of credit for
/// the allocation insert.
struct Book {
    customer: Uuid,
    invoice: Uuid,
    payment: Uuid,
    allocation: Uuid,
    loose_invoice: Uuid,
    loose_payment: Uuid,
    open_invoice: Uuid,
}

async fn book_of_a(app: &TestApp, finance: &TestUser, a: Uuid) -> Book {
    let c = customer(app, "PT Piutang A", Some(a)).await;
    let invoice = app
        .invoice_for(finance, c, "2026-05-01", "2026-05-31", "1000")
        .await;
    let paid = app.pay_fifo(finance, c, "2026-05-05", "600").await;
    let payment = paid["id"].as_str().unwrap().parse().unwrap();
    let loose_invoice = app
        .invoice_for(finance, c, "2026-05-02", "2026-06-01", "50")
        .await;
    let open_invoice = app
        .invoice_for(finance, c, "2026-05-03", "2026-06-02", "70")
        .await;
    // Credit only: the FIFO payment above already took part of `invoice`; this one is
    // allocated explicitly to nothing.
    let loose = app
        .create_payment(
            finance,
            json!({"customer_id": c, "payment_date": "2026-05-06", "amount": "30", "allocations": []}),
        )
        .await;
    assert_eq!(loose.status(), 201);
    let loose_payment = body(loose).await["id"].as_str().unwrap().parse().unwrap();
    let allocation = sqlx::query_scalar("select id from payment_allocations where payment_id = $1")
        .bind(payment)
        .fetch_one(&app.owner)
        .await
        .unwrap();
    Book {
        customer: c,
        invoice,
        payment,
        allocation,
        loose_invoice,
        loose_payment,
        open_invoice,
    }
}

/// The statement of one cell and its binds (`$1` is always the actor).
fn statement(table: usize, op: usize, b: &Book) -> (&'static str, Vec<Uuid>) {
    match (table, op) {
        (0, 0) => ("select count(*) from invoices where id = $2", vec![b.invoice]),
        (0, 1) => ("insert into invoices (customer_id, invoice_date, due_date, amount, created_by) \
                    values ($2, '2026-05-09', '2026-06-09', 10, $1)", vec![b.customer]),
        (0, 2) => ("update invoices set voided_at = now(), void_reason = 'Uji', voided_by = $1 where id = $2",
                   vec![b.loose_invoice]),
        (0, 3) => ("delete from invoices where id = $2", vec![b.loose_invoice]),
        (1, 0) => ("select count(*) from payments where id = $2", vec![b.payment]),
        (1, 1) => ("insert into payments (customer_id, payment_date, amount, created_by) \
                    values ($2, '2026-05-09', 10, $1)", vec![b.customer]),
        (1, 2) => ("update payments set reference = 'Uji' where id = $2", vec![b.payment]),
        (1, 3) => ("delete from payments where id = $2", vec![b.loose_payment]),
        (2, 0) => ("select count(*) from payment_allocations where id = $2", vec![b.allocation]),
        (2, 1) => ("insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by) \
                    values ($2, $3, $4, 5, $1)", vec![b.loose_payment, b.open_invoice, b.customer]),
        (2, 2) => ("update payment_allocations set created_by = $1 where id = $2", vec![b.allocation]),
        (2, 3) => ("delete from payment_allocations where id = $2", vec![b.allocation]),
        (3, 0) => ("select count(*) from ar_daily_totals where $1 is not null and day = '2026-05-01'", vec![]),
        (3, 1) => ("insert into ar_daily_totals (day, shard, invoiced, applied) \
                    select '2030-01-01', 0, 1, 0 where $1 is not null", vec![]),
        (3, 2) => ("update ar_daily_totals set invoiced = invoiced + 1 where $1 is not null", vec![]),
        _ => ("delete from ar_daily_totals where $1 is not null", vec![]),
    }
}

async fn attempt(
    app: &TestApp,
    actor: &TestUser,
    sql: &str,
    binds: &[Uuid],
    counts: bool,
) -> Result<Outcome, String> {
    let mut tx = app.tx_as(actor).await;
    let result = if counts {
        let mut q = sqlx::query_scalar::<_, i64>(sql).bind(actor.id);
        for id in binds {
            q = q.bind(*id);
        }
        q.fetch_one(&mut *tx)
            .await
            .map(|n| u64::try_from(n).unwrap_or(0))
    } else {
        let mut q = sqlx::query(sql).bind(actor.id);
        for id in binds {
            q = q.bind(*id);
        }
        q.execute(&mut *tx).await.map(|r| r.rows_affected())
    };
    drop(tx);
    match result {
        Ok(0) => Ok(Outcome::Hidden),
        Ok(_) => Ok(Outcome::Allowed),
        Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501") => {
            Ok(Outcome::Denied)
        }
        Err(err) => Err(err.to_string()),
    }
}

#[tokio::test]
async fn every_role_meets_the_receivables_matrix_in_the_database() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let m = app.user(Role::SalesManager).await;
    let a = app.user_managed_by(Role::Salesperson, Some(m.id)).await;
    let b = app.user_managed_by(Role::Salesperson, Some(m.id)).await;
    let m2 = app.user(Role::SalesManager).await;
    let book = book_of_a(&app, &finance, a.id).await;
    let mut actors: Vec<(&str, TestUser)> = vec![
        ("sales_manager M (A's)", m),
        ("sales_manager M2 (other)", m2),
        ("salesperson A (owner)", a),
        ("salesperson B (teammate)", b),
    ];
    let mut failures = Vec::new();
    for (label, expected) in MATRIX {
        let actor = match actors.iter().position(|(l, _)| l == label) {
            Some(i) => actors.remove(i).1,
            None => app.user(label.parse::<Role>().unwrap()).await,
        };
        for (t, row) in expected.iter().enumerate() {
            for (o, want) in row.iter().enumerate() {
                let (sql, binds) = statement(t, o, &book);
                let got = attempt(&app, &actor, sql, &binds, o == 0).await;
                if got.as_ref() != Ok(want) {
                    let table = [
                        "invoices",
                        "payments",
                        "payment_allocations",
                        "ar_daily_totals",
                    ][t];
                    failures.push(format!(
                        "{label} {table} {}: expected {want:?}, got {got:?}",
                        ["S", "I", "U", "D"][o]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every cell of an xlsx download, tab-separated, asserting 200.
async fn sheet(app: &TestApp, path: &str, token: &str) -> String {
    use calamine::Reader;
    let response = app.get(path, token).await;
    assert_eq!(response.status(), 200, "{path}");
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn another_salesperson_finds_nothing_of_a_customer_that_is_not_theirs() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceStaff).await;
    let director = app.user(Role::Director).await;
    let sales = app.user(Role::Salesperson).await;
    let sales2 = app.user(Role::Salesperson).await;
    let book = book_of_a(&app, &finance, sales.id).await;
    let own2 = customer(&app, "PT Milik Sales Dua", Some(sales2.id)).await;
    let inv2 = app
        .invoice_for(&finance, own2, "2026-05-01", "2026-05-15", "999")
        .await;

    // By id: 404, exactly like an id that does not exist.
    for path in [
        format!("/api/v1/invoices/{}", book.invoice),
        format!("/api/v1/customers/{}/statement", book.customer),
        format!(
            "/api/v1/exports/customer-statement?customer_id={}",
            book.customer
        ),
    ] {
        assert_eq!(app.get(&path, &sales2.token).await.status(), 404, "{path}");
        assert_eq!(app.get(&path, &sales.token).await.status(), 200, "{path}");
    }
    assert_eq!(
        app.post(
            &format!("/api/v1/invoices/{}/collection-ticket", book.invoice),
            &sales2.token,
            json!({})
        )
        .await
        .status(),
        404
    );
    // In lists and reports: only their own customer's rows.
    for report in ["outstanding", "aging", "my-customers"] {
        let seen = body(app.ar(&sales2, report, "?as_of=2026-06-30").await)
            .await
            .to_string();
        assert!(
            !seen.contains(&book.customer.to_string()),
            "{report} leaks: {seen}"
        );
        assert!(
            seen.contains(&own2.to_string()),
            "{report} misses their own: {seen}"
        );
        let seen = body(app.ar(&sales, report, "?as_of=2026-06-30").await)
            .await
            .to_string();
        assert!(
            !seen.contains(&own2.to_string()),
            "{report} leaks to the owner of the other"
        );
    }
    for list in ["invoices", "payments"] {
        let seen = body(app.get(&format!("/api/v1/{list}"), &sales2.token).await)
            .await
            .to_string();
        assert!(
            !seen.contains(&book.customer.to_string()),
            "{list} leaks: {seen}"
        );
    }
    assert!(body(app.get("/api/v1/invoices", &sales2.token).await)
        .await
        .to_string()
        .contains(&inv2.to_string()));

    // The AR customer picker finds only customers of their own.
    let picked = body(app.ar(&sales2, "customers", "?q=Piutang").await).await;
    assert_eq!(picked["data"].as_array().map(Vec::len), Some(0), "{picked}");
    let picked = body(app.ar(&sales, "customers", "?q=Piutang").await).await;
    assert_eq!(picked["data"][0]["id"], book.customer.to_string());

    // Exports carry the same rows as the lists.
    for export in ["ar-aging?as_of=2026-06-30", "invoices", "payments"] {
        let cells = sheet(&app, &format!("/api/v1/exports/{export}"), &sales2.token).await;
        assert!(!cells.contains("PT Piutang A"), "{export} leaks: {cells}");
        let cells = sheet(&app, &format!("/api/v1/exports/{export}"), &finance.token).await;
        assert!(
            cells.contains("PT Piutang A"),
            "{export} misses a row: {cells}"
        );
    }
    assert!(sheet(
        &app,
        "/api/v1/exports/ar-aging?as_of=2026-06-30",
        &sales2.token
    )
    .await
    .contains("PT Milik Sales Dua"));

    // A customer is also a salesperson's through a prospect of theirs (DSO-3).
    let via_prospect = customer(&app, "PT Lewat Prospek", None).await;
    sqlx::query(
        "insert into prospects (customer_id, owner_user_id, created_by) values ($1, $2, $2)",
    )
    .bind(via_prospect)
    .bind(sales2.id)
    .execute(&app.owner)
    .await
    .unwrap();
    let inv3 = app
        .invoice_for(&finance, via_prospect, "2026-05-01", "2026-05-15", "5")
        .await;
    assert_eq!(app.invoice(&sales2, inv3).await.status(), 200);
    assert_eq!(app.invoice(&sales, inv3).await.status(), 404);
    let mine = body(app.ar(&sales2, "my-customers", "?as_of=2026-06-30").await)
        .await
        .to_string();
    assert!(mine.contains(&via_prospect.to_string()), "{mine}");

    // The director reads everything and writes nothing; nobody outside AR reads it.
    assert_eq!(app.invoice(&director, book.invoice).await.status(), 200);
    let new_invoice = json!({"customer_id": book.customer, "invoice_date": "2026-05-01",
                             "due_date": "2026-05-31", "amount": "10"});
    assert_eq!(
        app.create_invoice(&director, new_invoice.clone())
            .await
            .status(),
        403
    );
    let new_payment =
        json!({"customer_id": book.customer, "payment_date": "2026-05-01", "amount": "10"});
    assert_eq!(
        app.create_payment(&director, new_payment.clone())
            .await
            .status(),
        403
    );
    assert_eq!(
        app.void_invoice(&director, book.loose_invoice, "Tidak boleh")
            .await
            .status(),
        403
    );
    assert_eq!(app.create_invoice(&sales, new_invoice).await.status(), 403);
    assert_eq!(app.create_payment(&sales, new_payment).await.status(), 403);
    for role in [
        Role::CsAgent,
        Role::OpsExim,
        Role::MarketingManager,
        Role::SalesSupport,
    ] {
        let user = app.user(role).await;
        assert_eq!(
            app.invoice(&user, book.invoice).await.status(),
            403,
            "{role}"
        );
        assert_eq!(app.ar(&user, "aging", "").await.status(), 403, "{role}");
    }
    let untouched: (String, Option<String>) =
        sqlx::query_as("select allocated::text, void_reason from invoices where id = $1")
            .bind(book.loose_invoice)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(untouched, ("0.00".to_owned(), None));
}
