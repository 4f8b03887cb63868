//! Finding the header row under title rows, mapping its columns to a module's fields,
//! and checking a mapping a user changed.

use super::{
    cells::header_key,
    fields::FieldSpec,
    sheet::{Cell, SheetRow},
    ImportModule, RowError,
};

/// How far below the top a header may sit (title rows, logos, report dates).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The header row found and what its columns map to.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderGuess {
    /// Index into the sheet's rows.
    pub index: usize,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// Per column, the field it maps to.
    pub mapping: Vec<Option<&'static str>>,
}

/// A cell's text as written (numbers as they display).
pub fn cell_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(text) => super::cells::clean_text(text),
        Cell::Number(n) => Some(if n.fract() == 0.0 && n.abs() < 1e15 {
            format!("{}", *n as i64)
        } else {
            n.to_string()
        }),
    }
}

/// The field a header names, if any.
pub fn field_for_header(module: ImportModule, header: &str) -> Option<&'static FieldSpec> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    module.fields().iter().find(|f| {
        header_key(f.key) == key
            || header_key(f.label_id) == key
            || header_key(f.label_en) == key
            || f.aliases.iter().any(|a| header_key(a) == key)
    })
}

/// Maps each header to a field; a field named by two columns goes to the first.
pub fn auto_map(module: ImportModule, headers: &[String]) -> Vec<Option<&'static str>> {
    let mut taken: Vec<&str> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let field = field_for_header(module, h)?;
            if taken.contains(&field.key) {
                return None;
            }
            taken.push(field.key);
            Some(field.key)
        })
        .collect()
}

/// The header: among the first [`HEADER_SEARCH_ROWS`] rows, the first one naming the
/// most fields (at least two, or the module's only required field). Title rows and
/// merged title cells above it name none and are skipped.
pub fn detect_header(module: ImportModule, rows: &[SheetRow]) -> Option<HeaderGuess> {
    let mut best: Option<(usize, HeaderGuess)> = None;
    for (index, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let headers: Vec<String> = row
            .cells
            .iter()
            .map(|c| cell_text(c).unwrap_or_default())
            .collect();
        let mapping = auto_map(module, &headers);
        let named = mapping.iter().flatten().count();
        if named >= 2 && best.as_ref().is_none_or(|(n, _)| named > *n) {
            best = Some((
                named,
                HeaderGuess {
                    index,
                    headers,
                    mapping,
                },
            ));
        }
    }
    best.map(|(_, guess)| guess)
}

/// The header row's fingerprint: its normalised cells in order, so the same export of
/// another system is recognised next time whatever its capitalisation.
pub fn fingerprint(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| header_key(h))
        .collect::<Vec<_>>()
        .join("|")
}

/// Checks a mapping (per column, a field key or none) against the module: known
/// fields, each at most once, every required field present (and for invoices and
/// payments at least one way to find the customer). Every problem at once.
pub fn check_mapping(
    module: ImportModule,
    mapping: &[Option<String>],
) -> Result<Vec<Option<&'static FieldSpec>>, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut resolved = Vec::with_capacity(mapping.len());
    for (column, key) in mapping.iter().enumerate() {
        let Some(key) = key.as_deref().filter(|k| !k.is_empty()) else {
            resolved.push(None);
            continue;
        };
        match module.field(key) {
            Some(spec) if resolved.iter().flatten().any(|s: &&FieldSpec| s.key == key) => {
                errors.push(RowError::new(
                    key,
                    format!(
                        "kolom {} dan kolom lain sama-sama dipetakan ke {key}",
                        column + 1
                    ),
                    format!("column {} and another column both map to {key}", column + 1),
                ));
                resolved.push(Some(spec));
            }
            Some(spec) => resolved.push(Some(spec)),
            None => {
                errors.push(RowError::new(
                    key,
                    format!("kolom {}: {key} bukan kolom modul {module}", column + 1),
                    format!("column {}: {key} is not a field of {module}", column + 1),
                ));
                resolved.push(None);
            }
        }
    }
    let has = |key: &str| resolved.iter().flatten().any(|s| s.key == key);
    for spec in module.fields().iter().filter(|f| f.required) {
        if !has(spec.key) {
            errors.push(RowError::new(
                spec.key,
                format!("kolom wajib \"{}\" tidak ditemukan", spec.label_id),
                format!("required column \"{}\" is missing", spec.label_en),
            ));
        }
    }
    if matches!(module, ImportModule::Invoices | ImportModule::Payments)
        && !["customer_code", "customer_npwp", "customer_name"]
            .iter()
            .any(|k| has(k))
    {
        errors.push(RowError::new(
            "customer_code",
            "perlu kolom kode, NPWP atau nama pelanggan",
            "a customer code, NPWP or name column is required",
        ));
    }
    if errors.is_empty() {
        Ok(resolved)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, cells: &[&str]) -> SheetRow {
        SheetRow {
            number,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text((*c).to_owned())
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn the_header_is_found_under_title_rows_with_indonesian_labels() {
        let rows = vec![
            row(1, &["LAPORAN PIUTANG DESEMBER 2026"]),
            row(2, &["Dicetak: 05/12/2026", "", "Halaman 1"]),
            row(
                4,
                &[
                    "No. Faktur",
                    "Nama_Perusahaan",
                    "Tanggal Faktur",
                    "JATUH TEMPO",
                    "Jumlah",
                    "Sales",
                ],
            ),
            row(
                5,
                &[
                    "INV-1",
                    "PT A",
                    "01/12/2026",
                    "31/12/2026",
                    "1.500.000",
                    "Budi",
                ],
            ),
        ];
        let guess = detect_header(ImportModule::Invoices, &rows).expect("header");
        assert_eq!(guess.index, 2);
        assert_eq!(
            guess.mapping,
            vec![
                Some("invoice_number"),
                Some("customer_name"),
                Some("invoice_date"),
                Some("due_date"),
                Some("amount"),
                None
            ]
        );
    }

    #[test]
    fn no_recognisable_header_is_none() {
        let rows = vec![row(1, &["foo", "bar"]), row(2, &["1", "2"])];
        assert!(detect_header(ImportModule::Customers, &rows).is_none());
    }

    #[test]
    fn a_mapping_reports_every_problem_at_once() {
        let mapping = vec![
            Some("amount".to_owned()),
            Some("amount".to_owned()),
            Some("nonsense".to_owned()),
        ];
        let errors = check_mapping(ImportModule::Invoices, &mapping).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"amount"));
        assert!(fields.contains(&"nonsense"));
        assert!(fields.contains(&"invoice_number"));
        assert!(fields.contains(&"due_date"));
        assert!(fields.contains(&"customer_code"));
    }

    #[test]
    fn the_fingerprint_ignores_case_and_spacing() {
        let a = fingerprint(&["No HP".to_owned(), "Nama_Perusahaan".to_owned()]);
        let b = fingerprint(&["no  hp ".to_owned(), "nama perusahaan".to_owned()]);
        assert_eq!(a, b);
    }
}
