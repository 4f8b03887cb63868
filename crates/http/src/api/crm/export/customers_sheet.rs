//! Customers as .xlsx (EXP-1).

#[allow(clippy::wildcard_imports)]
use super::*;

const CUSTOMER_HEADERS: &[&str] = &[
    "Customer code",
    "Company",
    "NPWP",
    "E-mail",
    "Phone",
    "Contact",
    "City",
    "Owner",
    "Leads",
    "Open prospects",
    "Created (UTC)",
];

/// Exports the customers matching the filters of `GET /customers`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(CustomerQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/customers")]
#[tracing::instrument(name = "GET /exports/customers", skip_all)]
pub async fn export_customers(
    ctx: UserTx,
    query: web::Query<CustomerQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), customers::SORT)?;
    let filter = query.filter(&user)?;
    let mut export = customers::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("customers", "Customers", CUSTOMER_HEADERS);
    let book = fill(sheet, rows, |row| texts(customer_cells(&row))).await?;
    persistence::commit(tx).await?;
    book.download().await
}

fn customer_cells(c: &customers::CustomerRow) -> Vec<String> {
    vec![
        c.customer_code.clone(),
        c.company_name.clone(),
        text(c.npwp.as_deref()),
        text(c.email.as_deref()),
        text(c.phone.as_deref()),
        text(c.contact_name.as_deref()),
        text(c.city.as_deref()),
        text(c.owner_name.as_deref()),
        c.lead_count.to_string(),
        c.open_prospects.to_string(),
        c.created_at.format("%Y-%m-%d %H:%M").to_string(),
    ]
}
