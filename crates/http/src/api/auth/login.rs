use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use domain::Email;
use persistence::{auth, user_events, users, Identity, RequestContext};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{SessionResponse, SessionUser};
use crate::{
    api::user_events::record::client,
    credentials::{new_refresh_token, sha256_hex, verify_password},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{request_id, ValidJson},
    state::AppState,
    DEMO_EMAIL_DOMAIN,
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(example = "cs_agent@demo.local")]
    pub email: Option<String>,
    #[schema(example = "demo12345")]
    pub password: Option<String>,
}

/// Signs in with e-mail and password (AUTH-1).
///
/// A wrong password and an unknown e-mail give the same 401. Repeated failures for one
/// client and e-mail get 429 with `Retry-After`.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = SessionResponse),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Wrong e-mail or password", body = ErrorBody),
        (status = 422, description = "Missing fields", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody),
    )
)]
#[post("/auth/login")]
#[tracing::instrument(name = "POST /auth/login", skip_all)]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: ValidJson<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let typed_email = body.value.email.clone().unwrap_or_default();
    let (email, password) = parse(body.value)?;
    let limiter_key = limiter_key(&req, &email);
    state
        .login_limiter
        .check(&limiter_key)
        .await
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;

    let ctx = RequestContext::new(Identity::Anonymous, request_id(&req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let client = client(&req);
    let Some(user_id) = verify(&mut tx, &state, &email, password).await? else {
        // A refused sign-in has no transaction of its own: it is written in the one that
        // looked the account up, committed before the 401 is sent.
        user_events::login_failed(&mut tx, &typed_email, &client).await?;
        persistence::commit(tx).await?;
        state.login_limiter.record_failure(&limiter_key).await;
        return Err(ApiError::InvalidCredentials);
    };
    state.login_limiter.reset(&limiter_key).await;

    let refresh_token = new_refresh_token();
    let (hash, expires_at) = (
        sha256_hex(&refresh_token),
        Utc::now() + state.settings.refresh_ttl,
    );
    auth::start_session(&mut tx, user_id, &hash, expires_at).await?;
    user_events::login(&mut tx, &hash, &client).await?;
    persistence::commit(tx).await?;
    session_response(&state, &req, user_id, refresh_token).await
}

/// Failed attempts are counted per client address and e-mail.
fn limiter_key(req: &HttpRequest, email: &Email) -> String {
    let peer = req
        .peer_addr()
        .map(|addr| addr.ip().to_string())
        .unwrap_or_default();
    format!("login:{peer}:{email}")
}

/// The account's user when the password is right and the account may sign in (same work
/// whether or not the e-mail is known).
async fn verify(
    tx: &mut persistence::Tx,
    state: &AppState,
    email: &Email,
    password: String,
) -> ApiResult<Option<uuid::Uuid>> {
    let account = auth::login_lookup(tx, email.as_str()).await?;
    let demo_refused = state.settings.production && email.as_str().ends_with(DEMO_EMAIL_DOMAIN);
    let (user_id, stored_hash) = match account {
        Some(account) if account.is_active && !demo_refused => {
            (Some(account.user_id), Some(account.password_hash))
        }
        _ => (None, None),
    };
    let verified = verify_password(password, stored_hash).await?;
    Ok(user_id.filter(|_| verified))
}

fn parse(body: LoginRequest) -> ApiResult<(Email, String)> {
    let mut errors = domain::FieldErrors::new();
    let email = errors.take(
        "email",
        Email::parse(body.email.as_deref().unwrap_or_default()),
    );
    let password = body.password.filter(|p| !p.is_empty());
    if password.is_none() {
        errors.add("password", "is required");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    match (email, password) {
        (Some(email), Some(password)) => Ok((email, password)),
        _ => Err(ApiError::Internal("login parse invariant".to_owned())),
    }
}

/// Issues the access token and answers with the user as the database sees them now.
pub(super) async fn session_response(
    state: &AppState,
    req: &HttpRequest,
    user_id: uuid::Uuid,
    refresh_token: String,
) -> ApiResult<HttpResponse> {
    let ctx = RequestContext::new(Identity::User(user_id), request_id(req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let user = users::get(&mut tx, user_id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Ok().json(SessionResponse {
        token: state.jwt.issue(user_id)?,
        refresh_token,
        expires_in: state.jwt.access_ttl_seconds(),
        user: SessionUser {
            id: user.id,
            email: user.email,
            full_name: user.full_name,
            role: user.role_name.0,
            dept: user.dept_code.map(|d| d.0),
        },
    }))
}
