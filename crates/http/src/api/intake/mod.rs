//! The two endpoints n8n pushes to, with the exact seed-004 contract (TCK-2, BRD-1):
//! `POST /tickets` (`api/tickets/intake.rs`) and `POST /broadcast-logs`
//! (`intake/broadcasts.rs`); this module holds the contract both keep. They also serve the
//! SPA with a JWT.
//!
//! * Body problems are `400 {"error": "<field> is required", "code": "validation_failed",
//!   "details": {...}}` — `error` names the first problem, `details` all of them.
//! * Retries are safe: with `Idempotency-Key` (PLT-IDEM: the stored answer, 422 if the
//!   key comes back with another body) and without any header (the same caller sending
//!   the same body within 24 hours gets the first answer, `Idempotent-Replayed: true`).

pub mod broadcasts;

use actix_web::{dev::Payload, http::StatusCode, web, FromRequest, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::FieldErrors;
use futures_util::StreamExt;
use persistence::{intake, intake::Sender, Tx};
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::{
    error::{ApiError, ApiResult},
    extract::{canonical_json, CallerTx, IdempotencyKey},
    idempotency::{Claimed, Idempotency},
};

/// Largest intake body: a full batch of broadcast logs.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The raw JSON body of an intake request and its canonical form (for fingerprints).
pub struct IntakeBody {
    pub value: Value,
    canonical: String,
}

impl FromRequest for IntakeBody {
    type Error = ApiError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, ApiError>>>>;

    fn from_request(_: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let mut payload = payload.take();
        Box::pin(async move {
            // Its own limit, above the API-wide JSON limit: a batch of 5,000 logs with
            // their messages is several megabytes.
            let mut bytes = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|err| {
                    ApiError::BadRequest(format!("could not read the request body: {err}"))
                })?;
                if bytes.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(ApiError::PayloadTooLarge);
                }
                bytes.extend_from_slice(&chunk);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(ApiError::MalformedJson(
                    "the request body is empty".to_owned(),
                ));
            }
            let value: Value = serde_json::from_slice(&bytes)
                .map_err(|err| ApiError::MalformedJson(err.to_string()))?;
            let canonical = canonical_json(&value);
            Ok(Self { value, canonical })
        })
    }
}

/// Reads the fields of one JSON object, collecting every problem in contract order.
pub struct Fields<'a> {
    object: &'a Map<String, Value>,
    prefix: String,
    errors: FieldErrors,
    first: Option<String>,
}

impl<'a> Fields<'a> {
    /// `prefix` names the item in a batch (`"[2]."`), empty for a single object.
    pub fn new(value: &'a Value, prefix: String) -> Result<Self, ApiError> {
        let object = value.as_object().ok_or_else(|| {
            let field = if prefix.is_empty() {
                "body".to_owned()
            } else {
                prefix.trim_end_matches('.').to_owned()
            };
            invalid(&field, "must be a JSON object")
        })?;
        Ok(Self {
            object,
            prefix,
            errors: FieldErrors::new(),
            first: None,
        })
    }

    /// Records a problem with `field` (the first one becomes the response's `error`).
    pub fn problem(&mut self, field: &str, message: &str) {
        let name = format!("{}{field}", self.prefix);
        if self.first.is_none() {
            self.first = Some(format!("{name} {message}"));
        }
        self.errors.add(&name, message);
    }

    /// The first present name among `names` (n8n flows use the seed's short aliases).
    fn raw(&self, names: &[&str]) -> Option<(&'a str, &'a Value)> {
        let object = self.object;
        names.iter().find_map(|n| {
            object
                .get_key_value(*n)
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.as_str(), v))
        })
    }

    /// A string, trimmed; blank counts as absent. Numbers are taken as their digits
    /// (spreadsheets turn phone numbers and AWBs into numbers).
    pub fn text(&mut self, names: &[&str], max_chars: usize) -> Option<String> {
        let field = names[0];
        let (_, value) = self.raw(names)?;
        let text = match value {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.problem(field, "must be a string");
                return None;
            }
        };
        if text.is_empty() {
            return None;
        }
        if text.chars().count() > max_chars {
            self.problem(field, &format!("must be at most {max_chars} characters"));
            return None;
        }
        Some(text)
    }

    pub fn required_text(&mut self, names: &[&str], max_chars: usize) -> Option<String> {
        let value = self.text(names, max_chars);
        if value.is_none() && self.problem_free(names[0]) {
            self.problem(names[0], "is required");
        }
        value
    }

    fn problem_free(&self, field: &str) -> bool {
        !self
            .errors
            .fields()
            .any(|f| f == format!("{}{field}", self.prefix))
    }

    /// One of `allowed` (case-insensitive), or `default` when absent.
    pub fn one_of(
        &mut self,
        names: &[&str],
        allowed: &[&str],
        default: Option<&str>,
    ) -> Option<String> {
        match self.text(names, 64) {
            Some(value) => {
                let lower = value.to_lowercase();
                if allowed.contains(&lower.as_str()) {
                    Some(lower)
                } else {
                    self.problem(names[0], &format!("must be one of {}", allowed.join(", ")));
                    None
                }
            }
            None if self.problem_free(names[0]) => match default {
                Some(default) => Some(default.to_owned()),
                None => {
                    self.problem(names[0], "is required");
                    None
                }
            },
            None => None,
        }
    }

    /// An RFC 3339 instant (`2026-12-01T08:30:00+07:00`).
    pub fn instant(&mut self, names: &[&str]) -> Option<DateTime<Utc>> {
        let text = self.text(names, 64)?;
        match DateTime::parse_from_rfc3339(&text) {
            Ok(at) => Some(at.with_timezone(&Utc)),
            Err(_) => {
                self.problem(
                    names[0],
                    "must be a date-time with offset, e.g. 2026-12-01T08:30:00+07:00",
                );
                None
            }
        }
    }

    /// A phone number: stored in E.164 when it reads as one, otherwise as sent.
    pub fn phone(&mut self, names: &[&str], required: bool) -> Option<String> {
        let raw = if required {
            self.required_text(names, 32)
        } else {
            self.text(names, 32)
        }?;
        Some(
            domain::crm::PhoneE164::parse(&raw)
                .map(|p| p.as_str().to_owned())
                .unwrap_or(raw),
        )
    }

    /// `Ok` with the values read, or the 400 naming the first problem.
    pub fn finish<T>(self, value: T) -> Result<T, ApiError> {
        match self.first {
            None => Ok(value),
            Some(message) => Err(ApiError::InvalidIntake {
                message,
                details: self.errors,
            }),
        }
    }

    /// The problems so far, without failing (batch items are reported, not thrown).
    pub fn into_problem(self) -> Option<(String, FieldErrors)> {
        self.first.map(|m| (m, self.errors))
    }
}

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::InvalidIntake {
        message: format!("{field} {message}"),
        details: FieldErrors::single(field, message),
    }
}

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
