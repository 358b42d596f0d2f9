//! Enterprises in the store: the list's counts against direct SQL, search by name, code
//! and person, one whole with its hazards, adding and editing with their audited events,
//! the checks on input, conflicts, and who may.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::store::StoreError;
use anwei::store::enterprise::{EnterpriseFilter, EnterpriseInput, EnterpriseSort};
use support::{CODES, Ledger};

fn input(code: &str, name: &str) -> EnterpriseInput {
    EnterpriseInput {
        credit_code: code.to_string(),
        name: name.to_string(),
        sector: "工贸".into(),
        village: "官桥村".into(),
        principal: "刘明".into(),
        principal_phone: "13900000001".into(),
        ..EnterpriseInput::default()
    }
}

fn events(l: &Ledger) -> i64 {
    l.conn().query_row("SELECT count(*) FROM enterprise_events", [], |r| r.get(0)).unwrap()
}

#[test]
fn the_list_counts_open_major_and_overdue_hazards_as_sql_does() {
    let l = Ledger::new();
    l.hazard("2026-01-10", "2026-03-31");
    l.hazard("2026-10-01", "2027-01-31");
    let s = l.store();
    let rows = s.enterprise_list(&EnterpriseFilter::default(), EnterpriseSort::OpenMajor, 50, 0).unwrap();
    assert_eq!(rows.len(), 2);
    let conn = l.conn();
    for r in &rows {
        let q = |extra: &str| -> i64 {
            conn.query_row(
                &format!(
                    "SELECT count(*) FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id
                     WHERE e.credit_code = ?1 AND h.status <> 'closed' AND {extra}"
                ),
                [&r.credit_code],
                |x| x.get(0),
            )
            .unwrap()
        };
        assert_eq!(r.open_major, q("h.grade = 'major'"), "{}", r.name);
        assert_eq!(r.overdue, q("h.deadline < '2026-11-29'"), "{}", r.name);
    }
    assert_eq!((rows[0].credit_code.as_str(), rows[0].open_major, rows[0].overdue), (CODES[0], 2, 1));
    assert_eq!(s.enterprise_count(&EnterpriseFilter { high_risk: true, ..Default::default() }).unwrap(), 1);
}

#[test]
fn search_matches_name_code_and_people() {
    let l = Ledger::new();
    let s = l.store();
    let find = |q: &str| {
        let f = EnterpriseFilter { search: Some(q.into()), ..Default::default() };
        s.enterprise_list(&f, EnterpriseSort::Name, 50, 0)
            .unwrap()
            .into_iter()
            .map(|r| r.credit_code)
            .collect::<Vec<_>>()
    };
    assert_eq!(find("柴里化工"), [CODES[1]]);
    assert_eq!(find(&CODES[0][..8].to_lowercase()), [CODES[0]], "a credit code in any case");
    assert_eq!(find("王大强").len(), 2, "the actual controller");
    assert!(find("无此企业").is_empty());
    let f = EnterpriseFilter { village: Some("柴里村".into()), ..Default::default() };
    assert_eq!(s.enterprise_count(&f).unwrap(), 1);
}

#[test]
fn adding_records_who_when_and_why_and_refuses_bad_input() {
    let l = Ledger::new();
    let mut s = l.store();
    let code = s.enterprise_add(&input(&CODES[2].to_lowercase(), "滕州市官桥新材料有限公司"), "新建企业").unwrap();
    assert_eq!(code, CODES[2], "the code is kept in upper case");
    let d = s.enterprise(CODES[2]).unwrap();
    assert_eq!((d.row.village.as_str(), d.row.principal.as_str()), ("官桥村", "刘明"));
    assert_eq!(d.events.len(), 1);
    assert_eq!((d.events[0].kind.as_str(), d.events[0].note.as_str()), ("created", "新建企业"));
    assert_eq!(d.events[0].actor, anwei::identity::os_login());
    let before = events(&l);
    let refused = |s: &mut anwei::store::Store, e: EnterpriseInput| s.enterprise_add(&e, "").unwrap_err();
    assert!(matches!(refused(&mut s, input(CODES[2], "重名")), StoreError::Exists { .. }));
    let bad = refused(&mut s, input("91350100M000100Y44", "校验位错"));
    assert!(matches!(bad, StoreError::Invalid { field: "credit_code", .. }), "{bad:?}");
    let nameless = refused(&mut s, input("91350100M000100Y43", " "));
    assert!(matches!(nameless, StoreError::Invalid { field: "enterprise_name", .. }), "{nameless:?}");
    let fresh = format!("91370481MA3C00001{}", anwei::domain::credit_code::check_char("91370481MA3C00001").unwrap());
    let nowhere = refused(&mut s, EnterpriseInput { village: "无此村".into(), ..input(&fresh, "x") });
    assert!(matches!(nowhere, StoreError::Unknown { what: "village", .. }), "{nowhere:?}");
    let long = refused(&mut s, EnterpriseInput { principal: "长".repeat(51), ..input(CODES[2], "x") });
    assert!(matches!(long, StoreError::Invalid { field: "principal", .. }), "{long:?}");
    assert_eq!(events(&l), before, "nothing refused is written");
    let msg = anwei::i18n::store_error(anwei::i18n::Lang::Zh, &bad);
    assert!(msg.contains("统一社会信用代码"), "{msg}");
}

#[test]
fn an_edit_is_one_event_per_field_and_a_stale_version_a_conflict() {
    let l = Ledger::new();
    let mut s = l.store();
    let d = s.enterprise(CODES[0]).unwrap();
    let mut e = EnterpriseInput {
        credit_code: d.row.credit_code.clone(),
        name: d.row.name.clone(),
        sector: d.row.sector.clone(),
        high_risk: d.row.high_risk,
        village: d.row.village.clone(),
        principal: d.row.principal.clone(),
        principal_phone: d.row.principal_phone.clone(),
        controller: d.row.controller.clone(),
        controller_phone: d.row.controller_phone.clone(),
        address: d.row.address.clone(),
    };
    assert!(matches!(
        s.enterprise_edit(CODES[0], Some(d.row.version), &e, "").unwrap_err(),
        StoreError::NothingChanged(_)
    ));
    e.principal = "赵刚".into();
    e.village = "柴里村".into();
    assert_eq!(s.enterprise_edit(CODES[0], Some(d.row.version), &e, "负责人变更").unwrap(), 2);
    let after = s.enterprise(CODES[0]).unwrap();
    assert_eq!((after.row.principal.as_str(), after.row.village.as_str()), ("赵刚", "柴里村"));
    assert_eq!(after.row.version, d.row.version + 1);
    let fields: Vec<_> =
        after.events.iter().map(|x| (x.field.clone().unwrap(), x.from.clone(), x.to.clone())).collect();
    assert!(fields.contains(&("principal".into(), Some("王强".into()), Some("赵刚".into()))), "{fields:?}");
    assert!(fields.contains(&("village".into(), Some("官桥村".into()), Some("柴里村".into()))), "{fields:?}");
    e.controller = "钱某".into();
    let stale = s.enterprise_edit(CODES[0], Some(d.row.version), &e, "").unwrap_err();
    match stale {
        StoreError::Conflict { version, by, .. } => {
            assert_eq!(version, Some(d.row.version + 1));
            assert_eq!(by, anwei::identity::os_login());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.enterprise(CODES[0]).unwrap().row.controller, "王大强", "the stale edit wrote nothing");
}

#[test]
fn a_viewer_may_not_add_or_edit_an_officer_may() {
    let l = Ledger::new();
    let refused = l.store_as("leader").enterprise_add(&input(CODES[2], "x"), "").unwrap_err();
    assert!(matches!(refused, StoreError::Forbidden { .. }), "{refused:?}");
    assert_eq!(events(&l), 0);
    l.store_as("zhangwei").enterprise_add(&input(CODES[2], "滕州市官桥新材料有限公司"), "").unwrap();
    assert_eq!(events(&l), 1);
    let log_is_kept = l.conn().execute("DELETE FROM enterprise_events", []);
    assert!(log_is_kept.is_err(), "the enterprise log is append-only");
}

#[test]
fn one_enterprise_whole_lists_its_hazards() {
    let l = Ledger::new();
    let code = l.hazard("2026-01-10", "2026-03-31");
    let d = l.store().enterprise("滕州市官桥鑫源机械有限公司").unwrap();
    assert_eq!(d.row.credit_code, CODES[0], "found by its exact name too");
    assert_eq!(d.hazards.iter().map(|h| h.code.clone()).collect::<Vec<_>>(), [code]);
    assert!(matches!(l.store().enterprise("无此企业").unwrap_err(), StoreError::Unknown { what: "enterprise", .. }));
}

#[test]
fn the_command_line_adds_lists_shows_and_edits() {
    let l = Ledger::new();
    let run =
        |args: &[&str]| support::binary_on(l.path()).env("ANWEI_TODAY", support::TODAY).args(args).output().unwrap();
    let ok = |args: &[&str]| {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let said = ok(&[
        "enterprise",
        "add",
        "--credit-code",
        CODES[2],
        "--name",
        "滕州市官桥新材料有限公司",
        "--sector",
        "工贸",
        "--village",
        "官桥村",
        "--principal",
        "刘明",
        "--high-risk",
        "yes",
        "--reason",
        "新建",
    ]);
    assert!(said.contains(CODES[2]), "{said}");
    let csv = ok(&["enterprise", "list", "--high-risk", "--format", "csv"]);
    assert!(csv.contains(CODES[2]) && csv.contains(CODES[1]) && !csv.contains(CODES[0]), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["enterprise", "show", CODES[2], "--format", "json"])).unwrap();
    assert_eq!(json["principal"], "刘明");
    assert_eq!(json["events"][0]["note"], "新建");
    ok(&["enterprise", "edit", "滕州市官桥新材料有限公司", "--principal", "赵刚", "--reason", "换人"]);
    let text = ok(&["enterprise", "show", CODES[2]]);
    assert!(text.contains("principal: 刘明 -> 赵刚 换人"), "{text}");
    let bad = run(&["enterprise", "add", "--credit-code", "123", "--name", "x", "--sector", "工贸"]);
    assert_eq!(bad.status.code(), Some(2), "bad input");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("credit code"), "{}", String::from_utf8_lossy(&bad.stderr));
    let stale = run(&["enterprise", "edit", CODES[2], "--address", "新址", "--version", "1"]);
    assert_eq!(stale.status.code(), Some(3), "a conflict: {}", String::from_utf8_lossy(&stale.stderr));
}

/// A name two enterprises share is refused as ambiguous, naming their codes; a credit
/// code in lower case is found.
#[test]
fn a_shared_name_is_ambiguous_and_a_code_is_found_in_any_case() {
    let l = Ledger::new();
    l.conn().execute("UPDATE enterprises SET name = '同名公司'", []).unwrap();
    let s = l.store();
    let e = s.enterprise("同名公司").unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid { field: "enterprise", value, .. } if value.contains(CODES[0]) && value.contains(CODES[1])),
        "{e:?}"
    );
    assert_eq!(s.enterprise(&CODES[0].to_lowercase()).unwrap().row.credit_code, CODES[0]);
    let mut s = l.store();
    let n = anwei::store::inspection::NewInspection {
        enterprise: "同名公司".into(),
        led_by: "王强".into(),
        ..Default::default()
    };
    assert!(matches!(s.inspection_add(&n).unwrap_err(), StoreError::Invalid { field: "enterprise", .. }));
}
