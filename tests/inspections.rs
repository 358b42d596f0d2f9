//! Head-led inspections in the store: who led it (the principal, or who instead and why),
//! the hazards it found, its event on the enterprise, the roles, and the enterprises
//! behind by the ledger's cadence compared with a direct count.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::store::StoreError;
use anwei::store::inspection::NewInspection;
use support::{CODES, Ledger, d};

fn by_principal(enterprise: &str, date: &str) -> NewInspection {
    NewInspection {
        enterprise: enterprise.into(),
        date: Some(d(date)),
        led_by: "王强".into(),
        scope: "生产车间".into(),
        ..NewInspection::default()
    }
}

#[test]
fn an_inspection_is_recorded_with_who_led_it_and_what_it_found() {
    let l = Ledger::new();
    let code = l.hazard("2026-11-01", "2027-01-31");
    let mut s = l.store();
    let id = s
        .inspection_add(&NewInspection { hazards: vec![code.clone()], ..by_principal(CODES[0], "2026-11-20") })
        .unwrap();
    let rows = s.inspections(Some(CODES[0]), 10).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].id, rows[0].by_principal, rows[0].hazards.clone()), (id, true, vec![code.clone()]));
    assert_eq!(rows[0].actor, anwei::identity::os_login());
    let events = s.enterprise(CODES[0]).unwrap().events;
    assert_eq!(events.last().unwrap().kind, "inspection", "the enterprise's timeline has it");
    let instead = NewInspection { led_by: "副总 李四".into(), ..by_principal(CODES[0], "2026-11-21") };
    let refused = s.inspection_add(&instead).unwrap_err();
    assert!(matches!(refused, StoreError::Invalid { field: "led_by", .. }), "{refused:?}");
    s.inspection_add(&NewInspection { instead_reason: "主要负责人住院".into(), ..instead }).unwrap();
    assert!(!s.inspections(Some(CODES[0]), 10).unwrap()[0].by_principal);
    let other = NewInspection { hazards: vec![code], ..by_principal(CODES[1], "2026-11-20") };
    assert!(matches!(s.inspection_add(&other).unwrap_err(), StoreError::Invalid { field: "hazard", .. }));
    let future = s.inspection_add(&by_principal(CODES[0], "2026-12-30")).unwrap_err();
    assert!(matches!(future, StoreError::Invalid { field: "date", .. }), "{future:?}");
    assert_eq!(s.inspections(None, 10).unwrap().len(), 2, "nothing refused was written");
    assert!(l.conn().execute("DELETE FROM inspections", []).is_err(), "an inspection stays as recorded");
    assert!(l.conn().execute("DELETE FROM inspection_hazards", []).is_err(), "and so do the hazards it found");
}

#[test]
fn a_viewer_may_not_record_one() {
    let l = Ledger::new();
    let refused = l.store_as("leader").inspection_add(&by_principal(CODES[0], "2026-11-20")).unwrap_err();
    assert!(matches!(refused, StoreError::Forbidden { .. }));
    l.store_as("zhangwei").inspection_add(&by_principal(CODES[0], "2026-11-20")).unwrap();
}

#[test]
fn the_enterprises_behind_follow_the_cadence_of_their_sector() {
    let l = Ledger::new();
    let mut s = l.store();
    // 工贸 (ordinary, quarterly): inspected 2026-09-15, due 2026-12-15: not behind
    s.inspection_add(&by_principal(CODES[0], "2026-09-15")).unwrap();
    // 危化品 (high risk, monthly): inspected 2026-10-01, due 2026-11-01: 28 days late
    s.inspection_add(&NewInspection {
        led_by: "王强".into(),
        instead_reason: "代".into(),
        ..by_principal(CODES[1], "2026-10-01")
    })
    .unwrap();
    let behind = s.inspection_arrears(100).unwrap();
    assert_eq!(
        behind.iter().map(|a| (a.credit_code.as_str(), a.days_late)).collect::<Vec<_>>(),
        [(CODES[1], Some(28))]
    );
    // a quarterly rule for 工贸 shortened to a month puts it behind too
    s.set_setting("inspection_months", "1,1", "").unwrap();
    let behind = s.inspection_arrears(100).unwrap();
    assert_eq!(behind.len(), 2);
    let direct: i64 = l
        .conn()
        .query_row(
            "SELECT count(*) FROM enterprises e WHERE COALESCE((SELECT date(MAX(inspected_on), '+1 month')
               FROM inspections i WHERE i.enterprise_id = e.id), '0000') < '2026-11-29'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(behind.len() as i64, direct);
    assert_eq!(s.inspections_behind().unwrap(), direct);
}

/// Behind by the cutoff (last < today - months) agrees with behind by the due day
/// (last + months < today) on every day around the ends of months.
#[test]
fn the_cutoff_agrees_with_the_due_day_at_the_ends_of_months() {
    let l = Ledger::new();
    let mut s = l.store();
    s.inspection_add(&by_principal(CODES[0], "2026-08-31")).unwrap();
    s.inspection_add(&NewInspection { instead_reason: "代".into(), ..by_principal(CODES[1], "2026-11-29") }).unwrap();
    drop(s);
    for offset in 0..120 {
        let today = d("2026-11-29") + chrono::Duration::days(offset);
        let s = anwei::store::Store::open(
            l.path(),
            anwei::store::Actor::new(anwei::identity::os_login()),
            anwei::clock::Clock::fixed(today),
        )
        .unwrap();
        let months = [(CODES[0], "2026-08-31", 3), (CODES[1], "2026-11-29", 1)];
        let want: Vec<&str> = months
            .iter()
            .filter(|(_, last, m)| d(last).checked_add_months(chrono::Months::new(*m)).unwrap() < today)
            .map(|(c, _, _)| *c)
            .collect();
        let mut got: Vec<String> = s.inspection_arrears(10).unwrap().into_iter().map(|a| a.credit_code).collect();
        got.sort();
        let mut want: Vec<String> = want.into_iter().map(str::to_string).collect();
        want.sort();
        assert_eq!(got, want, "on {today}");
        assert_eq!(s.inspections_behind().unwrap(), want.len() as i64, "on {today}");
    }
}

#[test]
fn the_command_line_records_and_lists_the_enterprises_behind() {
    let l = Ledger::new();
    let run =
        |args: &[&str]| support::binary_on(l.path()).env("ANWEI_TODAY", support::TODAY).args(args).output().unwrap();
    let out = run(&["inspection", "add", CODES[1], "--date", "2026-10-01", "--led-by", "王强", "--scope", "罐区"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let refused = run(&["inspection", "add", CODES[0], "--led-by", "李四"]);
    assert_eq!(refused.status.code(), Some(2), "not the principal and no reason");
    let csv = String::from_utf8(run(&["inspection", "list", "--overdue", "--format", "csv"]).stdout).unwrap();
    assert!(csv.contains(&format!("{},", CODES[1])) && csv.contains(",28"), "{csv}");
    assert!(csv.contains(CODES[0]), "never inspected: {csv}");
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["inspection", "list", "--format", "json"]).stdout).unwrap();
    assert_eq!(json[0]["scope"], "罐区");
}

/// `anwei import inspections`: all or nothing, every bad row named by line and column,
/// the principal or the reason, hazards only the enterprise's; and back out by export.
#[test]
fn inspections_are_imported_all_or_nothing_and_exported_again() {
    let l = Ledger::new();
    let code = l.hazard("2026-11-01", "2027-01-31");
    let run =
        |args: &[&str]| support::binary_on(l.path()).env("ANWEI_TODAY", support::TODAY).args(args).output().unwrap();
    let file = l.path().parent().unwrap().join("检查.csv");
    let bad = format!(
        "企业,检查日期,带队人,非主要负责人带队原因,检查范围,发现隐患\n\
         {c0},2026-11-02,王强,,生产车间,{code}\n\
         {c1},2026-11-03,李四,,罐区,\n\
         {c1},2026-12-30,王强,,罐区,{code}\n",
        c0 = CODES[0],
        c1 = CODES[1]
    );
    std::fs::write(&file, bad).unwrap();
    let out = run(&["import", "inspections", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(":3: column 带队人: 李四 is not the principal"), "{err}");
    assert!(err.contains(":4: column 检查日期"), "{err}");
    assert!(l.store().inspections(None, 10).unwrap().is_empty(), "nothing imported");
    let good = format!(
        "企业,检查日期,带队人,非主要负责人带队原因,检查范围,发现隐患\n\
         {c0},2026-11-02,王强,,生产车间,{code}\n\
         滕州市柴里化工有限公司,2026-11-03,李四,主要负责人外出,罐区,\n",
        c0 = CODES[0]
    );
    std::fs::write(&file, good).unwrap();
    let out = run(&["import", "inspections", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows = l.store().inspections(None, 10).unwrap();
    assert_eq!(rows.len(), 2);
    let again = run(&["import", "inspections", file.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "the same inspections twice");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has this inspection"));
    assert!(rows.iter().any(|r| r.hazards == [code.clone()] && r.by_principal));
    assert!(rows.iter().any(|r| !r.by_principal && r.instead_reason == "主要负责人外出"));
    let out = run(&["export", "inspections", "--format", "csv"]);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains(&format!("{},2026-11-02,王强,,生产车间,", CODES[0])), "{csv}");
}
