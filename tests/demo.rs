//! The demo township: the same for the same seed, sound by `anwei check`, covering
//! every case the screens show, and `anwei demo` never overwrites by accident.
// Test helpers may unwrap, like the tests themselves.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::process::Command;

use anwei::clock::Clock;
use anwei::demo::{DemoOptions, generate};
use anwei::domain::credit_code::validate;
use anwei::domain::{Grade, Source, Status};
use anwei::store::list::Filter;
use anwei::store::write::NewHazard;
use anwei::store::{Actor, Store};
use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::Value;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// A generated demo in `dir`, with its path.
fn demo(dir: &Path, name: &str, seed: u64) -> (Store, std::path::PathBuf) {
    let path = dir.join(name);
    let mut store = Store::create(&path, Actor::new("tester"), Clock::fixed(today())).unwrap();
    let mut calls = 0;
    let summary =
        generate(&mut store, &DemoOptions { seed, ..DemoOptions::default() }, &mut |_, _| calls += 1).unwrap();
    assert_eq!(summary.hazards, 1500);
    assert!(calls > 1);
    (store, path)
}

/// A digest of every row of every table.
fn digest(path: &Path) -> u64 {
    let conn = Connection::open(path).unwrap();
    let mut tables = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").unwrap();
    let names: Vec<String> = tables.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut h = DefaultHasher::new();
    for name in names {
        // the ledger's own log is dated by the clock when the demo was made (its creation)
        let columns = if name == "ledger_events" { "actor, kind, field, from_value, to_value, note" } else { "*" };
        let mut stmt = conn.prepare(&format!("SELECT {columns} FROM \"{name}\"")).unwrap();
        let width = stmt.column_count();
        let rows: BTreeSet<String> = stmt
            .query_map([], |r| Ok((0..width).map(|i| format!("{:?}", r.get::<_, Value>(i).unwrap())).collect()))
            .unwrap()
            .map(|r: rusqlite::Result<Vec<String>>| r.unwrap().join("|"))
            .collect();
        (name, rows).hash(&mut h);
    }
    h.finish()
}

fn scalar(path: &Path, sql: &str) -> i64 {
    Connection::open(path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn count(store: &Store, f: Filter) -> i64 {
    store.count(&f).unwrap()
}

#[test]
fn same_seed_and_day_give_the_same_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let (a, pa) = demo(dir.path(), "a.db", 42);
    let (b, pb) = demo(dir.path(), "b.db", 42);
    let (c, pc) = demo(dir.path(), "c.db", 7);
    drop((a, b, c));
    assert_eq!(digest(&pa), digest(&pb));
    assert_ne!(digest(&pa), digest(&pc));
}

#[test]
fn demo_passes_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = demo(dir.path(), "demo.db", 42);
    assert_eq!(store.check().unwrap(), vec![]);
    assert!(store.is_demo().unwrap());
    assert_eq!(store.org_name().unwrap(), "官桥镇");
}

#[test]
fn demo_covers_every_case() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = demo(dir.path(), "demo.db", 42);
    for s in Status::ALL {
        assert!(count(&store, Filter { status: Some(*s), ..Filter::default() }) > 0, "{s}");
    }
    for s in Source::ALL {
        assert!(count(&store, Filter { source: Some(*s), ..Filter::default() }) > 0, "{s}");
    }
    assert!(count(&store, Filter { grade: Some(Grade::General), ..Filter::default() }) > 0);
    assert!(count(&store, Filter { escalation_queue: true, ..Filter::default() }) > 0);
    let stock_open = count(&store, Filter { stock: true, open: true, ..Filter::default() });
    let stock_closed = count(&store, Filter { stock: true, status: Some(Status::Closed), ..Filter::default() });
    assert!(stock_open > 0 && stock_closed > 5 * stock_open, "{stock_open} {stock_closed}");
    let levels = "SELECT count(DISTINCT escalation_level) FROM hazards
                  WHERE status <> 'closed' AND deadline < '2026-11-29' AND escalation_level > 0";
    assert_eq!(scalar(&path, levels), 4);
    let failed = "SELECT count(*) FROM hazards h WHERE status = 'closed' AND round = 2
                  AND EXISTS (SELECT 1 FROM verifications v WHERE v.hazard_id = h.id AND v.verdict = 'fail')";
    assert!(scalar(&path, failed) > 0);
    let partial = "SELECT count(*) FROM hazards h WHERE status = 'verifying' AND (SELECT count(*) FROM verifications v
                   WHERE v.hazard_id = h.id AND v.round = h.round) BETWEEN 1 AND 2";
    assert!(scalar(&path, partial) > 0);
    let stalled = "SELECT count(*) FROM hazards WHERE status <> 'closed' AND deadline >= '2026-11-29'
                   AND last_progress_on <= '2026-10-30'";
    assert!(scalar(&path, stalled) > 0);
    let unplanned = "SELECT count(*) FROM hazards WHERE grade = 'major' AND status <> 'registered'
                     AND '' IN (plan_responsible, plan_measures, plan_funds, plan_deadline, plan_contingency)";
    assert_eq!(scalar(&path, unplanned), 0);
    let recipients = "SELECT count(DISTINCT recipient) FROM notifications";
    assert_eq!(scalar(&path, recipients), 2);
    let events = scalar(&path, "SELECT count(*) FROM timeline") as f64 / 1500.0;
    assert!((3.0..=12.0).contains(&events), "{events}");
}

#[test]
fn document_numbers_follow_the_escalation_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = demo(dir.path(), "demo.db", 42);
    let conn = Connection::open(&path).unwrap();
    let mut stmt = conn.prepare("SELECT doc_no, level, date FROM escalations").unwrap();
    let rows =
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?, r.get::<_, String>(2)?))).unwrap();
    for row in rows {
        let (doc, level, date) = row.unwrap();
        let kind = ["函", "通", "约", "曝"][usize::from(level) - 1];
        assert!(doc.starts_with(&format!("官安{kind}〔{}〕", &date[..4])), "{doc} {date}");
        assert!(doc.ends_with('号'), "{doc}");
    }
    let last: i64 = scalar(&path, "SELECT last FROM sequences WHERE name = 'doc:letter:2026'");
    let issued = scalar(&path, "SELECT count(*) FROM escalations WHERE level = 1 AND date LIKE '2026-%'");
    assert_eq!(last, issued);
}

#[test]
fn new_codes_and_documents_continue_after_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = demo(dir.path(), "demo.db", 42);
    let before = scalar(&path, "SELECT count(*) FROM hazards WHERE discovered_on LIKE '2026-%'");
    let enterprise: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT credit_code FROM enterprises LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let new = NewHazard {
        enterprise,
        title: "新发现的隐患".into(),
        description: String::new(),
        grade: Grade::Major,
        sector: None,
        standard_ref: String::new(),
        source: Source::Inspection,
        discovered_on: None,
        deadline: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        owner: None,
        assignee: None,
        note: String::new(),
        inspection: None,
        tipoff: None,
    };
    let done = store.register(&new).unwrap();
    assert_eq!(done.code, format!("GQ-2026-{:04}", before + 1));
    let code: String = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT code FROM hazards WHERE status <> 'closed' AND escalation_level = 0 AND deadline < '2026-11-29'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let doc = store.escalate(&code, None, None, "演示").unwrap().detail.unwrap();
    let issued = scalar(&path, "SELECT count(*) FROM escalations WHERE level = 1 AND date LIKE '2026-%'");
    assert_eq!(doc, format!("官安函〔2026〕{issued}号"));
    assert_eq!(store.check().unwrap(), vec![]);
}

#[test]
fn credit_codes_are_valid_and_unique() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = demo(dir.path(), "demo.db", 42);
    let conn = Connection::open(&path).unwrap();
    let mut stmt = conn.prepare("SELECT credit_code, name, principal_phone FROM enterprises").unwrap();
    let rows: Vec<(String, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect();
    assert!(rows.len() >= 200);
    for (code, name, phone) in &rows {
        assert_eq!(validate(code), Ok(()), "{code}");
        assert!(!name.is_empty());
        assert!(phone.len() == 11 && phone.starts_with('1'), "{phone}");
    }
    let codes: BTreeSet<&String> = rows.iter().map(|r| &r.0).collect();
    let names: BTreeSet<&String> = rows.iter().map(|r| &r.1).collect();
    assert_eq!((codes.len(), names.len()), (rows.len(), rows.len()));
}

fn anwei(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_anwei"))
        .args(args)
        .args(["--today", "2026-11-29", "--lang", "en"])
        .current_dir(dir)
        .env_remove("ANWEI_DB")
        .output()
        .unwrap()
}

#[test]
fn cli_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let small = ["demo", "--db", "demo.db", "--hazards", "200"];
    let first = anwei(dir.path(), &small);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stdout).contains("200 hazards"));
    let again = anwei(dir.path(), &small);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = anwei(dir.path(), &[&small[..], &["--force", "--seed", "7"]].concat());
    assert!(forced.status.success(), "{}", String::from_utf8_lossy(&forced.stderr));
    assert!(!dir.path().join("demo.db.part").exists());
    assert!(anwei(dir.path(), &["check", "--db", "demo.db"]).status.success());
}

#[test]
fn cli_never_replaces_a_real_ledger() {
    let dir = tempfile::tempdir().unwrap();
    assert!(anwei(dir.path(), &["init", "--db", "real.db"]).status.success());
    let refused = anwei(dir.path(), &["demo", "--db", "real.db", "--hazards", "200", "--force"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("real ledger"));
    assert_eq!(anwei(dir.path(), &["--demo", "--db", "real.db"]).status.code(), Some(2));
}

#[test]
fn demo_flag_creates_the_demo_and_shows_the_overview() {
    let dir = tempfile::tempdir().unwrap();
    let out = anwei(dir.path(), &["--demo", "--db", "flag.db", "overview"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("官桥镇"));
    // Without a terminal, the full screen refuses at once with a plain message.
    let screen = anwei(dir.path(), &["--demo", "--db", "flag.db"]);
    assert_eq!(screen.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&screen.stderr).contains("terminal"));
    let again = anwei(dir.path(), &["--demo", "--db", "flag.db", "whoami"]);
    assert!(again.status.success());
}

/// The demo's duties are coherent with its hazards: inspections with some enterprises
/// behind, notices with some missing, listed hazards with their listing day, stop orders
/// with a resumption under review, reports on closed hazards, titles from the catalogue.
#[test]
fn demo_has_the_duties_of_its_enterprises() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = demo(dir.path(), "demo.db", 42);
    let q = |sql: &str| scalar(&path, sql);
    let enterprises = q("SELECT count(*) FROM enterprises");
    let behind = store.inspections_behind().unwrap();
    assert!(q("SELECT count(*) FROM inspections") > enterprises, "several inspections each");
    assert!(behind > 0 && behind < enterprises / 2, "some behind: {behind} of {enterprises}");
    assert!(q("SELECT count(*) FROM inspections WHERE by_principal = 0 AND instead_reason <> ''") > 0);
    assert!(count(&store, Filter { not_notified: true, ..Filter::default() }) > 0, "some notices missing");
    let listed = q("SELECT count(*) FROM hazards WHERE listed_unit <> ''");
    assert!(listed > 0);
    assert_eq!(q("SELECT count(*) FROM hazards WHERE listed_unit <> '' AND listed_on IS NULL"), 0);
    assert!(q("SELECT count(*) FROM hazards WHERE listed_unit <> '' AND stopped_production <> 0") > 0);
    assert!(q("SELECT count(*) FROM resumptions WHERE decision IS NULL") > 0, "a resumption under review");
    assert_eq!(
        q("SELECT count(*) FROM attachments a JOIN hazards h ON h.id = a.hazard_id WHERE h.status <> 'closed'"),
        0
    );
    assert!(q("SELECT count(*) FROM attachments") > 0, "reports on closed hazards");
    let refs: Vec<String> = Connection::open(&path)
        .unwrap()
        .prepare("SELECT DISTINCT standard_ref FROM hazards WHERE standard_ref <> ''")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!refs.is_empty() && refs.iter().all(|r| anwei::domain::standards::find(r).is_some()), "{refs:?}");
    assert!(store.check().unwrap().is_empty());
}
