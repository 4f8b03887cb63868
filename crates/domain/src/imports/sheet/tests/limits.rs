use rust_xlsxwriter::Workbook;

use super::super::{SheetLimits, MAX_CELLS, TOO_MANY_CELLS};
use super::{read, read_default, SheetError};

fn limits(max_rows: usize) -> SheetLimits {
    SheetLimits {
        max_rows,
        ..SheetLimits::default()
    }
}

#[test]
fn defaults() {
    let limits = SheetLimits::default();
    assert_eq!(limits.max_bytes, 50 * 1024 * 1024);
    assert_eq!(limits.max_rows, 1_000_000);
    assert_eq!(limits.max_uncompressed_bytes, 512 * 1024 * 1024);
}

#[test]
fn a_file_over_the_byte_limit_is_too_large_before_anything_else() {
    let small = SheetLimits {
        max_bytes: 10,
        ..SheetLimits::default()
    };
    let err = read("a.xlsx", b"not even a zip file", &small).unwrap_err();
    assert_eq!(err, SheetError::TooLarge { limit_bytes: 10 });
    assert_eq!(
        SheetError::TooLarge {
            limit_bytes: 50 * 1024 * 1024
        }
        .message_en(),
        "The file is too large (at most 50 MB)"
    );
}

#[test]
fn a_million_and_one_data_rows_are_too_many() {
    let mut csv = String::with_capacity(12 * 1024 * 1024);
    csv.push_str("nama,jumlah\n");
    for i in 0..1_000_001u32 {
        csv.push_str("baris,");
        csv.push_str(&i.to_string());
        csv.push('\n');
    }
    let err = read_default("besar.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(err, SheetError::TooManyRows { limit: 1_000_000 });
    assert_eq!(
        err.message_id(),
        "Terlalu banyak baris (maks. 1.000.000 baris data) — pecah berkasnya"
    );
    assert_eq!(
        err.message_en(),
        "Too many rows (at most 1,000,000 data rows) — split the file"
    );
}

#[test]
fn the_row_limit_allows_a_header_and_skips_blank_rows() {
    let csv = b"h\n1\n\n2\n,\n3\n";
    assert_eq!(read("a.csv", csv, &limits(3)).unwrap().rows.len(), 4);
    assert_eq!(
        read("a.csv", csv, &limits(2)),
        Err(SheetError::TooManyRows { limit: 2 })
    );
}

#[test]
fn an_xlsx_stops_at_the_row_limit() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for row in 0..50 {
        sheet.write_number(row * 2, 0, f64::from(row)).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(read("a.xlsx", &bytes, &limits(49)).unwrap().rows.len(), 50);
    assert_eq!(
        read("a.xlsx", &bytes, &limits(48)),
        Err(SheetError::TooManyRows { limit: 48 })
    );
}

#[test]
fn an_xlsx_over_the_uncompressed_limit_is_a_bomb() {
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let tiny = SheetLimits {
        max_uncompressed_bytes: 1000,
        ..SheetLimits::default()
    };
    assert_eq!(
        read("a.xlsx", &bytes, &tiny),
        Err(SheetError::DecompressionBomb)
    );
}

#[test]
fn the_cell_budget_is_documented_in_both_languages() {
    assert!(TOO_MANY_CELLS.contains(&MAX_CELLS.to_string()[..2]));
    let err = SheetError::Unreadable(TOO_MANY_CELLS.to_owned());
    assert!(err.message_id().contains("32.000.000 sel"));
}

#[test]
fn every_error_has_both_messages() {
    for err in [
        SheetError::TooLarge { limit_bytes: 1000 },
        SheetError::TooManyRows { limit: 5 },
        SheetError::NotASpreadsheet,
        SheetError::Empty,
        SheetError::DecompressionBomb,
        SheetError::Unreadable("zip: bad".into()),
    ] {
        assert!(!err.message_id().is_empty() && !err.message_en().is_empty());
        assert_ne!(err.message_id(), err.message_en());
        assert_eq!(err.to_string(), err.message_en());
    }
}

#[test]
fn rows_out_of_order_are_sorted_and_merged() {
    use super::super::{Cell, Rows};
    let mut rows = Rows::new(&SheetLimits::default());
    rows.push(3, vec![Cell::Number(3.0)]).unwrap();
    rows.push(1, vec![Cell::Number(1.0), Cell::Empty, Cell::Number(9.0)])
        .unwrap();
    rows.push(3, vec![Cell::Empty, Cell::Number(4.0)]).unwrap();
    let sheet = rows.finish(None);
    let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, vec![1, 3]);
    assert_eq!(
        sheet.rows[1].cells,
        vec![Cell::Number(3.0), Cell::Number(4.0)]
    );
}
