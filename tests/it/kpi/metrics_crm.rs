//! Marketing metrics (KPI-3) against fixtures computed by hand: leads_total,
//! leads_by_channel (actual and breakdown), lead_conversion_rate, marketing_spend,
//! cost_per_lead (NA without ads leads) and marketing_events, for a marketing staff member,
//! the marketing manager's team and the company, with the period edges at 00:00
//! Asia/Jakarta (`2026-10-31 23:59:59+07` is October, `2026-11-01 00:00:00+07` November).
//!
//! People: `mm` the marketing manager; `s1`, `s2` staff of their team; `other` staff
//! outside it. The manager views a staff member and the own team, the director the
//! company.

use domain::Role;
use integration_tests::{TestApp, TestUser};
use serde_json::json;

use super::fixtures::{assert_actuals, card, customer, delete, lead, prospect, prospect_of, Scope};

struct People {
    director: TestUser,
    mm: TestUser,
    s1: TestUser,
    s2: TestUser,
    other: TestUser,
}

async fn people(app: &TestApp) -> People {
    let mm = app.user(Role::MarketingManager).await;
    People {
        director: app.user(Role::Director).await,
        s1: app.user_managed_by(Role::MarketingStaff, Some(mm.id)).await,
        s2: app.user_managed_by(Role::MarketingStaff, Some(mm.id)).await,
        other: app.user(Role::MarketingStaff).await,
        mm,
    }
}

/// The leads, credited to the marketing owner, else the creator:
///
/// | lead | created (+07)        | channel       | owner | creator | prospect | counts for   |
/// |------|----------------------|---------------|-------|---------|----------|--------------|
/// | L1   | 2026-11-01 00:00:00  | instagram_ads | s1    | s1      | won      | s1, Nov      |
/// | L2   | 2026-11-15 10:00     | website       | –     | s1      | open     | s1 (creator) |
/// | L3   | 2026-11-30 23:59:59  | google_ads    | s1    | s1      | open     | s1, Nov      |
/// | L4   | 2026-10-31 23:59:59  | instagram_ads | s1    | s1      | won      | s1, **Oct**  |
/// | L5   | 2026-12-01 00:00:00  | website       | s1    | s1      | open     | s1, **Dec**  |
/// | L6   | 2026-11-10 10:00     | referral      | s1    | s1      | won      | deleted      |
/// | L7   | 2026-11-12 10:00     | tiktok_ads    | s2    | s1      | won      | s2 (owner)   |
/// | L8   | 2026-11-20 10:00     | website       | s2    | s2      | open     | s2           |
/// | L9   | 2026-11-05 10:00     | instagram_ads | other | other   | won      | company      |
/// | L10  | 2026-11-06 10:00     | website       | –     | –       | open     | company      |
async fn leads(app: &TestApp, p: &People) {
    let won_customer = customer(app, None).await;
    let won = prospect_of(app, won_customer, None, "won", "0", "2026-10-01 10:00+07").await;
    let open = prospect(app, None, "0", "2026-10-01 10:00+07").await;
    let (s1, s2, other) = (Some(p.s1.id), Some(p.s2.id), Some(p.other.id));
    for (at, channel, owner, creator, prospect) in [
        ("2026-11-01 00:00:00+07", "instagram_ads", s1, s1, won),
        ("2026-11-15 10:00+07", "website", None, s1, open),
        ("2026-11-30 23:59:59+07", "google_ads", s1, s1, open),
        ("2026-10-31 23:59:59+07", "instagram_ads", s1, s1, won),
        ("2026-12-01 00:00:00+07", "website", s1, s1, open),
        ("2026-11-12 10:00+07", "tiktok_ads", s2, s1, won),
        ("2026-11-20 10:00+07", "website", s2, s2, open),
        ("2026-11-05 10:00+07", "instagram_ads", other, other, won),
        ("2026-11-06 10:00+07", "website", None, None, open),
    ] {
        lead(app, channel, owner, creator, at, prospect).await;
    }
    let deleted = lead(app, "referral", s1, s1, "2026-11-10 10:00+07", won).await;
    delete(app, "leads", deleted).await;
}

fn breakdown(card: &serde_json::Value) -> serde_json::Value {
    super::row(card, "leads_by_channel")["breakdown"].clone()
}

#[tokio::test]
async fn leads_by_channel_and_conversion_count_the_period_s_leads_per_marketing_owner() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    leads(&app, &p).await;

    // s1 in November: L1, L2 (creator), L3 = 3, one per channel (ties by key); L1's
    // prospect is won → 1 of 3 = 33.33 %. L4 is October's, L5 December's, L6 deleted,
    // L7 belongs to its owner s2.
    let s1 = card(&app, &p.mm, "2026-11", Scope::User(p.s1.id)).await;
    let counts = [
        ("leads_total", Some("3.00")),
        ("leads_by_channel", Some("3.00")),
    ];
    assert_actuals(&s1, "s1 November", &counts);
    assert_actuals(
        &s1,
        "s1 November",
        &[("lead_conversion_rate", Some("33.33"))],
    );
    assert_eq!(
        breakdown(&s1),
        json!([{"key": "google_ads", "value": "1.00"}, {"key": "instagram_ads", "value": "1.00"},
               {"key": "website", "value": "1.00"}])
    );
    // October: L4 alone (one second before November), won → 100 %; December: L5, open.
    let october = card(&app, &p.mm, "2026-10", Scope::User(p.s1.id)).await;
    let expected = [
        ("leads_total", Some("1.00")),
        ("lead_conversion_rate", Some("100.00")),
    ];
    assert_actuals(&october, "s1 October", &expected);
    assert_eq!(
        breakdown(&october),
        json!([{"key": "instagram_ads", "value": "1.00"}])
    );
    let december = card(&app, &p.mm, "2026-12", Scope::User(p.s1.id)).await;
    let expected = [
        ("leads_total", Some("1.00")),
        ("lead_conversion_rate", Some("0.00")),
    ];
    assert_actuals(&december, "s1 December", &expected);

    // The team (mm, s1, s2): s1's 3 + s2's L7, L8 = 5; website 2 (L2, L8), the others 1;
    // won L1, L7 → 2 of 5 = 40.00 %.
    let team = card(&app, &p.mm, "2026-11", Scope::Team(p.mm.id)).await;
    let expected = [
        ("leads_total", Some("5.00")),
        ("leads_by_channel", Some("5.00")),
        ("lead_conversion_rate", Some("40.00")),
    ];
    assert_actuals(&team, "team November", &expected);
    assert_eq!(
        breakdown(&team),
        json!([{"key": "website", "value": "2.00"}, {"key": "google_ads", "value": "1.00"},
               {"key": "instagram_ads", "value": "1.00"}, {"key": "tiktok_ads", "value": "1.00"}])
    );

    // The company: the team's 5 + L9 (other) + L10 (nobody's) = 7; website 3, instagram_ads
    // 2 (L1, L9); won L1, L7, L9 → 3 of 7 = 42.857… → 42.86 %.
    let company = card(&app, &p.director, "2026-11", Scope::Company).await;
    let expected = [
        ("leads_total", Some("7.00")),
        ("leads_by_channel", Some("7.00")),
        ("lead_conversion_rate", Some("42.86")),
    ];
    assert_actuals(&company, "company November", &expected);
    assert_eq!(
        breakdown(&company),
        json!([{"key": "website", "value": "3.00"}, {"key": "instagram_ads", "value": "2.00"},
               {"key": "google_ads", "value": "1.00"}, {"key": "tiktok_ads", "value": "1.00"}])
    );

    // Nothing in September: counts are a true 0, the conversion rate has no denominator.
    let september = card(&app, &p.mm, "2026-09", Scope::User(p.s1.id)).await;
    let expected = [
        ("leads_total", Some("0.00")),
        ("lead_conversion_rate", None),
    ];
    assert_actuals(&september, "s1 September", &expected);
    assert_eq!(breakdown(&september), json!([]));
}

/// Spend and events are credited to whoever entered them (dates, no time of day):
///
/// | who   | spend 10-31 | spend 11-01 | spend 11-15 | spend 11-20 | spend 11-10 | spend 11-30 | spend 12-01 |
/// |-------|-------------|-------------|-------------|-------------|-------------|-------------|-------------|
/// | s1    | 999,999.00  | 100,000.50  |             |             |             | 200,000.25  | 500,000.00  |
/// | s2    |             |             | 300,000.00  |             |             |             |             |
/// | other |             |             |             | 50,000.00   |             |             |             |
/// | –     |             |             |             |             | 25,000.00   |             |             |
///
/// Events: s1 on 10-31, 11-01, 11-30, 12-01; s2 on 11-10; mm on 11-11; other on 11-12.
async fn spend_and_events(app: &TestApp, p: &People) {
    let (s1, s2, other) = (Some(p.s1.id), Some(p.s2.id), Some(p.other.id));
    for (who, day, amount) in [
        (s1, "2026-10-31", "999999.00"),
        (s1, "2026-11-01", "100000.50"),
        (s1, "2026-11-30", "200000.25"),
        (s1, "2026-12-01", "500000.00"),
        (s2, "2026-11-15", "300000.00"),
        (other, "2026-11-20", "50000.00"),
        (None, "2026-11-10", "25000.00"),
    ] {
        sqlx::query(
            "insert into marketing_spend (platform, spend_date, amount, created_by) \
             values ('meta', $1::date, $2::numeric, $3)",
        )
        .bind(day)
        .bind(amount)
        .bind(who)
        .execute(&app.owner)
        .await
        .unwrap();
    }
    for (who, day) in [
        (s1, "2026-10-31"),
        (s1, "2026-11-01"),
        (s1, "2026-11-30"),
        (s1, "2026-12-01"),
        (s2, "2026-11-10"),
        (Some(p.mm.id), "2026-11-11"),
        (other, "2026-11-12"),
    ] {
        sqlx::query(
            "insert into marketing_activity_events (event_date, title, event_type, created_by) \
             values ($1::date, 'Pameran', 'exhibition', $2)",
        )
        .bind(day)
        .bind(who)
        .execute(&app.owner)
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn spend_cost_per_lead_and_events_follow_the_entries_of_the_period() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    leads(&app, &p).await;
    spend_and_events(&app, &p).await;

    // s1 in November: spend 100,000.50 + 200,000.25 = 300,000.75; ads leads L1
    // (instagram_ads) and L3 (google_ads) → 300,000.75 ÷ 2 = 150,000.375 → 150,000.38;
    // events 11-01 and 11-30 = 2.
    let s1 = card(&app, &p.mm, "2026-11", Scope::User(p.s1.id)).await;
    let expected = [
        ("marketing_spend", Some("300000.75")),
        ("cost_per_lead", Some("150000.38")),
        ("marketing_events", Some("2.00")),
    ];
    assert_actuals(&s1, "s1 November", &expected);

    // The team: + s2's 300,000.00 = 600,000.75 over ads leads L1, L3, L7 (tiktok_ads) = 3
    // → 200,000.25; events s1 2 + s2 1 + mm 1 = 4.
    let team = card(&app, &p.mm, "2026-11", Scope::Team(p.mm.id)).await;
    let expected = [
        ("marketing_spend", Some("600000.75")),
        ("cost_per_lead", Some("200000.25")),
        ("marketing_events", Some("4.00")),
    ];
    assert_actuals(&team, "team November", &expected);

    // The company: + other's 50,000.00 + the import's 25,000.00 = 675,000.75 over ads leads
    // L1, L3, L7, L9 = 4 → 168,750.1875 → 168,750.19; events 4 + other's 1 = 5.
    let company = card(&app, &p.director, "2026-11", Scope::Company).await;
    let expected = [
        ("marketing_spend", Some("675000.75")),
        ("cost_per_lead", Some("168750.19")),
        ("marketing_events", Some("5.00")),
    ];
    assert_actuals(&company, "company November", &expected);

    // October for s1: 999,999.00 over L4 (instagram_ads) → 999,999.00; one event.
    let october = card(&app, &p.mm, "2026-10", Scope::User(p.s1.id)).await;
    let expected = [
        ("marketing_spend", Some("999999.00")),
        ("cost_per_lead", Some("999999.00")),
        ("marketing_events", Some("1.00")),
    ];
    assert_actuals(&october, "s1 October", &expected);

    // December for s1: 500,000.00 spent but the only lead (L5) is organic → no cost per
    // lead: null and NA, never 0.
    let december = card(&app, &p.mm, "2026-12", Scope::User(p.s1.id)).await;
    let expected = [
        ("marketing_spend", Some("500000.00")),
        ("cost_per_lead", None),
        ("marketing_events", Some("1.00")),
    ];
    assert_actuals(&december, "s1 December", &expected);
    assert_eq!(super::row(&december, "cost_per_lead")["status"], "na");
}
