//! `anwei agenda` (the meeting pack in each format) and `anwei calendar` (the statutory
//! calendar, and changing its cadence); also the calendar lines under `anwei overview`.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::args::TextFormat;
use super::consult::quarter;
use super::consult_args::{AgendaArgs, CalendarArgs, PackFormat};
use super::output::json;
use super::{Env, Failure};
use crate::domain::calendar::Cadence;
use crate::domain::quarter::Quarter;
use crate::i18n::Lang;
use crate::report::pack::{self, PackKind};
use crate::report::{self, calendar};
use crate::store::Store;

/// How many calendar lines the overview shows.
const OVERVIEW_LINES: usize = 5;

/// Writes `bytes` to the file, or to stdout.
fn emit(env: &Env, output: Option<&Path>, force: bool, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => {
            env.guard(force).write(path, bytes).map_err(|e| env.file_failure(&e))?;
            println!("{}", env.lang.f("consult.written", &[&path.display()]));
            Ok(())
        }
        None => std::io::stdout().lock().write_all(bytes).map_err(|e| Failure { code: 1, message: e.to_string() }),
    }
}

/// `anwei agenda [QUARTER] --format … [-o FILE]`.
pub fn agenda(env: &Env, a: &AgendaArgs) -> Result<(), Failure> {
    let q = match &a.quarter {
        Some(s) => quarter(env, s)?,
        None => Quarter::of(env.clock.today()),
    };
    let store = env.open()?;
    let agenda = store.agenda(q).map_err(|e| env.fail(&e))?;
    let out = a.output.as_deref();
    let kind = match a.format {
        PackFormat::Md => PackKind::Md,
        PackFormat::Html => PackKind::Html,
        PackFormat::Docx => PackKind::Docx,
        PackFormat::Csv => PackKind::Csv,
        PackFormat::Json if out.is_none() => return json(&agenda),
        PackFormat::Json => {
            let text =
                serde_json::to_string_pretty(&agenda).map_err(|e| Failure { code: 1, message: e.to_string() })?;
            let text = crate::text::json_safe(&text);
            return emit(env, out, a.force, text.as_bytes());
        }
    };
    // The paper is Chinese unless --lang (or ANWEI_LANG) asks otherwise, whatever LANG says.
    let lang = env.options.lang.unwrap_or(Lang::Zh);
    let paper = report::paper(lang, &agenda);
    if let Some(path) = out {
        pack::write(&paper, kind, path, &env.guard(a.force)).map_err(|e| env.file_failure(&e))?;
        println!("{}", env.lang.f("consult.written", &[&path.display()]));
        return Ok(());
    }
    if kind == PackKind::Docx && std::io::stdout().is_terminal() {
        return Err(Failure::input(env.lang.t("consult.docx_tty")));
    }
    let bytes = pack::bytes(&paper, kind).map_err(|e| Failure { code: 1, message: e.to_string() })?;
    emit(env, None, false, &bytes)
}

/// Applies `NAME=VALUE` settings to a cadence.
fn apply_settings(env: &Env, base: Cadence, settings: &[String]) -> Result<Cadence, Failure> {
    let mut value = serde_json::to_value(base).map_err(|e| Failure { code: 1, message: e.to_string() })?;
    let names: Vec<String> = value.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
    let bad = |s: &str| Failure::input(env.lang.f("cli.bad_setting", &[&s, &names.join(", ")]));
    for s in settings {
        let (name, v) = s.split_once('=').ok_or_else(|| bad(s))?;
        let n: i64 = v.trim().parse().map_err(|_| bad(s))?;
        match value.get_mut(name.trim()) {
            Some(slot) => *slot = serde_json::Value::from(n),
            None => return Err(bad(s)),
        }
    }
    serde_json::from_value(value).map_err(|_| bad(&settings.join(" ")))
}

/// `anwei calendar [--set NAME=VALUE …] [--format text|json]`.
pub fn calendar(env: &Env, c: &CalendarArgs) -> Result<(), Failure> {
    let mut store = env.open()?;
    if !c.set.is_empty() {
        let base = store.cadence().map_err(|e| env.fail(&e))?;
        let cadence = apply_settings(env, base, &c.set)?;
        store.set_cadence(&cadence).map_err(|e| env.fail(&e))?;
        // JSON on stdout stays parseable: the notice goes to stderr then.
        match c.format {
            TextFormat::Json => eprintln!("{}", env.lang.t("consult.cadence_saved")),
            _ => println!("{}", env.lang.t("consult.cadence_saved")),
        }
    }
    let dues = store.calendar().map_err(|e| env.fail(&e))?;
    if c.format == TextFormat::Json {
        return json(&dues);
    }
    let lines = calendar::lines(env.lang, &dues);
    if lines.is_empty() {
        println!("{}", env.lang.t("cal.none"));
    }
    for l in lines {
        println!("{l}");
    }
    Ok(())
}

/// The next few calendar lines, under the overview's figures.
pub fn overview_lines(env: &Env, store: &Store) -> Result<(), Failure> {
    let dues = store.calendar().map_err(|e| env.fail(&e))?;
    println!("{}", env.lang.t("cal.title"));
    let lines = calendar::lines(env.lang, &dues);
    if lines.is_empty() {
        println!("  {}", env.lang.t("cal.none"));
    }
    for l in lines.iter().take(OVERVIEW_LINES) {
        println!("  {l}");
    }
    Ok(())
}
