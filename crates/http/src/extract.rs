//! Extractors: who is calling (with the transaction that runs as them), validated JSON
//! bodies, and the `Idempotency-Key` header.

use std::{future::Future, pin::Pin};

use actix_web::{dev::Payload, web, FromRequest, HttpMessage, HttpRequest};
use persistence::{ApiKeyPrincipal, Identity, Principal, RequestContext, Tx, UserPrincipal};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::{credentials::sha256_hex, error::ApiError, state::AppState, DEMO_API_KEY};

type BoxFuture<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal("application state missing".to_owned()))
}

/// The request id of tracing-actix-web, also sent back as `X-Request-Id`.
pub fn request_id(req: &HttpRequest) -> String {
    req.extensions()
        .get::<tracing_actix_web::RequestId>()
        .map(ToString::to_string)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
}

/// A signed-in user and the transaction that runs as them. Put it first among a
/// handler's arguments so that authentication is decided before the body is read.
pub struct UserTx {
    pub tx: Tx,
    pub user: UserPrincipal,
}

impl FromRequest for UserTx {
    type Error = ApiError;
    type Future = BoxFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { begin_as_user(&req).await })
    }
}

async fn begin_as_user(req: &HttpRequest) -> Result<UserTx, ApiError> {
    let state = state(req)?;
    let token = bearer_token(req).ok_or(ApiError::Unauthorized)?;
    let access = state.jwt.verify(token)?;
    let identity = Identity::Session {
        user_id: access.user_id,
        session_id: access.session_id,
    };
    let ctx = RequestContext::new(identity, request_id(req));
    match state.db.begin(&ctx).await? {
        (mut tx, Principal::User(user)) => {
            crate::api::user_events::record::track_request(req, &mut tx).await?;
            Ok(UserTx { tx, user })
        }
        _ => Err(ApiError::Unauthorized),
    }
}

fn bearer_token(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get("authorization")?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}

/// A machine principal (`X-API-KEY`) and the transaction that runs as `cc_integration`.
pub struct KeyTx {
    pub tx: Tx,
    pub key: ApiKeyPrincipal,
}

impl KeyTx {
    /// 403 unless the key carries `scope`.
    pub fn require_scope(&self, scope: &str) -> Result<(), ApiError> {
        if self.key.scopes.iter().any(|s| s == scope) {
            Ok(())
        } else {
            Err(ApiError::InsufficientScope(scope.to_owned()))
        }
    }
}

impl FromRequest for KeyTx {
    type Error = ApiError;
    type Future = BoxFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { begin_as_key(&req).await })
    }
}

/// The client's address as the server sees it (the peer of the connection).
pub fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|addr| addr.ip().to_string())
        .unwrap_or_default()
}

/// Unknown keys count against the client's address (429 once it has tried too many); a
/// known key takes a token from its own bucket (429 when its rate is exceeded).
async fn begin_as_key(req: &HttpRequest) -> Result<KeyTx, ApiError> {
    let state = state(req)?;
    let limited = |retry_after_secs| ApiError::RateLimited { retry_after_secs };
    let client = client_address(req);
    let unknown_keys = &state.limits.unknown_api_keys;
    unknown_keys.check(&client).await.map_err(limited)?;
    let key = req
        .headers()
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .filter(|k| !(state.settings.production && *k == DEMO_API_KEY));
    let identity = Identity::ApiKey {
        key_hash: sha256_hex(key.unwrap_or_default()),
    };
    let ctx = RequestContext::new(identity, request_id(req));
    let begun = match key {
        Some(_) => state.db.begin(&ctx).await,
        None => Err(persistence::DbError::Unauthenticated),
    };
    let (tx, key) = match begun {
        Ok((tx, Principal::ApiKey(key))) => (tx, key),
        Ok(_) | Err(persistence::DbError::Unauthenticated) => {
            unknown_keys.record_failure(&client).await;
            return Err(ApiError::Unauthorized);
        }
        Err(err) => return Err(err.into()),
    };
    let per_minute = key.rate_limit_per_minute;
    let bucket = std::time::Duration::from_secs(60);
    let key_id = key.id.to_string();
    state
        .limits
        .api_keys
        .take(&key_id, per_minute, bucket)
        .await
        .map_err(limited)?;
    Ok(KeyTx { tx, key })
}

/// Endpoints that serve both n8n and the SPA: an `X-API-KEY` header makes the caller the
/// key, otherwise the bearer token's user.
pub enum CallerTx {
    Key(KeyTx),
    User(UserTx),
}

impl FromRequest for CallerTx {
    type Error = ApiError;
    type Future = BoxFuture<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            if req.headers().contains_key("x-api-key") {
                Ok(Self::Key(begin_as_key(&req).await?))
            } else {
                Ok(Self::User(begin_as_user(&req).await?))
            }
        })
    }
}

/// A JSON body: malformed JSON → 400, wrong shape or unknown fields → 422 with the
/// offending field, too large → 413. Keeps a fingerprint of the canonical body for
/// idempotency.
pub struct ValidJson<T> {
    pub value: T,
    pub fingerprint: String,
}

impl<T: DeserializeOwned + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = BoxFuture<Self>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let bytes = bytes.await.map_err(|err| {
                if err.as_response_error().status_code()
                    == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE
                {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::BadRequest(format!("could not read the request body: {err}"))
                }
            })?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(ApiError::MalformedJson(
                    "the request body is empty".to_owned(),
                ));
            }
            let json: serde_json::Value = serde_json::from_slice(&bytes)
                .map_err(|err| ApiError::MalformedJson(err.to_string()))?;
            if !json.is_object() {
                return Err(ApiError::validation("body", "must be a JSON object"));
            }
            if let Some((field, reason)) = crate::text_guard::json_field(&json) {
                return Err(ApiError::validation(&field, reason));
            }
            let fingerprint = hex::encode(Sha256::digest(canonical_json(&json).as_bytes()));
            let value = serde_path_to_error::deserialize(json).map_err(|err| {
                let path = err.path().to_string();
                let field = if path == "." { "body".to_owned() } else { path };
                ApiError::validation(&field, err.inner().to_string())
            })?;
            Ok(Self { value, fingerprint })
        })
    }
}

/// Reads a request body of at most `limit` bytes; a larger one stops the read with 413
/// (in the JSON error envelope). For routes whose limit differs from the JSON limit:
/// uploads and batch intake.
pub async fn read_body(mut payload: Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    use futures_util::StreamExt;
    let mut bytes = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|err| {
            ApiError::BadRequest(format!("could not read the request body: {err}"))
        })?;
        if bytes.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes.freeze())
}

/// JSON with object keys sorted at every level: equal documents give equal strings.
pub fn canonical_json(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            let inner: Vec<String> = entries
                .into_iter()
                .map(|(k, v)| {
                    format!(
                        "{}:{}",
                        serde_json::Value::String(k.clone()),
                        canonical_json(v)
                    )
                })
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        serde_json::Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(canonical_json).collect();
            format!("[{}]", inner.join(","))
        }
        other => other.to_string(),
    }
}

/// The optional `Idempotency-Key` header (1–255 visible ASCII characters).
pub struct IdempotencyKey(pub Option<String>);

impl FromRequest for IdempotencyKey {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let parsed = match req.headers().get("idempotency-key") {
            None => Ok(Self(None)),
            Some(value) => match value.to_str().map(str::trim) {
                Ok(key)
                    if (1..=255).contains(&key.len())
                        && key.chars().all(|c| c.is_ascii_graphic()) =>
                {
                    Ok(Self(Some(key.to_owned())))
                }
                _ => Err(ApiError::BadRequest(
                    "Idempotency-Key must be 1 to 255 visible ASCII characters".to_owned(),
                )),
            },
        };
        std::future::ready(parsed)
    }
}

/// Distinguishes an absent field (`None`) from an explicit `null` (`Some(None)`).
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::canonical_json;

    #[test]
    fn canonical_json_ignores_key_order_and_whitespace() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b": 1, "a": {"y": [1, 2], "x": "s"}}"#).unwrap_or_default();
        let b: serde_json::Value =
            serde_json::from_str(r#"{"a":{"x":"s","y":[1,2]},"b":1}"#).unwrap_or_default();
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(canonical_json(&a), r#"{"a":{"x":"s","y":[1,2]},"b":1}"#);
    }
}
