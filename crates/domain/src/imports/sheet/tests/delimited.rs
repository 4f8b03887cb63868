use super::{read_default, rows, text, Cell, SheetError};

#[test]
fn a_plain_comma_csv() {
    let sheet = read_default("a.csv", b"Nama,Jumlah\nPT Maju,1500\nCV Jaya,2500\n").unwrap();
    assert_eq!(sheet.sheet_name, None);
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("Nama"), text("Jumlah")]),
            (2, vec![text("PT Maju"), text("1500")]),
            (3, vec![text("CV Jaya"), text("2500")]),
        ]
    );
}

#[test]
fn a_semicolon_windows_1252_csv_with_decimal_commas() {
    // "Café" in Windows-1252 (é = 0xE9), as Excel on Indonesian Windows saves "CSV".
    let bytes = b"Nama;Harga\r\nCaf\xe9 Senja;1.500,50\r\nToko B;2,5\r\n";
    let sheet = read_default("harga.csv", bytes).unwrap();
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("Nama"), text("Harga")]),
            (2, vec![text("Café Senja"), text("1.500,50")]),
            (3, vec![text("Toko B"), text("2,5")]),
        ]
    );
}

#[test]
fn a_tab_separated_export_named_xls_is_read_as_text() {
    let sheet = read_default("export.xls", b"Nama\tKota\nA, B\tJakarta\n").unwrap();
    assert_eq!(rows(&sheet)[1], (2, vec![text("A, B"), text("Jakarta")]));
}

#[test]
fn the_utf8_bom_is_not_part_of_the_first_header() {
    let sheet = read_default("a.csv", "\u{feff}Nama,Kota\nBudi,Bandung\n".as_bytes()).unwrap();
    assert_eq!(sheet.rows[0].cells[0], text("Nama"));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Nama\tKota\r\nBudi\tMedan\r\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let sheet = read_default("unicode.txt", &bytes).unwrap();
    assert_eq!(rows(&sheet)[1], (2, vec![text("Budi"), text("Medan")]));
}

#[test]
fn quoted_fields_keep_delimiters_and_line_breaks_and_rows_keep_excel_numbers() {
    let csv =
        "Nama;Alamat;Catatan\n\"PT \"\"Maju\"\"\";\"Jl. A; No. 5\nJakarta\";x\n\n;;\nB;\"C\";\n";
    let sheet = read_default("a.csv", csv.as_bytes()).unwrap();
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("Nama"), text("Alamat"), text("Catatan")]),
            (
                2,
                vec![
                    text("PT \"Maju\""),
                    text("Jl. A; No. 5\nJakarta"),
                    text("x")
                ]
            ),
            // Line 4 is blank and line 5 only delimiters: dropped, but counted.
            (5, vec![text("B"), text("C")]),
        ]
    );
}

#[test]
fn the_sniffer_ignores_delimiters_inside_quotes_and_title_lines() {
    let csv = "Laporan, Januari 2026\n\"a,b\"\t\"c,d\"\n\"1,5\"\t2\n3\t\"4,5\"\n";
    let sheet = read_default("a.csv", csv.as_bytes()).unwrap();
    assert_eq!(rows(&sheet)[1], (2, vec![text("a,b"), text("c,d")]));
    assert_eq!(rows(&sheet)[0], (1, vec![text("Laporan, Januari 2026")]));
}

#[test]
fn blank_cells_and_whitespace_rows() {
    let csv = "a,,c,  ,\n , \u{a0},\n,,b\n";
    let sheet = read_default("a.csv", csv.as_bytes()).unwrap();
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("a"), Cell::Empty, text("c")]),
            (3, vec![Cell::Empty, Cell::Empty, text("b")]),
        ]
    );
}

#[test]
fn a_header_only_csv_is_one_row() {
    let sheet = read_default("a.csv", b"Nama,Kota").unwrap();
    assert_eq!(rows(&sheet), vec![(1, vec![text("Nama"), text("Kota")])]);
}

#[test]
fn empty_and_blank_files_are_empty() {
    assert_eq!(
        read_default("empty.csv", &super::fixture("malformed/empty.csv")),
        Err(SheetError::Empty)
    );
    assert_eq!(read_default("a.csv", b"\n\r\n  \n"), Err(SheetError::Empty));
    assert_eq!(read_default("a.csv", b",,\n,,\n"), Err(SheetError::Empty));
    assert_eq!(
        read_default("a.csv", b"\xEF\xBB\xBF"),
        Err(SheetError::Empty)
    );
}

#[test]
fn binary_content_is_not_a_spreadsheet_whatever_its_name() {
    let noise = super::fixture("malformed/random-bytes.xlsx");
    assert_eq!(
        read_default("data.csv", &noise),
        Err(SheetError::NotASpreadsheet)
    );
    assert_eq!(
        read_default("data", &noise),
        Err(SheetError::NotASpreadsheet)
    );
    assert_eq!(
        read_default("a.csv", b"Nama\0Kota\n"),
        Err(SheetError::NotASpreadsheet)
    );
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 10 == 0 { 0x01 } else { b'a' })
        .collect();
    assert_eq!(
        read_default("a.csv", &controls),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn html_saved_as_xls_is_not_a_spreadsheet() {
    let html = b"<html><body><table><tr><td>Nama</td></tr></table></body></html>";
    assert_eq!(
        read_default("laporan.xls", html),
        Err(SheetError::NotASpreadsheet)
    );
    let xml = b"<?xml version=\"1.0\"?><Workbook></Workbook>";
    assert_eq!(
        read_default("laporan.xls", xml),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn text_named_xlsx_is_not_a_spreadsheet() {
    assert_eq!(
        read_default("a.xlsx", b"Nama,Kota\nA,B\n"),
        Err(SheetError::NotASpreadsheet)
    );
    assert_eq!(
        read_default("A.XLSM", b"Nama,Kota\nA,B\n"),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn excels_separator_line_names_the_delimiter_and_is_not_a_row() {
    let sheet = read_default("a.csv", b"sep=;\nNama;Harga\nA,B;1,5\n").unwrap();
    assert_eq!(
        rows(&sheet),
        vec![
            (1, vec![text("Nama"), text("Harga")]),
            (2, vec![text("A,B"), text("1,5")]),
        ]
    );
}

#[test]
fn a_line_of_a_million_delimiters_is_not_a_million_cells() {
    let mut csv = "Nama,Kota".to_owned();
    csv.push_str(&",".repeat(1_000_000));
    csv.push_str("\nA,B\n");
    assert_eq!(
        read_default("a.csv", csv.as_bytes()).unwrap().rows[0]
            .cells
            .len(),
        2
    );
    let mut wide = "a".to_owned();
    wide.push_str(&",".repeat(2000));
    wide.push('x');
    let err = read_default("a.csv", wide.as_bytes()).unwrap_err();
    assert!(err.message_en().contains("beyond column 1024"), "{err:?}");
}

#[test]
fn blank_lines_before_a_record_count_with_crlf_and_lf() {
    for csv in [
        "Laporan\r\n\r\n\r\nA,B\r\n1,2\r\n",
        "Laporan\n\n\nA,B\n1,2\n",
        "Laporan\r\rA,B\r1,2\r",
    ] {
        let sheet = read_default("a.csv", csv.as_bytes()).unwrap();
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        let expected = if csv.contains("\r\r") {
            vec![1, 3, 4]
        } else {
            vec![1, 4, 5]
        };
        assert_eq!(numbers, expected, "{csv:?}");
    }
}
