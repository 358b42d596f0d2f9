//! The command line: arguments, resolving the database and language, and exit statuses.

mod agenda;
mod args;
mod consult;
mod consult_args;
pub mod demo;
pub mod output;
mod read;
mod shared;
mod transfer;
mod write;

use std::path::PathBuf;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};

use crate::clock::Clock;
use crate::i18n::Lang;
use crate::identity::os_login;
use crate::store::{Actor, Store, StoreError};
pub use args::{Cli, Command, Format};

/// Everything a command needs: the parsed options, language, clock and actor.
pub struct Env {
    pub cli: Cli,
    /// The database came from `ANWEI_DB` (the shared ledger), not from `--db`.
    pub db_from_env: bool,
    pub config: crate::config::Config,
    pub lang: Lang,
    pub clock: Clock,
    pub actor: Actor,
}

/// A failure with the exit status it maps to.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    /// Bad input or usage (exit status 2).
    pub fn input(message: impl Into<String>) -> Failure {
        Failure { code: 2, message: message.into() }
    }

    pub fn store(lang: Lang, e: &StoreError) -> Failure {
        Failure { code: e.exit_code(), message: crate::i18n::store_error(lang, e) }
    }
}

/// Runs the program; returns the exit status.
pub fn main() -> i32 {
    // A closed pipe (`anwei list | head`) ends the program quietly, as for other tools.
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let (cli, db_from_env) = match parse() {
        Ok(parsed) => parsed,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let env_lang = cli.lang.as_deref().and_then(Lang::parse);
    let config = match load_config(env_lang.unwrap_or_else(Lang::from_env)) {
        Ok(c) => c,
        Err(f) => return report(&f),
    };
    // --lang / ANWEI_LANG, then the config file, then LANG.
    let lang = env_lang.or(config.lang).unwrap_or_else(Lang::from_env);
    let mut env = match Env::new(cli, db_from_env, config, lang) {
        Ok(env) => env,
        Err(f) => return report(&f),
    };
    if env.cli.demo {
        match demo::open_demo(&env) {
            Ok(path) => env.cli.db = Some(path),
            Err(f) => return report(&f),
        }
    }
    match dispatch(&env) {
        Ok(()) => 0,
        Err(f) => report(&f),
    }
}

/// The arguments, and whether `--db` was really `ANWEI_DB`.
fn parse() -> Result<(Cli, bool), clap::Error> {
    let matches = Cli::command().try_get_matches()?;
    let from_env = matches.value_source("db") == Some(clap::parser::ValueSource::EnvVariable);
    Ok((Cli::from_arg_matches(&matches)?, from_env))
}

/// The config file; a bad one is refused, naming its line, before anything runs.
fn load_config(lang: Lang) -> Result<crate::config::Config, Failure> {
    let Some(path) = crate::config::default_path() else { return Ok(crate::config::Config::default()) };
    crate::config::load(&path).map_err(|e| {
        Failure::input(lang.f("tui.bad_config", &[&e.path.display(), &e.line, &crate::text::sanitise(&e.message)]))
    })
}

fn report(f: &Failure) -> i32 {
    eprintln!("anwei: {}", f.message);
    f.code
}

impl Env {
    fn new(cli: Cli, db_from_env: bool, config: crate::config::Config, lang: Lang) -> Result<Env, Failure> {
        let clock = match cli.today.as_deref() {
            None => Clock::system(),
            Some(s) => match crate::domain::parse_date(s) {
                Some(d) => Clock::fixed(d),
                None => return Err(Failure::input(lang.f("cli.bad_date", &[&"--today", &s]))),
            },
        };
        let actor = Actor { readonly: cli.readonly, unknown_role: config.unknown_role, ..Actor::new(os_login()) };
        Ok(Env { cli, db_from_env, config, lang, clock, actor })
    }

    /// The database path: `--db`, `ANWEI_DB`, else the platform data directory.
    pub fn db_path(&self) -> Result<PathBuf, Failure> {
        match &self.cli.db {
            Some(p) => Ok(p.clone()),
            None => data_file("anwei.db").ok_or_else(|| Failure::input(self.lang.t("cli.no_data_dir"))),
        }
    }

    /// Opens the existing ledger, with the config's escalation thresholds.
    pub fn open(&self) -> Result<Store, Failure> {
        let path = self.db_path()?;
        let mut store = Store::open(&path, self.actor.clone(), self.clock).map_err(|e| self.fail(&e))?;
        store.thresholds = self.config.thresholds;
        Ok(store)
    }

    /// A store error as a failure in the chosen language.
    pub fn fail(&self, e: &StoreError) -> Failure {
        Failure::store(self.lang, e)
    }
}

/// A file in the platform data directory (created if missing).
pub fn data_file(name: &str) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "anwei")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).ok()?;
    Some(dir.join(name))
}

fn dispatch(env: &Env) -> Result<(), Failure> {
    match &env.cli.command {
        None => crate::tui::run(env),
        Some(Command::Overview { format }) => read::overview(env, *format),
        Some(Command::List(a)) => read::list(env, a),
        Some(Command::Show { code, format }) => read::show(env, code, *format),
        Some(Command::Whoami) => read::whoami(env),
        Some(Command::Check) => read::check(env),
        Some(Command::Backup { file }) => read::backup(env, file),
        Some(Command::Sql { screen }) => read::sql(env, *screen),
        Some(Command::Init { org, code_prefix, shared: false, .. }) => write::init(env, org, code_prefix),
        Some(Command::Init { org, code_prefix, group, .. }) => {
            shared::init_shared(env, org, code_prefix, group.as_deref().unwrap_or_default())
        }
        Some(Command::Demo { hazards, seed, force }) => demo::run(env, *hazards, *seed, *force),
        Some(Command::Staff(s)) => write::staff(env, s),
        Some(Command::New(n)) => write::new(env, n),
        Some(Command::Assign { code, to, note, version }) => write::run(env, |s| s.assign(code, *version, to, note)),
        Some(Command::Import { kind, file, dry_run, skip_bad, rejects }) => {
            let flags = transfer::ImportFlags { dry_run: *dry_run, skip_bad: *skip_bad, rejects: rejects.as_deref() };
            transfer::import(env, *kind, file, &flags)
        }
        Some(Command::Export { kind, format, output }) => transfer::export(env, *kind, *format, output.as_deref()),
        Some(Command::Agenda(a)) => agenda::agenda(env, a),
        Some(Command::Calendar(c)) => agenda::calendar(env, c),
        Some(Command::Consult(c)) => consult::run(env, c),
        Some(cmd) => write::step(env, cmd),
    }
}
