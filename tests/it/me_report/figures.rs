//! A salesperson's report against the module endpoints, and against another salesperson.

use chrono::Duration;
use domain::Role;
use integration_tests::{TestApp, TestUser};
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{count_of, created, get_ok, lead, report, task, this_month, total};

/// What the salesperson's book holds (ids the assertions need).
pub(super) struct Book {
    pub s1: TestUser,
    pub s2: TestUser,
    s1_customer: String,
    s2_customer: String,
}

async fn patch(app: &TestApp, user: &TestUser, path: &str, change: Value) {
    let response = app
        .request(Method::PATCH, path, Some(&user.token), Some(change))
        .await;
    assert_eq!(response.status(), 200, "PATCH {path}");
}

/// A visit of `user` at `customer`: the photo uploaded first, GPS given.
async fn visit(app: &TestApp, user: &TestUser, customer: &str) {
    let jpeg: Vec<u8> = [0xFF, 0xD8, 0xFF, 0xE0]
        .into_iter()
        .chain([0u8; 64])
        .collect();
    let upload = app
        .client
        .post(app.url("/api/v1/files?bucket=prospect-evidence&name=foto.jpg"))
        .bearer_auth(&user.token)
        .header("content-type", "image/jpeg")
        .body(jpeg)
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 201);
    let file = integration_tests::body(upload).await["id"].clone();
    created(
        app,
        user,
        "/api/v1/activities",
        json!({"type": "visit", "subject": "Kunjungan", "customer_id": customer,
               "evidence_file_id": file, "latitude": -6.1950, "longitude": 106.8230}),
    )
    .await;
}

/// Salesperson 1: 3 leads (2 website, 1 walk-in; one moved to contacted), a call, a
/// meeting and a visit, 3 tasks (one overdue, one open, one done), a target of 10 sales
/// activities, and on their customer invoices of 1,000,000 (40 days overdue) and 500,000
/// (current) with 200,000 paid. Salesperson 2: 1 lead and an invoice of 700,000.
pub(super) async fn seed(app: &TestApp) -> Book {
    let manager = app.user(Role::SalesManager).await;
    let s1 = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let s2 = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let finance = app.user(Role::FinanceStaff).await;

    let first = lead(app, &s1, "PT Satu Laporan", "website").await;
    lead(app, &s1, "PT Dua Laporan", "website").await;
    lead(app, &s1, "PT Tiga Laporan", "walk-in").await;
    let other = lead(app, &s2, "PT Milik Orang Lain", "website").await;
    let lead_id = first["lead_id"].as_str().unwrap();
    patch(
        app,
        &s1,
        &format!("/api/v1/leads/{lead_id}"),
        json!({"status": "contacted"}),
    )
    .await;

    let customer = first["customer_id"].as_str().unwrap().to_owned();
    for kind in ["call", "meeting"] {
        created(
            app,
            &s1,
            "/api/v1/activities",
            json!({"type": kind, "subject": "Follow up", "customer_id": customer}),
        )
        .await;
    }
    visit(app, &s1, &customer).await;

    task(app, &s1, "Telepon ulang (terlambat)", -2).await;
    task(app, &s1, "Kirim penawaran", 1).await;
    // Due around noon of today in Jakarta, so inside this month at whatever hour the test runs.
    let to_noon = 12
        - i64::from(chrono::Timelike::hour(
            &(chrono::Utc::now() + Duration::hours(7)),
        ));
    let done = task(app, &s1, "Kirim brosur", to_noon).await;
    patch(
        app,
        &s1,
        &format!("/api/v1/tasks/{done}"),
        json!({"status": "done"}),
    )
    .await;

    created(
        app,
        &manager,
        "/api/v1/kpi/targets",
        json!({"metric_key": "sales_activities", "assignee_kind": "user",
               "assignee_user_id": s1.id, "period": this_month(), "target_value": "10"}),
    )
    .await;

    let today = domain::jakarta_today();
    let day = |offset: i64| (today + Duration::days(offset)).to_string();
    let c1: Uuid = customer.parse().unwrap();
    let c2: Uuid = other["customer_id"].as_str().unwrap().parse().unwrap();
    app.invoice_for(&finance, c1, &day(-60), &day(-40), "1000000")
        .await;
    app.invoice_for(&finance, c1, &day(0), &day(30), "500000")
        .await;
    app.pay_fifo(&finance, c1, &day(0), "200000").await;
    app.invoice_for(&finance, c2, &day(0), &day(30), "700000")
        .await;
    Book {
        s1,
        s2,
        s1_customer: customer,
        s2_customer: c2.to_string(),
    }
}

/// Every section of `me` against the module endpoints for the same user and period.
async fn assert_equals_modules(app: &TestApp, me: &TestUser, r: &Value) {
    let (from, to, as_of) = (&r["from"], &r["to"], &r["as_of"]);
    let days = format!(
        "from={}&to={}",
        from.as_str().unwrap(),
        to.as_str().unwrap()
    );

    let leads = format!("/api/v1/leads?owner=me&{days}");
    let l = &r["leads"];
    assert_eq!(l["total"], total(app, me, &leads).await);
    for s in l["by_status"].as_array().unwrap() {
        let path = format!("{leads}&status={}", s["status"].as_str().unwrap());
        assert_eq!(s["count"], total(app, me, &path).await, "{path}");
    }
    for c in l["by_channel"].as_array().unwrap() {
        let path = format!("{leads}&channel={}", c["channel"].as_str().unwrap());
        assert_eq!(c["count"], total(app, me, &path).await, "{path}");
    }

    let activities = format!("/api/v1/activities?owner=me&{days}");
    let a = &r["activities"];
    assert_eq!(a["total"], total(app, me, &activities).await);
    for t in a["by_type"].as_array().unwrap() {
        let path = format!("{activities}&type={}", t["activity_type"].as_str().unwrap());
        assert_eq!(t["count"], total(app, me, &path).await, "{path}");
    }
    assert_eq!(
        a["system"],
        total(app, me, &format!("{activities}&type=system")).await
    );
    let visits = format!(
        "/api/v1/activities?owner=me&type=visit&from={}&to={}",
        from.as_str().unwrap(),
        as_of.as_str().unwrap()
    );
    assert_eq!(a["visits_done"], total(app, me, &visits).await);

    let t = &r["tasks"];
    let (due_from, due_to) = month_instants(from, to);
    let tasks = "/api/v1/tasks?owner=me";
    assert_eq!(
        t["open"],
        total(app, me, &format!("{tasks}&status=open")).await
    );
    assert_eq!(
        t["overdue"],
        total(app, me, &format!("{tasks}&status=open&overdue=true")).await
    );
    let due = format!("{tasks}&due_from={due_from}&due_to={due_to}");
    assert_eq!(
        t["due"],
        total(app, me, &format!("{due}&status=open")).await
    );
    assert_eq!(
        t["done"],
        total(app, me, &format!("{due}&status=done")).await
    );

    let tickets = format!("/api/v1/tickets?assigned_to=me&{days}");
    let k = &r["tickets"];
    assert_eq!(k["opened"], total(app, me, &tickets).await);
    assert_eq!(
        k["closed"],
        total(app, me, &format!("{tickets}&status=closed")).await
    );
    let open_now = "/api/v1/tickets?assigned_to=me&status=open,in_progress,pending,on_hold";
    assert_eq!(k["open_now"], total(app, me, open_now).await);
    let sla = get_ok(
        app,
        me,
        &format!("/api/v1/tickets/sla?assigned_to=me&{days}"),
    )
    .await;
    assert_eq!(k["sla"], sla["totals"]);
    assert_eq!(k["sla_rows"], sla["rows"]);

    let period = r["period"].as_str().unwrap();
    let card = get_ok(
        app,
        me,
        &format!("/api/v1/kpi/scorecard?period={period}&months=1"),
    )
    .await;
    assert_eq!(r["targets"]["rows"], card["rows"]);

    let mine = get_ok(
        app,
        me,
        &format!("/api/v1/ar/my-customers?as_of={}", as_of.as_str().unwrap()),
    )
    .await;
    assert_eq!(r["ar"]["customers"], mine["customers"]);
    assert_eq!(r["ar"]["totals"], mine["totals"]);
    assert_eq!(r["ar"]["outstanding"], mine["totals"]["total"]);
}

/// `[from 00:00, to + 1 day 00:00)` Asia/Jakarta as UTC instants for a query string.
fn month_instants(from: &Value, to: &Value) -> (String, String) {
    let day = |v: &Value| v.as_str().unwrap().parse::<chrono::NaiveDate>().unwrap();
    let at = |d: chrono::NaiveDate| {
        (domain::me_report::jakarta_midnight(d))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    (at(day(from)), at(day(to) + Duration::days(1)))
}

#[tokio::test]
async fn a_salespersons_report_equals_the_module_endpoints_and_the_hand_counts() {
    let app = TestApp::spawn().await;
    let book = seed(&app).await;
    let r = report(&app, &book.s1, &format!("?period={}", this_month())).await;
    assert_eq!(r["period"], this_month());
    assert_eq!(
        r["sections"],
        json!(["leads", "activities", "tasks", "tickets", "targets", "ar"])
    );
    assert_equals_modules(&app, &book.s1, &r).await;
    // The default period is this month.
    assert_eq!(report(&app, &book.s1, "").await, r);

    // Leads: 3 created, 1 of them moved to contacted → new 3 − 1 = 2; 2 website + 1 walk-in.
    let l = &r["leads"];
    assert_eq!(l["ownership"], "sales");
    assert_eq!(l["total"], 3);
    assert_eq!(count_of(&l["by_status"], "status", "new"), 2);
    assert_eq!(count_of(&l["by_status"], "status", "contacted"), 1);
    let mut channels: Vec<i64> = l["by_channel"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_i64().unwrap())
        .collect();
    channels.sort_unstable();
    assert_eq!(channels, vec![1, 2], "{}", l["by_channel"]);

    // Activities: a call, a meeting and a visit logged by hand (the system's own entries
    // counted apart); the visit is today, so done.
    let a = &r["activities"];
    for kind in ["call", "meeting", "visit"] {
        assert_eq!(count_of(&a["by_type"], "activity_type", kind), 1, "{kind}");
    }
    assert_eq!(count_of(&a["by_type"], "activity_type", "email"), 0);
    assert_eq!(
        a["total"].as_i64().unwrap(),
        3 + a["system"].as_i64().unwrap()
    );
    assert_eq!(a["visits_done"], 1);

    // Tasks: 3 created, 1 done → open 3 − 1 = 2, of which 1 is past due.
    assert_eq!(r["tasks"]["open"], 2);
    assert_eq!(r["tasks"]["overdue"], 1);
    assert_eq!(r["tasks"]["done"], 1);

    // No ticket is assigned to a salesperson here: zeros, not an absent section.
    assert_eq!(r["tickets"]["opened"], 0);
    assert_eq!(r["tickets"]["sla"]["tickets"], 0);

    // Targets: sales activities = call + meeting + visit = 3 of a target of 10; a metric
    // of the department without any data source stays NA (null), never 0.
    let rows = r["targets"]["rows"].as_array().unwrap();
    let row = |key: &str| rows.iter().find(|x| x["metric_key"] == key).unwrap();
    let activities = row("sales_activities");
    assert_eq!(
        activities["target"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap(),
        10.0
    );
    assert_eq!(
        activities["actual"]
            .as_str()
            .unwrap()
            .parse::<f64>()
            .unwrap(),
        3.0
    );
    for na in rows.iter().filter(|x| x["status"] == "na") {
        assert!(na["actual"].is_null(), "{na}");
    }

    // AR: 1,000,000 − 200,000 paid (FIFO, the oldest due) = 800,000 in 31–60 days;
    // 500,000 current; outstanding 800,000 + 500,000 = 1,300,000; overdue 800,000.
    let ar = &r["ar"];
    assert_eq!(ar["outstanding"], "1300000.00");
    assert_eq!(ar["overdue"], "800000.00");
    assert_eq!(ar["totals"]["d31_60"], "800000.00");
    assert_eq!(ar["totals"]["current"], "500000.00");
    assert_eq!(ar["customers"].as_array().unwrap().len(), 1);
    assert_eq!(ar["customers"][0]["customer_id"], book.s1_customer.as_str());
}

#[tokio::test]
async fn another_salespersons_data_never_counts() {
    let app = TestApp::spawn().await;
    let book = seed(&app).await;
    // The report has no "whose" parameter: naming salesperson 1 changes nothing.
    let query = format!(
        "?period={}&assignee_user_id={}&owner={}",
        this_month(),
        book.s1.id,
        book.s1.id
    );
    let r = report(&app, &book.s2, &query).await;
    assert_equals_modules(&app, &book.s2, &r).await;
    // Salesperson 2 has one lead of their own and none of salesperson 1's work.
    assert_eq!(r["leads"]["total"], 1);
    for kind in ["call", "meeting", "visit"] {
        assert_eq!(
            count_of(&r["activities"]["by_type"], "activity_type", kind),
            0
        );
    }
    assert_eq!(r["activities"]["visits_done"], 0);
    assert_eq!(
        r["tasks"],
        json!({"open": 0, "overdue": 0, "due": 0, "done": 0})
    );
    let rows = r["targets"]["rows"].as_array().unwrap();
    let activities = rows
        .iter()
        .find(|x| x["metric_key"] == "sales_activities")
        .unwrap();
    assert!(activities["target"].is_null(), "{activities}");
    // Only their own customer's 700,000.
    assert_eq!(r["ar"]["outstanding"], "700000.00");
    assert_eq!(r["ar"]["overdue"], "0.00");
    let customers: Vec<&str> = r["ar"]["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["customer_id"].as_str().unwrap())
        .collect();
    assert_eq!(customers, vec![book.s2_customer.as_str()]);
}
