//! The demo seed's news: published posts, one pinned, that every role reads.

use domain::Role;
use integration_tests::{body, TestApp};

#[tokio::test]
async fn demo_seed_publishes_news_with_a_pinned_post_for_everyone() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let reader = app.user(Role::OpsDomestic).await;
    let feed = body(app.get("/api/v1/news?limit=3", &reader.token).await).await;
    let posts = feed["data"].as_array().expect("data");
    assert_eq!(posts.len(), 3, "{feed}");
    assert_eq!(posts[0]["pinned"], true);
    assert!(posts.iter().all(|p| p["state"] == "published"));
    assert!(posts[1..].iter().all(|p| p["pinned"] == false));
    assert_eq!(posts[0]["created_by_name"], "Admin Utama");
}
