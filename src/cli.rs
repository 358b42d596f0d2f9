//! The command line: arguments, resolving the database and language, and exit statuses.

mod agenda;
mod args;
mod attachment;
mod consult;
mod consult_args;
pub mod demo;
mod enterprise;
mod help;
mod inspection;
pub mod output;
mod read;
mod settings;
mod shared;
mod standards;
mod tipoff;
mod transfer;
mod write;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};

use crate::i18n::Lang;
pub use crate::startup::{Env, Failure};
use crate::startup::{Options, load_config};
pub use args::{Cli, Command, Format};

/// Runs the program; returns the exit status.
pub fn main() -> i32 {
    // A closed pipe (`anwei list | head`) ends the program quietly, as for other tools.
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let (cli, db_from_env) = match parse() {
        Ok(parsed) => parsed,
        Err(e) if e.use_stderr() => {
            // the error echoes what was typed: never raw to the terminal
            eprint!("{}", crate::text::sanitise_lines(&e.render().to_string()));
            return 2;
        }
        Err(e) => {
            let _ = e.print();
            return 0;
        }
    };
    if let Some(bad) = cli.lang.as_deref().filter(|l| Lang::parse(l).is_none()) {
        let message = format!("--lang: \"{}\" is not zh or en", crate::text::sanitise(bad));
        return report(&Failure::input(message));
    }
    let options = Options {
        db: cli.db.clone(),
        db_from_env,
        today: cli.today.clone(),
        lang: cli.lang.as_deref().and_then(Lang::parse),
        readonly: cli.readonly,
        demo: cli.demo,
    };
    let config = match load_config(options.lang.unwrap_or_else(Lang::from_env)) {
        Ok(c) => c,
        Err(f) => return report(&f),
    };
    let lang = chosen_lang(options.lang, config.lang, options.db.clone());
    let mut env = match Env::new(options, config, lang) {
        Ok(env) => env,
        Err(f) => return report(&f),
    };
    if env.options.demo {
        match demo::open_demo(&env) {
            Ok(path) => env.options.db = Some(path),
            Err(f) => return report(&f),
        }
    }
    match dispatch(&env, cli.command.as_ref()) {
        Ok(()) => 0,
        Err(f) => report(&f),
    }
}

/// The language: `--lang` / `ANWEI_LANG`, then the config file, then the ledger's own
/// (of `db`, else the default ledger), then `LANG`.
fn chosen_lang(flag: Option<Lang>, config: Option<Lang>, db: Option<std::path::PathBuf>) -> Lang {
    let ledger_lang = || {
        let path = db.or_else(|| crate::startup::data_path("anwei.db"))?;
        crate::store::settings::ledger_lang(&path)
    };
    flag.or(config).or_else(ledger_lang).unwrap_or_else(Lang::from_env)
}

/// The arguments, and whether `--db` was really `ANWEI_DB`. Help comes in the reader's
/// language (clap's own error lines stay in English).
fn parse() -> Result<(Cli, bool), clap::Error> {
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(_) => help::command(help::typed_lang()).try_get_matches()?,
    };
    let from_env = matches.value_source("db") == Some(clap::parser::ValueSource::EnvVariable);
    Ok((Cli::from_arg_matches(&matches)?, from_env))
}

fn report(f: &Failure) -> i32 {
    if !f.message.is_empty() {
        eprintln!("anwei: {}", crate::text::sanitise_lines(&f.message));
    }
    f.code
}

fn dispatch(env: &Env, command: Option<&Command>) -> Result<(), Failure> {
    match command {
        None => crate::tui::run(env),
        Some(Command::Overview { format }) => read::overview(env, *format),
        Some(Command::List(a)) => read::list(env, a),
        Some(Command::Show { code, format }) => read::show(env, code, *format),
        Some(Command::Whoami) => read::whoami(env),
        Some(Command::Undo { dry_run }) => write::undo(env, *dry_run),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut help::command(env.lang), "anwei", &mut std::io::stdout());
            Ok(())
        }
        Some(Command::Man) => clap_mangen::Man::new(help::command(env.lang))
            .render(&mut std::io::stdout())
            .map_err(|e| Failure { code: 1, message: e.to_string() }),
        Some(Command::Settings(c)) => settings::run(env, c),
        Some(Command::Check) => read::check(env),
        Some(Command::Backup { file }) => read::backup(env, file),
        Some(Command::Sql { screen }) => read::sql(env, *screen),
        Some(Command::Init { org, code_prefix, shared: false, .. }) => write::init(env, org, code_prefix),
        Some(Command::Init { org, code_prefix, group, .. }) => {
            shared::init_shared(env, org, code_prefix, group.as_deref().unwrap_or_default())
        }
        Some(Command::Demo { hazards, seed, force }) => demo::run(env, *hazards, *seed, *force),
        Some(Command::Staff(s)) => write::staff(env, s),
        Some(Command::Enterprise(c)) => enterprise::run(env, c),
        Some(Command::Inspection(c)) => inspection::run(env, c),
        Some(Command::Tipoff(c)) => tipoff::run(env, c),
        Some(Command::Standards(c)) => standards::run(env, c),
        Some(Command::Attachment(c)) => attachment::run(env, c),
        Some(Command::New(n)) => write::new(env, n),
        Some(Command::Import(args)) => transfer::import(env, args),
        Some(Command::Export { kind, format, output, force }) => {
            transfer::export(env, *kind, *format, output.as_deref(), *force)
        }
        Some(Command::Agenda(a)) => agenda::agenda(env, a),
        Some(Command::Calendar(c)) => agenda::calendar(env, c),
        Some(Command::Consult(c)) => consult::run(env, c),
        Some(Command::Hazard(h)) => write::hazard(env, h),
    }
}
