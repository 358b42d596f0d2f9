//! What every way of running the program starts from: the parsed options, the config,
//! the language, the clock and the acting user, and failures with their exit statuses.
//! The command line and the full screen both start here.

use std::path::PathBuf;

use crate::clock::Clock;
use crate::i18n::Lang;
use crate::identity::os_login;
use crate::store::{Actor, Store, StoreError};

/// The global options as given on the command line or in the environment.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--db` or `ANWEI_DB`.
    pub db: Option<PathBuf>,
    /// The database came from `ANWEI_DB` (the shared ledger), not from `--db`.
    pub db_from_env: bool,
    /// `--today` or `ANWEI_TODAY`.
    pub today: Option<String>,
    /// `--lang` or `ANWEI_LANG`, as understood.
    pub lang: Option<Lang>,
    pub readonly: bool,
    pub demo: bool,
}

/// Everything a command needs: the options, language, clock and actor.
pub struct Env {
    pub options: Options,
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

/// The config file; a bad one is refused, naming its line, before anything runs.
pub fn load_config(lang: Lang) -> Result<crate::config::Config, Failure> {
    let Some(path) = crate::config::default_path() else { return Ok(crate::config::Config::default()) };
    crate::config::load(&path).map_err(|e| {
        Failure::input(lang.f("tui.bad_config", &[&e.path.display(), &e.line, &crate::text::sanitise(&e.message)]))
    })
}

impl Env {
    pub fn new(options: Options, config: crate::config::Config, lang: Lang) -> Result<Env, Failure> {
        let clock = match options.today.as_deref() {
            None => Clock::system(),
            Some(s) => match crate::domain::parse_date(s) {
                Some(d) => Clock::reading(d),
                None => return Err(Failure::input(lang.f("cli.bad_date", &[&"--today", &s]))),
            },
        };
        let actor = Actor { readonly: options.readonly, ..Actor::new(os_login()) };
        Ok(Env { options, config, lang, clock, actor })
    }

    /// The database path: `--db`, `ANWEI_DB`, else the platform data directory.
    pub fn db_path(&self) -> Result<PathBuf, Failure> {
        match &self.options.db {
            Some(p) => Ok(p.clone()),
            None => data_file("anwei.db").ok_or_else(|| Failure::input(self.lang.t("cli.no_data_dir"))),
        }
    }

    /// Opens the existing ledger (its settings come with it).
    pub fn open(&self) -> Result<Store, Failure> {
        let path = self.db_path()?;
        let store = Store::open(&path, self.actor.clone(), self.clock).map_err(|e| self.fail(&e))?;
        if let Some((from, copy)) = &store.upgraded {
            eprintln!("anwei: {}", self.lang.f("store.upgraded", &[from, &copy.display()]));
        }
        Ok(store)
    }

    /// What a file the command writes must keep clear of: the ledger and its files.
    pub fn guard(&self, force: bool) -> crate::safe_file::Guard {
        crate::safe_file::Guard { ledger: self.db_path().ok(), force }
    }

    /// A file that was not written, as a failure (exit status 2: nothing was changed).
    pub fn file_failure(&self, e: &crate::safe_file::FileError) -> Failure {
        Failure::input(crate::i18n::file_error(self.lang, e))
    }

    /// A store error as a failure in the chosen language.
    pub fn fail(&self, e: &StoreError) -> Failure {
        Failure::store(self.lang, e)
    }
}

/// A file in the platform data directory (created if missing).
pub fn data_file(name: &str) -> Option<PathBuf> {
    let path = data_path(name)?;
    std::fs::create_dir_all(path.parent()?).ok()?;
    Some(path)
}

/// Where `data_file(name)` is, without making its directory.
pub fn data_path(name: &str) -> Option<PathBuf> {
    Some(directories::ProjectDirs::from("", "", "anwei")?.data_dir().join(name))
}
