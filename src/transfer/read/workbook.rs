//! An XLSX workbook's first worksheet, read cell by cell: the archive is measured
//! unzipped before calamine opens it, and rows are built from the cells there are,
//! never from the dimension the sheet declares.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use calamine::{Data, DataRef, Reader, Xlsx, XlsxError};

use super::limits::{self, Limit};
use super::{Builder, ReadError, Table};

/// The first worksheet of the workbook at `path`.
pub fn read_workbook(path: &Path) -> Result<Table, ReadError> {
    let file = File::open(path).map_err(ReadError::Io)?;
    if file.metadata().map_err(ReadError::Io)?.len() > limits::FILE_BYTES {
        return Err(too_large(Limit::FileBytes));
    }
    let mut reader = BufReader::new(file);
    measure(&mut reader)?;
    reader.seek(SeekFrom::Start(0)).map_err(ReadError::Io)?;
    let mut book: Xlsx<_> = Xlsx::new(reader).map_err(malformed)?;
    let Some(sheet) = book.sheet_names().first().cloned() else { return Err(ReadError::Empty) };
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(malformed)?;
    let mut table = Builder::default();
    let mut row: Option<(u32, Vec<String>)> = None;
    while let Some(cell) = cells.next_cell().map_err(malformed)? {
        let ((r, c), value) = (cell.get_position(), cell.get_value());
        if matches!(value, DataRef::Empty) {
            continue;
        }
        if c as usize >= limits::COLUMNS {
            return Err(ReadError::TooLarge { limit: Limit::Columns, line: Some(r as usize + 1) });
        }
        if row.as_ref().is_some_and(|(at, _)| *at != r) {
            let (at, done) = row.take().unwrap_or_default();
            table.push(at as usize + 1, done)?;
        }
        let (_, texts) = row.get_or_insert_with(|| (r, Vec::new()));
        if texts.len() <= c as usize {
            texts.resize(c as usize + 1, String::new());
        }
        texts[c as usize] = cell_text(&Data::from(value.clone()));
    }
    if let Some((at, done)) = row {
        table.push(at as usize + 1, done)?;
    }
    table.finish()
}

/// Unzips every part into nothing, counting: the parts, their sizes and the number of
/// shared strings the workbook declares must be within the bounds.
fn measure<R: Read + Seek>(reader: &mut R) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| ReadError::Malformed(e.to_string()))?;
    if zip.len() > limits::PARTS {
        return Err(too_large(Limit::Parts));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| ReadError::Malformed(e.to_string()))?;
        // calamine finds the part whatever its case
        let strings = part.name().is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"));
        let mut head = Head::default();
        let left = limits::UNZIPPED_BYTES - total;
        let n = std::io::copy(&mut (&mut part).take(left + 1), &mut head).map_err(ReadError::Io)?;
        total += n;
        if total > limits::UNZIPPED_BYTES {
            return Err(too_large(Limit::Unzipped));
        }
        if strings && n > limits::STRINGS_BYTES {
            return Err(too_large(Limit::StringsBytes));
        }
        // a count that cannot be read is refused too: calamine would reserve room for it
        if strings && n > 0 && declared_strings(&head.bytes).is_none_or(|n| n > limits::STRINGS) {
            return Err(too_large(Limit::Strings));
        }
    }
    Ok(())
}

/// The first bytes written to it; the rest is dropped.
#[derive(Default)]
struct Head {
    bytes: Vec<u8>,
}

impl std::io::Write for Head {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = 4096usize.saturating_sub(self.bytes.len());
        self.bytes.extend_from_slice(&buf[..buf.len().min(room)]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How many shared strings the `sst` element (with any namespace prefix) at the start of
/// the part declares, which calamine reserves room for: 0 when it declares none, `None`
/// when the element is not in the first bytes.
fn declared_strings(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let start = text.match_indices('<').map(|(i, _)| i).find(|i| {
        let name: String = text[i + 1..].chars().take_while(|c| !c.is_whitespace() && *c != '>').collect();
        name == "sst" || name.ends_with(":sst")
    })?;
    let sst = &text[start..];
    let sst = &sst[..sst.find('>')?];
    let Some(at) = sst.find("uniqueCount") else { return Some(0) };
    let value = sst[at + "uniqueCount".len()..].trim_start().strip_prefix('=')?.trim_start();
    let digits: String = value.trim_start_matches(['"', '\'']).chars().take_while(char::is_ascii_digit).collect();
    // more digits than a u64 holds is more than any bound
    Some(digits.parse().unwrap_or(u64::MAX))
}

fn too_large(limit: Limit) -> ReadError {
    ReadError::TooLarge { limit, line: None }
}

fn malformed(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Io(io) => ReadError::Io(io),
        other => ReadError::Malformed(other.to_string()),
    }
}

/// A workbook cell as text; a date cell as `YYYY-MM-DD`, a whole number without `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_number_of_strings() {
        let head = br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="2"><si>"#;
        assert_eq!(declared_strings(head), Some(2));
        assert_eq!(declared_strings(br#"<sst uniqueCount='99999999999999999999999'>"#), Some(u64::MAX));
        assert_eq!(declared_strings(b"<sst count=\"3\">"), Some(0));
        assert_eq!(declared_strings(br#"<x:sst xmlns:x="y" uniqueCount = "7">"#), Some(7));
        assert_eq!(declared_strings(b"<?xml version=\"1.0\"?>"), None, "not in the first bytes");
    }
}
