//! Who sent an intake request, and how its retry is recognised and answered.

use actix_web::{http::StatusCode, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::tickets::BROADCAST_RETRY_WINDOW_SECONDS;
use persistence::{
    intake,
    intake::{Fingerprint, Sender},
    Tx,
};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::*;
use crate::{
    error::{ApiError, ApiResult},
    extract::{canonical_json, CallerTx, IdempotencyKey},
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

/// What makes two requests the same for the retry checks: the canonical body, without
/// the time fields of broadcast logs, whose times are compared within a window instead.
pub struct Identity {
    canonical: String,
    times: Option<Vec<Option<DateTime<Utc>>>>,
}

impl IntakeBody {
    /// The whole body (tickets): any change makes another request.
    pub fn identity(&self) -> Identity {
        Identity {
            canonical: self.canonical.clone(),
            times: None,
        }
    }

    /// The body without `time_fields` (in the object, or in each item of an array);
    /// `times`, one per item, are compared within the retry window instead.
    pub fn identity_without(
        &self,
        time_fields: &[&str],
        times: Vec<Option<DateTime<Utc>>>,
    ) -> Identity {
        let strip = |item: &Value| match item {
            Value::Object(map) => Value::Object(
                map.iter()
                    .filter(|(name, _)| !time_fields.contains(&name.as_str()))
                    .map(|(name, value)| (name.clone(), value.clone()))
                    .collect(),
            ),
            other => other.clone(),
        };
        let timeless = match &self.value {
            Value::Array(items) => Value::Array(items.iter().map(strip).collect()),
            single => strip(single),
        };
        Identity {
            canonical: canonical_json(&timeless),
            times: Some(times),
        }
    }
}

/// How a retry is recognised: the Idempotency-Key, or else the body's fingerprint.
pub enum Retry {
    Key(Idempotency),
    Fingerprint(Fingerprint),
}

/// Looks for an earlier answer to the same request; `Err(response)` replays it.
pub async fn claim(
    tx: &mut Tx,
    key: IdempotencyKey,
    req: &HttpRequest,
    sender: Sender,
    identity: Identity,
) -> ApiResult<Result<Retry, HttpResponse>> {
    let digest = hex::encode(Sha256::digest(identity.canonical.as_bytes()));
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
    let fingerprint = Fingerprint {
        hash: hex::encode(Sha256::digest(
            format!(
                "{} {}\n{who}\n{}",
                req.method(),
                req.path(),
                identity.canonical
            )
            .as_bytes(),
        )),
        times: identity.times,
    };
    Ok(
        match intake::begin(tx, &fingerprint, BROADCAST_RETRY_WINDOW_SECONDS).await? {
            None => Ok(Retry::Fingerprint(fingerprint)),
            Some((status, stored)) => Err(HttpResponse::build(
                StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED),
            )
            .insert_header(("Idempotent-Replayed", "true"))
            .json(stored)),
        },
    )
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
