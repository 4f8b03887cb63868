//! Leads as .xlsx (EXP-1).

#[allow(clippy::wildcard_imports)]
use super::*;

const LEAD_HEADERS: &[&str] = &[
    "Lead code",
    "Created (UTC)",
    "Status",
    "Channel",
    "Company",
    "Contact",
    "E-mail",
    "Phone",
    "NPWP",
    "Customer code",
    "Customer",
    "Stage",
    "Sales owner",
    "Marketing owner",
    "Need RFQ",
    "RFQ ticket",
    "UTM campaign",
];

/// Exports the leads matching the filters of `GET /leads`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(LeadQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/leads")]
#[tracing::instrument(name = "GET /exports/leads", skip_all)]
pub async fn export_leads(ctx: UserTx, query: web::Query<LeadQuery>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), leads::SORT)?;
    let filter = query.filter(&user)?;
    let mut export = leads::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("leads", "Leads", LEAD_HEADERS);
    let book = fill(sheet, rows, |row| texts(lead_cells(&row))).await?;
    persistence::commit(tx).await?;
    book.download().await
}

fn lead_cells(l: &leads::LeadRow) -> Vec<String> {
    vec![
        l.lead_code.clone(),
        l.created_at.format("%Y-%m-%d %H:%M").to_string(),
        l.status.0.as_str().to_owned(),
        l.channel.clone(),
        text(l.company_name.as_deref()),
        l.contact_name.clone(),
        text(l.email.as_deref()),
        text(l.phone.as_deref()),
        text(l.npwp.as_deref()),
        text(l.customer_code.as_deref()),
        text(l.customer_name.as_deref()),
        text(l.stage.map(|s| s.0.as_str())),
        text(l.sales_owner_name.as_deref()),
        text(l.marketing_owner_name.as_deref()),
        if l.need_rfq { "yes" } else { "no" }.to_owned(),
        text(l.ticket_code.as_deref()),
        text(l.utm_campaign.as_deref()),
    ]
}
