//! TCK-1: the status machine also governs replies — a closed ticket takes no reply to the
//! customer until it is reopened (internal notes stay possible).

use domain::Role;
use integration_tests::{body, TestApp};
use serde_json::json;
use uuid::Uuid;

/// TCK-1: a reply to the customer on a closed ticket is refused until it is reopened;
/// internal notes stay possible.
#[tokio::test]
async fn a_closed_ticket_takes_no_reply_until_reopened() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let created = app
        .post(
            "/api/v1/tickets",
            &admin.token,
            json!({"subject": "Paket belum sampai", "description": "Mohon dicek",
                   "ticket_type": "general_request"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let id: Uuid = body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let path = format!("/api/v1/tickets/{id}/comments");
    let reply = json!({"comment_text": "Sudah kami kirim ulang", "is_internal_note": false});
    let closed = app
        .update_ticket(&admin, id, json!({"status": "closed"}))
        .await;
    assert_eq!(closed.status(), 200);

    let refused = app.post(&path, &admin.token, reply.clone()).await;
    assert_eq!(refused.status(), 409);
    let answer = body(refused).await;
    assert_eq!(answer["code"], "conflict");
    assert!(
        answer["error"].as_str().unwrap().contains("reopen"),
        "{answer}"
    );
    let note = app
        .post(
            &path,
            &admin.token,
            json!({"comment_text": "Pelanggan menelepon lagi", "is_internal_note": true}),
        )
        .await;
    assert_eq!(note.status(), 201);
    // Nor straight into the database.
    let mut tx = app.tx_as(&admin).await;
    let direct = sqlx::query(
        "insert into ticket_messages (ticket_id, author_user_id, comment_text, is_internal_note) \
         values ($1, $2, 'lewat belakang', false)",
    )
    .bind(id)
    .bind(admin.id)
    .execute(&mut *tx)
    .await;
    assert!(direct.is_err(), "{direct:?}");
    drop(tx);

    let reopened = app
        .update_ticket(&admin, id, json!({"status": "in_progress"}))
        .await;
    assert_eq!(reopened.status(), 200);
    let sent = app.post(&path, &admin.token, reply).await;
    assert_eq!(sent.status(), 201);
    let detail = body(app.ticket(&admin, id).await).await;
    let replies = detail["comments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["is_internal_note"] == false)
        .count();
    assert_eq!(replies, 1);
}
