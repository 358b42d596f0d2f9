//! What no ordinary user may do to the ledger, tried as a hostile user would: each test
//! is one rule of the trust section of RELIABILITY.md, through the built binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::*;

fn anwei(l: &Ledger, args: &[&str]) -> Output {
    at(l.path(), args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn integrity(path: &Path) -> String {
    rusqlite::Connection::open(path).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// Rule 1: no command writes over the ledger, its side files, another database, or an
/// existing file without --force.
#[test]
fn output_never_overwrites_a_database() {
    let l = Ledger::new();
    l.hazard("2026-03-01", "2026-06-30");
    let db = l.path().to_str().unwrap().to_string();
    let wal = format!("{db}-wal");
    for args in [
        vec!["export", "hazards", "--format", "csv", "-o", &db],
        vec!["export", "timeline", "--format", "xlsx", "-o", &db, "--force"],
        vec!["agenda", "--format", "html", "-o", &db, "--force"],
        vec!["export", "hazards", "-o", &wal, "--force"],
        vec!["backup", &db],
    ] {
        let out = anwei(&l, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("never writes over"), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(integrity(l.path()), "ok");
    assert_eq!(l.conn().query_row("SELECT count(*) FROM hazards", [], |r| r.get::<_, i64>(0)).unwrap(), 1);

    let dir = l.path().parent().unwrap();
    let backup = dir.join("copy.db");
    assert!(anwei(&l, &["backup", backup.to_str().unwrap()]).status.success());
    let over = anwei(&l, &["export", "hazards", "-o", backup.to_str().unwrap(), "--force"]);
    assert_eq!(over.status.code(), Some(2), "a database by its content: {}", stderr(&over));
    let again = anwei(&l, &["backup", backup.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));

    let csv = dir.join("out.csv");
    std::fs::write(&csv, "keep me").unwrap();
    let refused = anwei(&l, &["export", "hazards", "-o", csv.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "keep me");
    assert!(anwei(&l, &["export", "hazards", "-o", csv.to_str().unwrap(), "--force"]).status.success());
    assert!(std::fs::read_to_string(&csv).unwrap().contains("GQ-"));
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "no temporary files left: {left:?}");
}

/// The two bytes of an SQLite header that say rollback journal (1) or WAL (2).
fn header_mode(path: &Path) -> [u8; 2] {
    let bytes = std::fs::read(path).unwrap();
    [bytes[18], bytes[19]]
}

/// Rule 9: opening never modifies a file that is not an anwei ledger.
#[test]
fn opening_never_modifies_what_is_not_a_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let future = dir.path().join("future.db");
    let c = rusqlite::Connection::open(&future).unwrap();
    c.execute_batch("CREATE TABLE meta (key TEXT, value TEXT); PRAGMA user_version = 99;").unwrap();
    drop(c);
    let out = at(&future, &["list"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(header_mode(&future), [1, 1], "still a rollback-journal file: not switched to WAL");

    let foreign = dir.path().join("invoices.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE invoices (n INTEGER)").unwrap();
    for args in [&["--readonly", "list"][..], &["list"][..], &["init"][..], &["staff", "list"][..]] {
        let out = at(&foreign, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("not an anwei ledger"), "{}", stderr(&out));
    }
    let tables: i64 = rusqlite::Connection::open(&foreign)
        .unwrap()
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);

    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let out = at(&empty, &["overview"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty file"), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);

    let text = dir.path().join("notes.db");
    std::fs::write(&text, "just notes").unwrap();
    assert!(stderr(&at(&text, &["list"])).contains("not an anwei ledger"));
    assert!(stderr(&at(dir.path(), &["list"])).contains("is a folder"));
}

/// Rule 9: an older ledger is copied before it is upgraded, and --readonly never upgrades.
#[test]
fn an_older_ledger_is_copied_before_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.db");
    let mut c = rusqlite::Connection::open(&old).unwrap();
    let latest: i64 = anwei::store::schema::LATEST;
    anwei::store::schema::migrate_to(&mut c, latest - 1).unwrap();
    drop(c);
    let ro = at(&old, &["--readonly", "list"]);
    assert_eq!(ro.status.code(), Some(2), "{}", stderr(&ro));
    assert!(stderr(&ro).contains("older anwei"), "{}", stderr(&ro));
    let version = |p: &Path| -> i64 {
        rusqlite::Connection::open(p).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(version(&old), latest - 1, "read-only did not upgrade");
    let out = at(&old, &["list"]);
    assert!(stderr(&out).contains("upgraded from version"), "{}", stderr(&out));
    assert_eq!(version(&old), latest);
    let copy = dir.path().join(format!("old.db.v{}-backup.db", latest - 1));
    assert_eq!(version(&copy), latest - 1, "the copy is of the ledger before");
}

fn real_today() -> String {
    chrono::Local::now().date_naive().to_string()
}

/// Rule 3: the record's clock is the real clock, whatever --today or ANWEI_TODAY say.
#[test]
fn the_records_clock_is_the_real_clock() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let out = anwei(&l, &["--today", "2030-06-30", "verify", &code, "--role", "regulator", "--name", "刘洋", "--pass"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let signed: String =
        l.conn().query_row("SELECT date FROM verifications ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(signed, real_today(), "the sign-off is dated today, not 2030");
    let mut progress = Command::new(env!("CARGO_BIN_EXE_anwei"));
    progress.arg("--db").arg(l.path()).args(["progress", &code, "--note", "到现场"]);
    let out = progress.env("ANWEI_TODAY", "9999-12-31").env("ANWEI_LANG", "en").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let stamps: Vec<String> = l
        .conn()
        .prepare("SELECT at FROM timeline WHERE actor <> 'fixture' ORDER BY id DESC LIMIT 2")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(stamps.iter().all(|at| at.starts_with(&real_today())), "{stamps:?}");
}

/// Rule 3: typed business dates are never in the future, before their hazard, or before 2000.
#[test]
fn typed_dates_are_never_in_the_future_nor_before_their_hazard() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let sign =
        |date: &str| anwei(&l, &["verify", &code, "--role", "expert", "--name", "赵敏", "--pass", "--date", date]);
    for (date, why) in
        [("2020-01-01", "before what it refers to"), ("2099-01-01", "future"), ("1999-12-31", "before 2000")]
    {
        let out = sign(date);
        assert_eq!(out.status.code(), Some(2), "{date}");
        assert!(stderr(&out).contains(why), "{date}: {}", stderr(&out));
    }
    assert!(sign("2026-11-01").status.success());
    let notify = anwei(&l, &["notify", &code, "--to", "principal", "--channel", "书面", "--date", "2025-01-01"]);
    assert_eq!(notify.status.code(), Some(2), "{}", stderr(&notify));
    let enterprise: String = l.conn().query_row("SELECT name FROM enterprises LIMIT 1", [], |r| r.get(0)).unwrap();
    let new = |found: &str, deadline: &str| {
        let args = ["new", "--enterprise", &enterprise, "--title", "t", "--discovered", found, "--deadline", deadline];
        anwei(&l, &args)
    };
    assert_eq!(new("0000-01-01", "2026-12-31").status.code(), Some(2), "no code GQ-0-0001");
    assert_eq!(new("2026-01-01", "2099-12-31").status.code(), Some(2), "a deadline 70 years ahead");
    let n: i64 = l.conn().query_row("SELECT count(*) FROM hazards WHERE code LIKE 'GQ-0-%'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}

/// Rule 4: of two escalations of one hazard at the same instant, one wins; the other
/// exits 3 and shows the fresh state. Never two levels at once. The test holds the write
/// lock while both start, so that both have read the hazard before either may write.
#[test]
fn two_escalations_at_once_raise_one_level() {
    let l = Ledger::new();
    for _ in 0..3 {
        let code = l.hazard("2026-01-05", "2026-03-31");
        let lock = l.conn();
        lock.execute_batch("BEGIN IMMEDIATE").unwrap();
        let start = || {
            Command::new(env!("CARGO_BIN_EXE_anwei"))
                .arg("--db")
                .arg(l.path())
                .args(["escalate", &code])
                .env("ANWEI_LANG", "en")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start(), start());
        std::thread::sleep(std::time::Duration::from_millis(1500));
        lock.execute_batch("ROLLBACK").unwrap();
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        let level: i64 =
            l.conn().query_row("SELECT escalation_level FROM hazards WHERE code = ?1", [&code], |r| r.get(0)).unwrap();
        let docs: i64 = l
            .conn()
            .query_row(
                "SELECT count(*) FROM escalations e JOIN hazards h ON h.id = e.hazard_id WHERE h.code = ?1",
                [&code],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!((level, docs), (1, 1), "one level, one document");
        let mut codes: Vec<Option<i32>> = outs.iter().map(|o| o.status.code()).collect();
        codes.sort();
        assert_eq!(codes, vec![Some(0), Some(3)]);
        let lost = outs.iter().find(|o| o.status.code() == Some(3)).unwrap();
        let text = stderr(lost);
        assert!(text.contains("Here is the fresh state.") && text.contains("letter"), "{text}");
    }
}

/// Rule 4: escalating to a level at or below the hazard's names the level it is at.
#[test]
fn escalating_to_a_level_not_above_names_the_current_one() {
    let l = Ledger::new();
    let code = l.hazard("2026-01-05", "2026-03-31");
    assert!(anwei(&l, &["escalate", &code, "--level", "circular"]).status.success());
    let out = anwei(&l, &["escalate", &code, "--level", "letter"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already at circular"), "{}", stderr(&out));
}

/// Runs the binary with its stdout on a pseudo-terminal (python's os.openpty), returning
/// all it wrote there.
fn on_a_terminal(l: &Ledger, args: &[&str]) -> Vec<u8> {
    let script = "import os, subprocess, sys\n\
        m, s = os.openpty()\n\
        p = subprocess.Popen(sys.argv[1:], stdout=s, stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n\
        os.close(s)\n\
        out = bytearray()\n\
        while True:\n    try:\n        data = os.read(m, 65536)\n    except OSError:\n        break\n    if not data:\n        break\n    out.extend(data)\n\
        p.wait()\n\
        sys.stdout.buffer.write(bytes(out))\n";
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_anwei"))
        .arg("--db")
        .arg(l.path())
        .args(args)
        .env("ANWEI_LANG", "en")
        .output()
        .unwrap();
    out.stdout
}

fn hostile(l: &Ledger) -> String {
    let code = l.hazard("2026-03-01", "2026-06-30");
    let title = "储罐\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{7f}\u{202e}尾";
    l.conn().execute("UPDATE hazards SET title = ?1 WHERE code = ?2", [title, &code]).unwrap();
    code
}

/// Rule 8: no control character reaches a terminal from any output.
#[test]
fn no_control_character_reaches_a_terminal() {
    let l = Ledger::new();
    let code = hostile(&l);
    let raw = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        text.chars().any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{9b}' || c == '\u{7f}' || c == '\u{202e}')
    };
    for args in [&["list", "--format", "csv"][..], &["export", "hazards", "--format", "csv"][..], &["list"][..]] {
        let seen = on_a_terminal(&l, args);
        assert!(String::from_utf8_lossy(&seen).contains("储罐"), "{args:?}: {}", String::from_utf8_lossy(&seen));
        assert!(!raw(&seen), "{args:?}: {:?}", String::from_utf8_lossy(&seen));
    }
    let json = anwei(&l, &["show", &code, "--format", "json"]);
    assert!(!raw(&json.stdout), "JSON escapes every control character");
    assert!(String::from_utf8_lossy(&json.stdout).contains(r"\u001b]0;PWNED\u0007"));
    let echoed = anwei(&l, &["progress", "X\u{1b}]0;PWNED\u{7}", "--note", "x"]);
    assert!(!raw(&echoed.stderr), "{:?}", stderr(&echoed));
    let bad_option = anwei(&l, &["list", "--bogus\u{1b}[2J"]);
    assert!(!raw(&bad_option.stderr), "{:?}", stderr(&bad_option));
    // a file keeps the data exact
    let file = l.path().parent().unwrap().join("exact.csv");
    assert!(anwei(&l, &["export", "hazards", "-o", file.to_str().unwrap()]).status.success());
    assert!(std::fs::read_to_string(&file).unwrap().contains("\u{1b}]0;PWNED\u{7}"));
}

/// Rule 2: rights and official rules come from the ledger: only an admin changes them,
/// each change an event; a user's config cannot.
#[test]
fn settings_are_the_ledgers_and_only_an_admin_changes_them() {
    let l = Ledger::new();
    l.hazard("2026-01-05", "2026-11-20");
    l.conn().execute("INSERT INTO staff (login, name, role) VALUES ('li', '李娜', 'officer')", []).unwrap();
    let officer = l.store_as("li").set_setting("overdue_days", "1,2,3,4", "");
    assert!(matches!(officer, Err(anwei::store::StoreError::Forbidden { .. })), "{officer:?}");
    let out = anwei(&l, &["settings", "set", "overdue_days", "1,2,3,200000000"]);
    assert_eq!(out.status.code(), Some(2), "out of range: {}", stderr(&out));
    assert!(stderr(&out).contains("3650"), "{}", stderr(&out));
    let out = anwei(&l, &["settings", "set", "overdue_days", "2,10,20,40", "--reason", "县局通知"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (actor, from, to, note): (String, String, String, String) = l
        .conn()
        .query_row(
            "SELECT actor, from_value, to_value, note FROM ledger_events WHERE kind = 'setting' ORDER BY id DESC",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (actor, from.as_str(), to.as_str(), note.as_str()),
        (anwei::identity::os_login(), "1,15,30,60", "2,10,20,40", "县局通知")
    );
    assert_eq!(l.store().thresholds.overdue_days, [2, 10, 20, 40], "everyone opening the ledger gets them");
    let shown = String::from_utf8_lossy(&anwei(&l, &["settings", "show"]).stdout).to_string();
    assert!(shown.contains("2,10,20,40") && shown.contains(&anwei::identity::os_login()), "{shown}");
    let config = l.path().parent().unwrap().join("config.toml");
    std::fs::write(&config, "[escalation]\noverdue_days = [1, 2, 3, 4]\n").unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_anwei"));
    let out = cmd.arg("--db").arg(l.path()).arg("overview").env("ANWEI_CONFIG", &config).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a config's thresholds are refused: {}", stderr(&out));
    let deleted = l.conn().execute("DELETE FROM ledger_events", []);
    assert!(deleted.is_err(), "the ledger log is append-only");
}

/// Rule 12: check finds tampering, and names what was tampered with.
#[test]
fn check_finds_tampering() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    // never assigned, extended or planned: only its opening values say what it should be
    let quiet = l.hazard("2026-03-02", "2026-06-30");
    let mut s = l.store();
    s.staff_add("li", "李娜", anwei::domain::Role::Officer, None).unwrap();
    s.assign(&code, None, "li", "").unwrap();
    s.extend(&code, None, "2026-12-31".parse().unwrap(), "汛期").unwrap();
    s.escalate(&code, None, None, "").unwrap();
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
    let tamper = |sql: &str| l.conn().execute_batch(sql).unwrap();
    tamper("DROP TRIGGER timeline_no_update");
    tamper(&format!("UPDATE hazards SET assignee = NULL, deadline = '2027-06-30' WHERE code = '{code}'"));
    tamper("UPDATE staff SET role = 'admin' WHERE login = 'li'");
    tamper(&format!(
        "UPDATE hazards SET deadline = '2027-12-31', assignee = 'li', plan_funds = '0元' WHERE code = '{quiet}'"
    ));
    let opening = l.conn().execute_batch("UPDATE hazard_openings SET deadline = '2027-12-31'");
    assert!(opening.is_err(), "a hazard's opening values never change");
    tamper(&format!(
        "INSERT INTO escalations (hazard_id, level, doc_no, date, actor)
         SELECT id, 2, '官安通〔2026〕99号', '2026-11-01', 'x' FROM hazards WHERE code = '{code}'"
    ));
    let out = anwei(&l, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    for what in ["timeline_no_update missing", "1: li", &code] {
        assert!(text.contains(what), "{what}: {text}");
    }
    let found: Vec<String> = l.store().check().unwrap().into_iter().map(|f| f.what).collect();
    for rule in ["guard", "assignee_timeline", "deadline_timeline", "staff_roles", "documents_without_event"] {
        assert!(found.iter().any(|f| f == rule), "{rule}: {found:?}");
    }
    let named = |rule: &str| l.store().check().unwrap().into_iter().find(|f| f.what == rule).map(|f| f.detail);
    for rule in ["deadline_timeline", "assignee_timeline", "plan_funds_timeline"] {
        assert!(named(rule).is_some_and(|d| d.contains(&quiet)), "{rule}: {:?}", named(rule));
    }
}

/// Rule 5: bounded input everywhere; writes that would change nothing write nothing.
#[test]
fn input_is_bounded() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2026-06-30");
    let long = "长".repeat(10_000);
    for args in [
        vec!["progress", code.as_str(), "--note", long.as_str()],
        vec!["staff", "add", long.as_str()],
        vec!["staff", "add", "wu", "--name", ""],
        vec!["--lang", "xx", "list"],
        vec!["overview", "--format", "csv"],
        vec!["show", code.as_str(), "--format", "table"],
        vec!["calendar", "--format", "csv"],
    ] {
        let out = anwei(&l, &args);
        assert_eq!(out.status.code(), Some(2), "{:?}: {}", &args[..2], stderr(&out));
    }
    let fresh = l.path().with_file_name("huge-demo.db");
    let huge = at(&fresh, &["demo", "--hazards", "99999999999"]);
    assert_eq!(huge.status.code(), Some(2));
    assert!(stderr(&huge).contains("2000000"), "the bound is named: {}", stderr(&huge));
    assert!(!fresh.exists());
    let dir = l.path().parent().unwrap();
    assert!(!std::fs::read_dir(dir).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".part")));
    let version = |l: &Ledger| -> i64 {
        l.conn().query_row("SELECT version FROM hazards WHERE code = ?1", [&code], |r| r.get(0)).unwrap()
    };
    let before = version(&l);
    let same = anwei(&l, &["plan", &code, "--funds", "20万元"]);
    assert_eq!(same.status.code(), Some(2), "{}", stderr(&same));
    assert_eq!(version(&l), before, "nothing to change writes nothing");
    let cleared = anwei(&l, &["plan", &code, "--funds", ""]);
    assert!(stderr(&cleared).contains("cannot be emptied"), "{}", stderr(&cleared));
    let tomorrow = anwei(&l, &["plan", &code, "--deadline", "明年"]);
    assert!(stderr(&tomorrow).contains("is a date"), "{}", stderr(&tomorrow));
    let pass = |role: &str| anwei(&l, &["verify", &code, "--role", role, "--name", "刘洋", "--pass"]);
    assert!(pass("regulator").status.success());
    let again = pass("regulator");
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already signed a pass"), "{}", stderr(&again));
    for _ in 0..3 {
        l.hazard("2026-04-01", "2026-12-31");
    }
    let listed = anwei(&l, &["list", "--limit", "2"]);
    assert!(stderr(&listed).contains("Stopped at --limit 2"), "{}", stderr(&listed));
}

/// A workbook of one sheet with these rows (inline strings) and these shared strings.
fn workbook(sheet_data: &[&[u8]], shared_strings: &str) -> Vec<u8> {
    use std::io::Write;
    let ns = "http://schemas.openxmlformats.org";
    let parts = [
        (
            "[Content_Types].xml",
            format!(
                r#"<Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
        ),
        ("xl/sharedStrings.xml", shared_strings.to_string()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for (name, text) in parts {
        zip.start_file(name, deflate).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", deflate).unwrap();
    zip.write_all(format!(r#"<worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>"#).as_bytes()).unwrap();
    for chunk in sheet_data {
        zip.write_all(chunk).unwrap();
    }
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// An inline-string cell.
fn cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// The largest resident size of the finished child processes, in MiB.
fn children_peak_mib() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a whole rusage into the pointer it is given
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init()
    };
    usage.ru_maxrss / 1024
}

/// Rule 6: no file exhausts the machine: the bounds are named, the errors counted after
/// the first hundred, the header found below a title row, and the bad line named.
#[test]
fn untrusted_files_cannot_exhaust_the_machine() {
    let l = Ledger::new();
    let dir = l.path().parent().unwrap().to_path_buf();
    let import = |name: &str, bytes: &[u8]| {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        anwei(&l, &["import", "hazards", file.to_str().unwrap(), "--dry-run"])
    };
    let no_strings = r#"<sst count="0" uniqueCount="0"></sst>"#;
    let corners = format!(r#"<row r="1">{}</row><row r="1048576">{}</row>"#, cell("A1", "x"), cell("XFD1048576", "y"));
    let huge_count = r#"<sst count="1" uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
    let prefixed_count = r#"<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount = "4000000000"><x:si><x:t>a</x:t></x:si></x:sst>"#;
    let spaces = vec![b' '; 1 << 20];
    let padding: Vec<&[u8]> = std::iter::repeat_n(spaces.as_slice(), 260).collect();
    let many_rows: String =
        (1..=100_020).map(|r| format!(r#"<row r="{r}">{}</row>"#, cell(&format!("A{r}"), "a"))).collect();
    for (name, bytes, says) in [
        (
            "corners.xlsx",
            workbook(&[corners.as_bytes()], no_strings),
            "row 1048576: more than the limit of 256 columns",
        ),
        ("count.xlsx", workbook(&[], huge_count), "more than the limit of 1000000 shared strings"),
        ("prefixed.xlsx", workbook(&[], prefixed_count), "more than the limit of 1000000 shared strings"),
        ("padded.xlsx", workbook(&padding, no_strings), "unzips to more than the limit of 256 MiB"),
        ("rows.xlsx", workbook(&[many_rows.as_bytes()], no_strings), "more than the limit of 100000 data rows"),
    ] {
        let out = import(name, &bytes);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
    }
    let bad_rows: String = (0..300).map(|i| format!("x{i},t,重大,企业自查,2026-01-01,2026-02-01\n")).collect();
    let out = import("bad.csv", format!("enterprise,title,grade,source,discovered_on,deadline\n{bad_rows}").as_bytes());
    let lines = stderr(&out).lines().count();
    assert_eq!(lines, 102, "100 problems, the count of the rest, the summary: {}", stderr(&out));
    assert!(stderr(&out).contains("200 more problem(s)"), "{}", stderr(&out));
    let titled = "企业名单（2026年）\n\n企业,隐患名称,等级\nx,t,重大\n";
    let out = import("titled.csv", titled.as_bytes());
    assert!(stderr(&out).contains("row 3, taken as the header, is missing"), "{}", stderr(&out));
    let out = import("gbk.csv", b"a,b\n1,2\n3,\xFF\xFE\n");
    assert!(stderr(&out).contains("not from line 3"), "{}", stderr(&out));
    assert!(children_peak_mib() < 256, "peak {} MiB", children_peak_mib());
}

/// Also refused: a sector neither the catalogue nor the ledger has, units created from a typo, and the same
/// hazards imported twice.
#[test]
fn typos_and_repeats_never_become_records() {
    let l = Ledger::new();
    let out = anwei(
        &l,
        &[
            "new",
            "--enterprise",
            CODES[0],
            "--title",
            "t",
            "--deadline",
            "2026-12-31",
            "--sector",
            "不存在行业",
            "--source",
            "inspection",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("not a sector of the judgment-standard catalogue"), "{}", stderr(&out));
    let dir = l.path().parent().unwrap().to_path_buf();
    let write = |name: &str, text: &str| {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        file.to_str().unwrap().to_string()
    };
    let code = |n: u32| {
        let first17 = format!("91350100MA{n:07}");
        format!("{first17}{}", anwei::domain::credit_code::check_char(&first17).unwrap())
    };
    let enterprises = write(
        "e.csv",
        &format!(
            "credit_code,name,sector,village\n{},官桥新厂,工贸,官乔村\n{},官桥二厂,新行业,官桥村\n",
            code(1),
            code(2)
        ),
    );
    let out = anwei(&l, &["import", "enterprises", &enterprises]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("the ledger has no village named \"官乔村\""), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("\"新行业\" is neither a sector of the judgment-standard catalogue"),
        "{}",
        stderr(&out)
    );
    let hazards = write(
        "h.csv",
        &format!(
            "enterprise,title,grade,source,discovered_on,deadline\n{0},泄漏,重大,督导检查,2026-03-01,2026-12-31\n",
            CODES[0]
        ),
    );
    assert!(anwei(&l, &["import", "hazards", &hazards]).status.success());
    let again = anwei(&l, &["import", "hazards", &hazards]);
    assert_eq!(again.status.code(), Some(2), "{}", stderr(&again));
    assert!(stderr(&again).contains("already has hazard GQ-2026-0001"), "{}", stderr(&again));
    assert!(anwei(&l, &["import", "hazards", &hazards, "--allow-duplicates"]).status.success());
    let count: i64 = l.conn().query_row("SELECT count(*) FROM hazards", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 2);
}

/// Rule 5: a hazard awaiting its sign-off waits for the signers, not the enterprise:
/// it is queued with its own reason, never as stalled.
#[test]
fn awaiting_sign_off_is_not_stalled() {
    let l = Ledger::new();
    let code = l.verifying("2026-03-01", "2027-12-31");
    let later = (today() + chrono::Days::new(40)).to_string();
    let out = anwei(&l, &["--today", &later, "list", "--escalation-queue", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[0]["code"], code.as_str());
    assert_eq!(rows[0]["recommended_reason"], serde_json::json!({"awaiting_sign_off": {"days": 40}}));
    let shown = anwei(&l, &["--today", &later, "show", &code]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("awaiting sign-off 40 days"));
}

/// Rule 5: how far an officer may extend a deadline is the ledger's setting; beyond it
/// only an admin may, and the refusal names the limit.
#[test]
fn officers_extend_within_the_ledgers_limit() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-12-31");
    l.store().staff_add("wu", "吴", anwei::domain::Role::Officer, None).unwrap();
    let officer = || l.store_as("wu");
    let day = |s: &str| anwei::domain::parse_date(s).unwrap();
    let too_far = officer().extend(&code, None, day("2027-06-30"), "整改设备到货延迟").unwrap_err();
    assert!(matches!(too_far, anwei::store::StoreError::BeyondExtendLimit { nth: 1, days: 181, .. }), "{too_far:?}");
    officer().extend(&code, None, day("2027-01-31"), "设备到货延迟").unwrap();
    officer().extend(&code, None, day("2027-02-28"), "设备安装调试").unwrap();
    let third = officer().extend(&code, None, day("2027-03-31"), "再次延期").unwrap_err();
    assert_eq!(third.exit_code(), 4);
    assert!(
        anwei::i18n::store_error(anwei::i18n::Lang::En, &third).contains("at most 2 times, by at most 90 days each"),
        "{third:?}"
    );
    assert!(anwei(&l, &["settings", "set", "extend_times", "3", "--reason", "汛期"]).status.success());
    officer().extend(&code, None, day("2027-03-31"), "再次延期").unwrap();
    l.store().extend(&code, None, day("2028-03-31"), "管理员批准").unwrap();
}

/// A refusal in Chinese names the field by its label, not its identifier.
#[test]
fn chinese_refusals_name_the_field_by_its_label() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-06-30");
    let out = anwei(&l, &["--lang", "zh", "extend", &code, "--deadline", "2099-01-01", "--reason", "x"]);
    assert!(stderr(&out).contains("整改期限“2099-01-01”无效"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("deadline"), "{}", stderr(&out));
}

/// `args` on the ledger with every file the process writes limited to `bytes` (as a
/// full disk would stop it), the signal for a too-large file ignored so the write fails.
fn with_no_room(l: &Ledger, bytes: u64, args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut c = binary_on(l.path());
    c.args(args);
    // SAFETY: only async-signal-safe calls between fork and exec
    unsafe {
        c.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit { rlim_cur: bytes, rlim_max: libc::RLIM_INFINITY };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    c.output().unwrap()
}

/// Rule 10: with no room on the disk, a write says so, changes nothing, and the ledger
/// stays sound.
#[test]
fn a_full_disk_is_said_and_changes_nothing() {
    let l = Ledger::new();
    let code = l.hazard("2026-03-01", "2026-12-31");
    // the write-ahead log starts empty: a limit of one page leaves no room for a write
    let note = "现场检查".repeat(400);
    let out = with_no_room(&l, 4096, &["progress", &code, "--note", &note]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("Disk full") || said.contains("could not be read or written"), "{said}");
    let notes: i64 =
        l.conn().query_row("SELECT count(*) FROM timeline WHERE kind = 'progress'", [], |r| r.get(0)).unwrap();
    assert_eq!(notes, 0, "nothing was written");
    assert_eq!(integrity(l.path()), "ok");
    assert!(anwei(&l, &["progress", &code, "--note", "有空间了"]).status.success(), "with room again it works");
    // a reading command either reads or says what the disk did, never a bare database error
    let read = with_no_room(&l, 0, &["overview"]);
    assert!(read.status.success() || stderr(&read).contains("could not be read or written"), "{}", stderr(&read));
    assert!(!stderr(&read).contains("Database error"), "{}", stderr(&read));
}
