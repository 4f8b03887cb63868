//! Money amounts (IDR) as exact decimal strings: `"1500000.00"`, never floats.

use std::fmt;

/// A non-negative amount with at most two decimals and at most 16 integer digits
/// (fits `numeric(18, 2)`). Kept as its canonical text, `"1500000.00"`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Amount(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("must be a decimal amount such as \"1500000.00\"")]
    Malformed,
    #[error("must not be negative")]
    Negative,
    #[error("has more than two decimals")]
    TooPrecise,
    #[error("is too large")]
    TooLarge,
}

impl Amount {
    pub fn parse(raw: &str) -> Result<Self, AmountError> {
        let raw = raw.trim();
        if raw.starts_with('-') {
            return Err(AmountError::Negative);
        }
        let raw = raw.strip_prefix('+').unwrap_or(raw);
        let (int, frac) = match raw.split_once('.') {
            Some((int, frac)) => (int, frac),
            None => (raw, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AmountError::Malformed);
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) || (raw.contains('.') && frac.is_empty()) {
            return Err(AmountError::Malformed);
        }
        if frac.len() > 2 {
            return Err(AmountError::TooPrecise);
        }
        let int = int.trim_start_matches('0');
        if int.len() > 16 {
            return Err(AmountError::TooLarge);
        }
        let int = if int.is_empty() { "0" } else { int };
        Ok(Self(format!("{int}.{frac:0<2}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn zero() -> Self {
        Self("0.00".to_owned())
    }

    /// The amount in cents.
    pub fn cents(&self) -> i128 {
        self.0.replace('.', "").parse().unwrap_or(0)
    }

    fn from_cents(cents: i128) -> Self {
        Self(format!("{}.{:02}", cents / 100, cents % 100))
    }

    /// The exact sum of decimal strings.
    pub fn sum<'a>(amounts: impl IntoIterator<Item = &'a str>) -> Result<Self, AmountError> {
        let mut cents = 0i128;
        for raw in amounts {
            cents += Self::parse(raw)?.cents();
        }
        Ok(Self::from_cents(cents))
    }
}

/// Signed cents as decimal text: `-150` → `"-1.50"` (for balances and credit lines).
pub fn cents_text(cents: i128) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Cents as Indonesians write rupiah: `330_000_050` → `"Rp 3.300.000,50"`, whole
/// amounts without decimals (`"Rp 3.300.000"`).
pub fn idr_text(cents: i128) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let digits = (abs / 100).to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    match abs % 100 {
        0 => format!("{sign}Rp {grouped}"),
        fraction => format!("{sign}Rp {grouped},{fraction:02}"),
    }
}

/// Decimal text of numeric(…, 2) (`"-1.5"`, `"12"`, `"0.05"`) as cents; `None` when it is
/// not such a number.
pub fn text_cents(raw: &str) -> Option<i128> {
    let raw = raw.trim();
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let amount = Amount::parse(digits).ok()?;
    Some(if negative {
        -amount.cents()
    } else {
        amount.cents()
    })
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        for (raw, canonical) in [
            ("1500000", "1500000.00"),
            ("1500000.5", "1500000.50"),
            (" 0012.30 ", "12.30"),
            ("0", "0.00"),
            ("+7.05", "7.05"),
        ] {
            assert_eq!(
                Amount::parse(raw).map(|a| a.to_string()),
                Ok(canonical.to_owned())
            );
        }
    }

    #[test]
    fn rupiah_as_written_in_indonesia() {
        for (cents, text) in [
            (330_000_000, "Rp 3.300.000"),
            (330_000_050, "Rp 3.300.000,50"),
            (99_900, "Rp 999"),
            (100_000, "Rp 1.000"),
            (5, "Rp 0,05"),
            (-150_000_000, "-Rp 1.500.000"),
        ] {
            assert_eq!(idr_text(cents), text);
        }
    }

    #[test]
    fn signed_cents_round_trip() {
        for (cents, text) in [
            (-150, "-1.50"),
            (0, "0.00"),
            (5, "0.05"),
            (150_000_000, "1500000.00"),
        ] {
            assert_eq!(cents_text(cents), text);
            assert_eq!(text_cents(text), Some(cents));
        }
        assert_eq!(text_cents("-12.5"), Some(-1250));
        assert_eq!(text_cents("x"), None);
    }

    #[test]
    fn sums_exactly() {
        assert_eq!(
            Amount::sum(["0.10", "0.20", "1500000.05"]).map(|a| a.to_string()),
            Ok("1500000.35".to_owned())
        );
        assert_eq!(
            Amount::sum([]).map(|a| a.to_string()),
            Ok("0.00".to_owned())
        );
    }

    #[test]
    fn rejects_what_numeric_18_2_cannot_hold() {
        assert_eq!(Amount::parse("-1"), Err(AmountError::Negative));
        assert_eq!(Amount::parse("1.234"), Err(AmountError::TooPrecise));
        assert_eq!(
            Amount::parse("12345678901234567"),
            Err(AmountError::TooLarge)
        );
        for bad in ["", "abc", "1,5", "1.", ".5", "1e6", "1.2.3"] {
            assert_eq!(Amount::parse(bad), Err(AmountError::Malformed), "{bad}");
        }
    }
}
