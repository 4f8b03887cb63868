//! Decimals as people write them: `1.500.000,50` (Indonesian), `1,500,000.50` (English),
//! with `Rp`/`IDR` in front or `,-` behind. A value such as `1.500` reads both ways, so a
//! column's style comes from its decisive values ([`column_style`](super::column_style))
//! and settles the rest.

use super::{compact_number, quoted, CellError, NumberStyle};

/// Most digits a number may have, leading zeros not counted (so a value and its canonical
/// text are both within it or both over it).
const MAX_DIGITS: usize = 40;

/// What the digits and separators of a value say, before a column's style is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reading {
    /// One value in every style (`1500`, `12,5`, `1.500.000`); `style` is `None` when no
    /// separator appears.
    Known {
        int: String,
        frac: String,
        style: Option<NumberStyle>,
    },
    /// One separator followed by exactly three digits: thousands in one style, decimals in
    /// the other.
    Ambiguous {
        int: String,
        frac: String,
        mark: char,
    },
}

/// A written number split into its sign and what it reads as.
pub(super) struct Written {
    pub(super) negative: bool,
    pub(super) reading: Reading,
}

/// A decimal number written by a person → canonical decimal text: no thousands
/// separators, '.' as the decimal point, the decimals as written (`"1.500.000,50"` →
/// `"1500000.50"`, `"-12,5"` → `"-12.5"`). `style` is the column's style; it settles values
/// that read both ways and refuses values written the other way.
pub fn parse_decimal(raw: &str, style: Option<NumberStyle>) -> Result<String, CellError> {
    let written = read(raw)?;
    let (int, frac) = match (written.reading, style) {
        (
            Reading::Known {
                style: Some(own), ..
            },
            Some(column),
        ) if own != column => {
            return Err(mixed(raw, own, column));
        }
        (Reading::Known { int, frac, .. }, _) => (int, frac),
        (Reading::Ambiguous { int, frac, mark }, Some(column)) => {
            if column.decimal_mark() == mark {
                (int, frac)
            } else {
                (format!("{int}{frac}"), String::new())
            }
        }
        (Reading::Ambiguous { int, frac, mark }, None) => {
            return Err(ambiguous(raw, &int, &frac, mark));
        }
    };
    Ok(canonical(written.negative, &int, &frac))
}

/// A number cell of a typed spreadsheet → canonical decimal text with at most two
/// decimals (`1500000.4999999` → `"1500000.5"`, `2.0` → `"2"`). A value further than 1e-6
/// from two decimals is refused as too precise.
pub fn number_to_decimal(value: f64) -> Result<String, CellError> {
    if !value.is_finite() {
        return Err(CellError::new("bukan angka", "is not a number"));
    }
    if value.abs() >= 1e15 {
        return Err(CellError::new(
            format!("{value} terlalu besar"),
            format!("{value} is too large"),
        ));
    }
    let cents = (value * 100.0).round();
    if (value - cents / 100.0).abs() > 1e-6 {
        return Err(CellError::new(
            format!("{value} memiliki lebih dari 2 desimal — bulatkan ke 2 desimal"),
            format!("{value} has more than 2 decimals — round it to 2 decimals"),
        ));
    }
    // |cents| < 1e17 < 2^63: the conversion is exact.
    let cents = cents as i64;
    let (int, frac) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
    let frac = match frac {
        0 => String::new(),
        f if f % 10 == 0 => (f / 10).to_string(),
        f => format!("{f:02}"),
    };
    Ok(canonical(cents < 0, &int.to_string(), &frac))
}

/// `-`, the integer part without leading zeros, and `.frac` when there are decimals; no
/// sign on zero.
fn canonical(negative: bool, int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let zero = int == "0" && frac.bytes().all(|b| b == b'0');
    let sign = if negative && !zero { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Splits off sign, currency and the `,-` mark, then reads the digits.
pub(super) fn read(raw: &str) -> Result<Written, CellError> {
    let text = compact_number(raw);
    if text.is_empty() {
        return Err(CellError::empty());
    }
    if text.starts_with('(') && text.ends_with(')') {
        let inner = text.trim_start_matches('(').trim_end_matches(')').trim();
        return Err(CellError::new(
            format!(
                "{}: angka negatif dalam kurung tidak diterima — tulis -{inner}",
                quoted(raw)
            ),
            format!(
                "{}: negative numbers in parentheses are not accepted — write -{inner}",
                quoted(raw)
            ),
        ));
    }
    let (mut negative, rest) = split_sign(&text);
    let rest = strip_currency(rest);
    let rest = if negative {
        rest
    } else {
        let (sign, after) = split_sign(rest);
        negative = sign;
        after
    };
    let (body, mark_style) = if let Some(body) = rest.strip_suffix(",-") {
        (body, Some(NumberStyle::Indonesian))
    } else if let Some(body) = rest.strip_suffix(".-") {
        (body, Some(NumberStyle::English))
    } else {
        (rest, None)
    };
    let reading = read_body(body, mark_style).ok_or_else(|| not_a_number(raw))?;
    let (Reading::Known { int, frac, .. } | Reading::Ambiguous { int, frac, .. }) = &reading;
    if int.trim_start_matches('0').len() + frac.len() > MAX_DIGITS {
        return Err(CellError::new(
            format!("{} terlalu panjang untuk sebuah angka", quoted(raw)),
            format!("{} is too long for a number", quoted(raw)),
        ));
    }
    Ok(Written { negative, reading })
}

fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix(['-', '\u{2212}']) {
        (true, rest.trim_start())
    } else if let Some(rest) = text.strip_prefix('+') {
        (false, rest.trim_start())
    } else {
        (false, text)
    }
}

/// `Rp`, `Rp.`, `IDR` (any case) and the spaces after them.
fn strip_currency(text: &str) -> &str {
    for prefix in ["rp.", "rp", "idr"] {
        if text.len() >= prefix.len()
            && text.is_char_boundary(prefix.len())
            && text[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            return text[prefix.len()..].trim_start();
        }
    }
    text
}

/// Reads digits with '.' and ','. `suffix_style` is the style a trailing `,-`/`.-` shows:
/// the mark it names is the decimal mark, so the body holds only thousands separators.
fn read_body(body: &str, suffix_style: Option<NumberStyle>) -> Option<Reading> {
    if !body.bytes().any(|b| b.is_ascii_digit())
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if let Some(style) = suffix_style {
        let thousands = thousands_of(style);
        if body.contains(style.decimal_mark()) {
            return None;
        }
        let int = if body.contains(thousands) {
            grouped(body, thousands)?
        } else {
            body.to_owned()
        };
        return Some(known(int, String::new(), Some(style)));
    }
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    match (dots, commas) {
        (0, 0) => Some(known(body.to_owned(), String::new(), None)),
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let style = style_with_mark(mark);
            if dots + commas > 1 {
                return Some(known(
                    grouped(body, mark)?,
                    String::new(),
                    Some(thousands_style(mark)),
                ));
            }
            let (int, frac) = body.split_once(mark)?;
            if frac.is_empty() {
                return None;
            }
            if frac.len() == 3 && valid_first_group(int) {
                return Some(Reading::Ambiguous {
                    int: int.to_owned(),
                    frac: frac.to_owned(),
                    mark,
                });
            }
            Some(known(int.to_owned(), frac.to_owned(), Some(style)))
        }
        _ => {
            // Both appear: the last one is the decimal mark, used once, after every
            // thousands separator.
            let at = body.rfind(['.', ','])?;
            let mark = char::from(body.as_bytes()[at]);
            let (int, frac) = (&body[..at], &body[at + 1..]);
            if frac.is_empty() || frac.contains(['.', ',']) || int.contains(mark) {
                return None;
            }
            let style = style_with_mark(mark);
            Some(known(
                grouped(int, thousands_of(style))?,
                frac.to_owned(),
                Some(style),
            ))
        }
    }
}

fn known(int: String, frac: String, style: Option<NumberStyle>) -> Reading {
    Reading::Known { int, frac, style }
}

fn style_with_mark(mark: char) -> NumberStyle {
    if mark == ',' {
        NumberStyle::Indonesian
    } else {
        NumberStyle::English
    }
}

/// The style that groups thousands with `separator`.
fn thousands_style(separator: char) -> NumberStyle {
    if separator == '.' {
        NumberStyle::Indonesian
    } else {
        NumberStyle::English
    }
}

fn thousands_of(style: NumberStyle) -> char {
    match style {
        NumberStyle::Indonesian => '.',
        NumberStyle::English => ',',
    }
}

/// The first group of a grouped number: 1 to 3 digits, no leading zero.
fn valid_first_group(group: &str) -> bool {
    (1..=3).contains(&group.len()) && !group.starts_with('0')
}

/// `1.500.000` with `separator` '.' → `1500000`; `None` unless the groups are 1–3 digits
/// then exactly 3.
fn grouped(text: &str, separator: char) -> Option<String> {
    let mut groups = text.split(separator);
    let first = groups.next()?;
    if !valid_first_group(first) {
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

fn not_a_number(raw: &str) -> CellError {
    CellError::new(
        format!(
            "{} bukan angka — contoh: 1.500.000 atau 1.500.000,50",
            quoted(raw)
        ),
        format!(
            "{} is not a number — e.g. 1,500,000 or 1,500,000.50",
            quoted(raw)
        ),
    )
}

fn mixed(raw: &str, own: NumberStyle, column: NumberStyle) -> CellError {
    let (own_id, column_id, own_en, column_en) = match own {
        NumberStyle::Indonesian => ("Indonesia", "Inggris", "Indonesian", "English"),
        NumberStyle::English => ("Inggris", "Indonesia", "English", "Indonesian"),
    };
    CellError::new(
        format!(
            "{} memakai format {own_id}, tetapi kolom ini memakai format {column_id} ({}) \
             — samakan formatnya",
            quoted(raw),
            column.example()
        ),
        format!(
            "{} uses the {own_en} format but this column uses the {column_en} one ({}) \
             — use one format throughout",
            quoted(raw),
            column.example()
        ),
    )
}

/// `"1.500" ambigu: bisa 1500 atau 1,5 — tulis 1.500,00 atau 1500`.
fn ambiguous(raw: &str, int: &str, frac: &str, mark: char) -> CellError {
    let whole = canonical(false, &format!("{int}{frac}"), "");
    let small_int = canonical(false, int, "");
    let small_frac = frac.trim_end_matches('0');
    let (small_id, small_en) = if small_frac.is_empty() {
        (small_int.clone(), small_int)
    } else {
        (
            format!("{small_int},{small_frac}"),
            format!("{small_int}.{small_frac}"),
        )
    };
    let other = if mark == '.' { ',' } else { '.' };
    let forced = format!("{int}{mark}{frac}{other}00");
    CellError::new(
        format!(
            "{} ambigu: bisa {whole} atau {small_id} — tulis {forced} atau {whole}",
            quoted(raw)
        ),
        format!(
            "{} is ambiguous: {whole} or {small_en} — write {forced} or {whole}",
            quoted(raw)
        ),
    )
}
