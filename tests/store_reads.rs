//! The read models: filters, keyset paging, sorting, the overview against direct
//! counts, migrations, and two connections on one file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::HashSet;

use anwei::clock::Clock;
use anwei::domain::escalation::{Facts, Thresholds, recommend};
use anwei::identity::os_login;
use anwei::store::list::{Filter, Page, Sort, SortKey};
use anwei::store::{Actor, Store, StoreError, schema};
use support::*;

/// A ledger with hazards spread over deadlines (some overdue by 1..90 days), two found in 2023.
fn spread() -> Ledger {
    let l = Ledger::new();
    let mut s = l.store();
    for i in 0..40i64 {
        let found = if i < 2 { d("2023-06-01") } else { d("2026-01-01") + chrono::Duration::days(i) };
        let deadline = today() + chrono::Duration::days(10 - i * 3);
        let mut n = new_hazard(&found.to_string(), &deadline.max(found).to_string());
        if i % 3 == 0 {
            n.enterprise = CODES[1].into();
            n.title = format!("涉及重点监管危险化工工艺的装置未实现自动化控制 {i}");
        }
        s.register(&n).unwrap();
    }
    l
}

#[test]
fn keyset_pages_cover_every_row_once_in_every_sort() {
    let l = spread();
    let s = l.store();
    for key in SortKey::ALL {
        for descending in [false, true] {
            let sort = Sort { key, descending };
            let mut seen = HashSet::new();
            let mut page = Page { after: None, limit: 7 };
            loop {
                let rows = s.list(&Filter::default(), sort, &page).unwrap();
                for r in &rows {
                    assert!(seen.insert(r.code.clone()), "{key:?} repeats {}", r.code);
                }
                match rows.last() {
                    Some(last) if rows.len() == 7 => page.after = Some(last.cursor()),
                    _ => break,
                }
            }
            assert_eq!(seen.len(), 40, "{key:?} {descending}");
        }
    }
}

#[test]
fn filters_agree_with_the_rules() {
    let l = spread();
    let s = l.store();
    let all = s.list(&Filter::default(), Sort::default(), &Page { after: None, limit: 1000 }).unwrap();
    let count = |f: Filter| s.count(&f).unwrap() as usize;
    assert_eq!(count(Filter { overdue: true, ..Filter::default() }), all.iter().filter(|r| r.days_overdue > 0).count());
    let due = |r: &&anwei::store::list::HazardRow| (0..=7).contains(&(r.deadline - today()).num_days());
    assert_eq!(count(Filter { due_within: Some(7), ..Filter::default() }), all.iter().filter(due).count());
    assert_eq!(count(Filter { stock: true, ..Filter::default() }), 2);
    let queue = all.iter().filter(|r| r.recommended_level > r.escalation_level).count();
    assert!(queue > 0);
    assert_eq!(count(Filter { escalation_queue: true, ..Filter::default() }), queue);
    assert_eq!(count(Filter { search: Some("化工工艺".into()), ..Filter::default() }), 14);
    assert_eq!(count(Filter { search: Some("柴里化工".into()), ..Filter::default() }), 14);
    assert_eq!(count(Filter { search: Some("100%".into()), ..Filter::default() }), 0);
    assert_eq!(count(Filter { village: Some("柴里村".into()), ..Filter::default() }), 14);
    assert_eq!(count(Filter { sector: Some("危化品".into()), ..Filter::default() }), 14);
    assert_eq!(count(Filter { code: Some("GQ-2026-0003".into()), ..Filter::default() }), 1);
}

#[test]
fn recommended_level_in_sql_matches_the_domain() {
    let l = spread();
    let s = l.store();
    let rows = s.list(&Filter::default(), Sort::default(), &Page { after: None, limit: 1000 }).unwrap();
    for r in rows {
        let facts = Facts { status: r.status, deadline: r.deadline, last_progress_on: r.discovered_on };
        assert_eq!(recommend(facts, &Thresholds::default(), today()).level, r.recommended_level, "{}", r.code);
    }
}

#[test]
fn overview_equals_direct_counts() {
    let l = spread();
    let mut s = l.store();
    let code = l.verifying("2026-10-02", "2026-12-20");
    s.escalate("GQ-2026-0038", None, None, "").unwrap();
    let o = s.overview().unwrap();
    let conn = l.conn();
    let q = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(o.open_total, q("SELECT count(*) FROM hazards WHERE status <> 'closed'"));
    assert_eq!(o.open_major, q("SELECT count(*) FROM hazards WHERE status <> 'closed' AND grade = 'major'"));
    assert_eq!(o.overdue, q("SELECT count(*) FROM hazards WHERE status <> 'closed' AND deadline < '2026-11-29'"));
    assert_eq!(o.awaiting_sign_off, 1);
    assert_eq!(o.stock_open, 2);
    assert_eq!(o.new_this_quarter, q("SELECT count(*) FROM hazards WHERE discovered_on >= '2026-10-01'"));
    assert_eq!(o.by_village.iter().map(|v| v.1).sum::<i64>(), o.open_major);
    assert_eq!(o.by_sector.iter().map(|v| v.1).sum::<i64>(), o.open_major);
    assert_eq!(o.source_status.iter().map(|v| v.2).sum::<i64>(), q("SELECT count(*) FROM hazards"));
    assert!(o.most_overdue.windows(2).all(|w| w[0].deadline <= w[1].deadline));
    assert_eq!(o.escalation_queue, s.count(&Filter { escalation_queue: true, ..Filter::default() }).unwrap());
    let t = s.trend(24).unwrap();
    assert_eq!(t.months.len(), 24);
    assert_eq!(t.months.last().unwrap().month, "2026-11");
    assert_eq!(t.months.last().unwrap().open_end, o.open_major);
    for m in &t.months {
        let end = format!("{}-31 23:59:59", m.month);
        let stock = conn
            .query_row(
                "SELECT count(*) FROM hazards WHERE grade = 'major' AND discovered_on <= '2023-12-31'
                 AND substr(discovered_on, 1, 7) <= ?1 AND (closed_at IS NULL OR closed_at > ?2)",
                [&m.month, &end],
                |r| r.get::<_, i64>(0),
            )
            .unwrap();
        assert_eq!(m.open_stock, stock, "{}", m.month);
    }
    assert_eq!(t.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2024, 2025, 2026]);
    assert_eq!(t.years[0].stock_open_at_end, 2);
    assert_eq!(t.years[0].target_met(), Some(false));
    assert_eq!(s.detail(&code).unwrap().row.status, anwei::domain::Status::Verifying);
}

#[test]
fn a_new_file_is_migrated_and_reopened_unchanged() {
    let l = Ledger::new();
    let v: i64 = l.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, schema::LATEST);
    let mode: String = l.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    drop(l.store());
    let v: i64 = l.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, schema::LATEST);
}

#[test]
fn a_newer_or_missing_database_is_refused() {
    let l = Ledger::new();
    l.conn().pragma_update(None, "user_version", schema::LATEST + 1).unwrap();
    let err = Store::open(l.path(), Actor::new("x"), Clock::fixed(today())).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { .. }));
    let missing = l.dir.path().join("nothing.db");
    let err = Store::open(&missing, Actor::new("x"), Clock::fixed(today())).err().unwrap();
    assert!(matches!(err, StoreError::NoDatabase(_)));
    assert!(!missing.exists(), "opening must not create a database by accident");
}

#[test]
fn init_makes_the_creator_admin_once() {
    let l = Ledger::new();
    let mut s = l.store();
    assert_eq!(s.role().unwrap(), anwei::domain::Role::Admin);
    assert!(matches!(s.init("别的镇", "XX"), Err(StoreError::Exists { .. })));
    assert_eq!(s.org_name().unwrap(), "官桥镇");
    let staff = s.staff_list().unwrap();
    assert!(staff.iter().any(|m| m.login == os_login() && m.role == anwei::domain::Role::Admin));
}

#[test]
fn another_connection_sees_changes_through_data_version() {
    let l = spread();
    let watcher = l.store();
    let before = watcher.data_version().unwrap();
    let mut me = l.store();
    assert_eq!(watcher.data_version().unwrap(), before, "nothing committed yet");
    me.progress("GQ-2026-0001", None, "到场检查").unwrap();
    assert_ne!(watcher.data_version().unwrap(), before);
    let own = me.data_version().unwrap();
    me.progress("GQ-2026-0001", None, "再次检查").unwrap();
    assert_eq!(me.data_version().unwrap(), own, "own commits do not change it");
}

#[test]
fn backup_is_a_sound_copy() {
    let l = spread();
    let dest = l.dir.path().join("backup.db");
    l.store().backup(&dest).unwrap();
    let copy = Store::open(&dest, Actor::new(os_login()), Clock::fixed(today())).unwrap();
    assert!(copy.check().unwrap().is_empty());
    assert_eq!(copy.count(&Filter::default()).unwrap(), 40);
    assert!(matches!(l.store().backup(&dest), Err(StoreError::Exists { .. })));
}
