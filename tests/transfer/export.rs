//! Exports that Excel opens safely, JSON with identifiers, and export → import round trips.

use calamine::{Data, Reader, open_workbook_auto};

use super::support::*;
use anwei::identity::os_login;

/// A ledger with enterprises and three hazards: registered (with a formula-like title),
/// rectifying with its plan, and verifying with an assignee.
fn busy_ledger() -> Ledger {
    let l = Ledger::with_enterprises();
    let me = os_login();
    let csv = format!(
        "code,enterprise,title,description,grade,sector,standard_ref,source,discovered_on,deadline,owner,assignee,\
         status,plan_responsible,plan_measures,plan_funds,plan_deadline,plan_contingency\n\
         ,官桥化工有限公司,\"=cmd|' /C calc'!A0\",-2 储罐,重大,,应急管理部令第10号 第三条(一),企业自查,2023-06-01,2024-06-30,应急管理办,,,,,,,\n\
         ,{c2},除尘系统未接地,\"多行\n描述\",一般,粉尘涉爆,,督导检查,2026-03-01,2026-12-31,,{me},整改中,,,,,\n\
         GQ-2026-0100,{c3},液氨管道腐蚀,,重大,,,群众举报,2026-05-01,2026-11-30,市场监管所,{me},待核验,王五,更换管道,5万元,2026-11-30,停用\n",
        c2 = credit_code(2),
        c3 = credit_code(3),
    );
    let r = l.import_hazards("seed.csv", &csv, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    l
}

#[test]
fn csv_export_has_a_bom_and_neutralised_cells() {
    let l = busy_ledger();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_anwei"))
        .args(["--db", l.db.to_str().unwrap(), "--lang", "en", "export", "hazards"])
        .env("ANWEI_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("\u{FEFF}code,enterprise,title,description,grade"), "{text}");
    assert!(text.contains(",'=cmd|' /C calc'!A0,'-2 储罐,"), "{text}");
    assert!(!text.contains(",=cmd"), "{text}");
}

#[test]
fn xlsx_export_opens_with_calamine() {
    let l = busy_ledger();
    let file = l.path("ledger.xlsx");
    let r = l.run_in("zh", &["export", "hazards", "--format", "xlsx", "-o", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("已写出 3 行"), "{}", r.stdout);
    let mut book = open_workbook_auto(&file).unwrap();
    assert_eq!(book.sheet_names(), ["隐患台账"]);
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0][0], Data::String("隐患编号".into()));
    assert_eq!(rows[0][1], Data::String("企业".into()));
    // text stays text: no formula, no neutralising quote
    assert_eq!(rows[1][2], Data::String("=cmd|' /C calc'!A0".into()));
    assert_eq!(rows[1][4], Data::String("重大".into()));
    assert_eq!(rows[3][0], Data::String("GQ-2026-0100".into()));
}

#[test]
fn xlsx_needs_an_output_file() {
    let l = Ledger::new();
    let r = l.run(&["export", "hazards", "--format", "xlsx"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("-o FILE"), "{}", r.stderr);
}

#[test]
fn json_export_keeps_identifiers() {
    let l = busy_ledger();
    let r = l.run_in("zh", &["export", "hazards", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[1]["grade"], "general");
    assert_eq!(v[1]["status"], "rectifying");
    assert_eq!(v[2]["source"], "public_report");
    assert_eq!(v[2]["plan_funds"], "5万元");
    let r = l.run(&["export", "timeline", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[2]["code"], "GQ-2026-0100");
    assert_eq!((v[2]["kind"].as_str(), v[2]["to"].as_str()), (Some("imported"), Some("verifying")));
    let r = l.run(&["export", "enterprises", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["high_risk"], true);
}

#[test]
fn timeline_csv_has_headers_in_the_language() {
    let l = busy_ledger();
    let file = l.path("t.csv");
    let r = l.run_in("zh", &["export", "timeline", "-o", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("\u{FEFF}隐患编号,时间,操作人,事件,字段,原值,新值,说明"), "{text}");
    assert_eq!(text.matches(",imported,status,,").count(), 3, "{text}");
}

#[test]
fn exports_reimport_into_an_empty_ledger() {
    let a = busy_ledger();
    for (lang, format) in [("zh", "csv"), ("en", "csv"), ("zh", "xlsx")] {
        let e_file = a.path(&format!("enterprises-{lang}.{format}"));
        let h_file = a.path(&format!("hazards-{lang}.{format}"));
        for (kind, file) in [("enterprises", &e_file), ("hazards", &h_file)] {
            let r = a.run_in(lang, &["export", kind, "--format", format, "-o", file.to_str().unwrap()]);
            assert_eq!(r.code, 0, "{}", r.stderr);
        }
        let b = Ledger::new();
        for (kind, file) in [("enterprises", &e_file), ("hazards", &h_file)] {
            let r = b.run_in(lang, &["import", kind, file.to_str().unwrap(), "--create-units"]);
            assert_eq!(r.code, 0, "{lang} {format} {kind}: {}", r.stderr);
        }
        assert_eq!(b.store().export_enterprises().unwrap(), a.store().export_enterprises().unwrap());
        assert_eq!(b.hazards(), a.hazards(), "{lang} {format}");
        assert_eq!(b.run(&["check"]).code, 0);
    }
}
