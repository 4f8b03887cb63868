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
/// client and e-mail (5 in 15 minutes), or for one client across e-mails (20 in 15
/// minutes), get 429 with `Retry-After`.
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
    let attempt = Attempt::new(&req, &email);
    attempt.check(&state).await?;

    let ctx = RequestContext::new(Identity::Anonymous, request_id(&req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let client = client(&req);
    let Some(user_id) = verify(&mut tx, &state, &email, password).await? else {
        // A refused sign-in has no transaction of its own: it is written in the one that
        // looked the account up, committed before the 401 is sent.
        user_events::login_failed(&mut tx, &typed_email, &client).await?;
        persistence::commit(tx).await?;
        attempt.failed(&state).await;
        return Err(ApiError::InvalidCredentials);
    };
    state.limits.login.reset(&attempt.account).await;

    let refresh_token = new_refresh_token();
    let (hash, expires_at) = (
        sha256_hex(&refresh_token),
        Utc::now() + state.settings.refresh_ttl,
    );
    let session_id = auth::start_session(&mut tx, user_id, &hash, expires_at).await?;
    user_events::login(&mut tx, &hash, &client).await?;
    persistence::commit(tx).await?;
    let session = auth::Session {
        user_id,
        session_id,
    };
    session_response(&state, &req, session, refresh_token).await
}

/// Failed attempts are counted per client address, and per client address and e-mail.
struct Attempt {
    client: String,
    account: String,
}

impl Attempt {
    fn new(req: &HttpRequest, email: &Email) -> Self {
        let client = crate::extract::client_address(req);
        let account = format!("{client}:{email}");
        Self { client, account }
    }

    /// 429 while the client, or the client with this e-mail, has failed too often.
    async fn check(&self, state: &AppState) -> ApiResult<()> {
        let limited = |retry_after_secs| ApiError::RateLimited { retry_after_secs };
        let limits = &state.limits;
        limits
            .login_client
            .check(&self.client)
            .await
            .map_err(limited)?;
        limits.login.check(&self.account).await.map_err(limited)
    }

    async fn failed(&self, state: &AppState) {
        state.limits.login.record_failure(&self.account).await;
        state.limits.login_client.record_failure(&self.client).await;
    }
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
    session: auth::Session,
    refresh_token: String,
) -> ApiResult<HttpResponse> {
    let user_id = session.user_id;
    let ctx = RequestContext::new(Identity::User(user_id), request_id(req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let user = users::get(&mut tx, user_id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Ok().json(SessionResponse {
        token: state.jwt.issue(user_id, session.session_id)?,
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
