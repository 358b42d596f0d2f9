//! The duties towards a major hazard in the store: notices and their acknowledgement with
//! the list of those not yet notified, listed supervision, the stopped-production order
//! and a resumption to its review; each with its timeline event and role check, and the
//! figures compared with direct SQL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::domain::{Decision, Evaluator, Recipient, StopScope};
use anwei::store::StoreError;
use anwei::store::list::{Filter, Page, Sort};
use anwei::store::write::supervise::{ApplyInput, ListingInput, ReviewInput};
use support::{Ledger, d};

fn kinds(l: &Ledger, code: &str) -> Vec<String> {
    l.store().detail(code).unwrap().timeline.iter().map(|e| e.kind.clone()).collect()
}

fn not_notified(l: &Ledger) -> Vec<String> {
    let f = Filter { not_notified: true, ..Filter::default() };
    l.store()
        .list(&f, Sort::default(), &Page { after: None, limit: 100 })
        .unwrap()
        .into_iter()
        .map(|r| r.code)
        .collect()
}

fn direct_not_notified(l: &Ledger) -> i64 {
    l.conn()
        .query_row(
            "SELECT COUNT(*) FROM hazards h WHERE grade = 'major' AND status <> 'closed' AND (
               NOT EXISTS (SELECT 1 FROM notifications n WHERE n.hazard_id = h.id AND n.recipient = 'principal')
               OR NOT EXISTS (SELECT 1 FROM notifications n WHERE n.hazard_id = h.id AND n.recipient = 'controller'))",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Registers a general hazard; returns its code.
fn general(s: &mut anwei::store::Store) -> String {
    let n = anwei::store::write::NewHazard {
        grade: anwei::domain::Grade::General,
        ..support::new_hazard("2026-11-01", "2027-01-31")
    };
    s.register(&n).unwrap().code
}

fn listing() -> ListingInput {
    ListingInput {
        unit: "滕州市安委会".into(),
        responsible: "官桥镇人民政府".into(),
        doc_no: "滕安督〔2026〕3号".into(),
        date: Some(d("2026-11-10")),
    }
}

#[test]
fn a_hazard_leaves_the_not_notified_list_once_both_are_told_and_they_acknowledge() {
    let l = Ledger::new();
    let a = l.hazard("2026-11-01", "2027-01-31");
    let b = l.hazard("2026-11-02", "2027-01-31");
    assert_eq!(not_notified(&l), vec![a.clone(), b.clone()]);
    let mut s = l.store();
    s.notify(&a, None, Recipient::Principal, "书面", Some(d("2026-11-03"))).unwrap();
    assert_eq!(not_notified(&l).len(), 2, "the controller is still to be told");
    s.notify(&a, None, Recipient::Controller, "短信", None).unwrap();
    assert_eq!(not_notified(&l), vec![b.clone()]);
    assert_eq!(s.count(&Filter { not_notified: true, ..Filter::default() }).unwrap(), direct_not_notified(&l));
    let none = s.acknowledge(&b, None, Recipient::Principal, "王强", None).unwrap_err();
    assert!(matches!(none, StoreError::Invalid { field: "recipient", .. }), "{none:?}");
    let early = s.acknowledge(&a, None, Recipient::Principal, "王强", Some(d("2026-11-02"))).unwrap_err();
    assert!(matches!(early, StoreError::Invalid { field: "date", .. }), "before the notice: {early:?}");
    s.acknowledge(&a, None, Recipient::Principal, "王强", Some(d("2026-11-05"))).unwrap();
    let again = s.acknowledge(&a, None, Recipient::Principal, "王强", None).unwrap_err();
    assert!(matches!(again, StoreError::Invalid { field: "recipient", .. }), "acknowledged once: {again:?}");
    let detail = s.detail(&a).unwrap();
    let told = &detail.notifications[0];
    assert_eq!(
        (told.acknowledged, told.acknowledged_by.as_str(), told.acknowledged_on.as_str()),
        (true, "王强", "2026-11-05")
    );
    assert!(!detail.notifications[1].acknowledged);
    assert_eq!(kinds(&l, &a)[1..], ["notified", "notified", "acknowledged"]);
    assert!(l.conn().execute("DELETE FROM notification_acks", []).is_err(), "append-only");
    assert!(l.conn().execute("UPDATE notifications SET channel = 'x'", []).is_err(), "append-only");
}

#[test]
fn a_viewer_may_neither_notify_nor_supervise() {
    let l = Ledger::new();
    let a = l.hazard("2026-11-01", "2027-01-31");
    let mut viewer = l.store_as("leader");
    let refusals = [
        viewer.notify(&a, None, Recipient::Principal, "书面", None).unwrap_err(),
        viewer.list_supervision(&a, None, &listing()).unwrap_err(),
        viewer.stop_production(&a, None, None, StopScope::Whole).unwrap_err(),
    ];
    for r in refusals {
        assert!(matches!(r, StoreError::Forbidden { .. }), "{r:?}");
    }
    let mut officer = l.store_as("zhangwei");
    officer.list_supervision(&a, None, &listing()).unwrap();
    officer.stop_production(&a, None, None, StopScope::Partial).unwrap();
    officer.notify(&a, None, Recipient::Controller, "电话", None).unwrap();
}

#[test]
fn listing_is_for_open_major_hazards_and_is_cleared_with_a_reason() {
    let l = Ledger::new();
    let a = l.hazard("2026-11-01", "2027-01-31");
    let mut s = l.store();
    let general = general(&mut s);
    let refused = s.list_supervision(&general, None, &listing()).unwrap_err();
    assert!(matches!(refused, StoreError::Invalid { field: "grade", .. }), "{refused:?}");
    s.list_supervision(&a, None, &listing()).unwrap();
    let twice = s.list_supervision(&a, None, &listing()).unwrap_err();
    assert!(matches!(twice, StoreError::Invalid { field: "listing_unit", .. }), "{twice:?}");
    let shown = s.detail(&a).unwrap().supervision.listing.unwrap();
    assert_eq!(
        (shown.unit.as_str(), shown.date.as_str(), shown.doc_no.as_str()),
        ("滕州市安委会", "2026-11-10", "滕安督〔2026〕3号")
    );
    let listed = Filter { listed: true, ..Filter::default() };
    assert_eq!(s.count(&listed).unwrap(), 1);
    let direct: i64 =
        l.conn().query_row("SELECT COUNT(*) FROM hazards WHERE listed_unit <> ''", [], |r| r.get(0)).unwrap();
    assert_eq!(direct, 1);
    assert!(matches!(s.unlist(&a, None, " ").unwrap_err(), StoreError::Invalid { field: "reason", .. }));
    s.unlist(&a, None, "整改验收合格，县安委会同意摘牌").unwrap();
    assert!(s.detail(&a).unwrap().supervision.listing.is_none());
    assert_eq!(s.count(&listed).unwrap(), 0);
    assert!(matches!(s.unlist(&a, None, "再次").unwrap_err(), StoreError::Invalid { field: "listing_unit", .. }));
    assert_eq!(kinds(&l, &a)[1..], ["listed", "unlisted"]);
}

#[test]
fn a_stopped_enterprise_resumes_only_after_an_approved_review() {
    let l = Ledger::new();
    let a = l.hazard("2026-11-01", "2027-01-31");
    let mut s = l.store();
    let apply = ApplyInput {
        date: Some(d("2026-11-20")),
        evaluator: Evaluator::Agency,
        by: "山东安评科技有限公司".into(),
        report: "复产安全评估报告 2026-018".into(),
    };
    let early = s.resumption_apply(&a, None, &apply).unwrap_err();
    assert!(matches!(early, StoreError::Invalid { field: "stopped_production", .. }), "not stopped: {early:?}");
    s.stop_production(&a, None, Some(d("2026-11-05")), StopScope::Whole).unwrap();
    assert!(matches!(
        s.stop_production(&a, None, None, StopScope::Whole).unwrap_err(),
        StoreError::Invalid { field: "stopped_production", .. }
    ));
    let review = |decision, date| ReviewInput {
        date: Some(d(date)),
        decision,
        reviewer: "张伟 应急管理办".into(),
        opinion: "现场核查".into(),
    };
    assert!(matches!(
        s.resumption_review(&a, None, &review(Decision::Approved, "2026-11-25")).unwrap_err(),
        StoreError::Invalid { field: "resumption", .. }
    ));
    s.resumption_apply(&a, None, &apply).unwrap();
    assert!(matches!(
        s.resumption_apply(&a, None, &apply).unwrap_err(),
        StoreError::Invalid { field: "resumption", .. }
    ));
    let due = s.reviews_due(10).unwrap();
    assert_eq!((due.len(), due[0].review_due.as_str(), due[0].days_left), (1, "2026-11-30", 1));
    s.resumption_review(&a, None, &review(Decision::Refused, "2026-11-24")).unwrap();
    assert!(s.detail(&a).unwrap().supervision.stop.is_some(), "a refusal keeps production stopped");
    assert!(s.reviews_due(10).unwrap().is_empty());
    s.resumption_apply(&a, None, &ApplyInput { date: Some(d("2026-11-26")), ..apply }).unwrap();
    s.resumption_review(&a, None, &review(Decision::Approved, "2026-11-28")).unwrap();
    let sup = s.detail(&a).unwrap().supervision;
    assert!(sup.stop.is_none(), "approval lifts the order");
    assert_eq!(sup.resumptions.len(), 2);
    assert_eq!(sup.resumptions[1].decision.as_deref(), Some("approved"));
    assert_eq!(
        kinds(&l, &a)[1..],
        ["stopped", "resumption_applied", "resumption_reviewed", "resumption_applied", "resumption_reviewed"]
    );
    let c = l.conn();
    assert!(c.execute("UPDATE resumptions SET decision = 'refused'", []).is_err(), "a review stays as recorded");
    assert!(c.execute("DELETE FROM resumptions", []).is_err());
}

#[test]
fn the_review_queue_counts_late_ones_as_direct_sql_does() {
    let l = Ledger::new();
    let mut s = l.store();
    for (found, applied) in [("2026-10-01", "2026-10-20"), ("2026-10-02", "2026-11-25"), ("2026-10-03", "2026-11-19")] {
        let code = l.hazard(found, "2027-01-31");
        s.stop_production(&code, None, Some(d(found)), StopScope::Whole).unwrap();
        let a = ApplyInput {
            date: Some(d(applied)),
            evaluator: Evaluator::OwnExperts,
            by: "本厂专家组".into(),
            report: String::new(),
        };
        s.resumption_apply(&code, None, &a).unwrap();
    }
    let due = s.reviews_due(10).unwrap();
    let late: Vec<i64> = due.iter().map(|r| r.days_left).collect();
    assert_eq!(late, vec![-30, 0, 6], "2026-11-29 against ten days from each application");
    let direct: i64 = l
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM resumptions WHERE decision IS NULL AND date(applied_on, '+10 days') < '2026-11-29'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(due.iter().filter(|r| r.days_left < 0).count() as i64, direct);
}

#[test]
fn the_agenda_counts_the_duties_as_direct_sql_and_the_overview_do() {
    let l = Ledger::new();
    let a = l.hazard("2026-10-01", "2027-01-31");
    let b = l.hazard("2026-10-02", "2027-01-31");
    let mut s = l.store();
    s.notify(&a, None, Recipient::Principal, "书面", None).unwrap();
    s.notify(&a, None, Recipient::Controller, "书面", None).unwrap();
    s.list_supervision(&b, None, &listing()).unwrap();
    s.stop_production(&b, None, Some(d("2026-11-11")), StopScope::Whole).unwrap();
    let apply = ApplyInput {
        date: Some(d("2026-11-12")),
        evaluator: Evaluator::Agency,
        by: "评估机构".into(),
        report: String::new(),
    };
    s.resumption_apply(&b, None, &apply).unwrap();
    let agenda = s.agenda(anwei::domain::quarter::Quarter { year: 2026, q: 4 }).unwrap();
    let duties = &agenda.duties;
    let o = s.overview().unwrap();
    let count = |sql: &str| -> i64 { l.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!((duties.not_notified.value, o.not_notified), (direct_not_notified(&l), direct_not_notified(&l)));
    assert_eq!(duties.listed.value, count("SELECT COUNT(*) FROM hazards WHERE listed_unit <> ''"));
    assert_eq!(
        duties.listed_stopped.value,
        count("SELECT COUNT(*) FROM hazards WHERE listed_unit <> '' AND stopped_production")
    );
    assert_eq!((duties.reviews_pending.value, o.reviews_pending), (1, 1));
    assert_eq!((duties.reviews_late, o.reviews_late), (1, 1), "applied 2026-11-12, due 2026-11-22");
    assert_eq!(duties.behind, 2, "neither enterprise was ever inspected");
    assert_eq!(o.inspections_behind, duties.behind);
    let md = anwei::report::markdown::render(&anwei::report::paper(anwei::i18n::Lang::Zh, &agenda));
    assert!(md.contains("主要负责人带队检查滞后的企业2家"), "{md}");
    assert!(md.contains("恢复生产申请待现场审查1项，其中超过10日未审查1项"), "{md}");
}

#[test]
fn a_new_application_is_not_dated_before_the_refusal_and_only_a_major_hazard_is_stopped() {
    let l = Ledger::new();
    let a = l.hazard("2026-11-01", "2027-01-31");
    let mut s = l.store();
    s.stop_production(&a, None, Some(d("2026-11-02")), StopScope::Whole).unwrap();
    let apply = |on: &str| ApplyInput {
        date: Some(d(on)),
        evaluator: Evaluator::OwnExperts,
        by: "专家组".into(),
        report: String::new(),
    };
    s.resumption_apply(&a, None, &apply("2026-11-10")).unwrap();
    let refuse = ReviewInput {
        date: Some(d("2026-11-15")),
        decision: Decision::Refused,
        reviewer: "张伟".into(),
        opinion: String::new(),
    };
    s.resumption_review(&a, None, &refuse).unwrap();
    let early = s.resumption_apply(&a, None, &apply("2026-11-12")).unwrap_err();
    assert!(matches!(early, StoreError::Invalid { field: "date", .. }), "before the refusal: {early:?}");
    s.resumption_apply(&a, None, &apply("2026-11-16")).unwrap();
    let general = general(&mut s);
    let refused = s.stop_production(&general, None, None, StopScope::Whole).unwrap_err();
    assert!(matches!(refused, StoreError::Invalid { field: "grade", .. }), "{refused:?}");
}
