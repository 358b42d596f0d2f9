//! Files as they arrive: UTF-8, UTF-8 with BOM, GBK, XLSX, and every date form.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::support::*;

/// The enterprise fixture with its second data row (line 3) given a bad check character.
fn with_bad_line_3() -> String {
    let good = credit_code(2);
    let bad = format!("{}{}", &good[..17], if good.ends_with('0') { '1' } else { '0' });
    enterprises_csv().replace(&good, &bad)
}

#[test]
fn one_bad_row_in_each_encoding_imports_nothing() {
    let text = with_bad_line_3();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    for (name, bytes) in [("utf8.csv", text.as_bytes()), ("bom.csv", &bom), ("gbk.csv", &gbk)] {
        let l = Ledger::new();
        let file = l.file(name, bytes);
        let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
        assert_eq!(r.code, 2, "{name}: {}", r.stderr);
        let expected = format!("{}:3: column 统一社会信用代码: wrong check character (GB 32100-2015)", shown(&file));
        assert!(r.stderr.contains(&expected), "{name}: {}", r.stderr);
        assert_eq!(r.stderr.matches(": column ").count(), 1, "{}", r.stderr);
        assert_eq!(l.enterprise_count(), 0, "{name}");
    }
}

#[test]
fn chinese_messages_name_the_same_place() {
    let l = Ledger::new();
    let file = l.file("e.csv", with_bad_line_3().as_bytes());
    let r = l.run_in("zh", &["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(&format!("{}:3: 列“统一社会信用代码”：校验码错误", shown(&file))), "{}", r.stderr);
    assert!(r.stderr.contains("未导入任何数据"), "{}", r.stderr);
}

#[test]
fn every_good_date_form_reads_as_the_same_day() {
    let l = Ledger::with_enterprises();
    let forms = ["2024-03-12", "2024/3/12", "2024.03.12", "2024年3月12日", "45363"];
    let mut csv = vec![HAZARD_HEADER.to_string()];
    for (i, f) in forms.iter().enumerate() {
        csv.push(hazard_line(&format!("D-{i}"), "官桥化工有限公司", "t", f, "2026年12月31日"));
    }
    let r = l.import_hazards("dates.csv", &csv.join("\n"), &["--allow-duplicates"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for h in l.hazards() {
        assert_eq!((h.discovered_on.as_str(), h.deadline.as_str()), ("2024-03-12", "2026-12-31"), "{}", h.code);
    }
}

#[test]
fn bad_dates_are_each_reported() {
    let l = Ledger::with_enterprises();
    // the last is after today: the real today, as a write is dated whatever ANWEI_TODAY says
    let forms = ["2024-13-01", "2024/2/30", "12/03/2024", "昨天", "2024", "2099-12-01"];
    let mut csv = vec![HAZARD_HEADER.to_string()];
    for (i, f) in forms.iter().enumerate() {
        csv.push(hazard_line(&format!("D-{i}"), "官桥化工有限公司", "t", f, "2026-12-31"));
    }
    csv.push(hazard_line("D-9", "官桥化工有限公司", "t", "2026-11-01", "2026-10-31"));
    let r = l.import_hazards("dates.csv", &csv.join("\n"), &["--allow-duplicates"]);
    assert_eq!(r.code, 2);
    for (i, f) in forms.iter().take(5).enumerate() {
        let line = format!("dates.csv:{}: column discovered_on: \"{f}\" is not a date", i + 2);
        assert!(r.stderr.contains(&line), "{line}\n{}", r.stderr);
    }
    assert!(r.stderr.contains("dates.csv:7: column discovered_on: 2099-12-01 is after today ("), "{}", r.stderr);
    assert!(r.stderr.contains("dates.csv:8: column deadline: deadline 2026-10-31 is before the discovery date"));
    assert!(r.stderr.contains("7 bad row(s)"), "{}", r.stderr);
    assert!(l.hazards().is_empty());
}

/// Writes the hazards workbook: a real date cell, a serial number, and a bad row 4.
fn hazards_workbook(path: &std::path::Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let header = ["隐患编号", "企业", "隐患名称", "等级", "来源", "发现日期", "整改期限"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [("X-1", credit_code(1)), ("X-2", "官桥冷链物流".to_string()), ("X-3", "不存在的企业".to_string())];
    for (r, (code, enterprise)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in [*code, enterprise.as_str(), "液氨储罐未设置紧急切断", "重大", "督导检查"].iter().enumerate()
        {
            sheet.write_string(r, c as u16, *v).unwrap();
        }
        sheet.write_datetime_with_format(r, 5, ExcelDateTime::from_ymd(2025, 7, 1).unwrap(), &date).unwrap();
        sheet.write_number(r, 6, 46387.0).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn xlsx_import_reads_date_cells_and_serials() {
    let l = Ledger::with_enterprises();
    let file = l.path("hazards.xlsx");
    hazards_workbook(&file);
    let r = l.run(&["import", "hazards", file.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    let expected = format!("{}:4: column 企业: no enterprise with credit code or name \"不存在的企业\"", shown(&file));
    assert!(r.stderr.contains(&expected), "{}", r.stderr);
    let r = l.run(&["import", "hazards", file.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let h = l.hazards();
    assert_eq!(h.len(), 2);
    assert_eq!((h[1].code.as_str(), h[1].enterprise_name.as_str()), ("X-2", "官桥冷链物流"));
    assert_eq!((h[1].discovered_on.as_str(), h[1].deadline.as_str()), ("2025-07-01", "2026-12-31"));
    assert!(l.path("hazards.xlsx.rejects.csv").exists());
}

#[test]
fn xlsx_enterprises_with_numbers_for_phones() {
    let l = Ledger::new();
    let file = l.path("e.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["credit_code", "name", "sector", "principal_phone"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [credit_code(7).as_str(), "官桥建筑公司", "建筑施工"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    sheet.write_number(1, 3, 13912345678.0).unwrap();
    book.save(&file).unwrap();
    let r = l.run(&["import", "enterprises", file.to_str().unwrap(), "--create-units"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(l.store().export_enterprises().unwrap()[0].principal_phone, "13912345678");
}
