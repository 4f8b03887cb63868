//! The stored rollups serve what the raw events say: a day merged from its stored hours
//! equals the day computed from the raw tables (per agent and everybody's), the hour under
//! way stored in part plus what happened after it equals the whole hour, and both follow
//! the events when the runs store them again.

use domain::Role;
use integration_tests::TestApp;
use serde_json::Value;

use super::{section, sql, the_week};

const SECTIONS: [&str; 7] = [
    "kpi",
    "conversation-effectiveness",
    "whatsapp-performance",
    "customer-load",
    "agent-productivity",
    "automation-impact",
    "business-impact",
];

/// Every section of the fixture week (today's messages left out: they are today's).
async fn every_section(app: &TestApp, token: &str) -> Vec<Value> {
    let mut all = Vec::new();
    for name in SECTIONS {
        let mut v = section(app, token, name, "").await;
        if name == "kpi" {
            v["messages_today"] = Value::Null;
        }
        all.push(v);
    }
    all
}

async fn scalar(app: &TestApp, query: &str) -> i64 {
    sqlx::query_scalar(query)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

/// Stored days (16–23 Aug) whose rows differ from the raw computation of the day: per
/// agent, and everybody's against the raw agents' rows merged.
const DAYS_DIFFERING: &str = "\
  select count(*) from generate_series('2026-08-16 00:00+07'::timestamptz, '2026-08-23 00:00+07', interval '1 day') d, \
  lateral ((select s.agent_key, s.metrics from analytics_snapshots s \
             where s.granularity = 'daily' and s.bucket_start = d and s.metrics <> '{}' \
               and s.agent_key <> 'ffffffff-ffff-ffff-ffff-ffffffffffff' \
            except select w.agent_key, w.metrics from app.wa_window_metrics(d, d + interval '1 day') w) \
           union all \
           (select w.agent_key, w.metrics from app.wa_window_metrics(d, d + interval '1 day') w \
            except select s.agent_key, s.metrics from analytics_snapshots s \
             where s.granularity = 'daily' and s.bucket_start = d) \
           union all \
           (select null, null where (select s.metrics from analytics_snapshots s where s.granularity = 'daily' \
                and s.bucket_start = d and s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff') \
              is distinct from coalesce((select m.metrics from (select array_agg(''::text) as b, array_agg(w.metrics) as m \
                from app.wa_window_metrics(d, d + interval '1 day') w) a, app.wa_merged(a.b, a.m) m), '{}'))) x";

#[tokio::test]
async fn stored_days_equal_the_raw_events_and_follow_them() {
    let app = TestApp::spawn().await;
    let (a, b) = the_week(&app).await;
    let admin = app.user(Role::CsAdmin).await;
    let computed = every_section(&app, &admin.token).await;

    // The daily run as of Mon 24 Aug 01:00 WIB stores the hours of 16 Aug 00:00 to 24 Aug
    // 00:00 and the days they make: 16–23 whole, the 24th up to 01:00.
    sql(
        &app,
        "select app.wa_aggregate('daily', '2026-08-24 01:00+07', 0)",
    )
    .await;
    let days: Vec<(String, Option<String>)> = sqlx::query_as(
        "select to_char(bucket_start at time zone 'Asia/Jakarta', 'YYYY-MM-DD'), \
                to_char(covers_until at time zone 'Asia/Jakarta', 'HH24:MI') \
           from analytics_snapshots where granularity = 'daily' \
            and agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff' order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    let mut expected: Vec<(String, Option<String>)> =
        (16..=23).map(|d| (format!("2026-08-{d}"), None)).collect();
    expected.push(("2026-08-24".into(), Some("01:00".into())));
    assert_eq!(days, expected);
    assert_eq!(scalar(&app, DAYS_DIFFERING).await, 0);
    // Agents A (C1's first reply) and B (C2) have figures on Tuesday the 18th.
    let tuesday: i64 = sqlx::query_scalar(
        "select count(*) from analytics_snapshots where granularity = 'daily' \
          and bucket_start = '2026-08-18 00:00+07' and agent_key in ($1, $2) and metrics <> '{}'",
    )
    .bind(a.id)
    .bind(b.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(tuesday, 2);
    assert_eq!(
        every_section(&app, &admin.token).await,
        computed,
        "served from the days"
    );

    // A day that no longer matches its hours is stored again by the next run, and so is the
    // day of every hour an hourly run stores.
    sql(
        &app,
        "update analytics_snapshots set metrics = metrics || '{\"inbound\": 99}' \
               where granularity = 'daily' and bucket_start = '2026-08-19 00:00+07'",
    )
    .await;
    assert_ne!(every_section(&app, &admin.token).await, computed);
    sql(
        &app,
        "select app.wa_aggregate('daily', '2026-08-24 01:00+07', 0)",
    )
    .await;
    assert_eq!(scalar(&app, DAYS_DIFFERING).await, 0);
    assert_eq!(every_section(&app, &admin.token).await, computed);
    sql(
        &app,
        "select app.wa_aggregate('hourly', '2026-08-24 02:30+07', 0)",
    )
    .await;
    let covers = "select count(*) from analytics_snapshots where granularity = 'daily' \
                  and bucket_start = '2026-08-24 00:00+07' and covers_until = '2026-08-24 02:00+07' \
                  and agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff'";
    assert_eq!(scalar(&app, covers).await, 1, "the 24th up to 02:00");
}

#[tokio::test]
async fn the_hour_under_way_stored_in_part_plus_what_came_after_is_the_hour() {
    let app = TestApp::spawn().await;
    the_week(&app).await;
    let admin = app.user(Role::CsAdmin).await;
    let computed = every_section(&app, &admin.token).await;
    // C3 wrote at Wed 19 Aug 10:00:00 and 10:00:20; stored as of 10:00:10 the hour holds
    // the first message (nobody's), the second is read from the raw events.
    sql(
        &app,
        "select app.wa_store_hour_so_far('2026-08-19 10:00:10+07')",
    )
    .await;
    let part = "select coalesce(sum((metrics ->> 'inbound')::bigint), 0)::bigint from analytics_snapshots \
                where granularity = 'hourly' and bucket_start = '2026-08-19 10:00+07' \
                  and covers_until = '2026-08-19 10:00:10+07' \
                  and agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff'";
    assert_eq!(scalar(&app, part).await, 1);
    assert_eq!(every_section(&app, &admin.token).await, computed);
    // An hourly run treats the hour as missing and stores it whole.
    sql(
        &app,
        "select app.wa_aggregate('hourly', '2026-08-19 12:00+07', 10)",
    )
    .await;
    let whole = "select count(*) from analytics_snapshots where granularity = 'hourly' \
                 and bucket_start = '2026-08-19 10:00+07' and covers_until is not null";
    assert_eq!(scalar(&app, whole).await, 0);
    assert_eq!(every_section(&app, &admin.token).await, computed);
}
