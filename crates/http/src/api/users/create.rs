use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{auth::NewPassword, Department, Email, FieldErrors, Role};
use persistence::{
    users::{self, NewUser},
    UserPrincipal,
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{parse_language, require_manages, User};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    pub email: Option<String>,
    pub full_name: Option<String>,
    #[schema(value_type = Option<domain::Role>, example = "cs_agent")]
    pub role: Option<String>,
    /// Defaults to the role's department.
    #[schema(value_type = Option<domain::Department>, example = "CS")]
    pub dept: Option<String>,
    pub manager_user_id: Option<Uuid>,
    /// Initial password, at least 8 characters.
    pub password: Option<String>,
    /// `id` (default) or `en`.
    pub language: Option<String>,
}

/// A validated new user, before the password is hashed.
struct Parsed {
    email: Email,
    full_name: String,
    role: Role,
    dept: Department,
    manager_user_id: Option<Uuid>,
    password: NewPassword,
    language: String,
}

/// Creates a user (AUTH-3). super_admin may create any role; cs_admin only CS agents.
/// Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    request_body = CreateUserRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Created", body = User),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed to create users of this role", body = ErrorBody),
        (status = 409, description = "E-mail already registered", body = ErrorBody),
        (status = 422, description = "Invalid fields, or Idempotency-Key reused with another body", body = ErrorBody),
    )
)]
#[post("/users")]
#[tracing::instrument(name = "POST /users", skip_all)]
pub async fn create_user(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateUserRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let parsed = parse(body.value, &user)?;
    require_manages(&user, parsed.role.as_str())?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let new_user = NewUser {
        email: parsed.email.to_string(),
        full_name: parsed.full_name,
        role_name: parsed.role.as_str().to_owned(),
        dept_code: Some(parsed.dept.code().to_owned()),
        manager_user_id: parsed.manager_user_id,
        password_hash: crate::credentials::hash_password(parsed.password.expose().to_owned())
            .await?,
        language: parsed.language,
        created_by: Some(user.id),
    };
    let row = users::insert(&mut tx, &new_user).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &User::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

fn parse(body: CreateUserRequest, actor: &UserPrincipal) -> ApiResult<Parsed> {
    let mut errors = FieldErrors::new();
    let email = errors.take(
        "email",
        Email::parse(body.email.as_deref().unwrap_or_default()),
    );
    let full_name = errors.take(
        "full_name",
        domain::auth::parse_full_name(body.full_name.as_deref().unwrap_or_default()),
    );
    let role = match body.role.as_deref() {
        None => {
            errors.add("role", "is required");
            None
        }
        Some(raw) => errors.take("role", raw.parse::<Role>()),
    };
    let dept = match body.dept.as_deref() {
        Some(raw) => errors.take("dept", raw.parse::<Department>()),
        None => role.map(Role::default_department),
    };
    if actor.role == Role::CsAdmin
        && role == Some(Role::CsAgent)
        && dept.is_some_and(|d| d != Department::Cs)
    {
        errors.add("dept", "CS admins create users of department CS only");
    }
    let password = errors.take(
        "password",
        NewPassword::parse(body.password.as_deref().unwrap_or_default()),
    );
    let language = errors.take(
        "language",
        parse_language(body.language.as_deref().unwrap_or("id")),
    );
    errors.into_result().map_err(ApiError::Validation)?;
    match (email, full_name, role, dept, password, language) {
        (Some(email), Some(full_name), Some(role), Some(dept), Some(password), Some(language)) => {
            Ok(Parsed {
                email,
                full_name,
                role,
                dept,
                manager_user_id: body.manager_user_id,
                password,
                language,
            })
        }
        _ => Err(ApiError::Internal("user parse invariant".to_owned())),
    }
}
