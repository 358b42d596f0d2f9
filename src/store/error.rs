//! What can go wrong in the store, kept structured so that each caller can phrase it.

use std::path::PathBuf;

use crate::domain::Role;
use crate::domain::status::GateError;

/// A store failure: a user mistake, a conflict, a refusal or an internal error.
#[derive(Debug)]
pub enum StoreError {
    /// No hazard with this code.
    UnknownHazard(String),
    /// A named thing (enterprise, staff login, unit) does not exist.
    Unknown { what: &'static str, value: String },
    /// A value is malformed; `field` names the input.
    Invalid { field: &'static str, value: String, why: String },
    /// An escalation to a level not above the hazard's (`asked` none: it is at the top).
    LevelNotAbove { asked: Option<crate::domain::Escalation>, current: u8 },
    /// A change that would change nothing: nothing is written.
    NothingChanged(String),
    /// The domain refuses the step.
    Gate(GateError),
    /// Someone else changed the record since it was read; `version` is its version now
    /// (for a hazard), so a kept form can be saved over the fresh state knowingly.
    Conflict { code: String, by: String, at: String, version: Option<i64> },
    /// The role may not do this.
    Forbidden { login: String, role: Role, action: &'static str },
    /// An extension beyond what the ledger lets an officer grant: the `nth` extension
    /// of this hazard, by `days`; only an admin may.
    BeyondExtendLimit { nth: i64, days: i64, limit: crate::domain::settings::ExtendLimit },
    /// The database file does not exist.
    NoDatabase(PathBuf),
    /// The file is empty: not a ledger yet.
    EmptyFile(PathBuf),
    /// The file is not an anwei ledger (another database, or not a database).
    NotLedger(PathBuf),
    /// The path is a folder.
    NotAFile(PathBuf),
    /// A folder on the way to the file cannot be entered.
    FolderBlocked(PathBuf),
    /// The file cannot be opened (permission, I/O).
    Unopenable { path: PathBuf, why: String },
    /// An older ledger opened read-only: it must be upgraded by opening it once to write.
    NeedsUpgrade(PathBuf),
    /// Written by a newer anwei.
    TooNew { found: i64, known: i64 },
    /// Something already exists (staff login, credit code).
    Exists { what: &'static str, value: String },
    /// An undo that cannot be done, and why.
    Undo(crate::store::write::undo::UndoRefusal),
    /// SQLite itself failed.
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<GateError> for StoreError {
    fn from(e: GateError) -> Self {
        StoreError::Gate(e)
    }
}

impl StoreError {
    /// Text longer than its field takes (`max` characters).
    pub fn check_len(field: &'static str, text: &str, max: usize) -> Result<(), StoreError> {
        let n = text.chars().count();
        if n > max {
            let shown: String = text.chars().take(20).collect();
            return Err(StoreError::Invalid { field, value: format!("{shown}…"), why: format!("too_long:{max}") });
        }
        Ok(())
    }

    /// A typed date the rules refuse, naming the field.
    pub fn date(field: &'static str, date: chrono::NaiveDate, p: crate::domain::dates::DateProblem) -> StoreError {
        StoreError::Invalid { field, value: date.to_string(), why: p.name().into() }
    }

    /// The process exit status for this error (2 input, 3 conflict, 4 forbidden, 1 other).
    pub fn exit_code(&self) -> i32 {
        match self {
            StoreError::Conflict { .. } | StoreError::Undo(super::write::undo::UndoRefusal::ChangedSince { .. }) => 3,
            StoreError::Forbidden { .. } | StoreError::BeyondExtendLimit { .. } => 4,
            StoreError::Sqlite(_) | StoreError::TooNew { .. } | StoreError::Unopenable { .. } => 1,
            _ => 2,
        }
    }

    /// Whether SQLite reported a full disk.
    pub fn is_disk_full(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DiskFull)
    }

    /// Whether SQLite could not read or write the disk (often a full disk on the side
    /// files, which it reports as an I/O error).
    pub fn is_disk_io(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::SystemIoFailure || e.code == rusqlite::ErrorCode::CannotOpen)
    }
}
