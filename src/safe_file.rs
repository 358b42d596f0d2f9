//! Every file the program writes (exports, the meeting pack, rejects, backups) goes
//! through here: never over an SQLite database or a ledger's side files, never over an
//! existing file unless asked, never inside the ledger's folder when the program runs
//! with the ledger's group (the setgid arrangement), and always through a temporary file
//! in the same folder that is then moved into place, so a failed write leaves nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written.
#[derive(Debug)]
pub enum FileError {
    /// The file exists and `--force` was not given.
    Exists(PathBuf),
    /// The file is an SQLite database (a ledger, a backup): never overwritten.
    Database(PathBuf),
    /// The file is the ledger or one of its side files (`-wal`, `-shm`, `-journal`).
    Ledger(PathBuf),
    /// The path is a folder.
    Folder(PathBuf),
    /// Inside the ledger's folder while running with the ledger's group.
    LedgerFolder(PathBuf),
    Io(PathBuf, std::io::Error),
}

/// What a write must keep clear of.
#[derive(Debug, Clone, Default)]
pub struct Guard {
    /// The open ledger, if any.
    pub ledger: Option<PathBuf>,
    /// Replace an existing file (never a database or the ledger's files).
    pub force: bool,
}

const SIDE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The first bytes of every SQLite database.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` starts like an SQLite database.
pub fn is_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok()
        && &head == SQLITE_MAGIC
}

/// `path` made absolute with its folder resolved (the file itself may not exist yet).
fn resolved(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf()).join(name),
        _ => abs,
    }
}

/// Whether the program runs with a group other than the user's own (a setgid binary).
fn setgid() -> bool {
    // SAFETY: getgid and getegid cannot fail and touch no memory.
    unsafe { libc::getgid() != libc::getegid() }
}

impl Guard {
    /// Whether `path` may be written; nothing is touched.
    pub fn check(&self, path: &Path) -> Result<(), FileError> {
        let target = resolved(path);
        let owned = || path.to_path_buf();
        let ledger = self.ledger.as_deref().map(|l| std::fs::canonicalize(l).unwrap_or_else(|_| resolved(l)));
        if let Some(ledger) = ledger {
            let name = ledger.as_os_str().to_string_lossy().to_string();
            let side = SIDE_SUFFIXES.iter().any(|s| target.as_os_str().to_string_lossy() == format!("{name}{s}"));
            if target == ledger || side {
                return Err(FileError::Ledger(owned()));
            }
            if setgid() && ledger.parent().is_some_and(|dir| target.starts_with(dir)) {
                return Err(FileError::LedgerFolder(owned()));
            }
        }
        let name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        if SIDE_SUFFIXES.iter().any(|s| name.ends_with(&format!(".db{s}")) || name.ends_with(&format!(".sqlite{s}"))) {
            return Err(FileError::Ledger(owned()));
        }
        match std::fs::symlink_metadata(&target) {
            Ok(m) if m.is_dir() => Err(FileError::Folder(owned())),
            Ok(_) if is_sqlite(&target) => Err(FileError::Database(owned())),
            Ok(_) if !self.force => Err(FileError::Exists(owned())),
            _ => Ok(()),
        }
    }

    /// Writes `bytes` to `path` after `check`, through a temporary file and a move.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> Result<(), FileError> {
        self.write_with(path, |f| f.write_all(bytes))
    }

    /// Writes what `fill` writes to `path` after `check`, through a temporary file.
    pub fn write_with(
        &self,
        path: &Path,
        fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
    ) -> Result<(), FileError> {
        self.check(path)?;
        let tmp = temporary(path);
        let io = |e| FileError::Io(path.to_path_buf(), e);
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .and_then(|mut f| fill(&mut f).and_then(|()| f.sync_all()));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(e));
        }
        self.place(&tmp, path)
    }

    /// Moves the finished temporary file into place: over the old one only with `force`
    /// (a link that fails if the name was taken meanwhile, otherwise).
    fn place(&self, tmp: &Path, path: &Path) -> Result<(), FileError> {
        let moved = if self.force {
            std::fs::rename(tmp, path)
        } else {
            std::fs::hard_link(tmp, path).or_else(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Err(e),
                // a file system without links (FAT, exFAT, some network shares): move it
                // into place unless the name was taken meanwhile
                _ if path.exists() => Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists)),
                _ => std::fs::rename(tmp, path),
            })
        };
        let result = match moved {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(FileError::Exists(path.to_path_buf())),
            Err(e) => Err(FileError::Io(path.to_path_buf(), e)),
        };
        let _ = std::fs::remove_file(tmp);
        result
    }

    /// A path for a whole database written elsewhere first (a backup): checked as any
    /// file, and never over anything, `force` or not.
    pub fn fresh(&self, path: &Path) -> Result<PathBuf, FileError> {
        Guard { force: false, ..self.clone() }.check(path)?;
        Ok(temporary(path))
    }

    /// Moves a finished database from `fresh`'s temporary path into place.
    pub fn finish(&self, tmp: &Path, path: &Path) -> Result<(), FileError> {
        Guard { force: false, ..self.clone() }.place(tmp, path)
    }
}

/// A hidden temporary name beside `path`.
fn temporary(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.part", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn databases_ledgers_folders_and_existing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("L.db");
        rusqlite::Connection::open(&ledger).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
        let g = Guard { ledger: Some(ledger.clone()), force: true };
        assert!(matches!(g.check(&ledger), Err(FileError::Ledger(_))));
        assert!(matches!(g.check(&dir.path().join("L.db-wal")), Err(FileError::Ledger(_))));
        assert!(matches!(g.check(&dir.path().join("other.db-shm")), Err(FileError::Ledger(_))));
        let copy = dir.path().join("copy.csv");
        std::fs::copy(&ledger, &copy).unwrap();
        assert!(matches!(g.check(&copy), Err(FileError::Database(_))), "by its content, whatever its name");
        assert!(matches!(g.check(dir.path()), Err(FileError::Folder(_))));
        let plain = dir.path().join("a.csv");
        std::fs::write(&plain, "old").unwrap();
        assert!(matches!(Guard { force: false, ..g.clone() }.check(&plain), Err(FileError::Exists(_))));
        g.write(&plain, b"new").unwrap();
        assert_eq!(std::fs::read(&plain).unwrap(), b"new");
    }

    #[test]
    fn a_write_goes_through_a_temporary_file_and_leaves_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let g = Guard::default();
        let failed = g.write_with(&path, |f| {
            f.write_all(b"half")?;
            Err(std::io::Error::other("disk gone"))
        });
        assert!(matches!(failed, Err(FileError::Io(..))));
        g.write(&path, b"whole").unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.csv")]);
        assert!(matches!(g.write(&path, b"again"), Err(FileError::Exists(_))));
    }
}
