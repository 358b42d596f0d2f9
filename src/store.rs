//! The only place with SQL: opening, migrations, read models and write commands.

pub mod agenda;
pub mod attachment;
pub mod bulk;
pub mod calendar;
pub mod changes;
pub mod check;
pub mod consultation;
pub mod counts;
pub mod detail;
pub mod enterprise;
pub mod error;
pub mod export;
#[cfg(test)]
pub mod fixture;
pub mod import;
pub mod inspection;
pub mod list;
pub mod open;
pub mod overview;
pub mod queue;
pub mod schema;
pub mod screens;
pub mod sectors;
pub mod settings;
pub mod setup;
pub mod supervision;
pub mod tipoff;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::clock::Clock;
use crate::domain::Role;
use crate::domain::escalation::Thresholds;
pub use error::StoreError;

/// How long a writer waits for another writer's lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Memory-mapped reads: most of the speed of a large map, and the pages a scan touches
/// count as resident memory, so the map stays well under the 64 MiB the program may use.
const MMAP_BYTES: i64 = 32 * 1024 * 1024;

/// Who acts, and how the store treats them.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The OS login.
    pub login: String,
    /// `--readonly`: a viewer whatever the staff table says.
    pub readonly: bool,
}

impl Actor {
    pub fn new(login: impl Into<String>) -> Self {
        Actor { login: login.into(), readonly: false }
    }
}

/// One open ledger.
pub struct Store {
    pub(crate) conn: Connection,
    pub actor: Actor,
    pub clock: Clock,
    pub thresholds: Thresholds,
    path: PathBuf,
    /// When this open upgraded an older ledger: its version and where its copy was kept.
    pub upgraded: Option<(i64, PathBuf)>,
    /// The batch the writes now belong to (a bulk action); none: each write is its own.
    pub(crate) batch: Option<i64>,
}

impl Store {
    /// Opens an existing ledger; refuses anything else (a missing or empty file, another
    /// database) before writing a byte. An older ledger is copied, then upgraded;
    /// `--readonly` opens it read-only and never upgrades.
    pub fn open(path: &Path, actor: Actor, clock: Clock) -> Result<Store, StoreError> {
        let version = match open::inspect(path)? {
            open::Found::Missing => return Err(StoreError::NoDatabase(path.to_path_buf())),
            open::Found::Empty => return Err(StoreError::EmptyFile(path.to_path_buf())),
            open::Found::Ledger(v) => v,
        };
        if actor.readonly {
            if version < schema::LATEST {
                return Err(StoreError::NeedsUpgrade(path.to_path_buf()));
            }
            let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            return Store::with_connection(conn, path, actor, clock, false);
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        Store::with_connection(conn, path, actor, clock, true)
    }

    /// Creates a ledger in a new (or empty) file, or opens an existing ledger to adopt it;
    /// never touches another kind of file.
    pub fn create(path: &Path, actor: Actor, clock: Clock) -> Result<Store, StoreError> {
        open::inspect(path)?;
        let conn = Connection::open(path)?;
        Store::with_connection(conn, path, actor, clock, true)
    }

    fn with_connection(
        mut conn: Connection,
        path: &Path,
        actor: Actor,
        clock: Clock,
        write: bool,
    ) -> Result<Store, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
        let mut upgraded = None;
        if write {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if (1..schema::LATEST).contains(&version) {
                upgraded = Some((version, open::backup_before_upgrade(&conn, path, version)?));
            }
            schema::migrate(&mut conn)?;
        }
        let thresholds = settings::load(&conn).map(|s| s.thresholds).unwrap_or_default();
        let mut store = Store { conn, actor, clock, thresholds, path: path.to_path_buf(), upgraded, batch: None };
        if store.is_demo().unwrap_or(false) {
            store.clock = clock.trusting();
        }
        Ok(store)
    }

    /// Reads through SQLite's small page cache instead of the memory map: for a second
    /// connection that scans a whole table, whose mapped pages would count as resident.
    pub fn without_mmap(&self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "mmap_size", 0)?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A value from the meta table (organisation, code prefix, demo flag).
    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let v = self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        Ok(v)
    }

    /// The organisation's name shown in headers and documents.
    pub fn org_name(&self) -> Result<String, StoreError> {
        Ok(self.meta("org")?.unwrap_or_default())
    }

    pub fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(self.meta("demo")?.as_deref() == Some("1"))
    }

    /// The acting user's role, as the store will enforce it.
    pub fn role(&self) -> Result<Role, StoreError> {
        role_of(&self.conn, &self.actor)
    }

    /// Changes by other connections since the last call (`PRAGMA data_version`).
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Today's date as the clock says.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }
}

/// The role of `actor` on `conn`: from the staff table, else what the ledger's settings
/// give a login it does not know (never from the user's own config).
pub(crate) fn role_of(conn: &Connection, actor: &Actor) -> Result<Role, StoreError> {
    if actor.readonly {
        return Ok(Role::Viewer);
    }
    let role: Option<String> =
        conn.query_row("SELECT role FROM staff WHERE login = ?1", [&actor.login], |r| r.get(0)).optional()?;
    match role.and_then(|r| Role::parse(&r)) {
        Some(r) => Ok(r),
        None => Ok(settings::load(conn)?.unknown_role),
    }
}
