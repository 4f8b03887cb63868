//! Reference data for forms and filters.

use actix_web::{get, web};
use persistence::reference;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct RoleInfo {
    #[schema(example = "salesperson")]
    pub name: String,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DepartmentInfo {
    #[schema(example = "EXIM")]
    pub code: String,
    pub name: String,
}

/// The 15 roles of SPEC §3.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "All roles", body = Vec<RoleInfo>),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/roles")]
#[tracing::instrument(name = "GET /roles", skip_all)]
pub async fn list_roles(ctx: UserTx) -> ApiResult<web::Json<Vec<RoleInfo>>> {
    let UserTx { mut tx, .. } = ctx;
    let rows = reference::roles(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| RoleInfo {
                name: r.name,
                label: r.label,
                description: r.description,
            })
            .collect(),
    ))
}

/// The departments.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "All departments", body = Vec<DepartmentInfo>),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/departments")]
#[tracing::instrument(name = "GET /departments", skip_all)]
pub async fn list_departments(ctx: UserTx) -> ApiResult<web::Json<Vec<DepartmentInfo>>> {
    let UserTx { mut tx, .. } = ctx;
    let rows = reference::departments(&mut tx).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|d| DepartmentInfo {
                code: d.code,
                name: d.name,
            })
            .collect(),
    ))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_roles).service(list_departments);
}
