use super::super::{
    column_style, number_to_decimal, parse_decimal, style_evidence, NumberStyle, StyleEvidence,
};
use super::messages;

const ID: Option<NumberStyle> = Some(NumberStyle::Indonesian);
const EN: Option<NumberStyle> = Some(NumberStyle::English);

fn ok(raw: &str, style: Option<NumberStyle>) -> String {
    match parse_decimal(raw, style) {
        Ok(text) => text,
        Err(err) => panic!("{raw:?} ({style:?}) refused: {}", err.message_en),
    }
}

#[test]
fn indonesian_forms() {
    assert_eq!(ok("1.500.000", None), "1500000");
    assert_eq!(ok("1.500.000,50", None), "1500000.50");
    assert_eq!(ok("Rp 1.500.000", None), "1500000");
    assert_eq!(ok("Rp. 1.500.000,-", None), "1500000");
    assert_eq!(ok("Rp1.500.000,00", None), "1500000.00");
    assert_eq!(ok("rp 12,5", None), "12.5");
    assert_eq!(ok("1500,-", None), "1500");
    assert_eq!(ok("1.500,-", None), "1500");
    assert_eq!(ok("0,5", None), "0.5");
    assert_eq!(ok(",75", None), "0.75");
}

#[test]
fn english_forms() {
    assert_eq!(ok("IDR 1,500,000.50", None), "1500000.50");
    assert_eq!(ok("1,500,000.50", None), "1500000.50");
    assert_eq!(ok("1,500,000", None), "1500000");
    assert_eq!(ok("12.5", None), "12.5");
    assert_eq!(ok("1500.25", None), "1500.25");
    assert_eq!(ok("1,500.-", None), "1500");
}

#[test]
fn plain_integers_signs_and_spaces() {
    assert_eq!(ok("1500000", None), "1500000");
    assert_eq!(ok("  1500000 ", None), "1500000");
    assert_eq!(ok("\u{a0}1.500.000\u{a0}", None), "1500000");
    assert_eq!(ok("1\u{202f}500\u{202f}000", None), "1500000");
    assert_eq!(ok("1\u{a0}500,50", None), "1500.50");
    assert_eq!(ok("-12,5", None), "-12.5");
    assert_eq!(ok("- 1.500.000", None), "-1500000");
    assert_eq!(ok("-Rp 1.500", ID), "-1500");
    assert_eq!(ok("Rp -1.500", ID), "-1500");
    assert_eq!(ok("+7", None), "7");
    assert_eq!(ok("007", None), "7");
    assert_eq!(ok("-0", None), "0");
    assert_eq!(ok("-0,00", None), "0.00");
    assert_eq!(ok("0", None), "0");
}

#[test]
fn the_column_style_settles_ambiguous_values() {
    assert_eq!(ok("1.500", ID), "1500");
    assert_eq!(ok("1.500", EN), "1.500");
    assert_eq!(ok("1,500", ID), "1.500");
    assert_eq!(ok("1,500", EN), "1500");
    assert_eq!(ok("Rp 999.000", ID), "999000");
    // Three decimals after a zero or after four digits read one way only.
    assert_eq!(ok("0.500", None), "0.500");
    assert_eq!(ok("1500.000", None), "1500.000");
}

#[test]
fn an_ambiguous_value_without_a_column_style_is_refused_with_both_readings() {
    let (id, en) = messages(parse_decimal("1.500", None).unwrap_err());
    assert_eq!(
        id,
        "\"1.500\" ambigu: bisa 1500 atau 1,5 — tulis 1.500,00 atau 1500"
    );
    assert_eq!(
        en,
        "\"1.500\" is ambiguous: 1500 or 1.5 — write 1.500,00 or 1500"
    );
    let (id, en) = messages(parse_decimal("Rp 2,000", None).unwrap_err());
    assert_eq!(
        id,
        "\"Rp 2,000\" ambigu: bisa 2000 atau 2 — tulis 2,000.00 atau 2000"
    );
    assert_eq!(
        en,
        "\"Rp 2,000\" is ambiguous: 2000 or 2 — write 2,000.00 or 2000"
    );
}

#[test]
fn a_value_in_the_other_style_is_refused_as_mixed() {
    let (id, en) = messages(parse_decimal("1.500.000,50", EN).unwrap_err());
    assert!(
        id.contains("\"1.500.000,50\" memakai format Indonesia"),
        "{id}"
    );
    assert!(
        en.contains("uses the Indonesian format but this column uses the English one"),
        "{en}"
    );
    assert!(parse_decimal("1,500,000", ID).is_err());
    assert!(parse_decimal("12.5", ID).is_err());
    assert!(parse_decimal("12,5", EN).is_err());
    assert!(parse_decimal("1500,-", EN).is_err());
}

#[test]
fn negatives_in_parentheses_are_refused() {
    let (id, en) = messages(parse_decimal("(1.500)", ID).unwrap_err());
    assert!(id.contains("tulis -1.500"), "{id}");
    assert!(
        en.contains("parentheses are not accepted — write -1.500"),
        "{en}"
    );
}

#[test]
fn malformed_values_are_refused() {
    for raw in [
        "",
        "  ",
        "abc",
        "1.5.0",
        "1,50,000",
        "1.500,000.5",
        "12.",
        "12,",
        "1.2.3",
        "Rp",
        "1 500",
        "1,5,5",
        "1.500,50,-",
        "1.500.-",
        "--5",
        "5-",
        "1e5",
        "0x10",
        "1..5",
        "12.5.000",
        "01.500.000",
        "1.50.000",
    ] {
        assert!(parse_decimal(raw, ID).is_err(), "{raw:?} accepted");
        assert!(
            parse_decimal(raw, EN).is_err() || raw == "1.500.-",
            "{raw:?} accepted"
        );
    }
    let (id, en) = messages(parse_decimal("abc", None).unwrap_err());
    assert_eq!(
        id,
        "\"abc\" bukan angka — contoh: 1.500.000 atau 1.500.000,50"
    );
    assert_eq!(
        en,
        "\"abc\" is not a number — e.g. 1,500,000 or 1,500,000.50"
    );
    assert!(parse_decimal(&"9".repeat(41), None).is_err());
    assert_eq!(
        ok(&format!("{}{}", "0".repeat(60), "9".repeat(40)), None),
        "9".repeat(40)
    );
}

#[test]
fn evidence_of_single_values() {
    assert_eq!(style_evidence("1.500.000"), StyleEvidence::Indonesian);
    assert_eq!(style_evidence("12,5"), StyleEvidence::Indonesian);
    assert_eq!(style_evidence("Rp 1.500,-"), StyleEvidence::Indonesian);
    assert_eq!(style_evidence("1,500,000"), StyleEvidence::English);
    assert_eq!(style_evidence("12.5"), StyleEvidence::English);
    assert_eq!(style_evidence("1.500"), StyleEvidence::Neutral);
    assert_eq!(style_evidence("1500"), StyleEvidence::Neutral);
    assert_eq!(style_evidence(" "), StyleEvidence::Neutral);
    assert_eq!(style_evidence("n/a"), StyleEvidence::Invalid);
}

#[test]
fn column_style_from_decisive_values() {
    assert_eq!(column_style(["1.500", "2.000,50", "", "x"]), Ok(ID));
    assert_eq!(column_style(["1,500", "1,500.25"]), Ok(EN));
    assert_eq!(column_style(["1.500", "2.000", "300"]), Ok(None));
    assert_eq!(column_style(Vec::<&str>::new()), Ok(None));
    let conflict = column_style(["1.500", "1.500.000", "7", "12.5"]).unwrap_err();
    assert_eq!(conflict.indonesian, "1.500.000");
    assert_eq!(conflict.english, "12.5");
    assert!(conflict.message_id().contains("mencampur"));
    assert!(conflict.message_en().contains("mixes"));
}

#[test]
fn typed_numbers_become_canonical_text() {
    assert_eq!(number_to_decimal(1_500_000.0).unwrap(), "1500000");
    assert_eq!(number_to_decimal(1_500_000.5).unwrap(), "1500000.5");
    assert_eq!(number_to_decimal(1_500_000.499_999_9).unwrap(), "1500000.5");
    assert_eq!(number_to_decimal(0.1 + 0.2).unwrap(), "0.3");
    assert_eq!(number_to_decimal(12.05).unwrap(), "12.05");
    assert_eq!(number_to_decimal(-12.5).unwrap(), "-12.5");
    assert_eq!(number_to_decimal(-0.0).unwrap(), "0");
    assert!(number_to_decimal(0.004)
        .unwrap_err()
        .message_en
        .contains("more than 2 decimals"));
    assert!(number_to_decimal(1.2345).is_err());
    assert!(number_to_decimal(f64::NAN).is_err());
    assert!(number_to_decimal(f64::INFINITY).is_err());
    assert!(number_to_decimal(1e16).is_err());
}
