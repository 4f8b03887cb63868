//! xlsx/xlsm (zip) and xls (CFB) through calamine. An xlsx is checked against
//! decompression bombs from its central directory before calamine opens it (zip refuses
//! to unpack an entry past its declared size, so declared sizes bound the real ones), and
//! its first worksheet is streamed cell by cell so the row limit stops it early.

use std::io::Cursor;

use calamine::{Data, Reader, SheetType, SheetVisible, Xls, XlsError, Xlsx, XlsxError};

use super::{
    Cell, RawSheet, Rows, SheetError, SheetLimits, BROKEN, MAX_COLUMNS, NO_WORKSHEET, PASSWORD,
    TOO_WIDE,
};

/// Entries larger than this may not unpack more than [`MAX_RATIO`] times their size.
const RATIO_FLOOR: u64 = 1024 * 1024;
const MAX_RATIO: u64 = 200;

pub(super) fn read_xlsx(bytes: &[u8], limits: &SheetLimits) -> Result<RawSheet, SheetError> {
    check_zip(bytes, limits.max_uncompressed_bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let name = first_sheet(book.sheets_metadata())?;
    let is_1904 = book.has_1904_epoch();
    let mut reader = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    let mut rows = Rows::new(limits);
    let mut current: Option<(u32, Vec<Cell>)> = None;
    while let Some(cell) = reader.next_cell().map_err(xlsx_error)? {
        let (row, column) = cell.get_position();
        let value = convert(cell.get_value().clone().into(), is_1904);
        if current.as_ref().is_some_and(|(r, _)| *r != row) {
            if let Some((r, cells)) = current.take() {
                rows.push(r.saturating_add(1), cells)?;
            }
        }
        let (_, cells) = current.get_or_insert_with(|| (row, Vec::new()));
        if !value.is_empty() {
            place(cells, column, value)?;
        }
    }
    if let Some((r, cells)) = current {
        rows.push(r.saturating_add(1), cells)?;
    }
    Ok(rows.finish(Some(name)))
}

/// Reads an xls or xlsx through calamine, a panic inside it (on a damaged file) being an
/// unreadable file rather than a crash.
pub(super) fn guarded(
    read: fn(&[u8], &SheetLimits) -> Result<RawSheet, SheetError>,
    bytes: &[u8],
    limits: &SheetLimits,
) -> Result<RawSheet, SheetError> {
    std::panic::catch_unwind(|| read(bytes, limits))
        .unwrap_or_else(|_| Err(SheetError::Unreadable(BROKEN.to_owned())))
}

pub(super) fn read_xls(bytes: &[u8], limits: &SheetLimits) -> Result<RawSheet, SheetError> {
    super::xls_guard::check_xls(bytes)?;
    let mut book: Xls<_> = match Xls::new(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(err) => return Err(xls_error(bytes, err)),
    };
    let name = first_sheet(book.sheets_metadata())?;
    let is_1904 = book.has_1904_epoch();
    let range = book
        .worksheet_range(&name)
        .map_err(|err| xls_error(bytes, err))?;
    let mut rows = Rows::new(limits);
    let Some((first_row, first_column)) = range.start() else {
        return Ok(rows.finish(Some(name)));
    };
    for (row, values) in (first_row..).zip(range.rows()) {
        let mut cells = Vec::new();
        for (column, value) in (first_column..).zip(values) {
            let value = convert(value.clone(), is_1904);
            if !value.is_empty() {
                place(&mut cells, column, value)?;
            }
        }
        rows.push(row.saturating_add(1), cells)?;
    }
    Ok(rows.finish(Some(name)))
}

/// Refuses an archive whose entries declare more than `limit` bytes in all, or one entry
/// over 1 MB that unpacks more than 200 times its packed size; refuses a zip that is not
/// an Office package.
fn check_zip(bytes: &[u8], limit: u64) -> Result<(), SheetError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| SheetError::NotASpreadsheet)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|_| SheetError::NotASpreadsheet)?;
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if total > limit || (size > RATIO_FLOOR && size / packed.max(1) > MAX_RATIO) {
            return Err(SheetError::DecompressionBomb);
        }
    }
    if archive.index_for_name("[Content_Types].xml").is_none() {
        return Err(SheetError::NotASpreadsheet);
    }
    Ok(())
}

/// The first visible worksheet, else the first worksheet.
fn first_sheet(sheets: &[calamine::Sheet]) -> Result<String, SheetError> {
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets()
        .find(|s| s.visible == SheetVisible::Visible)
        .or_else(|| worksheets().next())
        .map(|s| s.name.clone())
        .ok_or_else(|| SheetError::Unreadable(NO_WORKSHEET.to_owned()))
}

/// Puts a value at its column (0 = A), blanks before it.
fn place(cells: &mut Vec<Cell>, column: u32, value: Cell) -> Result<(), SheetError> {
    let column = usize::try_from(column).unwrap_or(usize::MAX);
    if column >= MAX_COLUMNS {
        return Err(SheetError::Unreadable(TOO_WIDE.to_owned()));
    }
    if cells.len() <= column {
        cells.resize(column + 1, Cell::Empty);
    }
    cells[column] = value;
    Ok(())
}

/// A calamine value → a [`Cell`]: numbers stay numbers, dates become ISO text, the rest
/// text as Excel shows it.
pub(super) fn convert(value: Data, is_1904: bool) -> Cell {
    match value {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::number(i as f64),
        Data::Float(f) => Cell::number(f),
        Data::String(s) => Cell::text(s),
        Data::Bool(b) => Cell::Text(if b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::Error(e) => Cell::Text(e.to_string()),
        Data::DateTime(dt) if dt.is_duration() => Cell::Text(duration(dt.as_f64())),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            Cell::Text(if dt.as_f64() < 1.0 && !is_1904 {
                format!("{h:02}:{mi:02}:{s:02}")
            } else if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            })
        }
        Data::DateTimeIso(s) => {
            let s = s.replacen('T', " ", 1);
            Cell::text(s.strip_suffix(" 00:00:00").map(str::to_owned).unwrap_or(s))
        }
        Data::DurationIso(s) => Cell::text(s),
    }
}

/// A duration in days → `H:MM:SS` (hours past 24 kept, as `[h]:mm:ss` shows them).
fn duration(days: f64) -> String {
    let seconds = (days.abs() * 86_400.0).round();
    // Finite and at most a few million hours for any cell Excel writes.
    let seconds = if seconds.is_finite() {
        seconds as u64
    } else {
        0
    };
    let sign = if days < 0.0 { "-" } else { "" };
    format!(
        "{sign}{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

fn xlsx_error(err: XlsxError) -> SheetError {
    let text = err.to_string();
    match err {
        _ if text.contains("declared uncompressed size") => SheetError::DecompressionBomb,
        XlsxError::Password => SheetError::Unreadable(PASSWORD.to_owned()),
        XlsxError::Zip(_) | XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => {
            SheetError::NotASpreadsheet
        }
        _ => SheetError::Unreadable(text),
    }
}

/// An encrypted xlsx is a CFB file too: calamine's xlsx reader recognises it.
fn xls_error(bytes: &[u8], err: XlsError) -> SheetError {
    if matches!(err, XlsError::Password)
        || matches!(Xlsx::new(Cursor::new(bytes)), Err(XlsxError::Password))
    {
        return SheetError::Unreadable(PASSWORD.to_owned());
    }
    match err {
        XlsError::Cfb(_) => SheetError::NotASpreadsheet,
        other => SheetError::Unreadable(other.to_string()),
    }
}
