use actix_web::{patch, web};
use domain::{auth::NewPassword, Department, Email, FieldErrors, Role};
use persistence::{
    auth,
    users::{self, UserChanges},
    Tx, UserPrincipal,
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{parse_language, require_manages, User};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    pub email: Option<String>,
    pub full_name: Option<String>,
    #[schema(value_type = Option<domain::Role>)]
    pub role: Option<String>,
    /// A department code; `null` clears it.
    #[serde(default, deserialize_with = "crate::extract::present")]
    #[schema(value_type = Option<domain::Department>)]
    pub dept: Option<Option<String>>,
    /// The user's manager; `null` clears it.
    #[serde(default, deserialize_with = "crate::extract::present")]
    #[schema(value_type = Option<Uuid>)]
    pub manager_user_id: Option<Option<Uuid>>,
    pub is_active: Option<bool>,
    pub language: Option<String>,
    /// Sets a new password (an administrator's reset); ends the user's sessions.
    pub password: Option<String>,
}

/// Edits a user: name, e-mail, role, department, manager, status, password (AUTH-3).
#[utoipa::path(
    tag = "users",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    request_body = UpdateUserRequest,
    responses(
        (status = 200, description = "Updated", body = User),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed to manage this user or role", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
        (status = 409, description = "E-mail already registered", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/users/{id}")]
#[tracing::instrument(name = "PATCH /users/{id}", skip_all)]
pub async fn update_user(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateUserRequest>,
) -> ApiResult<web::Json<User>> {
    let UserTx { mut tx, user } = ctx;
    let id = id.into_inner();
    let target = users::get(&mut tx, id).await?;
    require_manages(&user, target.role_name.0.as_str())?;
    let (changes, password) = parse(body.value, &user, id)?;
    if let Some(role) = &changes.role_name {
        require_manages(&user, role)?;
    }
    if let Some(Some(manager)) = changes.manager_user_id {
        check_manager(&mut tx, id, manager).await?;
    }
    let row = apply(&mut tx, id, &changes, password).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Applies administrative changes; ending the sessions of a deactivated user or of one
/// whose password was reset.
pub(super) async fn apply(
    tx: &mut Tx,
    id: Uuid,
    changes: &UserChanges,
    password: Option<NewPassword>,
) -> ApiResult<persistence::users::UserRow> {
    let row = users::update(tx, id, changes).await?;
    let end_sessions = changes.is_active == Some(false) || password.is_some();
    if let Some(password) = password {
        let hash = crate::credentials::hash_password(password.expose().to_owned()).await?;
        users::set_password(tx, id, &hash).await?;
    }
    if end_sessions {
        auth::revoke_user_sessions(tx, id).await?;
    }
    Ok(row)
}

async fn check_manager(tx: &mut Tx, id: Uuid, manager: Uuid) -> ApiResult<()> {
    if users::creates_management_cycle(tx, id, manager).await? {
        return Err(ApiError::validation(
            "manager_user_id",
            "would make the user manage themself (directly or through their team)",
        ));
    }
    Ok(())
}

fn parse(
    body: UpdateUserRequest,
    actor: &UserPrincipal,
    id: Uuid,
) -> ApiResult<(UserChanges, Option<NewPassword>)> {
    let mut errors = FieldErrors::new();
    let email = body
        .email
        .and_then(|raw| errors.take("email", Email::parse(&raw)))
        .map(|email| email.to_string());
    let full_name = body
        .full_name
        .and_then(|raw| errors.take("full_name", domain::auth::parse_full_name(&raw)));
    let role = body
        .role
        .and_then(|raw| errors.take("role", raw.parse::<Role>()));
    let dept = match body.dept {
        Some(Some(raw)) => errors
            .take("dept", raw.parse::<Department>())
            .map(|d| Some(d.code().to_owned())),
        Some(None) => Some(None),
        None => None,
    };
    if actor.role == Role::CsAdmin && matches!(&dept, Some(d) if d.as_deref() != Some("CS")) {
        errors.add("dept", "CS agents belong to department CS");
    }
    let language = body
        .language
        .and_then(|raw| errors.take("language", parse_language(&raw)));
    let password = body
        .password
        .and_then(|raw| errors.take("password", NewPassword::parse(&raw)));
    if id == actor.id && (body.is_active == Some(false) || role.is_some_and(|r| r != actor.role)) {
        errors.add(
            "is_active",
            "you cannot deactivate yourself or change your own role",
        );
    }
    if body.manager_user_id == Some(Some(id)) {
        errors.add("manager_user_id", "cannot be the user themself");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let changes = UserChanges {
        full_name,
        email,
        role_name: role.map(|r| r.as_str().to_owned()),
        dept_code: dept,
        manager_user_id: body.manager_user_id,
        is_active: body.is_active,
        language,
    };
    Ok((changes, password))
}
