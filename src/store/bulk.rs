//! Bulk loading for the demo generator: the connection settings for filling a brand-new
//! file, the rows of the township, and dropping and rebuilding indexes around a load.
//! The enterprise insert is shared with `anwei import`.

use rusqlite::{Transaction, TransactionBehavior, params};

use super::{Store, StoreError};
use crate::domain::{Role, UnitKind};

/// The page cache while loading and after (KiB, negative as SQLite wants it).
const BULK_CACHE_KIB: i64 = -65_536;
const DEFAULT_CACHE_KIB: i64 = -2_000;

/// An enterprise row with its units resolved to ids.
#[derive(Debug, Clone, Copy)]
pub struct EnterpriseRow<'a> {
    pub credit_code: &'a str,
    pub name: &'a str,
    pub sector: &'a str,
    pub high_risk: bool,
    pub village_id: Option<i64>,
    pub department_id: Option<i64>,
    pub principal: (&'a str, &'a str),
    pub controller: (&'a str, &'a str),
    pub address: &'a str,
}

/// Inserts an enterprise; returns its id.
pub fn insert_enterprise(tx: &Transaction, e: &EnterpriseRow) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO enterprises (credit_code, name, sector, high_risk, village_id, department_id, principal,
            principal_phone, controller, controller_phone, address)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        e.credit_code,
        e.name,
        e.sector,
        e.high_risk,
        e.village_id,
        e.department_id,
        e.principal.0,
        e.principal.1,
        e.controller.0,
        e.controller.1,
        e.address
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Inserts a unit; returns its id.
pub fn insert_unit(tx: &Transaction, name: &str, kind: UnitKind) -> rusqlite::Result<i64> {
    tx.prepare_cached("INSERT INTO units (name, kind) VALUES (?1, ?2)")?.execute(params![name, kind.as_str()])?;
    Ok(tx.last_insert_rowid())
}

/// Inserts a staff member unless the login exists, with the ledger event of its role
/// given `at`.
pub fn insert_staff(
    tx: &Transaction,
    (login, name, unit_id): (&str, &str, Option<i64>),
    role: Role,
    phone: &str,
    at: &str,
) -> rusqlite::Result<()> {
    let added = tx
        .prepare_cached(
            "INSERT INTO staff (login, name, unit_id, role, phone) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(login) DO NOTHING",
        )?
        .execute(params![login, name, unit_id, role.as_str(), phone])?;
    if added == 1 {
        super::setup::staff_event(tx, at, "anwei", login, "", role)?;
    }
    Ok(())
}

/// Sets a hazard's last-changed time and version after its history was written.
pub fn set_written(tx: &Transaction, id: i64, updated_at: &str, version: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("UPDATE hazards SET updated_at = ?2, version = ?3 WHERE id = ?1")?
        .execute(params![id, updated_at, version])?;
    Ok(())
}

/// Drops the secondary indexes of the tables a load fills and returns their
/// definitions, to build them again (sorted, at once) afterwards.
pub fn drop_indexes(tx: &Transaction) -> Result<Vec<String>, StoreError> {
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN ('hazards', 'timeline', 'verifications', 'escalations', 'notifications') ORDER BY name",
    )?;
    let indexes = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let indexes: Vec<(String, String)> = indexes.collect::<Result<_, _>>()?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

/// Builds one index again from its stored definition.
pub fn create_index(tx: &Transaction, sql: &str) -> Result<(), StoreError> {
    tx.execute_batch(sql)?;
    Ok(())
}

impl Store {
    /// Switches the connection into and out of bulk loading. Only for a brand-new file
    /// that nobody else has open: writing it straight, without the WAL, halves the I/O;
    /// a failed run can still roll back (the journal of a new file is tiny, in memory).
    /// The loader keeps references and value sets itself; `check` verifies both after.
    pub fn bulk_mode(&self, on: bool) -> Result<(), StoreError> {
        let c = &self.conn;
        c.pragma_update_and_check(None, "journal_mode", if on { "MEMORY" } else { "WAL" }, |_| Ok(()))?;
        c.pragma_update(None, "synchronous", if on { "OFF" } else { "FULL" })?;
        c.pragma_update(None, "foreign_keys", if on { "OFF" } else { "ON" })?;
        c.pragma_update(None, "ignore_check_constraints", on)?;
        c.pragma_update(None, "temp_store", if on { "MEMORY" } else { "DEFAULT" })?;
        c.pragma_update(None, "cache_size", if on { BULK_CACHE_KIB } else { DEFAULT_CACHE_KIB })?;
        Ok(())
    }

    /// Folds the WAL back into the database file.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// One IMMEDIATE transaction for a whole load.
    pub fn bulk_tx(&mut self) -> Result<Transaction<'_>, StoreError> {
        Ok(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}
