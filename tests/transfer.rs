//! `anwei import` and `anwei export` end to end: the built binary on temporary ledgers,
//! with CSV (UTF-8, BOM, GBK) and XLSX fixtures made inside the tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "transfer/encodings.rs"]
mod encodings;
#[path = "transfer/export.rs"]
mod export;
#[path = "transfer/rules.rs"]
mod rules;
#[path = "transfer/support.rs"]
mod support;

use anwei::domain::{Role, Status};
use anwei::identity::os_login;
use support::*;

#[test]
fn good_import_fills_the_ledger_and_its_timeline() {
    let l = Ledger::with_enterprises();
    assert_eq!(l.enterprise_count(), 3);
    let csv = [
        HAZARD_HEADER.to_string(),
        hazard_line("", &credit_code(1), "储罐区未设置泄漏报警", "2024-03-12", "2024-06-30"),
        hazard_line("GQ-2026-0100", "官桥粉末冶金厂", "除尘系统未接地", "2026-11-01", "2026-12-31"),
    ]
    .join("\n");
    let r = l.import_hazards("hazards.csv", &csv, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Imported 2 hazard(s)"), "{}", r.stdout);
    let hazards = l.hazards();
    assert_eq!(hazards.iter().map(|h| h.code.as_str()).collect::<Vec<_>>(), ["GQ-2024-0001", "GQ-2026-0100"]);
    assert_eq!(hazards[0].village, "官桥村");
    assert_eq!(hazards[1].sector, "粉尘涉爆");
    assert_eq!(hazards[0].owner, "应急管理办");
    let d = l.store().detail("GQ-2024-0001").unwrap();
    let e = &d.timeline[0];
    assert_eq!((e.kind.as_str(), e.field.as_deref()), ("imported", Some("status")));
    assert_eq!((e.from.as_deref(), e.to.as_deref()), (Some(""), Some("registered")));
    assert_eq!(e.actor, os_login());
    assert!(e.note.contains("hazards.csv"), "{}", e.note);
    assert_eq!(l.run(&["check"]).code, 0);
}

#[test]
fn enterprise_import_creates_villages_and_departments() {
    let l = Ledger::with_enterprises();
    let e = l.store().export_enterprises().unwrap();
    assert_eq!((e[0].village.as_str(), e[0].department.as_str(), e[0].high_risk), ("官桥村", "应急管理办", true));
    assert_eq!((e[1].controller.as_str(), e[1].high_risk), ("", false));
    assert_eq!(e[2].department, "市场监管所");
}

#[test]
fn an_officer_or_a_viewer_is_refused() {
    let l = Ledger::new();
    let file = l.file("e.csv", enterprises_csv().as_bytes());
    let r = l.run(&["--readonly", "import", "enterprises", file.to_str().unwrap()]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    l.store().staff_add(&os_login(), "", Role::Officer, None).unwrap();
    let r = l.run(&["import", "enterprises", file.to_str().unwrap()]);
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("may not import"), "{}", r.stderr);
    assert_eq!(l.enterprise_count(), 0);
}

#[test]
fn statuses_beyond_registered_pass_the_gates_or_are_refused() {
    let l = Ledger::with_enterprises();
    let header = format!("{HAZARD_HEADER},plan_responsible,plan_measures,plan_funds,plan_deadline,plan_contingency");
    let rows = |status: &str| {
        let full = hazard_line("A-1", "官桥化工有限公司", "t1", "2026-01-05", "2026-12-31");
        let empty = hazard_line("A-2", "官桥化工有限公司", "t2", "2026-01-05", "2026-12-31");
        format!("{header}\n{full}{status},张三,更换报警器,2万元,2026-12-31,停用储罐\n{empty}{status},,,,,\n")
    };
    let r = l.import_hazards("h.csv", &rows("整改中"), &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("h.csv:3: column status: The five-part plan still misses"), "{}", r.stderr);
    assert!(!r.stderr.contains("h.csv:2:"), "{}", r.stderr);
    let r = l.import_hazards("h.csv", &rows("closed"), &[]);
    assert!(r.stderr.contains("h.csv:2: column status: closed hazards cannot be imported"), "{}", r.stderr);
    let r = l.import_hazards("h.csv", &rows("verifying"), &["--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let h = l.hazards();
    assert_eq!((h.len(), h[0].status), (1, Status::Verifying));
    assert_eq!(l.run(&["check"]).code, 0);
}

/// The size of a large county's backlog: run with
/// `cargo test --release --test transfer -- --ignored --nocapture`.
#[test]
#[ignore]
fn import_of_100k_hazards_measured() {
    let l = Ledger::new();
    let mut enterprises = String::from("credit_code,name,sector,village,department\n");
    for i in 0..1000 {
        enterprises.push_str(&format!("{},企业{i},工贸,村{},应急管理办\n", credit_code(i), i % 20));
    }
    let file = l.file("e.csv", enterprises.as_bytes());
    assert_eq!(l.run(&["import", "enterprises", file.to_str().unwrap()]).code, 0);
    let mut hazards = String::from("enterprise,title,description,grade,source,discovered_on,deadline,owner\n");
    for i in 0..100_000u32 {
        let (month, day) = (i % 12 + 1, i % 28 + 1);
        hazards.push_str(&format!(
            "{},隐患{i},描述{i},重大,企业自查,2025/{month}/{day},2026-12-31,应急管理办\n",
            credit_code(i % 1000)
        ));
    }
    let file = l.file("h.csv", hazards.as_bytes());
    let started = std::time::Instant::now();
    let r = l.run(&["import", "hazards", file.to_str().unwrap()]);
    let took = started.elapsed();
    assert_eq!(r.code, 0, "{}", r.stderr);
    println!("import hazards, 100,000 rows: {took:.2?}");
    assert_eq!(l.hazards().len(), 100_000);
}
