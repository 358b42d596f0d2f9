//! Looking at a file before anything is written to it: an anwei ledger (current, older
//! or newer), an empty file, another SQLite database, something else, or a path that
//! cannot be opened (a folder, no permission, a folder on the way one cannot enter).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{StoreError, schema};

/// What a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Nothing there.
    Missing,
    /// A file of no bytes, or an SQLite database with nothing in it.
    Empty,
    /// An anwei ledger at this schema version (older than the program's: to be upgraded).
    Ledger(i64),
}

/// Looks at `path` without changing it.
pub fn inspect(path: &Path) -> Result<Found, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(unopenable(path, &e)),
    };
    if meta.is_dir() {
        return Err(StoreError::NotAFile(path.to_path_buf()));
    }
    if meta.len() == 0 {
        return Ok(Found::Empty);
    }
    if !crate::safe_file::is_sqlite(path) {
        return Err(StoreError::NotLedger(path.to_path_buf()));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::Unopenable { path: path.to_path_buf(), why: e.to_string() })?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| r.get(0))?;
    let has_meta = conn
        .query_row("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'", [], |r| r.get::<_, i64>(0))
        .optional()?
        .is_some();
    match (version, tables, has_meta) {
        (0, 0, _) => Ok(Found::Empty),
        (v, _, _) if v > schema::LATEST => Err(StoreError::TooNew { found: v, known: schema::LATEST }),
        (v, _, true) if v >= 1 => Ok(Found::Ledger(v)),
        _ => Err(StoreError::NotLedger(path.to_path_buf())),
    }
}

/// Why a path that exists cannot be looked at: the folder on the way, or the file itself.
fn unopenable(path: &Path, e: &std::io::Error) -> StoreError {
    if e.kind() == std::io::ErrorKind::PermissionDenied
        && let Some(dir) = blocked_folder(path)
    {
        return StoreError::FolderBlocked(dir);
    }
    StoreError::Unopenable { path: path.to_path_buf(), why: e.to_string() }
}

/// The first folder on the way to `path` that cannot be entered.
fn blocked_folder(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    abs.ancestors().skip(1).collect::<Vec<_>>().into_iter().rev().find_map(|dir| {
        let c = std::ffi::CString::new(dir.as_os_str().as_encoded_bytes()).ok()?;
        // SAFETY: `c` is a valid NUL-terminated path; access only reads it.
        let ok = unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0;
        (!ok).then(|| dir.to_path_buf())
    })
}

/// A copy of an older ledger taken before it is upgraded: `NAME.v2-backup.db` beside it
/// (`NAME.v2-backup-2.db` … if that is taken).
pub fn backup_before_upgrade(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf, StoreError> {
    let stem = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let dest = (1..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            path.with_file_name(format!("{stem}.v{version}-backup{suffix}.db"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{stem}.backup.db")));
    conn.execute("VACUUM INTO ?1", [dest.to_string_lossy().to_string()])?;
    Ok(dest)
}
