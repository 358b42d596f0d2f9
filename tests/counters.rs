//! The trigger-kept counters answer every count they are used for exactly as a direct
//! count of the ledger does, through inserts, edits, closing and deleting, on any day;
//! `check` notices a counter out of step.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::clock::Clock;
use anwei::identity::os_login;
use anwei::store::list::Filter;
use anwei::store::{Actor, Store, counts};
use support::{DROP_SINCE_V9, Ledger, d, new_hazard, today};

/// Forty hazards with spread deadlines, then edited behind the store's back.
fn edited() -> Ledger {
    let l = Ledger::new();
    let mut s = l.store();
    for i in 0..40i64 {
        let deadline = today() + chrono::Duration::days(20 - i * 4);
        s.register(&new_hazard("2024-01-01", &deadline.to_string())).unwrap();
    }
    l.conn()
        .execute_batch(
            "UPDATE hazards SET escalation_level = id % 5, last_progress_on = date('2026-11-29', -(id * 3) || ' days');
             UPDATE hazards SET status = 'closed', closed_at = '2026-11-01 10:00:00' WHERE id % 7 = 0;
             UPDATE hazards SET deadline = date(deadline, '+9 days') WHERE id % 6 = 1;
             PRAGMA foreign_keys = OFF; DELETE FROM hazards WHERE id % 11 = 0;",
        )
        .unwrap();
    l
}

fn filters() -> Vec<Filter> {
    let f = Filter::default();
    vec![
        f.clone(),
        Filter { open: true, ..f.clone() },
        Filter { overdue: true, ..f.clone() },
        Filter { due_within: Some(7), ..f.clone() },
        Filter { escalation_queue: true, ..f.clone() },
        Filter { escalation_queue: true, open: true, ..f },
    ]
}

#[test]
fn counters_agree_with_direct_counts_on_any_day() {
    let l = edited();
    let conn = l.conn();
    for day in ["2026-09-01", "2026-11-29", "2026-12-20", "2027-03-01"] {
        let s = Store::open(l.path(), Actor::new(os_login()), Clock::fixed(d(day))).unwrap();
        for f in filters() {
            let counted = counts::for_filter(&f, d(day), &s.thresholds).expect("a counter answers");
            let direct = counts::direct(&f, d(day), &s.thresholds);
            let q = |sql: &anwei::store::list::Sql| -> i64 {
                conn.query_row(&sql.text, rusqlite::params_from_iter(sql.params.iter()), |r| r.get(0)).unwrap()
            };
            assert_eq!(q(&counted), q(&direct), "{day} {f:?}");
            assert_eq!(s.count(&f).unwrap(), q(&direct), "{day} {f:?}");
        }
    }
}

#[test]
fn check_finds_a_due_counter_out_of_step() {
    let l = edited();
    let what = |s: &Store| s.check().unwrap().into_iter().map(|f| f.what).collect::<Vec<_>>();
    assert!(!what(&l.store()).contains(&"due".to_string()));
    l.conn().execute("UPDATE hazard_due SET n = n + 1", []).unwrap();
    assert!(what(&l.store()).contains(&"due".to_string()));
}

#[test]
fn a_version_2_ledger_gains_the_due_counter() {
    let l = Ledger::new();
    l.hazard("2026-03-01", "2026-06-30");
    l.conn()
        .execute_batch(&format!(
            "DROP TRIGGER hazards_due_insert; DROP TRIGGER hazards_due_delete; DROP TRIGGER hazards_due_update;
             DROP TABLE hazard_due; DROP INDEX hazards_stalled; DROP INDEX hazards_deadline;
             DROP TABLE settings; DROP TABLE ledger_events; DROP TRIGGER hazards_opening; DROP TABLE hazard_openings; DROP TABLE withdrawn_documents; DROP INDEX timeline_actor; DROP INDEX timeline_batch; ALTER TABLE timeline DROP COLUMN batch; {DROP_SINCE_V9}
             PRAGMA user_version = 2;"
        ),
        )
        .unwrap();
    let s = l.store();
    assert_eq!(s.count(&Filter { overdue: true, ..Filter::default() }).unwrap(), 1);
    assert!(s.check().unwrap().is_empty());
}

/// A ledger of version 7 (month counters without the stock) gains them split, rebuilt
/// from its hazards, and `check` finds them in step.
#[test]
fn a_version_7_ledger_gains_the_stock_split_of_the_months() {
    let l = edited();
    l.conn()
        .execute_batch(&format!(
            "DROP TRIGGER hazards_tally_insert; DROP TRIGGER hazards_tally_delete; DROP TRIGGER hazards_tally_update;
             DROP TABLE hazard_months; {DROP_SINCE_V9}
             CREATE TABLE hazard_months (month TEXT NOT NULL, grade TEXT NOT NULL, found INTEGER NOT NULL DEFAULT 0,
                 closed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (month, grade)) WITHOUT ROWID;
             PRAGMA user_version = 7;"
        ))
        .unwrap();
    let mut s = l.store();
    let months_in_step = |s: &Store| !s.check().unwrap().iter().any(|f| f.what == "months");
    assert!(months_in_step(&s));
    s.register(&new_hazard("2023-06-01", "2026-06-30")).unwrap();
    assert!(months_in_step(&s), "the triggers keep the split after the upgrade");
    let stock: i64 =
        l.conn().query_row("SELECT SUM(found) FROM hazard_months WHERE stock = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(stock, 1);
}

/// The stock split of the month counters follows a hazard whose found day moves across
/// the end of 2023, open or closed, and one closed and reopened.
#[test]
fn the_month_split_follows_a_found_day_across_2023() {
    let l = Ledger::new();
    let mut s = l.store();
    let a = s.register(&new_hazard("2023-12-31", "2026-06-30")).unwrap().code;
    let b = s.register(&new_hazard("2024-01-01", "2026-06-30")).unwrap().code;
    let months_in_step = |s: &Store| !s.check().unwrap().iter().any(|f| f.what == "months");
    let conn = l.conn();
    conn.execute("UPDATE hazards SET discovered_on = '2024-01-01' WHERE code = ?1", [&a]).unwrap();
    conn.execute(
        "UPDATE hazards SET status = 'closed', closed_at = '2026-11-01 10:00:00', discovered_on = '2023-06-01'
         WHERE code = ?1",
        [&b],
    )
    .unwrap();
    assert!(months_in_step(&s));
    conn.execute("UPDATE hazards SET discovered_on = '2024-02-01' WHERE code = ?1", [&b]).unwrap();
    conn.execute("UPDATE hazards SET status = 'rectifying', closed_at = NULL WHERE code = ?1", [&b]).unwrap();
    assert!(months_in_step(&s));
    let stock: i64 =
        conn.query_row("SELECT COALESCE(SUM(found), 0) FROM hazard_months WHERE stock = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(stock, 0, "neither is stock now");
}
