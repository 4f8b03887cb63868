//! Activities as .xlsx (EXP-1).

#[allow(clippy::wildcard_imports)]
use super::*;

const ACTIVITY_HEADERS: &[&str] = &[
    "When (UTC)",
    "Type",
    "Subject",
    "Notes",
    "Customer",
    "Owner",
    "Latitude",
    "Longitude",
    "Distance (m)",
    "Next action",
];

/// Exports the activities matching the filters of `GET /activities`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ActivityQuery),
    responses(
        (status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filters, or more rows than one export holds", body = ErrorBody),
    )
)]
#[get("/exports/activities")]
#[tracing::instrument(name = "GET /exports/activities", skip_all)]
pub async fn export_activities(
    ctx: UserTx,
    query: web::Query<ActivityQuery>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    begin(&user)?;
    // Paging is not used, but its values are checked as on the list.
    crate::api::page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), activities::SORT)?;
    let filter = query.filter(&user)?;
    let mut export = activities::export(&filter, &sort, STREAM_FETCH);
    let rows = export.rows(&mut tx).await?;
    let sheet = Sheet::new("activities", "Activities", ACTIVITY_HEADERS);
    let book = fill(sheet, rows, |row| texts(activity_cells(&row))).await?;
    persistence::commit(tx).await?;
    book.download().await
}

fn activity_cells(a: &activities::ActivityRow) -> Vec<String> {
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    vec![
        a.scheduled_at
            .unwrap_or(a.occurred_at)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        a.activity_type.clone(),
        a.subject.clone(),
        a.notes.clone(),
        text(a.customer_name.as_deref()),
        text(a.owner_name.as_deref()),
        number(a.latitude),
        number(a.longitude),
        number(a.distance_m),
        text(a.next_action.as_deref()),
    ]
}
