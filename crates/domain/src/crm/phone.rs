//! Phone numbers in E.164 (CRM-1 dedup key; WhatsApp and n8n use the digits).

use std::fmt;

/// A phone number in E.164, e.g. `+6281234567890`.
///
/// Numbers without a `+` are read as Indonesian: `0812-3456-7890`, `62 812…`,
/// `0062 812…`, a bare mobile `812…` and landlines with their area code
/// (`(021) 555-1234`) all become `+62…` with 8 to 13 national digits. Numbers written
/// with another `+` country code are kept as they are (8 to 15 digits). Spaces, dots,
/// dashes and parentheses are ignored, as is the trunk `0` in `+62 (0)21…`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneE164(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhoneError {
    #[error("is required")]
    Empty,
    #[error("is not a valid phone number")]
    Invalid,
    #[error("is too short for a phone number")]
    TooShort,
    #[error("is too long for a phone number")]
    TooLong,
}

const INDONESIA: &str = "62";
/// Digits after `+62`: the shortest landline (`0361 12345` style areas have 8) up to the
/// longest mobile plus margin.
const NATIONAL_DIGITS: std::ops::RangeInclusive<usize> = 8..=13;
/// Digits of a foreign number including its country code (E.164 allows at most 15).
const INTERNATIONAL_DIGITS: std::ops::RangeInclusive<usize> = 8..=15;

impl crate::NormalisedText for PhoneE164 {
    fn as_text(&self) -> &str {
        self.as_str()
    }
}

impl PhoneE164 {
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, digits) = plus_and_digits(raw)?;
        if plus {
            match digits.strip_prefix(INDONESIA) {
                Some(national) => Self::indonesian(national),
                None => Self::foreign(&digits),
            }
        } else {
            Self::indonesian(national_part(&digits)?)
        }
    }

    /// E.164 with the plus, e.g. `+6281234567890`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// E.164 without the plus, e.g. `6281234567890`, the form WhatsApp and n8n use.
    pub fn digits(&self) -> &str {
        self.0.trim_start_matches('+')
    }

    /// Whether the number is Indonesian (`+62`).
    pub fn is_indonesian(&self) -> bool {
        self.digits().starts_with(INDONESIA)
    }

    /// `national` is what follows `62`; one trunk `0` (`+62 (0)21…`, `62 0812…`) is dropped.
    fn indonesian(national: &str) -> Result<Self, PhoneError> {
        let national = national.strip_prefix('0').unwrap_or(national);
        if national.starts_with('0') {
            return Err(PhoneError::Invalid);
        }
        check_length(national, NATIONAL_DIGITS)?;
        Ok(Self(format!("+{INDONESIA}{national}")))
    }

    fn foreign(digits: &str) -> Result<Self, PhoneError> {
        if digits.starts_with('0') {
            return Err(PhoneError::Invalid);
        }
        check_length(digits, INTERNATIONAL_DIGITS)?;
        Ok(Self(format!("+{digits}")))
    }
}

/// Whether the number starts with `+`, and its digits. Separators and parentheses are
/// dropped; a `+` is only allowed before the first digit; anything else is invalid.
fn plus_and_digits(raw: &str) -> Result<(bool, String), PhoneError> {
    let mut plus = false;
    let mut digits = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if !plus && digits.is_empty() => plus = true,
            '(' | ')' => {}
            c if super::is_digit_separator(c) => {}
            _ => return Err(PhoneError::Invalid),
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::Invalid);
    }
    Ok((plus, digits))
}

/// The part after `62` of a number written without `+`: `0062…`, `62…`, `0…` (trunk
/// prefix) or a bare mobile `8…`. Anything else (`0044…`, `21 555…`) is ambiguous.
fn national_part(digits: &str) -> Result<&str, PhoneError> {
    if let Some(national) = digits.strip_prefix("0062") {
        Ok(national)
    } else if digits.starts_with("00") {
        // Another international prefix: foreign numbers must be written with `+`.
        Err(PhoneError::Invalid)
    } else if let Some(national) = digits.strip_prefix(INDONESIA) {
        Ok(national)
    } else if let Some(national) = digits.strip_prefix('0') {
        Ok(national)
    } else if digits.starts_with('8') {
        Ok(digits)
    } else {
        Err(PhoneError::Invalid)
    }
}

fn check_length(digits: &str, allowed: std::ops::RangeInclusive<usize>) -> Result<(), PhoneError> {
    if digits.len() < *allowed.start() {
        Err(PhoneError::TooShort)
    } else if digits.len() > *allowed.end() {
        Err(PhoneError::TooLong)
    } else {
        Ok(())
    }
}

impl fmt::Display for PhoneE164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e164(raw: &str) -> Result<String, PhoneError> {
        PhoneE164::parse(raw).map(|p| p.as_str().to_owned())
    }

    #[test]
    fn indonesian_mobile_formats_become_e164() {
        for raw in [
            "0812-3456-7890",
            "0812 3456 7890",
            "081234567890",
            "0812.3456.7890",
            "(0812) 3456-7890",
            "6281234567890",
            "62 812-3456-7890",
            "+6281234567890",
            "+62 812 3456 7890",
            "+62-812-3456-7890",
            "(+62) 812 3456 7890",
            "(+62)81234567890",
            "0062 812 3456 7890",
            "812 3456 7890",
            "81234567890",
            " +62\u{a0}812\u{a0}3456\u{a0}7890 ",
            "0812\u{2013}3456\u{2013}7890",
        ] {
            assert_eq!(e164(raw).as_deref(), Ok("+6281234567890"), "{raw:?}");
        }
    }

    #[test]
    fn trunk_zero_after_the_country_code_is_dropped() {
        for raw in [
            "+62 (0)812 3456 7890",
            "+62 0812 3456 7890",
            "620812-3456-7890",
        ] {
            assert_eq!(e164(raw).as_deref(), Ok("+6281234567890"), "{raw:?}");
        }
        assert_eq!(e164("+62 (0)21 555 1234").as_deref(), Ok("+62215551234"));
    }

    #[test]
    fn landlines_keep_their_area_code() {
        for raw in [
            "(021) 555-1234",
            "021-5551234",
            "021 555 1234",
            "021.555.1234",
            "+62 21 5551234",
            "(+62 21) 555-1234",
        ] {
            assert_eq!(e164(raw).as_deref(), Ok("+62215551234"), "{raw:?}");
        }
        assert_eq!(e164("(0361) 123456").as_deref(), Ok("+62361123456"));
        // Area codes that begin with 62 (Aceh/North Sumatra) are not a country code.
        assert_eq!(e164("(0627) 21234").as_deref(), Ok("+6262721234"));
    }

    #[test]
    fn digits_drop_the_plus() {
        let phone = PhoneE164::parse("0812-3456-7890");
        assert_eq!(phone.as_ref().map(PhoneE164::digits), Ok("6281234567890"));
        assert_eq!(
            phone.map(|p| p.to_string()).as_deref(),
            Ok("+6281234567890")
        );
    }

    #[test]
    fn all_written_forms_of_one_number_compare_equal() {
        let a = PhoneE164::parse("0812-3456-7890");
        assert_eq!(a, PhoneE164::parse("+62 812 3456 7890"));
        assert_eq!(a, PhoneE164::parse("6281234567890"));
        assert_ne!(a, PhoneE164::parse("0812-3456-7891"));
    }

    #[test]
    fn national_numbers_need_eight_to_thirteen_digits() {
        assert_eq!(e164("0812 3456"), Err(PhoneError::TooShort));
        assert_eq!(e164("+62 812 345"), Err(PhoneError::TooShort));
        assert_eq!(e164("0812 345 67").as_deref(), Ok("+6281234567"));
        assert_eq!(e164("0812 3456 7890 12").as_deref(), Ok("+628123456789012"));
        assert_eq!(e164("0812 3456 7890 123"), Err(PhoneError::TooLong));
        assert_eq!(e164("62"), Err(PhoneError::TooShort));
    }

    #[test]
    fn rejects_letters_and_stray_symbols() {
        for raw in [
            "0812-3456-789O",
            "0812 3456 7890 ext 12",
            "tel: 0812 3456 7890",
            "WA 0812 3456 7890",
            "0812/3456/7890",
            "0812 3456 7890 #",
            "62+812 3456 7890",
            "++62 812 3456 7890",
            "+",
            "()-",
        ] {
            assert_eq!(e164(raw), Err(PhoneError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn rejects_numbers_that_cannot_be_read_as_indonesian() {
        for raw in [
            "21 555 1234",
            "1 212 555 0100",
            "0044 20 7946 0000",
            "00812 3456 7890",
            "+62 00 1234 5678",
        ] {
            assert_eq!(e164(raw), Err(PhoneError::Invalid), "{raw:?}");
        }
    }

    #[test]
    fn keeps_other_international_numbers() {
        for (raw, expected) in [
            ("+1 (212) 555-0100", "+12125550100"),
            ("+65 6123 4567", "+6561234567"),
            ("+44 20 7946 0000", "+442079460000"),
            ("+86 138 0013 8000", "+8613800138000"),
        ] {
            assert_eq!(e164(raw).as_deref(), Ok(expected), "{raw:?}");
        }
        assert!(PhoneE164::parse("+65 6123 4567").is_ok_and(|p| !p.is_indonesian()));
        assert!(PhoneE164::parse("0812 3456 7890").is_ok_and(|p| p.is_indonesian()));
    }

    #[test]
    fn international_numbers_need_eight_to_fifteen_digits() {
        assert_eq!(e164("+1 555 01"), Err(PhoneError::TooShort));
        assert_eq!(e164("+44 1234 5678 9012 34"), Err(PhoneError::TooLong));
        assert_eq!(e164("+0 123 4567 890"), Err(PhoneError::Invalid));
    }

    #[test]
    fn rejects_empty_input() {
        assert_eq!(e164(""), Err(PhoneError::Empty));
        assert_eq!(e164(" \t "), Err(PhoneError::Empty));
    }
}
