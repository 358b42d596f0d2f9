//! `anwei demo` and `anwei --demo`: the generated demo township, kept apart from the
//! real ledger (demo.db in the data directory unless --db says otherwise).

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Env, Failure};
use crate::demo::{DemoOptions, DemoSummary, generate};
use crate::domain::Status;
use crate::i18n::Lang;
use crate::startup::data_file;
use crate::store::Store;

/// The demo database: `--db` when given, else demo.db in the data directory.
/// `ANWEI_DB` names the real ledger (a shared server sets it for everyone), so only an
/// explicit `--db` moves the demo.
fn demo_path(env: &Env) -> Result<PathBuf, Failure> {
    match env.options.db.as_ref().filter(|_| !env.options.db_from_env) {
        Some(p) => Ok(p.clone()),
        None => data_file("demo.db").ok_or_else(|| Failure::input(env.lang.t("cli.no_data_dir"))),
    }
}

/// `anwei demo`: generates the demo database; an existing one only with `--force`.
pub fn run(env: &Env, hazards: u64, seed: u64, force: bool) -> Result<(), Failure> {
    let path = demo_path(env)?;
    if path.exists() {
        if !force {
            return Err(Failure::input(env.lang.f("demo.exists", &[&path.display()])));
        }
        refuse_real_ledger(env, &path)?;
        remove_database(env, &path)?;
    }
    let started = Instant::now();
    let summary = create(env, &path, &DemoOptions { hazards, seed })?;
    print_summary(env.lang, &path, &summary, started.elapsed().as_secs_f64());
    Ok(())
}

/// For `anwei --demo`: the demo database's path, generated first (default size) if
/// missing. Refuses a file that holds a real ledger.
pub fn open_demo(env: &Env) -> Result<PathBuf, Failure> {
    let path = demo_path(env)?;
    if path.exists() {
        refuse_real_ledger(env, &path)?;
        return Ok(path);
    }
    eprintln!("{}", env.lang.f("demo.generating", &[&path.display()]));
    create(env, &path, &DemoOptions::default())?;
    Ok(path)
}

/// Generates into a side file and renames it into place, so that an interrupted run
/// never leaves a half-made demo behind.
fn create(env: &Env, path: &Path, opts: &DemoOptions) -> Result<DemoSummary, Failure> {
    let part = with_suffix(path, ".part");
    remove_database(env, &part)?;
    let mut store = Store::create(&part, env.actor.clone(), env.clock.trusting()).map_err(|e| env.fail(&e))?;
    let mut bar = Bar { lang: env.lang, on: std::io::stderr().is_terminal(), shown: None };
    let generated = generate(&mut store, opts, &mut |done, total| bar.show(done, total));
    let summary = match generated {
        Ok(summary) => summary,
        Err(e) => {
            // a failed run (a full disk, say) leaves no half-made demo behind
            drop(store);
            let _ = remove_database(env, &part);
            return Err(env.fail(&e));
        }
    };
    bar.finish();
    drop(store);
    std::fs::rename(&part, path).map_err(|e| io_failure(env, path, &e))?;
    Ok(summary)
}

/// A file that holds a ledger not marked as a demo is never replaced or shown as one.
fn refuse_real_ledger(env: &Env, path: &Path) -> Result<(), Failure> {
    let Ok(store) = Store::open(path, env.actor.clone(), env.clock) else {
        return Ok(());
    };
    let real = store.meta("org").map_err(|e| env.fail(&e))?.is_some() && !store.is_demo().map_err(|e| env.fail(&e))?;
    if real { Err(Failure::input(env.lang.f("demo.not_demo", &[&path.display()]))) } else { Ok(()) }
}

/// Removes a database file and its -wal and -shm companions, if present.
fn remove_database(env: &Env, path: &Path) -> Result<(), Failure> {
    for file in [path.to_path_buf(), with_suffix(path, "-wal"), with_suffix(path, "-shm")] {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_failure(env, &file, &e)),
        }
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = OsString::from(path.as_os_str());
    s.push(suffix);
    PathBuf::from(s)
}

fn io_failure(env: &Env, path: &Path, e: &std::io::Error) -> Failure {
    Failure { code: 1, message: env.lang.f("demo.io", &[&path.display(), e]) }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
struct Bar {
    lang: Lang,
    on: bool,
    shown: Option<u64>,
}

impl Bar {
    fn show(&mut self, done: u64, total: u64) {
        let percent = done * 100 / total.max(1);
        if !self.on || self.shown == Some(percent) {
            return;
        }
        self.shown = Some(percent);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{}", self.lang.f("demo.progress", &[&percent]));
        let _ = err.flush();
    }

    fn finish(&self) {
        if self.shown.is_some() {
            eprintln!();
        }
    }
}

fn print_summary(l: Lang, path: &Path, s: &DemoSummary, seconds: f64) {
    println!("{}", l.f("demo.created", &[&path.display(), &format!("{seconds:.1}")]));
    println!("{}", l.f("demo.summary_town", &[&s.villages, &s.departments, &s.staff, &s.enterprises]));
    let statuses: Vec<String> =
        Status::ALL.iter().zip(s.by_status).map(|(st, n)| format!("{} {n}", l.word("status", st.as_str()))).collect();
    println!("{}", l.f("demo.summary_hazards", &[&s.hazards, &statuses.join(l.t("list.sep"))]));
    println!("{}", l.f("demo.summary_records", &[&s.escalations, &s.sign_offs, &s.notifications, &s.events]));
    println!("{}", l.f("demo.summary_duties", &[&s.inspections, &s.listed, &s.attachments]));
}
