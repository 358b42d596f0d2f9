//! `anwei agenda`, `anwei calendar` and `anwei consult …` end to end: the built binary on
//! a ledger with history, every format, the screen's workflows as commands, exit statuses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::Value;
use support::consult::{consult_ledger, ok, run};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Runs a command line given as one string (no argument holds a space); expects success.
fn cmd(l: &support::Ledger, lang: &str, line: &str) -> String {
    ok(l, lang, &line.split_whitespace().collect::<Vec<_>>())
}

/// Runs a command line given as one string; returns the exit status and stderr.
fn status(l: &support::Ledger, line: &str) -> (i32, String) {
    let (code, _, err) = run(l, "en", &line.split_whitespace().collect::<Vec<_>>());
    (code, err)
}

#[test]
fn the_consultation_workflow_as_commands() {
    let l = consult_ledger();
    let out = cmd(&l, "en", "consult topic add 2026Q4 --title 冬季燃气安全 --proposal 开展专项检查");
    assert_eq!(out.trim(), "2026Q4 consultation record saved (version 2).");
    let rec = json(&cmd(&l, "en", "consult show 2026Q4 --format json"));
    let topics = rec["topics"].as_array().unwrap();
    assert_eq!(topics.len(), 9);
    let (manual, dropped) = (topics[8]["id"].as_i64().unwrap(), topics[5]["id"].as_i64().unwrap());
    cmd(&l, "en", &format!("consult topic move {manual} --to 1 --version 2"));
    let (code, err) = status(&l, &format!("consult topic move {manual} --to 2 --version 2"));
    assert_eq!(code, 3, "a stale version is a conflict: {err}");
    cmd(&l, "en", &format!("consult topic decide {manual} --decision 12月开展燃气专项检查"));
    cmd(&l, "en", &format!("consult topic drop {dropped}"));
    let line = format!(
        "consult action add 2026Q4 --title 燃气专项检查 --due 2026-12-20 --lead 应急管理办 --assignee zhangwei --topic {manual}"
    );
    assert!(cmd(&l, "en", &line).contains("action #4 saved"));
    let late = json(&cmd(&l, "en", "consult action list --state late --format json"));
    assert_eq!(late.as_array().unwrap().len(), 1);
    cmd(
        &l,
        "en",
        "consult meeting 2026Q4 --date 2026-11-28 --place 镇政府会议室 --chair 王镇长 --attendees 各成员单位",
    );
    cmd(&l, "en", "consult held 2026Q4");
    let (code, err) = status(&l, "consult topic add 2026Q4 --title 晚到的议题");
    assert!(code == 2 && err.contains("frozen"), "{err}");
    assert_eq!(status(&l, &format!("consult topic decide {manual} --decision 改")).0, 2, "a correction needs a reason");
    cmd(&l, "en", &format!("consult topic decide {manual} --decision 12月中旬开展燃气专项检查 --reason 纪要更正"));
    let text = cmd(&l, "zh", "consult show 2026Q4");
    assert!(text.contains("已召开，记录已冻结") && text.contains("更正") && text.contains("（已撤下）"), "{text}");
    assert_eq!(status(&l, "--readonly consult action done 1").0, 4);
    let md = cmd(&l, "zh", "agenda 2026Q4 --format md");
    assert!(md.contains("## 一、冬季燃气安全") && md.contains("会议议定：12月中旬开展燃气专项检查"), "{}", &md[..600]);
    assert!(md.contains("会议时间：2026年11月28日"));
    assert!(!md.contains("分村居、分行业领域情况"), "the dropped section is left out");
}

#[test]
fn the_pack_in_every_format() {
    let l = consult_ledger();
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    ok(&l, "zh", &["agenda", "2026Q4", "--format", "html", "-o", &path("a.html")]);
    let page = std::fs::read_to_string(path("a.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
    ok(&l, "zh", &["agenda", "--format", "docx", "-o", &path("a.docx")]);
    assert!(std::fs::read(path("a.docx")).unwrap().starts_with(b"PK"));
    let (code, piped, _) = run(&l, "zh", &["agenda", "--format", "docx"]);
    assert!(code == 0 && piped.starts_with(b"PK"), "a pipe takes the DOCX");
    ok(&l, "zh", &["agenda", "2026Q4", "--format", "csv", "-o", &path("annex")]);
    let mut files: Vec<String> = std::fs::read_dir(path("annex"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.first().map(String::as_str), Some("01-overall.csv"));
    assert!(files.iter().any(|f| f.ends_with("-overdue.csv")), "{files:?}");
    let overdue = files.iter().find(|f| f.ends_with("-overdue.csv")).unwrap();
    let text = std::fs::read_to_string(dir.path().join("annex").join(overdue)).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    assert_eq!(text.lines().count(), 33, "header and every overdue hazard");
    let combined = ok(&l, "zh", &["agenda", "--format", "csv"]);
    assert!(combined.starts_with('\u{FEFF}') && combined.matches('\u{FEFF}').count() == 1);
    assert!(combined.contains("逾期未整改重大事故隐患清单"));
    let j = json(&ok(&l, "en", &["agenda", "2026Q4", "--format", "json"]));
    assert_eq!(j["overall"]["this"]["open_end"]["value"], 38);
    assert_eq!(j["overall"]["this"]["open_end"]["filter"]["as_of"], "2026-11-29");
    let (_, zh, _) = run(&l, "", &["agenda", "2026Q4"]);
    assert!(
        String::from_utf8(zh).unwrap().starts_with("# 官桥镇安委会办公室 2026年第四季度"),
        "Chinese whatever LANG says"
    );
    let en = ok(&l, "en", &["agenda", "2026Q4"]);
    assert!(
        en.starts_with("# 官桥镇 Work Safety Committee Office: Consultation on major accident hazards, Q4 2026"),
        "{}",
        &en[..200]
    );
    for bad in [["agenda", "2026Q9"], ["agenda", "2027Q2"]] {
        assert_eq!(run(&l, "en", &bad).0, 2, "{bad:?}");
    }
}

#[test]
fn the_calendar_and_its_cadence() {
    let l = consult_ledger();
    let text = ok(&l, "en", &["calendar"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("14 days late") && lines[0].contains("约谈逾期隐患企业主要负责人"), "{text}");
    assert!(text.contains("in 26 days  Consultation meeting on major hazards, Q4 2026"), "{text}");
    assert!(
        text.contains("Hazard statistics for Q4 2026 due") && text.contains("Annual hazard statistics for 2026 due")
    );
    let zh = ok(&l, "zh", &["calendar"]);
    assert!(zh.contains("2026年12月25日  还有26天  召开2026年第四季度重大事故隐患会商研判会议"), "{zh}");
    let j = json(&ok(&l, "en", &["calendar", "--set", "consultation_day=20", "--format", "json"]));
    let consult = j.as_array().unwrap().iter().find(|x| x["kind"] == "consultation").unwrap().clone();
    assert_eq!((consult["date"].as_str(), consult["quarter"]["q"].as_i64()), (Some("2026-12-20"), Some(4)));
    for bad in ["bogus=1", "consultation_day", "consultation_month=9", "consultation_day=x"] {
        let (code, _, err) = run(&l, "en", &["calendar", "--set", bad]);
        assert_eq!(code, 2, "{bad}: {err}");
    }
    let overview = ok(&l, "en", &["overview"]);
    assert!(overview.contains("Coming up") && overview.contains("Consultation meeting"), "{overview}");
}
