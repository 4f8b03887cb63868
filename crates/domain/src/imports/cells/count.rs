//! Whole counts (impressions, clicks, quantities). Counts have no decimals, so a group of
//! three digits after a single '.' or ',' is thousands in either style: `12.500` and
//! `12,500` are both 12500.

use super::{compact_number, quoted, CellError};

/// Largest count a typed (floating-point) cell holds exactly.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// An integer count: thousands separators of either style (`12.500`, `12,500`,
/// `1.234.567`), zero decimals tolerated (`12500,00`, `12500.0`); decimals and negatives
/// refused.
pub fn parse_count(raw: &str) -> Result<i64, CellError> {
    let text = compact_number(raw);
    if text.is_empty() {
        return Err(CellError::empty());
    }
    let (negative, body) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text.strip_prefix('+').unwrap_or(&text).trim_start()),
    };
    if body.is_empty()
        || !body.bytes().any(|b| b.is_ascii_digit())
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Err(not_a_count(raw));
    }
    let digits = whole_digits(body).ok_or_else(|| not_whole(raw))?;
    if negative && digits.bytes().any(|b| b != b'0') {
        return Err(CellError::new(
            format!("{}: jumlah tidak boleh negatif", quoted(raw)),
            format!("{}: a count cannot be negative", quoted(raw)),
        ));
    }
    digits.parse::<i64>().map_err(|_| too_large(raw))
}

/// A number cell of a typed spreadsheet → a count: whole and not negative.
pub fn number_to_count(value: f64) -> Result<i64, CellError> {
    if !value.is_finite() {
        return Err(CellError::new("bukan angka", "is not a number"));
    }
    if value < 0.0 {
        return Err(CellError::new(
            format!("{value}: jumlah tidak boleh negatif"),
            format!("{value}: a count cannot be negative"),
        ));
    }
    if value.fract() != 0.0 {
        return Err(CellError::new(
            format!("{value} bukan bilangan bulat"),
            format!("{value} is not a whole number"),
        ));
    }
    if value > MAX_EXACT {
        return Err(CellError::new(
            format!("{value} terlalu besar"),
            format!("{value} is too large"),
        ));
    }
    // Whole and at most 2^53: the conversion is exact.
    Ok(value as i64)
}

/// The digits of a whole number written with thousands separators and maybe zero
/// decimals; `None` when it has decimals or its groups are off.
fn whole_digits(body: &str) -> Option<String> {
    let Some(at) = body.rfind(['.', ',']) else {
        return Some(body.to_owned());
    };
    let (head, tail) = (&body[..at], &body[at + 1..]);
    if tail.len() == 3 && !head.is_empty() {
        // The last separator groups thousands: every separator must be the same one.
        let separator = char::from(body.as_bytes()[at]);
        let other = if separator == '.' { ',' } else { '.' };
        return (!body.contains(other)).then(|| grouped(body, separator))?;
    }
    // The last separator marks decimals, which must be zeros.
    if tail.is_empty() || tail.bytes().any(|b| b != b'0') || head.is_empty() {
        return None;
    }
    let mark = char::from(body.as_bytes()[at]);
    if head.contains(mark) {
        return None;
    }
    match head.find(['.', ',']) {
        None => Some(head.to_owned()),
        Some(first) => grouped(head, char::from(head.as_bytes()[first])),
    }
}

/// `12.500.000` → `12500000` when the groups are 1–3 digits then exactly 3.
fn grouped(text: &str, separator: char) -> Option<String> {
    let mut groups = text.split(separator);
    let first = groups.next()?;
    if !(1..=3).contains(&first.len()) || (first.starts_with('0') && text.len() > first.len()) {
        return None;
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    Some(digits)
}

fn not_a_count(raw: &str) -> CellError {
    CellError::new(
        format!(
            "{} bukan bilangan bulat — contoh: 12500 atau 12.500",
            quoted(raw)
        ),
        format!(
            "{} is not a whole number — e.g. 12500 or 12,500",
            quoted(raw)
        ),
    )
}

fn not_whole(raw: &str) -> CellError {
    CellError::new(
        format!(
            "{} bukan bilangan bulat — jumlah tidak memakai desimal",
            quoted(raw)
        ),
        format!(
            "{} is not a whole number — counts have no decimals",
            quoted(raw)
        ),
    )
}

fn too_large(raw: &str) -> CellError {
    CellError::new(
        format!("{} terlalu besar", quoted(raw)),
        format!("{} is too large", quoted(raw)),
    )
}
