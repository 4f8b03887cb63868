//! CRM-2: one lead, one prospect. The handover gives the prospect the lead bundle made to
//! the salesperson — same id, readable by them — instead of opening a second one.

use domain::Role;
use integration_tests::{body, TestApp};
use serde_json::json;
use uuid::Uuid;

use super::create_lead;

async fn prospects_of_customer(app: &TestApp, customer: &str) -> Vec<(Uuid, Option<Uuid>)> {
    sqlx::query_as(
        "select id, owner_user_id from prospects where customer_id = $1::uuid \
          and deleted_at is null order by created_at",
    )
    .bind(customer)
    .fetch_all(&app.owner)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_handover_moves_the_bundles_prospect_to_the_salesperson() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let manager = app.user(Role::MarketingManager).await;
    let sales = app.user(Role::Salesperson).await;
    let other = app.user(Role::Salesperson).await;
    let created = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Satu Prospek", "contact_name": "Wati", "channel": "website",
               "need_rfq": true,
               "rfq": {"service": "DOM", "origin": "Surabaya", "destination": "Makassar",
                       "commodity": "Semen"}}),
    )
    .await;
    let lead = created["lead_id"].as_str().unwrap();
    let prospect = created["prospect_id"].as_str().unwrap();
    let customer = created["customer_id"].as_str().unwrap();
    let ticket = created["ticket_id"].as_str().unwrap();
    // Before the handover the salesperson cannot read it.
    assert_eq!(app.prospect(&sales, prospect).await.status(), 404);

    let assigned = app.assign_lead(&manager, lead, sales.id).await;
    assert_eq!(assigned.status(), 200);
    let assigned = body(assigned).await;
    assert_eq!(assigned["prospect_id"], prospect);

    // Exactly one prospect for the lead's customer, the bundle's, owned by the salesperson.
    let prospects = prospects_of_customer(&app, customer).await;
    assert_eq!(
        prospects,
        vec![(prospect.parse().unwrap(), Some(sales.id))],
        "one lead, one prospect"
    );
    let read = app.prospect(&sales, prospect).await;
    assert_eq!(read.status(), 200);
    assert_eq!(body(read).await["owner_user_id"], sales.id.to_string());
    let lead_now = body(app.lead(&sales, lead).await).await;
    assert_eq!(lead_now["prospect_id"], prospect);
    let linked: Uuid =
        sqlx::query_scalar("select related_prospect_id from tickets where id = $1::uuid")
            .bind(ticket)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(linked.to_string(), prospect);

    // Handed on to a colleague: still the same prospect, now theirs; the first one lost it.
    let again = app.assign_lead(&manager, lead, other.id).await;
    assert_eq!(again.status(), 200);
    assert_eq!(body(again).await["prospect_id"], prospect);
    assert_eq!(
        prospects_of_customer(&app, customer).await,
        vec![(prospect.parse().unwrap(), Some(other.id))]
    );
    assert_eq!(app.prospect(&other, prospect).await.status(), 200);
    assert_eq!(app.prospect(&sales, prospect).await.status(), 404);
}

/// A customer the salesperson already works: the lead joins their prospect, its RFQ
/// ticket follows, and the unassigned one left behind is retired.
#[tokio::test]
async fn a_lead_of_a_customer_the_salesperson_already_works_joins_their_prospect() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let manager = app.user(Role::MarketingManager).await;
    let sales = app.user(Role::Salesperson).await;
    let first = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Dua Lead", "contact_name": "Andi", "channel": "website"}),
    )
    .await;
    let assigned = app
        .assign_lead(&manager, first["lead_id"].as_str().unwrap(), sales.id)
        .await;
    assert_eq!(assigned.status(), 200);
    let second = create_lead(
        &app,
        &staff,
        json!({"company_name": "PT Dua Lead", "contact_name": "Andi", "channel": "website",
               "need_rfq": true,
               "rfq": {"service": "DOM", "origin": "Medan", "destination": "Batam",
                       "commodity": "Karet"}}),
    )
    .await;
    assert_eq!(second["customer_id"], first["customer_id"]);
    assert_ne!(second["prospect_id"], first["prospect_id"]);
    let moved = app
        .assign_lead(&manager, second["lead_id"].as_str().unwrap(), sales.id)
        .await;
    assert_eq!(moved.status(), 200);
    assert_eq!(body(moved).await["prospect_id"], first["prospect_id"]);
    let customer = first["customer_id"].as_str().unwrap();
    assert_eq!(
        prospects_of_customer(&app, customer).await,
        vec![(
            first["prospect_id"].as_str().unwrap().parse().unwrap(),
            Some(sales.id)
        )]
    );
    let linked: Uuid =
        sqlx::query_scalar("select related_prospect_id from tickets where id = $1::uuid")
            .bind(second["ticket_id"].as_str().unwrap())
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(linked.to_string(), first["prospect_id"].as_str().unwrap());
}
