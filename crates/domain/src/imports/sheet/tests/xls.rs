//! Crafted .xls files that calamine 0.38 alone loops on, panics at or allocates gigabytes
//! for; each is refused by the guard before calamine sees it.

use super::super::{BROKEN, PASSWORD, XLS_TOO_LARGE};
use super::{fixture, read_default, SheetError};

fn small() -> Vec<u8> {
    fixture("valid/small.xls")
}

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize
}

/// Points FAT entry `id` at `value` (the FAT of these files is one sector).
fn set_fat(bytes: &mut [u8], id: usize, value: u32) {
    let fat_sector = u32_at(bytes, 76);
    let at = (fat_sector + 1) * 512 + id * 4;
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

fn find(bytes: &[u8], needle: &[u8]) -> usize {
    bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
}

#[test]
fn a_directory_chain_that_loops_is_refused() {
    let mut bytes = small();
    let directory = u32_at(&bytes, 48);
    set_fat(&mut bytes, directory, directory as u32);
    assert_eq!(
        read_default("a.xls", &bytes),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn a_chain_past_its_table_is_refused() {
    let mut bytes = small();
    let directory = u32_at(&bytes, 48);
    set_fat(&mut bytes, directory, 5000);
    assert_eq!(
        read_default("a.xls", &bytes),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn declared_dimensions_beyond_the_grid_budget_are_refused() {
    let mut bytes = small();
    // DIMENSIONS (0x0200, 14 bytes): first row, last row + 1 (u32), first and last col.
    let at = find(&bytes, b"\x00\x02\x0e\x00") + 4;
    bytes[at + 4..at + 8].copy_from_slice(&u32::MAX.to_le_bytes());
    let err = read_default("a.xls", &bytes).unwrap_err();
    assert_eq!(err, SheetError::Unreadable(XLS_TOO_LARGE.to_owned()));
    assert!(err.message_id().contains("simpan berkasnya sebagai .xlsx"));
}

#[test]
fn dimensions_that_underflow_are_refused() {
    let mut bytes = small();
    let at = find(&bytes, b"\x00\x02\x0e\x00") + 4;
    bytes[at..at + 4].copy_from_slice(&9u32.to_le_bytes());
    assert_eq!(
        read_default("a.xls", &bytes),
        Err(SheetError::NotASpreadsheet)
    );
}

#[test]
fn a_cell_far_from_the_others_is_refused() {
    let mut bytes = small();
    // RK (0x027E, 10 bytes): row, col, xf, value. Move one to IV65536.
    let at = find(&bytes, b"\x7e\x02\x0a\x00") + 4;
    bytes[at..at + 2].copy_from_slice(&u16::MAX.to_le_bytes());
    bytes[at + 2..at + 4].copy_from_slice(&255u16.to_le_bytes());
    let err = read_default("a.xls", &bytes).unwrap_err();
    assert_eq!(err, SheetError::Unreadable(XLS_TOO_LARGE.to_owned()));
}

#[test]
fn an_encrypted_workbook_asks_for_the_password_to_be_removed() {
    let mut bytes = small();
    // Rename the "Workbook" entry: an encrypted xlsx is a compound file holding
    // "EncryptedPackage" and no workbook stream.
    let name: Vec<u8> = "Workbook"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let at = find(&bytes, &name);
    let renamed: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes[at..at + renamed.len()].copy_from_slice(&renamed);
    let size = (renamed.len() + 2) as u16;
    bytes[at + 64..at + 66].copy_from_slice(&size.to_le_bytes());
    assert_eq!(
        read_default("rahasia.xlsx", &bytes),
        Err(SheetError::Unreadable(PASSWORD.to_owned()))
    );
}

#[test]
fn damage_never_panics() {
    let whole = small();
    for cut in (0..whole.len()).step_by(97) {
        let _ = read_default("a.xls", &whole[..cut.max(8)]);
    }
    for at in (0..whole.len()).step_by(13) {
        let mut bytes = whole.clone();
        bytes[at] ^= 0xFF;
        let _ = read_default("a.xls", &bytes);
    }
    assert!(SheetError::Unreadable(BROKEN.to_owned())
        .message_id()
        .contains("rusak"));
}
