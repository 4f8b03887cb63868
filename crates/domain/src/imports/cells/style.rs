//! What a column's values say about how it writes decimals: each value is neutral,
//! Indonesian, English or not a number; the decisive ones must agree.

use super::decimal::{read, Reading, Written};
use super::{quoted, NumberStyle};

/// What one text value says about the style of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StyleEvidence {
    /// Reads the same in both styles (`1500`, `12`), reads both ways (`1.500`), or is blank.
    Neutral,
    Indonesian,
    English,
    /// Not a number.
    Invalid,
}

/// Decisive values of one column that disagree: one written each way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnConflict {
    /// The first value written in the Indonesian style.
    pub indonesian: String,
    /// The first value written in the English style.
    pub english: String,
}

impl ColumnConflict {
    pub fn message_id(&self) -> String {
        format!(
            "kolom ini mencampur format angka Indonesia ({}) dan Inggris ({}) — samakan formatnya",
            quoted(&self.indonesian),
            quoted(&self.english)
        )
    }

    pub fn message_en(&self) -> String {
        format!(
            "this column mixes Indonesian ({}) and English ({}) number formats — use one format",
            quoted(&self.indonesian),
            quoted(&self.english)
        )
    }
}

/// What one text value says about the style of its column.
pub fn style_evidence(raw: &str) -> StyleEvidence {
    if super::clean_text(raw).is_none() {
        return StyleEvidence::Neutral;
    }
    match read(raw) {
        Ok(Written {
            reading: Reading::Known {
                style: Some(style), ..
            },
            ..
        }) => match style {
            NumberStyle::Indonesian => StyleEvidence::Indonesian,
            NumberStyle::English => StyleEvidence::English,
        },
        Ok(_) => StyleEvidence::Neutral,
        Err(_) => StyleEvidence::Invalid,
    }
}

/// The column's style from all its text values: `Some` when the decisive values agree,
/// `None` when none decides, `Err` when the column mixes both styles. Values that are not
/// numbers are left to [`parse_decimal`](super::parse_decimal) to report.
pub fn column_style<'a>(
    values: impl IntoIterator<Item = &'a str>,
) -> Result<Option<NumberStyle>, ColumnConflict> {
    let mut indonesian: Option<&str> = None;
    let mut english: Option<&str> = None;
    for value in values {
        match style_evidence(value) {
            StyleEvidence::Indonesian => indonesian = indonesian.or(Some(value)),
            StyleEvidence::English => english = english.or(Some(value)),
            StyleEvidence::Neutral | StyleEvidence::Invalid => {}
        }
        if let (Some(id), Some(en)) = (indonesian, english) {
            return Err(ColumnConflict {
                indonesian: id.to_owned(),
                english: en.to_owned(),
            });
        }
    }
    Ok(match (indonesian, english) {
        (Some(_), _) => Some(NumberStyle::Indonesian),
        (_, Some(_)) => Some(NumberStyle::English),
        (None, None) => None,
    })
}
