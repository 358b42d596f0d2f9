//! Printing tables, CSV and JSON for the read commands.

use std::io::{IsTerminal, Write};

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

/// Writes CSV (UTF-8 with BOM, so that Excel reads Chinese) to stdout; to a terminal,
/// sanitised as the full screen is (a pipe or a file gets the data exact).
pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> Result<(), Failure> {
    let mut bytes = Vec::new();
    crate::sheet::write_csv(&mut bytes, headers, rows).map_err(|e| Failure { code: 1, message: e.to_string() })?;
    to_stdout(&bytes)
}

/// Bytes to stdout: sanitised line by line when it is a terminal.
pub fn to_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let written = if out.is_terminal() {
        out.write_all(crate::text::sanitise_lines(&String::from_utf8_lossy(bytes)).as_bytes())
    } else {
        out.write_all(bytes)
    };
    written.and_then(|()| out.flush()).map_err(|e| Failure { code: 1, message: e.to_string() })
}

/// Prints titled sections of labelled lines (`anwei show`, `anwei enterprise show`), safe.
pub fn sections(sections: &[crate::present::Section]) {
    for section in sections {
        println!("[{}]", sanitise(&section.title));
        for (label, value) in &section.lines {
            let value = sanitise(value);
            if label.is_empty() { println!("  {value}") } else { println!("  {}: {value}", sanitise(label)) }
        }
    }
}

/// Prints a value as pretty JSON.
pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure { code: 1, message: e.to_string() })?;
    println!("{}", crate::text::json_safe(&text));
    Ok(())
}
