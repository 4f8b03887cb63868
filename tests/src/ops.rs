//! One helper per API operation, so a test reads like the API it exercises:
//! `app.create_lead(&sales, body)`, `app.ticket(&agent, id)`. Each returns the raw
//! response; the test asserts its status and body. `query` arguments are the query string
//! as sent (`""`, `"?status=open"`).

use reqwest::{Method, Response};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::{TestApp, TestUser};

impl TestApp {
    async fn call(
        &self,
        method: Method,
        path: &str,
        user: &TestUser,
        body: Option<Value>,
    ) -> Response {
        self.request(method, path, Some(&user.token), body).await
    }

    // ---- auth and the platform ------------------------------------------------------

    /// `GET /auth/me`.
    pub async fn me(&self, user: &TestUser) -> Response {
        self.call(Method::GET, "/api/v1/auth/me", user, None).await
    }

    /// `GET /dashboard/summary`.
    pub async fn dashboard(&self, user: &TestUser) -> Response {
        self.call(Method::GET, "/api/v1/dashboard/summary", user, None)
            .await
    }

    /// `GET /notifications{query}`.
    pub async fn notifications(&self, user: &TestUser, query: &str) -> Response {
        self.call(
            Method::GET,
            &format!("/api/v1/notifications{query}"),
            user,
            None,
        )
        .await
    }

    /// `GET /users{query}`.
    pub async fn users(&self, user: &TestUser, query: &str) -> Response {
        self.call(Method::GET, &format!("/api/v1/users{query}"), user, None)
            .await
    }

    /// `PATCH /users/{id}`.
    pub async fn update_user(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        changes: Value,
    ) -> Response {
        self.call(
            Method::PATCH,
            &format!("/api/v1/users/{id}"),
            user,
            Some(changes),
        )
        .await
    }

    // ---- CRM ------------------------------------------------------------------------

    /// `POST /leads`: the lead bundle.
    pub async fn create_lead(&self, user: &TestUser, lead: Value) -> Response {
        self.call(Method::POST, "/api/v1/leads", user, Some(lead))
            .await
    }

    /// `GET /leads{query}`.
    pub async fn leads(&self, user: &TestUser, query: &str) -> Response {
        self.call(Method::GET, &format!("/api/v1/leads{query}"), user, None)
            .await
    }

    /// `GET /leads/{id}`.
    pub async fn lead(&self, user: &TestUser, id: impl std::fmt::Display) -> Response {
        self.call(Method::GET, &format!("/api/v1/leads/{id}"), user, None)
            .await
    }

    /// `POST /leads/{id}/assign`.
    pub async fn assign_lead(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        owner: Uuid,
    ) -> Response {
        let body = json!({ "sales_owner_user_id": owner });
        self.call(
            Method::POST,
            &format!("/api/v1/leads/{id}/assign"),
            user,
            Some(body),
        )
        .await
    }

    /// `GET /customers/{id}`: Customer 360.
    pub async fn customer(&self, user: &TestUser, id: impl std::fmt::Display) -> Response {
        self.call(Method::GET, &format!("/api/v1/customers/{id}"), user, None)
            .await
    }

    /// `PATCH /customers/{id}`.
    pub async fn update_customer(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        changes: Value,
    ) -> Response {
        self.call(
            Method::PATCH,
            &format!("/api/v1/customers/{id}"),
            user,
            Some(changes),
        )
        .await
    }

    /// `GET /prospects/{id}`.
    pub async fn prospect(&self, user: &TestUser, id: impl std::fmt::Display) -> Response {
        self.call(Method::GET, &format!("/api/v1/prospects/{id}"), user, None)
            .await
    }

    /// `PATCH /prospects/{id}`.
    pub async fn update_prospect(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        changes: Value,
    ) -> Response {
        self.call(
            Method::PATCH,
            &format!("/api/v1/prospects/{id}"),
            user,
            Some(changes),
        )
        .await
    }

    /// `PATCH /prospects/{id}/stage`.
    pub async fn move_prospect(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        change: Value,
    ) -> Response {
        let path = format!("/api/v1/prospects/{id}/stage");
        self.call(Method::PATCH, &path, user, Some(change)).await
    }

    // ---- tickets --------------------------------------------------------------------

    /// `GET /tickets{query}`: the queue.
    pub async fn tickets(&self, user: &TestUser, query: &str) -> Response {
        self.call(Method::GET, &format!("/api/v1/tickets{query}"), user, None)
            .await
    }

    /// `GET /tickets/{id}`.
    pub async fn ticket(&self, user: &TestUser, id: impl std::fmt::Display) -> Response {
        self.call(Method::GET, &format!("/api/v1/tickets/{id}"), user, None)
            .await
    }

    /// `PATCH /tickets/{id}`.
    pub async fn update_ticket(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        changes: Value,
    ) -> Response {
        self.call(
            Method::PATCH,
            &format!("/api/v1/tickets/{id}"),
            user,
            Some(changes),
        )
        .await
    }

    /// `GET /broadcast-logs{query}`: the broadcast monitor's log.
    pub async fn broadcast_logs(&self, user: &TestUser, query: &str) -> Response {
        self.call(
            Method::GET,
            &format!("/api/v1/broadcast-logs{query}"),
            user,
            None,
        )
        .await
    }

    /// `GET /exports/{resource}{query}`: a list as .xlsx (EXP-1).
    pub async fn export(&self, user: &TestUser, resource: &str, query: &str) -> Response {
        self.call(
            Method::GET,
            &format!("/api/v1/exports/{resource}{query}"),
            user,
            None,
        )
        .await
    }

    // ---- receivables ----------------------------------------------------------------

    /// `POST /invoices`.
    pub async fn create_invoice(&self, user: &TestUser, invoice: Value) -> Response {
        self.call(Method::POST, "/api/v1/invoices", user, Some(invoice))
            .await
    }

    /// `POST /invoices` for `customer` of `amount`, dated and due as given; returns its id
    /// (asserting 201).
    pub async fn invoice_for(
        &self,
        user: &TestUser,
        customer: Uuid,
        invoice_date: &str,
        due_date: &str,
        amount: &str,
    ) -> Uuid {
        let response = self
            .create_invoice(
                user,
                json!({"customer_id": customer, "invoice_date": invoice_date,
                       "due_date": due_date, "amount": amount}),
            )
            .await;
        assert_eq!(response.status(), 201, "create invoice");
        id_of(response).await
    }

    /// `GET /invoices/{id}`.
    pub async fn invoice(&self, user: &TestUser, id: impl std::fmt::Display) -> Response {
        self.call(Method::GET, &format!("/api/v1/invoices/{id}"), user, None)
            .await
    }

    /// `POST /invoices/{id}/void`.
    pub async fn void_invoice(
        &self,
        user: &TestUser,
        id: impl std::fmt::Display,
        reason: &str,
    ) -> Response {
        self.call(
            Method::POST,
            &format!("/api/v1/invoices/{id}/void"),
            user,
            Some(json!({"reason": reason})),
        )
        .await
    }

    /// `POST /payments`.
    pub async fn create_payment(&self, user: &TestUser, payment: Value) -> Response {
        self.call(Method::POST, "/api/v1/payments", user, Some(payment))
            .await
    }

    /// `POST /payments` allocated FIFO; returns the body (asserting 201).
    pub async fn pay_fifo(
        &self,
        user: &TestUser,
        customer: Uuid,
        payment_date: &str,
        amount: &str,
    ) -> Value {
        let response = self
            .create_payment(
                user,
                json!({"customer_id": customer, "payment_date": payment_date, "amount": amount}),
            )
            .await;
        assert_eq!(response.status(), 201, "create payment");
        response.json().await.expect("payment json")
    }

    /// `GET /ar/{report}{query}` (outstanding, aging, dso, my-customers).
    pub async fn ar(&self, user: &TestUser, report: &str, query: &str) -> Response {
        self.call(
            Method::GET,
            &format!("/api/v1/ar/{report}{query}"),
            user,
            None,
        )
        .await
    }
}

/// The `id` of a created resource's body.
pub async fn id_of(response: Response) -> Uuid {
    let body: Value = response.json().await.expect("json body");
    body["id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no id in {body}"))
}
