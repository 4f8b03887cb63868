//! A check run before calamine opens an .xls. calamine follows the compound file's sector
//! chains without cycle detection, indexes its allocation tables unchecked, and builds
//! every sheet at open as a dense grid over the sheet's declared dimensions and its cells'
//! bounding box: a crafted file of a few KB makes it loop forever, panic, or allocate
//! gigabytes (found by `make fuzz`). This walks the same structures as calamine 0.38 does,
//! every step bounded, and refuses what calamine would choke on.

use super::{SheetError, PASSWORD, XLS_TOO_LARGE};

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Ids below this are sectors; the rest mark chain ends and table sectors.
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const MINI_SECTOR: usize = 64;
/// Streams shorter than this live in the mini stream.
const MINI_CUTOFF: u64 = 4096;
/// Cells (blank ones included) the grids of all sheets of an .xls may span: what
/// calamine allocates for them, ~40 bytes a cell.
pub(crate) const MAX_XLS_GRID: u64 = 8_000_000;
/// Sheets an .xls may list (each is read from its own offset).
const MAX_SHEETS: usize = 1024;

/// Fails when calamine must not be handed `bytes`: a broken compound file, an encrypted
/// workbook, or sheets whose grids exceed [`MAX_XLS_GRID`].
pub(super) fn check_xls(bytes: &[u8]) -> Result<(), SheetError> {
    let file = Compound::open(bytes).ok_or(SheetError::NotASpreadsheet)?;
    if file.has("EncryptedPackage") {
        return Err(SheetError::Unreadable(PASSWORD.to_owned()));
    }
    // calamine falls back to "Book" only when "Workbook" fails; a "Workbook" whose chain
    // is broken may never fail, so it is refused here.
    let name = if file.has("Workbook") {
        "Workbook"
    } else {
        "Book"
    };
    let stream = file.stream(name).ok_or(SheetError::NotASpreadsheet)?;
    check_grids(&stream)
}

struct Compound<'a> {
    bytes: &'a [u8],
    sector_size: usize,
    max_id: u32,
    fat: Vec<u32>,
    mini_fat: Vec<u32>,
    mini_stream: Vec<u8>,
    /// (name, start, length) of every directory entry.
    entries: Vec<(String, u32, u64)>,
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        if bytes.len() < 512 || bytes[..8] != SIGNATURE || u16_at(bytes, 32)? != 6 {
            return None;
        }
        let sector_size = match u16_at(bytes, 30)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let max_id = u32::try_from(bytes.len() / sector_size).ok()?;
        let mut file = Compound {
            bytes,
            sector_size,
            max_id,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            entries: Vec::new(),
        };
        file.fat = file.load_fat()?;
        let directory = file.chain(&file.fat, u32_at(bytes, 48)?, u64::MAX)?;
        file.entries = directory
            .chunks_exact(128)
            .map(|entry| {
                let name: Vec<u16> = entry[..64]
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .take_while(|&unit| unit != 0)
                    .collect();
                let len = if sector_size == 512 {
                    u64::from(u32_at(entry, 120).unwrap_or(0))
                } else {
                    u64_at(entry, 120).unwrap_or(0)
                };
                (
                    String::from_utf16_lossy(&name),
                    u32_at(entry, 116).unwrap_or(0),
                    len,
                )
            })
            .collect();
        let &(_, root_start, root_len) = file.entries.first()?;
        let mini_fat_sectors = u64::from(u32_at(bytes, 64)?);
        if mini_fat_sectors > 0 {
            file.mini_stream = file.chain(&file.fat, root_start, root_len)?;
            let limit = mini_fat_sectors.checked_mul(sector_size as u64)?;
            let table = file.chain(&file.fat, u32_at(bytes, 60)?, limit)?;
            file.mini_fat = u32s(&table).collect();
        }
        Some(file)
    }

    /// The FAT as calamine builds it: the sectors the DIFAT lists, the DIFAT itself
    /// continued in a chain of sectors.
    fn load_fat(&self) -> Option<Vec<u32>> {
        let mut difat: Vec<u32> = u32s(&self.bytes[76..512]).collect();
        let mut next = u32_at(self.bytes, 68)?;
        let mut steps = 0u32;
        while next < MAX_REGULAR {
            steps += 1;
            if steps > self.max_id.saturating_add(1) {
                return None;
            }
            difat.extend(u32s(self.sector(next)?));
            next = difat.pop()?;
        }
        let tables: Vec<u32> = difat.into_iter().filter(|&id| id < DIFSECT).collect();
        // More table sectors than the file has sectors: repeats, which would multiply.
        if tables.len() > self.max_id as usize + 1 {
            return None;
        }
        let mut fat = Vec::new();
        for id in tables {
            fat.extend(u32s(self.sector(id)?));
        }
        Some(fat)
    }

    /// Sector `id` as calamine reads it: cut short at the end of the file.
    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        if id > self.max_id {
            return None;
        }
        // Past the end calamine slices backwards and panics; at the end it reads nothing.
        let start = (id as usize + 1) * self.sector_size;
        let end = (start + self.sector_size).min(self.bytes.len());
        self.bytes.get(start..end)
    }

    fn mini_sector(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_mul(MINI_SECTOR)?;
        self.mini_stream.get(start..start + MINI_SECTOR)
    }

    /// The bytes of a chain (at most `limit`, as calamine stops there); `None` on a cycle,
    /// an id past the table or the file, which calamine would loop on or panic at.
    fn chain(&self, table: &[u32], start: u32, limit: u64) -> Option<Vec<u8>> {
        self.walk(table, start, limit, |id| self.sector(id))
    }

    fn walk<'s>(
        &'s self,
        table: &[u32],
        mut id: u32,
        limit: u64,
        sector: impl Fn(u32) -> Option<&'s [u8]>,
    ) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut steps = 0usize;
        while id != END_OF_CHAIN {
            steps += 1;
            if steps > table.len() || id as usize >= table.len() {
                return None;
            }
            let data = sector(id)?;
            let room =
                usize::try_from(limit.saturating_sub(out.len() as u64)).unwrap_or(usize::MAX);
            out.extend_from_slice(&data[..data.len().min(room)]);
            if out.len() as u64 >= limit {
                break;
            }
            id = table[id as usize];
        }
        Some(out)
    }

    fn entry(&self, name: &str) -> Option<(u32, u64)> {
        self.entries
            .iter()
            .find(|(n, _, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, start, len)| (start, len))
    }

    fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let (start, len) = self.entry(name)?;
        if len < MINI_CUTOFF {
            self.walk(&self.mini_fat, start, len, |id| self.mini_sector(id))
        } else {
            self.chain(&self.fat, start, len)
        }
    }
}

/// Walks the BIFF records as calamine does: the globals up to their EOF for the sheets'
/// offsets, then each sheet, summing the grid calamine will allocate.
fn check_grids(stream: &[u8]) -> Result<(), SheetError> {
    let broken = || SheetError::NotASpreadsheet;
    let mut offsets = Vec::new();
    for (kind, data) in Records(stream) {
        match kind {
            0x0085 => {
                let offset = u32_at(data, 0)
                    .filter(|_| data.len() >= 6)
                    .ok_or_else(broken)?;
                let offset = usize::try_from(offset).map_err(|_| broken())?;
                if offset > stream.len() || offsets.len() >= MAX_SHEETS {
                    return Err(broken());
                }
                offsets.push(offset);
            }
            0x000A => break,
            _ => {}
        }
    }
    let mut grid: u64 = 0;
    let mut scanned: usize = 0;
    for offset in offsets {
        let (cells, bytes) = sheet_grid(&stream[offset..]).ok_or_else(broken)?;
        grid = grid.saturating_add(cells);
        scanned = scanned.saturating_add(bytes);
        if grid > MAX_XLS_GRID {
            return Err(SheetError::Unreadable(XLS_TOO_LARGE.to_owned()));
        }
        // Sheets that share their records would make calamine read the file many times.
        if scanned > stream.len().saturating_mul(2) {
            return Err(broken());
        }
    }
    Ok(())
}

/// The cells calamine allocates for one sheet (its declared dimensions, then the
/// bounding box of its cells, for values and formulas) and the bytes its records span.
fn sheet_grid(records: &[u8]) -> Option<(u64, usize)> {
    let mut reserved: u64 = 0;
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let mut include = |row: u32, col: u32| {
        bounds = Some(match bounds {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    };
    let (mut seen_bof, mut depth) = (false, 0usize);
    let mut iter = Records(records);
    for (kind, data) in iter.by_ref() {
        if depth > 0 {
            match kind {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = |i: usize| u16_at(data, i).map(u32::from);
        match kind {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => reserved = reserved.saturating_add(dimensions(data)?),
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (at(0), at(2)) {
                    include(row, col);
                }
            }
            0x00BD if data.len() >= 6 => {
                let last = u16_at(data, data.len() - 2).map(u32::from);
                if let (Some(row), Some(first), Some(last)) = (at(0), at(2), last) {
                    include(row, first);
                    include(row, last);
                }
            }
            0x000A => break,
            _ => {}
        }
    }
    let boxed = bounds.map_or(0, |(r0, r1, c0, c1)| {
        u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
    });
    let cells = reserved.saturating_add(boxed.saturating_mul(2));
    Some((cells, records.len() - iter.0.len()))
}

/// The cells a DIMENSIONS record makes calamine reserve (its rules, MS-XLS 2.4.90);
/// `None` where calamine's arithmetic would underflow.
fn dimensions(data: &[u8]) -> Option<u64> {
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)?),
            u32::from(u16_at(data, 2)?),
            u32::from(u16_at(data, 4)?),
            u32::from(u16_at(data, 6)?),
        ),
        14 | 16 => (
            u32_at(data, 0)?,
            u32_at(data, 4)?,
            u32::from(u16_at(data, 8)?),
            u32::from(u16_at(data, 10)?),
        ),
        // calamine refuses the record.
        _ => return Some(0),
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    if last_row == 0 || last_col == 0 {
        return Some(1);
    }
    let rows = (last_row - 1).checked_sub(first_row)? as u64 + 1;
    let cols = u64::from((last_col - 1).checked_sub(first_col)?) + 1;
    Some(rows.saturating_mul(cols))
}

/// BIFF records (type, data) as calamine splits them, CONTINUE records skipped; ends at
/// a truncated record, where calamine fails.
struct Records<'a>(&'a [u8]);

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let kind = u16_at(self.0, 0)?;
        let len = usize::from(u16_at(self.0, 2)?);
        let data = self.0.get(4..4 + len)?;
        self.0 = &self.0[4 + len..];
        while self.0.len() > 4 && u16_at(self.0, 0) == Some(0x003C) {
            let len = usize::from(u16_at(self.0, 2)?);
            self.0 = self.0.get(4 + len..)?;
        }
        Some((kind, data))
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

fn u32s(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}
