//! PLT-ERR: one error type, one JSON envelope, stable codes the SPA can switch on.
//!
//! | variant | status | code |
//! |---|---|---|
//! | BadRequest | 400 | bad_request |
//! | MalformedJson | 400 | malformed_json |
//! | InvalidIntake | 400 | validation_failed (the seed-004 n8n contract: `error` is the first problem, e.g. "subject is required") |
//! | Unauthorized | 401 | unauthorized |
//! | InvalidCredentials | 401 | invalid_credentials |
//! | Forbidden | 403 | forbidden |
//! | InsufficientScope | 403 | insufficient_scope |
//! | NotFound | 404 | not_found |
//! | Conflict | 409 | conflict |
//! | IdempotencyInProgress | 409 | idempotency_in_progress |
//! | IdempotencyKeyReused | 422 | idempotency_key_reused |
//! | Validation | 422 | validation_failed |
//! | MethodNotAllowed | 405 | method_not_allowed (with `Allow`) |
//! | PayloadTooLarge | 413 | payload_too_large |
//! | RateLimited | 429 | rate_limited |
//! | Unavailable | 503 | service_unavailable (with `Retry-After`) |
//! | Internal | 500 | internal_error |

use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use domain::FieldErrors;
use persistence::DbError;
use serde::Serialize;
use utoipa::ToSchema;

/// `Retry-After` of every 503 (database unreachable, pool exhausted, statement timed out):
/// a pooled connection is usually back within a second.
pub const UNAVAILABLE_RETRY_AFTER_SECS: u64 = 1;

#[path = "error_constraints.rs"]
mod constraints;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// Body problems of the n8n intake endpoints (seed 004): 400, not 422, and `error`
    /// reads as the first problem (`"subject is required"`), all of them in `details`.
    #[error("{message}")]
    InvalidIntake {
        message: String,
        details: FieldErrors,
    },
    #[error("authentication required")]
    Unauthorized,
    #[error("invalid e-mail or password")]
    InvalidCredentials,
    #[error("you are not allowed to do this")]
    Forbidden,
    #[error("the API key lacks the scope {0}")]
    InsufficientScope(String),
    #[error("not found")]
    NotFound,
    #[error("{message}")]
    Conflict {
        message: String,
        details: Option<FieldErrors>,
    },
    #[error("a request with this Idempotency-Key is still being processed")]
    IdempotencyInProgress,
    #[error("this Idempotency-Key was already used for a different request")]
    IdempotencyKeyReused,
    #[error("validation failed")]
    Validation(FieldErrors),
    #[error("the request body is too large")]
    PayloadTooLarge,
    /// A documented path asked with a method it does not serve; holds the `Allow` value.
    #[error("this method is not allowed here; allowed: {0}")]
    MethodNotAllowed(String),
    #[error("too many attempts, try again later")]
    RateLimited { retry_after_secs: u64 },
    #[error("the service is temporarily unavailable, try again shortly")]
    Unavailable,
    #[error("internal error")]
    Internal(String),
}

domain::closed_set!(
    /// PLT-ERR: the stable machine-readable codes of every error response; the SPA
    /// switches on them.
    pub enum ErrorCode {
        BadRequest => "bad_request",
        MalformedJson => "malformed_json",
        Unauthorized => "unauthorized",
        InvalidCredentials => "invalid_credentials",
        Forbidden => "forbidden",
        InsufficientScope => "insufficient_scope",
        NotFound => "not_found",
        Conflict => "conflict",
        IdempotencyInProgress => "idempotency_in_progress",
        IdempotencyKeyReused => "idempotency_key_reused",
        ValidationFailed => "validation_failed",
        PayloadTooLarge => "payload_too_large",
        MethodNotAllowed => "method_not_allowed",
        RateLimited => "rate_limited",
        ServiceUnavailable => "service_unavailable",
        InternalError => "internal_error",
    }
);

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A human-readable message.
    #[schema(example = "validation failed")]
    pub error: String,
    /// A stable machine-readable code.
    pub code: ErrorCode,
    /// Messages per field, for validation and conflict errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>, example = json!({"email": ["is required"]}))]
    pub details: Option<FieldErrors>,
}

impl ApiError {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Self::Validation(FieldErrors::single(field, message))
    }

    /// 409 with a message and no details.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict {
            message: message.into(),
            details: None,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::BadRequest(_) => ErrorCode::BadRequest,
            Self::MalformedJson(_) => ErrorCode::MalformedJson,
            Self::Unauthorized => ErrorCode::Unauthorized,
            Self::InvalidCredentials => ErrorCode::InvalidCredentials,
            Self::Forbidden => ErrorCode::Forbidden,
            Self::InsufficientScope(_) => ErrorCode::InsufficientScope,
            Self::NotFound => ErrorCode::NotFound,
            Self::Conflict { .. } => ErrorCode::Conflict,
            Self::IdempotencyInProgress => ErrorCode::IdempotencyInProgress,
            Self::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            Self::Validation(_) | Self::InvalidIntake { .. } => ErrorCode::ValidationFailed,
            Self::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            Self::MethodNotAllowed(_) => ErrorCode::MethodNotAllowed,
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            Self::Unavailable => ErrorCode::ServiceUnavailable,
            Self::Internal(_) => ErrorCode::InternalError,
        }
    }

    fn details(&self) -> Option<FieldErrors> {
        match self {
            Self::Validation(details) | Self::InvalidIntake { details, .. } => {
                Some(details.clone())
            }
            Self::Conflict { details, .. } => details.clone(),
            _ => None,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) | Self::MalformedJson(_) | Self::InvalidIntake { .. } => {
                StatusCode::BAD_REQUEST
            }
            Self::Unauthorized | Self::InvalidCredentials => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::InsufficientScope(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict { .. } | Self::IdempotencyInProgress => StatusCode::CONFLICT,
            Self::IdempotencyKeyReused | Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error.cause = %cause, "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        match self {
            Self::RateLimited { retry_after_secs } => {
                response.insert_header(("Retry-After", retry_after_secs.to_string()));
            }
            Self::Unavailable => {
                response.insert_header(("Retry-After", UNAVAILABLE_RETRY_AFTER_SECS.to_string()));
            }
            _ => {}
        }
        if let Self::MethodNotAllowed(allow) = self {
            response.insert_header(("Allow", allow.as_str()));
        }
        if let Self::Unauthorized = self {
            response.insert_header(("WWW-Authenticate", "Bearer"));
        }
        response.json(ErrorBody {
            error: self.to_string(),
            code: self.code(),
            details: self.details(),
        })
    }
}

fn constraint_error(constraint: &str) -> Option<ApiError> {
    constraints::CONSTRAINTS
        .iter()
        .find(|(name, ..)| *name == constraint)
        .map(|(_, field, message, conflict)| {
            let details = FieldErrors::single(field, *message);
            if *conflict {
                ApiError::Conflict {
                    message: format!("{field} {message}"),
                    details: Some(details),
                }
            } else {
                ApiError::Validation(details)
            }
        })
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound => Self::NotFound,
            DbError::Unauthenticated => Self::Unauthorized,
            DbError::Unique { constraint }
            | DbError::ForeignKey { constraint }
            | DbError::Check { constraint }
            | DbError::Exclusion { constraint } => {
                constraint_error(&constraint).unwrap_or_else(|| Self::Conflict {
                    message: "the change conflicts with existing data".to_owned(),
                    details: None,
                })
            }
            DbError::PermissionDenied(message) => {
                tracing::info!(%message, "denied by the database");
                Self::Forbidden
            }
            DbError::InvalidValue(message) => Self::BadRequest(message),
            DbError::Unavailable(message) => {
                tracing::warn!(%message, "database unavailable");
                Self::Unavailable
            }
            DbError::Other(err) => Self::Internal(err.to_string()),
        }
    }
}

/// Errors of actix's own extractors (query strings, paths) in our envelope.
pub fn query_error(
    err: actix_web::error::QueryPayloadError,
    _req: &actix_web::HttpRequest,
) -> actix_web::Error {
    ApiError::BadRequest(format!("invalid query parameters: {err}")).into()
}

/// A path that does not parse (`/customers/duplicates` as `/customers/{id}`): 405 when the
/// path is documented for other methods, otherwise 404.
pub fn path_error(
    _err: actix_web::error::PathError,
    req: &actix_web::HttpRequest,
) -> actix_web::Error {
    crate::allowed_methods::unrouted(req).into()
}

pub type ApiResult<T> = Result<T, ApiError>;
