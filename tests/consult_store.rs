//! The consultation record's writes: roles, versions, events, the frozen record after the
//! meeting, corrections, actions for the overdue screen, the calendar, and migration V2.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::domain::calendar::{Cadence, Duty};
use anwei::domain::quarter::Quarter;
use anwei::domain::status::GateError;
use anwei::store::consultation::{Meeting, NewAction, Target, TopicText};
use anwei::store::{Store, StoreError, schema};
use support::*;

fn q4() -> Quarter {
    Quarter::parse("2026Q4").unwrap()
}

fn events(l: &Ledger) -> Vec<(String, Option<String>, String)> {
    let conn = l.conn();
    let mut stmt = conn.prepare("SELECT kind, field, note FROM consultation_events ORDER BY id").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

fn meeting() -> Meeting {
    Meeting {
        held_on: Some(d("2026-11-27")),
        place: Some("镇政府三楼会议室".into()),
        chair: Some("王镇长".into()),
        attendees: Some("应急管理办、市场监管所、各村负责人".into()),
    }
}

fn action(due: &str) -> NewAction {
    NewAction {
        topic: None,
        title: "燃气安全专项检查".into(),
        lead_unit: Some("应急管理办".into()),
        assignee: Some("zhangwei".into()),
        due_on: d(due),
        note: String::new(),
    }
}

#[test]
fn a_viewer_may_read_but_not_write_the_record() {
    let l = Ledger::new();
    let mut viewer = l.store_as("leader");
    let err = viewer.topic_add(q4(), None, "燃气", "").unwrap_err();
    assert!(matches!(err, StoreError::Forbidden { action: "consult", .. }), "{err:?}");
    assert!(viewer.agenda(q4()).is_ok());
    assert!(viewer.consultation(q4()).unwrap().is_none(), "a refused write leaves nothing behind");
    let mut officer = l.store_as("zhangwei");
    officer.topic_add(q4(), None, "燃气", "").unwrap();
    assert!(matches!(viewer.set_cadence(&Cadence::default()), Err(StoreError::Forbidden { .. })));
}

#[test]
fn opening_seeds_the_generated_topics_once() {
    let l = Ledger::new();
    let mut s = l.store();
    assert_eq!(s.consult_open(q4()).unwrap().version, 1);
    assert_eq!(s.consult_open(q4()).unwrap().version, 1);
    let rec = s.consultation(q4()).unwrap().unwrap();
    assert_eq!(rec.topics.len(), 8);
    assert_eq!(rec.topics.iter().map(|t| t.position).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(events(&l).len(), 1);
    let err = s.consult_open(Quarter::parse("2027Q1").unwrap()).unwrap_err();
    assert!(matches!(err, StoreError::Invalid { field: "quarter", .. }));
}

#[test]
fn every_write_appends_its_event_and_checks_versions() {
    let l = Ledger::new();
    let mut s = l.store();
    let v = s.topic_add(q4(), None, "冬季燃气安全", "建议开展专项检查").unwrap().version;
    assert_eq!(v, 2);
    let rec = s.consultation(q4()).unwrap().unwrap();
    let manual = rec.topics[7].id;
    let stale = s.topic_move(manual, Some(1), 1).unwrap_err();
    assert!(matches!(stale, StoreError::Conflict { ref code, .. } if code == "2026Q4"), "{stale:?}");
    s.topic_move(manual, Some(2), 1).unwrap();
    s.topic_drop(rec.topics[0].id, Some(3), true).unwrap();
    let t = s
        .topic_text(
            manual,
            Some(1),
            &TopicText { decision: Some("12月开展专项检查".into()), ..TopicText::default() },
            "",
        )
        .unwrap();
    assert_eq!((t.target, t.version), (Target::Topic(manual), 2));
    assert!(matches!(s.topic_text(manual, Some(1), &TopicText::default(), ""), Err(StoreError::Conflict { .. })));
    s.meeting(q4(), None, &meeting()).unwrap();
    let kinds: Vec<String> = events(&l).into_iter().map(|e| e.0).collect();
    assert_eq!(
        kinds,
        [
            "opened",
            "topic_added",
            "topic_moved",
            "topic_dropped",
            "topic_text",
            "meeting",
            "meeting",
            "meeting",
            "meeting"
        ]
    );
    let rec = s.consultation(q4()).unwrap().unwrap();
    assert_eq!(rec.topics[0].id, manual);
    assert!(rec.topics[1].dropped);
    assert_eq!(rec.place, "镇政府三楼会议室");
    assert_eq!(rec.events.len(), 9);
}

#[test]
fn a_held_meeting_is_frozen_and_corrected_only_with_a_reason() {
    let l = Ledger::new();
    let mut s = l.store();
    s.consult_open(q4()).unwrap();
    assert!(matches!(s.mark_held(q4(), None), Err(StoreError::Invalid { field: "date", .. })));
    s.meeting(
        q4(),
        None,
        &Meeting { held_on: Some(d("2026-12-20")), chair: Some("王镇长".into()), ..Meeting::default() },
    )
    .unwrap();
    assert!(matches!(s.mark_held(q4(), None), Err(StoreError::Invalid { why, .. }) if why == "future"));
    s.meeting(q4(), None, &meeting()).unwrap();
    let topic = s.consultation(q4()).unwrap().unwrap().topics[2].id;
    s.topic_text(topic, None, &TopicText { decision: Some("逐项督办".into()), ..TopicText::default() }, "").unwrap();
    s.mark_held(q4(), None).unwrap();
    let frozen =
        |e: StoreError| matches!(e, StoreError::Invalid { field: "consultation", ref why, .. } if why == "held");
    assert!(frozen(s.topic_add(q4(), None, "新议题", "").unwrap_err()));
    assert!(frozen(s.topic_drop(topic, None, true).unwrap_err()));
    assert!(frozen(s.topic_move(topic, None, 1).unwrap_err()));
    assert!(frozen(s.meeting(q4(), None, &meeting()).unwrap_err()));
    assert!(frozen(s.mark_held(q4(), None).unwrap_err()));
    let change = TopicText { decision: Some("逐项督办,12月底前销号".into()), ..TopicText::default() };
    assert!(matches!(s.topic_text(topic, None, &change, " "), Err(StoreError::Gate(GateError::ReasonRequired))));
    s.topic_text(topic, None, &change, "会议纪要核对更正").unwrap();
    let last = events(&l).pop().unwrap();
    assert_eq!(last, ("correction".to_string(), Some("decision".to_string()), "会议纪要核对更正".to_string()));
    let added = s.action_add(q4(), &action("2026-12-31")).unwrap();
    let Target::Action(id) = added.target else { panic!("{added:?}") };
    s.action_done(id, Some(1), None, "已完成检查").unwrap();
    assert!(matches!(s.action_done(id, None, None, ""), Err(StoreError::Invalid { field: "action", .. })));
    let rec = s.consultation(q4()).unwrap().unwrap();
    assert!(rec.held && rec.topics[2].decision.ends_with("销号"));
}

#[test]
fn consultation_events_are_append_only() {
    let l = Ledger::new();
    l.store().consult_open(q4()).unwrap();
    let conn = l.conn();
    assert!(conn.execute("UPDATE consultation_events SET note = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM consultation_events", []).is_err());
    assert_eq!(events(&l).len(), 1);
}

#[test]
fn late_actions_reach_the_overdue_screen_and_the_calendar() {
    let l = Ledger::new();
    let mut s = l.store();
    for due in ["2026-11-20", "2026-12-10", "2027-06-30"] {
        s.action_add(q4(), &action(due)).unwrap();
    }
    assert!(matches!(
        s.action_add(q4(), &NewAction { lead_unit: Some("不存在".into()), ..action("2026-12-01") }),
        Err(StoreError::Unknown { what: "unit", .. })
    ));
    assert!(matches!(
        s.action_add(q4(), &NewAction { topic: Some(999), ..action("2026-12-01") }),
        Err(StoreError::Unknown { what: "topic", .. })
    ));
    let late = s.late_actions().unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(
        (late[0].due_on, late[0].days_late, late[0].assignee_name.as_deref()),
        (d("2026-11-20"), 9, Some("张伟"))
    );
    let cal = s.calendar().unwrap();
    let actions: Vec<i64> = cal.iter().filter(|x| matches!(x.duty, Duty::Action { .. })).map(|x| x.days_left).collect();
    assert_eq!(actions, [-9, 11], "late and coming actions, not those past the horizon");
    assert!(
        matches!(cal.iter().find(|x| matches!(x.duty, Duty::Consultation { .. })).unwrap().duty, Duty::Consultation { quarter } if quarter == q4())
    );
    assert!(cal.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn the_cadence_is_kept_and_checked() {
    let l = Ledger::new();
    let mut s = l.store();
    assert_eq!(s.cadence().unwrap(), Cadence::default());
    let c = Cadence { consultation_day: 20, horizon_days: 60, ..Cadence::default() };
    s.set_cadence(&c).unwrap();
    assert_eq!(l.store().cadence().unwrap(), c);
    let first = l.store().calendar().unwrap()[0].clone();
    assert_eq!(first.date, d("2026-12-20"));
    let bad = Cadence { consultation_month: 5, ..c };
    assert!(matches!(s.set_cadence(&bad), Err(StoreError::Invalid { field: "consultation_month", .. })));
    s.mark_held(q4(), None).unwrap_err();
    s.meeting(q4(), None, &meeting()).unwrap();
    s.mark_held(q4(), None).unwrap();
    let after = l.store().calendar().unwrap();
    assert!(
        after.iter().all(|x| !matches!(x.duty, Duty::Consultation { quarter } if quarter == q4())),
        "a held consultation leaves the calendar"
    );
}

#[test]
fn a_version_1_ledger_gains_the_consultation_tables() {
    let l = Ledger::new();
    let code = l.hazard("2026-10-01", "2026-12-01");
    let conn = l.conn();
    conn.execute_batch(&format!(
            "DROP TABLE consultation_events; DROP TABLE actions; DROP TABLE topics; DROP TABLE consultations;
         DROP INDEX verifications_failed; DROP TRIGGER hazards_due_insert; DROP TRIGGER hazards_due_delete;
         DROP TRIGGER hazards_due_update; DROP TABLE hazard_due; DROP INDEX hazards_stalled; DROP INDEX hazards_deadline;
         DROP TABLE settings; DROP TABLE ledger_events; DROP TRIGGER hazards_opening; DROP TABLE hazard_openings; DROP TABLE withdrawn_documents; DROP INDEX timeline_actor; DROP INDEX timeline_batch; ALTER TABLE timeline DROP COLUMN batch; {DROP_SINCE_V9}
         PRAGMA user_version = 1;"
        ),
    )
    .unwrap();
    drop(conn);
    let mut s: Store = l.store();
    let v: i64 = l.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, schema::LATEST);
    assert_eq!(schema::LATEST, 15);
    assert_eq!(s.detail(&code).unwrap().row.code, code);
    s.topic_add(q4(), None, "燃气", "").unwrap();
    assert!(s.check().unwrap().is_empty());
}
