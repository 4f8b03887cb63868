//! POST /marketing/spend: records the ad spend of one platform and day.

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use domain::{
    crm::marketing::{MarketingAccess, RecordSpend, SpendInput},
    FieldErrors,
};
use persistence::crm::marketing::{self, NewSpend};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

use super::dto::*;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateSpendRequest {
    /// tiktok, instagram, meta or google.
    pub platform: Option<String>,
    pub spend_date: Option<NaiveDate>,
    /// IDR, decimal string.
    #[schema(example = "1500000.00")]
    pub amount: Option<String>,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
}

/// The request checked against the rules of a spend entry, every broken rule at once.
impl TryFrom<CreateSpendRequest> for RecordSpend {
    type Error = FieldErrors;

    fn try_from(b: CreateSpendRequest) -> Result<Self, FieldErrors> {
        RecordSpend::parse(SpendInput {
            platform: b.platform,
            spend_date: b.spend_date,
            amount: b.amount,
            impressions: b.impressions,
            clicks: b.clicks,
            campaign: b.campaign,
        })
    }
}

/// Records ad spend of one platform and day. Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateSpendRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Recorded", body = Spend),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing only", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/marketing/spend")]
#[tracing::instrument(name = "POST /marketing/spend", skip_all)]
pub async fn create_spend(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateSpendRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, MarketingAccess::enters)?;
    let spend = RecordSpend::try_from(body.value).map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let row = marketing::insert_spend(&mut tx, &record(spend, user.id)).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &Spend::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// The row to insert.
fn record(spend: RecordSpend, by: Uuid) -> NewSpend {
    NewSpend {
        platform: spend.platform.as_str().to_owned(),
        spend_date: spend.spend_date,
        amount: spend.amount.to_string(),
        impressions: spend.impressions,
        clicks: spend.clicks,
        campaign: spend.campaign,
        created_by: by,
    }
}
