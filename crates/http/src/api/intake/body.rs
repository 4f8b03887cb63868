//! The raw JSON body of an intake request, bounded, with its canonical form.

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use serde_json::Value;

use crate::{
    error::ApiError,
    extract::{canonical_json, read_body},
};

/// Largest intake body: a full batch of broadcast logs.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The raw JSON body of an intake request and its canonical form (for fingerprints).
pub struct IntakeBody {
    pub value: Value,
    pub(super) canonical: String,
    /// The bytes as they came (signatures are over these).
    pub raw: web::Bytes,
}

impl IntakeBody {
    /// SHA-256 (hex) of the canonical form: the same for a body re-serialised by a relay.
    pub fn canonical_sha256(&self) -> String {
        crate::credentials::sha256_hex(&self.canonical)
    }
}

impl FromRequest for IntakeBody {
    type Error = ApiError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, ApiError>>>>;

    fn from_request(_: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let payload = payload.take();
        Box::pin(async move {
            // Its own limit, above the API-wide JSON limit: a batch of 5,000 logs with
            // their messages is several megabytes.
            let bytes = read_body(payload, MAX_BODY_BYTES).await?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(ApiError::MalformedJson(
                    "the request body is empty".to_owned(),
                ));
            }
            let value: Value = serde_json::from_slice(&bytes)
                .map_err(|err| ApiError::MalformedJson(err.to_string()))?;
            if let Some((field, reason)) = crate::text_guard::json_field(&value) {
                return Err(ApiError::InvalidIntake {
                    message: format!("{field} {reason}"),
                    details: domain::FieldErrors::single(&field, reason),
                });
            }
            let canonical = canonical_json(&value);
            Ok(Self {
                value,
                canonical,
                raw: bytes,
            })
        })
    }
}
