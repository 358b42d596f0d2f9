//! What no ordinary user may do to the ledger, tried as a hostile user would: each test
//! is one rule of the trust section of RELIABILITY.md, through the built binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::*;

fn anwei(l: &Ledger, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_anwei"))
        .arg("--db")
        .arg(l.path())
        .args(args)
        .env("ANWEI_LANG", "en")
        .env_remove("ANWEI_DB")
        .env_remove("ANWEI_TODAY")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn integrity(path: &Path) -> String {
    rusqlite::Connection::open(path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// Rule 1: no command writes over the ledger, its side files, another database, or an
/// existing file without --force.
#[test]
fn output_never_overwrites_a_database() {
    let l = Ledger::new();
    l.hazard("2026-03-01", "2026-06-30");
    let db = l.path().to_str().unwrap().to_string();
    let wal = format!("{db}-wal");
    for args in [
        vec!["export", "hazards", "--format", "csv", "-o", &db],
        vec!["export", "timeline", "--format", "xlsx", "-o", &db, "--force"],
        vec!["agenda", "--format", "html", "-o", &db, "--force"],
        vec!["export", "hazards", "-o", &wal, "--force"],
        vec!["backup", &db],
    ] {
        let out = anwei(&l, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("never writes over"), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(integrity(l.path()), "ok");
    assert_eq!(l.conn().query_row("SELECT count(*) FROM hazards", [], |r| r.get::<_, i64>(0)).unwrap(), 1);

    let dir = l.path().parent().unwrap();
    let backup = dir.join("copy.db");
    assert!(anwei(&l, &["backup", backup.to_str().unwrap()]).status.success());
    let over = anwei(&l, &["export", "hazards", "-o", backup.to_str().unwrap(), "--force"]);
    assert_eq!(over.status.code(), Some(2), "a database by its content: {}", stderr(&over));
    let again = anwei(&l, &["backup", backup.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));

    let csv = dir.join("out.csv");
    std::fs::write(&csv, "keep me").unwrap();
    let refused = anwei(&l, &["export", "hazards", "-o", csv.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "keep me");
    assert!(anwei(&l, &["export", "hazards", "-o", csv.to_str().unwrap(), "--force"]).status.success());
    assert!(std::fs::read_to_string(&csv).unwrap().contains("GQ-"));
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "no temporary files left: {left:?}");
}
