//! GET /customers/{id}/statement: a customer's statement of account.

use actix_web::{get, web};
use chrono::{Duration, NaiveDate};
use domain::{ar::StatementLineKind, money::cents_text, ClosedSet};
use persistence::{ar::statement, Tx};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{report_day, require_reader};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementQuery {
    /// First day (default: 90 days before `to`).
    pub from: Option<NaiveDate>,
    /// Last day (default today, Asia/Jakarta).
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatementLine {
    pub date: NaiveDate,
    pub kind: StatementLineKind,
    pub id: Uuid,
    pub code: String,
    pub reference: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub debit: String,
    pub credit: String,
    /// What the customer owes after this line (negative: in credit).
    pub balance: String,
}

/// Balance brought forward, every invoice and payment of the period, closing balance.
#[derive(Debug, Serialize, ToSchema)]
pub struct Statement {
    pub customer_id: Uuid,
    pub customer_code: String,
    pub customer_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub opening_balance: String,
    pub total_debit: String,
    pub total_credit: String,
    pub closing_balance: String,
    pub lines: Vec<StatementLine>,
}

fn cents(text: &str) -> i128 {
    domain::money::text_cents(text).unwrap_or(0)
}

/// The statement of `customer` for the query's period (404 outside your AR scope).
pub(crate) async fn build(
    tx: &mut Tx,
    customer: Uuid,
    query: &StatementQuery,
) -> ApiResult<Statement> {
    let to = report_day(query.to);
    let from = query.from.unwrap_or(to - Duration::days(90));
    if from > to || (to - from).num_days() > 3 * 366 {
        return Err(ApiError::validation(
            "from",
            "must be on or before `to`, at most three years earlier",
        ));
    }
    let head = statement::head(tx, customer, from).await?;
    let rows = statement::lines(tx, customer, from, to).await?;
    let (mut balance, mut debit, mut credit) = (cents(&head.opening), 0i128, 0i128);
    let lines = rows
        .into_iter()
        .map(|l| {
            let (d, c) = (cents(&l.debit), cents(&l.credit));
            (balance, debit, credit) = (balance + d - c, debit + d, credit + c);
            StatementLine {
                date: l.day,
                kind: StatementLineKind::from_text(&l.kind).unwrap_or(StatementLineKind::Invoice),
                id: l.id,
                code: l.code,
                reference: l.reference,
                due_date: l.due_date,
                debit: l.debit,
                credit: l.credit,
                balance: cents_text(balance),
            }
        })
        .collect();
    Ok(Statement {
        customer_id: customer,
        customer_code: head.customer_code,
        customer_name: head.customer_name,
        from,
        to,
        opening_balance: head.opening,
        total_debit: cents_text(debit),
        total_credit: cents_text(credit),
        closing_balance: cents_text(balance),
        lines,
    })
}

/// A customer's statement of account: what was owed before `from`, every invoice and
/// payment to `to` with the running balance, and what is owed at the end.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Customer id"), StatementQuery),
    responses(
        (status = 200, description = "The statement", body = Statement),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 404, description = "No such customer in your AR scope", body = ErrorBody),
        (status = 422, description = "Invalid period", body = ErrorBody),
    )
)]
#[get("/customers/{id}/statement")]
#[tracing::instrument(name = "GET /customers/{id}/statement", skip_all)]
pub async fn customer_statement(
    ctx: UserTx,
    id: web::Path<Uuid>,
    query: web::Query<StatementQuery>,
) -> ApiResult<web::Json<Statement>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let statement = build(&mut tx, *id, &query).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(statement))
}
