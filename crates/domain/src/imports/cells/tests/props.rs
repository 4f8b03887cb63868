//! Properties: every value written in either style reads back to the same canonical text,
//! every date written three ways reads back to itself, and no input makes a parser panic.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::super::{
    header_key, number_to_decimal, parse_count, parse_date, parse_decimal, serial_to_date,
    NumberStyle,
};

/// `1234567` → `1.234.567` with `separator` '.'.
fn group(int: u64, separator: char) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

fn canonical(negative: bool, int: u64, cents: Option<u8>) -> String {
    let sign = if negative && (int > 0 || cents.is_some_and(|c| c > 0)) {
        "-"
    } else {
        ""
    };
    match cents {
        Some(c) => format!("{sign}{int}.{c:02}"),
        None => format!("{sign}{int}"),
    }
}

proptest! {
    #[test]
    fn indonesian_values_round_trip(
        int in 0u64..1_000_000_000_000,
        cents in proptest::option::of(0u8..100),
        negative: bool,
        rupiah: bool,
    ) {
        let mut text = group(int, '.');
        if let Some(c) = cents {
            text = format!("{text},{c:02}");
        }
        let sign = if negative { "-" } else { "" };
        let raw = if rupiah { format!("{sign}Rp {text}") } else { format!("{sign}{text}") };
        let expected = canonical(negative, int, cents);
        prop_assert_eq!(parse_decimal(&raw, Some(NumberStyle::Indonesian)), Ok(expected.clone()));
        if cents.is_some() || !(1000..1_000_000).contains(&int) {
            // Decisive (or plain) on its own: no column style needed.
            prop_assert_eq!(parse_decimal(&raw, None), Ok(expected));
        }
    }

    #[test]
    fn english_values_round_trip(
        int in 0u64..1_000_000_000_000,
        cents in proptest::option::of(0u8..100),
        negative: bool,
        currency: bool,
    ) {
        let mut text = group(int, ',');
        if let Some(c) = cents {
            text = format!("{text}.{c:02}");
        }
        let sign = if negative { "-" } else { "" };
        let raw = if currency { format!("IDR {sign}{text}") } else { format!("{sign}{text}") };
        prop_assert_eq!(
            parse_decimal(&raw, Some(NumberStyle::English)),
            Ok(canonical(negative, int, cents))
        );
    }

    #[test]
    fn typed_two_decimal_values_round_trip(cents in -100_000_000_000i64..100_000_000_000) {
        let value = cents as f64 / 100.0;
        let text = number_to_decimal(value).unwrap();
        let back: f64 = text.parse().unwrap();
        prop_assert!((back - value).abs() < 1e-9, "{} → {}", value, text);
    }

    #[test]
    fn counts_round_trip(count in 0i64..1_000_000_000_000, dot: bool) {
        let text = group(u64::try_from(count).unwrap(), if dot { '.' } else { ',' });
        prop_assert_eq!(parse_count(&text), Ok(count));
    }

    #[test]
    fn dates_round_trip(days in 0i64..54_786) {
        // 1950-01-01 + 0..54786 days covers 1950..2100.
        let date = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(days);
        let dmy = format!("{:02}/{:02}/{}", date.day(), date.month(), date.year());
        prop_assert_eq!(parse_date(&dmy), Ok(date));
        prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        let serial = (date - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
        prop_assert_eq!(parse_date(&serial.to_string()), Ok(date));
        prop_assert_eq!(serial_to_date(serial as f64 + 0.25), Ok(date));
    }

    #[test]
    fn header_key_is_idempotent(raw in "\\PC{0,40}") {
        let key = header_key(&raw);
        prop_assert_eq!(header_key(&key), key);
    }

    #[test]
    fn parsers_never_panic(raw in "\\PC{0,60}", any in any::<String>()) {
        for text in [&raw, &any] {
            let _ = parse_decimal(text, None);
            let _ = parse_decimal(text, Some(NumberStyle::Indonesian));
            let _ = parse_decimal(text, Some(NumberStyle::English));
            let _ = parse_date(text);
            let _ = parse_count(text);
            let _ = header_key(text);
        }
    }

    #[test]
    fn canonical_text_reads_back_as_itself(
        raw in "[-+ (Rp.IDR]{0,3}[0-9.,\u{a0}]{0,20}[,.\\-)]{0,2}",
        style in prop_oneof![
            Just(None),
            Just(Some(NumberStyle::Indonesian)),
            Just(Some(NumberStyle::English)),
        ],
    ) {
        if let Ok(canonical) = parse_decimal(&raw, style) {
            let again = parse_decimal(&canonical, Some(NumberStyle::English));
            prop_assert_eq!(again, Ok(canonical));
        }
    }

    #[test]
    fn number_like_strings_never_panic(raw in "[-+ (Rp.IDR]{0,3}[0-9.,\u{a0}]{0,20}[,.\\-)]{0,2}") {
        let _ = parse_decimal(&raw, None);
        let _ = parse_count(&raw);
        let _ = parse_date(&raw);
    }

    #[test]
    fn typed_numbers_never_panic(value: f64) {
        let _ = number_to_decimal(value);
        let _ = serial_to_date(value);
        let _ = super::super::number_to_count(value);
    }
}
