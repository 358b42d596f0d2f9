//! `anwei init --shared`: a group directory and a database every member of the group
//! can use, WAL side files included, and a verification of the arrangement.

use std::ffi::CString;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// What went wrong while preparing a shared database.
#[derive(Debug)]
pub enum SharedError {
    NoGroup(String),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The arrangement does not hold after preparing it.
    Verify {
        path: PathBuf,
        what: String,
    },
}

/// The gid of a group by name.
pub fn group_id(name: &str) -> Result<u32, SharedError> {
    let c = CString::new(name).map_err(|_| SharedError::NoGroup(name.to_string()))?;
    // SAFETY: getgrnam returns a pointer into static storage or null; we copy gr_gid at once.
    let g = unsafe { libc::getgrnam(c.as_ptr()) };
    if g.is_null() {
        return Err(SharedError::NoGroup(name.to_string()));
    }
    // SAFETY: `g` is non-null and points to a valid group entry.
    Ok(unsafe { (*g).gr_gid })
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SharedError + '_ {
    move |error| SharedError::Io { path: path.to_path_buf(), error }
}

/// Gives `path` to group `gid` with `mode`.
fn chgrp_chmod(path: &Path, gid: u32, mode: u32) -> Result<(), SharedError> {
    std::os::unix::fs::chown(path, None, Some(gid)).map_err(io(path))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(io(path))
}

/// The side files of a WAL database.
pub fn side_files(db: &Path) -> [PathBuf; 2] {
    let name = db.as_os_str().to_string_lossy();
    [PathBuf::from(format!("{name}-wal")), PathBuf::from(format!("{name}-shm"))]
}

/// Makes the directory setgid to the group (2770) before the database is created in it.
pub fn prepare_dir(db: &Path, gid: u32) -> Result<(), SharedError> {
    let dir = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    chgrp_chmod(dir, gid, 0o2770)
}

/// Gives the database and any side files to the group, mode 0660.
pub fn share_files(db: &Path, gid: u32) -> Result<(), SharedError> {
    chgrp_chmod(db, gid, 0o660)?;
    for side in side_files(db) {
        if side.exists() {
            chgrp_chmod(&side, gid, 0o660)?;
        }
    }
    Ok(())
}

/// Checks the arrangement: directory setgid to the group and group-writable, database
/// and side files group-owned and group-writable, nothing open to others.
pub fn verify(db: &Path, gid: u32) -> Result<(), SharedError> {
    let dir = db.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let check = |path: &Path, want: u32, what: &str| -> Result<(), SharedError> {
        let m = std::fs::metadata(path).map_err(io(path))?;
        let mode = m.mode() & 0o7777;
        if m.gid() != gid || mode & want != want || mode & 0o007 != 0 {
            let what = format!("{what}: group {} mode {mode:o}", m.gid());
            return Err(SharedError::Verify { path: path.to_path_buf(), what });
        }
        Ok(())
    };
    check(dir, 0o2070, "directory")?;
    check(db, 0o060, "database")?;
    for side in side_files(db) {
        if side.exists() {
            check(&side, 0o060, "side file")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_group_arrangement_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shared").join("ledger.db");
        // SAFETY: getgid never fails.
        let gid = unsafe { libc::getgid() };
        prepare_dir(&db, gid).unwrap();
        std::fs::write(&db, b"").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(verify(&db, gid), Err(SharedError::Verify { .. })));
        share_files(&db, gid).unwrap();
        verify(&db, gid).unwrap();
        let mode = std::fs::metadata(db.parent().unwrap()).unwrap().mode() & 0o7777;
        assert_eq!(mode, 0o2770);
        assert!(matches!(group_id("no-such-group-anwei"), Err(SharedError::NoGroup(_))));
    }
}
