//! NPWP, the Indonesian taxpayer number (CRM-1 dedup key).

use std::fmt;

/// An NPWP in its canonical 16-digit form.
///
/// Accepts the 15-digit form (`01.234.567.8-901.000`) and the 16-digit form in force
/// since 2024 (`0012345678901000`, or a NIK for individuals), with or without dots,
/// dashes and spaces. A 15-digit NPWP becomes `0` followed by its 15 digits, so both
/// forms of the same taxpayer compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Npwp(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NpwpError {
    #[error("is required")]
    Empty,
    #[error("is not a valid NPWP")]
    Invalid,
    #[error("is not a valid NPWP (15 or 16 digits expected)")]
    WrongLength,
    #[error("is the placeholder NPWP of a buyer without one")]
    Placeholder,
}

impl crate::NormalisedText for Npwp {
    fn as_text(&self) -> &str {
        self.as_str()
    }
}

impl Npwp {
    pub fn parse(raw: &str) -> Result<Self, NpwpError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(NpwpError::Empty);
        }
        let mut digits = String::with_capacity(16);
        for c in raw.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if !super::is_digit_separator(c) {
                return Err(NpwpError::Invalid);
            }
        }
        let canonical = match digits.len() {
            0 => return Err(NpwpError::Invalid),
            15 => format!("0{digits}"),
            16 => digits,
            _ => return Err(NpwpError::WrongLength),
        };
        // `00.000.000.0-000.000` is what e-Faktur and many forms use for "no NPWP";
        // as a dedup key it would merge every customer without one.
        if canonical.bytes().all(|b| b == b'0') {
            return Err(NpwpError::Placeholder);
        }
        Ok(Self(canonical))
    }

    /// The 16 digits, e.g. `0012345678901000`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 16 digits, e.g. `0012345678901000` (same as [`Npwp::as_str`]).
    pub fn canonical(&self) -> &str {
        &self.0
    }

    /// The NPWP as people write it: `01.234.567.8-901.000` when it has a 15-digit form
    /// (its 16-digit form starts with `0`), the plain 16 digits otherwise.
    pub fn formatted(&self) -> String {
        match self.0.strip_prefix('0') {
            Some(d) if d.len() == 15 => format!(
                "{}.{}.{}.{}-{}.{}",
                &d[0..2],
                &d[2..5],
                &d[5..8],
                &d[8..9],
                &d[9..12],
                &d[12..15]
            ),
            _ => self.0.clone(),
        }
    }
}

impl fmt::Display for Npwp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(raw: &str) -> Result<String, NpwpError> {
        Npwp::parse(raw).map(|n| n.canonical().to_owned())
    }

    #[test]
    fn fifteen_digits_get_a_leading_zero() {
        for raw in [
            "01.234.567.8-901.000",
            "012345678901000",
            "01 234 567 8 901 000",
            "01-234-567-8-901-000",
            "  01.234.567.8-901.000  ",
            "01.234.567.8\u{2013}901.000",
            "01\u{a0}234\u{a0}567\u{a0}8\u{a0}901\u{a0}000",
        ] {
            assert_eq!(canonical(raw).as_deref(), Ok("0012345678901000"), "{raw:?}");
        }
    }

    #[test]
    fn sixteen_digits_are_kept() {
        assert_eq!(
            canonical("0012345678901000").as_deref(),
            Ok("0012345678901000")
        );
        assert_eq!(
            canonical("3171 0123 4567 0001").as_deref(),
            Ok("3171012345670001")
        );
    }

    #[test]
    fn both_forms_of_one_taxpayer_compare_equal() {
        assert_eq!(
            Npwp::parse("01.234.567.8-901.000"),
            Npwp::parse("0012345678901000")
        );
        assert_ne!(
            Npwp::parse("01.234.567.8-901.000"),
            Npwp::parse("01.234.567.8-901.001")
        );
    }

    #[test]
    fn rejects_other_lengths() {
        for raw in ["01.234.567.8-901.00", "1234", "00123456789010001", "0"] {
            assert_eq!(canonical(raw), Err(NpwpError::WrongLength), "{raw:?}");
        }
    }

    #[test]
    fn rejects_letters_and_other_symbols() {
        for raw in [
            "NPWP 01.234.567.8-901.000",
            "01.234.567.8-901.00O",
            "01/234/567/8/901/000",
            "012345678901000+",
            "٠١٢٣٤٥٦٧٨٩٠١٠٠٠",
            ".-. -",
        ] {
            assert_eq!(canonical(raw), Err(NpwpError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn rejects_empty_input() {
        assert_eq!(canonical(""), Err(NpwpError::Empty));
        assert_eq!(canonical("   "), Err(NpwpError::Empty));
    }

    #[test]
    fn rejects_the_all_zero_placeholder() {
        assert_eq!(
            canonical("00.000.000.0-000.000"),
            Err(NpwpError::Placeholder)
        );
        assert_eq!(canonical("0000000000000000"), Err(NpwpError::Placeholder));
    }

    #[test]
    fn formats_in_the_fifteen_digit_style_when_possible() {
        let formatted = |raw| Npwp::parse(raw).map(|n| n.formatted());
        assert_eq!(
            formatted("0012345678901000").as_deref(),
            Ok("01.234.567.8-901.000")
        );
        assert_eq!(
            formatted("012345678901000").as_deref(),
            Ok("01.234.567.8-901.000")
        );
        assert_eq!(
            formatted("3171012345670001").as_deref(),
            Ok("3171012345670001")
        );
    }

    #[test]
    fn displays_and_reads_as_the_canonical_digits() {
        let npwp =
            Npwp::parse("01.234.567.8-901.000").map(|n| (n.to_string(), n.as_str().to_owned()));
        assert_eq!(
            npwp,
            Ok(("0012345678901000".to_owned(), "0012345678901000".to_owned()))
        );
    }

    #[test]
    fn error_messages_read_after_the_field_name() {
        assert_eq!(NpwpError::Invalid.to_string(), "is not a valid NPWP");
        assert_eq!(NpwpError::Empty.to_string(), "is required");
    }
}
