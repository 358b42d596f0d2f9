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

/// Writes CSV (UTF-8 with BOM, so that Excel reads Chinese) to stdout.
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> Result<(), Failure> {
    crate::sheet::write_csv(&mut std::io::stdout().lock(), headers, rows)
        .map_err(|e| Failure { code: 1, message: e.to_string() })
}

/// Prints a value as pretty JSON.
pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure { code: 1, message: e.to_string() })?;
    println!("{text}");
    Ok(())
}
