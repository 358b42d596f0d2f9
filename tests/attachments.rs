//! Evidence in the ledger: attached from a file with its name, size, SHA-256 and kind,
//! listed in the detail and `show --format json`, written back out byte for byte, within
//! the ledger's size limit, refused for a viewer, never changed, and verified by `check`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::domain::AttachmentKind;
use anwei::store::StoreError;
use anwei::store::attachment::{NewAttachment, sha256};
use support::Ledger;

fn photo(bytes: usize) -> NewAttachment {
    NewAttachment {
        name: "整改后.jpg".into(),
        kind: AttachmentKind::After,
        note: "现场复查".into(),
        data: (0..bytes).map(|i| (i % 251) as u8).collect(),
    }
}

#[test]
fn a_file_is_kept_whole_with_its_hash_and_event() {
    let l = Ledger::new();
    let code = l.hazard("2026-11-01", "2027-01-31");
    let mut s = l.store();
    let done = s.attach(&code, None, &photo(5000)).unwrap();
    assert_eq!(done.detail.as_deref(), Some("1"));
    s.attach(&code, None, &NewAttachment { name: "报告.pdf".into(), kind: AttachmentKind::Report, ..photo(10) })
        .unwrap();
    let d = s.detail(&code).unwrap();
    assert_eq!(d.attachments.len(), 2);
    let a = &d.attachments[0];
    assert_eq!((a.n, a.name.as_str(), a.size, a.kind.as_str()), (1, "整改后.jpg", 5000, "after"));
    assert_eq!(a.sha256, sha256(&photo(5000).data));
    assert_eq!(a.actor, anwei::identity::os_login());
    assert_eq!(d.timeline.last().unwrap().kind, "attached");
    assert_eq!(s.attachment(&code, 1).unwrap().1, photo(5000).data);
    assert!(matches!(s.attachment(&code, 9).unwrap_err(), StoreError::Unknown { .. }));
    assert!(l.conn().execute("UPDATE attachments SET name = 'x'", []).is_err(), "never changed");
    assert!(l.conn().execute("DELETE FROM attachments", []).is_err(), "never removed");
    assert!(s.check().unwrap().is_empty());
    let c = l.conn();
    c.execute_batch("DROP TRIGGER attachments_no_update; UPDATE attachments SET data = x'00' WHERE n = 2;").unwrap();
    let found = s.check().unwrap();
    assert!(found.iter().any(|f| f.what == "attachments" && f.detail == format!("{code} #2")), "{found:?}");
}

#[test]
fn the_size_limit_is_a_ledger_setting_and_a_viewer_may_not_attach() {
    let l = Ledger::new();
    let code = l.hazard("2026-11-01", "2027-01-31");
    let mut s = l.store();
    s.set_setting("attachment_mb", "1", "小文件").unwrap();
    let big = s.attach(&code, None, &photo(1024 * 1024 + 1)).unwrap_err();
    assert!(matches!(big, StoreError::Invalid { field: "attachment", .. }), "{big:?}");
    let bad = s.attach(&code, None, &NewAttachment { name: "../x".into(), ..photo(3) }).unwrap_err();
    assert!(matches!(bad, StoreError::Invalid { field: "name", .. }), "{bad:?}");
    let viewer = l.store_as("leader").attach(&code, None, &photo(3)).unwrap_err();
    assert!(matches!(viewer, StoreError::Forbidden { .. }));
    assert!(s.detail(&code).unwrap().attachments.is_empty(), "nothing refused was kept");
}

#[test]
fn the_commands_attach_list_and_write_back() {
    let l = Ledger::new();
    let code = l.hazard("2026-11-01", "2027-01-31");
    let dir = l.path().parent().unwrap().to_path_buf();
    let file = dir.join("整改报告.pdf");
    std::fs::write(&file, b"%PDF-1.4 rectified").unwrap();
    let run = |args: &[&str]| support::at(l.path(), args);
    let out = run(&["attach", &code, file.to_str().unwrap(), "--kind", "report", "--note", "报告"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bad = run(&["attach", &code, file.to_str().unwrap(), "--kind", "photo"]);
    assert_eq!(bad.status.code(), Some(2));
    let missing = run(&["attach", &code, dir.join("无此文件.jpg").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(missing.status.code() == Some(2) && err.contains("cannot be read"), "{err}");
    let shown: serde_json::Value = serde_json::from_slice(&run(&["show", &code, "--format", "json"]).stdout).unwrap();
    assert_eq!(shown["attachments"][0]["name"], "整改报告.pdf");
    assert_eq!(shown["attachments"][0]["sha256"], sha256(b"%PDF-1.4 rectified"));
    let back = dir.join("back.pdf");
    let out = run(&["attachment", "get", &code, "1", "-o", back.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&back).unwrap(), b"%PDF-1.4 rectified");
    let again = run(&["attachment", "get", &code, "1", "-o", back.to_str().unwrap()]);
    assert_ne!(again.status.code(), Some(0), "an existing file is kept unless --force");
}
