//! The checks of each row, all-or-nothing, --skip-bad and --dry-run.

use super::support::*;

#[test]
fn credit_codes_are_checked_and_duplicates_found() {
    let l = Ledger::with_enterprises();
    let csv = format!(
        "credit_code,name,sector\n{},新企业甲,工贸\n91350100MA000000,新企业乙,工贸\n91350100MA000000IO,新企业丙,工贸\n\
         {},新企业丁,工贸\n{},新企业戊,工贸\n{},官桥化工有限公司,工贸\n",
        credit_code(10),
        credit_code(10),
        credit_code(1),
        credit_code(11)
    );
    let file = l.file("e.csv", csv.as_bytes());
    let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
    assert_eq!(r.code, 2);
    for expected in [
        "e.csv:3: column credit_code: a credit code has 18 characters, this one 16",
        "e.csv:4: column credit_code: \"I\" is not allowed in a credit code",
        &format!("e.csv:5: column credit_code: \"{}\" is already on line 2", credit_code(10)),
        &format!("e.csv:6: column credit_code: \"{}\" is already in the ledger", credit_code(1)),
        "e.csv:7: column name: \"官桥化工有限公司\" is already in the ledger",
    ] {
        assert!(r.stderr.contains(expected), "{expected}\n{}", r.stderr);
    }
    assert_eq!(l.enterprise_count(), 3);
}

#[test]
fn hazard_codes_must_be_new_in_the_file_and_the_ledger() {
    let l = Ledger::with_enterprises();
    let first =
        [HAZARD_HEADER.to_string(), hazard_line("GQ-2026-0001", "官桥化工有限公司", "t", "2026-01-02", "2026-12-31")];
    assert_eq!(l.import_hazards("a.csv", &first.join("\n"), &[]).code, 0);
    let csv = [
        HAZARD_HEADER.to_string(),
        hazard_line("GQ-2026-0002", "官桥化工有限公司", "t", "2026-01-02", "2026-12-31"),
        hazard_line("GQ-2026-0002", "官桥化工有限公司", "t", "2026-01-02", "2026-12-31"),
        hazard_line("GQ-2026-0001", "官桥化工有限公司", "t", "2026-01-02", "2026-12-31"),
        // without a code: numbered past the codes the file and the ledger hold
        hazard_line("", "官桥化工有限公司", "t", "2026-01-02", "2026-12-31"),
    ];
    let r = l.import_hazards("b.csv", &csv.join("\n"), &["--allow-duplicates"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("b.csv:3: column code: \"GQ-2026-0002\" is already on line 2"), "{}", r.stderr);
    assert!(r.stderr.contains("b.csv:4: column code: \"GQ-2026-0001\" is already in the ledger"), "{}", r.stderr);
    let r = l.import_hazards("b.csv", &csv.join("\n"), &["--skip-bad", "--allow-duplicates"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let codes: Vec<String> = l.hazards().into_iter().map(|h| h.code).collect();
    assert_eq!(codes, ["GQ-2026-0001", "GQ-2026-0002", "GQ-2026-0003"]);
}

#[test]
fn unknown_enterprise_owner_and_assignee_are_errors() {
    let l = Ledger::with_enterprises();
    let csv = "enterprise,title,grade,source,discovered_on,deadline,owner,assignee\n\
               官桥化工,t,major,inspection,2026-01-02,2026-12-31,,\n\
               官桥化工有限公司,t,major,inspection,2026-01-02,2026-12-31,安监站,nobody\n";
    let r = l.import_hazards("h.csv", csv, &[]);
    assert_eq!(r.code, 2);
    for expected in [
        "h.csv:2: column enterprise: no enterprise with credit code or name \"官桥化工\" in the ledger",
        "h.csv:3: column owner: no department named \"安监站\"",
        "h.csv:3: column assignee: no staff member with login \"nobody\"",
    ] {
        assert!(r.stderr.contains(expected), "{expected}\n{}", r.stderr);
    }
    assert!(l.hazards().is_empty());
}

#[test]
fn missing_columns_are_named_at_once() {
    let l = Ledger::with_enterprises();
    let r = l.import_hazards("h.csv", "企业,隐患名称,备注\nx,y,z\n", &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "h.csv: row 1, taken as the header, is missing required columns: grade, source, discovered_on, deadline"
        ),
        "{}",
        r.stderr
    );
    let r = l.run_in("zh", &["import", "hazards", l.path("h.csv").to_str().unwrap()]);
    assert!(r.stderr.contains("缺少必填列：等级 (grade), 来源 (source)"), "{}", r.stderr);
}

#[test]
fn skip_bad_imports_the_good_rows_and_writes_the_rejects() {
    let l = Ledger::with_enterprises();
    let csv = [
        HAZARD_HEADER.to_string(),
        hazard_line("", "官桥化工有限公司", "=cmd|' /C calc'!A0", "2026-01-02", "2026-12-31"),
        hazard_line("", "无名企业", "泄漏", "2026-01-02", "2026-12-31"),
    ]
    .join("\n");
    let r = l.import_hazards("h.csv", &csv, &["--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("h.csv:3: column enterprise"), "{}", r.stderr);
    assert!(r.stderr.contains("1 row(s) rejected"), "{}", r.stderr);
    assert_eq!(l.hazards().len(), 1);
    let rejects = std::fs::read(l.path("h.csv.rejects.csv")).unwrap();
    assert!(rejects.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(rejects).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("\u{FEFF}{HAZARD_HEADER},reason"));
    assert!(lines[1].starts_with(",无名企业,泄漏,重大,企业自查,2026-01-02,2026-12-31,应急管理办,,"), "{}", lines[1]);
    assert!(lines[1].contains("enterprise: no enterprise"), "{}", lines[1]);
    assert_eq!(lines.len(), 2);
    // a chosen rejects file
    let other = l.path("out.csv");
    let r = l.import_hazards("h.csv", &csv, &["--skip-bad", "--rejects", other.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(other.exists());
}

#[test]
fn dry_run_checks_and_writes_nothing() {
    let l = Ledger::new();
    let file = l.file("e.csv", enterprises_csv().as_bytes());
    let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--dry-run", "--create-units"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Dry run: 3 enterprise(s)"), "{}", r.stdout);
    assert!(r.stdout.contains("官桥村, 应急管理办, 石门村, 市场监管所"), "{}", r.stdout);
    assert_eq!(l.enterprise_count(), 0);
    let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // the dry run created no units: the real import creates them all
    assert!(r.stdout.contains("官桥村, 应急管理办, 石门村, 市场监管所"), "{}", r.stdout);
    // a dry run of hazards takes no numbers from the sequence
    let csv =
        [HAZARD_HEADER.to_string(), hazard_line("", "官桥化工有限公司", "t", "2026-01-02", "2026-12-31")].join("\n");
    let r = l.import_hazards("h.csv", &csv, &["--dry-run", "--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(l.hazards().is_empty());
    assert!(!l.path("h.csv.rejects.csv").exists());
    assert_eq!(l.import_hazards("h.csv", &csv, &[]).code, 0);
    assert_eq!(l.hazards()[0].code, "GQ-2026-0001");
}

#[test]
fn unreadable_files_say_why() {
    let l = Ledger::new();
    let r = l.run(&["import", "enterprises", l.file("e.pdf", b"%PDF").to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unsupported file type"), "{}", r.stderr);
    let r = l.run(&["import", "enterprises", l.file("e.csv", b"\xFF\xFE\xFF").to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("neither UTF-8 text (not from line 1) nor GBK text (not from line 1)"), "{}", r.stderr);
    let r = l.run(&["import", "enterprises", l.path("missing.csv").to_str().unwrap()]);
    assert_eq!(r.code, 1);
}

#[test]
fn a_sector_outside_the_catalogue_is_refused_even_when_units_may_be_created() {
    let l = Ledger::new();
    let csv = enterprises_csv().replace("涉氨制冷", "火星采矿");
    let file = l.file("e.csv", csv.as_bytes());
    let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("e.csv:4: column 行业领域: \"火星采矿\" is neither a sector"), "{}", r.stderr);
    assert_eq!(l.enterprise_count(), 0, "nothing imported");
}
