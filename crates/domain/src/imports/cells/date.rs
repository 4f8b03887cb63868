//! Dates as people type them and as Excel stores them. Numeric dates are always
//! day-first (`03/04/2026` is 3 April); a four-digit year in front makes them year-first
//! (`2026-04-03`); month names may be Indonesian or English, in full or abbreviated.

use chrono::{Datelike, NaiveDate};

use super::{clean_text, quoted, CellError};

/// Largest Excel serial: 9999-12-31.
const MAX_SERIAL: f64 = 2_958_465.0;

/// Month names and abbreviations, Indonesian and English (lower case).
const MONTHS: [&[&str]; 12] = [
    &["januari", "january", "jan"],
    &["februari", "pebruari", "february", "feb", "peb"],
    &["maret", "march", "mar"],
    &["april", "apr"],
    &["mei", "may"],
    &["juni", "june", "jun"],
    &["juli", "july", "jul"],
    &["agustus", "august", "agu", "agt", "ags", "aug"],
    &["september", "sept", "sep"],
    &["oktober", "october", "okt", "oct"],
    &["november", "nopember", "nov", "nop"],
    &["desember", "december", "des", "dec"],
];

/// Day names that may lead a long date (`Senin, 5 Januari 2026`).
const WEEKDAYS: &[&str] = &[
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "sen",
    "sel",
    "rab",
    "kam",
    "jum",
    "sab",
    "min",
];

/// Month names used in messages.
const MONTH_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTH_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written by a person or stored by Excel: ISO (`2026-01-05`, with or without a
/// time), `dd/mm/yyyy`, `d-m-yy` (→ 20yy), `dd.mm.yyyy`, month names (`5 Januari 2026`,
/// `05-Jan-2026`, `Jan 5, 2026`), `yyyymmdd`, or an Excel serial (`46027`). Never
/// month-first: `12/31/2026` is refused.
pub fn parse_date(raw: &str) -> Result<NaiveDate, CellError> {
    let text = clean_text(raw).ok_or_else(CellError::empty)?.to_lowercase();
    if is_serial(&text) {
        return match text.parse::<f64>() {
            Ok(serial) if serial > MAX_SERIAL && text.len() == 8 => compact(raw, &text),
            Ok(serial) => serial_to_date(serial).map_err(|_| serial_out_of_range(raw)),
            Err(_) => Err(not_a_date(raw)),
        };
    }
    let (date, time) = split_time(&text);
    if time.is_some_and(|t| !valid_time(t)) {
        return Err(not_a_date(raw));
    }
    let parts = date_parts(date);
    let (year, month, day) = ymd(&parts).ok_or_else(|| not_a_date(raw))?;
    let day_first =
        parts.iter().all(|p| is_digits(p)) && parts.first().is_some_and(|p| p.len() != 4);
    build(raw, year, month, day, day_first)
}

/// An Excel serial date (1900 date system, with Excel's phantom 1900-02-29: serials from
/// 61 on are one day late) → its date; the time fraction is dropped.
pub fn serial_to_date(serial: f64) -> Result<NaiveDate, CellError> {
    if !serial.is_finite() || !(1.0..MAX_SERIAL + 1.0).contains(&serial) {
        return Err(CellError::new(
            format!("{serial}: nomor seri tanggal Excel di luar rentang (1–2958465)"),
            format!("{serial}: Excel date serial out of range (1–2958465)"),
        ));
    }
    // 1 ≤ serial < 2958466: the whole part fits an i64 exactly.
    let days = serial.floor() as i64;
    if days == 60 {
        return Err(CellError::new(
            "29 Februari 1900 tidak ada (tanggal semu Excel)",
            "29 February 1900 does not exist (an Excel phantom date)",
        ));
    }
    let days = if days > 60 { days - 1 } else { days };
    NaiveDate::from_ymd_opt(1899, 12, 31)
        .and_then(|base| base.checked_add_signed(chrono::Duration::days(days)))
        .ok_or_else(|| CellError::new("tanggal di luar rentang", "date out of range"))
}

/// Digits with at most one '.' and digits after it.
fn is_serial(text: &str) -> bool {
    let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
    is_digits(whole) && is_digits(frac)
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `20260105` → 2026-01-05.
fn compact(raw: &str, text: &str) -> Result<NaiveDate, CellError> {
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|t| t.parse::<u32>().ok());
    match (
        number(0..4).and_then(|y| i32::try_from(y).ok()),
        number(4..6),
        number(6..8),
    ) {
        (Some(year), Some(month), Some(day)) => build(raw, year, month, day, false),
        _ => Err(not_a_date(raw)),
    }
}

/// Splits `2026-01-05 10:00`, `2026-01-05T10:00:00` and `5 Jan 2026, 10.00`-free forms into
/// the date and the time after it (the time starts at the last space or `T` before the
/// first ':').
fn split_time(text: &str) -> (&str, Option<&str>) {
    let Some(colon) = text.find(':') else {
        return (text, None);
    };
    let head = &text[..colon];
    let at = head.char_indices().rev().find(|&(i, c)| {
        c == ' ' || (c == 't' && head[..i].ends_with(|p: char| p.is_ascii_digit()))
    });
    match at {
        Some((i, c)) => (
            text[..i].trim_end_matches([',', ' ']),
            Some(text[i + c.len_utf8()..].trim()),
        ),
        None => (text, None),
    }
}

/// `H:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, then maybe ` AM`/`PM`, `Z` or an offset.
fn valid_time(time: &str) -> bool {
    let time = time.trim_end_matches('z');
    let time = match time.rfind(['+', '-']) {
        Some(i) if i > 0 => &time[..i],
        _ => time,
    };
    let (time, twelve_hour) = match time.strip_suffix("am").or_else(|| time.strip_suffix("pm")) {
        Some(rest) => (rest.trim_end(), true),
        None => (time, false),
    };
    let mut fields = time.split(':');
    let hour = fields.next().filter(|h| (1..=2).contains(&h.len()));
    let minute = fields.next().filter(|m| m.len() == 2);
    let second = fields.next();
    if fields.next().is_some() {
        return false;
    }
    let second_ok = second.is_none_or(|s| {
        let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
        whole.len() == 2 && is_digits(frac) && whole.parse::<u32>().is_ok_and(|v| v < 60)
    });
    let max_hour = if twelve_hour { 12 } else { 23 };
    match (hour.map(str::parse::<u32>), minute.map(str::parse::<u32>)) {
        (Some(Ok(h)), Some(Ok(m))) => h <= max_hour && m < 60 && second_ok,
        _ => false,
    }
}

/// The words and numbers of a date, without a leading day name.
fn date_parts(date: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = date
        .split([' ', '-', '/', '.', ','])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == 4 && WEEKDAYS.contains(&parts[0]) {
        parts.remove(0);
    }
    parts
}

fn month_number(word: &str) -> Option<u32> {
    let index = MONTHS.iter().position(|names| names.contains(&word))?;
    u32::try_from(index + 1).ok()
}

/// (year, month, day) as written; the day and month are checked by [`build`].
fn ymd(parts: &[&str]) -> Option<(i32, u32, u32)> {
    let [a, b, c] = parts else {
        return None;
    };
    let num = |p: &str, lengths: &[usize]| {
        (is_digits(p) && lengths.contains(&p.len()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = |p: &str| {
        num(p, &[2, 4]).and_then(|y| i32::try_from(if p.len() == 2 { 2000 + y } else { y }).ok())
    };
    if let Some(month) = month_number(b) {
        // 5 Jan 2026 or 2026-Jan-05.
        return match num(a, &[4]) {
            Some(y) => Some((i32::try_from(y).ok()?, month, num(c, &[1, 2])?)),
            None => Some((year(c)?, month, num(a, &[1, 2])?)),
        };
    }
    if let Some(month) = month_number(a) {
        // Jan 5, 2026.
        return Some((
            num(c, &[4]).and_then(|y| i32::try_from(y).ok())?,
            month,
            num(b, &[1, 2])?,
        ));
    }
    match num(a, &[4]) {
        Some(y) => Some((i32::try_from(y).ok()?, num(b, &[1, 2])?, num(c, &[1, 2])?)),
        None => Some((year(c)?, num(b, &[1, 2])?, num(a, &[1, 2])?)),
    }
}

/// The date, or why it does not exist. `day_first` says the value was written as
/// numbers day-first, so a month over 12 is likely a month-first date.
fn build(
    raw: &str,
    year: i32,
    month: u32,
    day: u32,
    day_first: bool,
) -> Result<NaiveDate, CellError> {
    if !(1000..=9999).contains(&year) {
        return Err(not_a_date(raw));
    }
    if !(1..=12).contains(&month) {
        let hint = if day_first && (1..=12).contains(&day) {
            Some(format!("{month:02}/{day:02}/{year}"))
        } else {
            None
        };
        return Err(match hint {
            Some(fixed) => CellError::new(
                format!(
                    "{}: bulan {month} tidak ada — tanggal dibaca sebagai hari/bulan/tahun, \
                     mis. {fixed}",
                    quoted(raw)
                ),
                format!(
                    "{}: there is no month {month} — dates are read as day/month/year, \
                     e.g. {fixed}",
                    quoted(raw)
                ),
            ),
            None => CellError::new(
                format!("{}: bulan {month} tidak ada", quoted(raw)),
                format!("{}: there is no month {month}", quoted(raw)),
            ),
        });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let last = last_day(year, month);
        let index = usize::try_from(month - 1).unwrap_or(0);
        CellError::new(
            format!(
                "{}: tanggal tidak ada ({} {year} hanya sampai tanggal {last})",
                quoted(raw),
                MONTH_ID[index]
            ),
            format!(
                "{}: no such date ({} {year} has {last} days)",
                quoted(raw),
                MONTH_EN[index]
            ),
        )
    })
}

fn last_day(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(31, |d| d.day())
}

fn not_a_date(raw: &str) -> CellError {
    CellError::new(
        format!(
            "{} bukan tanggal — tulis 31/01/2026 atau 2026-01-31",
            quoted(raw)
        ),
        format!(
            "{} is not a date — write 31/01/2026 or 2026-01-31",
            quoted(raw)
        ),
    )
}

fn serial_out_of_range(raw: &str) -> CellError {
    CellError::new(
        format!(
            "{}: nomor seri tanggal Excel di luar rentang (1–2958465)",
            quoted(raw)
        ),
        format!(
            "{}: Excel date serial out of range (1–2958465)",
            quoted(raw)
        ),
    )
}
