//! Every role × every write through the command line: viewers change nothing (exit 4),
//! officers everything but reopen, import and staff (exit 4), admins everything.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::process::Command;

use anwei::identity::os_login;
use support::*;

/// The OS user's role in the ledger, set directly (as an admin would with `staff add`).
fn set_role(l: &Ledger, role: &str) {
    l.conn().execute("UPDATE staff SET role = ?1 WHERE login = ?2", [role, &os_login()]).unwrap();
}

/// The exit status of one command.
fn status(l: &Ledger, args: &[&str]) -> i32 {
    let out = Command::new(env!("CARGO_BIN_EXE_anwei"))
        .arg("--db")
        .arg(l.path())
        .args(args)
        .env("ANWEI_TODAY", TODAY)
        .env("ANWEI_LANG", "en")
        .env("ANWEI_CONFIG", l.dir.path().join("none.toml"))
        .output()
        .unwrap();
    out.status.code().unwrap()
}

/// One write per kind, each on a hazard in the state it needs.
fn writes(l: &Ledger) -> Vec<(&'static str, Vec<String>)> {
    let open = l.hazard("2026-05-01", "2026-09-30");
    let planned = l.hazard("2026-05-01", "2026-09-30");
    let verifying = l.verifying("2026-05-01", "2026-09-30");
    let rectifying = l.hazard("2026-05-01", "2026-09-30");
    l.store().plan(&rectifying, None, &full_plan(), "").unwrap();
    let closed = l.verifying("2026-05-01", "2026-09-30");
    {
        let mut s = l.store();
        for role in anwei::domain::VerifierRole::ALL {
            let sign = anwei::store::write::SignOffInput {
                role: *role,
                name: "x".into(),
                organisation: String::new(),
                verdict: anwei::domain::Verdict::Pass,
                opinion: String::new(),
                date: None,
            };
            s.verify(&closed, None, &sign).unwrap();
        }
    }
    let csv = l.dir.path().join("enterprises.csv");
    std::fs::write(&csv, "credit_code,name,sector\n91440300708461136T,滕州市新企业有限公司,工贸\n").unwrap();
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        ("new", v(&["new", "--enterprise", CODES[0], "--title", "新隐患", "--deadline", "2026-12-31"])),
        ("assign", v(&["assign", &open, "--to", "zhangwei"])),
        ("plan", v(&["plan", &planned, "--responsible", "王强"])),
        ("progress", v(&["progress", &open, "--note", "到场"])),
        ("submit", v(&["submit", &rectifying, "--note", "x"])),
        ("verify", v(&["verify", &verifying, "--role", "expert", "--name", "赵敏", "--pass"])),
        ("escalate", v(&["escalate", &open])),
        ("extend", v(&["extend", &open, "--deadline", "2026-12-20", "--reason", "设备"])),
        ("notify", v(&["notify", &open, "--to", "principal", "--channel", "书面"])),
        ("reopen", v(&["reopen", &closed, "--reason", "复查"])),
        ("import", v(&["import", "enterprises", csv.to_str().unwrap()])),
        ("staff", v(&["staff", "add", "wangfang", "--role", "officer"])),
    ]
}

fn refused(l: &Ledger, role: &str, args: &[String]) -> bool {
    set_role(l, role);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let code = status(l, &args);
    set_role(l, "admin");
    code == 4
}

#[test]
fn every_role_and_every_write() {
    for (role, admin_only_refused, others_refused) in [("viewer", true, true), ("officer", true, false)] {
        let l = Ledger::new();
        let all = writes(&l);
        let events = || l.conn().query_row("SELECT count(*) FROM timeline", [], |r| r.get::<_, i64>(0)).unwrap();
        let before = events();
        for (name, args) in &all {
            let admin_only = ["reopen", "import", "staff"].contains(name);
            let want = if admin_only { admin_only_refused } else { others_refused };
            assert_eq!(refused(&l, role, args), want, "{role} {name}");
        }
        assert_eq!(events() == before, role == "viewer", "{role}: a viewer writes nothing, an officer does");
    }
    let l = Ledger::new();
    for (name, args) in writes(&l) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(status(&l, &args), 0, "admin {name}");
    }
    assert!(l.store().check().unwrap().is_empty());
}
