//! The command line end to end: the built binary on a temp ledger, exit statuses,
//! formats and messages in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::process::{Command, Output};

use support::*;

fn anwei(l: &Ledger, args: &[&str]) -> Output {
    binary_on(l.path()).args(args).env("ANWEI_TODAY", TODAY).output().unwrap()
}

fn ok(l: &Ledger, args: &[&str]) -> String {
    let out = anwei(l, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn fails(l: &Ledger, args: &[&str], code: i32) -> String {
    let out = anwei(l, args);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8(out.stderr).unwrap()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn init_creates_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let run = |args: &[&str]| at(&db, args);
    let out = run(&["init", "--org", "官桥镇"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("is its admin"));
    let again = run(&["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let bad = run(&["init", "--code-prefix", "G Q"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_missing_database_is_not_created_by_reading() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = at(&db, &["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("anwei init"));
    assert!(!db.exists());
}

#[test]
fn the_story_of_one_hazard() {
    let l = Ledger::new();
    let code = l.hazard("2026-05-01", "2026-09-30");
    let listed = json(&ok(&l, &["list", "--overdue", "--format", "json"]));
    let row = &listed[0];
    for key in [
        "code",
        "title",
        "enterprise",
        "village",
        "sector",
        "source",
        "grade",
        "status",
        "discovered_on",
        "deadline",
        "days_overdue",
        "escalation_level",
        "recommended_level",
        "assignee",
        "version",
    ] {
        assert!(row.get(key).is_some(), "list JSON lacks {key}");
    }
    assert_eq!(row["days_overdue"], 60);
    assert_eq!(row["recommended_level"], 4);
    let esc = ok(&l, &["escalate", &code, "--note", "逾期未整改"]);
    assert!(esc.contains("官安函〔2026〕1号"), "{esc}");
    ok(&l, &["assign", &code, "--to", "zhangwei"]);
    let plan = [
        "--responsible",
        "王强",
        "--measures",
        "改造",
        "--funds",
        "20万元",
        "--deadline",
        "2026-12-31",
        "--contingency",
        "停用",
    ];
    let out = ok(&l, &[&["plan", code.as_str()][..], &plan].concat());
    assert!(out.contains("rectifying"), "{out}");
    ok(&l, &["progress", &code, "--note", "设备已订购"]);
    ok(&l, &["submit", &code, "--note", "整改完成"]);
    ok(&l, &["notify", &code, "--to", "principal", "--channel", "书面"]);
    ok(&l, &["verify", &code, "--role", "regulator", "--name", "刘监管", "--pass"]);
    ok(
        &l,
        &[
            "verify",
            &code,
            "--role",
            "expert",
            "--name",
            "赵专家",
            "--org",
            "专家库",
            "--pass",
            "--opinion",
            "符合要求",
        ],
    );
    let last = ok(&l, &["verify", &code, "--role", "enterprise", "--name", "王强", "--pass"]);
    assert!(last.contains("closed"), "{last}");
    let shown = json(&ok(&l, &["show", &code, "--format", "json"]));
    assert_eq!(shown["status"], "closed");
    for key in ["plan", "verifications", "escalations", "notifications", "timeline"] {
        assert!(shown.get(key).is_some(), "show JSON lacks {key}");
    }
    assert_eq!(shown["verifications"].as_array().unwrap().len(), 3);
    assert_eq!(shown["escalations"][0]["doc_no"], "官安函〔2026〕1号");
    let ev = &shown["timeline"][0];
    for key in ["at", "actor", "kind", "note"] {
        assert!(ev.get(key).is_some(), "timeline event lacks {key}");
    }
    let text = ok(&l, &["show", &code]);
    assert!(text.contains("Timeline") && text.contains("王大强"), "{text}");
    assert!(ok(&l, &["check"]).contains("Check passed"));
}

#[test]
fn bad_input_says_what_and_where() {
    let l = Ledger::new();
    let code = l.hazard("2026-05-01", "2026-09-30");
    assert!(fails(&l, &["show", "GQ-1900-0001"], 2).contains("GQ-1900-0001"));
    assert!(fails(&l, &["list", "--status", "done"], 2).contains("--status"));
    assert!(fails(&l, &["extend", &code, "--deadline", "2026-13-01", "--reason", "x"], 2).contains("--deadline"));
    assert!(fails(&l, &["verify", &code, "--role", "boss", "--name", "x", "--pass"], 2).contains("regulator"));
    fails(&l, &["verify", &code, "--role", "expert", "--name", "x"], 2);
    assert!(fails(&l, &["submit", &code], 2).contains("registered"));
    assert!(fails(&l, &["escalate", &code, "--level", "banish"], 2).contains("--level"));
    fails(&l, &["frobnicate"], 2);
}

#[test]
fn conflicts_and_refusals_have_their_exit_status() {
    let l = Ledger::new();
    let code = l.hazard("2026-05-01", "2026-09-30");
    ok(&l, &["progress", &code, "--note", "到场", "--version", "1"]);
    let msg = fails(&l, &["progress", &code, "--note", "再到场", "--version", "1"], 3);
    assert!(msg.contains("was changed by"), "{msg}");
    let msg = fails(&l, &["--readonly", "escalate", &code], 4);
    assert!(msg.contains("viewer"), "{msg}");
    assert_eq!(json(&ok(&l, &["show", &code, "--format", "json"]))["escalation_level"], 0);
}

#[test]
fn messages_follow_the_language() {
    let l = Ledger::new();
    let out = Command::new(env!("CARGO_BIN_EXE_anwei"))
        .args(["--db", l.path().to_str().unwrap(), "--lang", "zh", "show", "GQ-1900-0001"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有编号为 GQ-1900-0001 的隐患"));
    let who = ok(&l, &["whoami"]);
    assert!(who.contains("admin"), "{who}");
}

#[test]
fn csv_list_opens_in_excel_and_overview_json() {
    let l = Ledger::new();
    l.hazard("2026-05-01", "2026-09-30");
    let csv = ok(&l, &["list", "--format", "csv"]);
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(csv.contains("GQ-2026-0001"));
    let o = json(&ok(&l, &["overview", "--format", "json"]));
    assert_eq!(o["open_total"], 1);
    assert_eq!(o["overdue"], 1);
    let table = ok(&l, &["staff", "list"]);
    assert!(table.contains("zhangwei"));
    ok(&l, &["staff", "add", "wangfang", "--name", "王芳", "--role", "officer"]);
    assert!(ok(&l, &["staff", "list", "--format", "json"]).contains("王芳"));
}

#[test]
fn backup_then_check_the_copy() {
    let l = Ledger::new();
    l.hazard("2026-05-01", "2026-09-30");
    let dest = l.dir.path().join("copy.db");
    ok(&l, &["backup", dest.to_str().unwrap()]);
    let out = at(&dest, &["check"]);
    assert!(out.status.success());
}

#[test]
fn new_registers_from_the_command_line() {
    let l = Ledger::new();
    let out = ok(
        &l,
        &[
            "new",
            "--enterprise",
            CODES[1],
            "--title",
            "涉及重点监管危险化工工艺的装置未实现自动化控制",
            "--grade",
            "major",
            "--source",
            "public_report",
            "--discovered",
            "2026-11-20",
            "--deadline",
            "2026-12-20",
            "--assignee",
            "zhangwei",
        ],
    );
    assert!(out.contains("GQ-2026-0001"), "{out}");
    let rows = json(&ok(&l, &["list", "--source", "public_report", "--format", "json"]));
    assert_eq!(rows[0]["sector"], "危化品");
    assert_eq!(rows[0]["assignee"], "zhangwei");
}

#[test]
fn shared_init_creates_then_adopts_for_a_group() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("srv").join("anwei.db");
    let group = String::from_utf8(Command::new("id").arg("-gn").output().unwrap().stdout).unwrap();
    let run = |args: &[&str]| at(&db, args);
    let out = run(&["init", "--shared", "--group", group.trim()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Verified"));
    assert_eq!(std::fs::metadata(db.parent().unwrap()).unwrap().mode() & 0o7777, 0o2770);
    assert_eq!(std::fs::metadata(&db).unwrap().mode() & 0o777, 0o660);
    let again = run(&["init", "--shared", "--group", group.trim()]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("Adopted"));
    let bad = run(&["init", "--shared", "--group", "no-such-group-anwei"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(run(&["init", "--shared"]).status.code(), Some(2), "--shared needs --group");
}

#[test]
fn the_demo_flag_leaves_the_ledger_named_by_anwei_db_alone() {
    let l = Ledger::new();
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_anwei"))
        .args(["--demo", "overview"])
        .env("ANWEI_DB", l.path())
        .env("XDG_DATA_HOME", data.path())
        .env("ANWEI_TODAY", TODAY)
        .env("ANWEI_LANG", "en")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(data.path().join("anwei").join("demo.db").exists(), "the demo goes to the data directory");
    assert!(!l.store().is_demo().unwrap(), "the real ledger is untouched");
    assert_eq!(l.store().count(&anwei::store::list::Filter::default()).unwrap(), 0);
}

#[test]
fn unknown_logins_are_viewers_unless_the_ledger_says_officer() {
    let l = Ledger::new();
    let code = l.hazard("2026-05-01", "2026-09-30");
    l.conn().execute("DELETE FROM staff WHERE login = ?1", [anwei::identity::os_login()]).unwrap();
    let config = l.dir.path().join("config.toml");
    let run = |config_text: &str| {
        std::fs::write(&config, config_text).unwrap();
        Command::new(env!("CARGO_BIN_EXE_anwei"))
            .arg("--db")
            .arg(l.path())
            .args(["progress", &code, "--note", "到场"])
            .env("ANWEI_CONFIG", &config)
            .env("ANWEI_TODAY", TODAY)
            .output()
            .unwrap()
    };
    assert_eq!(run("").status.code(), Some(4));
    let own = run("unknown_role = \"officer\"\n");
    assert_eq!(own.status.code(), Some(2), "a user's config grants nothing");
    assert!(String::from_utf8_lossy(&own.stderr).contains("line 1"));
    l.conn().execute("INSERT INTO settings (key, value) VALUES ('unknown_role', 'officer')", []).unwrap();
    assert_eq!(run("").status.code(), Some(0), "the ledger's setting does");
}

/// Completions and the manual page come from the grammar itself and need no ledger.
#[test]
fn completions_and_the_manual_need_no_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    for (args, says) in [(&["completions", "bash"][..], "_anwei()"), (&["man"][..], ".TH anwei 1")] {
        let out = support::at(&db, args);
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains(says), "{args:?}");
    }
    assert!(!db.exists(), "no ledger was made");
}

/// `--help` speaks the ledger's language on a server whose locale is C, and `--lang`
/// overrides it; every option of `list` is described.
#[test]
fn help_follows_the_ledger_language() {
    let l = Ledger::new();
    ok(&l, &["settings", "set", "lang", "zh", "--reason", "乡镇"]);
    let help = |args: &[&str]| {
        let out = binary_on(l.path()).env_remove("ANWEI_LANG").env("LANG", "C.UTF-8").args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = help(&["list", "--help"]);
    assert!(zh.contains("用法：") && zh.contains("只列已过整改期限且未销号的隐患。"), "{zh}");
    assert!(!zh.contains("Options"), "{zh}");
    let en = help(&["--lang", "en", "list", "--help"]);
    assert!(en.contains("Only hazards past their deadline and not closed"), "{en}");
    let root = help(&["--help"]);
    assert!(root.contains("示例：") && root.contains("最紧急的 20 条逾期隐患"), "{root}");
}
