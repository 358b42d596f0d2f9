//! Creating a ledger, its units and its staff.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, StoreError};
use crate::domain::permission::Write;
use crate::domain::{Role, UnitKind};

/// A staff member as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMember {
    pub login: String,
    pub name: String,
    pub unit: String,
    pub role: Role,
}

impl Store {
    /// Sets up a new ledger: organisation, code prefix, and the creator as admin.
    /// Refuses a database that already holds a ledger.
    pub fn init(&mut self, org: &str, code_prefix: &str) -> Result<(), StoreError> {
        let prefix = code_prefix.trim();
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(StoreError::Invalid {
                field: "code-prefix",
                value: prefix.to_string(),
                why: "alphanumeric".into(),
            });
        }
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let existing: Option<String> =
            tx.query_row("SELECT value FROM meta WHERE key = 'org'", [], |r| r.get(0)).optional()?;
        if let Some(org) = existing {
            return Err(StoreError::Exists { what: "ledger", value: org });
        }
        for (k, v) in [("org", org.trim()), ("code_prefix", prefix), ("doc_prefix", &doc_prefix(org))] {
            tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", params![k, v])?;
        }
        tx.execute(
            "INSERT INTO staff (login, name, role) VALUES (?1, ?1, 'admin')
             ON CONFLICT(login) DO UPDATE SET role = 'admin'",
            [&self.actor.login],
        )?;
        staff_event(&tx, &self.clock.stamp(), &self.actor.login, &self.actor.login, "", Role::Admin)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets a meta value (used by setup and the demo).
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Adds a staff member, or changes the name, unit and role of an existing one (admin).
    pub fn staff_add(&mut self, login: &str, name: &str, role: Role, unit: Option<&str>) -> Result<(), StoreError> {
        let login = login.trim();
        if login.is_empty() || login.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(StoreError::Invalid { field: "login", value: login.to_string(), why: "login".into() });
        }
        StoreError::check_len("login", login, crate::domain::limits::LOGIN)?;
        StoreError::check_len("name", name, crate::domain::limits::NAME)?;
        let (now, actor) = (self.clock.stamp(), self.actor.login.clone());
        let tx = self.begin(Write::ManageStaff)?;
        let unit_id = unit.map(|u| super::write::register::find_unit(&tx, u)).transpose()?;
        let name = if name.trim().is_empty() { login } else { name.trim() };
        let before: Option<String> =
            tx.query_row("SELECT role FROM staff WHERE login = ?1", [login], |r| r.get(0)).optional()?;
        tx.execute(
            "INSERT INTO staff (login, name, unit_id, role) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(login) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, role = excluded.role",
            params![login, name, unit_id, role.as_str()],
        )?;
        if before.as_deref() != Some(role.as_str()) {
            staff_event(&tx, &now, &actor, login, before.as_deref().unwrap_or(""), role)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// All staff, by login.
    pub fn staff_list(&self) -> Result<Vec<StaffMember>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT s.login, s.name, COALESCE(u.name, ''), s.role FROM staff s
             LEFT JOIN units u ON u.id = s.unit_id ORDER BY s.login",
        )?;
        let rows = stmt.query_map([], |r| {
            let role: String = r.get(3)?;
            Ok(StaffMember {
                login: r.get(0)?,
                name: r.get(1)?,
                unit: r.get(2)?,
                role: Role::parse(&role).unwrap_or(Role::Viewer),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The names of the units of one kind, by name.
    pub fn unit_names(&self, kind: UnitKind) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT name FROM units WHERE kind = ?1 ORDER BY name")?;
        let rows = stmt.query_map([kind.as_str()], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a unit if missing; returns its id.
    pub fn unit_add(&mut self, name: &str, kind: UnitKind) -> Result<i64, StoreError> {
        let tx = self.begin(Write::ManageStaff)?;
        tx.execute(
            "INSERT INTO units (name, kind) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
            params![name.trim(), kind.as_str()],
        )?;
        let id = tx.query_row("SELECT id FROM units WHERE name = ?1", [name.trim()], |r| r.get(0))?;
        tx.commit()?;
        Ok(id)
    }
}

/// The document prefix: the township's first character and 安 (官桥镇 → 官安).
fn doc_prefix(org: &str) -> String {
    match org.trim().chars().next() {
        Some(c) => format!("{c}安"),
        None => "安委".to_string(),
    }
}

/// A staff member's role given or changed, as a ledger event (who gave it, when).
pub(crate) fn staff_event(
    tx: &rusqlite::Transaction,
    at: &str,
    actor: &str,
    login: &str,
    from: &str,
    to: Role,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO ledger_events (at, actor, kind, field, from_value, to_value) VALUES (?1, ?2, 'staff', ?3, ?4, ?5)",
    )?
    .execute(params![at, actor, login, from, to.as_str()])?;
    Ok(())
}
