//! TCK-5, SPEC §6 Security: Operations never read the customer's identity, whatever was
//! typed into an RFQ's free text — not in the masked RFQs, the queue, a ticket, its
//! comments, the export, the dashboard or the live feed — cannot search for it, and do not
//! get the links to the customer, lead and prospect.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};
use uuid::Uuid;

const COMPANY: &str = "PT Sinar Rahasia Abadi";
const CONTACT: &str = "Budi Rahasiawan";
const NOTES: &str =
    "Tolong hubungi PT Sinar Rahasia Abadi (Pak Budi Rahasiawan) di 0812-3456-7890, \
     +62 812 3456 7890, 6281234567890 atau 0812.3456.7890; kantor (021) 555-0199; e-mail \
     budi.r@sinarrahasia.co.id / finance@sinar-rahasia.com; NPWP 01.234.567.8-901.000. \
     Komoditas kopi sangrai, lihat TKT-2026-000101.";

/// What no Operations response may contain (compared case-insensitively).
const FORBIDDEN: &[&str] = &[
    "sinar",
    "rahasia",
    "budi",
    "3456-7890",
    "3456 7890",
    "3456.7890",
    "81234567890",
    "555-0199",
    "01.234.567.8-901.000",
    "012345678901000",
];

/// Every phone-like run (eight digits or more with spaces, dots, dashes or brackets
/// between them) and every e-mail address in `text`; record codes (`TKT-2026-000101`)
/// are not phone numbers.
fn pii_patterns(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.contains('@'))
        .map(str::to_owned)
        .collect();
    let chars: Vec<char> = text.chars().chain(std::iter::once('x')).collect();
    let (mut digits, mut run, mut code) = (0, String::new(), false);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            if digits == 0 {
                code = i >= 4
                    && chars[i - 1] == '-'
                    && chars[i - 4..i - 1].iter().all(char::is_ascii_uppercase);
            }
            digits += 1;
            run.push(c);
        } else if digits > 0 && " .-()+".contains(c) {
            run.push(c);
        } else {
            if digits >= 8 && !code {
                found.push(run.clone());
            }
            digits = 0;
            run.clear();
        }
    }
    found
}

/// Fails when `text` (of the response `what`) carries any of the customer's identifiers.
fn assert_clean(what: &str, text: &str) {
    let lower = text.to_lowercase();
    for word in FORBIDDEN {
        assert!(!lower.contains(word), "{what} carries {word:?}: {text}");
    }
}

/// The same, and no phone or e-mail pattern, over the free text of a ticket-like JSON.
fn assert_free_text_clean(what: &str, ticket: &Value) {
    assert_clean(what, &ticket.to_string());
    for field in ["subject", "description", "close_reason"] {
        let text = ticket[field].as_str().unwrap_or_default();
        assert_eq!(pii_patterns(text), Vec::<String>::new(), "{what}.{field}");
    }
    let rfq = ticket["rfq"].to_string();
    assert_eq!(
        pii_patterns(&rfq),
        Vec::<String>::new(),
        "{what}.rfq: {rfq}"
    );
    for link in [
        "related_lead_id",
        "related_customer_id",
        "related_prospect_id",
    ] {
        assert!(
            ticket.get(link).is_none(),
            "{what} carries {link}: {ticket}"
        );
    }
}

/// An RFQ of EXIM whose every free text names the customer; its ticket id.
async fn rfq_full_of_pii(app: &TestApp, staff: &TestUser) -> Uuid {
    let created = app
        .create_lead(
            staff,
            json!({"company_name": COMPANY, "contact_name": CONTACT,
                   "email": "budi.r@sinarrahasia.co.id", "phone": "0812-3456-7890",
                   "npwp": "01.234.567.8-901.000", "channel": "website", "need_rfq": true,
                   "notes": NOTES,
                   "rfq": {"service": "EXIM", "origin": "Gudang PT Sinar Rahasia Abadi Cikarang",
                           "destination": "Singapore, attn Budi Rahasiawan +62 812 3456 7890",
                           "commodity": "Kopi sangrai (Budi)", "weight_kg": 1500,
                           "notes": NOTES}}),
        )
        .await;
    let status = created.status();
    let created = body(created).await;
    assert_eq!(status, 201, "{created}");
    created["ticket_id"].as_str().unwrap().parse().unwrap()
}

/// A file named `name` uploaded by `by` and attached to ticket `id`; its file id.
async fn attach(app: &TestApp, by: &TestUser, id: Uuid, name: &str) -> String {
    let stored = app
        .client
        .post(app.url("/api/v1/files"))
        .query(&[("bucket", "ticket-attachments"), ("name", name)])
        .bearer_auth(&by.token)
        .header("content-type", "application/pdf")
        .body(b"%PDF-1.4\n% npwp\n%%EOF\n".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(stored.status(), 201);
    let file = body(stored).await["id"].as_str().unwrap().to_owned();
    let attached = app
        .post(
            &format!("/api/v1/tickets/{id}/attachments"),
            &by.token,
            json!({"file_id": file}),
        )
        .await;
    assert_eq!(attached.status(), 201);
    file
}

async fn json_of(app: &TestApp, user: &TestUser, path: &str) -> Value {
    let response = app.get(path, &user.token).await;
    let status = response.status();
    let answer = body(response).await;
    assert_eq!(status, 200, "{path}: {answer}");
    answer
}

/// The cells of the first worksheet of an .xlsx export, as text.
async fn export_cells(app: &TestApp, user: &TestUser) -> String {
    let response = app.export(user, "tickets", "").await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(cells.iter().any(|c| c.contains("kopi")), "{cells:?}");
    cells.join(" | ")
}

#[tokio::test]
async fn operations_never_read_the_customer_typed_into_an_rfq() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let cs = app.user(Role::CsAdmin).await;
    let exim = app.user(Role::OpsExim).await;
    let mut feed = sqlx::postgres::PgListener::connect_with(&app.owner)
        .await
        .unwrap();
    feed.listen("cc_events").await.unwrap();
    let id = rfq_full_of_pii(&app, &staff).await;

    // The answer to a change, then the dashboard's urgent list (before anyone answers).
    let changed = app
        .update_ticket(
            &exim,
            id,
            json!({"priority": "urgent", "status": "in_progress"}),
        )
        .await;
    assert_eq!(changed.status(), 200);
    assert_free_text_clean("PATCH tickets/{id}", &body(changed).await);
    let dashboard = body(app.dashboard(&exim).await).await;
    assert_eq!(dashboard["high_priority_tickets"][0]["id"], id.to_string());
    assert_clean("dashboard", &dashboard.to_string());

    let file = attach(
        &app,
        &cs,
        id,
        "NPWP PT Sinar Rahasia Abadi - Budi 0812 3456 7890.pdf",
    )
    .await;
    let comment = app
        .post(
            &format!("/api/v1/tickets/{id}/comments"),
            &cs.token,
            json!({"comment_text": format!("Sudah telepon {CONTACT} di +62 812-3456-7890 ({COMPANY})")}),
        )
        .await;
    assert_eq!(comment.status(), 201);

    // The masked RFQs: the list, by id, and a search over text that is still there.
    let list = json_of(&app, &exim, "/api/v1/ops/rfqs").await;
    assert_eq!(list["total"], 1);
    assert_free_text_clean("ops/rfqs", &list["data"][0]);
    let one = json_of(&app, &exim, &format!("/api/v1/ops/rfqs/{id}")).await;
    assert_free_text_clean("ops/rfqs/{id}", &one);
    assert!(one["rfq"]["notes"]
        .as_str()
        .unwrap()
        .contains("kopi sangrai"));
    assert!(one["description"]
        .as_str()
        .unwrap()
        .contains("TKT-2026-000101"));
    let found = json_of(&app, &exim, "/api/v1/ops/rfqs?q=kopi").await;
    assert_eq!(found["total"], 1);

    // The queue, the ticket with its comments.
    let queue = json_of(&app, &exim, "/api/v1/tickets").await;
    assert_eq!(queue["total"], 1);
    assert_free_text_clean("tickets", &queue["data"][0]);
    let detail = json_of(&app, &exim, &format!("/api/v1/tickets/{id}")).await;
    assert_free_text_clean("tickets/{id}", &detail);
    let name = detail["attachments"][0]["original_name"].as_str().unwrap();
    assert!(
        name.starts_with("NPWP [disamarkan]") && name.ends_with(".pdf"),
        "{name}"
    );
    let download = app.get(&format!("/api/v1/files/{file}"), &exim.token).await;
    assert_eq!(download.status(), 200);
    let disposition = download.headers()["content-disposition"].to_str().unwrap();
    assert_eq!(disposition, format!("inline; filename=\"file-{file}.pdf\""));
    let comment = detail["comments"][0]["comment_text"].as_str().unwrap();
    assert!(comment.starts_with("Sudah telepon"), "{comment}");
    assert_eq!(pii_patterns(comment), Vec::<String>::new(), "{comment}");

    // The export, the live feed.
    assert_clean("exports/tickets", &export_cells(&app, &exim).await);
    let mut events = 0;
    while let Ok(Ok(Some(event))) =
        tokio::time::timeout(std::time::Duration::from_millis(500), feed.try_recv()).await
    {
        assert_clean("cc_events", event.payload());
        events += 1;
    }
    assert!(events >= 2, "the creation and the change are announced");

    // Searching for the customer finds nothing, in any form.
    for q in [
        "Sinar",
        "Rahasia",
        "Budi",
        "0812",
        "812",
        "3456",
        "sinarrahasia",
        "@",
        "01.234",
    ] {
        for path in ["/api/v1/ops/rfqs", "/api/v1/tickets"] {
            let hits = json_of(&app, &exim, &format!("{path}?q={q}")).await;
            assert_eq!(hits["total"], 0, "{path}?q={q}: {hits}");
        }
    }

    // Those who may read the customer still do, links included.
    let full = json_of(&app, &cs, &format!("/api/v1/tickets/{id}")).await;
    assert_eq!(full["company_name"], COMPANY);
    assert!(full["description"]
        .as_str()
        .unwrap()
        .contains("0812-3456-7890"));
    assert!(full["related_lead_id"].is_string());
    assert!(full["attachments"][0]["original_name"]
        .as_str()
        .unwrap()
        .contains("Sinar Rahasia"));
    let download = app.get(&format!("/api/v1/files/{file}"), &cs.token).await;
    let disposition = download.headers()["content-disposition"].to_str().unwrap();
    assert!(disposition.contains("Sinar Rahasia"), "{disposition}");
}

/// The database itself refuses Operations the raw text and the links.
#[tokio::test]
async fn operations_cannot_select_the_raw_text_or_the_links() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let exim = app.user(Role::OpsExim).await;
    let id = rfq_full_of_pii(&app, &staff).await;
    for column in [
        "subject",
        "description",
        "rfq",
        "close_reason",
        "related_lead_id",
        "related_customer_id",
        "related_prospect_id",
    ] {
        let mut tx = app.tx_as(&exim).await;
        let denied = sqlx::query(&format!("select {column} from tickets where id = $1"))
            .bind(id)
            .fetch_all(&mut *tx)
            .await;
        assert!(
            matches!(&denied, Err(sqlx::Error::Database(db)) if db.code().as_deref() == Some("42501")),
            "{column}: {denied:?}"
        );
    }
    let mut tx = app.tx_as(&exim).await;
    for sql in [
        "select array_to_string(terms, ' ') from ticket_pii_terms",
        "select comment_text from v_ops_ticket_messages m join tickets t on t.id = m.ticket_id \
          where t.company_name is not null",
    ] {
        let denied = sqlx::query(sql).fetch_all(&mut *tx).await;
        assert!(denied.is_err(), "{sql}: {denied:?}");
        drop(tx);
        tx = app.tx_as(&exim).await;
    }
    let (subject, description): (String, String) =
        sqlx::query_as("select subject, description from v_ops_tickets where id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .unwrap();
    assert_clean("v_ops_tickets", &format!("{subject} {description}"));
}

/// The redaction over the forms people type: phones with and without the country code,
/// in groups, NPWP in any punctuation, e-mails; the customer's names in any case.
#[tokio::test]
async fn redaction_covers_every_form_of_an_identifier() {
    let app = TestApp::spawn().await;
    let terms = vec![
        COMPANY.to_owned(),
        CONTACT.to_owned(),
        "+6281234567890".to_owned(),
        "0012345678901000".to_owned(),
    ];
    let cases = [
        ("telp 0812-3456-7890 ya", "telp [disamarkan] ya"),
        ("wa +62 812 3456 7890", "wa [disamarkan]"),
        ("62812.3456.7890", "[disamarkan]"),
        ("HP-081234567890.", "HP-[disamarkan]."),
        ("hp 812 3456 7890", "hp [disamarkan]"),
        ("kantor (021) 555-0199", "kantor ([disamarkan]"),
        ("+1 (415) 555-0100 US", "[disamarkan] US"),
        ("npwp 01.234.567.8-901.000", "npwp [disamarkan]"),
        ("NPWP 0012 3456 7890 1000", "NPWP [disamarkan]"),
        ("mail Budi.R@SinarRahasia.co.id!", "mail [disamarkan]"),
        ("pt. sinar  rahasia-abadi", "[disamarkan]"),
        ("SINAR RAHASIA", "[disamarkan] [disamarkan]"),
        ("pak budi", "pak [disamarkan]"),
        (
            "1.500 kg, 12 cbm, 07/12/2026",
            "1.500 kg, 12 cbm, 07/12/2026",
        ),
        ("lihat TKT-2026-000101", "lihat TKT-2026-000101"),
        ("Jakarta → Singapore", "Jakarta → Singapore"),
    ];
    for (input, expected) in cases {
        let redacted: String = sqlx::query_scalar("select app.redact_pii($1, $2)")
            .bind(input)
            .bind(&terms)
            .fetch_one(&app.owner)
            .await
            .unwrap();
        assert_eq!(redacted, expected, "{input}");
    }
    let doc: Value = sqlx::query_scalar("select app.redact_pii_json($1, $2)")
        .bind(json!({"notes": "Budi 0812 3456 7890", "weight_kg": 1500, "list": ["a@b.co"]}))
        .bind(&terms)
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(
        doc,
        json!({"notes": "[disamarkan] [disamarkan]", "weight_kg": 1500, "list": ["[disamarkan]"]})
    );
}
