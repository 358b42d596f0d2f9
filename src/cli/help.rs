//! `anwei --help` in the reader's language: English from the grammar's doc comments,
//! Chinese from `assets/i18n/zh/cli.txt`, one line per command and per option.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Command, CommandFactory};

use super::args::{Cli, EXAMPLES};
use crate::i18n::Lang;

/// Clap's own layout with its headings in Chinese, for a command with or without
/// subcommands and arguments.
fn zh_template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\n用法：{usage}\n");
    if cmd.has_subcommands() {
        t.push_str("\n命令：\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str("\n参数：\n{positionals}\n");
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        t.push_str("\n选项：\n{options}\n");
    }
    t.push_str("{after-help}");
    t
}

/// The command line's grammar, its help text in `lang`; the options every command has
/// are listed after its own.
pub fn command(lang: Lang) -> Command {
    let globals_last = |a: Arg| if a.is_global_set() { a.display_order(100) } else { a };
    let cmd = Cli::command().after_help(examples(lang)).mut_args(globals_last);
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            let texts = texts();
            let version = Arg::new("version").short('V').long("version").action(ArgAction::Version);
            let cmd = in_chinese(cmd.disable_version_flag(true), "anwei", &texts);
            let mut cmd = cmd.arg(version.help(texts.get("--version").copied()).display_order(101));
            cmd.build();
            built_in_chinese(cmd, &texts)
        }
    }
}

/// The language `--help` and a usage error speak, from the arguments as typed (they
/// did not parse), else as the program resolves it: config, the ledger's own, `LANG`.
pub fn typed_lang() -> Lang {
    let args: Vec<OsString> = std::env::args_os().collect();
    let flag = typed_value(&args, "--lang")
        .or_else(|| std::env::var_os("ANWEI_LANG"))
        .and_then(|l| Lang::parse(&l.to_string_lossy()));
    let db = typed_value(&args, "--db").or_else(|| std::env::var_os("ANWEI_DB")).map(PathBuf::from);
    let config = crate::startup::load_config(Lang::from_env()).ok().and_then(|c| c.lang);
    super::chosen_lang(flag, config, db)
}

/// The value typed after `name` (`--name VALUE` or `--name=VALUE`).
fn typed_value(args: &[OsString], name: &str) -> Option<OsString> {
    let prefix = format!("{name}=");
    args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        if a == name { args.get(i + 1).cloned() } else { a.strip_prefix(&prefix).map(OsString::from) }
    })
}

/// The examples under `anwei --help`, each with what it does in `lang`.
fn examples(lang: Lang) -> String {
    let texts = texts();
    let (heading, lines) = match lang {
        Lang::En => ("Examples:", EXAMPLES.iter().map(|(c, en)| (*c, *en)).collect::<Vec<_>>()),
        Lang::Zh => {
            let zh = |i: usize| texts.get(format!("example.{}", i + 1).as_str()).copied().unwrap_or("");
            ("示例：", EXAMPLES.iter().enumerate().map(|(i, (c, _))| (*c, zh(i))).collect())
        }
    };
    // a command too long for the column has what it does on the line below
    const COLUMN: usize = 52;
    let mut out = heading.to_string();
    for (c, what) in lines {
        let w = crate::text::width(c);
        let gap = if w + 2 <= COLUMN { " ".repeat(COLUMN - w) } else { format!("\n  {}", " ".repeat(COLUMN)) };
        out.push_str(&format!("\n  {c}{gap}{what}"));
    }
    out
}

/// The Chinese lines, by key.
type Texts = HashMap<&'static str, &'static str>;

fn texts() -> Texts {
    crate::i18n::parse_catalogue(&[crate::i18n::CLI_ZH])
}

/// The path of a subcommand: `list`, `consult topic add` (the root is `anwei`).
fn sub_path(path: &str, name: &str) -> String {
    if path == "anwei" { name.to_string() } else { format!("{path} {name}") }
}

/// How an option (`--status`) or argument (`<code>`) is named in a key.
fn arg_name(arg: &Arg) -> String {
    match arg.get_long() {
        Some(long) => format!("--{long}"),
        None => format!("<{}>", arg.get_id()),
    }
}

/// The Chinese help of an option of `path`: its own line (`list --status`), else the one
/// that serves every command (`* --format`).
fn arg_text(texts: &Texts, path: &str, arg: &Arg) -> Option<&'static str> {
    let name = arg_name(arg);
    texts.get(format!("{path} {name}").as_str()).or_else(|| texts.get(format!("* {name}").as_str())).copied()
}

fn in_chinese(cmd: Command, path: &str, texts: &Texts) -> Command {
    let about = texts.get(path).copied().unwrap_or_default();
    let help = Arg::new("help").short('h').long("help").action(ArgAction::Help).display_order(101);
    cmd.about(about)
        .long_about(None::<&str>)
        .disable_help_flag(true)
        .mut_args(|a| arg_in_chinese(a, path, texts))
        .arg(help.help(texts.get("--help").copied()))
        .mut_subcommands(|sc| {
            let path = sub_path(path, sc.get_name());
            in_chinese(sc, &path, texts)
        })
}

fn arg_in_chinese(arg: Arg, path: &str, texts: &Texts) -> Arg {
    let text = arg_text(texts, path, &arg).unwrap_or_default();
    let help = format!("{}{}。", text.trim_end_matches('。'), notes(&arg, text));
    let arg = arg.help(help).long_help(None::<&str>).hide_env(true);
    if arg.get_action().takes_values() { arg.hide_default_value(true).hide_possible_values(true) } else { arg }
}

/// What clap says in English after a help text (default, values, environment), in
/// Chinese; the values only when `text` does not name them already.
fn notes(arg: &Arg, text: &str) -> String {
    let mut notes = Vec::new();
    if arg.get_action().takes_values() {
        let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        if !values.is_empty() && !values.iter().all(|v| text.contains(v.as_str())) {
            notes.push(format!("可选：{}", values.join("、")));
        }
        let defaults: Vec<String> = arg.get_default_values().iter().map(|d| d.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() && !defaults.iter().all(String::is_empty) {
            notes.push(format!("默认：{}", defaults.join("、")));
        }
    }
    if let Some(env) = arg.get_env() {
        notes.push(format!("环境变量：{}", env.to_string_lossy()));
    }
    if notes.is_empty() { String::new() } else { format!("（{}）", notes.join("；")) }
}

/// The `help` subcommand and the layout, set once clap has built the grammar (its
/// options may not change then: clap has indexed them).
fn built_in_chinese(cmd: Command, texts: &Texts) -> Command {
    let template = zh_template(&cmd);
    cmd.help_template(template).mut_subcommands(|sc| {
        let sc = if sc.get_name() == "help" { sc.about(texts.get("help").copied()) } else { sc };
        built_in_chinese(sc, texts)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One command or option: its key, its English help, and its Chinese.
    struct Entry {
        key: String,
        en: String,
        zh: Option<&'static str>,
    }

    fn walk(cmd: &Command, path: &str, texts: &Texts, out: &mut Vec<Entry>) {
        let en = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
        out.push(Entry { key: path.to_string(), en, zh: texts.get(path).copied() });
        for a in cmd.get_arguments().filter(|a| !a.is_global_set() || path == "anwei") {
            let key = format!("{path} {}", arg_name(a));
            let en = a.get_help().map(|s| s.to_string()).unwrap_or_default();
            out.push(Entry { key, en, zh: arg_text(texts, path, a) });
        }
        for sc in cmd.get_subcommands() {
            walk(sc, &sub_path(path, sc.get_name()), texts, out);
        }
    }

    fn entries() -> Vec<Entry> {
        let mut out = Vec::new();
        walk(&Cli::command(), "anwei", &texts(), &mut out);
        out
    }

    #[test]
    fn every_command_and_option_is_described_in_both_languages() {
        let missing_en: Vec<_> = entries().into_iter().filter(|e| e.en.trim().is_empty()).map(|e| e.key).collect();
        assert!(missing_en.is_empty(), "no English help (a doc comment) for: {missing_en:#?}");
        let missing_zh: Vec<_> = entries().into_iter().filter(|e| e.zh.is_none()).map(|e| e.key).collect();
        assert!(missing_zh.is_empty(), "no line in assets/i18n/zh/cli.txt for: {missing_zh:#?}");
    }

    #[test]
    fn no_chinese_line_is_left_over() {
        let keys: Vec<String> = entries().into_iter().map(|e| e.key).collect();
        let names: Vec<&str> = keys.iter().filter_map(|k| k.rsplit(' ').next()).collect();
        let used = |k: &str| match k.strip_prefix("* ") {
            Some(name) => names.contains(&name),
            None => keys.iter().any(|key| key == k) || ["--help", "--version", "help"].contains(&k),
        };
        let stale: Vec<_> = texts().into_keys().filter(|k| !k.starts_with("example.") && !used(k)).collect();
        assert!(stale.is_empty(), "lines of cli.txt that name nothing: {stale:?}");
        assert_eq!(texts().keys().filter(|k| k.starts_with("example.")).count(), EXAMPLES.len());
    }

    #[test]
    fn chinese_help_has_no_english_words_of_clap() {
        for args in [
            vec!["anwei", "--help"],
            vec!["anwei", "list", "--help"],
            vec!["anwei", "consult", "action", "add", "--help"],
        ] {
            let e = command(Lang::Zh).try_get_matches_from(args).unwrap_err();
            let help = e.render().to_string();
            for english in ["Usage", "Options", "Commands", "Arguments", "Print help", "[default", "[possible", "[env"]
            {
                assert!(!help.contains(english), "{english} in:\n{help}");
            }
            assert!(help.contains("用法：") && help.contains("选项：") && !help.contains(":\n"), "{help}");
        }
    }

    #[test]
    fn list_options_are_described_in_chinese() {
        let e = command(Lang::Zh).try_get_matches_from(["anwei", "list", "--help"]).unwrap_err();
        let help = e.render().to_string();
        for line in ["--status", "--overdue", "--village"] {
            let row = help.lines().find(|l| l.trim_start().starts_with(line)).unwrap_or_default();
            assert!(row.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{line}: {row}");
        }
    }

    #[test]
    fn typed_values_are_found_either_way() {
        let args: Vec<OsString> = ["anwei", "--lang", "en", "--db=x.db"].iter().map(OsString::from).collect();
        assert_eq!(typed_value(&args, "--lang"), Some("en".into()));
        assert_eq!(typed_value(&args, "--db"), Some("x.db".into()));
        assert_eq!(typed_value(&args, "--today"), None);
    }
}
