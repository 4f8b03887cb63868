//! The pipeline board (CRM-3): every stage with counts, sums and its latest prospects.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::super::{owner_filter, prospects::Prospect, require_crm};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct PipelineColumn {
    pub stage: domain::crm::Stage,
    pub name: String,
    pub probability: String,
    /// Prospects in this stage (all of them, not only the cards).
    pub count: i64,
    /// Σ expected_value, decimal string.
    pub total_value: String,
    /// Σ expected_value × probability, decimal string.
    pub weighted_value: String,
    /// The most recently moved prospects of the stage.
    pub prospects: Vec<Prospect>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Pipeline {
    pub columns: Vec<PipelineColumn>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineQuery {
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    /// Cards per stage (default 50, max 200).
    pub cards: Option<i64>,
}

/// The kanban board: every stage with counts, sums and its latest prospects.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(PipelineQuery),
    responses(
        (status = 200, description = "Stages in order, lost last", body = Pipeline),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
    )
)]
#[get("/pipeline")]
#[tracing::instrument(name = "GET /pipeline", skip_all)]
pub async fn get_pipeline(
    ctx: UserTx,
    query: web::Query<PipelineQuery>,
) -> ApiResult<web::Json<Pipeline>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let owner = owner_filter("owner", query.owner.as_deref(), user.id)?;
    let cards = query.cards.unwrap_or(50).clamp(1, 200);
    let (totals, rows) = persistence::crm::prospects::board(&mut tx, owner, cards).await?;
    persistence::commit(tx).await?;
    let mut cards: Vec<Prospect> = rows.into_iter().map(Prospect::from).collect();
    let columns = totals
        .into_iter()
        .map(|t| {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut cards)
                .into_iter()
                .partition(|p| p.stage == t.stage.0);
            cards = rest;
            PipelineColumn {
                stage: t.stage.0,
                name: t.name,
                probability: t.probability,
                count: t.count,
                total_value: t.total_value,
                weighted_value: t.weighted_value,
                prospects: mine,
            }
        })
        .collect();
    Ok(web::Json(Pipeline { columns }))
}
