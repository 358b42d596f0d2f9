//! The bounds on what an import reads. Every reader checks them as it goes and never
//! allocates from a size that a file declares, so that the largest file accepted
//! reads in well under 256 MiB of memory.

use std::io::Read;
use std::path::Path;

use super::ReadError;

const MIB: u64 = 1 << 20;
/// The file as stored.
pub const FILE_BYTES: u64 = 64 * MIB;
/// All the parts of a workbook, unzipped.
pub const UNZIPPED_BYTES: u64 = 256 * MIB;
/// A workbook's shared strings, unzipped (they are held in memory while reading).
pub const STRINGS_BYTES: u64 = 32 * MIB;
/// The number of shared strings a workbook may declare.
pub const STRINGS: u64 = 1_000_000;
/// The parts of a workbook.
pub const PARTS: usize = 1_000;
/// Data rows.
pub const ROWS: usize = 100_000;
/// Rows above the header where a title may stand.
pub const HEADER_SEARCH: usize = 10;
/// Columns of a row.
pub const COLUMNS: usize = 256;
/// Cells in all, up to each row's last non-empty cell.
pub const CELLS: usize = 3_000_000;
/// The text of all cells.
pub const TEXT_BYTES: usize = 64 << 20;
/// Problems listed before the rest are only counted.
pub const ERRORS: usize = 100;

/// Which bound a file passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    FileBytes,
    Unzipped,
    StringsBytes,
    Strings,
    Parts,
    Rows,
    Columns,
    Cells,
    TextBytes,
}

impl Limit {
    /// The catalogue key of its message (`imp.limit.NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Limit::FileBytes => "file_bytes",
            Limit::Unzipped => "unzipped",
            Limit::StringsBytes => "strings_bytes",
            Limit::Strings => "strings",
            Limit::Parts => "parts",
            Limit::Rows => "rows",
            Limit::Columns => "columns",
            Limit::Cells => "cells",
            Limit::TextBytes => "text_bytes",
        }
    }

    /// The bound, in the unit its message names (MiB for sizes).
    pub fn max(self) -> u64 {
        match self {
            Limit::FileBytes => FILE_BYTES / MIB,
            Limit::Unzipped => UNZIPPED_BYTES / MIB,
            Limit::StringsBytes => STRINGS_BYTES / MIB,
            Limit::Strings => STRINGS,
            Limit::Parts => PARTS as u64,
            Limit::Rows => ROWS as u64,
            Limit::Columns => COLUMNS as u64,
            Limit::Cells => CELLS as u64,
            Limit::TextBytes => TEXT_BYTES as u64 / MIB,
        }
    }
}

/// The whole of a file no larger than [`FILE_BYTES`].
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.take(FILE_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > FILE_BYTES {
        return Err(ReadError::TooLarge { limit: Limit::FileBytes, line: None });
    }
    Ok(bytes)
}
