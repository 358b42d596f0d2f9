//! CSV bytes as a table: UTF-8 (with or without BOM) or GBK, quoted line breaks kept
//! in their cell, and the row numbers Excel would show.

use std::borrow::Cow;

use super::{Builder, ReadError};

/// Text of a CSV file: the BOM dropped; UTF-8 when valid, else GBK.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(Cow::Borrowed(s)),
        Err(e) => e,
    };
    if let Some(text) = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text);
    }
    let line_of = |offset: usize| bytes[..offset].iter().filter(|b| **b == b'\n').count() + 1;
    Err(ReadError::NotText { utf8_line: line_of(utf8_error.valid_up_to()), gbk_line: first_bad_gbk_line(bytes) })
}

/// The first line that is not GBK (its line breaks are ASCII in GBK too).
fn first_bad_gbk_line(bytes: &[u8]) -> usize {
    let bad = bytes
        .split(|b| *b == b'\n')
        .position(|line| encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(line).is_none());
    bad.map_or(1, |i| i + 1)
}

/// Parses CSV bytes. A quoted cell may hold line breaks; Excel shows such a record as
/// one row, so the row number is the record's first line less the breaks inside
/// earlier records.
pub fn read_csv(bytes: &[u8]) -> Result<super::Table, ReadError> {
    let text = decode(bytes)?;
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut table = Builder::default();
    let mut lines = LineCounter::default();
    let mut inner_breaks = 0usize;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(ReadError::Malformed(e.to_string())),
        }
        let first_line = lines.line_at(bytes, record.position().map_or(0, |p| p.byte() as usize));
        let line = first_line - inner_breaks;
        let cells: Vec<String> = record.iter().map(undo_neutralising).collect();
        inner_breaks += cells.iter().map(|c| c.matches('\n').count()).sum::<usize>();
        table.push(line, cells)?;
    }
    table.finish()
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

#[cfg(test)]
mod tests {
    use super::super::{Limit, Row, Table};
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
    fn bad_bytes_name_their_line() {
        let bytes = b"a,b\n1,2\n3,\xFF\xFF\n";
        assert!(matches!(read_csv(bytes), Err(ReadError::NotText { utf8_line: 3, gbk_line: 3 })));
        assert!(matches!(read_csv(b"\n\n"), Err(ReadError::Empty)));
    }

    #[test]
    fn too_many_columns_names_the_row() {
        let wide = format!("a\n{}\n", vec!["x"; super::super::limits::COLUMNS + 1].join(","));
        let err = read_csv(wide.as_bytes()).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { limit: Limit::Columns, line: Some(2) }), "{err:?}");
    }
}
