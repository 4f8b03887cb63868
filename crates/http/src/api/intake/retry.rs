//! Who sent an intake request, and how its retry is recognised and answered.

use actix_web::{http::StatusCode, HttpRequest, HttpResponse};
use persistence::{intake, intake::Sender, Tx};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::*;
use crate::{
    error::{ApiError, ApiResult},
    extract::{CallerTx, IdempotencyKey},
    idempotency::{Claimed, Idempotency},
};

/// The caller as a row owner, after the scope (keys) or role (users) check.
pub fn sender(
    caller: CallerTx,
    scope: &str,
    role_allowed: fn(domain::Role) -> bool,
) -> ApiResult<(Tx, Sender)> {
    match caller {
        CallerTx::Key(key) => {
            key.require_scope(scope)?;
            Ok((key.tx, Sender::Key(key.key.id)))
        }
        CallerTx::User(user) => {
            if !role_allowed(user.user.role) {
                return Err(ApiError::Forbidden);
            }
            Ok((user.tx, Sender::User(user.user.id)))
        }
    }
}

/// How a retry is recognised: the Idempotency-Key, or else the body's fingerprint.
pub enum Retry {
    Key(Idempotency),
    Fingerprint(String),
}

/// Looks for an earlier answer to the same request; `Err(response)` replays it.
pub async fn claim(
    tx: &mut Tx,
    key: IdempotencyKey,
    req: &HttpRequest,
    sender: Sender,
    body: &IntakeBody,
) -> ApiResult<Result<Retry, HttpResponse>> {
    let digest = hex::encode(Sha256::digest(body.canonical.as_bytes()));
    if key.0.is_some() {
        return Ok(match Idempotency::claim(tx, key, req, &digest).await? {
            Claimed::Proceed(idem) => Ok(Retry::Key(idem)),
            Claimed::Replay(response) => Err(response),
        });
    }
    let who = match sender {
        Sender::Key(id) => format!("key:{id}"),
        Sender::User(id) => format!("user:{id}"),
    };
    let fingerprint = hex::encode(Sha256::digest(
        format!("{} {}\n{who}\n{}", req.method(), req.path(), body.canonical).as_bytes(),
    ));
    Ok(match intake::begin(tx, &fingerprint).await? {
        None => Ok(Retry::Fingerprint(fingerprint)),
        Some((status, stored)) => Err(HttpResponse::build(
            StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED),
        )
        .insert_header(("Idempotent-Replayed", "true"))
        .json(stored)),
    })
}

impl Retry {
    /// Stores the answer for retries and builds the response.
    pub async fn respond<T: Serialize>(
        self,
        tx: &mut Tx,
        resource: &str,
        status: StatusCode,
        body: &T,
    ) -> ApiResult<HttpResponse> {
        match self {
            Self::Key(idem) => idem.respond(tx, status, body).await,
            Self::Fingerprint(fingerprint) => {
                let json =
                    serde_json::to_value(body).map_err(|e| ApiError::Internal(e.to_string()))?;
                intake::complete(tx, &fingerprint, resource, status.as_u16(), &json).await?;
                Ok(HttpResponse::build(status).json(json))
            }
        }
    }
}
