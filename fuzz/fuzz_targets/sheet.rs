//! `sheet::read` on arbitrary bytes under each kind of file name, then the cell parsers on
//! every cell it returns. Panics that escape `read`, hangs and unbounded allocations are the
//! bugs looked for; the invariants of a read sheet are asserted.
//!
//! `read` turns a panic inside calamine (its xlsx reference parser overflows on crafted
//! cell references, for one) into `SheetError::Unreadable`. libfuzzer-sys's panic hook
//! would abort on those too, so the hook is replaced by a quiet one: a panic that escapes
//! `read` still aborts (libfuzzer-sys catches it), and `FUZZ_SHOW_PANICS=1` prints every
//! panic, caught or not.

#![no_main]

use domain::imports::{
    cells,
    sheet::{self, Cell, SheetLimits},
};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = [
    "upload.csv",
    "upload.xlsx",
    "upload.xls",
    "upload.txt",
    "upload",
];

/// Small enough that the fuzzer can reach every limit.
const LIMITS: SheetLimits = SheetLimits {
    max_bytes: 1024 * 1024,
    max_rows: 5_000,
    max_uncompressed_bytes: 16 * 1024 * 1024,
};

fuzz_target!(
    init: {
        let show = std::env::var_os("FUZZ_SHOW_PANICS").is_some();
        std::panic::set_hook(Box::new(move |info| {
            if show {
                eprintln!("{info}");
            }
        }));
    },
    |data: &[u8]| {
        let Some((&selector, bytes)) = data.split_first() else {
            return;
        };
        let name = NAMES[usize::from(selector) % NAMES.len()];
        let Ok(read) = sheet::read(name, bytes, &LIMITS) else {
            return;
        };
        assert!(!read.rows.is_empty());
        assert!(read.rows.len() <= LIMITS.max_rows + sheet::HEADER_ROWS);
        assert!(read.rows.windows(2).all(|w| w[0].number < w[1].number));
        for row in read.rows.iter().take(500) {
            assert!(row.number >= 1);
            assert!(!row.cells.is_empty() && row.cells.len() <= sheet::MAX_COLUMNS);
            assert!(!row.cells.last().is_some_and(Cell::is_empty));
            for cell in &row.cells {
                match cell {
                    Cell::Empty => {}
                    Cell::Number(value) => {
                        assert!(value.is_finite());
                        let _ = cells::number_to_decimal(*value);
                        let _ = cells::number_to_count(*value);
                        let _ = cells::serial_to_date(*value);
                    }
                    Cell::Text(text) => {
                        assert!(cells::clean_text(text).is_some());
                        let _ = cells::parse_decimal(text, None);
                        let _ = cells::parse_date(text);
                        let _ = cells::parse_count(text);
                        let _ = cells::header_key(text);
                    }
                }
            }
        }
    }
);
