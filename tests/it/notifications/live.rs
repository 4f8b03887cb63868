//! NTF-1 live: a new notification reaches its owner's event streams, and no one else's.

use std::time::Duration;

use domain::Role;
use integration_tests::{TestApp, TestUser};
use reqwest::Response;
use serde_json::json;

use super::producers::open_ticket;

struct Stream {
    response: Response,
    seen: String,
}

impl Stream {
    async fn open(app: &TestApp, user: &TestUser) -> Self {
        let response = app
            .client
            .get(app.url("/api/v1/events"))
            .bearer_auth(&user.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let mut stream = Self {
            response,
            seen: String::new(),
        };
        assert!(stream.wait_for(": connected", Duration::from_secs(5)).await);
        stream
    }

    async fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        while !self.seen.contains(needle) {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            match tokio::time::timeout(left, self.response.chunk()).await {
                Ok(Ok(Some(chunk))) => self.seen.push_str(&String::from_utf8_lossy(&chunk)),
                _ => return false,
            }
        }
        true
    }
}

#[tokio::test]
async fn a_new_notification_reaches_its_owners_stream_only() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let other = app.user(Role::CsAgent).await;
    let mut mine = Stream::open(&app, &agent).await;
    let mut theirs = Stream::open(&app, &other).await;
    let mut assigner = Stream::open(&app, &admin).await;

    let ticket = open_ticket(&app, &admin, "Live").await;
    let change = json!({"assigned_to_user_id": agent.id});
    assert_eq!(
        app.update_ticket(&admin, ticket, change).await.status(),
        200
    );

    assert!(
        mine.wait_for("event: notification.created", Duration::from_secs(5))
            .await,
        "{}",
        mine.seen
    );
    assert!(mine.wait_for("\n\n", Duration::from_secs(1)).await);
    let frame = mine
        .seen
        .split("event: notification.created\ndata: ")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap();
    let data: serde_json::Value = serde_json::from_str(frame).unwrap();
    assert_eq!(data["kind"], "ticket_assigned");
    assert_eq!(data["link"], format!("/ticketing/tickets/{ticket}"));
    assert!(data["title"].as_str().unwrap().starts_with("Tiket "));
    assert!(data.get("body").is_none());

    // The ticket's own change reaches the admin; no notification reaches anyone else.
    assert!(
        assigner
            .wait_for("event: ticket.updated", Duration::from_secs(5))
            .await
    );
    for stream in [&mut theirs, &mut assigner] {
        assert!(
            !stream
                .wait_for("notification.created", Duration::from_millis(1500))
                .await
        );
    }
}
