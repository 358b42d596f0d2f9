//! Public tip-offs in the store: each step with its log event and role check, the
//! verification that registers a hazard through the ordinary registration, the
//! reporter kept from everyone but admins, the dates and versions refused, and the
//! figure of late verifications compared with direct SQL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::domain::tipoff::{Channel, TipoffState};
use anwei::domain::{Role, Source};
use anwei::store::StoreError;
use anwei::store::tipoff::{NewTipoff, TipoffFilter, TipoffLink};
use anwei::store::write::NewHazard;
use support::{CODES, Ledger, d};

fn tipoff(received: &str, named: bool) -> NewTipoff {
    NewTipoff {
        received_on: Some(d(received)),
        channel: Channel::Hotline,
        reporter: named.then(|| ("赵六".to_string(), "13900000009".to_string())),
        enterprise: CODES[0].to_string(),
        about: String::new(),
        content: "车间粉尘堆积，除尘器长期不开".into(),
    }
}

fn kinds(l: &Ledger, code: &str) -> Vec<String> {
    l.store().tipoff(code).unwrap().events.into_iter().map(|e| e.kind).collect()
}

fn verify(code: &str, version: Option<i64>) -> NewHazard {
    NewHazard {
        source: Source::Inspection,
        tipoff: Some(TipoffLink { code: code.into(), version }),
        ..support::new_hazard("2026-11-20", "2027-01-31")
    }
}

#[test]
fn a_tip_off_goes_from_receipt_to_a_verified_hazard_a_reward_and_a_reply() {
    let l = Ledger::new();
    let mut s = l.store();
    let code = s.tipoff_add(&tipoff("2026-11-10", true)).unwrap();
    assert_eq!(code, "JB-2026-0001");
    let t = s.tipoff(&code).unwrap();
    assert_eq!((t.row.state, t.row.due_on.as_str()), (TipoffState::Received, "2026-11-25"), "15 days by default");
    s.tipoff_assign(&code, Some(t.row.version), "zhangwei", "").unwrap();
    let v = s.tipoff(&code).unwrap().row.version;
    let hazard = s.register(&verify(&code, Some(v))).unwrap().code;
    let t = s.tipoff(&code).unwrap();
    assert_eq!((t.row.state, t.row.hazard.as_deref()), (TipoffState::Verified, Some(hazard.as_str())));
    let h = s.detail(&hazard).unwrap();
    assert_eq!(h.row.source, Source::PublicReport, "a verified tip-off's hazard is of source public_report");
    s.tipoff_reward(&code, None, 500, "王镇长", Some(d("2026-11-25"))).unwrap();
    s.tipoff_tell(&code, None, Some(d("2026-11-26")), "电话").unwrap();
    assert_eq!(kinds(&l, &code), ["received", "assigned", "verified", "rewarded", "told"]);
    // once each
    assert!(matches!(s.tipoff_reward(&code, None, 500, "王镇长", None), Err(StoreError::Exists { .. })));
    assert!(matches!(s.tipoff_tell(&code, None, None, "电话"), Err(StoreError::Exists { .. })));
    // the verified tip-off is not verified again, nor rejected
    assert!(matches!(s.register(&verify(&code, None)), Err(StoreError::Invalid { field: "state", .. })));
    assert!(matches!(s.tipoff_reject(&code, None, None, "x"), Err(StoreError::Invalid { field: "state", .. })));
    let n: i64 = l.conn().query_row("SELECT count(*) FROM hazards", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1, "the refused verification registered nothing");
}

#[test]
fn a_tip_off_not_verified_says_why_and_gets_no_reward() {
    let l = Ledger::new();
    let mut s = l.store();
    let code = s.tipoff_add(&tipoff("2026-11-10", false)).unwrap();
    let e = s.tipoff_reject(&code, None, None, " ").unwrap_err();
    assert!(matches!(e, StoreError::Invalid { field: "reason", .. }), "{e:?}");
    let e = s.tipoff_reject(&code, None, Some(d("2026-11-01")), "现场无此情况").unwrap_err();
    assert!(matches!(e, StoreError::Invalid { field: "outcome_on", .. }), "not before its receipt: {e:?}");
    s.tipoff_reject(&code, None, Some(d("2026-11-20")), "现场无此情况").unwrap();
    let t = s.tipoff(&code).unwrap().row;
    assert_eq!((t.state, t.outcome.as_str(), t.days_left), (TipoffState::Rejected, "现场无此情况", None));
    assert!(matches!(s.tipoff_reward(&code, None, 100, "王镇长", None), Err(StoreError::Invalid { .. })));
    s.tipoff_tell(&code, None, None, "书面").unwrap();
    assert_eq!(kinds(&l, &code), ["received", "rejected", "told"]);
}

#[test]
fn the_reporter_is_seen_by_admins_only_and_never_logged() {
    let l = Ledger::new();
    let code = l.store().tipoff_add(&tipoff("2026-11-10", true)).unwrap();
    let admin = l.store().tipoff(&code).unwrap();
    assert_eq!(admin.reporter.as_ref().map(|r| r.contact.as_str()), Some("13900000009"));
    let officer = l.store_as("zhangwei").tipoff(&code).unwrap();
    assert!(officer.reporter.is_none(), "an officer does not see the reporter");
    let json = serde_json::to_string(&l.store().tipoffs(&TipoffFilter::default(), 0, 10).unwrap()).unwrap();
    assert!(!json.contains("赵六") && !json.contains("13900000009"), "no list carries the reporter: {json}");
    let logged: i64 = l
        .conn()
        .query_row("SELECT count(*) FROM tipoff_events WHERE note LIKE '%赵六%' OR to_value LIKE '%1390%'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(logged, 0);
    // anonymous means no name stored at all
    let anon = l.store().tipoff_add(&tipoff("2026-11-10", false)).unwrap();
    let name: String =
        l.conn().query_row("SELECT reporter || contact FROM tipoffs WHERE code = ?1", [&anon], |r| r.get(0)).unwrap();
    assert_eq!(name, "");
}

#[test]
fn viewers_may_not_and_a_stale_version_is_a_conflict() {
    let l = Ledger::new();
    let e = l.store_as("leader").tipoff_add(&tipoff("2026-11-10", false)).unwrap_err();
    assert!(matches!(e, StoreError::Forbidden { role: Role::Viewer, .. }), "{e:?}");
    let code = l.store_as("zhangwei").tipoff_add(&tipoff("2026-11-10", false)).unwrap();
    let v = l.store().tipoff(&code).unwrap().row.version;
    l.store().tipoff_assign(&code, Some(v), "zhangwei", "").unwrap();
    let e = l.store().tipoff_assign(&code, Some(v), "zhangwei", "").unwrap_err();
    assert!(matches!(e, StoreError::Conflict { .. }), "{e:?}");
    let e = l.store().register(&verify(&code, Some(v))).unwrap_err();
    assert!(matches!(e, StoreError::Conflict { .. }), "{e:?}");
    assert!(matches!(l.store_as("leader").tipoff_reject(&code, None, None, "x"), Err(StoreError::Forbidden { .. })));
}

#[test]
fn typed_dates_and_amounts_are_bounded() {
    let l = Ledger::new();
    let mut s = l.store();
    let e = s.tipoff_add(&tipoff("2099-01-01", false)).unwrap_err();
    assert!(matches!(e, StoreError::Invalid { field: "received_on", .. }), "{e:?}");
    let long = NewTipoff { content: "长".repeat(2001), ..tipoff("2026-11-10", false) };
    assert!(matches!(s.tipoff_add(&long), Err(StoreError::Invalid { field: "content", .. })));
    let code = s.tipoff_add(&tipoff("2026-11-10", false)).unwrap();
    let e = s.register(&NewHazard { discovered_on: Some(d("2026-11-01")), ..verify(&code, None) }).unwrap_err();
    assert!(matches!(e, StoreError::Invalid { field: "discovered_on", .. }), "found before the tip-off: {e:?}");
    s.register(&verify(&code, None)).unwrap();
    for yuan in [0, -5, 1_000_001] {
        assert!(matches!(s.tipoff_reward(&code, None, yuan, "王镇长", None), Err(StoreError::Invalid { .. })));
    }
    let e = s.tipoff_reward(&code, None, 200, "王镇长", Some(d("2026-11-15"))).unwrap_err();
    assert!(matches!(e, StoreError::Invalid { field: "paid_on", .. }), "paid before it was verified: {e:?}");
    // another enterprise than the tip-off's is refused
    let other = s.tipoff_add(&tipoff("2026-11-10", false)).unwrap();
    let n = NewHazard { enterprise: CODES[1].into(), ..verify(&other, None) };
    assert!(matches!(s.register(&n), Err(StoreError::Invalid { field: "enterprise", .. })));
}

#[test]
fn late_verifications_are_counted_as_direct_sql_counts_them() {
    let l = Ledger::new();
    let mut s = l.store();
    for (i, received) in ["2026-09-01", "2026-10-01", "2026-11-10", "2026-11-20", "2026-11-28"].iter().enumerate() {
        let code = s.tipoff_add(&tipoff(received, false)).unwrap();
        if i == 0 {
            s.tipoff_reject(&code, None, None, "查无此事").unwrap();
        }
        if i == 3 {
            s.tipoff_assign(&code, None, "zhangwei", "").unwrap();
        }
    }
    let late = s.tipoffs(&TipoffFilter { late: true, ..TipoffFilter::default() }, 0, 100).unwrap();
    let today = support::today().to_string();
    let direct: i64 = l
        .conn()
        .query_row(
            "SELECT count(*) FROM tipoffs WHERE state IN ('received', 'verifying') AND due_on < ?1",
            [&today],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(late.count, direct);
    assert!(late.rows.iter().all(|r| r.days_left.is_some_and(|d| d < 0)), "{:?}", late.rows);
    assert_eq!(late.rows.first().map(|r| r.received_on.as_str()), Some("2026-10-01"), "the most late first");
    let all = s.tipoffs(&TipoffFilter::default(), 0, 2).unwrap();
    assert_eq!((all.count, all.rows.len()), (5, 2), "the count is of all, not of the page");
}
