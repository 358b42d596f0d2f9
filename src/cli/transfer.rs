//! `anwei import` and `anwei export`: files in and out, every bad row on stderr.

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::args::ImportArgs;
use super::{Env, Failure};
use crate::i18n::Lang;
use crate::text::sanitise;
use crate::transfer::export::{ExportError, Format};
use crate::transfer::read::limits::ERRORS;
use crate::transfer::{ImportError, ImportKind, ImportOptions, ImportReport, Kind, Problem, ReadError, read_file};

/// `anwei import enterprises|hazards FILE`.
pub fn import(env: &Env, args: &ImportArgs) -> Result<(), Failure> {
    let (l, kind, file) = (env.lang, args.kind, args.file.as_path());
    let name = file.display().to_string();
    let table = read_file(file).map_err(|e| read_failure(l, &name, e))?;
    let mut store = env.open()?;
    let opts = ImportOptions {
        lang: l,
        dry_run: args.dry_run,
        skip_bad: args.skip_bad,
        create_units: args.create_units,
        allow_duplicates: args.allow_duplicates,
        note: l.f("imp.event_note", &[&name]),
    };
    let report = crate::transfer::import(&mut store, kind, table, &opts).map_err(|e| import_failure(env, &name, e))?;
    print_problems(l, &name, report.rejected.iter().flat_map(|r| &r.problems));
    if !report.ignored_columns.is_empty() {
        eprintln!("{}", sanitise(&l.f("imp.ignored", &[&report.ignored_columns.join(", ")])));
    }
    if report.written && !report.rejected.is_empty() {
        let path = args.rejects.clone().unwrap_or_else(|| default_rejects(file));
        write_rejects(env, &path, &report, args.force)?;
        eprintln!("{}", l.f("imp.rejected", &[&report.rejected.len(), &path.display()]));
    } else if !report.rejected.is_empty() {
        eprintln!("{}", l.f("imp.rejected_dry", &[&report.rejected.len()]));
    }
    summary(l, kind, &name, &report);
    Ok(())
}

/// What was imported (or would be), and the units it brought.
fn summary(l: Lang, kind: ImportKind, name: &str, report: &ImportReport) {
    let what = l.t(match kind {
        ImportKind::Enterprises => "imp.kind.enterprises",
        ImportKind::Hazards => "imp.kind.hazards",
        ImportKind::Inspections => "imp.kind.inspections",
    });
    let key = if report.written { "imp.done" } else { "imp.dry_run" };
    println!("{}", sanitise(&l.f(key, &[&report.imported, &what, &name])));
    if !report.new_units.is_empty() {
        println!("{}", sanitise(&l.f("imp.new_units", &[&report.new_units.join(l.t("list.sep"))])));
    }
}

/// `FILE.rejects.csv` beside the imported file.
fn default_rejects(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".rejects.csv");
    PathBuf::from(name)
}

fn write_rejects(env: &Env, path: &Path, report: &ImportReport, force: bool) -> Result<(), Failure> {
    let l = env.lang;
    let mut bytes = Vec::new();
    crate::transfer::write_rejects(&mut bytes, l, &report.headers, &report.rejected)
        .map_err(|e| Failure { code: 1, message: l.f("imp.rejects_failed", &[&path.display(), &e]) })?;
    env.guard(force).write(path, &bytes).map_err(|e| env.file_failure(&e))
}

fn read_failure(l: Lang, name: &str, e: ReadError) -> Failure {
    match e {
        ReadError::Io(e) => Failure { code: 1, message: l.f("imp.unreadable", &[&name, &e]) },
        ReadError::Unsupported => Failure::input(l.f("imp.unsupported", &[&name])),
        ReadError::OldWorkbook => Failure::input(l.f("imp.old_workbook", &[&name])),
        ReadError::NotText { utf8_line, gbk_line } => {
            Failure::input(l.f("imp.not_text", &[&name, &utf8_line, &gbk_line]))
        }
        ReadError::Malformed(why) => Failure::input(sanitise(&l.f("imp.malformed", &[&name, &why]))),
        ReadError::TooLarge { limit, line } => {
            let what = l.f(&format!("imp.limit.{}", limit.name()), &[&limit.max()]);
            let message = match line {
                Some(line) => l.f("imp.too_large_at", &[&name, &line, &what]),
                None => l.f("imp.too_large", &[&name, &what]),
            };
            Failure::input(sanitise(&message))
        }
        ReadError::Empty => Failure::input(l.f("imp.empty", &[&name])),
    }
}

/// One problem a line on stderr, the first [`ERRORS`] of them, then how many more.
fn print_problems<'a>(l: Lang, name: &str, problems: impl Iterator<Item = &'a Problem>) {
    let mut more = 0usize;
    for (i, p) in problems.enumerate() {
        if i < ERRORS {
            eprintln!("{}", sanitise(&p.render(l, name)));
        } else {
            more += 1;
        }
    }
    if more > 0 {
        eprintln!("{}", l.f("imp.more_problems", &[&more]));
    }
}

/// Bad rows go to stderr one problem a line; the failure sums them up.
fn import_failure(env: &Env, name: &str, e: ImportError) -> Failure {
    let l = env.lang;
    match e {
        ImportError::MissingColumns { header_line, missing } => {
            Failure::input(sanitise(&l.f("imp.missing_columns", &[&name, &missing.join(", "), &header_line])))
        }
        ImportError::BadRows(problems) => {
            print_problems(l, name, problems.iter());
            let rows: BTreeSet<usize> = problems.iter().map(|p| p.line).collect();
            Failure::input(l.f("imp.bad_rows", &[&name, &rows.len()]))
        }
        ImportError::Store(e) => env.fail(&e),
    }
}

/// `anwei export hazards|enterprises|timeline`.
pub fn export(env: &Env, kind: Kind, format: Format, output: Option<&Path>, force: bool) -> Result<(), Failure> {
    let l = env.lang;
    if format == Format::Xlsx && output.is_none() {
        return Err(Failure::input(l.t("exp.needs_output")));
    }
    let guard = env.guard(force);
    if let Some(path) = output {
        guard.check(path).map_err(|e| env.file_failure(&e))?;
    }
    let store = env.open()?;
    let fail = |e: ExportError| match e {
        ExportError::Store(e) => env.fail(&e),
        ExportError::Io(e) => Failure { code: 1, message: l.f("exp.failed", &[&e]) },
        ExportError::Xlsx(e) => Failure { code: 1, message: l.f("exp.failed", &[&e]) },
        ExportError::Json(e) => Failure { code: 1, message: l.f("exp.failed", &[&e]) },
    };
    let Some(path) = output else {
        if std::io::stdout().is_terminal() {
            let mut bytes = Vec::new();
            crate::transfer::export::export(&store, kind, format, l, &mut bytes).map_err(fail)?;
            return super::output::to_stdout(&bytes);
        }
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        return crate::transfer::export::export(&store, kind, format, l, &mut out).map(drop).map_err(fail);
    };
    let mut bytes = Vec::new();
    let n = crate::transfer::export::export(&store, kind, format, l, &mut bytes).map_err(fail)?;
    guard.write(path, &bytes).map_err(|e| env.file_failure(&e))?;
    println!("{}", l.f("exp.written", &[&n, &path.display()]));
    Ok(())
}
