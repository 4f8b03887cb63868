//! Every cell parser on arbitrary text, with the properties that must hold whatever the
//! input: canonical decimals parse back to themselves, header keys are idempotent, and a
//! column's style accepts its own decisive values.

#![no_main]

use domain::imports::cells::{self, NumberStyle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for style in [
        None,
        Some(NumberStyle::Indonesian),
        Some(NumberStyle::English),
    ] {
        if let Ok(canonical) = cells::parse_decimal(text, style) {
            // Canonical text has no thousands separators: English reads it back unchanged.
            assert_eq!(
                cells::parse_decimal(&canonical, Some(NumberStyle::English)).as_deref(),
                Ok(canonical.as_str())
            );
        }
    }
    let _ = cells::parse_date(text);
    let _ = cells::parse_count(text);
    let key = cells::header_key(text);
    assert_eq!(cells::header_key(&key), key);
    if let Some(clean) = cells::clean_text(text) {
        assert_eq!(cells::clean_text(&clean).as_deref(), Some(clean.as_str()));
    }
    if let Ok(Some(style)) = cells::column_style(text.lines()) {
        for line in text
            .lines()
            .filter(|line| cells::clean_text(line).is_some())
        {
            if cells::style_evidence(line) != cells::StyleEvidence::Invalid {
                assert!(cells::parse_decimal(line, Some(style)).is_ok(), "{line:?}");
            }
        }
    }
});
