//! A small ledger in a temp file for the store and command-line tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod consult;

use std::path::{Path, PathBuf};

use anwei::clock::Clock;
use anwei::domain::{Grade, Source, UnitKind, parse_date};
use anwei::identity::os_login;
use anwei::store::write::NewHazard;
use anwei::store::{Actor, Store};
use chrono::NaiveDate;

pub const TODAY: &str = "2026-11-29";

/// The built binary on the database at `db` (which may not exist yet), in English, with
/// neither the shared ledger nor a fixed today from the environment.
pub fn binary_on(db: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_anwei"));
    c.arg("--db").arg(db).env("ANWEI_LANG", "en").env_remove("ANWEI_DB").env_remove("ANWEI_TODAY");
    c
}

/// `binary_on(db)` run with `args`.
pub fn at(db: &Path, args: &[&str]) -> std::process::Output {
    binary_on(db).args(args).output().unwrap()
}

pub fn today() -> NaiveDate {
    parse_date(TODAY).unwrap()
}

pub fn d(s: &str) -> NaiveDate {
    parse_date(s).unwrap()
}

/// Takes a ledger back to version 8: drops what migrations 9 to 13 added (but the
/// topics' kinds), newest first.
pub const DROP_SINCE_V9: &str = "DROP TABLE tipoff_events; DROP TABLE tipoffs; DROP TABLE attachments; DROP TABLE resumptions; DROP INDEX hazards_listed; DROP INDEX hazards_stopped;
    DROP INDEX hazards_not_notified;
    DROP TRIGGER notifications_mark; DROP TRIGGER notifications_no_update; DROP TRIGGER notifications_no_delete;
    DROP TABLE notification_acks; DROP TRIGGER inspections_mark; DROP INDEX enterprises_last_inspected;
    DROP INDEX hazards_enterprise_open;
    ALTER TABLE enterprises DROP COLUMN last_inspected_on; ALTER TABLE hazards DROP COLUMN notified; ALTER TABLE hazards DROP COLUMN listed_on;
    ALTER TABLE hazards DROP COLUMN listing_responsible; ALTER TABLE hazards DROP COLUMN listing_doc;
    ALTER TABLE hazards DROP COLUMN stopped_on; ALTER TABLE hazards DROP COLUMN stop_partial;
    DROP TABLE inspection_hazards; DROP TABLE inspections; DROP TABLE enterprise_events;
    ALTER TABLE enterprises DROP COLUMN version;";

/// Valid credit codes (GB 32100-2015).
pub const CODES: [&str; 3] = ["91350100M000100Y43", "91110000802100433B", "91440300708461136T"];

/// A temp directory holding `ledger.db`, with the OS user as admin.
pub struct Ledger {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Ledger {
    pub fn new() -> Ledger {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.db");
        let mut s = Store::create(&path, Actor::new(os_login()), Clock::fixed(today())).unwrap();
        s.init("官桥镇", "GQ").unwrap();
        s.unit_add("官桥村", UnitKind::Village).unwrap();
        s.unit_add("柴里村", UnitKind::Village).unwrap();
        s.unit_add("应急管理办", UnitKind::Department).unwrap();
        s.staff_add("zhangwei", "张伟", anwei::domain::Role::Officer, Some("应急管理办")).unwrap();
        s.staff_add("leader", "李书记", anwei::domain::Role::Viewer, None).unwrap();
        drop(s);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let sql =
            "INSERT INTO enterprises (credit_code, name, sector, high_risk, village_id, principal, principal_phone,
                   controller, controller_phone, address)
                   VALUES (?1, ?2, ?3, ?4, (SELECT id FROM units WHERE name = ?5), '王强', '13800000001', '王大强',
                   '13800000002', '官桥镇工业园')";
        conn.execute(sql, rusqlite::params![CODES[0], "滕州市官桥鑫源机械有限公司", "工贸", 0, "官桥村"]).unwrap();
        conn.execute(sql, rusqlite::params![CODES[1], "滕州市柴里化工有限公司", "危化品", 1, "柴里村"]).unwrap();
        Ledger { dir, path }
    }

    /// A store acting as the OS user (admin).
    pub fn store(&self) -> Store {
        self.store_as(&os_login())
    }

    /// A store acting as `login`.
    pub fn store_as(&self, login: &str) -> Store {
        Store::open(&self.path, Actor::new(login), Clock::fixed(today())).unwrap()
    }

    /// A raw connection for direct checks.
    pub fn conn(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.path).unwrap()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Registers a major hazard found on `found` with `deadline`; returns its code.
    pub fn hazard(&self, found: &str, deadline: &str) -> String {
        let mut s = self.store();
        s.register(&new_hazard(found, deadline)).unwrap().code
    }

    /// A hazard moved to `verifying` (full plan, reported).
    pub fn verifying(&self, found: &str, deadline: &str) -> String {
        let code = self.hazard(found, deadline);
        let mut s = self.store();
        s.plan(&code, None, &full_plan(), "").unwrap();
        s.submit(&code, None, "整改完成").unwrap();
        code
    }
}

pub fn new_hazard(found: &str, deadline: &str) -> NewHazard {
    NewHazard {
        enterprise: CODES[0].to_string(),
        title: "粉尘爆炸危险场所设置在非框架结构的多层建构筑物内".to_string(),
        description: String::new(),
        grade: Grade::Major,
        sector: None,
        standard_ref: "应急管理部令第10号 第十一条(一)".to_string(),
        source: Source::Inspection,
        discovered_on: Some(d(found)),
        deadline: d(deadline),
        owner: Some("应急管理办".to_string()),
        assignee: None,
        note: String::new(),
        inspection: None,
        tipoff: None,
    }
}

pub fn full_plan() -> Vec<(&'static str, String)> {
    vec![
        ("responsible", "王强".to_string()),
        ("measures", "改造为框架结构".to_string()),
        ("funds", "20万元".to_string()),
        ("deadline", "2026-12-31".to_string()),
        ("contingency", "停用该区域".to_string()),
    ]
}
