//! `GET /events`: Server-Sent Events of the changes the signed-in user may see (DASH-1
//! live feed, the broadcast monitor, ticket queues). Browsers read it with `fetch` and the
//! bearer token (the token never goes into a URL).

use std::{sync::Arc, time::Duration};

use actix_web::{
    get,
    http::header::{CACHE_CONTROL, CONTENT_TYPE},
    web::{self, Bytes},
    HttpResponse,
};
use domain::tickets::reads_broadcasts;
use persistence::{events::Change, Db, Principal, RequestContext, UserPrincipal};
use tokio::sync::broadcast::{error::RecvError, Receiver};

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
    state::AppState,
};

/// A comment line this often keeps proxies from closing the stream, and re-checks that
/// the user is still active.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

struct Stream {
    changes: Receiver<Arc<Change>>,
    db: Db,
    user: UserPrincipal,
    keep_alive: tokio::time::Interval,
    opened: bool,
}

/// Whether the user (still active) may see the row of `change`.
async fn may_see(db: &Db, user: &UserPrincipal, change: &Change) -> bool {
    if change.kind.starts_with("broadcast_logs.") {
        return reads_broadcasts(user.role);
    }
    if change.kind.starts_with("notification.") {
        return change.data.get("user_id").and_then(|v| v.as_str()) == Some(&user.id.to_string());
    }
    let (ticket, import, conversation) = (
        change.kind.starts_with("ticket."),
        change.kind.starts_with("import."),
        change.kind.starts_with("conversation."),
    );
    let Some(id) = change.id.filter(|_| ticket || import || conversation) else {
        return false;
    };
    let ctx = RequestContext::new(user.identity(), "events");
    match db.begin(&ctx).await {
        Ok((mut tx, Principal::User(_))) => {
            let seen = if ticket {
                persistence::tickets::visible(&mut tx, id).await.is_ok()
            } else if conversation {
                persistence::whatsapp::get(&mut tx, id).await.is_ok()
            } else {
                persistence::imports::get(&mut tx, id).await.is_ok()
            };
            let _ = persistence::commit(tx).await;
            seen
        }
        _ => false,
    }
}

async fn still_active(db: &Db, user: &UserPrincipal) -> bool {
    let ctx = RequestContext::new(user.identity(), "events");
    match db.begin(&ctx).await {
        Ok((tx, Principal::User(_))) => persistence::commit(tx).await.is_ok(),
        _ => false,
    }
}

fn frame(change: &Change) -> Bytes {
    let mut data = change.data.clone();
    data.insert("type".to_owned(), change.kind.clone().into());
    if let Some(id) = change.id {
        data.insert("id".to_owned(), id.to_string().into());
    }
    let json = serde_json::Value::Object(data).to_string();
    Bytes::from(format!("event: {}\ndata: {json}\n\n", change.kind))
}

async fn next(mut s: Stream) -> Option<(Result<Bytes, actix_web::Error>, Stream)> {
    if !s.opened {
        s.opened = true;
        return Some((Ok(Bytes::from_static(b"retry: 3000\n: connected\n\n")), s));
    }
    loop {
        tokio::select! {
            _ = s.keep_alive.tick() => {
                if !still_active(&s.db, &s.user).await {
                    return None;
                }
                return Some((Ok(Bytes::from_static(b": keep-alive\n\n")), s));
            }
            received = s.changes.recv() => match received {
                Ok(change) => {
                    if may_see(&s.db, &s.user, &change).await {
                        let bytes = frame(&change);
                        return Some((Ok(bytes), s));
                    }
                }
                // Fell behind: the client reloads what it shows.
                Err(RecvError::Lagged(_)) => {
                    return Some((Ok(Bytes::from_static(b"event: resync\ndata: {}\n\n")), s));
                }
                Err(RecvError::Closed) => return None,
            },
        }
    }
}

/// A stream of the changes you may see, as Server-Sent Events: `broadcast_logs.created`
/// (CS, admins, director), `ticket.created`, `ticket.updated`, `ticket.commented` (the
/// tickets your row-level security shows you), `import.progress` (imports you may see:
/// status, processed and total rows), `resync` (reload: events were missed).
/// Payloads carry ids and states, never the customer's identity.
#[utoipa::path(
    tag = "ops",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "text/event-stream", content_type = "text/event-stream", body = String),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/events")]
#[tracing::instrument(name = "GET /events", skip_all)]
pub async fn events(ctx: UserTx, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    let UserTx { tx, user } = ctx;
    persistence::commit(tx).await?;
    // Subscribe before answering, so nothing after the first byte is missed; right after
    // start-up, wait briefly for the LISTEN connection.
    state.events.ready(Duration::from_secs(3)).await;
    let changes = state.events.subscribe();
    let stream = Stream {
        changes,
        db: state.db.clone(),
        user,
        keep_alive: tokio::time::interval_at(tokio::time::Instant::now() + KEEP_ALIVE, KEEP_ALIVE),
        opened: false,
    };
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, "text/event-stream"))
        .insert_header((CACHE_CONTROL, "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(futures_util::stream::unfold(stream, next)))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(events);
}
