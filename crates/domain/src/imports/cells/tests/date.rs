use chrono::NaiveDate;

use super::super::{parse_date, serial_to_date};
use super::messages;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ok(raw: &str) -> NaiveDate {
    match parse_date(raw) {
        Ok(date) => date,
        Err(err) => panic!("{raw:?} refused: {}", err.message_en),
    }
}

#[test]
fn iso_with_and_without_time() {
    assert_eq!(ok("2026-01-05"), day(2026, 1, 5));
    assert_eq!(ok("2026-01-05 10:00:00"), day(2026, 1, 5));
    assert_eq!(ok("2026-01-05T10:00:00"), day(2026, 1, 5));
    assert_eq!(ok("2026-01-05T10:00:00.123Z"), day(2026, 1, 5));
    assert_eq!(ok("2026-01-05T10:00:00+07:00"), day(2026, 1, 5));
    assert_eq!(ok("2026/1/5"), day(2026, 1, 5));
}

#[test]
fn numeric_dates_are_day_first() {
    assert_eq!(ok("05/01/2026"), day(2026, 1, 5));
    assert_eq!(ok("5/1/2026"), day(2026, 1, 5));
    assert_eq!(ok("03/04/2026"), day(2026, 4, 3));
    assert_eq!(ok("05-01-2026"), day(2026, 1, 5));
    assert_eq!(ok("5-1-26"), day(2026, 1, 5));
    assert_eq!(ok("05.01.2026"), day(2026, 1, 5));
    assert_eq!(ok("05/01/2026 0:00"), day(2026, 1, 5));
    assert_eq!(ok("05/01/2026 13:45:10"), day(2026, 1, 5));
    assert_eq!(ok(" 05/01/2026\u{a0}"), day(2026, 1, 5));
}

#[test]
fn month_names_in_both_languages() {
    assert_eq!(ok("5 Januari 2026"), day(2026, 1, 5));
    assert_eq!(ok("05-Jan-2026"), day(2026, 1, 5));
    assert_eq!(ok("5 Agu 2026"), day(2026, 8, 5));
    assert_eq!(ok("5 Agt 2026"), day(2026, 8, 5));
    assert_eq!(ok("5 Agustus 2026"), day(2026, 8, 5));
    assert_eq!(ok("5 Mei 2026"), day(2026, 5, 5));
    assert_eq!(ok("5 Okt 2026"), day(2026, 10, 5));
    assert_eq!(ok("5 Des 2026"), day(2026, 12, 5));
    assert_eq!(ok("5 August 2026"), day(2026, 8, 5));
    assert_eq!(ok("5 Nopember 2026"), day(2026, 11, 5));
    assert_eq!(ok("5 PEBRUARI 2026"), day(2026, 2, 5));
    assert_eq!(ok("5-Mar-26"), day(2026, 3, 5));
    assert_eq!(ok("Jan 5, 2026"), day(2026, 1, 5));
    assert_eq!(ok("January 5, 2026 10:00 AM"), day(2026, 1, 5));
    assert_eq!(ok("Senin, 05 Januari 2026"), day(2026, 1, 5));
    assert_eq!(ok("5 Sept. 2026"), day(2026, 9, 5));
    assert_eq!(ok("2026-Jan-05"), day(2026, 1, 5));
}

#[test]
fn excel_serials_as_text() {
    assert_eq!(ok("46027"), day(2026, 1, 5));
    assert_eq!(ok("46027.0"), day(2026, 1, 5));
    assert_eq!(ok("46027.75"), day(2026, 1, 5));
    assert_eq!(ok("1"), day(1900, 1, 1));
    assert_eq!(ok("59"), day(1900, 2, 28));
    assert_eq!(ok("61"), day(1900, 3, 1));
    assert_eq!(ok("2958465"), day(9999, 12, 31));
    assert_eq!(ok("20260105"), day(2026, 1, 5));
    assert!(parse_date("0").is_err());
    assert!(parse_date("60").is_err());
    assert!(parse_date("2958466").is_err());
    assert!(parse_date("3000000").is_err());
}

#[test]
fn serial_numbers() {
    assert_eq!(serial_to_date(46027.0), Ok(day(2026, 1, 5)));
    assert_eq!(serial_to_date(46027.999), Ok(day(2026, 1, 5)));
    assert_eq!(serial_to_date(1.0), Ok(day(1900, 1, 1)));
    assert_eq!(serial_to_date(25569.0), Ok(day(1970, 1, 1)));
    for bad in [0.0, 0.5, -1.0, 60.0, 2_958_466.0, f64::NAN, f64::INFINITY] {
        assert!(serial_to_date(bad).is_err(), "{bad} accepted");
    }
}

#[test]
fn month_first_dates_are_refused_with_a_hint() {
    let (id, en) = messages(parse_date("12/31/2026").unwrap_err());
    assert!(
        id.contains("bulan 31 tidak ada") && id.contains("31/12/2026"),
        "{id}"
    );
    assert!(
        en.contains("there is no month 31") && en.contains("day/month/year"),
        "{en}"
    );
    assert!(parse_date("2026-13-01").is_err());
}

#[test]
fn impossible_dates_are_refused() {
    let (id, en) = messages(parse_date("31/02/2026").unwrap_err());
    assert_eq!(
        id,
        "\"31/02/2026\": tanggal tidak ada (Februari 2026 hanya sampai tanggal 28)"
    );
    assert_eq!(
        en,
        "\"31/02/2026\": no such date (February 2026 has 28 days)"
    );
    assert!(parse_date("29/02/2025").is_err());
    assert_eq!(ok("29/02/2024"), day(2024, 2, 29));
    assert!(parse_date("00/01/2026").is_err());
    assert!(parse_date("32 Januari 2026").is_err());
}

#[test]
fn non_dates_are_refused() {
    for raw in [
        "",
        "besok",
        "05/01",
        "5 Foo 2026",
        "05/01/202",
        "05/01/2026 25:00",
        "05/01/2026 10:61",
        "1/2/3/4",
        "2026-01-05T",
        "10:00",
        "5 Januari",
        "Jan 2026",
        "05//2026",
        "5 Januari 26000",
    ] {
        assert!(parse_date(raw).is_err(), "{raw:?} accepted");
    }
    let (id, en) = messages(parse_date("besok").unwrap_err());
    assert_eq!(
        id,
        "\"besok\" bukan tanggal — tulis 31/01/2026 atau 2026-01-31"
    );
    assert_eq!(
        en,
        "\"besok\" is not a date — write 31/01/2026 or 2026-01-31"
    );
}
