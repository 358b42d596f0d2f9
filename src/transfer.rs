//! Data in and out of the ledger: CSV and XLSX imports that are all-or-nothing and
//! report every bad row, and CSV, XLSX and JSON exports.

pub mod columns;
pub mod dates;
mod enterprises;
pub mod export;
mod hazards;
mod inspections;
pub mod read;

use std::io::Write;

use crate::i18n::Lang;
use crate::sheet::write_csv;
use crate::store::import::ImportSession;
use crate::store::{Store, StoreError};
pub use columns::Kind;
use columns::{Cells, ColumnMap};
use read::limits::HEADER_SEARCH;
pub use read::{ReadError, Row, Table, read_file};

/// What an import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    Enterprises,
    Hazards,
    Inspections,
}

/// One thing wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The row number in Excel (header = 1).
    pub line: usize,
    /// The column's header as the file writes it.
    pub column: String,
    pub reason: String,
}

impl Problem {
    /// `FILE:LINE: column COLUMN: reason`.
    pub fn render(&self, lang: Lang, file: &str) -> String {
        lang.f("imp.problem", &[&file, &self.line, &self.column, &self.reason])
    }
}

/// How to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The language of the reasons.
    pub lang: Lang,
    /// Check everything and write nothing.
    pub dry_run: bool,
    /// Import the good rows; the bad ones are returned as rejects.
    pub skip_bad: bool,
    /// Create the villages, departments and sectors the file names that the ledger
    /// lacks (otherwise such a row is bad: a typo must not become a new unit).
    pub create_units: bool,
    /// Import a hazard that the ledger or the file already has (same enterprise,
    /// title and day found).
    pub allow_duplicates: bool,
    /// The note of every imported hazard's timeline event (names the file).
    pub note: String,
}

/// A row left out, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub row: Row,
    pub problems: Vec<Problem>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Rows imported (or, on a dry run, that would be).
    pub imported: usize,
    pub rejected: Vec<Rejected>,
    /// Villages and departments created by an enterprise import.
    pub new_units: Vec<String>,
    /// The header row the import found, and the headers that match no column.
    pub headers: Vec<String>,
    pub ignored_columns: Vec<String>,
    /// False on a dry run.
    pub written: bool,
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportError {
    /// Required columns that the row taken as the header lacks, by name.
    MissingColumns {
        header_line: usize,
        missing: Vec<String>,
    },
    /// Every problem of every bad row.
    BadRows(Vec<Problem>),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// One kind of row: checked against the file so far and the ledger, then inserted.
trait Rows {
    type Record;
    /// The record, or `None` with the problems left in `cells`.
    fn check(
        &mut self,
        s: &mut ImportSession,
        cells: &mut Cells,
        opts: &ImportOptions,
    ) -> Result<Option<Self::Record>, StoreError>;
    fn insert(&mut self, s: &mut ImportSession, record: Self::Record, note: &str) -> Result<(), StoreError>;
}

/// Imports `table` in one transaction: nothing when any row is bad, unless `skip_bad`.
pub fn import(
    store: &mut Store,
    kind: ImportKind,
    table: Table,
    opts: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    match kind {
        ImportKind::Enterprises => run(store, Kind::Enterprises, enterprises::Enterprises::default(), table, opts),
        ImportKind::Hazards => run(store, Kind::Hazards, hazards::Hazards::default(), table, opts),
        ImportKind::Inspections => run(store, Kind::Inspections, inspections::Inspections::default(), table, opts),
    }
}

fn run<R: Rows>(
    store: &mut Store,
    kind: Kind,
    mut rows: R,
    table: Table,
    opts: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    let (table, map) = find_header(kind, table, opts.lang)?;
    let mut session = store.import_session()?;
    let mut good = Vec::with_capacity(table.rows.len());
    let mut rejected = Vec::new();
    let headers = table.headers;
    for row in table.rows {
        let mut cells = Cells::new(&map, &row, opts.lang);
        let record = rows.check(&mut session, &mut cells, opts)?;
        let problems = cells.problems;
        match record {
            Some(record) if problems.is_empty() => good.push(record),
            _ => rejected.push(Rejected { row, problems }),
        }
    }
    if !rejected.is_empty() && !opts.skip_bad {
        return Err(ImportError::BadRows(rejected.into_iter().flat_map(|r| r.problems).collect()));
    }
    let imported = good.len();
    for record in good {
        rows.insert(&mut session, record, &opts.note)?;
    }
    let new_units = session.new_units().to_vec();
    if !opts.dry_run {
        session.commit()?;
    }
    let written = !opts.dry_run;
    Ok(ImportReport { imported, rejected, new_units, headers, ignored_columns: map.ignored, written })
}

/// The header: the first row with text, or, when that lacks required columns, the
/// first of the next rows that has them all (a title often stands above the header).
/// When none has, the error names the row that came closest.
fn find_header(kind: Kind, table: Table, lang: Lang) -> Result<(Table, ColumnMap), ImportError> {
    let candidates = std::iter::once(&table.headers).chain(table.rows.iter().take(HEADER_SEARCH).map(|r| &r.cells));
    let mut closest: Option<(usize, Vec<String>)> = None;
    for (i, cells) in candidates.enumerate() {
        match ColumnMap::new(kind, cells, lang) {
            Ok(map) if i == 0 => return Ok((table, map)),
            Ok(map) => return Ok((table.header_at(i - 1), map)),
            Err(missing) if closest.as_ref().is_none_or(|(_, m)| missing.len() < m.len()) => {
                closest = Some((i, missing));
            }
            Err(_) => {}
        }
    }
    let (i, missing) = closest.unwrap_or_default();
    let header_line = if i == 0 { table.header_line } else { table.rows[i - 1].line };
    Err(ImportError::MissingColumns { header_line, missing })
}

/// Writes the rejected rows as CSV: the original cells and a column of reasons.
pub fn write_rejects(
    out: &mut dyn Write,
    lang: Lang,
    headers: &[String],
    rejected: &[Rejected],
) -> std::io::Result<()> {
    let mut head: Vec<&str> = headers.iter().map(String::as_str).collect();
    let width = rejected.iter().map(|r| r.row.cells.len()).max().unwrap_or(0).max(head.len());
    head.resize(width, "");
    head.push(lang.t("imp.reason"));
    let rows: Vec<Vec<String>> = rejected
        .iter()
        .map(|r| {
            let mut cells = r.row.cells.clone();
            cells.resize(width, String::new());
            let reasons: Vec<String> = r.problems.iter().map(|p| format!("{}: {}", p.column, p.reason)).collect();
            cells.push(reasons.join("; "));
            cells
        })
        .collect();
    write_csv(out, &head, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitKind;

    /// The keys the code builds at run time, which the catalogue test cannot see.
    #[test]
    fn built_keys_exist_in_both_languages() {
        let mut keys: Vec<String> =
            ["imp.kind.enterprises", "imp.kind.hazards", "imp.kind.inspections"].map(String::from).to_vec();
        let kinds = [Kind::Enterprises, Kind::Hazards, Kind::Timeline, Kind::Inspections];
        keys.extend(kinds.map(|k| format!("exp.sheet.{}", k.as_str())));
        keys.extend(UnitKind::ALL.iter().map(|u| format!("imp.unit.{}", u.as_str())));
        use read::Limit::*;
        let limits = [FileBytes, Unzipped, StringsBytes, Strings, Parts, Rows, Columns, Cells, TextBytes];
        keys.extend(limits.map(|l| format!("imp.limit.{}", l.name())));
        for lang in [Lang::Zh, Lang::En] {
            for key in &keys {
                assert_ne!(lang.t(key), "?", "{key}");
            }
        }
    }

    #[test]
    fn problems_read_file_line_column_reason() {
        let p = Problem { line: 7, column: "发现日期".into(), reason: "x".into() };
        assert_eq!(p.render(Lang::En, "h.csv"), "h.csv:7: column 发现日期: x");
        assert_eq!(p.render(Lang::Zh, "h.csv"), "h.csv:7: 列“发现日期”：x");
    }

    #[test]
    fn rejects_keep_the_cells_and_add_the_reasons() {
        let headers = vec!["a".to_string(), "b".to_string()];
        let problem = |column: &str| Problem { line: 2, column: column.into(), reason: "bad".into() };
        let rejected = [Rejected {
            row: Row { line: 2, cells: vec!["=1".into(), "x".into(), "extra".into()] },
            problems: vec![problem("a"), problem("b")],
        }];
        let mut out = Vec::new();
        write_rejects(&mut out, Lang::En, &headers, &rejected).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\u{FEFF}a,b,,reason\n'=1,x,extra,a: bad; b: bad\n");
    }
}
