//! AUTH-1, AUTH-2: sessions and the signed-in user's own account.

pub mod change_password;
pub mod login;
pub mod logout;
pub mod me;
pub mod refresh;

use domain::{Capability, Menu};
use persistence::users::UserRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The user as shown at login (seed-004 shape).
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionUser {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    #[schema(example = "cs_agent")]
    pub role: domain::Role,
    #[schema(example = "CS")]
    pub dept: Option<domain::Department>,
}

/// A new session: a short-lived access token and a rotating refresh token.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionResponse {
    /// Access token (JWT, HS256); send it as `Authorization: Bearer <token>`.
    pub token: String,
    /// Single-use refresh token for `POST /auth/refresh`.
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub user: SessionUser,
}

/// The signed-in user with what the SPA needs to build its menus.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    pub role: domain::Role,
    pub dept: Option<domain::Department>,
    pub manager_user_id: Option<Uuid>,
    #[schema(example = "id")]
    pub language: String,
    /// Top-level menus of SPEC §3 for this role, in order.
    #[schema(value_type = Vec<String>, example = json!(["dashboard", "ticketing"]))]
    pub menus: Vec<Menu>,
    /// Functions of the settings menu: `users:manage`, `api_keys:manage`, `audit:read`.
    #[schema(value_type = Vec<String>, example = json!(["users:manage"]))]
    pub capabilities: Vec<Capability>,
}

impl Me {
    pub fn new(row: UserRow, role: domain::Role) -> Self {
        Self {
            id: row.id,
            email: row.email,
            full_name: row.full_name,
            role: row.role_name.0,
            dept: row.dept_code.map(|d| d.0),
            manager_user_id: row.manager_user_id,
            language: row.language,
            menus: role.menus().to_vec(),
            capabilities: role.capabilities().to_vec(),
        }
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(login::login)
        .service(refresh::refresh_session)
        .service(logout::logout)
        .service(me::get_me)
        .service(me::update_me)
        .service(change_password::change_password);
}
