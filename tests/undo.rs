//! Undo: one's own last write, or last bulk action, reversed by new events within the
//! ledger's limit; never over someone else's later change; a document withdrawn.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::domain::Role;
use anwei::store::StoreError;
use anwei::store::write::undo::UndoRefusal;
use support::*;

fn events(l: &Ledger, code: &str) -> Vec<(String, String)> {
    let d = l.store().detail(code).unwrap();
    d.timeline.into_iter().map(|e| (e.kind, e.to.unwrap_or_default())).collect()
}

#[test]
fn an_escalation_is_undone_its_document_withdrawn_and_check_passes() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let mut s = l.store();
    let done = s.escalate(&code, None, None, "").unwrap();
    let doc = done.detail.clone().unwrap();
    let plan = s.undo(true).unwrap();
    assert!(!plan.written && plan.reversals.len() == 1, "{plan:?}");
    assert_eq!(s.detail(&code).unwrap().row.escalation_level, 1, "a dry run changes nothing");
    let undone = s.undo(false).unwrap();
    assert_eq!((undone.reversals[0].from.as_str(), undone.reversals[0].back_to.as_str()), ("1", "0"));
    assert_eq!(s.detail(&code).unwrap().row.escalation_level, 0);
    let withdrawn: String = l.conn().query_row("SELECT doc_no FROM withdrawn_documents", [], |r| r.get(0)).unwrap();
    assert_eq!(withdrawn, doc);
    assert_eq!(events(&l, &code).last().unwrap(), &("undone".to_string(), "0".to_string()));
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
    assert!(matches!(s.undo(false), Err(StoreError::Undo(UndoRefusal::AlreadyUndone))));
    let again = s.escalate(&code, None, None, "").unwrap().detail.unwrap();
    assert_ne!(again, doc, "a withdrawn number is never reused");
}

#[test]
fn a_bulk_assign_is_undone_as_a_whole() {
    let l = Ledger::new();
    let codes: Vec<String> = (0..3).map(|_| l.hazard("2026-03-01", "2026-12-31")).collect();
    let mut s = l.store();
    s.staff_add("li", "李娜", Role::Officer, None).unwrap();
    s.in_batch(|s| {
        for c in &codes {
            s.assign(c, None, "li", "").unwrap();
        }
    })
    .unwrap();
    let undone = s.undo(false).unwrap();
    assert_eq!(undone.reversals.len(), 3);
    for c in &codes {
        assert_eq!(s.detail(c).unwrap().row.assignee, None, "{c}");
        assert_eq!(events(&l, c).iter().filter(|e| e.0 == "undone").count(), 1, "one reversing event each");
    }
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
}

#[test]
fn undo_is_refused_over_another_change_for_a_sign_off_and_when_too_late() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-12-31");
    l.store().staff_add("li", "李娜", Role::Officer, None).unwrap();
    let mut mine = l.store();
    mine.extend(&code, None, "2027-01-31".parse().unwrap(), "设备").unwrap();
    l.store_as("li").progress(&code, None, "到场").unwrap();
    let err = mine.undo(false).unwrap_err();
    assert!(matches!(&err, StoreError::Undo(UndoRefusal::ChangedSince { by, .. }) if by == "li"), "{err:?}");
    assert_eq!(err.exit_code(), 3);
    let verifying = l.verifying("2026-03-01", "2026-12-31");
    let sign = anwei::store::write::SignOffInput {
        role: anwei::domain::VerifierRole::Regulator,
        name: "刘洋".into(),
        organisation: String::new(),
        verdict: anwei::domain::Verdict::Pass,
        opinion: String::new(),
        date: None,
    };
    mine.verify(&verifying, None, &sign).unwrap();
    assert!(matches!(mine.undo(false), Err(StoreError::Undo(UndoRefusal::NotUndoable { .. }))));
    let out = at(l.path(), &["settings", "set", "undo_minutes", "0", "--reason", "试"]);
    assert!(out.status.success());
    l.store().assign(&code, None, "li", "").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(matches!(l.store().undo(false), Err(StoreError::Undo(UndoRefusal::TooLate { .. }))));
}

#[test]
fn anwei_undo_says_what_it_would_and_did() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    assert!(at(l.path(), &["extend", &code, "--deadline", "2026-08-31", "--reason", "设备"]).status.success());
    let dry = at(l.path(), &["--lang", "en", "undo", "--dry-run"]);
    let text = String::from_utf8_lossy(&dry.stdout).to_string();
    assert!(
        text.contains("Would undo") && text.contains(&format!("{code} deadline: 2026-08-31 -> 2026-06-30")),
        "{text}"
    );
    let done = at(l.path(), &["--lang", "en", "undo"]);
    assert!(String::from_utf8_lossy(&done.stdout).contains("Undid 1 change"));
    assert_eq!(l.store().detail(&code).unwrap().row.deadline.to_string(), "2026-06-30");
    let nothing = at(l.path(), &["--lang", "en", "undo"]);
    assert_eq!(nothing.status.code(), Some(2));
}

/// Someone's change to a hazard between two writes of one bulk action still refuses
/// the undo of that action.
#[test]
fn a_change_in_the_middle_of_a_bulk_action_refuses_its_undo() {
    let l = Ledger::new();
    let (a, b) = (l.hazard("2026-03-01", "2026-12-31"), l.hazard("2026-03-01", "2026-12-31"));
    l.store().staff_add("li", "李娜", Role::Officer, None).unwrap();
    let mut s = l.store();
    s.in_batch(|s| {
        s.assign(&a, None, "li", "").unwrap();
        l.store_as("li").progress(&a, None, "在现场").unwrap();
        s.assign(&b, None, "li", "").unwrap();
    })
    .unwrap();
    let err = s.undo(false).unwrap_err();
    assert!(matches!(&err, StoreError::Undo(UndoRefusal::ChangedSince { code, .. }) if *code == a), "{err:?}");
}

/// An extension undone gives its turn back to the officer's limit.
#[test]
fn an_undone_extension_does_not_count_against_the_limit() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-12-31");
    l.store().staff_add("wu", "吴", Role::Officer, None).unwrap();
    let day = |s: &str| anwei::domain::parse_date(s).unwrap();
    let mut officer = l.store_as("wu");
    officer.extend(&code, None, day("2027-01-31"), "一").unwrap();
    officer.extend(&code, None, day("2027-02-28"), "二").unwrap();
    officer.undo(false).unwrap();
    officer.extend(&code, None, day("2027-03-31"), "再").unwrap();
}
