//! Every write command: its transaction, its timeline row, its gates and its refusals.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::domain::status::{GateError, Step};
use anwei::domain::{Escalation, Recipient, Status, Verdict, VerifierRole};
use anwei::store::StoreError;
use anwei::store::write::SignOffInput;
use support::*;

fn status_of(l: &Ledger, code: &str) -> (String, i64, i64) {
    l.conn()
        .query_row("SELECT status, version, round FROM hazards WHERE code = ?1", [code], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap()
}

fn events(l: &Ledger, code: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let conn = l.conn();
    let mut stmt = conn
        .prepare(
            "SELECT t.kind, t.actor, t.from_value, t.to_value FROM timeline t JOIN hazards h ON h.id = t.hazard_id
             WHERE h.code = ?1 ORDER BY t.id",
        )
        .unwrap();
    stmt.query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect()
}

fn sign(role: VerifierRole, verdict: Verdict) -> SignOffInput {
    SignOffInput {
        role,
        name: "赵专家".into(),
        organisation: "枣庄市安全专家库".into(),
        verdict,
        opinion: "现场核查".into(),
        date: None,
    }
}

#[test]
fn register_numbers_and_records_the_actor() {
    let l = Ledger::new();
    let a = l.hazard("2026-03-01", "2026-06-30");
    let b = l.hazard("2026-04-01", "2026-06-30");
    assert_eq!((a.as_str(), b.as_str()), ("GQ-2026-0001", "GQ-2026-0002"));
    let ev = events(&l, &a);
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].0, "registered");
    assert_eq!(ev[0].1, anwei::identity::os_login());
    assert_eq!(status_of(&l, &a), ("registered".into(), 1, 1));
}

#[test]
fn register_refuses_unknown_enterprise_and_bad_dates() {
    let l = Ledger::new();
    let mut s = l.store();
    let mut n = new_hazard("2026-03-01", "2026-06-30");
    n.enterprise = "不存在的公司".into();
    assert!(matches!(s.register(&n), Err(StoreError::Unknown { what: "enterprise", .. })));
    let n = new_hazard("2026-03-01", "2026-02-01");
    assert!(matches!(s.register(&n), Err(StoreError::Invalid { field: "deadline", .. })));
    let n = new_hazard("2026-12-01", "2026-12-31");
    assert!(matches!(s.register(&n), Err(StoreError::Invalid { field: "discovered_on", .. })));
    let mut n = new_hazard("2026-03-01", "2026-06-30");
    n.assignee = Some("nobody".into());
    assert!(matches!(s.register(&n), Err(StoreError::Unknown { what: "staff", .. })));
    assert_eq!(l.conn().query_row("SELECT count(*) FROM hazards", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
}

#[test]
fn plan_gate_then_rectifying() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let mut s = l.store();
    let plan = full_plan();
    let done = s.plan(&code, None, &plan[..2], "").unwrap();
    assert_eq!(done.detail, None);
    assert_eq!(status_of(&l, &code).0, "registered");
    let done = s.plan(&code, Some(2), &plan[2..], "方案齐全").unwrap();
    assert_eq!(done.detail.as_deref(), Some("rectifying"));
    assert_eq!(status_of(&l, &code), ("rectifying".into(), 3, 1));
    let kinds: Vec<String> = events(&l, &code).into_iter().map(|e| e.0).collect();
    assert_eq!(kinds, ["registered", "plan", "plan", "plan", "plan", "plan", "status"]);
    let bad = s.plan(&code, None, &[("budget", "x".into())], "");
    assert!(matches!(bad, Err(StoreError::Invalid { field: "plan", .. })));
}

#[test]
fn submit_needs_rectifying() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let mut s = l.store();
    let err = s.submit(&code, None, "").unwrap_err();
    assert!(matches!(err, StoreError::Gate(GateError::WrongStatus { from: Status::Registered, step: Step::Submit })));
    s.plan(&code, None, &full_plan(), "").unwrap();
    assert_eq!(s.submit(&code, None, "").unwrap().detail.as_deref(), Some("verifying"));
}

#[test]
fn three_passes_close_and_a_fail_raises_the_round() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let mut s = l.store();
    s.verify(&code, None, &sign(VerifierRole::Regulator, Verdict::Pass)).unwrap();
    let failed = s.verify(&code, None, &sign(VerifierRole::Expert, Verdict::Fail)).unwrap();
    assert_eq!(failed.detail.as_deref(), Some("failed"));
    assert_eq!(status_of(&l, &code).0, "rectifying");
    assert_eq!(status_of(&l, &code).2, 2);
    // round 2: the regulator's round-1 pass no longer counts
    s.submit(&code, None, "复改完成").unwrap();
    s.verify(&code, None, &sign(VerifierRole::Expert, Verdict::Pass)).unwrap();
    s.verify(&code, None, &sign(VerifierRole::Enterprise, Verdict::Pass)).unwrap();
    assert_eq!(status_of(&l, &code).0, "verifying");
    let closed = s.verify(&code, None, &sign(VerifierRole::Regulator, Verdict::Pass)).unwrap();
    assert_eq!(closed.detail.as_deref(), Some("closed"));
    let closed_at: Option<String> =
        l.conn().query_row("SELECT closed_at FROM hazards WHERE code = ?1", [&code], |r| r.get(0)).unwrap();
    assert!(closed_at.unwrap().starts_with(TODAY));
    let err = s.verify(&code, None, &sign(VerifierRole::Regulator, Verdict::Pass)).unwrap_err();
    assert!(matches!(err, StoreError::Gate(GateError::WrongStatus { from: Status::Closed, .. })));
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn sign_off_refuses_future_date_and_empty_name() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let mut s = l.store();
    let mut v = sign(VerifierRole::Regulator, Verdict::Pass);
    v.date = Some(d("2026-12-01"));
    assert!(matches!(s.verify(&code, None, &v), Err(StoreError::Invalid { field: "date", .. })));
    v.date = None;
    v.name = " ".into();
    assert!(matches!(s.verify(&code, None, &v), Err(StoreError::Invalid { field: "name", .. })));
    assert_eq!(l.conn().query_row("SELECT count(*) FROM verifications", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
}

#[test]
fn escalation_numbers_documents_per_level_and_year() {
    let l = Ledger::new();
    let a = l.hazard("2026-01-05", "2026-03-31");
    let b = l.hazard("2026-01-06", "2026-03-31");
    let mut s = l.store();
    assert_eq!(s.escalate(&a, None, None, "逾期").unwrap().detail.as_deref(), Some("官安函〔2026〕1号"));
    assert_eq!(s.escalate(&b, None, None, "").unwrap().detail.as_deref(), Some("官安函〔2026〕2号"));
    assert_eq!(s.escalate(&a, None, None, "").unwrap().detail.as_deref(), Some("官安通〔2026〕1号"));
    assert_eq!(
        s.escalate(&b, None, Some(Escalation::Exposure), "").unwrap().detail.as_deref(),
        Some("官安曝〔2026〕1号")
    );
    let err = s.escalate(&b, None, Some(Escalation::Summons), "").unwrap_err();
    assert!(matches!(err, StoreError::LevelNotAbove { asked: Some(Escalation::Summons), current: 4 }));
    let err = s.escalate(&b, None, None, "").unwrap_err();
    assert!(matches!(err, StoreError::LevelNotAbove { asked: None, current: 4 }));
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn extend_needs_a_later_date_and_a_reason() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let mut s = l.store();
    assert!(matches!(s.extend(&code, None, d("2026-08-01"), " "), Err(StoreError::Gate(GateError::ReasonRequired))));
    assert!(matches!(s.extend(&code, None, d("2026-06-01"), "x"), Err(StoreError::Invalid { field: "deadline", .. })));
    s.extend(&code, None, d("2026-08-01"), "设备到货延迟").unwrap();
    let last = events(&l, &code).pop().unwrap();
    assert_eq!(
        (last.0.as_str(), last.2.as_deref(), last.3.as_deref()),
        ("extended", Some("2026-06-30"), Some("2026-08-01"))
    );
}

#[test]
fn reopen_is_for_admins_with_a_reason() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let mut s = l.store();
    for role in VerifierRole::ALL {
        s.verify(&code, None, &sign(*role, Verdict::Pass)).unwrap();
    }
    let mut officer = l.store_as("zhangwei");
    assert!(matches!(officer.reopen(&code, None, "复查"), Err(StoreError::Forbidden { action: "reopen", .. })));
    assert!(matches!(s.reopen(&code, None, ""), Err(StoreError::Gate(GateError::ReasonRequired))));
    assert_eq!(s.reopen(&code, None, "复查发现反弹").unwrap().detail.as_deref(), Some("registered"));
    assert_eq!(status_of(&l, &code).2, 2);
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn assign_and_notify() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let mut s = l.store();
    assert!(matches!(s.assign(&code, None, "ghost", ""), Err(StoreError::Unknown { what: "staff", .. })));
    s.assign(&code, None, "zhangwei", "请跟进").unwrap();
    s.notify(&code, None, Recipient::Controller, "书面", None).unwrap();
    assert!(matches!(s.notify(&code, None, Recipient::Principal, " ", None), Err(StoreError::Invalid { .. })));
    let det = s.detail(&code).unwrap();
    assert_eq!(det.row.assignee.as_deref(), Some("zhangwei"));
    assert_eq!(det.notifications.len(), 1);
    assert!(matches!(s.progress(&code, None, ""), Err(StoreError::Invalid { field: "note", .. })));
    assert!(matches!(s.assign("GQ-1999-0001", None, "zhangwei", ""), Err(StoreError::UnknownHazard(_))));
}

#[test]
fn a_viewer_changes_nothing() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let before = status_of(&l, &code);
    let mut v = l.store_as("leader");
    let results = [
        v.assign(&code, None, "zhangwei", "").err(),
        v.plan(&code, None, &full_plan(), "").err(),
        v.progress(&code, None, "x").err(),
        v.submit(&code, None, "").err(),
        v.verify(&code, None, &sign(VerifierRole::Expert, Verdict::Pass)).err(),
        v.escalate(&code, None, None, "").err(),
        v.extend(&code, None, d("2027-01-01"), "x").err(),
        v.notify(&code, None, Recipient::Principal, "短信", None).err(),
        v.reopen(&code, None, "x").err(),
        v.register(&new_hazard("2026-03-01", "2026-06-30")).err(),
    ];
    for r in results {
        assert!(matches!(r, Some(StoreError::Forbidden { .. })), "{r:?}");
    }
    assert_eq!(status_of(&l, &code), before);
    // unknown logins are viewers, and so is anyone with --readonly
    let mut stranger = l.store_as("stranger");
    assert!(matches!(stranger.progress(&code, None, "x"), Err(StoreError::Forbidden { .. })));
    let mut ro = l.store();
    ro.actor.readonly = true;
    assert!(matches!(ro.progress(&code, None, "x"), Err(StoreError::Forbidden { .. })));
}

#[test]
fn a_stale_version_is_a_conflict_naming_who() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let mut officer = l.store_as("zhangwei");
    let mut admin = l.store();
    officer.progress(&code, Some(1), "已到现场").unwrap();
    let err = admin.escalate(&code, Some(1), None, "").unwrap_err();
    match &err {
        StoreError::Conflict { code: c, by, at, version } => {
            assert_eq!((c.as_str(), by.as_str()), (code.as_str(), "zhangwei"));
            assert_eq!(*version, Some(2), "the version it is at now");
            assert!(at.starts_with(TODAY));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.exit_code(), 3);
    assert_eq!(status_of(&l, &code).1, 2);
    assert_eq!(l.conn().query_row("SELECT count(*) FROM escalations", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
}

#[test]
fn the_timeline_is_append_only() {
    let l = Ledger::new();
    l.hazard("2026-03-01", "2026-06-30");
    let conn = l.conn();
    assert!(conn.execute("UPDATE timeline SET actor = 'someone'", []).is_err());
    assert!(conn.execute("DELETE FROM timeline", []).is_err());
}

#[test]
fn check_finds_state_that_disagrees_with_the_timeline() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    assert!(l.store().check().unwrap().is_empty());
    l.conn().execute("UPDATE hazards SET status = 'rectifying' WHERE code = ?1", [&code]).unwrap();
    let what: Vec<String> = l.store().check().unwrap().into_iter().map(|f| f.what).collect();
    assert_eq!(what, ["status_timeline"]);
}
