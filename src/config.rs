//! The user's config file (TOML): language, theme, key overrides and the idle lock: how
//! things look and which keys do what, nothing more. Rights and the rules behind official
//! figures are ledger settings (`anwei settings`); a config that tries to set one is
//! refused, naming its line, as is any other bad entry.

pub mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;

/// The colour depth the user asks for; `auto` follows `TERM` and `NO_COLOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    #[default]
    Auto,
    Colour256,
    Colour16,
    Mono,
}

/// The config as written in the file; every key is optional, unknown keys are errors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    lang: Option<String>,
    theme: Option<ThemeChoice>,
    idle_lock_minutes: Option<u64>,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, String>,
    /// Read only to refuse it: a ledger setting now.
    unknown_role: Option<toml::Value>,
    /// Read only to refuse it: a ledger setting now.
    escalation: Option<toml::Value>,
}

/// The most minutes the idle lock may wait (a day).
const MAX_IDLE_MINUTES: u64 = 24 * 60;

/// The resolved config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub theme: ThemeChoice,
    /// Minutes without a key before the screen hides the data; 0 turns the lock off.
    pub idle_lock_minutes: u64,
    /// Whether the screen takes the mouse (clicks and the wheel) when it opens.
    pub mouse: bool,
    /// Action name → key, e.g. `assign = "A"`.
    pub keys: BTreeMap<String, String>,
    /// The line each `[keys]` entry is on, for errors found when the keymap is built.
    pub key_lines: BTreeMap<String, usize>,
}

impl Default for Config {
    fn default() -> Self {
        let keys = BTreeMap::new();
        let key_lines = BTreeMap::new();
        Config { lang: None, theme: ThemeChoice::Auto, idle_lock_minutes: 15, mouse: true, keys, key_lines }
    }
}

/// Why a config file was refused: the file, the line (1-based, 0 when unknown) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// Where the config lives: `ANWEI_CONFIG`, else `config.toml` in the platform config directory.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ANWEI_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "anwei")?;
    Some(dirs.config_dir().join("config.toml"))
}

/// Loads the config at `path`; a missing file is the default config.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text).map_err(|(line, message)| ConfigError { path: path.to_path_buf(), line, message }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(ConfigError { path: path.to_path_buf(), line: 0, message: e.to_string() }),
    }
}

/// Parses config text; an error carries its 1-based line.
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        (line, e.message().trim().to_string())
    })?;
    let line_of = |key: &str| text.lines().position(|l| l.trim_start().starts_with(key)).map_or(0, |i| i + 1);
    let lang = match raw.lang.as_deref() {
        None => None,
        Some(s) => Some(Lang::parse(s).ok_or_else(|| (line_of("lang"), format!("lang: \"{s}\" is not zh or en")))?),
    };
    for (present, key) in [(raw.unknown_role.is_some(), "unknown_role"), (raw.escalation.is_some(), "[escalation]")] {
        if present {
            let name = key.trim_matches(|c| c == '[' || c == ']');
            let message = format!(
                "{key} is a ledger setting, the same for everyone on the ledger: an admin sets it with `anwei settings set`; remove it from this file"
            );
            return Err((line_of(key).max(line_of(name)), message));
        }
    }
    let idle_lock_minutes = raw.idle_lock_minutes.unwrap_or(15);
    if idle_lock_minutes > MAX_IDLE_MINUTES {
        let message = format!("idle_lock_minutes: {idle_lock_minutes} is more than a day ({MAX_IDLE_MINUTES})");
        return Err((line_of("idle_lock_minutes"), message));
    }
    let key_lines = key_lines(text);
    let mouse = raw.mouse.unwrap_or(true);
    Ok(Config { lang, theme: raw.theme.unwrap_or_default(), idle_lock_minutes, mouse, keys: raw.keys, key_lines })
}

/// The 1-based line of each entry of the `[keys]` table.
fn key_lines(text: &str) -> BTreeMap<String, usize> {
    let mut table = String::new();
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = name.trim().to_string();
        } else if let Some((name, _)) = line.split_once('=').filter(|_| table == "keys") {
            out.insert(name.trim().trim_matches('"').to_string(), i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example in the README is a valid config.
    #[test]
    fn the_readme_example_parses() {
        let readme = include_str!("../README.md");
        let start = readme.find("```toml\n").unwrap() + "```toml\n".len();
        let end = start + readme[start..].find("```").unwrap();
        let c = parse(&readme[start..end]).unwrap();
        assert_eq!(c.keys.get("escalate").map(String::as_str), Some("E"));
    }

    /// Rights and official rules are ledger settings: a config that sets one is refused.
    #[test]
    fn a_config_grants_nothing() {
        let (line, msg) = parse("lang = \"en\"\nunknown_role = \"officer\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("ledger setting") && msg.contains("anwei settings set"), "{msg}");
        let (line, _) = parse("\n\n[escalation]\noverdue_days = [1, 2, 3, 200000000]\n").unwrap_err();
        assert_eq!(line, 3, "the table's own line");
    }

    #[test]
    fn a_full_config() {
        let c = parse("lang = \"en\"\ntheme = \"mono\"\nidle_lock_minutes = 5\n[keys]\nassign = \"A\"\n").unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.theme, ThemeChoice::Mono);
        assert_eq!(c.idle_lock_minutes, 5);
        assert_eq!(c.keys.get("assign").map(String::as_str), Some("A"));
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_the_line() {
        let (line, msg) = parse("lang = \"en\"\n\ncolour = 3\n").unwrap_err();
        assert_eq!(line, 3, "{msg}");
        assert!(msg.contains("colour"), "{msg}");
        assert_eq!(parse("theme = \"pink\"\n").unwrap_err().0, 1);
        assert_eq!(parse("idle_lock_minutes = -1\n").unwrap_err().0, 1);
        assert_eq!(parse("x\n").unwrap_err().0, 1);
        assert_eq!(parse("\nlang = \"fr\"").unwrap_err().0, 2);
        assert_eq!(parse("\nidle_lock_minutes = 99999999\n").unwrap_err().0, 2);
    }

    #[test]
    fn key_entries_know_their_lines() {
        let c = parse("lang = \"en\"\n[keys]\nassign = \"A\"\n\"escalate\" = \"E\"\n").unwrap();
        assert_eq!(c.key_lines.get("assign"), Some(&3));
        assert_eq!(c.key_lines.get("escalate"), Some(&4));
    }

    #[test]
    fn missing_file_is_default() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(&dir.path().join("none.toml")).unwrap(), Config::default());
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "keys = 1\n").unwrap();
        assert_eq!(load(&bad).unwrap_err().line, 1);
    }
}
