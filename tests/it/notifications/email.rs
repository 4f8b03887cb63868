//! NTF-1 e-mail: with SMTP configured a notification its owner wants by e-mail becomes one
//! mail; with the SMTP server down the outbox keeps it and sends it later; off by default.

use domain::Role;
use integration_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::json;
use server::mail::{deliver_due, Mailer, SmtpSettings, SmtpTls};

use super::{producers::open_ticket, smtp::SmtpServer};

fn mailer(port: u16) -> Mailer {
    Mailer::new(&SmtpSettings {
        url: None,
        host: Some("127.0.0.1".to_owned()),
        port,
        username: None,
        password: None,
        tls: SmtpTls::None,
        from: "Command Center <no-reply@test.local>".to_owned(),
        base_url: "https://cc.test.local".to_owned(),
    })
    .unwrap()
}

async fn wants_tickets_by_email(app: &TestApp, user: &TestUser) {
    let put = app
        .request(
            Method::PUT,
            "/api/v1/me/notification-preferences",
            Some(&user.token),
            Some(json!({"preferences": [{"kind": "ticket_assigned", "email": true}]})),
        )
        .await;
    assert_eq!(put.status(), 200);
}

/// (status, attempts, last error) of every outbox row.
async fn outbox(app: &TestApp) -> Vec<(String, i32, Option<String>)> {
    sqlx::query_as("select status, attempts, last_error from email_outbox order by created_at")
        .fetch_all(&app.owner)
        .await
        .unwrap()
}

/// A ticket assigned to `agent` by a CS admin; returns its code.
async fn assign_ticket(app: &TestApp, agent: &TestUser) -> String {
    let admin = app.user(Role::CsAdmin).await;
    let ticket = open_ticket(app, &admin, "Surel").await;
    let change = json!({"assigned_to_user_id": agent.id});
    assert_eq!(
        app.update_ticket(&admin, ticket, change).await.status(),
        200
    );
    sqlx::query_scalar("select ticket_code from tickets where id = $1")
        .bind(ticket)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

#[tokio::test]
async fn with_smtp_a_notification_wanted_by_email_becomes_exactly_one_mail() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start(0).await;
    let agent = app.user(Role::CsAgent).await;
    let bystander = app.user(Role::CsAgent).await;
    wants_tickets_by_email(&app, &agent).await;
    wants_tickets_by_email(&app, &bystander).await;
    let code = assign_ticket(&app, &agent).await;
    assert_eq!(outbox(&app).await, vec![("pending".to_owned(), 0, None)]);

    let mailer = mailer(smtp.port);
    let done = deliver_due(&app.db, &mailer).await.unwrap();
    assert_eq!((done.sent, done.failed), (1, 0));
    // Nothing left to send.
    let again = deliver_due(&app.db, &mailer).await.unwrap();
    assert_eq!((again.sent, again.failed), (0, 0));

    let mails = smtp.mails();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].recipients, vec![agent.email.clone()]);
    assert_eq!(
        mails[0].header("Subject").unwrap(),
        format!("[Command Center] Tiket {code} ditugaskan kepada Anda")
    );
    assert!(mails[0]
        .data
        .contains("https://cc.test.local/ticketing/tickets/"));
    assert_eq!(outbox(&app).await, vec![("sent".to_owned(), 1, None)]);
}

#[tokio::test]
async fn with_smtp_down_the_outbox_keeps_the_mail_and_sends_it_once_the_server_is_up() {
    let app = TestApp::spawn().await;
    // A free port with nothing listening on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let agent = app.user(Role::CsAgent).await;
    wants_tickets_by_email(&app, &agent).await;
    assign_ticket(&app, &agent).await;
    let mailer = mailer(port);

    let down = deliver_due(&app.db, &mailer).await.unwrap();
    assert_eq!((down.sent, down.failed), (0, 1));
    let rows = outbox(&app).await;
    assert_eq!((rows[0].0.as_str(), rows[0].1), ("pending", 1));
    assert!(rows[0].2.is_some());
    // Not due again before its backoff has passed.
    let early = deliver_due(&app.db, &mailer).await.unwrap();
    assert_eq!((early.sent, early.failed), (0, 0));

    let smtp = SmtpServer::start(port).await;
    sqlx::query("update email_outbox set next_attempt_at = now()")
        .execute(&app.owner)
        .await
        .unwrap();
    let up = deliver_due(&app.db, &mailer).await.unwrap();
    assert_eq!((up.sent, up.failed), (1, 0));
    assert_eq!(smtp.mails().len(), 1);
    assert_eq!(smtp.mails()[0].recipients, vec![agent.email.clone()]);
    assert_eq!(outbox(&app).await, vec![("sent".to_owned(), 2, None)]);
}

#[tokio::test]
async fn e_mail_is_off_by_default() {
    let app = TestApp::spawn().await;
    let smtp = SmtpServer::start(0).await;
    // No preference set: nothing is queued, whatever the server's settings.
    let quiet = app.user(Role::CsAgent).await;
    assign_ticket(&app, &quiet).await;
    assert!(outbox(&app).await.is_empty());
    let mailer = mailer(smtp.port);
    assert_eq!(deliver_due(&app.db, &mailer).await.unwrap().sent, 0);

    // Wanted by e-mail but no SMTP settings: the worker sends nothing; the mail waits.
    let keen = app.user(Role::CsAgent).await;
    wants_tickets_by_email(&app, &keen).await;
    assign_ticket(&app, &keen).await;
    server::worker::run_once(&app.db).await.unwrap();
    assert_eq!(outbox(&app).await, vec![("pending".to_owned(), 0, None)]);
    assert!(smtp.mails().is_empty());
    // Without SMTP_URL or SMTP_HOST, the configuration has no e-mail at all.
    if std::env::var_os("SMTP_URL").is_none() && std::env::var_os("SMTP_HOST").is_none() {
        assert!(SmtpSettings::from_env().unwrap().is_none());
    }
}
