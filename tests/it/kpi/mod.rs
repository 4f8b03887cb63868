//! KPI engine (SPEC §4.6, KPI-1..5): every AUTO metric against fixtures computed by hand
//! (user, team and company scope, period edges at 00:00 Asia/Jakarta), targets and their
//! overlap rule, who may set what, entries, scorecard status and NA.

mod closes;
mod fixtures;
mod metrics_crm;
mod metrics_finance;
mod metrics_revenue;
mod metrics_sales;
mod metrics_tickets;
mod scorecard;
mod targets;

use integration_tests::{body, TestApp, TestUser};
use serde_json::Value;

/// `GET kpi/scorecard?{query}` as `user`, asserting 200.
pub async fn scorecard(app: &TestApp, user: &TestUser, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/kpi/scorecard?{query}"), &user.token)
        .await;
    let status = response.status();
    let json = body(response).await;
    assert_eq!(status, 200, "scorecard {query}: {json}");
    json
}

/// The scorecard row of `metric`.
pub fn row<'a>(card: &'a Value, metric: &str) -> &'a Value {
    card["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["metric_key"] == metric)
        .unwrap_or_else(|| panic!("no row {metric} in {card}"))
}

/// The actual of each month of the trend of `metric` (`None` = NA).
pub fn trend(card: &Value, metric: &str) -> Vec<Option<String>> {
    row(card, metric)["trend"]
        .as_array()
        .expect("trend")
        .iter()
        .map(|point| point["actual"].as_str().map(str::to_owned))
        .collect()
}

/// The actual of `metric` for the assignee and period of `query` (`None` = NA).
pub async fn actual(app: &TestApp, user: &TestUser, metric: &str, query: &str) -> Option<String> {
    let card = scorecard(app, user, query).await;
    row(&card, metric)["actual"].as_str().map(str::to_owned)
}
