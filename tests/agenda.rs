//! The agenda read model on a fixed ledger: every section's figures against direct SQL,
//! every figure's filter listing exactly its hazards, past quarters, the record's topics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;

use anwei::domain::Source;
use anwei::domain::consultation::{ActionState, SectionKind};
use anwei::domain::quarter::Quarter;
use anwei::store::StoreError;
use anwei::store::agenda::{Agenda, Figure};
use anwei::store::list::{Filter, Page, Sort};
use rusqlite::Connection;
use support::consult::consult_ledger;
use support::*;

fn q(s: &str) -> Quarter {
    Quarter::parse(s).unwrap()
}

fn n(conn: &Connection, sql: &str, p: &[&dyn rusqlite::ToSql]) -> i64 {
    conn.query_row(sql, p, |r| r.get(0)).unwrap()
}

/// Major hazards open at the end of `day`, by direct SQL.
fn open_at(conn: &Connection, day: &str, extra: &str) -> i64 {
    let sql = format!(
        "SELECT count(*) FROM hazards h WHERE grade = 'major' AND discovered_on <= ?1
         AND (closed_at IS NULL OR substr(closed_at, 1, 10) > ?1) {extra}"
    );
    n(conn, &sql, &[&day])
}

/// Every figure of the agenda with a name.
fn figures(a: &Agenda) -> Vec<(String, &Figure)> {
    let mut out: Vec<(String, &Figure)> = Vec::new();
    for (name, qf) in [("this", &a.overall.this), ("prev", &a.overall.prev)]
        .into_iter()
        .chain(a.overall.trend.iter().map(|t| ("trend", t)))
    {
        for (f, fig) in [
            ("open_start", &qf.open_start),
            ("open_end", &qf.open_end),
            ("new", &qf.new),
            ("closed", &qf.closed),
            ("overdue_end", &qf.overdue_end),
        ] {
            out.push((format!("{name} {} {f}", qf.quarter), fig));
        }
        out.extend(qf.new_by_source.iter().map(|(s, fig)| (format!("{name} new {s}"), fig)));
    }
    let s = &a.stock;
    for (f, fig) in [
        ("stock_open", &s.stock_open),
        ("stock_open_end_2024", &s.stock_open_end_2024),
        ("increment_open", &s.increment_open),
        ("increment_overdue", &s.increment_overdue),
        ("found_2024", &s.found_2024),
        ("found_2025", &s.found_2025),
        ("increment_overdue_end_2025", &s.increment_overdue_end_2025),
        ("overdue", &a.overdue.total),
        ("escalated", &a.escalations.escalated),
        ("queue", &a.escalations.queue),
        ("awaiting", &a.verification.awaiting),
        ("failed", &a.verification.failed),
    ] {
        out.push((f.to_string(), fig));
    }
    out.extend(s.stock_by_enterprise.iter().map(|g| (format!("stock {}", g.label), &g.figure)));
    out.extend(a.escalations.by_level.iter().map(|(l, f)| (format!("level {l}"), f)));
    for p in a.places.villages.iter().chain(&a.places.sectors) {
        for (f, fig) in [("open", &p.open), ("overdue", &p.overdue), ("new", &p.new), ("closed", &p.closed)] {
            out.push((format!("{} {f}", p.label), fig));
        }
    }
    out
}

#[test]
fn every_figure_lists_exactly_its_hazards() {
    let l = consult_ledger();
    let s = l.store();
    assert!(s.check().unwrap().is_empty(), "the fixture is a sound ledger: {:?}", s.check().unwrap());
    for quarter in ["2026Q4", "2026Q2", "2024Q4"] {
        let a = s.agenda(q(quarter)).unwrap();
        for (name, fig) in figures(&a) {
            assert_eq!(s.count(&fig.filter).unwrap(), fig.value, "{quarter} {name}: {:?}", fig.filter);
            let rows = s.list(&fig.filter, Sort::default(), &Page { after: None, limit: 10_000 }).unwrap();
            assert_eq!(rows.len() as i64, fig.value, "{quarter} {name}");
            assert!(rows.iter().all(|r| r.grade == anwei::domain::Grade::Major), "{name}");
        }
    }
}

#[test]
fn overall_figures_match_direct_queries() {
    let l = consult_ledger();
    let a = l.store().agenda(q("2026Q4")).unwrap();
    let conn = l.conn();
    assert_eq!((a.as_of, a.current), (today(), true));
    let t = &a.overall.this;
    assert_eq!(t.open_start.value, open_at(&conn, "2026-09-30", ""));
    assert_eq!(t.open_end.value, open_at(&conn, "2026-11-29", ""));
    assert_eq!(t.overdue_end.value, open_at(&conn, "2026-11-29", "AND deadline < '2026-11-29'"));
    let new =
        "SELECT count(*) FROM hazards WHERE grade = 'major' AND discovered_on BETWEEN '2026-10-01' AND '2026-11-29'";
    assert_eq!(t.new.value, n(&conn, new, &[]));
    for (src, fig) in &t.new_by_source {
        assert_eq!(fig.value, n(&conn, &format!("{new} AND source = ?1"), &[&src.as_str()]), "{src}");
    }
    let closed = "SELECT count(*) FROM hazards WHERE grade = 'major' AND substr(closed_at, 1, 10) BETWEEN ?1 AND ?2";
    assert_eq!(t.closed.value, n(&conn, closed, &[&"2026-10-01", &"2026-11-29"]));
    assert_eq!(t.open_end.value, t.open_start.value + t.new.value - t.closed.value, "nothing was reopened");
    let p = &a.overall.prev;
    assert_eq!(p.quarter, q("2026Q3"));
    assert_eq!(p.open_end.value, t.open_start.value);
    assert_eq!(p.closed.value, n(&conn, closed, &[&"2026-07-01", &"2026-09-30"]));
    let rate = t.closed.value as f64 * 100.0 / (t.open_start.value + t.new.value) as f64;
    assert!((t.clearance_rate() - rate).abs() < 1e-9);
    assert_eq!(a.overall.trend.len(), 8);
    assert_eq!(a.overall.trend[0].quarter, q("2025Q1"));
    assert!(t.new.value > 0 && t.closed.value > 0 && t.overdue_end.value > 0, "the fixture exercises section 1");
    assert!(t.new_by_source.iter().any(|(s, f)| *s == Source::SelfReport && f.value > 0));
}

#[test]
fn stock_and_increment_match_direct_queries() {
    let l = consult_ledger();
    let a = l.store().agenda(q("2026Q4")).unwrap();
    let conn = l.conn();
    let s = &a.stock;
    assert_eq!(s.stock_open.value, open_at(&conn, "2026-11-29", "AND discovered_on <= '2023-12-31'"));
    assert_eq!(s.stock_open_end_2024.value, open_at(&conn, "2024-12-31", "AND discovered_on <= '2023-12-31'"));
    assert_eq!(s.increment_open.value, open_at(&conn, "2026-11-29", "AND discovered_on >= '2024-01-01'"));
    let late = "AND discovered_on >= '2024-01-01' AND deadline < ";
    assert_eq!(s.increment_overdue.value, open_at(&conn, "2026-11-29", &format!("{late}'2026-11-29'")));
    assert_eq!(
        s.increment_overdue_end_2025.value,
        open_at(&conn, "2025-12-31", &format!("{late}'2025-12-31' AND discovered_on <= '2025-12-31'"))
    );
    let found = "SELECT count(*) FROM hazards WHERE grade = 'major' AND substr(discovered_on, 1, 4) = ?1";
    assert_eq!(s.found_2024.value, n(&conn, found, &[&"2024"]));
    assert_eq!(s.found_2025.value, n(&conn, found, &[&"2025"]));
    let mut stmt = conn
        .prepare(
            "SELECT e.name, count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id
             WHERE h.grade = 'major' AND h.discovered_on <= '2023-12-31' AND h.closed_at IS NULL GROUP BY e.name",
        )
        .unwrap();
    let direct: BTreeMap<String, i64> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    let got: BTreeMap<String, i64> = s.stock_by_enterprise.iter().map(|g| (g.label.clone(), g.figure.value)).collect();
    assert_eq!(got, direct);
    assert!(s.stock_open.value > 0 && s.stock_open_end_2024.value > 0, "the fixture keeps some stock open");
}

#[test]
fn overdue_escalation_and_sign_off_match_direct_queries() {
    let l = consult_ledger();
    let s = l.store();
    let a = s.agenda(q("2026Q4")).unwrap();
    let conn = l.conn();
    assert_eq!(a.overdue.rows.len() as i64, a.overdue.total.value);
    assert!(a.overdue.rows.windows(2).all(|w| w[0].deadline <= w[1].deadline), "the longest overdue first");
    let docs = "SELECT count(*) FROM escalations x JOIN hazards h ON h.id = x.hazard_id
        WHERE h.grade = 'major' AND x.date BETWEEN '2026-10-01' AND '2026-11-29'";
    assert_eq!(a.escalations.documents.len() as i64, n(&conn, docs, &[]));
    for (level, fig) in &a.escalations.by_level {
        let direct =
            n(&conn, &format!("{} AND x.level = ?1", docs.replace("count(*)", "count(DISTINCT h.id)")), &[level]);
        assert_eq!(fig.value, direct, "level {level}");
    }
    let all = s
        .list(
            &Filter { grade: Some(anwei::domain::Grade::Major), ..Filter::default() },
            Sort::default(),
            &Page { after: None, limit: 10_000 },
        )
        .unwrap();
    let queue = all
        .iter()
        .filter(|r| r.status != anwei::domain::Status::Closed && r.recommended_level > r.escalation_level)
        .count();
    assert_eq!(a.escalations.queue.value as usize, queue);
    assert_eq!(a.escalations.queue_rows.len(), queue);
    assert_eq!(
        a.verification.awaiting.value,
        n(&conn, "SELECT count(*) FROM hazards WHERE grade = 'major' AND status = 'verifying'", &[])
    );
    let failed =
        "FROM verifications y JOIN hazards h ON h.id = y.hazard_id WHERE h.grade = 'major' AND y.verdict = 'fail'
        AND y.date BETWEEN '2026-10-01' AND '2026-11-29'";
    assert_eq!(a.verification.failed_rounds.len() as i64, n(&conn, &format!("SELECT count(*) {failed}"), &[]));
    assert_eq!(a.verification.failed.value, n(&conn, &format!("SELECT count(DISTINCT h.id) {failed}"), &[]));
    for x in
        [a.overdue.total.value, a.escalations.queue.value, a.verification.awaiting.value, a.verification.failed.value]
    {
        assert!(x > 0, "the fixture exercises sections 3 to 5");
    }
    assert!(!a.escalations.documents.is_empty());
}

#[test]
fn villages_and_sectors_add_up() {
    let l = consult_ledger();
    let a = l.store().agenda(q("2026Q4")).unwrap();
    let conn = l.conn();
    let sum = |rows: &[anwei::store::agenda::PlaceRow], f: fn(&anwei::store::agenda::PlaceRow) -> i64| {
        rows.iter().map(f).sum::<i64>()
    };
    for rows in [&a.places.villages, &a.places.sectors] {
        assert_eq!(sum(rows, |r| r.open.value), a.overall.this.open_end.value);
        assert_eq!(sum(rows, |r| r.overdue.value), a.overall.this.overdue_end.value);
        assert_eq!(sum(rows, |r| r.new.value), a.overall.this.new.value);
        assert_eq!(sum(rows, |r| r.closed.value), a.overall.this.closed.value);
        assert!(rows.windows(2).all(|w| w[0].overdue.value >= w[1].overdue.value), "where things stall first");
    }
    for v in &a.places.villages {
        let extra = "AND village_id = (SELECT id FROM units WHERE name = '".to_string() + &v.label + "')";
        assert_eq!(v.open.value, open_at(&conn, "2026-11-29", &extra), "{}", v.label);
    }
    assert_eq!(a.places.villages.len(), 4);
    assert_eq!(a.places.sectors.len(), 5);
}

#[test]
fn the_previous_consultation_is_followed_up() {
    let l = consult_ledger();
    let s = l.store();
    let a = s.agenda(q("2026Q4")).unwrap();
    let f = &a.follow_up;
    assert_eq!(f.previous, Some(q("2026Q3")));
    assert_eq!(f.held_on, Some(d("2026-09-28")));
    assert_eq!(f.decisions.len(), 2);
    assert_eq!((f.done.value, f.open.value, f.late.value), (1, 1, 1));
    for fig in [&f.done, &f.open, &f.late] {
        assert_eq!(s.actions(&fig.filter).unwrap().len() as i64, fig.value);
    }
    let late = s.late_actions().unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!((late[0].state, late[0].days_late), (ActionState::Late, 14));
    let q3 = s.agenda(q("2026Q3")).unwrap();
    assert_eq!(q3.follow_up.previous, None, "no consultation before 2026Q3");
    assert!(q3.record.unwrap().held);
}

#[test]
fn a_past_quarter_is_taken_at_its_end() {
    let l = consult_ledger();
    let a = l.store().agenda(q("2026Q2")).unwrap();
    let conn = l.conn();
    assert_eq!((a.as_of, a.current), (d("2026-06-30"), false));
    assert_eq!(a.overall.this.open_end.value, open_at(&conn, "2026-06-30", ""));
    assert_eq!(a.overdue.total.value, open_at(&conn, "2026-06-30", "AND deadline < '2026-06-30'"));
    assert_eq!(a.statistics_due, d("2026-07-15"));
    assert_eq!(a.next_consultation_due, d("2026-09-25"));
    assert!(matches!(l.store().agenda(q("2027Q1")), Err(StoreError::Invalid { field: "quarter", .. })));
}

#[test]
fn topics_follow_the_record() {
    let l = consult_ledger();
    let mut s = l.store();
    let quarter = q("2026Q4");
    let a = s.agenda(quarter).unwrap();
    assert!(a.record.is_none());
    assert_eq!(a.topics.iter().map(|t| t.kind).collect::<Vec<_>>(), SectionKind::GENERATED);
    assert!(a.topics.iter().all(|t| t.id.is_none()));
    s.topic_add(quarter, None, "冬季燃气安全专项整治", "建议开展为期一个月的专项检查").unwrap();
    let rec = s.consultation(quarter).unwrap().unwrap();
    let manual = rec.topics.last().unwrap().id;
    s.topic_move(manual, None, 1).unwrap();
    s.topic_drop(rec.topics[5].id, None, true).unwrap();
    let a = s.agenda(quarter).unwrap();
    assert_eq!(a.topics[0].kind, SectionKind::Manual);
    assert_eq!(a.topics[0].title, "冬季燃气安全专项整治");
    assert_eq!(a.topics.iter().filter(|t| t.dropped).count(), 1);
    assert_eq!(a.topics.len(), SectionKind::GENERATED.len() + 1);
}

#[test]
fn an_empty_ledger_gives_a_quiet_agenda() {
    let l = Ledger::new();
    let a = l.store().agenda(q("2026Q4")).unwrap();
    assert_eq!(a.overall.this.open_end.value, 0);
    assert_eq!(a.overall.this.clearance_rate(), 100.0);
    assert!(a.places.villages.is_empty() && a.follow_up.previous.is_none());
}
