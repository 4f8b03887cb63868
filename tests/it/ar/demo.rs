//! CLI-2 for receivables: the demo book makes every part of the DSO page show something —
//! every aging bucket, a DSO series, a void invoice, unapplied credit — and each demo
//! salesperson sees only their own customers' part of it.

use integration_tests::{body, TestApp};
use serde_json::Value;

use super::text;

fn cents(value: &Value, field: &str) -> i128 {
    domain::money::text_cents(&text(value, field)).unwrap_or_else(|| panic!("{field} in {value}"))
}

async fn token(app: &TestApp, email: &str) -> String {
    app.session(email, "demo12345").await["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_demo_book_fills_every_figure_of_the_dso_page() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let finance = token(&app, "finance_manager@demo.local").await;
    let aging = body(app.get("/api/v1/ar/aging", &finance).await).await;
    let totals = &aging["totals"];
    for bucket in ["current", "d1_30", "d31_60", "d61_90", "d90_plus"] {
        assert!(cents(totals, bucket) > 0, "{bucket} is empty: {totals}");
    }
    assert!(
        cents(totals, "unapplied") < 0,
        "no unapplied credit: {totals}"
    );
    let dso = body(app.get("/api/v1/ar/dso", &finance).await).await;
    assert!(dso["dso"].is_string(), "{}", dso["dso"]);
    let with_value = dso["series"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["dso"].is_string())
        .count();
    assert!(
        with_value > 150,
        "the six-month line has {with_value} points"
    );
    let (void, partly, paid): (i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where voided_at is not null), \
                count(*) filter (where allocated > 0 and allocated < amount), \
                count(*) filter (where allocated = amount) from invoices",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(
        void >= 1 && partly >= 1 && paid >= 1,
        "void {void}, partly paid {partly}, paid {paid}"
    );

    // Each salesperson sees a part of the book, and not the other's part.
    let total = cents(totals, "total");
    let mut parts = Vec::new();
    for email in ["salesperson@demo.local", "salesperson2@demo.local"] {
        let sales = token(&app, email).await;
        let mine = body(app.get("/api/v1/ar/my-customers", &sales).await).await;
        let aging = body(app.get("/api/v1/ar/aging", &sales).await).await;
        let part = cents(&aging["totals"], "total");
        assert!(part > 0 && part < total, "{email} sees {part} of {total}");
        let ids: Vec<String> = aging["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| text(r, "customer_id"))
            .collect();
        assert!(!ids.is_empty() && mine.to_string().contains(&ids[0]));
        parts.push(ids);
    }
    assert!(
        parts[0].iter().all(|id| !parts[1].contains(id)),
        "the two books overlap"
    );
}
