use super::super::{number_to_count, parse_count};
use super::messages;

#[test]
fn counts_with_either_thousands_separator() {
    assert_eq!(parse_count("12500"), Ok(12_500));
    assert_eq!(parse_count("12.500"), Ok(12_500));
    assert_eq!(parse_count("12,500"), Ok(12_500));
    assert_eq!(parse_count("1.234.567"), Ok(1_234_567));
    assert_eq!(parse_count("1,234,567"), Ok(1_234_567));
    assert_eq!(parse_count(" 7 "), Ok(7));
    assert_eq!(parse_count("\u{a0}1\u{202f}000"), Ok(1_000));
    assert_eq!(parse_count("+3"), Ok(3));
    assert_eq!(parse_count("0"), Ok(0));
}

#[test]
fn zero_decimals_are_tolerated() {
    assert_eq!(parse_count("12500,00"), Ok(12_500));
    assert_eq!(parse_count("12500.0"), Ok(12_500));
    assert_eq!(parse_count("12.500,00"), Ok(12_500));
    assert_eq!(parse_count("12,500.00"), Ok(12_500));
}

#[test]
fn decimals_negatives_and_junk_are_refused() {
    let (id, en) = messages(parse_count("12,5").unwrap_err());
    assert!(id.contains("bukan bilangan bulat"), "{id}");
    assert!(en.contains("\"12,5\" is not a whole number"), "{en}");
    let (id, en) = messages(parse_count("-5").unwrap_err());
    assert!(id.contains("tidak boleh negatif"), "{id}");
    assert!(en.contains("cannot be negative"), "{en}");
    for raw in [
        "",
        "abc",
        "12.5",
        "1.500,50",
        "12.50.000",
        "1,2345",
        "0.500",
        "12.",
        "9".repeat(30).as_str(),
        "1.500.00",
        "1,500.000",
        "5 klik",
    ] {
        assert!(parse_count(raw).is_err(), "{raw:?} accepted");
    }
}

#[test]
fn typed_counts() {
    assert_eq!(number_to_count(12_500.0), Ok(12_500));
    assert_eq!(number_to_count(0.0), Ok(0));
    assert!(number_to_count(12.5).is_err());
    assert!(number_to_count(-1.0).is_err());
    assert!(number_to_count(f64::NAN).is_err());
    assert!(number_to_count(1e300).is_err());
}
