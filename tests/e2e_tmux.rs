//! The full screen's main journeys in a real terminal: runs `tests/e2e/journeys.py`
//! (tmux, a demo database, fixed today) against the binary under test. Skipped with a
//! notice where tmux or python3 is missing; CI installs both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

fn have(program: &str) -> bool {
    Command::new(program).arg("-V").output().is_ok()
}

#[test]
fn journeys_in_tmux() {
    if !have("tmux") || !have("python3") {
        eprintln!("NOTICE: tmux or python3 missing; the terminal journeys were skipped");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/journeys.py");
    let out = Command::new("python3").args([script, "--bin", env!("CARGO_BIN_EXE_anwei")]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains(" passed, 0 failed"), "{text}");
}
