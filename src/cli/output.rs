//! Printing tables, CSV and JSON for the read commands.

use std::io::Write;

use serde::Serialize;

use super::Failure;
use crate::text::{pad, sanitise, width};

/// Prints rows as an aligned table (Chinese counted as two cells).
pub fn table(headers: &[&str], rows: &[Vec<String>]) {
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| sanitise(c)).collect()).collect();
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| rows.iter().map(|r| r.get(i).map_or(0, |c| width(c))).max().unwrap_or(0).max(width(h)).min(40))
        .collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        padded.join("  ").trim_end().to_string()
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", line(headers.to_vec()));
    for r in &rows {
        let _ = writeln!(out, "{}", line(r.iter().map(String::as_str).collect()));
    }
}

/// A CSV cell that a spreadsheet will not run as a formula.
pub fn csv_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Writes CSV (UTF-8 with BOM, so that Excel reads Chinese) to stdout.
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> Result<(), Failure> {
    write_csv(&mut std::io::stdout().lock(), headers, rows).map_err(|e| Failure { code: 1, message: e.to_string() })
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

/// Writes several tables as one CSV (one BOM): each is its caption, its header row, its
/// rows and an empty line.
pub fn write_csv_tables(out: &mut dyn Write, tables: &[crate::report::csv::Annex]) -> std::io::Result<()> {
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

/// Prints a value as pretty JSON.
pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure { code: 1, message: e.to_string() })?;
    println!("{text}");
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
