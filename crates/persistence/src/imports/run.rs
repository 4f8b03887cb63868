//! IMP-2: processing an import in batches under the caller's row-level security. A run
//! claims the import (one run at a time, a silent run may be taken over), marks rows
//! repeating an earlier row of the file as duplicates, validates and writes the pending
//! and error rows batch by batch (progress announced after each; two batches in flight
//! for invoices and leads, see `gate`), then settles the counts and asserts that what was committed is what was staged less the rejected and
//! the duplicates (IMP-5).

use domain::imports::{
    cells::NumberStyle, mapping::check_mapping, sheet::Cell, ImportModule, ImportStatus, RowError,
};
use uuid::Uuid;

use futures_util::{stream::FuturesUnordered, StreamExt};

use super::{
    gate::{Gate, Ticket},
    get, writers, ImportRecord,
};
use crate::{Db, DbError, Principal, RequestContext, Tx};

/// Rows per batch transaction.
pub const BATCH_ROWS: i64 = 5_000;

/// What a process request found.
#[derive(Debug)]
pub enum Claim {
    /// The caller's run may start.
    Started(ImportRecord),
    /// Another run holds the import; nothing more starts.
    Running(ImportRecord),
    /// A reverted import is not processed again.
    Reverted(ImportRecord),
}

/// Claims the import for a run: `queued` unless a live run holds it.
pub async fn claim(tx: &mut Tx, id: Uuid) -> Result<Claim, DbError> {
    let claimed = sqlx::query_scalar!(
        "update imports set status = 'queued', failure = null, heartbeat_at = now()
          where id = $1
            and (status in ('staged', 'done', 'failed')
                 or (status in ('queued', 'processing') and heartbeat_at < now() - interval '2 minutes'))
          returning id",
        id
    )
    .fetch_optional(&mut **tx)
    .await?;
    let import = get(tx, id).await?;
    Ok(match (claimed, import.status.0) {
        (Some(_), _) => Claim::Started(import),
        (None, ImportStatus::Reverted) => Claim::Reverted(import),
        (None, _) => Claim::Running(import),
    })
}

/// One row's outcome, as stored.
pub(super) struct Settled {
    pub row_number: i32,
    pub outcome: writers::Outcome,
}

/// Processes a claimed import to its end. Failures leave the import `failed` with the
/// reason (rows written so far stay, and a new run continues with the rest).
pub async fn run(db: &Db, ctx: &RequestContext, id: Uuid) -> Result<ImportRecord, DbError> {
    match process(db, ctx, id).await {
        Ok(import) => Ok(import),
        Err(err) => {
            tracing::warn!(import = %id, error = %err, "import run failed");
            let (mut tx, _) = db.begin(ctx).await?;
            sqlx::query!(
                "update imports set status = 'failed', failure = $2, processed_at = now() where id = $1",
                id,
                err.to_string()
            )
            .execute(&mut *tx)
            .await?;
            crate::commit(tx).await?;
            announce(db, ctx, id).await;
            Err(err)
        }
    }
}

async fn process(db: &Db, ctx: &RequestContext, id: Uuid) -> Result<ImportRecord, DbError> {
    let (mut tx, principal) = db.begin(ctx).await?;
    let Principal::User(user) = principal else {
        return Err(DbError::Unauthenticated);
    };
    let import = start(&mut tx, id).await?;
    crate::commit(tx).await?;
    announce(db, ctx, id).await;
    let module = import.module.0;
    let mapping: Vec<Option<String>> = serde_json::from_value(import.mapping.clone())
        .map_err(|e| DbError::InvalidValue(format!("mapping: {e}")))?;
    let columns = check_mapping(module, &mapping).map_err(|errors| {
        DbError::InvalidValue(
            errors
                .iter()
                .map(|e| e.message_en.clone())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    let styles: Vec<Option<NumberStyle>> =
        serde_json::from_value(import.number_styles.clone()).unwrap_or_default();
    let batch = |index: usize, (first, last): (i32, i32), ticket: Option<Ticket>| {
        let (user, columns, styles) = (&user, &columns, &styles);
        async move {
            let ran = async {
                let (mut tx, _) = db.begin(ctx).await?;
                let rows = batch_rows(&mut tx, id, first, last).await?;
                let written = writers::write(
                    &mut tx,
                    module,
                    user,
                    &rows,
                    columns,
                    styles,
                    ticket.as_ref(),
                )
                .await?;
                let Some(settled) = written else {
                    return Ok(false);
                };
                store(&mut tx, id, &settled).await?;
                crate::commit(tx).await?;
                Ok(true)
            }
            .await;
            if let Some(ticket) = &ticket {
                ticket.leave(matches!(ran, Ok(true)));
            }
            announce(db, ctx, id).await;
            (index, ran)
        }
    };
    let batches = batches(db, ctx, id).await?;
    let gate = Gate::new();
    let width = writers::width(module);
    let mut running = FuturesUnordered::new();
    let mut queue = batches.iter().copied().enumerate();
    let mut again = Vec::new();
    loop {
        while running.len() < width {
            let Some((index, range)) = queue.next() else {
                break;
            };
            let ticket = (width > 1).then(|| gate.ticket(index));
            running.push(batch(index, range, ticket));
        }
        match running.next().await {
            None => break,
            Some((_, Ok(true))) => {}
            // a batch beside another one that must run again alone: its earlier
            // batch failed, or the database chose it to break a deadlock
            Some((index, Ok(false))) => again.push(index),
            Some((index, Err(err))) if width > 1 && deadlock(&err) => again.push(index),
            Some((_, Err(err))) => return Err(err),
        }
    }
    drop(running);
    again.sort_unstable();
    for index in again {
        let (_, ran) = batch(index, batches[index], None).await;
        ran?;
    }
    let (mut tx, _) = db.begin(ctx).await?;
    let done = finish(&mut tx, id, module).await?;
    crate::commit(tx).await?;
    announce(db, ctx, id).await;
    Ok(done)
}

/// `processing`, with rows repeating an earlier row of the file marked as duplicates.
async fn start(tx: &mut Tx, id: Uuid) -> Result<ImportRecord, DbError> {
    sqlx::query!(
        "update import_rows r set status = 'duplicate', duplicate_of = f.first, errors = '[]',
                target_id = null, action = null, processed_at = now()
           from (select row_hash, min(row_number) as first from import_rows
                  where import_id = $1 group by row_hash having count(*) > 1) f
          where r.import_id = $1 and r.row_hash = f.row_hash and r.row_number > f.first
            and r.status in ('pending', 'error')",
        id
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query!(
        "update imports i set status = 'processing', started_at = now(), heartbeat_at = now(),
                processed_rows = i.total_rows - (select count(*) from import_rows r
                                                  where r.import_id = i.id and r.status in ('pending', 'error'))
          where i.id = $1",
        id
    )
    .execute(&mut **tx)
    .await?;
    get(tx, id).await
}

/// The pending and error rows in batches of [`BATCH_ROWS`]: each batch's first and last
/// row number.
async fn batches(db: &Db, ctx: &RequestContext, id: Uuid) -> Result<Vec<(i32, i32)>, DbError> {
    let (mut tx, _) = db.begin(ctx).await?;
    let numbers = sqlx::query_scalar!(
        "select row_number from import_rows
          where import_id = $1 and status in ('pending', 'error') order by row_number",
        id
    )
    .fetch_all(&mut *tx)
    .await?;
    let size = usize::try_from(BATCH_ROWS).unwrap_or(usize::MAX);
    Ok(numbers
        .chunks(size)
        .filter_map(|c| Some((*c.first()?, *c.last()?)))
        .collect())
}

async fn batch_rows(
    tx: &mut Tx,
    id: Uuid,
    first: i32,
    last: i32,
) -> Result<Vec<(i32, Vec<Cell>)>, DbError> {
    let rows = sqlx::query!(
        "select row_number, row_data from import_rows
          where import_id = $1 and status in ('pending', 'error') and row_number between $2 and $3
          order by row_number",
        id,
        first,
        last
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let cells = serde_json::from_value(r.row_data).unwrap_or_default();
            (r.row_number, cells)
        })
        .collect())
}

/// The database broke a deadlock by aborting this transaction.
fn deadlock(err: &DbError) -> bool {
    matches!(err, DbError::Other(sqlx::Error::Database(db)) if db.code().as_deref() == Some("40P01"))
}

/// Stores a batch's outcomes and moves the progress on.
async fn store(tx: &mut Tx, id: Uuid, settled: &[Settled]) -> Result<(), DbError> {
    let mut numbers = Vec::with_capacity(settled.len());
    let mut statuses = Vec::with_capacity(settled.len());
    let mut errors = Vec::with_capacity(settled.len());
    let mut targets: Vec<Option<Uuid>> = Vec::with_capacity(settled.len());
    let mut actions: Vec<Option<String>> = Vec::with_capacity(settled.len());
    for s in settled {
        numbers.push(s.row_number);
        match &s.outcome {
            writers::Outcome::Written { target_id, action } => {
                statuses.push("ok".to_owned());
                errors.push(serde_json::json!([]));
                targets.push(Some(*target_id));
                actions.push(Some(action.as_str().to_owned()));
            }
            writers::Outcome::Refused(problems) => {
                statuses.push("error".to_owned());
                errors.push(errors_json(problems));
                targets.push(None);
                actions.push(None);
            }
        }
    }
    sqlx::query!(
        "update import_rows r set status = u.status, errors = u.errors, target_id = u.target_id,
                action = u.action, processed_at = now()
           from unnest($2::int[], $3::text[], $4::jsonb[], $5::uuid[], $6::text[])
                as u(row_number, status, errors, target_id, action)
          where r.import_id = $1 and r.row_number = u.row_number",
        id,
        &numbers,
        &statuses,
        &errors,
        &targets as &[Option<Uuid>],
        &actions as &[Option<String>],
    )
    .execute(&mut **tx)
    .await?;
    let n = i32::try_from(settled.len()).unwrap_or(i32::MAX);
    sqlx::query!(
        "update imports set processed_rows = least(total_rows, processed_rows + $2), heartbeat_at = now()
          where id = $1",
        id,
        n
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn errors_json(problems: &[RowError]) -> serde_json::Value {
    serde_json::to_value(problems).unwrap_or_else(|_| serde_json::json!([]))
}

/// Settles the counts from the rows and checks them: every row settled, and every ok
/// row's record present in the target — else the import is `failed`, never `done`.
async fn finish(tx: &mut Tx, id: Uuid, module: ImportModule) -> Result<ImportRecord, DbError> {
    let counts = sqlx::query!(
        r#"select count(*) filter (where status = 'ok') as "ok!",
                  count(*) filter (where status = 'error') as "error!",
                  count(*) filter (where status = 'duplicate') as "duplicate!",
                  count(*) filter (where status = 'pending') as "pending!",
                  count(*) filter (where action = 'created') as "created!",
                  count(*) filter (where action = 'updated') as "updated!",
                  count(*) as "total!"
             from import_rows where import_id = $1"#,
        id
    )
    .fetch_one(&mut **tx)
    .await?;
    let committed = writers::committed(tx, module, id).await?;
    let failure = if counts.pending > 0 {
        Some(format!("{} rows were not processed", counts.pending))
    } else if committed != counts.ok || counts.ok != counts.total - counts.error - counts.duplicate
    {
        Some(format!(
            "committed {committed} records but staged {} − rejected {} − duplicates {} = {}",
            counts.total,
            counts.error,
            counts.duplicate,
            counts.total - counts.error - counts.duplicate
        ))
    } else {
        None
    };
    let to_i32 = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    let row = sqlx::query!(
        "update imports set status = case when $2::text is null then 'done' else 'failed' end,
                failure = $2, success_count = $3, error_count = $4, duplicate_count = $5,
                created_count = $6, updated_count = $7, processed_rows = total_rows - $8,
                processed_at = now(), heartbeat_at = now()
          where id = $1
          returning created_by, import_code, original_name",
        id,
        failure,
        to_i32(counts.ok),
        to_i32(counts.error),
        to_i32(counts.duplicate),
        to_i32(counts.created),
        to_i32(counts.updated),
        to_i32(counts.pending),
    )
    .fetch_one(&mut **tx)
    .await?;
    // IMP-5: one summary notification, no per-row side effects.
    sqlx::query!(
        "select app.notify_localized($1, 'import_finished', $2, $3, $4, $5, $6, $7) as id",
        row.created_by,
        format!("Impor {} selesai", row.import_code),
        format!("Import {} finished", row.import_code),
        format!(
            "{}: {} berhasil, {} gagal, {} duplikat",
            row.original_name, counts.ok, counts.error, counts.duplicate
        ),
        format!(
            "{}: {} succeeded, {} failed, {} duplicates",
            row.original_name, counts.ok, counts.error, counts.duplicate
        ),
        format!("/imports/{id}"),
        format!("import:{id}:{}", uuid::Uuid::new_v4()),
    )
    .fetch_one(&mut **tx)
    .await?;
    get(tx, id).await
}

/// Tells the import's watchers (SSE) where it stands; best effort.
async fn announce(db: &Db, ctx: &RequestContext, id: Uuid) {
    let Ok((mut tx, _)) = db.begin(ctx).await else {
        return;
    };
    let Ok(import) = get(&mut tx, id).await else {
        return;
    };
    drop(tx);
    let payload = serde_json::json!({
        "type": "import.progress",
        "id": id,
        "status": import.status.0.as_str(),
        "total_rows": import.total_rows,
        "processed_rows": import.processed_rows,
    });
    if let Err(err) = db.notify(&payload.to_string()).await {
        tracing::debug!(error = %err, "import progress not announced");
    }
}
