//! Sections by role (SPEC §3) and the period's validation.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Method;
use serde_json::{json, Value};

use super::{created, get_ok, report, this_month, total};

async fn ticket_for(app: &TestApp, admin: &TestUser, agent: &TestUser, subject: &str) -> String {
    let ticket = created(
        app,
        admin,
        "/api/v1/tickets",
        json!({"subject": subject, "description": "Mohon dibantu",
               "ticket_type": "general_request", "dept_target": "CS"}),
    )
    .await;
    let id = ticket["ticket_id"].as_str().unwrap().to_owned();
    change(app, admin, &id, json!({"assigned_to_user_id": agent.id})).await;
    id
}

async fn change(app: &TestApp, user: &TestUser, id: &str, change: Value) {
    let path = format!("/api/v1/tickets/{id}");
    let response = app
        .request(
            Method::PATCH,
            &path,
            Some(&user.token),
            Some(change.clone()),
        )
        .await;
    let status = response.status();
    assert_eq!(status, 200, "{change}: {}", body(response).await);
}

#[tokio::test]
async fn a_cs_agents_report_has_their_tickets_and_no_sales_sections() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user_managed_by(Role::CsAgent, Some(admin.id)).await;
    let agent2 = app.user_managed_by(Role::CsAgent, Some(admin.id)).await;
    let solved = ticket_for(&app, &admin, &agent, "Paket belum sampai").await;
    ticket_for(&app, &admin, &agent, "Tagihan ganda").await;
    ticket_for(&app, &admin, &agent2, "Bukan milik agen 1").await;
    change(&app, &agent, &solved, json!({"status": "in_progress"})).await;
    change(&app, &agent, &solved, json!({"status": "closed"})).await;

    let r = report(&app, &agent, &format!("?period={}", this_month())).await;
    assert_eq!(r["sections"], json!(["tickets"]));
    // Absent sections are null (an empty one has zeros: see the salesperson's tickets).
    for absent in ["leads", "activities", "tasks", "targets", "ar"] {
        assert!(r[absent].is_null(), "{absent}: {}", r[absent]);
    }

    // 2 tickets assigned to the agent (agent 2's does not count), 1 of them closed → 1 open.
    let t = &r["tickets"];
    assert_eq!(
        (
            t["opened"].as_i64(),
            t["closed"].as_i64(),
            t["open_now"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(t["sla"]["tickets"], 2);
    // Closed within seconds: its resolution met the target.
    assert_eq!(t["sla"]["resolution_met"], 1);

    // The same figures as the ticket queue and the SLA report for the agent.
    let days = format!(
        "from={}&to={}",
        r["from"].as_str().unwrap(),
        r["to"].as_str().unwrap()
    );
    let queue = format!("/api/v1/tickets?assigned_to=me&{days}");
    assert_eq!(t["opened"], total(&app, &agent, &queue).await);
    assert_eq!(
        t["closed"],
        total(&app, &agent, &format!("{queue}&status=closed")).await
    );
    let sla = get_ok(
        &app,
        &agent,
        &format!("/api/v1/tickets/sla?assigned_to=me&{days}"),
    )
    .await;
    assert_eq!(t["sla"], sla["totals"]);

    // The agent's export has exactly the ticket sheet.
    let export = app.export(&agent, "me-report", "").await;
    assert_eq!(export.status(), 200);
    let bytes = export.bytes().await.unwrap().to_vec();
    let book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(calamine::Reader::sheet_names(&book), vec!["Tickets"]);
}

#[tokio::test]
async fn sections_follow_the_roles_menus() {
    let app = TestApp::spawn().await;
    let cases = [
        (
            Role::MarketingStaff,
            json!(["leads", "activities", "tasks", "targets"]),
        ),
        (Role::FinanceStaff, json!(["tasks", "ar"])),
        (Role::OpsExim, json!(["tickets"])),
        (
            Role::Director,
            json!(["leads", "activities", "tickets", "targets", "ar"]),
        ),
    ];
    for (role, sections) in cases {
        let user = app.user(role).await;
        let r = report(&app, &user, "").await;
        assert_eq!(r["sections"], sections, "{role:?}");
        for key in ["leads", "activities", "tasks", "tickets", "targets", "ar"] {
            let listed = sections.as_array().unwrap().iter().any(|s| s == key);
            assert_eq!(!r[key].is_null(), listed, "{role:?} {key}");
        }
    }
    let marketing = app.user(Role::MarketingStaff).await;
    assert_eq!(
        report(&app, &marketing, "").await["leads"]["ownership"],
        "marketing"
    );
}

#[tokio::test]
async fn a_bad_period_is_422_and_signed_out_is_401() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    for bad in ["2026-13", "2026-Q4", "2026", "november", "2026-11-01"] {
        let response = app
            .get(&format!("/api/v1/me/report?period={bad}"), &sales.token)
            .await;
        assert_eq!(response.status(), 422, "{bad}");
        let error = body(response).await;
        assert!(error["details"]["period"].is_array(), "{error}");
        let export = app
            .export(&sales, "me-report", &format!("?period={bad}"))
            .await;
        assert_eq!(export.status(), 422, "export {bad}");
    }
    let anonymous = app
        .request(Method::GET, "/api/v1/me/report", None, None)
        .await;
    assert_eq!(anonymous.status(), 401);
}
