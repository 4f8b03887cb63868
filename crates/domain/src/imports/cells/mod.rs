//! Cell values as people type them in Indonesian and English spreadsheets: decimals with
//! either notation, whole counts, dates in a dozen spellings (never month-first), and text
//! with stray spaces. Every parser is pure and answers a [`CellError`] in both languages
//! that quotes the value, so a row's problems can be shown per field.

mod count;
mod date;
mod decimal;
mod style;

pub use count::{number_to_count, parse_count};
pub use date::{parse_date, serial_to_date};
pub use decimal::{number_to_decimal, parse_decimal};
pub use style::{column_style, style_evidence, ColumnConflict, StyleEvidence};

/// A cell message in both languages, shown to users per row and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub message_id: String,
    pub message_en: String,
}

impl CellError {
    pub(crate) fn new(message_id: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self {
            message_id: message_id.into(),
            message_en: message_en.into(),
        }
    }

    /// The message for a blank value.
    pub(crate) fn empty() -> Self {
        Self::new("kosong", "is empty")
    }
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en)
    }
}

impl std::error::Error for CellError {}

/// How a column writes decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// `1.500.000,50`: '.' groups thousands, ',' marks decimals.
    Indonesian,
    /// `1,500,000.50`: ',' groups thousands, '.' marks decimals.
    English,
}

impl NumberStyle {
    /// The decimal mark.
    pub fn decimal_mark(self) -> char {
        match self {
            Self::Indonesian => ',',
            Self::English => '.',
        }
    }

    /// An example amount in this style (for messages).
    pub fn example(self) -> &'static str {
        match self {
            Self::Indonesian => "1.500.000,50",
            Self::English => "1,500,000.50",
        }
    }
}

/// Spaces that spreadsheets and copy-paste put into values besides the ordinary one.
fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\t')
}

/// Characters without width that copy-paste leaves behind (zero-width space, BOM, word
/// joiner).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Text cleaned: NBSP/U+202F/tabs (and every other whitespace, line breaks included) →
/// one space, invisible characters removed, trimmed; empty → `None`.
pub fn clean_text(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars().filter(|&c| !is_invisible(c)) {
        if c.is_whitespace() || is_odd_space(c) {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A header cell normalised for matching: [`clean_text`], lowercase, and spaces,
/// underscores, hyphens, dots, slashes and parentheses removed (`"No. HP"` → `"nohp"`,
/// `"Tanggal_Faktur"` → `"tanggalfaktur"`, `"Jatuh Tempo "` → `"jatuhtempo"`).
pub fn header_key(raw: &str) -> String {
    let Some(text) = clean_text(raw) else {
        return String::new();
    };
    text.to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '/' | '\\' | '(' | ')'))
        .collect()
}

/// The value quoted for a message: cleaned, and cut at 40 characters.
pub(crate) fn quoted(raw: &str) -> String {
    let text = clean_text(raw).unwrap_or_default();
    if text.chars().count() > 40 {
        let cut: String = text.chars().take(39).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{text}\"")
    }
}

/// `raw` without odd spaces anywhere and trimmed: what number parsers look at.
fn compact_number(raw: &str) -> String {
    raw.chars()
        .filter(|&c| !is_odd_space(c) && !is_invisible(c))
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests;
