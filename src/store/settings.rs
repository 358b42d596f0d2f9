//! The ledger-wide settings as stored: read with their defaults, changed only by an
//! admin, each change a ledger event (who, when, from what, to what, why) in the same
//! transaction.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::domain::permission::Write;
use crate::domain::settings::{Key, Settings};

/// One setting as `anwei settings show` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingRow {
    pub key: &'static str,
    pub value: String,
    /// Whether it was set on this ledger (else it is the default).
    pub set: bool,
    /// The last change: who and when.
    pub changed_by: Option<String>,
    pub changed_at: Option<String>,
}

/// The settings stored in `conn`, with the defaults for the rest (the document prefix
/// defaults to the one made from the organisation's name at `init`).
pub(crate) fn load(conn: &Connection) -> Result<Settings, StoreError> {
    let mut s = Settings::default();
    let meta_prefix: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'doc_prefix'", [], |r| r.get(0)).optional()?;
    if let Some(p) = meta_prefix {
        let _ = s.set(Key::DocPrefix, &p);
    }
    let mut stmt = conn.prepare("SELECT key, value FROM settings")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (key, value) = row?;
        // a stored value out of range (written by hand) is ignored: the default holds
        if let Some(k) = Key::parse(&key) {
            let _ = s.set(k, &value);
        }
    }
    Ok(s)
}

/// The language a ledger sets for everyone (Chinese unless an admin set another), read
/// without opening it for writing, before the language of a command's messages is
/// chosen; `None` when the path is not a ledger.
pub fn ledger_lang(path: &std::path::Path) -> Option<crate::domain::Lang> {
    if !matches!(super::open::inspect(path).ok()?, super::open::Found::Ledger(_)) {
        return None;
    }
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let set: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = 'lang'", [], |r| r.get(0)).optional().unwrap_or(None);
    Some(set.and_then(|v| crate::domain::Lang::parse(&v)).unwrap_or_default())
}

impl Store {
    /// The ledger's settings.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        load(&self.conn)
    }

    /// Every setting with its value and its last change.
    pub fn setting_rows(&self) -> Result<Vec<SettingRow>, StoreError> {
        let s = self.settings()?;
        let mut out = Vec::new();
        for k in Key::ALL {
            let set: bool =
                self.conn.query_row("SELECT count(*) FROM settings WHERE key = ?1", [k.name()], |r| r.get(0))?;
            let last: Option<(String, String)> = self
                .conn
                .query_row(
                    "SELECT actor, at FROM ledger_events WHERE kind = 'setting' AND field = ?1 ORDER BY id DESC LIMIT 1",
                    [k.name()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (changed_by, changed_at) = last.map_or((None, None), |(a, t)| (Some(a), Some(t)));
            out.push(SettingRow { key: k.name(), value: s.get(k), set, changed_by, changed_at });
        }
        Ok(out)
    }

    /// Sets one setting (admin), with the reason, as a ledger event.
    pub fn set_setting(&mut self, name: &str, value: &str, reason: &str) -> Result<String, StoreError> {
        let key = Key::parse(name).ok_or_else(|| StoreError::Unknown { what: "setting", value: name.to_string() })?;
        let now = self.clock.stamp();
        let actor = self.actor.login.clone();
        let tx = self.begin(Write::Settings)?;
        let mut settings = load(&tx)?;
        let before = settings.get(key);
        settings.set(key, value).map_err(|why| StoreError::Invalid {
            field: key.name(),
            value: value.to_string(),
            why: format!("setting_{}", why.name()),
        })?;
        let after = settings.get(key);
        if after != before {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
                params![key.name(), after],
            )?;
            tx.execute(
                "INSERT INTO ledger_events (at, actor, kind, field, from_value, to_value, note)
                 VALUES (?1, ?2, 'setting', ?3, ?4, ?5, ?6)",
                params![now, actor, key.name(), before, after, reason.trim()],
            )?;
        }
        tx.commit()?;
        self.thresholds = settings.thresholds;
        Ok(after)
    }
}
