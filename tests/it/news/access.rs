//! Who reads which post: by the API (list and id) and directly in the database.

use chrono::{Duration, Utc};
use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::json;

use super::{created, feed, on_post, published};

#[tokio::test]
async fn readers_see_only_published_posts_of_their_audience_and_admins_see_drafts() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let everyone = created(&app, &admin, published("Untuk semua", 1)).await;
    let draft = created(&app, &admin, json!({"title": "Draf", "body": "belum"})).await;
    let scheduled = created(&app, &admin, published("Terjadwal", -2)).await;
    let mut for_cs = published("Khusus CS", 1);
    for_cs["audience_roles"] = json!(["cs_agent", "cs_admin"]);
    let cs_only = created(&app, &admin, for_cs).await;

    let hidden = [&draft, &scheduled, &cs_only];
    for role in [Role::Salesperson, Role::Director, Role::FinanceStaff] {
        let reader = app.user(role).await;
        let ids = feed(&app, &reader, "").await;
        assert_eq!(ids, std::slice::from_ref(&everyone), "{role}");
        let listed = body(app.get("/api/v1/news", &reader.token).await).await;
        assert_eq!(listed["total"], 1, "{role}: {listed}");
        for id in hidden {
            let (status, err) = on_post(&app, &reader, Method::GET, id, None).await;
            assert_eq!(status, 404, "{role} reads {id}: {err}");
            assert_eq!(err["code"], "not_found");
        }
        // Asking for drafts does not reveal them either.
        assert!(
            feed(&app, &reader, "?state=draft").await.is_empty(),
            "{role}"
        );
        let (status, _) = on_post(&app, &reader, Method::GET, &everyone, None).await;
        assert_eq!(status, 200, "{role}");
    }

    let agent = app.user(Role::CsAgent).await;
    let mut agent_ids = feed(&app, &agent, "").await;
    agent_ids.sort();
    let mut expected = vec![everyone.clone(), cs_only.clone()];
    expected.sort();
    assert_eq!(agent_ids, expected);
    let (status, post) = on_post(&app, &agent, Method::GET, &cs_only, None).await;
    assert_eq!(status, 200);
    assert_eq!(post["audience_roles"], json!(["cs_admin", "cs_agent"]));
    assert_eq!(post["state"], "published");

    // The administrator sees every post with its state, and filters by state.
    assert_eq!(feed(&app, &admin, "").await.len(), 4);
    assert_eq!(feed(&app, &admin, "?state=draft").await, [draft.as_str()]);
    assert_eq!(
        feed(&app, &admin, "?state=scheduled").await,
        [scheduled.as_str()]
    );
    let (_, d) = on_post(&app, &admin, Method::GET, &draft, None).await;
    assert_eq!(
        (d["state"].as_str(), d["published_at"].is_null()),
        (Some("draft"), true)
    );
    let (_, s) = on_post(&app, &admin, Method::GET, &scheduled, None).await;
    assert_eq!(s["state"], "scheduled");
}

#[tokio::test]
async fn the_database_hides_drafts_and_refuses_readers_writes() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let draft = created(&app, &admin, json!({"title": "Draf", "body": "x"})).await;
    let draft_id: uuid::Uuid = draft.parse().unwrap();
    let seller = app.user(Role::Salesperson).await;

    let mut tx = app.tx_as(&seller).await;
    let seen: i64 = sqlx::query_scalar("select count(*) from news")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(seen, 0, "a salesperson reads a draft in the database");
    drop(tx);

    for sql in [
        "insert into news (title, body, published_at, created_by, updated_by) \
         values ('x', 'y', now(), app.uid(), app.uid())",
        "update news set title = 'hacked', published_at = now() where id = $1",
        "delete from news where id = $1",
    ] {
        let mut tx = app.tx_as(&seller).await;
        let mut query = sqlx::query(sql);
        if sql.contains("$1") {
            query = query.bind(draft_id);
        }
        let err = query.execute(&mut *tx).await.expect_err(sql);
        let code = err
            .as_database_error()
            .and_then(|d| d.code())
            .map(|c| c.into_owned());
        assert_eq!(code.as_deref(), Some("42501"), "{sql}: {err}");
    }
    // The director, too, writes nothing.
    let director = app.user(Role::Director).await;
    let mut tx = app.tx_as(&director).await;
    let err = sqlx::query("update news set pinned = true where id = $1")
        .bind(draft_id)
        .execute(&mut *tx)
        .await
        .expect_err("director update");
    assert_eq!(
        err.as_database_error().and_then(|d| d.code()).as_deref(),
        Some("42501")
    );
    drop(tx);

    // An administrator cannot write a post in someone else's name.
    let other = app.user(Role::SuperAdmin).await;
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query(
        "insert into news (title, body, created_by, updated_by) values ('x', 'y', $1, $1)",
    )
    .bind(other.id)
    .execute(&mut *tx)
    .await
    .expect_err("forged author");
    assert_eq!(
        err.as_database_error().and_then(|d| d.code()).as_deref(),
        Some("42501")
    );
    drop(tx);

    // Scheduled becomes visible once its time has come (moved into the past by the owner).
    let scheduled = created(&app, &admin, published("Nanti", -1)).await;
    assert!(feed(&app, &seller, "").await.is_empty());
    sqlx::query("update news set published_at = $2 where id = $1")
        .bind(scheduled.parse::<uuid::Uuid>().unwrap())
        .bind(Utc::now() - Duration::minutes(1))
        .execute(&app.owner)
        .await
        .unwrap();
    assert_eq!(feed(&app, &seller, "").await, [scheduled]);
}
