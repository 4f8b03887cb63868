//! POST /imports/{id}/process (IMP-2).

use actix_web::{post, web, HttpRequest, HttpResponse};
use persistence::{
    imports::{self, Claim},
    Identity, RequestContext,
};
use uuid::Uuid;

use super::{importable, Import};
use crate::{
    api::user_events::record,
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
    state::AppState,
};

/// Processes the import's pending and error rows in the background (202); progress is
/// on `GET /imports/{id}` and the `import.progress` events. A second call while a run
/// is going starts nothing and answers with the running import; processing again never
/// creates a duplicate.
#[utoipa::path(
    tag = "imports",
    security(("bearer" = [])),
    params(("id" = Uuid, Path)),
    responses(
        (status = 202, description = "Running (started now or already)", body = Import),
        (status = 403, description = "This role does not write this module", body = ErrorBody),
        (status = 404, description = "No such import you may see", body = ErrorBody),
        (status = 409, description = "The import was reverted", body = ErrorBody),
    )
)]
#[post("/imports/{id}/process")]
#[tracing::instrument(name = "POST /imports/{id}/process", skip_all)]
pub async fn process_import(
    ctx: UserTx,
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    let id = id.into_inner();
    importable(&user, imports::get(&mut tx, id).await?.module.0.as_str())?;
    let claim = imports::claim(&mut tx, id).await?;
    if let Claim::Started(import) | Claim::Running(import) = &claim {
        record::import(&mut tx, &req, "process", &Import::from(import.clone())).await?;
    }
    persistence::commit(tx).await?;
    let import = match claim {
        Claim::Reverted(_) => return Err(ApiError::conflict("the import was reverted")),
        Claim::Running(import) => import,
        Claim::Started(import) => {
            let (db, run_as) = (
                state.db.clone(),
                RequestContext::new(Identity::User(user.id), format!("import-{id}")),
            );
            tokio::spawn(async move { imports::run(&db, &run_as, id).await });
            import
        }
    };
    Ok(HttpResponse::Accepted().json(Import::from(import)))
}
