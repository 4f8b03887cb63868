//! One staged row → the typed record its module writes, or every problem of the row at
//! once (field by field, in Indonesian and English). References to other records
//! (customers, invoices, metrics, users, channels) are resolved by persistence.

mod crm;
mod finance;
mod other;

pub use crm::{CustomerRecord, LeadRecord};
pub use finance::{CustomerRef, InvoiceRecord, PaymentRecord};
pub use other::{KpiAssigneeRef, KpiEntryRecord, ProductRecord, SpendRecord};

use chrono::NaiveDate;

use super::{
    cells::{self, CellError, NumberStyle},
    fields::FieldSpec,
    mapping::cell_text,
    sheet::Cell,
    RowError,
};
use crate::{
    crm::{Npwp, PhoneE164},
    money::Amount,
    Email,
};

/// One row as staged, with the import's mapping and number styles (per column).
#[derive(Debug, Clone, Copy)]
pub struct RowInput<'a> {
    pub cells: &'a [Cell],
    pub columns: &'a [Option<&'static FieldSpec>],
    pub styles: &'a [Option<NumberStyle>],
}

/// Reads fields of one row, collecting every problem.
pub(crate) struct Reader<'a> {
    input: RowInput<'a>,
    pub(crate) errors: Vec<RowError>,
}

fn cell_error(field: &str, error: CellError) -> RowError {
    RowError::new(field, error.message_id, error.message_en)
}

impl<'a> Reader<'a> {
    pub(crate) fn new(input: RowInput<'a>) -> Self {
        Self {
            input,
            errors: Vec::new(),
        }
    }

    /// The column's cell and number style, when the field is mapped and not empty.
    fn cell(&self, key: &str) -> Option<(&'a Cell, Option<NumberStyle>)> {
        let column = self
            .input
            .columns
            .iter()
            .position(|c| c.is_some_and(|s| s.key == key))?;
        let cell = self.input.cells.get(column)?;
        let empty = match cell {
            Cell::Empty => true,
            Cell::Text(t) => cells::clean_text(t).is_none(),
            Cell::Number(_) => false,
        };
        (!empty).then(|| (cell, self.input.styles.get(column).copied().flatten()))
    }

    pub(crate) fn fail(&mut self, field: &str, id: impl Into<String>, en: impl Into<String>) {
        self.errors.push(RowError::new(field, id, en));
    }

    fn missing(&mut self, field: &str) {
        self.fail(field, "wajib diisi", "is required");
    }

    pub(crate) fn text(&mut self, key: &str, required: bool, max_chars: usize) -> Option<String> {
        let Some((cell, _)) = self.cell(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let text = cell_text(cell)?;
        if text.chars().count() > max_chars {
            self.fail(
                key,
                format!("terlalu panjang (maks. {max_chars} karakter)"),
                format!("is too long (at most {max_chars} characters)"),
            );
            return None;
        }
        Some(text)
    }

    pub(crate) fn decimal(&mut self, key: &str, required: bool) -> Option<String> {
        let Some((cell, style)) = self.cell(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let parsed = match cell {
            Cell::Number(n) => cells::number_to_decimal(*n),
            Cell::Text(t) => cells::parse_decimal(t, style),
            Cell::Empty => return None,
        };
        parsed
            .map_err(|e| self.errors.push(cell_error(key, e)))
            .ok()
    }

    /// A non-negative amount of at most two decimals (`numeric(18, 2)`).
    pub(crate) fn amount(&mut self, key: &str, required: bool) -> Option<Amount> {
        let raw = self.decimal(key, required)?;
        match Amount::parse(&raw) {
            Ok(amount) => Some(amount),
            Err(err) => {
                self.fail(
                    key,
                    format!("jumlah tidak valid: {raw}"),
                    format!("{raw} {err}"),
                );
                None
            }
        }
    }

    pub(crate) fn date(&mut self, key: &str, required: bool) -> Option<NaiveDate> {
        let Some((cell, _)) = self.cell(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let parsed = match cell {
            Cell::Number(n) => cells::serial_to_date(*n),
            Cell::Text(t) => cells::parse_date(t),
            Cell::Empty => return None,
        };
        parsed
            .map_err(|e| self.errors.push(cell_error(key, e)))
            .ok()
    }

    pub(crate) fn count(&mut self, key: &str) -> Option<i64> {
        let (cell, _) = self.cell(key)?;
        let parsed = match cell {
            Cell::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 9e15 => Ok(*n as i64),
            Cell::Number(n) => cells::parse_count(&n.to_string()),
            Cell::Text(t) => cells::parse_count(t),
            Cell::Empty => return None,
        };
        parsed
            .map_err(|e| self.errors.push(cell_error(key, e)))
            .ok()
    }

    pub(crate) fn phone(&mut self, key: &str) -> Option<PhoneE164> {
        let raw = self.text(key, false, 60)?;
        PhoneE164::parse(&raw)
            .map_err(|e| {
                self.fail(
                    key,
                    format!("nomor HP tidak valid: {raw}"),
                    format!("{raw} {e}"),
                );
            })
            .ok()
    }

    pub(crate) fn npwp(&mut self, key: &str) -> Option<Npwp> {
        let raw = self.text(key, false, 40)?;
        Npwp::parse(&raw)
            .map_err(|e| {
                self.fail(
                    key,
                    format!("NPWP tidak valid (15 atau 16 digit): {raw}"),
                    format!("{raw} {e}"),
                );
            })
            .ok()
    }

    pub(crate) fn email(&mut self, key: &str) -> Option<Email> {
        let raw = self.text(key, false, 254)?;
        Email::parse(&raw)
            .map_err(|e| {
                self.fail(
                    key,
                    format!("email tidak valid: {raw}"),
                    format!("{raw} {e}"),
                );
            })
            .ok()
    }

    /// One of the field's choices, matched case-insensitively; fields whose choices live
    /// in the database (channels, metrics) return the cleaned text.
    pub(crate) fn choice(&mut self, spec: &FieldSpec, required: bool) -> Option<String> {
        let raw = self.text(spec.key, required, 120)?;
        if spec.choices.is_empty() {
            return Some(raw);
        }
        let found = spec.choices.iter().find(|c| c.eq_ignore_ascii_case(&raw));
        if found.is_none() {
            let list = spec.choices.join(", ");
            self.fail(
                spec.key,
                format!("\"{raw}\" bukan pilihan yang valid ({list})"),
                format!("\"{raw}\" is not one of: {list}"),
            );
        }
        found.map(|c| (*c).to_owned())
    }

    pub(crate) fn finish<T>(self, record: Option<T>) -> Result<T, Vec<RowError>> {
        match record {
            Some(record) if self.errors.is_empty() => Ok(record),
            _ if self.errors.is_empty() => Err(vec![RowError::new(
                "row",
                "baris tidak lengkap",
                "the row is incomplete",
            )]),
            _ => Err(self.errors),
        }
    }
}
