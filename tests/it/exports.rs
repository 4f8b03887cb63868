//! EXP-1, streamed exports: the ticket queue and the broadcast logs as .xlsx hold exactly
//! the list's rows, in the list's order, for the same filters and the same caller
//! (row-level security decides; Operations get no customer columns), and a large export
//! arrives whole.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};
use uuid::Uuid;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// An export's only sheet, the header row first; asserts a whole .xlsx download.
async fn sheet(app: &TestApp, user: &TestUser, resource: &str, query: &str) -> Vec<Vec<Data>> {
    let response = app.export(user, resource, query).await;
    assert_eq!(response.status(), 200, "{resource}{query}");
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], XLSX);
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"{resource}-")),
        "{disposition}"
    );
    let length: usize = headers["content-length"].to_str().unwrap().parse().unwrap();
    let bytes = response.bytes().await.unwrap();
    assert_eq!(bytes.len(), length);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn texts(row: &[Data]) -> Vec<String> {
    row.iter().map(ToString::to_string).collect()
}

/// The cells of column `header` below the header row.
fn column<'s>(sheet: &'s [Vec<Data>], header: &str) -> Vec<&'s Data> {
    let col = sheet[0]
        .iter()
        .position(|h| *h == header)
        .unwrap_or_else(|| panic!("no column {header}"));
    sheet[1..].iter().map(|row| &row[col]).collect()
}

fn column_texts(sheet: &[Vec<Data>], header: &str) -> Vec<String> {
    column(sheet, header)
        .into_iter()
        .map(ToString::to_string)
        .collect()
}

/// A date cell as Excel shows it (`dd/mm/yyyy hh:mm`).
fn shown(cell: &Data) -> String {
    let Data::DateTime(at) = cell else {
        panic!("not a date cell: {cell:?}")
    };
    let seconds = (at.as_f64() * 86_400.0).round() as i64;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    (epoch + Duration::seconds(seconds))
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// An API timestamp in Asia/Jakarta (WIB), as the sheet shows it.
fn wib(at: &Value) -> String {
    let at: DateTime<Utc> = at.as_str().unwrap().parse().unwrap();
    (at + Duration::hours(7))
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// `field` of every row of a list page, in order.
fn listed(list: &Value, field: &str) -> Vec<String> {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[field].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// `query` with `per_page=200` added.
fn paged(query: &str) -> String {
    if query.is_empty() {
        "?per_page=200".to_owned()
    } else {
        format!("{query}&per_page=200")
    }
}

async fn open_ticket(app: &TestApp, by: &TestUser, ticket: Value) -> Uuid {
    let created = app.post("/api/v1/tickets", &by.token, ticket).await;
    assert_eq!(created.status(), 201);
    body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

fn general(subject: &str, extra: Value) -> Value {
    let mut ticket = json!({"subject": subject, "description": "Mohon dibantu",
                            "ticket_type": "general_request"});
    ticket
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    ticket
}

/// A ticket's code, read behind row-level security.
async fn code(app: &TestApp, id: Uuid) -> String {
    sqlx::query_scalar("select ticket_code from tickets where id = $1")
        .bind(id)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

const TICKET_HEADER: [&str; 23] = [
    "Ticket code",
    "Opened (WIB)",
    "Type",
    "Priority",
    "Status",
    "Department",
    "Subject",
    "AWB",
    "Company",
    "Contact",
    "Phone",
    "E-mail",
    "Assigned to",
    "Source",
    "First response SLA",
    "Resolution SLA",
    "First response (WIB)",
    "Closed (WIB)",
    "Outcome",
    "Close reason",
    "Created by",
    "Updated (WIB)",
    "Description",
];

#[tokio::test]
async fn the_tickets_export_holds_the_queue_each_role_sees() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let other_agent = app.user(Role::CsAgent).await;
    let ops = app.user(Role::OpsExim).await;
    let queue = open_ticket(
        &app,
        &admin,
        general(
            "Antrian CS",
            json!({"tracking_number": "AWB-EXP-1", "contact_name": "Pak Budi",
                   "customer_phone": "081234500002"}),
        ),
    )
    .await;
    let mine = open_ticket(
        &app,
        &admin,
        general("Untuk agen", json!({"priority": "high"})),
    )
    .await;
    let theirs = open_ticket(&app, &admin, general("Untuk agen lain", json!({}))).await;
    let exim = open_ticket(
        &app,
        &admin,
        general(
            "Dokumen ekspor",
            json!({"dept_target": "EXIM", "contact_name": "Bu Sinta",
                   "customer_phone": "081234500001"}),
        ),
    )
    .await;
    for (ticket, change) in [
        (mine, json!({"assigned_to_user_id": agent.id})),
        (theirs, json!({"assigned_to_user_id": other_agent.id})),
        (exim, json!({"status": "closed"})),
    ] {
        assert_eq!(
            app.update_ticket(&admin, ticket, change).await.status(),
            200
        );
    }

    // The export's rows are the queue's, in its order, for each caller and filter.
    let cases: [(&TestUser, &str); 9] = [
        (&admin, ""),
        (&admin, "?status=open&sort=ticket_code"),
        (&admin, "?dept=exim"),
        (&admin, "?q=budi"),
        (&admin, "?sort=-priority"),
        (&agent, ""),
        (&agent, "?assigned_to=unassigned"),
        (&ops, ""),
        (&ops, "?q=sinta"),
    ];
    for (user, query) in cases {
        let list = body(app.tickets(user, &paged(query)).await).await;
        let sheet = sheet(&app, user, "tickets", query).await;
        assert_eq!(
            column_texts(&sheet, "Ticket code"),
            listed(&list, "ticket_code"),
            "{:?} {query}",
            user.role
        );
    }
    // A role that sees fewer tickets exports fewer: never a colleague's, even asked for.
    let everything = sheet(&app, &admin, "tickets", "").await;
    assert_eq!(everything.len(), 1 + 4);
    let agents = sheet(&app, &agent, "tickets", "").await;
    assert_eq!(
        column_texts(&agents, "Ticket code"),
        [code(&app, mine).await, code(&app, queue).await]
    );
    let asked = format!("?assigned_to={}", other_agent.id);
    assert_eq!(sheet(&app, &agent, "tickets", &asked).await.len(), 1);
    assert_eq!(sheet(&app, &admin, "tickets", &asked).await.len(), 2);

    // Every column, with the customer's for CS.
    let detail = body(app.ticket(&admin, queue).await).await;
    let one = sheet(&app, &admin, "tickets", "?tracking_number=AWB-EXP-1").await;
    assert_eq!(texts(&one[0]), TICKET_HEADER);
    let row = texts(&one[1]);
    assert_eq!(row[0], detail["ticket_code"].as_str().unwrap());
    assert_eq!(
        row[2..16],
        [
            "general_request",
            "medium",
            "open",
            "CS",
            "Antrian CS",
            "AWB-EXP-1",
            "",
            "Pak Budi",
            "+6281234500002",
            "",
            "",
            detail["source"].as_str().unwrap(),
            "running",
            "running",
        ]
    );
    assert_eq!(shown(&one[1][1]), wib(&detail["created_at"]));
    assert_eq!(shown(&one[1][21]), wib(&detail["updated_at"]));
    assert_eq!(row[20], "Test cs_admin");
    assert_eq!(row[22], "Mohon dibantu");

    // Operations: their department's tickets, without the customer's columns.
    let theirs_only = sheet(&app, &ops, "tickets", "").await;
    let header = texts(&theirs_only[0]);
    assert_eq!(header.len(), TICKET_HEADER.len() - 4);
    for hidden in ["Company", "Contact", "Phone", "E-mail"] {
        assert!(!header.iter().any(|h| h == hidden), "{hidden}");
    }
    assert_eq!(
        column_texts(&theirs_only, "Ticket code"),
        [code(&app, exim).await]
    );
    assert_eq!(column_texts(&theirs_only, "Department"), ["EXIM"]);
    assert_eq!(column_texts(&theirs_only, "Status"), ["closed"]);
    assert_eq!(column_texts(&theirs_only, "Resolution SLA"), ["met"]);
    let closed = body(app.ticket(&admin, exim).await).await;
    assert_eq!(
        shown(column(&theirs_only, "Closed (WIB)")[0]),
        wib(&closed["closed_at"])
    );
    let flat: Vec<String> = theirs_only[1].iter().map(ToString::to_string).collect();
    assert!(
        !flat
            .iter()
            .any(|c| c.contains("Sinta") || c.contains("6281234500001")),
        "{flat:?}"
    );

    // The queue's validation applies.
    assert_eq!(
        app.export(&admin, "tickets", "?status=done").await.status(),
        422
    );
    assert_eq!(
        app.export(&admin, "tickets", "?sort=subject")
            .await
            .status(),
        422
    );
}

async fn post_logs(app: &TestApp, by: &TestUser, logs: Value) {
    let stored = app.post("/api/v1/broadcast-logs", &by.token, logs).await;
    assert_eq!(stored.status(), 201);
}

#[tokio::test]
async fn the_broadcast_logs_export_holds_the_filtered_log_for_its_readers_only() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let three_days_ago = (Utc::now() - Duration::days(3)).to_rfc3339();
    post_logs(
        &app,
        &admin,
        json!([
            {"tracking_number": "AWB-1", "consignee_phone": "081234567001", "status": "success",
             "message_content": "Paket dikirim"},
            {"tracking_number": "AWB-1", "consignee_phone": "081234567001", "status": "failed",
             "error_message": "Nomor tidak terdaftar WA"},
            {"tracking_number": "AWB-2", "consignee_phone": "081234567002", "status": "failed",
             "error_message": "Timeout gateway"},
            {"tracking_number": "AWB-3", "status": "pending"},
            {"tracking_number": "AWB-OLD", "consignee_phone": "081234567009", "status": "success",
             "broadcast_at": three_days_ago}
        ]),
    )
    .await;
    let agent = app.user(Role::CsAgent).await;
    let director = app.user(Role::Director).await;
    let today = domain::jakarta_today();
    let day = format!("?from={today}&to={today}");
    for user in [&agent, &director] {
        for query in [
            "",
            "?status=failed",
            "?tracking_number=AWB-1",
            "?phone=%2B62%20812-3456-7002",
            &day,
            "?sort=tracking_number",
        ] {
            let list = body(app.broadcast_logs(user, &paged(query)).await).await;
            let sheet = sheet(&app, user, "broadcast-logs", query).await;
            assert_eq!(
                column_texts(&sheet, "AWB"),
                listed(&list, "tracking_number"),
                "{:?} {query}",
                user.role
            );
            assert_eq!(
                column_texts(&sheet, "Status"),
                listed(&list, "status"),
                "{query}"
            );
        }
    }

    let sheet = sheet(&app, &agent, "broadcast-logs", "?tracking_number=AWB-2").await;
    assert_eq!(
        texts(&sheet[0]),
        ["Sent (WIB)", "AWB", "Phone", "Status", "Error", "Message"]
    );
    let list = body(app.broadcast_logs(&agent, "?tracking_number=AWB-2").await).await;
    assert_eq!(shown(&sheet[1][0]), wib(&list["data"][0]["broadcast_at"]));
    assert_eq!(
        texts(&sheet[1])[1..],
        ["AWB-2", "+6281234567002", "failed", "Timeout gateway", ""]
    );

    // Whoever may not read the monitor gets no export of it.
    for role in [Role::Salesperson, Role::OpsExim, Role::FinanceStaff] {
        let user = app.user(role).await;
        assert_eq!(
            app.export(&user, "broadcast-logs", "").await.status(),
            403,
            "{role:?}"
        );
    }
    assert_eq!(
        app.export(&agent, "broadcast-logs", "?status=sent")
            .await
            .status(),
        422
    );
}

#[tokio::test]
async fn twenty_thousand_broadcast_logs_export_whole_and_in_order() {
    let app = TestApp::spawn().await;
    sqlx::query(
        "insert into broadcast_logs (tracking_number, consignee_phone, status, message_content, \
                                     error_message, broadcast_at) \
         select 'BULK' || lpad(i::text, 6, '0'), '+62812' || lpad(i::text, 7, '0'), \
                case when i % 4 = 0 then 'failed' else 'success' end, \
                'Paket ' || i || ' sedang dikirim ke alamat tujuan', \
                case when i % 4 = 0 then 'Timeout gateway' end, \
                now() - make_interval(mins => i) \
           from generate_series(1, 20000) i",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    let agent = app.user(Role::CsAgent).await;

    let all = sheet(&app, &agent, "broadcast-logs", "").await;
    assert_eq!(all.len(), 1 + 20_000);
    let awbs = column_texts(&all, "AWB");
    let first = body(app.broadcast_logs(&agent, "?per_page=200").await).await;
    assert_eq!(awbs[..200], listed(&first, "tracking_number"));
    let last = body(app.broadcast_logs(&agent, "?per_page=200&page=100").await).await;
    assert_eq!(awbs[19_800..], listed(&last, "tracking_number"));
    assert_eq!(awbs[0], "BULK000001");
    assert_eq!(awbs[19_999], "BULK020000");

    let failed = sheet(&app, &agent, "broadcast-logs", "?status=failed").await;
    let counted = body(app.broadcast_logs(&agent, "?status=failed").await).await;
    assert_eq!(counted["total"], 5_000);
    assert_eq!(failed.len(), 1 + 5_000);
    assert!(column_texts(&failed, "Error")
        .iter()
        .all(|e| e == "Timeout gateway"));
}
