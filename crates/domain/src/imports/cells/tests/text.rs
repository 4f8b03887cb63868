use super::super::{clean_text, header_key};

#[test]
fn clean_text_trims_and_collapses_every_kind_of_space() {
    assert_eq!(
        clean_text("  PT  Maju\u{a0}Jaya\t "),
        Some("PT Maju Jaya".to_owned())
    );
    assert_eq!(clean_text("a\u{202f}\u{202f}b"), Some("a b".to_owned()));
    assert_eq!(
        clean_text("Jl. Sudirman\nNo. 5"),
        Some("Jl. Sudirman No. 5".to_owned())
    );
    assert_eq!(clean_text("\u{feff}Nama\u{200b}"), Some("Nama".to_owned()));
    assert_eq!(clean_text("x"), Some("x".to_owned()));
    assert_eq!(clean_text(""), None);
    assert_eq!(clean_text(" \u{a0}\t\n"), None);
}

#[test]
fn header_keys() {
    assert_eq!(header_key("No. HP"), "nohp");
    assert_eq!(header_key("Tanggal_Faktur"), "tanggalfaktur");
    assert_eq!(header_key("Jatuh Tempo "), "jatuhtempo");
    assert_eq!(header_key("NPWP (15/16 digit)"), "npwp1516digit");
    assert_eq!(header_key("E-mail"), "email");
    assert_eq!(header_key("\u{feff}Nama\u{a0}Pelanggan"), "namapelanggan");
    assert_eq!(header_key("   "), "");
}
