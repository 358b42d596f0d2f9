//! The user's config file (TOML): language, theme, key overrides, escalation
//! thresholds and the idle lock; a bad file is refused with the line it is on.

pub mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::Role;

use crate::domain::escalation::Thresholds;
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
    unknown_role: Option<String>,
    #[serde(default)]
    keys: BTreeMap<String, String>,
    escalation: Option<RawThresholds>,
}

/// The `[escalation]` table.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThresholds {
    overdue_days: Option<[i64; 4]>,
    stalled_days: Option<i64>,
}

/// The resolved config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub theme: ThemeChoice,
    /// Minutes without a key before the screen hides the data; 0 turns the lock off.
    pub idle_lock_minutes: u64,
    /// Action name → key, e.g. `assign = "A"`.
    pub keys: BTreeMap<String, String>,
    pub thresholds: Thresholds,
    /// The role of a login the staff table does not know (viewer unless the config says otherwise).
    pub unknown_role: Role,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            theme: ThemeChoice::Auto,
            idle_lock_minutes: 15,
            keys: BTreeMap::new(),
            thresholds: Thresholds::default(),
            unknown_role: Role::Viewer,
        }
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
    let t = raw.escalation.unwrap_or_default();
    let defaults = Thresholds::default();
    let thresholds = Thresholds {
        overdue_days: t.overdue_days.unwrap_or(defaults.overdue_days),
        stalled_days: t.stalled_days.unwrap_or(defaults.stalled_days),
    };
    let days = thresholds.overdue_days;
    if days.windows(2).any(|w| w[0] >= w[1]) || days[0] < 1 || thresholds.stalled_days < 1 {
        return Err((line_of("overdue_days"), "escalation: overdue_days must be rising and positive".into()));
    }
    let unknown_role = match raw.unknown_role.as_deref() {
        None => Role::Viewer,
        Some(r) => match Role::parse(r) {
            Some(role @ (Role::Viewer | Role::Officer)) => role,
            _ => return Err((line_of("unknown_role"), format!("unknown_role: \"{r}\" is not viewer or officer"))),
        },
    };
    Ok(Config {
        lang,
        unknown_role,
        theme: raw.theme.unwrap_or_default(),
        idle_lock_minutes: raw.idle_lock_minutes.unwrap_or(15),
        keys: raw.keys,
        thresholds,
    })
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
        assert_eq!(c.unknown_role, Role::Viewer);
        assert_eq!(parse("unknown_role = \"officer\"").unwrap().unknown_role, Role::Officer);
        assert_eq!(parse("\nunknown_role = \"admin\"").unwrap_err().0, 2, "never admin by default");
    }

    #[test]
    fn a_full_config() {
        let c = parse(
            "lang = \"en\"\ntheme = \"mono\"\nidle_lock_minutes = 5\n[keys]\nassign = \"A\"\n\
             [escalation]\noverdue_days = [2, 10, 20, 40]\nstalled_days = 20\n",
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.theme, ThemeChoice::Mono);
        assert_eq!(c.idle_lock_minutes, 5);
        assert_eq!(c.keys.get("assign").map(String::as_str), Some("A"));
        assert_eq!(c.thresholds.overdue_days, [2, 10, 20, 40]);
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
        assert_eq!(parse("[escalation]\noverdue_days = [5, 1, 20, 40]\n").unwrap_err().0, 2);
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
