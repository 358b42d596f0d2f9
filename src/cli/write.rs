//! The write commands: parse the arguments, run one store command, say what happened.

use chrono::NaiveDate;

use super::args::{NewArgs, StaffCommand};
use super::{Env, Failure};
use crate::domain::{Grade, Role, Source};
use crate::store::write::{Done, NewHazard};
use crate::store::{Store, StoreError};
use crate::workflow::{ArgError, HazardArgs};

/// How a closed set's words are written and read.
pub(super) type Words<T> = (fn(T) -> &'static str, fn(&str) -> Option<T>);

/// A closed word such as a role (the workflows' reader), the failure phrased.
pub(super) fn word<T: Copy>(
    env: &Env,
    option: &'static str,
    value: &str,
    all: &[T],
    (id, parse): Words<T>,
) -> Result<T, Failure> {
    crate::workflow::word(option, value, all, id, parse).map_err(|e| arg_failure(env, &e))
}

pub(super) fn date(env: &Env, option: &'static str, value: &str) -> Result<NaiveDate, Failure> {
    crate::workflow::date(option, value).map_err(|e| arg_failure(env, &e))
}

pub(super) fn opt_date(env: &Env, option: &'static str, value: &Option<String>) -> Result<Option<NaiveDate>, Failure> {
    crate::workflow::opt_date(option, value).map_err(|e| arg_failure(env, &e))
}

/// Opens the ledger, runs one write and prints its result.
pub fn run(env: &Env, f: impl FnOnce(&mut Store) -> Result<Done, StoreError>) -> Result<(), Failure> {
    let mut store = env.open()?;
    let done = f(&mut store).map_err(|e| env.fail(&e))?;
    report(env, &done);
    Ok(())
}

/// What a write did, on stdout.
fn report(env: &Env, done: &Done) {
    let detail = done.detail.as_deref().map(|d| translate_detail(env, d)).unwrap_or_default();
    println!("{}", env.lang.f("cli.done", &[&done.code, &done.version, &detail]).trim_end());
}

/// Status words in a result are shown in the chosen language.
fn translate_detail(env: &Env, d: &str) -> String {
    match crate::domain::Status::parse(d) {
        Some(s) => env.lang.word("status", s.as_str()).to_string(),
        None if ["pending", "failed"].contains(&d) => env.lang.word("outcome", d).to_string(),
        None => d.to_string(),
    }
}

/// A workflow on one hazard, as `HazardArgs` names it. Without `--version` it acts on
/// the version it reads first, so that of two people running it at once one wins and the
/// other is told of the conflict (exit 3) and shown the fresh state.
pub fn hazard(env: &Env, args: &HazardArgs) -> Result<(), Failure> {
    let (hazard, cmd) = args.command().map_err(|e| arg_failure(env, &e))?;
    let mut store = env.open()?;
    let version = match hazard.version {
        Some(v) => v,
        None => store.version_of(&hazard.code).map_err(|e| env.fail(&e))?,
    };
    match cmd.apply(&mut store, &hazard.code, Some(version)) {
        Ok(done) => {
            report(env, &done);
            Ok(())
        }
        Err(e @ StoreError::Conflict { .. }) => {
            let fresh = super::read::fresh_state(env, &store, &hazard.code);
            Err(Failure { code: e.exit_code(), message: format!("{}\n{fresh}", env.fail(&e).message) })
        }
        Err(e) => Err(env.fail(&e)),
    }
}

/// A value the option does not take, phrased.
fn arg_failure(env: &Env, e: &ArgError) -> Failure {
    Failure::input(match e {
        ArgError::BadWord { option, value, all } => env.lang.f("cli.bad_word", &[option, value, &all.join(", ")]),
        ArgError::BadDate { option, value } => env.lang.f("cli.bad_date", &[option, value]),
    })
}

/// `anwei new`.
pub fn new(env: &Env, n: &NewArgs) -> Result<(), Failure> {
    let hazard = NewHazard {
        enterprise: n.enterprise.clone(),
        title: n.title.clone(),
        description: n.description.clone(),
        grade: word(env, "--grade", &n.grade, Grade::ALL, (Grade::as_str, Grade::parse))?,
        sector: n.sector.clone(),
        standard_ref: n.standard.clone(),
        source: word(env, "--source", &n.source, Source::ALL, (Source::as_str, Source::parse))?,
        discovered_on: opt_date(env, "--discovered", &n.discovered)?,
        deadline: date(env, "--deadline", &n.deadline)?,
        owner: n.owner.clone(),
        assignee: n.assignee.clone(),
        note: n.note.clone(),
        inspection: n.inspection,
        tipoff: None,
    };
    run(env, |s| s.register(&hazard))
}

/// `anwei init`: creates the database file and the ledger in it.
pub fn init(env: &Env, org: &str, prefix: &str) -> Result<(), Failure> {
    let path = env.db_path()?;
    let mut store = Store::create(&path, env.actor.clone(), env.clock).map_err(|e| env.fail(&e))?;
    store.init(org, prefix).map_err(|e| env.fail(&e))?;
    println!("{}", env.lang.f("cli.initialised", &[&path.display(), &env.actor.login]));
    Ok(())
}

/// `anwei staff add|list`.
pub fn staff(env: &Env, cmd: &StaffCommand) -> Result<(), Failure> {
    match cmd {
        StaffCommand::Add { login, name, role, unit } => {
            let role = word(env, "--role", role, Role::ALL, (Role::as_str, Role::parse))?;
            if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
                return Err(Failure::input(
                    env.lang.f("err.invalid", &[&"--name", &"", &env.lang.word("why", "required")]),
                ));
            }
            let name = name.clone().unwrap_or_default();
            let mut store = env.open()?;
            store.staff_add(login, &name, role, unit.as_deref()).map_err(|e| env.fail(&e))?;
            println!("{}", env.lang.f("cli.staff_added", &[login, &env.lang.word("role", role.as_str())]));
            Ok(())
        }
        StaffCommand::List { format } => super::read::staff_list(env, *format),
    }
}

/// `anwei undo [--dry-run]`: what was (or would be) put back, one change a line.
pub fn undo(env: &Env, dry_run: bool) -> Result<(), Failure> {
    let l = env.lang;
    let mut store = env.open()?;
    let undone = store.undo(dry_run).map_err(|e| env.fail(&e))?;
    let head = if undone.written {
        l.f("undo.done", &[&undone.reversals.len(), &undone.at])
    } else {
        l.f("undo.would", &[&undone.at])
    };
    println!("{}", crate::text::sanitise(&head));
    for r in &undone.reversals {
        let field = crate::i18n::field_word(l, &r.field);
        let line = format!("  {} {}: {} -> {}", r.code, field, r.from, r.back_to);
        println!("{}", crate::text::sanitise(&line));
    }
    Ok(())
}
