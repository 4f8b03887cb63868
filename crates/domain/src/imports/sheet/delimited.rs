//! CSV (and the tab- or semicolon-separated text Excel exports): decoded from UTF-8 (with
//! or without BOM), UTF-16 with BOM, or Windows-1252; the delimiter sniffed from the first
//! lines; read record by record so a huge file stops at the row limit.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::{Cell, RawSheet, Rows, SheetError, SheetLimits, MAX_COLUMNS, TOO_WIDE};

/// Delimiters tried, in the order that wins a tie.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Non-empty lines looked at to choose the delimiter.
const SNIFF_LINES: usize = 20;

/// Bytes looked at to choose the delimiter (an unclosed quote must not scan the whole
/// file).
const SNIFF_BYTES: usize = 1024 * 1024;

/// Characters looked at to tell text from binary.
const PROBE_CHARS: usize = 64 * 1024;

pub(super) fn read_csv(bytes: &[u8], limits: &SheetLimits) -> Result<RawSheet, SheetError> {
    let text = decode(bytes)?;
    if looks_binary(&text) || looks_like_markup(&text) {
        return Err(SheetError::NotASpreadsheet);
    }
    let (delimiter, body) = match excel_separator_line(&text) {
        Some((delimiter, rest)) => (delimiter, rest),
        None => (sniff_delimiter(text.as_bytes()), &text[..]),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut rows = Rows::new(limits);
    let mut folded_lines: u64 = 0;
    let mut last_number: u64 = 0;
    // Where each record starts, from byte offsets: the csv crate's own line of a record
    // does not count the blank lines it skipped before it.
    let raw = body.as_bytes();
    let (mut scanned, mut line, mut end) = (0usize, 1u64, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => return Err(SheetError::Unreadable(err.to_string())),
        }
        let start = end
            + raw
                .get(end..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        line += line_breaks(raw.get(scanned..start).unwrap_or_default());
        scanned = start;
        end = usize::try_from(reader.position().byte())
            .unwrap_or(usize::MAX)
            .max(start);
        // The row Excel shows: the line the record starts on, less the line breaks inside
        // quoted fields before it.
        let number = line.saturating_sub(folded_lines).max(last_number + 1);
        last_number = number;
        folded_lines += record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        let number = u32::try_from(number).map_err(|_| SheetError::TooManyRows {
            limit: limits.max_rows,
        })?;
        // Only the first MAX_COLUMNS fields become cells: a line of a million commas
        // must not become a million cells before its blanks are trimmed.
        if record
            .iter()
            .skip(MAX_COLUMNS)
            .any(|f| !f.trim().is_empty())
        {
            return Err(SheetError::Unreadable(TOO_WIDE.to_owned()));
        }
        let cells = record.iter().take(MAX_COLUMNS).map(Cell::text).collect();
        rows.push(number, cells)?;
    }
    Ok(rows.finish(None))
}

/// Excel's `sep=;` first line, which names the delimiter and which Excel does not show:
/// the delimiter and the text after that line.
fn excel_separator_line(text: &str) -> Option<(u8, &str)> {
    let rest = text
        .strip_prefix("sep=")
        .or_else(|| text.strip_prefix("SEP="))?;
    let delimiter = *rest.as_bytes().first()?;
    if delimiter == b'"' || !(delimiter.is_ascii_punctuation() || delimiter == b'\t') {
        return None;
    }
    // An ASCII byte: index 1 is a character boundary.
    let after = &rest[1..];
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'))?;
    Some((delimiter, body))
}

/// Line breaks in `bytes`: `\r\n`, `\n` and a lone `\r` each count once.
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut breaks = 0;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => breaks += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => breaks += 1,
            _ => {}
        }
    }
    breaks
}

/// The text of the file: UTF-8 (a BOM dropped), UTF-16 when it starts with its BOM, else
/// Windows-1252 (what Excel on Indonesian Windows writes for "CSV").
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, SheetError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(UTF_8.decode_without_bom_handling(rest).0);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(UTF_16LE.decode_without_bom_handling(rest).0);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(UTF_16BE.decode_without_bom_handling(rest).0);
    }
    if bytes.contains(&0) {
        return Err(SheetError::NotASpreadsheet);
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    })
}

/// NUL anywhere, or more than 1% control characters (besides tab, line breaks and form
/// feed) near the start: not text.
fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars().take(PROBE_CHARS) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls * 100 > chars
}

/// An HTML table or XML spreadsheet saved under a spreadsheet's name.
fn looks_like_markup(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if !start.starts_with('<') {
        return false;
    }
    let head: String = start.chars().take(2048).collect::<String>().to_lowercase();
    ["<html", "<table", "<?xml", "<!doctype", "<workbook"]
        .iter()
        .any(|tag| head.contains(tag))
}

/// The delimiter whose count per line is most consistent (and at least 1) over the first
/// non-empty lines; ',' when none is.
fn sniff_delimiter(text: &[u8]) -> u8 {
    let lines = delimiter_counts(&text[..text.len().min(SNIFF_BYTES)]);
    let mut best: Option<(usize, usize, u8)> = None;
    for (index, &delimiter) in DELIMITERS.iter().enumerate() {
        let counts: Vec<usize> = lines.iter().map(|line| line[index]).collect();
        let Some((mode, lines_at_mode)) = mode_of(&counts) else {
            continue;
        };
        if best.is_none_or(|(lines, best_mode, _)| (lines_at_mode, mode) > (lines, best_mode)) {
            best = Some((lines_at_mode, mode, delimiter));
        }
    }
    best.map_or(b',', |(_, _, delimiter)| delimiter)
}

/// The most frequent count of at least 1 and how many lines have it (ties: the larger
/// count).
fn mode_of(counts: &[usize]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for &count in counts.iter().filter(|&&c| c > 0) {
        let lines = counts.iter().filter(|&&c| c == count).count();
        if best.is_none_or(|(best_count, best_lines)| (lines, count) > (best_lines, best_count)) {
            best = Some((count, lines));
        }
    }
    best
}

/// Per non-empty line (up to [`SNIFF_LINES`]), how often each delimiter appears outside
/// quotes. A quote opens a quoted field only at the start of a field, as in CSV.
fn delimiter_counts(text: &[u8]) -> Vec<[usize; 3]> {
    let mut lines = Vec::new();
    let mut counts = [0usize; 3];
    let mut blank = true;
    let mut in_quotes = false;
    let mut field_start = true;
    let mut i = 0;
    while i < text.len() && lines.len() < SNIFF_LINES {
        let byte = text[i];
        i += 1;
        if in_quotes {
            if byte == b'"' {
                if text.get(i) == Some(&b'"') {
                    i += 1;
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match byte {
            b'\n' | b'\r' => {
                if !blank {
                    lines.push(counts);
                }
                (counts, blank, field_start) = ([0; 3], true, true);
            }
            b'"' if field_start => (in_quotes, blank, field_start) = (true, false, false),
            b' ' => {}
            _ => {
                blank = false;
                field_start = false;
                if let Some(index) = DELIMITERS.iter().position(|&d| d == byte) {
                    counts[index] += 1;
                    field_start = true;
                }
            }
        }
    }
    if !blank && lines.len() < SNIFF_LINES {
        lines.push(counts);
    }
    lines
}
