//! PUT /imports/{id}/rows/{row_number}: fixing an error row in place.

use actix_web::{put, web};
use domain::imports::sheet::Cell;
use persistence::imports;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{importable, ImportRow};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// The row's corrected cells, one per column of the header (text, number or null).
#[derive(Debug, Deserialize, ToSchema)]
pub struct RowCorrection {
    #[schema(value_type = Vec<Option<super::CellValue>>)]
    pub cells: Vec<Cell>,
}

/// Replaces the cells of an error row and sets it back to `pending`; the next
/// `process` validates and writes it like any other row. Settled (ok, duplicate) rows
/// and running imports are not changed.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("row_number" = i32, Path)),
    request_body = RowCorrection,
    responses(
        (status = 200, description = "The row, pending again", body = ImportRow),
        (status = 403, description = "This role does not write this module", body = ErrorBody),
        (status = 404, description = "No such error row of an import you may see that is not running", body = ErrorBody),
        (status = 422, description = "More cells than the header has columns", body = ErrorBody),
    )
)]
#[put("/imports/{id}/rows/{row_number}")]
#[tracing::instrument(name = "PUT /imports/{id}/rows/{row_number}", skip_all)]
pub async fn correct_import_row(
    ctx: UserTx,
    path: web::Path<(Uuid, i32)>,
    body: ValidJson<RowCorrection>,
) -> ApiResult<web::Json<ImportRow>> {
    let UserTx { mut tx, user } = ctx;
    let (id, row_number) = path.into_inner();
    let import = imports::get(&mut tx, id).await?;
    importable(&user, import.module.0.as_str())?;
    let width = import.headers.as_array().map_or(0, Vec::len);
    if body.value.cells.len() > width {
        return Err(ApiError::validation(
            "cells",
            format!("at most {width} cells: the header's columns"),
        ));
    }
    let data =
        serde_json::to_value(&body.value.cells).map_err(|e| ApiError::Internal(e.to_string()))?;
    let hash = hex::encode(Sha256::digest(data.to_string().as_bytes()));
    let row = imports::correct_row(&mut tx, id, row_number, &data, &hash).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
