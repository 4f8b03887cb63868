//! Text fields of CRM requests: trimmed, a blank value counting as absent, bounded in
//! length (in characters, not bytes).

use crate::FieldErrors;

/// Trimmed text, `None` when absent or blank.
pub fn trimmed(raw: Option<String>) -> Option<String> {
    raw.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// A bounded text field: required or optional, trimmed, at most `max` characters. The
/// value comes back even when too long (the error is recorded in `errors`).
pub fn bounded(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<String>,
    max: usize,
    required: bool,
) -> Option<String> {
    let value = trimmed(raw);
    match &value {
        None if required => errors.add(field, "is required"),
        Some(v) if v.chars().count() > max => {
            errors.add(field, format!("must be at most {max} characters"));
        }
        _ => {}
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_trims_requires_and_limits() {
        /// (raw, max, required, value, error)
        type Case = (
            Option<&'static str>,
            usize,
            bool,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: Vec<Case> = vec![
            (None, 5, false, None, None),
            (None, 5, true, None, Some("is required")),
            (Some("   "), 5, true, None, Some("is required")),
            (Some("  abc "), 5, true, Some("abc"), None),
            (Some("ééééé"), 5, true, Some("ééééé"), None),
            (
                Some("abcdef"),
                5,
                false,
                Some("abcdef"),
                Some("must be at most 5 characters"),
            ),
        ];
        for (raw, max, required, value, message) in cases {
            let mut errors = FieldErrors::new();
            let got = bounded(&mut errors, "f", raw.map(str::to_owned), max, required);
            assert_eq!(got.as_deref(), value, "{raw:?}");
            let expected = message.map_or_else(FieldErrors::new, |m| FieldErrors::single("f", m));
            assert_eq!(errors, expected, "{raw:?}");
        }
    }
}
