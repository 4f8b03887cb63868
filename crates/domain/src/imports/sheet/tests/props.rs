use proptest::prelude::*;

use super::super::SheetRow;
use super::{read, text, Cell, SheetLimits};

#[test]
fn cells_serialise_as_null_number_or_string_and_back() {
    let row = SheetRow {
        number: 4,
        cells: vec![Cell::Empty, Cell::Number(1.5), text("x"), text("")],
    };
    let json = serde_json::to_string(&row).unwrap();
    assert_eq!(json, r#"{"number":4,"cells":[null,1.5,"x",""]}"#);
    assert_eq!(serde_json::from_str::<SheetRow>(&json).unwrap(), row);
    assert_eq!(serde_json::from_str::<Cell>("null").unwrap(), Cell::Empty);
    assert_eq!(
        serde_json::from_str::<Cell>("3").unwrap(),
        Cell::Number(3.0)
    );
}

fn small_limits() -> SheetLimits {
    SheetLimits {
        max_bytes: 4096,
        max_rows: 50,
        max_uncompressed_bytes: 64 * 1024,
    }
}

proptest! {
    #[test]
    fn cells_round_trip_through_json(cells in proptest::collection::vec(
        prop_oneof![
            Just(Cell::Empty),
            // Spreadsheet values: at most 15 significant digits (serde_json reads longer
            // ones back to the nearest float, not always the same one).
            (-100_000_000_000_000i64..100_000_000_000_000)
                .prop_map(|c| Cell::Number(c as f64 / 100.0)),
            "\\PC{0,12}".prop_map(Cell::Text),
        ],
        0..8,
    )) {
        let json = serde_json::to_string(&cells).unwrap();
        prop_assert_eq!(serde_json::from_str::<Vec<Cell>>(&json).unwrap(), cells);
    }

    #[test]
    fn read_never_panics_on_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        name in prop_oneof![Just("a.csv"), Just("a.xlsx"), Just("a.xls"), Just("a")],
        magic in prop_oneof![
            Just(&b""[..]),
            Just(&b"PK\x03\x04"[..]),
            Just(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..]),
        ],
    ) {
        let mut input = magic.to_vec();
        input.extend_from_slice(&bytes);
        let _ = read(name, &input, &small_limits());
    }

    #[test]
    fn read_never_panics_on_text(text in "[a-z0-9,;\t\"\n\r ]{0,300}") {
        if let Ok(sheet) = read("a.csv", text.as_bytes(), &small_limits()) {
            prop_assert!(sheet.rows.windows(2).all(|w| w[0].number < w[1].number));
            prop_assert!(sheet.rows.iter().all(|r| !r.cells.is_empty()));
        }
    }

    #[test]
    fn read_never_panics_on_damaged_xlsx(
        cut in 0usize..4000,
        flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..4),
    ) {
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "x").unwrap();
        let mut bytes = book.save_to_buffer().unwrap();
        for (at, value) in flips {
            let at = at % bytes.len();
            bytes[at] = value;
        }
        bytes.truncate(cut.max(4));
        let _ = read("a.xlsx", &bytes, &SheetLimits::default());
    }
}
