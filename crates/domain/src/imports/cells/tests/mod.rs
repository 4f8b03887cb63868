//! One test per accepted form and per refusal, then properties over generated values.

mod count;
mod date;
mod decimal;
mod props;
mod text;

use super::CellError;

/// Both messages of an error, for `contains` checks.
fn messages(error: CellError) -> (String, String) {
    (error.message_id, error.message_en)
}
