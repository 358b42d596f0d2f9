//! The meeting pack written to a file: Markdown, HTML or DOCX, or a directory of CSV
//! annexes; for `anwei agenda -o` and the consultation screen.

use std::path::{Path, PathBuf};

use super::{Paper, csv::annexes, docx, html, markdown};
use crate::domain::quarter::Quarter;
use crate::safe_file::{FileError, Guard};
use crate::sheet::write_csv;

/// The formats of the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackKind {
    Md,
    Html,
    Docx,
    Csv,
}

impl PackKind {
    pub const ALL: [PackKind; 4] = [PackKind::Md, PackKind::Html, PackKind::Docx, PackKind::Csv];

    /// The identifier, also the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            PackKind::Md => "md",
            PackKind::Html => "html",
            PackKind::Docx => "docx",
            PackKind::Csv => "csv",
        }
    }

    pub fn parse(s: &str) -> Option<PackKind> {
        PackKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The name in the current directory when none is given: `anwei-2026Q4.md`, and for
    /// CSV the directory `anwei-2026Q4-csv`.
    pub fn default_path(self, q: Quarter) -> PathBuf {
        match self {
            PackKind::Csv => PathBuf::from(format!("anwei-{q}-csv")),
            k => PathBuf::from(format!("anwei-{q}.{}", k.as_str())),
        }
    }
}

/// The pack as one file's bytes; CSV as every annex one after another.
pub fn bytes(p: &Paper, kind: PackKind) -> std::io::Result<Vec<u8>> {
    Ok(match kind {
        PackKind::Md => markdown::render(p).into_bytes(),
        PackKind::Html => html::render(p).into_bytes(),
        PackKind::Docx => docx::render(p)?,
        PackKind::Csv => {
            let mut out = Vec::new();
            let tables: Vec<crate::sheet::Captioned> = annexes(p)
                .iter()
                .map(|a| crate::sheet::Captioned { caption: a.caption, headers: a.headers, rows: a.rows })
                .collect();
            crate::sheet::write_csv_tables(&mut out, &tables)?;
            out
        }
    })
}

/// Writes the pack to `path` as `guard` allows; for CSV, `path` is a directory (created if
/// missing) with one file per list.
pub fn write(p: &Paper, kind: PackKind, path: &Path, guard: &Guard) -> Result<(), FileError> {
    let io = |e| FileError::Io(path.to_path_buf(), e);
    if kind != PackKind::Csv {
        guard.check(path)?;
        return guard.write(path, &bytes(p, kind).map_err(io)?);
    }
    if path.exists() && !path.is_dir() {
        return Err(FileError::Exists(path.to_path_buf()));
    }
    // the folder itself is checked as a file would be, before it is made
    guard.check(&path.join(".anwei-pack"))?;
    std::fs::create_dir_all(path).map_err(io)?;
    let annexes = annexes(p);
    for a in &annexes {
        guard.check(&path.join(&a.file_name))?;
    }
    for a in annexes {
        let headers: Vec<&str> = a.headers.iter().map(String::as_str).collect();
        guard.write_with(&path.join(&a.file_name), |f| write_csv(f, &headers, a.rows))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_identifiers() {
        let q = Quarter { year: 2026, q: 4 };
        assert_eq!(PackKind::Docx.default_path(q), PathBuf::from("anwei-2026Q4.docx"));
        assert_eq!(PackKind::Csv.default_path(q), PathBuf::from("anwei-2026Q4-csv"));
        assert!(PackKind::ALL.iter().all(|k| PackKind::parse(k.as_str()) == Some(*k)));
    }
}
