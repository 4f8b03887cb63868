//! PLT-IDEM for any POST: claim the key before the work, store the response with it in
//! the same transaction.
//!
//! ```ignore
//! let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
//!     Claimed::Proceed(idem) => idem,
//!     Claimed::Replay(response) => return Ok(response),
//! };
//! // ... the work, in `tx` ...
//! let response = idem.respond(&mut tx, StatusCode::CREATED, &created).await?;
//! tx.commit().await?;
//! ```

use actix_web::{http::StatusCode, HttpRequest, HttpResponse};
use persistence::{idempotency, Tx};
use serde::Serialize;

use crate::{
    error::{ApiError, ApiResult},
    extract::IdempotencyKey,
};

pub struct Idempotency {
    key: Option<String>,
}

pub enum Claimed {
    Proceed(Idempotency),
    Replay(HttpResponse),
}

impl Idempotency {
    pub async fn claim(
        tx: &mut Tx,
        key: IdempotencyKey,
        req: &HttpRequest,
        fingerprint: &str,
    ) -> ApiResult<Claimed> {
        let Some(key) = key.0 else {
            return Ok(Claimed::Proceed(Self { key: None }));
        };
        match idempotency::claim(tx, &key, req.method().as_str(), req.path(), fingerprint).await? {
            idempotency::Claim::Fresh => Ok(Claimed::Proceed(Self { key: Some(key) })),
            idempotency::Claim::Replay { status, body } => {
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
                Ok(Claimed::Replay(
                    HttpResponse::build(status)
                        .insert_header(("Idempotent-Replayed", "true"))
                        .json(body),
                ))
            }
            idempotency::Claim::Mismatch => Err(ApiError::IdempotencyKeyReused),
            idempotency::Claim::InProgress => Err(ApiError::IdempotencyInProgress),
        }
    }

    /// Builds the response and, when a key was given, stores it for replays.
    pub async fn respond<T: Serialize>(
        self,
        tx: &mut Tx,
        status: StatusCode,
        body: &T,
    ) -> ApiResult<HttpResponse> {
        let json = serde_json::to_value(body).map_err(|err| ApiError::Internal(err.to_string()))?;
        if let Some(key) = &self.key {
            idempotency::complete(tx, key, status.as_u16(), &json).await?;
        }
        Ok(HttpResponse::build(status).json(json))
    }
}
