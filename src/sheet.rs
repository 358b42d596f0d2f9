//! CSV as the program writes it everywhere (exports, packs, `--format csv`): UTF-8 with a
//! BOM so that Excel reads Chinese, and no cell a spreadsheet would run as a formula.

use std::io::Write;

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn csv_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Writes CSV with a BOM to any writer.
pub fn write_csv(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(headers)?;
    for r in rows {
        w.write_record(r.iter().map(|c| csv_cell(c)))?;
    }
    w.flush()?;
    Ok(())
}

/// One captioned table of a CSV that holds several.
pub struct Captioned<'a> {
    pub caption: &'a str,
    pub headers: &'a [String],
    pub rows: &'a [Vec<String>],
}

/// Writes several tables as one CSV (one BOM): each is its caption, its header row, its
/// rows and an empty line.
pub fn write_csv_tables(out: &mut dyn Write, tables: &[Captioned]) -> std::io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(out);
    for t in tables {
        w.write_record([csv_cell(t.caption)])?;
        w.write_record(t.headers.iter().map(|c| csv_cell(c)))?;
        for r in t.rows {
            w.write_record(r.iter().map(|c| csv_cell(c)))?;
        }
        w.write_record([""])?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("2026-11-29"), "2026-11-29");
    }
}
