use calamine::{CellErrorType, Data};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatPattern, Workbook};

use super::super::{excel::convert, SheetLimits, NO_WORKSHEET, PASSWORD};
use super::{fixture, read, read_default, rows, text, Cell, SheetError};

/// A report as people make them: a merged title, a blank line, the header, typed cells,
/// and formatted blank rows below.
fn report() -> Vec<u8> {
    let mut book = Workbook::new();
    let title = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let moment = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let fill = Format::new().set_pattern(FormatPattern::Solid);
    let sheet = book.add_worksheet();
    sheet.set_name("Penjualan").unwrap();
    sheet
        .merge_range(0, 0, 0, 3, "Laporan Penjualan", &title)
        .unwrap();
    for (col, header) in ["Nama", "Tanggal", "Jumlah", "Lunas"].iter().enumerate() {
        sheet.write_string(2, col as u16, *header).unwrap();
    }
    sheet.write_string(3, 0, "PT Maju Jaya").unwrap();
    let day = ExcelDateTime::from_ymd(2026, 1, 5).unwrap();
    sheet.write_datetime_with_format(3, 1, &day, &date).unwrap();
    sheet.write_number(3, 2, 1_500_000.5).unwrap();
    sheet.write_boolean(3, 3, true).unwrap();
    sheet.write_blank(3, 6, &fill).unwrap();
    sheet.write_string(4, 0, "  ").unwrap();
    sheet.write_string(5, 0, "CV Baru").unwrap();
    let at = ExcelDateTime::from_ymd(2026, 1, 6)
        .unwrap()
        .and_hms(10, 30, 0)
        .unwrap();
    sheet
        .write_datetime_with_format(5, 1, &at, &moment)
        .unwrap();
    sheet.write_number(5, 2, 42).unwrap();
    sheet.write_string(6, 2, "only C").unwrap();
    for row in 7..40 {
        for col in 0..4 {
            sheet.write_blank(row, col, &fill).unwrap();
        }
    }
    book.add_worksheet()
        .write_string(0, 0, "second sheet")
        .unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_report_reads_as_its_rows() {
    let sheet = read_default("laporan.xlsx", &report()).unwrap();
    assert_eq!(sheet.sheet_name.as_deref(), Some("Penjualan"));
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("Laporan Penjualan")]),
            (
                3,
                vec![text("Nama"), text("Tanggal"), text("Jumlah"), text("Lunas")]
            ),
            (
                4,
                vec![
                    text("PT Maju Jaya"),
                    text("2026-01-05"),
                    Cell::Number(1_500_000.5),
                    text("TRUE"),
                ]
            ),
            (
                6,
                vec![
                    text("CV Baru"),
                    text("2026-01-06 10:30:00"),
                    Cell::Number(42.0)
                ]
            ),
            (7, vec![Cell::Empty, Cell::Empty, text("only C")]),
        ]
    );
}

#[test]
fn the_kind_comes_from_the_bytes_not_the_name() {
    let sheet = read_default("laporan.csv", &report()).unwrap();
    assert_eq!(sheet.rows.len(), 5);
}

#[test]
fn the_first_visible_worksheet_is_read() {
    let mut book = Workbook::new();
    let hidden = book.add_worksheet();
    hidden.write_string(0, 0, "hidden").unwrap();
    hidden.set_hidden(true);
    let shown = book.add_worksheet();
    shown.write_string(0, 0, "shown").unwrap();
    shown.set_active(true);
    let sheet = read_default("a.xlsx", &book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(sheet.rows[0].cells, vec![text("shown")]);
}

#[test]
fn a_workbook_without_values_is_empty() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .write_blank(5, 5, &Format::new().set_bold())
        .unwrap();
    assert_eq!(
        read_default("a.xlsx", &book.save_to_buffer().unwrap()),
        Err(SheetError::Empty)
    );
}

#[test]
fn a_value_past_the_widest_column_is_refused() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "a").unwrap();
    sheet.write_string(1, 5000, "far").unwrap();
    let err = read_default("a.xlsx", &book.save_to_buffer().unwrap()).unwrap_err();
    assert!(
        err.message_id().contains("kolom 1024"),
        "{}",
        err.message_id()
    );
}

#[test]
fn a_legacy_xls_reads_as_its_rows() {
    let sheet = read_default("lama.xls", &fixture("valid/small.xls")).unwrap();
    assert_eq!(sheet.sheet_name.as_deref(), Some("Data"));
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("Laporan Piutang")]),
            (3, vec![text("Nama"), text("Tanggal"), text("Jumlah")]),
            (
                4,
                vec![
                    text("PT Maju Jaya"),
                    text("2026-01-05"),
                    Cell::Number(1_500_000.5)
                ]
            ),
            (6, vec![Cell::Empty, Cell::Empty, Cell::Number(42.0)]),
        ]
    );
}

#[test]
fn random_bytes_named_xlsx_are_not_a_spreadsheet() {
    let noise = fixture("malformed/random-bytes.xlsx");
    assert_eq!(
        read_default("random-bytes.xlsx", &noise),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn a_truncated_xlsx_is_refused() {
    let half = fixture("malformed/truncated.xlsx");
    let err = read_default("truncated.xlsx", &half).unwrap_err();
    assert!(
        matches!(err, SheetError::NotASpreadsheet | SheetError::Unreadable(_)),
        "{err:?}"
    );
    let whole = report();
    let err = read_default("a.xlsx", &whole[..whole.len() / 2]).unwrap_err();
    assert!(
        matches!(err, SheetError::NotASpreadsheet | SheetError::Unreadable(_)),
        "{err:?}"
    );
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory() {
    let bomb = fixture("malformed/zip-bomb.xlsx");
    assert!(bomb.len() < 2 * 1024 * 1024);
    assert_eq!(
        read_default("zip-bomb.xlsx", &bomb),
        Err(SheetError::DecompressionBomb)
    );
    // Under a size limit it passes, its compression ratio (~1000:1) does not.
    let roomy = SheetLimits {
        max_uncompressed_bytes: 2 * 1024 * 1024 * 1024,
        ..SheetLimits::default()
    };
    assert_eq!(
        read("zip-bomb.xlsx", &bomb, &roomy),
        Err(SheetError::DecompressionBomb)
    );
}

/// Offsets of every `needle` in `haystack`.
fn find_all(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

#[test]
fn an_entry_larger_than_it_declares_is_refused() {
    // Rewrite sheet1.xml's declared size to 10 bytes in its local and central headers:
    // the directory check passes, unpacking stops at the declared size.
    let mut bytes = report();
    let name = b"xl/worksheets/sheet1.xml";
    for at in find_all(&bytes, name) {
        let header = at - 30;
        let field = if bytes[header..header + 4] == *b"PK\x03\x04" {
            header + 22
        } else {
            at - 46 + 24
        };
        bytes[field..field + 4].copy_from_slice(&10u32.to_le_bytes());
    }
    assert_eq!(
        read_default("a.xlsx", &bytes),
        Err(SheetError::DecompressionBomb)
    );
}

#[test]
fn a_zip_that_is_no_office_package_is_not_a_spreadsheet() {
    let mut bytes = report();
    for at in find_all(&bytes, b"[Content_Types].xml") {
        bytes[at + 13] = b'z';
    }
    assert_eq!(
        read_default("a.xlsx", &bytes),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn a_cfb_that_is_no_workbook_is_refused() {
    let mut bytes = fixture("valid/small.xls");
    bytes.truncate(600);
    assert!(read_default("a.xls", &bytes).is_err());
}

#[test]
fn values_convert_as_excel_shows_them() {
    assert_eq!(convert(Data::Error(CellErrorType::NA), false), text("#N/A"));
    assert_eq!(convert(Data::Bool(false), false), text("FALSE"));
    assert_eq!(convert(Data::Int(7), false), Cell::Number(7.0));
    assert_eq!(convert(Data::Float(f64::NAN), false), text("#NUM!"));
    assert_eq!(convert(Data::String(" \u{a0}".into()), false), Cell::Empty);
    assert_eq!(
        convert(Data::DateTimeIso("2026-01-05T00:00:00".into()), false),
        text("2026-01-05")
    );
    assert_eq!(
        convert(Data::DateTimeIso("2026-01-05T08:15:00".into()), false),
        text("2026-01-05 08:15:00")
    );
    let time = calamine::ExcelDateTime::new(0.5, calamine::ExcelDateTimeType::DateTime, false);
    assert_eq!(convert(Data::DateTime(time), false), text("12:00:00"));
    let hours = calamine::ExcelDateTime::new(1.25, calamine::ExcelDateTimeType::TimeDelta, false);
    assert_eq!(convert(Data::DateTime(hours), false), text("30:00:00"));
}

#[test]
fn unreadable_details_written_here_have_indonesian() {
    for detail in [PASSWORD, NO_WORKSHEET] {
        let err = SheetError::Unreadable(detail.to_owned());
        assert!(!err.message_id().contains(detail));
        assert!(err.message_en().contains(detail));
    }
}
