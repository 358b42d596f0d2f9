//! A file as rows of text cells, each with the row number the user sees in Excel
//! (header = 1): CSV in UTF-8, UTF-8 with BOM or GBK, and XLSX/XLS through calamine.

use std::borrow::Cow;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row number in Excel; the header is row 1.
    pub line: usize,
    pub cells: Vec<String>,
}

/// A header row and the data rows under it (rows with no text are left out).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// Why a file could not be read as a table.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(std::io::Error),
    /// Neither a `.csv` nor a workbook.
    Unsupported,
    /// Bytes that are neither UTF-8 nor GBK.
    NotText,
    /// CSV or workbook structure the readers refused.
    Malformed(String),
    /// No header row at all.
    Empty,
}

/// The file extensions read as workbooks.
const WORKBOOKS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Reads `path` by its extension.
pub fn read_file(path: &Path) -> Result<Table, ReadError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if WORKBOOKS.contains(&ext.as_str()) {
        read_workbook(path)
    } else if ext == "csv" || ext == "txt" {
        read_csv(&std::fs::read(path).map_err(ReadError::Io)?)
    } else {
        Err(ReadError::Unsupported)
    }
}

/// Text of a CSV file: the BOM dropped; UTF-8 when valid, else GBK.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
    if had_errors { Err(ReadError::NotText) } else { Ok(text) }
}

/// Parses CSV bytes. A quoted cell may hold line breaks; Excel shows such a record as
/// one row, so the row number is the record's first line less the breaks inside
/// earlier records.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    let text = decode(bytes)?;
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut table = Table::default();
    let mut lines = LineCounter::default();
    let mut inner_breaks = 0usize;
    let mut header_seen = false;
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Malformed(e.to_string()))?;
        let first_line = lines.line_at(bytes, record.position().map_or(0, |p| p.byte() as usize));
        let cells: Vec<String> = record.iter().map(undo_neutralising).collect();
        let line = first_line - inner_breaks;
        inner_breaks += cells.iter().map(|c| c.matches('\n').count()).sum::<usize>();
        push(&mut table, &mut header_seen, line, cells);
    }
    if header_seen { Ok(table) } else { Err(ReadError::Empty) }
}

/// Counts lines forward through the text, for records in order.
#[derive(Debug)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { offset: 0, line: 1 }
    }
}

impl LineCounter {
    /// The line of the record whose position is `start` (which may point at the blank
    /// lines before it).
    fn line_at(&mut self, bytes: &[u8], mut start: usize) -> usize {
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        let passed = bytes.get(self.offset..start).unwrap_or_default();
        self.line += passed.iter().filter(|b| **b == b'\n').count();
        self.offset = self.offset.max(start);
        self.line
    }
}

/// A cell that an export neutralised (`'=…`) comes back as written.
fn undo_neutralising(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Adds a row: the first row with text is the header; blank rows are skipped.
fn push(table: &mut Table, header_seen: &mut bool, line: usize, cells: Vec<String>) {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return;
    }
    if *header_seen {
        table.rows.push(Row { line, cells });
    } else {
        table.headers = cells;
        *header_seen = true;
    }
}

/// The first worksheet of a workbook.
fn read_workbook(path: &Path) -> Result<Table, ReadError> {
    let mut book = open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Io(io) => ReadError::Io(io),
        other => ReadError::Malformed(other.to_string()),
    })?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| ReadError::Malformed(e.to_string()))?,
        None => return Err(ReadError::Empty),
    };
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut table = Table::default();
    let mut header_seen = false;
    for (i, row) in range.rows().enumerate() {
        push(&mut table, &mut header_seen, first_row + i + 1, row.iter().map(cell_text).collect());
    }
    if header_seen { Ok(table) } else { Err(ReadError::Empty) }
}

/// A workbook cell as text; a date cell as `YYYY-MM-DD`, a whole number without `.0`.
pub fn cell_text(cell: &Data) -> String {
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

    fn lines(t: &Table) -> Vec<usize> {
        t.rows.iter().map(|r| r.line).collect()
    }

    #[test]
    fn three_encodings_read_alike() {
        let text = "名称,日期\n官桥化工,2024/3/12\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        for bytes in [text.as_bytes(), &with_bom, &gbk] {
            let t = read_csv(bytes).unwrap();
            assert_eq!(t.headers, vec!["名称", "日期"]);
            assert_eq!(t.rows, vec![Row { line: 2, cells: vec!["官桥化工".into(), "2024/3/12".into()] }]);
        }
    }

    #[test]
    fn row_numbers_match_excel() {
        let t = read_csv(b"a,b\n1,2\n\n\"x\ny\",3\n4,5\r\n").unwrap();
        assert_eq!(lines(&t), vec![2, 4, 5]);
        assert_eq!(t.rows[1].cells[0], "x\ny");
    }

    #[test]
    fn neutralised_cells_come_back() {
        let t = read_csv(b"a,b\n'=1+1,'x\n").unwrap();
        assert_eq!(t.rows[0].cells, vec!["=1+1", "'x"]);
    }

    #[test]
    fn bad_bytes_and_empty_files() {
        assert!(matches!(read_csv(b"\xFF\xFF\xFF"), Err(ReadError::NotText)));
        assert!(matches!(read_csv(b"\n\n"), Err(ReadError::Empty)));
        assert!(matches!(read_file(Path::new("x.pdf")), Err(ReadError::Unsupported)));
    }
}
