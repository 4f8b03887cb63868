//! CRM-7 analytics against hand-computed fixtures, in each role's own scope.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Method;
use serde_json::{json, Value};

async fn lead(app: &TestApp, user: &TestUser, company: &str, channel: &str) -> Value {
    let response = app
        .post(
            "/api/v1/leads",
            &user.token,
            json!({"company_name": company, "contact_name": "Kontak", "channel": channel}),
        )
        .await;
    assert_eq!(response.status(), 201);
    body(response).await
}

async fn stage(app: &TestApp, user: &TestUser, prospect: &Value, to: &str) {
    let mut change = json!({"stage": to});
    if to == "lost" {
        change["lost_reason"] = json!("Harga");
    }
    let response = app
        .request(
            Method::PATCH,
            &format!("/api/v1/prospects/{}/stage", prospect.as_str().unwrap()),
            Some(&user.token),
            Some(change),
        )
        .await;
    assert_eq!(response.status(), 200);
}

/// Salesperson A: 5 leads; salesperson B: 2 leads.
///   A1 website    → contacted → qualification → won
///   A2 website    → contacted → lost (furthest: contacted)
///   A3 meta_ads   → contacted → qualification → proposal
///   A4 meta_ads   (new)
///   A5 google_ads → won directly
///   B1 tiktok_ads → contacted
///   B2 referral   (new)
#[tokio::test]
async fn funnel_conversion_sources_and_ads_equal_hand_computed_figures() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let a = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let b = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let marketing = app.user(Role::MarketingManager).await;

    let a1 = lead(&app, &a, "PT A1", "website").await;
    let a2 = lead(&app, &a, "PT A2", "web").await;
    let a3 = lead(&app, &a, "PT A3", "facebook").await;
    lead(&app, &a, "PT A4", "meta_ads").await;
    let a5 = lead(&app, &a, "PT A5", "google ads").await;
    let b1 = lead(&app, &b, "PT B1", "tiktok_ads").await;
    lead(&app, &b, "PT B2", "referral").await;
    for s in ["contacted", "qualification", "won"] {
        stage(&app, &a, &a1["prospect_id"], s).await;
    }
    for s in ["contacted", "lost"] {
        stage(&app, &a, &a2["prospect_id"], s).await;
    }
    for s in ["contacted", "qualification", "proposal"] {
        stage(&app, &a, &a3["prospect_id"], s).await;
    }
    stage(&app, &a, &a5["prospect_id"], "won").await;
    stage(&app, &b, &b1["prospect_id"], "contacted").await;

    for (platform, amount) in [
        ("meta", "600000.00"),
        ("meta", "300000.00"),
        ("google", "250000.50"),
        ("tiktok", "100000"),
    ] {
        let response = app
            .post(
                "/api/v1/marketing/spend",
                &marketing.token,
                json!({"platform": platform, "spend_date": domain::jakarta_today(), "amount": amount,
                       "clicks": 10, "impressions": 1000}),
            )
            .await;
        assert_eq!(response.status(), 201);
    }

    // Whole team (the sales manager sees both salespeople).
    let funnel = body(app.get("/api/v1/crm/funnel", &manager.token).await).await;
    let steps: Vec<(String, i64, f64)> = funnel["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_owned(),
                s["count"].as_i64().unwrap(),
                s["pct_of_leads"].as_f64().unwrap(),
            )
        })
        .collect();
    // 7 leads; contacted: A1 A2 A3 A5(won) B1 = 5; qualified: A1 A3 A5 = 3; won: A1 A5 = 2.
    assert_eq!(
        steps,
        vec![
            ("lead".to_owned(), 7, 100.0),
            ("contacted".to_owned(), 5, 71.4),
            ("qualified".to_owned(), 3, 42.9),
            ("won".to_owned(), 2, 28.6),
        ]
    );
    assert_eq!(funnel["steps"][3]["pct_of_previous"], 66.7);

    let conversion = body(
        app.get("/api/v1/crm/conversion-by-channel", &manager.token)
            .await,
    )
    .await;
    let by_channel = |code: &str| {
        conversion
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["channel"] == code)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(by_channel("website")["leads"], 2);
    assert_eq!(by_channel("website")["won"], 1);
    assert_eq!(by_channel("website")["conversion_pct"], 50.0);
    assert_eq!(by_channel("meta_ads")["leads"], 2);
    assert_eq!(by_channel("meta_ads")["conversion_pct"], 0.0);
    assert_eq!(by_channel("google_ads")["conversion_pct"], 100.0);

    let sources = body(app.get("/api/v1/crm/lead-sources", &manager.token).await).await;
    let counts: Vec<(String, i64)> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["source_group"].as_str().unwrap().to_owned(),
                s["leads"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        vec![
            ("organic".to_owned(), 2),
            ("ads".to_owned(), 4),
            ("referral".to_owned(), 1),
            ("event".to_owned(), 0),
            ("other".to_owned(), 0),
        ]
    );

    // Ads: spend is marketing data; CPL = spend / leads of the platform's channels.
    let ads = body(
        app.get("/api/v1/crm/ads-performance", &marketing.token)
            .await,
    )
    .await;
    let platform = |p: &str| {
        ads.as_array()
            .unwrap()
            .iter()
            .find(|r| r["platform"] == p)
            .cloned()
            .unwrap()
    };
    assert_eq!(platform("meta")["spend"], "900000.00");
    assert_eq!(platform("meta")["leads"], 2);
    assert_eq!(platform("meta")["cpl"], "450000.00");
    assert_eq!(platform("google")["cpl"], "250000.50");
    assert_eq!(platform("tiktok")["cpl"], "100000.00");
    assert_eq!(platform("instagram")["leads"], 0);
    assert_eq!(platform("instagram")["cpl"], Value::Null);
    assert_eq!(platform("meta")["clicks"], 20);
    // Sales sees its leads per platform, not the spend.
    let ads = body(app.get("/api/v1/crm/ads-performance", &manager.token).await).await;
    assert_eq!(ads[2]["platform"], "meta");
    assert_eq!(ads[2]["spend"], "0.00");
    assert_eq!(ads[2]["leads"], 2);

    // The 6-month trend is zero-filled per month for every channel used.
    let trend = body(
        app.get("/api/v1/crm/leads-by-channel-month", &manager.token)
            .await,
    )
    .await;
    let rows = trend.as_array().unwrap();
    // website, meta_ads, google_ads, tiktok_ads, referral over six months.
    assert_eq!(rows.len(), 6 * 5);
    let this_month = domain::jakarta_today().format("%Y-%m").to_string();
    let website_now = rows
        .iter()
        .find(|r| r["month"] == this_month.as_str() && r["channel"] == "website")
        .unwrap();
    assert_eq!(website_now["leads"], 2);
    assert_eq!(
        rows.iter()
            .map(|r| r["leads"].as_i64().unwrap())
            .sum::<i64>(),
        7
    );

    // Salesperson B sees only B's figures.
    let funnel = body(app.get("/api/v1/crm/funnel", &b.token).await).await;
    assert_eq!(funnel["steps"][0]["count"], 2);
    assert_eq!(funnel["steps"][1]["count"], 1);
    assert_eq!(funnel["steps"][3]["count"], 0);

    // Team workload per salesperson.
    let workload = body(app.get("/api/v1/crm/team-workload", &manager.token).await).await;
    let of = |id: uuid::Uuid| {
        workload
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["user_id"] == id.to_string())
            .cloned()
            .unwrap()
    };
    assert_eq!(of(a.id)["leads_in_range"], 5);
    assert_eq!(of(a.id)["open_prospects"], 2);
    assert_eq!(of(a.id)["won_in_range"], 2);
    assert_eq!(of(b.id)["open_prospects"], 2);
    let solo = body(app.get("/api/v1/crm/team-workload", &b.token).await).await;
    assert_eq!(solo.as_array().unwrap().len(), 1);

    // Operations have no CRM analytics; bad ranges are 422.
    let ops = app.user(Role::OpsExim).await;
    assert_eq!(
        app.get("/api/v1/crm/funnel", &ops.token).await.status(),
        403
    );
    assert_eq!(
        app.get(
            "/api/v1/crm/funnel?from=2026-05-01&to=2026-04-01",
            &manager.token
        )
        .await
        .status(),
        422
    );
}

#[tokio::test]
async fn marketing_data_is_entered_by_marketing_and_validated() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let sales = app.user(Role::Salesperson).await;
    let director = app.user(Role::Director).await;
    let spend = json!({"platform": "tiktok", "spend_date": "2026-11-01", "amount": "1500000"});
    assert_eq!(
        app.post("/api/v1/marketing/spend", &sales.token, spend.clone())
            .await
            .status(),
        403
    );
    assert_eq!(
        app.post("/api/v1/marketing/spend", &director.token, spend.clone())
            .await
            .status(),
        403
    );
    let created = app
        .post("/api/v1/marketing/spend", &staff.token, spend)
        .await;
    assert_eq!(created.status(), 201);
    assert_eq!(body(created).await["amount"], "1500000.00");
    for (bad, field) in [
        (
            json!({"platform": "myspace", "spend_date": "2026-11-01", "amount": "1"}),
            "platform",
        ),
        (
            json!({"platform": "meta", "spend_date": "2026-11-01", "amount": "-5"}),
            "amount",
        ),
        (
            json!({"platform": "meta", "spend_date": "2026-11-01", "amount": 5}),
            "amount",
        ),
        (json!({"platform": "meta", "amount": "5"}), "spend_date"),
    ] {
        let response = app
            .post("/api/v1/marketing/spend", &staff.token, bad.clone())
            .await;
        assert_eq!(response.status(), 422, "{bad}");
        assert!(body(response).await["details"][field].is_array(), "{bad}");
    }
    let listed = body(app.get("/api/v1/marketing/spend", &director.token).await).await;
    assert_eq!(listed["total"], 1);

    let event = app
        .post(
            "/api/v1/marketing/events",
            &staff.token,
            json!({"event_date": "2026-11-10", "title": "Pameran Logistik", "event_type": "exhibition",
                   "budget": "25000000"}),
        )
        .await;
    assert_eq!(event.status(), 201);
    let channels = body(app.get("/api/v1/channels", &sales.token).await).await;
    let meta = channels
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "meta_ads")
        .unwrap();
    assert_eq!(meta["ads_platform"], "meta");
    assert!(meta["aliases"]
        .as_array()
        .unwrap()
        .contains(&json!("facebook")));

    let manager = app.user(Role::MarketingManager).await;
    let product = json!({"code": "exim-fcl", "name": "Ekspor FCL", "service": "EXIM"});
    assert_eq!(
        app.post("/api/v1/products", &staff.token, product.clone())
            .await
            .status(),
        403
    );
    let created = app
        .post("/api/v1/products", &manager.token, product.clone())
        .await;
    assert_eq!(created.status(), 201);
    assert_eq!(body(created).await["code"], "EXIM-FCL");
    assert_eq!(
        app.post("/api/v1/products", &manager.token, product)
            .await
            .status(),
        409
    );
    assert_eq!(
        body(app.get("/api/v1/products", &sales.token).await).await["total"],
        1
    );
}
