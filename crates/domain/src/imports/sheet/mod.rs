//! An uploaded spreadsheet → its first worksheet's rows, before anything is mapped. The
//! kind is decided by the bytes (zip → xlsx, CFB → xls, text → CSV), every size is
//! bounded before it is spent (file, uncompressed parts, rows, cells), and blank rows are
//! dropped so a row keeps the number the spreadsheet shows.

mod delimited;
mod excel;
mod xls_guard;

/// Rows a sheet may hold above [`SheetLimits::max_rows`] data rows: its header.
pub const HEADER_ROWS: usize = 1;

/// Widest row read: a value right of this many columns (column AMJ) is refused.
pub const MAX_COLUMNS: usize = 1024;

/// Most cells kept over the whole sheet, blanks between values included (~770 MB of
/// cells at worst). Rows and columns alone do not bound a sheet whose few values sit
/// far apart.
pub const MAX_CELLS: usize = 32_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetLimits {
    /// Largest upload.
    pub max_bytes: usize,
    /// Most data rows (non-blank rows besides [`HEADER_ROWS`]).
    pub max_rows: usize,
    /// Most bytes an xlsx may unpack to, over all its parts.
    pub max_uncompressed_bytes: u64,
}

impl Default for SheetLimits {
    /// 50 MB, 1 000 000 rows, 512 MB unpacked.
    fn default() -> Self {
        Self {
            max_bytes: 50 * 1024 * 1024,
            max_rows: 1_000_000,
            max_uncompressed_bytes: 512 * 1024 * 1024,
        }
    }
}

/// One cell as read: xlsx/xls typed cells keep their type (dates become
/// `Text("YYYY-MM-DD")` or `Text("YYYY-MM-DD HH:MM:SS")`, booleans `Text("TRUE")`, errors
/// their code such as `Text("#N/A")`); CSV cells are all `Text`. Blank text is `Empty`.
/// JSON: `null`, a number, or a string.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
}

impl Cell {
    /// `Text`, or `Empty` when the text is blank.
    pub(crate) fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if super::cells::clean_text(&text).is_none() {
            Self::Empty
        } else {
            Self::Text(text)
        }
    }

    /// `Number`, or the text Excel shows for a number it cannot hold.
    pub(crate) fn number(value: f64) -> Self {
        if value.is_finite() {
            Self::Number(value)
        } else {
            Self::Text("#NUM!".to_owned())
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SheetRow {
    /// The row number the spreadsheet shows (1-based); for a CSV, the row Excel shows
    /// when it opens the file (the line number, a quoted field over several lines
    /// counting once).
    pub number: u32,
    /// The cells from column A, without trailing blanks.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawSheet {
    /// The worksheet read (`None` for a CSV).
    pub sheet_name: Option<String>,
    /// The non-blank rows in order.
    pub rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    TooLarge {
        limit_bytes: usize,
    },
    TooManyRows {
        limit: usize,
    },
    NotASpreadsheet,
    Empty,
    DecompressionBomb,
    /// A spreadsheet that cannot be read; the detail is in English (the ones this module
    /// writes itself have an Indonesian translation, see [`SheetError::message_id`]).
    Unreadable(String),
}

/// Details of [`SheetError::Unreadable`] written here, with their Indonesian.
pub(crate) const PASSWORD: &str =
    "the workbook is password-protected — remove the password in Excel and upload it again";
pub(crate) const TOO_WIDE: &str =
    "a row has values beyond column 1024 (AMJ) — remove them or split the sheet";
pub(crate) const TOO_MANY_CELLS: &str =
    "the sheet holds more than 32,000,000 cells — split the file";
pub(crate) const NO_WORKSHEET: &str = "the workbook has no worksheet";
pub(crate) const XLS_TOO_LARGE: &str =
    "the .xls sheets span more than 8,000,000 cells — save the file as .xlsx and upload it again";
pub(crate) const BROKEN: &str = "the file is damaged";
const TRANSLATIONS: [(&str, &str); 6] = [
    (
        PASSWORD,
        "buku kerja dilindungi kata sandi — hapus kata sandinya di Excel lalu unggah lagi",
    ),
    (
        TOO_WIDE,
        "ada baris berisi nilai setelah kolom 1024 (AMJ) — hapus nilainya atau pecah sheet-nya",
    ),
    (
        TOO_MANY_CELLS,
        "sheet berisi lebih dari 32.000.000 sel — pecah berkasnya",
    ),
    (NO_WORKSHEET, "buku kerja tidak memiliki worksheet"),
    (
        XLS_TOO_LARGE,
        "sheet .xls mencakup lebih dari 8.000.000 sel — simpan berkasnya sebagai .xlsx lalu \
         unggah lagi",
    ),
    (BROKEN, "berkas rusak"),
];

impl SheetError {
    pub fn message_id(&self) -> String {
        match self {
            Self::TooLarge { limit_bytes } => {
                format!("Berkas terlalu besar (maks. {})", megabytes(*limit_bytes))
            }
            Self::TooManyRows { limit } => format!(
                "Terlalu banyak baris (maks. {} baris data) — pecah berkasnya",
                grouped(*limit, '.')
            ),
            Self::NotASpreadsheet => {
                "Berkas bukan spreadsheet yang bisa dibaca — unggah .xlsx, .xls atau .csv".into()
            }
            Self::Empty => "Berkas tidak berisi data".into(),
            Self::DecompressionBomb => {
                "Isi berkas terlalu besar setelah dibuka (berkas terkompresi yang mencurigakan)"
                    .into()
            }
            Self::Unreadable(detail) => {
                let detail = TRANSLATIONS
                    .iter()
                    .find(|(en, _)| en == detail)
                    .map_or(detail.as_str(), |(_, id)| id);
                format!("Berkas tidak dapat dibaca: {detail}")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            Self::TooLarge { limit_bytes } => {
                format!(
                    "The file is too large (at most {})",
                    megabytes(*limit_bytes)
                )
            }
            Self::TooManyRows { limit } => format!(
                "Too many rows (at most {} data rows) — split the file",
                grouped(*limit, ',')
            ),
            Self::NotASpreadsheet => {
                "The file is not a spreadsheet we can read — upload .xlsx, .xls or .csv".into()
            }
            Self::Empty => "The file holds no data".into(),
            Self::DecompressionBomb => {
                "The file unpacks to too much data (a suspicious compressed file)".into()
            }
            Self::Unreadable(detail) => format!("The file cannot be read: {detail}"),
        }
    }
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for SheetError {}

/// `52428800` → `50 MB` (binary megabytes, as file managers show them).
fn megabytes(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `1000000` → `1.000.000` with `separator` '.'.
fn grouped(value: usize, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Reads the first visible worksheet (xlsx, xlsm, xls) or the CSV. The kind is decided
/// by the bytes, not the name — except that a name ending `.xlsx`/`.xlsm` on bytes that are
/// not a zip is refused rather than read as text.
pub fn read(file_name: &str, bytes: &[u8], limits: &SheetLimits) -> Result<RawSheet, SheetError> {
    if bytes.len() > limits.max_bytes {
        return Err(SheetError::TooLarge {
            limit_bytes: limits.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SheetError::Empty);
    }
    let sheet = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        excel::guarded(excel::read_xlsx, bytes, limits)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        excel::guarded(excel::read_xls, bytes, limits)?
    } else if zip_named(file_name) {
        return Err(SheetError::NotASpreadsheet);
    } else {
        delimited::read_csv(bytes, limits)?
    };
    if sheet.rows.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(sheet)
}

/// Names of formats that are always zip archives.
fn zip_named(file_name: &str) -> bool {
    let lower = file_name.trim().to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xlsb", ".xltx", ".xltm", ".ods"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The rows kept so far, with the limits checked on every push.
pub(crate) struct Rows {
    limits: SheetLimits,
    rows: Vec<SheetRow>,
    cells: usize,
    sorted: bool,
}

impl Rows {
    pub(crate) fn new(limits: &SheetLimits) -> Self {
        Self {
            limits: *limits,
            rows: Vec::new(),
            cells: 0,
            sorted: true,
        }
    }

    /// Keeps the row unless it is blank; trailing blanks are trimmed.
    pub(crate) fn push(&mut self, number: u32, mut cells: Vec<Cell>) -> Result<(), SheetError> {
        while cells.last().is_some_and(Cell::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            return Ok(());
        }
        if self.rows.len() >= self.limits.max_rows.saturating_add(HEADER_ROWS) {
            return Err(SheetError::TooManyRows {
                limit: self.limits.max_rows,
            });
        }
        if cells.len() > MAX_COLUMNS {
            return Err(SheetError::Unreadable(TOO_WIDE.to_owned()));
        }
        self.cells += cells.len();
        if self.cells > MAX_CELLS {
            return Err(SheetError::Unreadable(TOO_MANY_CELLS.to_owned()));
        }
        if self.rows.last().is_some_and(|last| last.number >= number) {
            self.sorted = false;
        }
        self.rows.push(SheetRow { number, cells });
        Ok(())
    }

    pub(crate) fn finish(mut self, sheet_name: Option<String>) -> RawSheet {
        if self.sorted {
            return RawSheet {
                sheet_name,
                rows: self.rows,
            };
        }
        // A damaged xlsx may list a row twice or out of order: one row per number, the
        // later values winning.
        self.rows.sort_by_key(|row| row.number);
        let mut rows: Vec<SheetRow> = Vec::with_capacity(self.rows.len());
        for row in self.rows {
            match rows.last_mut() {
                Some(last) if last.number == row.number => {
                    if last.cells.len() < row.cells.len() {
                        last.cells.resize(row.cells.len(), Cell::Empty);
                    }
                    for (slot, cell) in last.cells.iter_mut().zip(row.cells) {
                        if !cell.is_empty() {
                            *slot = cell;
                        }
                    }
                }
                _ => rows.push(row),
            }
        }
        RawSheet { sheet_name, rows }
    }
}

#[cfg(test)]
mod tests;
