//! A file as rows of text cells, each with the row number the user sees in Excel
//! (the first row is 1): CSV in UTF-8, UTF-8 with BOM or GBK, and XLSX worksheets,
//! all read under the bounds of [`limits`] so that no file can exhaust the machine.

mod csv;
pub mod limits;
mod workbook;

use std::path::Path;

pub use csv::{decode, read_csv};
pub use limits::Limit;

/// One row with text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row number in Excel.
    pub line: usize,
    pub cells: Vec<String>,
}

/// A header row and the data rows under it (rows with no text are left out).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    /// The row number of the header.
    pub header_line: usize,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table whose header is the data row at `index` (a title row above the
    /// header, as Chinese templates have, was taken for the header).
    pub fn header_at(mut self, index: usize) -> Table {
        let rest = self.rows.split_off(index + 1);
        let header = self.rows.pop().unwrap_or(Row { line: self.header_line, cells: Vec::new() });
        Table { headers: header.cells, header_line: header.line, rows: rest }
    }
}

/// Why a file could not be read as a table.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(std::io::Error),
    /// Neither a `.csv` nor an `.xlsx`.
    Unsupported,
    /// An `.xls`, `.xlsb` or `.ods` workbook, which must be saved as `.xlsx` first.
    OldWorkbook,
    /// Bytes that are neither UTF-8 nor GBK: the line where each reading first fails.
    NotText { utf8_line: usize, gbk_line: usize },
    /// CSV or workbook structure the readers refused.
    Malformed(String),
    /// The file passes one of the bounds; `line` when a row is to blame.
    TooLarge { limit: Limit, line: Option<usize> },
    /// No header row at all.
    Empty,
}

/// Reads `path` by its extension.
pub fn read_file(path: &Path) -> Result<Table, ReadError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => workbook::read_workbook(path),
        "xls" | "xlsb" | "ods" | "et" => Err(ReadError::OldWorkbook),
        "csv" | "txt" => read_csv(&limits::read_bounded(path)?),
        _ => Err(ReadError::Unsupported),
    }
}

/// Builds a table row by row, skipping blank rows and keeping within the bounds.
#[derive(Debug, Default)]
struct Builder {
    table: Table,
    header_seen: bool,
    cells: usize,
    text_bytes: usize,
}

impl Builder {
    /// Adds a row: the first row with text is the header; blank rows are skipped.
    fn push(&mut self, line: usize, mut cells: Vec<String>) -> Result<(), ReadError> {
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        if cells.is_empty() {
            return Ok(());
        }
        let too_large = |limit| ReadError::TooLarge { limit, line: Some(line) };
        if cells.len() > limits::COLUMNS {
            return Err(too_large(Limit::Columns));
        }
        self.cells += cells.len();
        if self.cells > limits::CELLS {
            return Err(too_large(Limit::Cells));
        }
        self.text_bytes += cells.iter().map(String::len).sum::<usize>();
        if self.text_bytes > limits::TEXT_BYTES {
            return Err(too_large(Limit::TextBytes));
        }
        if self.header_seen {
            if self.table.rows.len() >= limits::ROWS + limits::HEADER_SEARCH {
                return Err(too_large(Limit::Rows));
            }
            self.table.rows.push(Row { line, cells });
        } else {
            self.table.headers = cells;
            self.table.header_line = line;
            self.header_seen = true;
        }
        Ok(())
    }

    fn finish(self) -> Result<Table, ReadError> {
        if self.header_seen { Ok(self.table) } else { Err(ReadError::Empty) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_workbooks_and_other_files_are_refused_by_name() {
        assert!(matches!(read_file(Path::new("x.pdf")), Err(ReadError::Unsupported)));
        assert!(matches!(read_file(Path::new("x.XLS")), Err(ReadError::OldWorkbook)));
    }

    #[test]
    fn a_header_below_a_title_row() {
        let t = read_csv("企业名单（2026年）\n\n名称,日期\n官桥化工,2024/3/12\n".as_bytes()).unwrap();
        assert_eq!((t.header_line, t.headers.len()), (1, 1));
        let t = t.header_at(0);
        assert_eq!((t.header_line, t.headers.clone()), (3, vec!["名称".to_string(), "日期".to_string()]));
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![4]);
    }

    #[test]
    fn trailing_empty_cells_are_dropped_and_blank_rows_skipped() {
        let t = read_csv(b"a,b,,,\n,,,\n1,,,\n").unwrap();
        assert_eq!(t.headers, vec!["a", "b"]);
        assert_eq!(t.rows, vec![Row { line: 3, cells: vec!["1".into()] }]);
    }
}
