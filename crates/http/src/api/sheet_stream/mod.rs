//! EXP-1: the streamed .xlsx writer every export shares.
//!
//! Rows arrive from PostgreSQL one at a time (`persistence::list::Export`, inside the
//! caller's transaction, so row-level security decides them) and pass through a short
//! queue to a blocking task that writes them into a constant-memory worksheet:
//! rust_xlsxwriter keeps only the current row and appends the others to a temporary
//! file. The workbook is then saved into another temporary file, which the response
//! streams from disk. Memory does not grow with the row count. Both files are unlinked
//! from the start (`tempfile::tempfile`), so they are gone once the response is sent or
//! dropped; they live in `TMPDIR` (`/tmp` by default), which should be a disk, not
//! memory.
//!
//! One export holds up to a worksheet's rows ([`STREAM_LIMIT`]); with more matching
//! rows it is refused (422) and the caller narrows the filters.

mod cell;

pub use cell::{texts, Cell};

use std::{
    fs::File,
    io::{Seek, SeekFrom},
};

use actix_web::{body::SizedStream, HttpResponse};
use futures_util::{Stream, TryStreamExt};
use persistence::DbError;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use tokio::{sync::mpsc, task::JoinHandle};
use tokio_util::io::ReaderStream;

use self::cell::{clip, jakarta, serial};
use super::sheet::XLSX;
use crate::error::{ApiError, ApiResult};

/// The most rows one export holds: a worksheet's 1,048,576 rows less the header.
pub const STREAM_LIMIT: i64 = 1_048_575;

/// The rows an export asks the database for: one more than it holds tells that more match.
pub const STREAM_FETCH: i64 = STREAM_LIMIT + 1;

/// Rows waiting between the database and the writer (the only rows held in memory).
const QUEUE: usize = 256;

/// The widest column, in characters.
const MAX_WIDTH: usize = 60;

/// The width of a date column (`dd/mm/yyyy hh:mm`).
const MOMENT_WIDTH: usize = 16;

/// A workbook of one sheet: the download's name (`<file>-<today>.xlsx`), the sheet's
/// name and its column headers (a bold, frozen header row with a filter). Columns are as
/// wide as their longest text, up to [`MAX_WIDTH`].
#[derive(Debug, Clone)]
pub struct Sheet {
    pub file: &'static str,
    pub name: &'static str,
    pub headers: Vec<String>,
}

impl Sheet {
    pub fn new(file: &'static str, name: &'static str, headers: &[&'static str]) -> Self {
        Self {
            file,
            name,
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        }
    }
}

/// A workbook being finished on disk after its last row arrived.
pub struct Filling {
    file: &'static str,
    writer: JoinHandle<Result<File, XlsxError>>,
}

/// Writes every row of `rows` (turned into cells by `cells`) below the header of `sheet`.
/// Returns once the database has sent the last row, so the caller can end its
/// transaction while [`Filling::download`] waits for the workbook. 422 when more than
/// [`STREAM_LIMIT`] rows come.
pub async fn fill<T, S>(sheet: Sheet, rows: S, cells: impl Fn(T) -> Vec<Cell>) -> ApiResult<Filling>
where
    S: Stream<Item = Result<T, DbError>> + Unpin,
{
    fill_up_to(sheet, rows, cells, STREAM_LIMIT).await
}

async fn fill_up_to<T, S>(
    sheet: Sheet,
    mut rows: S,
    cells: impl Fn(T) -> Vec<Cell>,
    limit: i64,
) -> ApiResult<Filling>
where
    S: Stream<Item = Result<T, DbError>> + Unpin,
{
    let file = sheet.file;
    let (queue, received) = mpsc::channel(QUEUE);
    let writer = tokio::task::spawn_blocking(move || write(&sheet, received));
    let mut count = 0_i64;
    while let Some(row) = rows.try_next().await? {
        count += 1;
        if count > limit {
            return Err(ApiError::validation(
                "filters",
                format!(
                    "more than {limit} rows match; one export holds at most {limit}: \
                     narrow the filters"
                ),
            ));
        }
        if queue.send(cells(row)).await.is_err() {
            // The writer stopped; its error is the answer of `download`.
            break;
        }
    }
    Ok(Filling { file, writer })
}

impl Filling {
    /// The finished workbook as the response, streamed from its file.
    pub async fn download(self) -> ApiResult<HttpResponse> {
        let internal = |err: &dyn std::fmt::Display| ApiError::Internal(err.to_string());
        let file = self
            .writer
            .await
            .map_err(|e| internal(&e))?
            .map_err(|e| internal(&e))?;
        let length = file.metadata().map_err(|e| internal(&e))?.len();
        let body = ReaderStream::new(tokio::fs::File::from_std(file));
        let name = format!("{}-{}.xlsx", self.file, domain::jakarta_today());
        Ok(HttpResponse::Ok()
            .content_type(XLSX)
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"{name}\""),
            ))
            .body(SizedStream::new(length, body)))
    }
}

/// The blocking half: the rows into a constant-memory worksheet, the workbook into an
/// unnamed temporary file, rewound for reading.
fn write(sheet: &Sheet, mut rows: mpsc::Receiver<Vec<Cell>>) -> Result<File, XlsxError> {
    let mut book = Workbook::new();
    let out = book.add_worksheet_with_constant_memory()?;
    out.set_name(sheet.name)?;
    let bold = Format::new().set_bold();
    let moment = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
    for (col, header) in (0u16..).zip(&sheet.headers) {
        out.write_string_with_format(0, col, header, &bold)?;
    }
    let mut row = 0u32;
    while let Some(cells) = rows.blocking_recv() {
        row += 1;
        for ((col, width), cell) in (0u16..).zip(widths.iter_mut()).zip(cells) {
            match cell {
                Cell::Text(text) => {
                    *width = (*width).max(text.chars().count().min(MAX_WIDTH));
                    out.write_string(row, col, clip(text))?
                }
                Cell::Moment(at) => {
                    *width = (*width).max(MOMENT_WIDTH);
                    out.write_number_with_format(row, col, serial(jakarta(at)), &moment)?
                }
                Cell::Empty => out,
            };
        }
    }
    for (col, width) in (0u16..).zip(widths) {
        out.set_column_width(col, u16::try_from(width + 2).unwrap_or(u16::MAX))?;
    }
    out.set_freeze_panes(1, 0)?;
    let last_col = u16::try_from(sheet.headers.len().max(1) - 1).unwrap_or(u16::MAX);
    out.autofilter(0, 0, row, last_col)?;
    let mut file = tempfile::tempfile()?;
    book.save_to_writer(&mut file)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> impl Stream<Item = Result<usize, DbError>> + Unpin {
        futures_util::stream::iter((0..n).map(Ok))
    }

    fn sheet() -> Sheet {
        Sheet::new("test", "Test", &["No", "Text"])
    }

    fn cells(n: usize) -> Vec<Cell> {
        vec![Cell::Text(n.to_string()), Cell::Empty]
    }

    #[tokio::test]
    async fn a_workbook_of_the_limit_is_sent_one_more_row_is_refused() {
        let book = fill_up_to(sheet(), rows(3), cells, 3).await.unwrap();
        let response = book.download().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers().get("content-type").unwrap(), XLSX);
        let body = actix_web::body::to_bytes(response.into_body())
            .await
            .unwrap();
        assert_eq!(&body[..2], b"PK", "a zip container");

        let refused = fill_up_to(sheet(), rows(4), cells, 3).await;
        assert!(matches!(refused, Err(ApiError::Validation(_))));
    }
}
