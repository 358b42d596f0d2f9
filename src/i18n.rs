//! The message catalogue (zh-CN and en) and the phrasing of store errors.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::status::GateError;
use crate::store::StoreError;

/// The catalogue files of each language; each part of the program keeps its own file.
const ZH: &[&str] = &[
    include_str!("../assets/i18n/zh/core.txt"),
    include_str!("../assets/i18n/zh/transfer.txt"),
    include_str!("../assets/i18n/zh/consult.txt"),
    include_str!("../assets/i18n/zh/tui.txt"),
    include_str!("../assets/i18n/zh/demo.txt"),
    include_str!("../assets/i18n/zh/consultation_screen.txt"),
    include_str!("../assets/i18n/zh/duties.txt"),
    include_str!("../assets/i18n/zh/tipoffs.txt"),
];
const EN: &[&str] = &[
    include_str!("../assets/i18n/en/core.txt"),
    include_str!("../assets/i18n/en/transfer.txt"),
    include_str!("../assets/i18n/en/consult.txt"),
    include_str!("../assets/i18n/en/tui.txt"),
    include_str!("../assets/i18n/en/demo.txt"),
    include_str!("../assets/i18n/en/consultation_screen.txt"),
    include_str!("../assets/i18n/en/duties.txt"),
    include_str!("../assets/i18n/en/tipoffs.txt"),
];

/// `anwei --help` in Chinese (the English is the grammar's doc comments).
pub(crate) const CLI_ZH: &str = include_str!("../assets/i18n/zh/cli.txt");

pub use crate::domain::Lang;

impl Lang {
    /// From `LC_ALL`, `LC_MESSAGES`, `LANG`; Chinese when none says otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    fn catalogue(self) -> &'static HashMap<&'static str, &'static str> {
        static ZH_MAP: OnceLock<HashMap<&str, &str>> = OnceLock::new();
        static EN_MAP: OnceLock<HashMap<&str, &str>> = OnceLock::new();
        match self {
            Lang::Zh => ZH_MAP.get_or_init(|| parse_catalogue(ZH)),
            Lang::En => EN_MAP.get_or_init(|| parse_catalogue(EN)),
        }
    }

    /// The message for `key`; the key itself when missing (a test keeps both complete).
    pub fn t(self, key: &str) -> &'static str {
        match self.catalogue().get(key) {
            Some(v) => v,
            None => Lang::En.catalogue().get(key).copied().unwrap_or("?"),
        }
    }

    /// The message for `key` with `{0}`, `{1}` … replaced by `args`.
    pub fn f(self, key: &str, args: &[&dyn std::fmt::Display]) -> String {
        let mut s = self.t(key).to_string();
        for (i, a) in args.iter().enumerate() {
            s = s.replace(&format!("{{{i}}}"), &a.to_string());
        }
        s
    }

    /// The word for an identifier such as a status (`status.closed`).
    pub fn word(self, group: &str, id: &str) -> &'static str {
        self.t(&format!("{group}.{id}"))
    }
}

pub(crate) fn parse_catalogue(files: &[&'static str]) -> HashMap<&'static str, &'static str> {
    files
        .iter()
        .flat_map(|text| text.lines())
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v))
        .collect()
}

/// A store error phrased for the user.
/// Why an undo cannot be done, in words.
pub fn undo_refusal(lang: Lang, r: &crate::store::write::undo::UndoRefusal) -> String {
    use crate::store::write::undo::UndoRefusal as U;
    match r {
        U::Nothing => lang.t("undo.nothing").to_string(),
        U::AlreadyUndone => lang.t("undo.already").to_string(),
        U::TooLate { at, minutes } => lang.f("undo.too_late", &[at, minutes]),
        U::ChangedSince { code, by, at } => lang.f("undo.changed_since", &[code, by, at]),
        U::NotUndoable { code, kind } => lang.f("undo.not_undoable", &[code, &lang.word("event", kind)]),
    }
}

/// A field's name in words, by its label (the identifier when the catalogue has none,
/// as for a setting's key, which is what the user typed).
pub fn field_word(lang: Lang, field: &str) -> String {
    match lang.word("field", field) {
        "?" => field.to_string(),
        w => w.to_string(),
    }
}

pub fn store_error(lang: Lang, e: &StoreError) -> String {
    match e {
        StoreError::UnknownHazard(code) => lang.f("err.unknown_hazard", &[code]),
        StoreError::Unknown { what, value } => lang.f("err.unknown", &[&lang.word("thing", what), value]),
        StoreError::Invalid { field, value, why } => match why.strip_prefix("too_long:") {
            Some(max) => lang.f("err.too_long", &[&field_word(lang, field), &max]),
            None => lang.f("err.invalid", &[&field_word(lang, field), value, &lang.word("why", why)]),
        },
        StoreError::Gate(g) => gate_error(lang, g),
        StoreError::NothingChanged(code) => lang.f("err.nothing_changed", &[code]),
        StoreError::LevelNotAbove { asked: Some(a), current } => {
            lang.f("err.level_not_above", &[&lang.word("level", a.as_str()), &level_word(lang, *current)])
        }
        StoreError::LevelNotAbove { asked: None, current } => lang.f("err.level_top", &[&level_word(lang, *current)]),
        StoreError::Conflict { code, by, at, .. } => lang.f("err.conflict", &[code, by, at]),
        StoreError::Forbidden { login, role, action } => {
            lang.f("err.forbidden", &[login, &lang.word("role", role.as_str()), &lang.word("action", action)])
        }
        StoreError::BeyondExtendLimit { nth, days, limit } => {
            lang.f("err.beyond_extend_limit", &[nth, days, &limit.times, &limit.days])
        }
        StoreError::Undo(r) => undo_refusal(lang, r),
        StoreError::NoDatabase(p) => lang.f("err.no_database", &[&p.display()]),
        StoreError::EmptyFile(p) => lang.f("err.empty_file", &[&p.display()]),
        StoreError::NotLedger(p) => lang.f("err.not_ledger", &[&p.display()]),
        StoreError::NotAFile(p) => lang.f("err.not_a_file", &[&p.display()]),
        StoreError::FolderBlocked(p) => lang.f("err.folder_blocked", &[&p.display()]),
        StoreError::Unopenable { path, why } => lang.f("err.unopenable", &[&path.display(), why]),
        StoreError::NeedsUpgrade(p) => lang.f("err.needs_upgrade", &[&p.display()]),
        StoreError::TooNew { found, known } => lang.f("err.too_new", &[found, known]),
        StoreError::Exists { what, value } => lang.f("err.exists", &[&lang.word("thing", what), value]),
        StoreError::Sqlite(_) if e.is_disk_full() => lang.t("err.disk_full").to_string(),
        StoreError::Sqlite(err) if e.is_disk_io() => lang.f("err.disk_io", &[err]),
        StoreError::Sqlite(err) => lang.f("err.sqlite", &[err]),
    }
}

/// A file that was not written, phrased for the user.
pub fn file_error(lang: Lang, e: &crate::safe_file::FileError) -> String {
    use crate::safe_file::FileError as F;
    let shown = |p: &std::path::Path| crate::text::sanitise(&p.display().to_string());
    match e {
        F::Exists(p) => lang.f("file.exists", &[&shown(p)]),
        F::Database(p) => lang.f("file.database", &[&shown(p)]),
        F::Ledger(p) => lang.f("file.ledger", &[&shown(p)]),
        F::Folder(p) => lang.f("file.folder", &[&shown(p)]),
        F::LedgerFolder(p) => lang.f("file.ledger_folder", &[&shown(p)]),
        F::Io(p, e) if e.raw_os_error() == Some(libc::ENOSPC) => lang.f("file.disk_full", &[&shown(p)]),
        F::Io(p, e) => lang.f("file.io", &[&shown(p), &e]),
    }
}

/// An escalation level (0 to 4) in words: 未督办, 函告 … 曝光.
pub fn level_word(lang: Lang, level: u8) -> &'static str {
    lang.word("level", &level.to_string())
}

/// A refused step phrased for the user.
pub fn gate_error(lang: Lang, g: &GateError) -> String {
    match g {
        GateError::WrongStatus { from, step } => {
            lang.f("err.wrong_status", &[&lang.word("step", step.as_str()), &lang.word("status", from.as_str())])
        }
        GateError::PlanIncomplete(missing) => {
            let parts: Vec<&str> = missing.iter().map(|p| lang.word("plan", p)).collect();
            lang.f("err.plan_incomplete", &[&parts.join(lang.t("list.sep"))])
        }
        GateError::ReasonRequired => lang.t("err.reason_required").to_string(),
        GateError::AlreadyPassed(role) => lang.f("err.already_passed", &[&lang.word("verifier", role.as_str())]),
        GateError::PlanPartCleared(part) => lang.f("err.plan_part_cleared", &[&lang.word("plan", part)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese text uses full-width punctuation: no ASCII `, . : ; ? ! ( ) "` stands next
    /// to a Chinese character or a full-width mark (a `.` before a file extension may).
    #[test]
    fn chinese_strings_use_full_width_punctuation() {
        let chinese = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”');
        let mut bad = Vec::new();
        let help = parse_catalogue(&[CLI_ZH]);
        for (key, value) in Lang::Zh.catalogue().iter().chain(help.iter()) {
            let chars: Vec<char> = value.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
                let after = chars.get(i + 1).copied();
                let extension = *c == '.' && after.is_some_and(|a| a.is_ascii_alphabetic());
                if ",.:;?!()\"".contains(*c)
                    && !extension
                    && (before.is_some_and(chinese) || after.is_some_and(chinese))
                {
                    bad.push(format!("{key}: {value}"));
                    break;
                }
            }
        }
        bad.sort();
        assert!(bad.is_empty(), "ASCII punctuation in Chinese:\n{}", bad.join("\n"));
    }

    #[test]
    fn both_catalogues_hold_the_same_keys() {
        let zh: std::collections::BTreeSet<_> = Lang::Zh.catalogue().keys().collect();
        let en: std::collections::BTreeSet<_> = Lang::En.catalogue().keys().collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        assert!(only_zh.is_empty() && only_en.is_empty(), "zh only {only_zh:?}, en only {only_en:?}");
    }

    #[test]
    fn domain_words_are_translated() {
        use crate::domain::*;
        for lang in [Lang::Zh, Lang::En] {
            for s in Status::ALL {
                assert_ne!(lang.word("status", s.as_str()), "?", "{s}");
            }
            for s in Source::ALL {
                assert_ne!(lang.word("source", s.as_str()), "?");
            }
            for s in Grade::ALL {
                assert_ne!(lang.word("grade", s.as_str()), "?");
            }
            for s in Role::ALL {
                assert_ne!(lang.word("role", s.as_str()), "?");
            }
            for s in VerifierRole::ALL {
                assert_ne!(lang.word("verifier", s.as_str()), "?");
            }
            for s in Escalation::ALL {
                assert_ne!(lang.word("level", s.as_str()), "?");
            }
            for p in PLAN_PARTS {
                assert_ne!(lang.word("plan", p), "?");
            }
            use crate::domain::status::Step;
            for s in [Step::StartRectifying, Step::Submit, Step::Verify, Step::Reopen, Step::Change] {
                assert_ne!(lang.word("step", s.as_str()), "?");
            }
        }
    }

    /// Every literal key the code looks up exists in the catalogue.
    #[test]
    fn every_key_in_the_code_exists() {
        let mut missing = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for pat in [".t(\"", ".f(\""] {
                    for (i, _) in text.match_indices(pat) {
                        let rest = &text[i + pat.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        if key.contains('.') && !key.contains('{') && !Lang::En.catalogue().contains_key(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from the catalogue: {missing:#?}");
    }

    #[test]
    fn disk_errors_say_so() {
        let io = |code| StoreError::Sqlite(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None));
        assert!(store_error(Lang::En, &io(rusqlite::ffi::SQLITE_FULL)).starts_with("Disk full"));
        let e = io(rusqlite::ffi::SQLITE_IOERR);
        assert!(e.is_disk_io() && store_error(Lang::En, &e).contains("may be full"), "{}", store_error(Lang::En, &e));
    }

    #[test]
    fn lang_from_locale() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(Lang::En.f("err.unknown_hazard", &[&"GQ-1"]), "No hazard with code GQ-1.");
    }
}
