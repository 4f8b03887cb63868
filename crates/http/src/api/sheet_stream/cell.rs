//! The cells of an exported row, and how they become what Excel holds: moments as
//! Asia/Jakarta serial dates, texts cut to a cell's length.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Excel's longest text in one cell, in UTF-16 units.
const MAX_TEXT: usize = 32_767;

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A moment, written as its Asia/Jakarta (WIB) date and time: a date cell that Excel
    /// sorts and filters, shown `dd/mm/yyyy hh:mm`.
    Moment(DateTime<Utc>),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Empty, Into::into)
    }
}

impl From<DateTime<Utc>> for Cell {
    fn from(at: DateTime<Utc>) -> Self {
        Self::Moment(at)
    }
}

/// A row of texts as cells.
pub fn texts(values: Vec<String>) -> Vec<Cell> {
    values.into_iter().map(Cell::Text).collect()
}

/// Asia/Jakarta wall-clock time (UTC+7, no daylight saving).
pub(super) fn jakarta(at: DateTime<Utc>) -> NaiveDateTime {
    (at + chrono::Duration::hours(7)).naive_utc()
}

/// Excel's serial date: days since 1899-12-30, the time of day as the fraction.
pub(super) fn serial(at: NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap_or_default()
        .and_time(chrono::NaiveTime::MIN);
    (at - epoch).num_seconds() as f64 / 86_400.0
}

/// `text` cut to what one cell holds.
pub(super) fn clip(text: String) -> String {
    if text.len() <= MAX_TEXT {
        return text;
    }
    let mut units = 0;
    text.chars()
        .take_while(|c| {
            units += c.len_utf16();
            units <= MAX_TEXT
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_jakarta_serial_dates() {
        let at = DateTime::parse_from_rfc3339("2026-01-31T20:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        // 1 Feb 2026 03:30 WIB.
        assert_eq!(
            jakarta(at),
            NaiveDate::from_ymd_opt(2026, 2, 1)
                .unwrap()
                .and_hms_opt(3, 30, 0)
                .unwrap()
        );
        assert_eq!(serial(jakarta(at)), 46_054.0 + 3.5 / 24.0);
    }

    #[test]
    fn long_text_is_cut_to_what_a_cell_holds() {
        assert_eq!(clip("pendek".to_owned()), "pendek");
        let long = "é".repeat(40_000);
        assert_eq!(clip(long).chars().count(), MAX_TEXT);
        // A character outside the BMP counts twice and is never split.
        let emoji = "😀".repeat(20_000);
        assert_eq!(clip(emoji).chars().count(), MAX_TEXT / 2);
    }
}
