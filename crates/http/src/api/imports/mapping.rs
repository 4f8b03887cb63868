//! PUT /imports/{id}/mapping (IMP-5: remembered per header fingerprint).

use actix_web::{put, web};
use domain::{imports::mapping::check_mapping, FieldErrors};
use persistence::imports;
use uuid::Uuid;

use super::{importable, Import, MappingRequest};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// Changes which field each column maps to (`null` ignores a column), before the first
/// run or for re-processing; every problem at once. The mapping is remembered for this
/// header, so the same export maps itself next time.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    request_body = MappingRequest,
    responses(
        (status = 200, description = "The import with its new mapping", body = Import),
        (status = 404, description = "No such import you may see", body = ErrorBody),
        (status = 409, description = "The import is running or reverted", body = ErrorBody),
        (status = 422, description = "Unknown fields, a field twice, a required field missing", body = ErrorBody),
    )
)]
#[put("/imports/{id}/mapping")]
#[tracing::instrument(name = "PUT /imports/{id}/mapping", skip_all)]
pub async fn set_import_mapping(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<MappingRequest>,
) -> ApiResult<web::Json<Import>> {
    let UserTx { mut tx, user } = ctx;
    let current = imports::get(&mut tx, id.into_inner()).await?;
    let module = importable(&user, current.module.0.as_str())?;
    let mapping = body.value.mapping;
    if let Err(problems) = check_mapping(module, &mapping) {
        let mut errors = FieldErrors::new();
        problems
            .iter()
            .for_each(|p| errors.add("mapping", &p.message_en));
        return Err(ApiError::Validation(errors));
    }
    let json = serde_json::json!(mapping);
    let import = imports::set_mapping(&mut tx, current.id, &json)
        .await
        .map_err(|e| match e {
            persistence::DbError::InvalidValue(message) => ApiError::conflict(message),
            other => other.into(),
        })?;
    imports::remember_mapping(&mut tx, module, &import.fingerprint, &json, user.id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(import.into()))
}
