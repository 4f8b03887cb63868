use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{auth::ApiScope, Capability, FieldErrors};
use persistence::api_keys::{self, NewApiKey};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiKey;
use crate::{
    api::require,
    credentials::{new_api_key, sha256_hex},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    #[schema(example = "n8n production")]
    pub name: Option<String>,
    #[schema(example = json!(["tickets:write", "broadcast:write"]))]
    pub scopes: Option<Vec<String>>,
    /// Requests per minute the key may make (a bucket of this size refilled over a
    /// minute; over it: 429 with `Retry-After`). 1 to 1,000,000; default 1,200.
    #[schema(minimum = 1, maximum = 1_000_000, example = 1200)]
    pub rate_limit_per_minute: Option<i64>,
}

/// The rate of a key created without one: 20 requests a second, in bursts of 1,200
/// (n8n batches).
pub const DEFAULT_RATE_LIMIT_PER_MINUTE: i32 = 1200;

/// A new key: the only response that ever contains the key itself.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub api_key: ApiKey,
    /// The key, shown once. Send it as `X-API-KEY`.
    pub key: String,
}

/// Creates an API key with scopes (AUTH-4). The key is returned once and stored hashed.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer" = [])),
    request_body = CreateApiKeyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Created; `key` is shown only now", body = CreatedApiKey),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a super admin", body = ErrorBody),
        (status = 422, description = "Invalid name or scopes", body = ErrorBody),
    )
)]
#[post("/api-keys")]
#[tracing::instrument(name = "POST /api-keys", skip_all)]
pub async fn create_api_key(
    ctx: UserTx,
    req: HttpRequest,
    idempotency_key: IdempotencyKey,
    body: ValidJson<CreateApiKeyRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require(&user, Capability::ManageApiKeys)?;
    let (name, scopes, rate_limit_per_minute) = parse(&body.value)?;
    let idem = match Idempotency::claim(&mut tx, idempotency_key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let (key, prefix) = new_api_key();
    let row = api_keys::insert(
        &mut tx,
        &NewApiKey {
            name: &name,
            key_prefix: &prefix,
            key_hash: &sha256_hex(&key),
            scopes: &scopes,
            rate_limit_per_minute,
            created_by: Some(user.id),
        },
    )
    .await?;
    let created = CreatedApiKey {
        api_key: row.into(),
        key,
    };
    let response = idem.respond(&mut tx, StatusCode::CREATED, &created).await?;
    persistence::commit(tx).await?;
    Ok(response)
}

fn parse(body: &CreateApiKeyRequest) -> ApiResult<(String, Vec<String>, i32)> {
    let mut errors = FieldErrors::new();
    let name = errors.take(
        "name",
        domain::auth::parse_key_name(body.name.as_deref().unwrap_or_default()),
    );
    let mut scopes: Vec<String> = Vec::new();
    match &body.scopes {
        None => errors.add("scopes", "is required"),
        Some(raw) if raw.is_empty() => errors.add("scopes", "needs at least one scope"),
        Some(raw) => {
            for scope in raw {
                if let Some(scope) = errors.take("scopes", scope.parse::<ApiScope>()) {
                    if !scopes.iter().any(|s| s == scope.as_str()) {
                        scopes.push(scope.as_str().to_owned());
                    }
                }
            }
        }
    }
    let rate = match body.rate_limit_per_minute {
        None => Some(DEFAULT_RATE_LIMIT_PER_MINUTE),
        Some(rate) => errors.take(
            "rate_limit_per_minute",
            i32::try_from(rate)
                .ok()
                .filter(|rate| (1..=1_000_000).contains(rate))
                .ok_or("must be between 1 and 1000000"),
        ),
    };
    errors.into_result().map_err(ApiError::Validation)?;
    Ok((
        name.unwrap_or_default(),
        scopes,
        rate.unwrap_or(DEFAULT_RATE_LIMIT_PER_MINUTE),
    ))
}
