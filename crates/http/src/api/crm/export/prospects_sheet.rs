//! Prospects as .xlsx (EXP-1).

#[allow(clippy::wildcard_imports)]
use super::*;

const PROSPECT_HEADERS: &[&str] = &[
    "Prospect code",
    "Customer",
    "Owner",
    "Stage",
    "Probability %",
    "Expected value",
    "Weighted value",
    "Expected close",
    "Lost reason",
    "Stage changed (UTC)",
];

/// Exports the prospects matching the filters of `GET /prospects`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ProspectQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/prospects")]
#[tracing::instrument(name = "GET /exports/prospects", skip_all)]
pub async fn export_prospects(
    ctx: UserTx,
    query: web::Query<ProspectQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), prospects::SORT)?;
    let filter = query.filter(&user)?;
    let mut export = prospects::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("prospects", "Prospects", PROSPECT_HEADERS);
    let book = fill(sheet, rows, |row| texts(prospect_cells(&row))).await?;
    persistence::commit(tx).await?;
    book.download().await
}

fn prospect_cells(p: &prospects::ProspectRow) -> Vec<String> {
    vec![
        p.prospect_code.clone(),
        text(p.customer_name.as_deref()),
        text(p.owner_name.as_deref()),
        p.stage.0.as_str().to_owned(),
        p.probability.clone(),
        p.expected_value.clone(),
        p.weighted_value.clone(),
        p.expected_close_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
        text(p.lost_reason.as_deref()),
        p.stage_changed_at.format("%Y-%m-%d %H:%M").to_string(),
    ]
}
