//! The top-level modules form a DAG: each may use only the modules listed for it here,
//! and the list itself has no circle. A `use crate::…` that points elsewhere fails.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the modules of the crate it may use, lowest layer first.
const ALLOWED: &[(&str, &[&str])] = &[
    ("clock", &[]),
    ("text", &[]),
    ("identity", &[]),
    ("shared", &[]),
    ("sheet", &[]),
    ("safe_file", &[]),
    ("domain", &[]),
    ("store", &["domain", "clock", "safe_file", "text"]),
    ("i18n", &["domain", "safe_file", "store", "text"]),
    ("model", &["store"]),
    ("config", &["domain", "i18n", "store"]),
    ("widget", &["config", "text"]),
    ("present", &["domain", "i18n", "store", "text"]),
    ("report", &["domain", "i18n", "present", "safe_file", "sheet", "store", "text"]),
    ("transfer", &["domain", "i18n", "sheet", "store", "text"]),
    ("demo", &["clock", "domain", "store"]),
    ("workflow", &["domain", "i18n", "model", "store"]),
    ("protocol", &["domain", "i18n", "report", "store", "workflow"]),
    ("worker", &["domain", "i18n", "protocol", "report", "safe_file", "store"]),
    ("app", &["config", "domain", "i18n", "model", "present", "protocol", "report", "text", "widget", "workflow"]),
    ("ui", &["app", "config", "domain", "i18n", "model", "present", "report", "text", "widget", "workflow"]),
    ("startup", &["clock", "config", "domain", "i18n", "identity", "safe_file", "store", "text"]),
    (
        "tui",
        &["app", "clock", "config", "demo", "i18n", "model", "protocol", "startup", "store", "text", "ui", "worker"],
    ),
    (
        "cli",
        &[
            "app",
            "clock",
            "config",
            "demo",
            "domain",
            "i18n",
            "identity",
            "present",
            "report",
            "shared",
            "sheet",
            "safe_file",
            "startup",
            "store",
            "text",
            "transfer",
            "tui",
            "workflow",
        ],
    ),
];

/// Test-only files: they may drive the layers above (a harness runs the worker).
fn test_only(path: &Path) -> bool {
    matches!(path.file_name().and_then(|n| n.to_str()), Some("tests.rs" | "harness.rs" | "fixture.rs"))
}

/// The text of a file without its trailing `#[cfg(test)] mod tests { … }`.
fn code_of(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests").map_or(text, |i| &text[..i])
}

/// The files of a top-level module: `NAME.rs` and everything under `NAME/`.
fn files(src: &Path, module: &str) -> Vec<PathBuf> {
    let mut out = vec![src.join(format!("{module}.rs"))];
    let mut stack = vec![src.join(module)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out.into_iter().filter(|p| p.exists() && !test_only(p)).collect()
}

/// Every `crate::NAME` a text refers to.
fn uses(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .filter(|(i, _)| *i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric() && text.as_bytes()[i - 1] != b'_')
        .map(|(i, m)| {
            let rest = &text[i + m.len()..];
            rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
        })
        .collect()
}

/// `(module, used, file)` for every use not in the module's list.
fn violations(src: &Path) -> Vec<(String, String, PathBuf)> {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut out = Vec::new();
    for (module, ok) in ALLOWED {
        for file in files(src, module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for used in uses(code_of(&text)) {
                if used != *module && allowed.contains_key(used.as_str()) && !ok.contains(&used.as_str()) {
                    out.push((module.to_string(), used, file.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn every_top_level_module_is_in_the_list() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let declared: BTreeSet<&str> = lib.lines().filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';')).collect();
    let listed: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    assert_eq!(declared, listed, "src/lib.rs and ALLOWED name different modules");
}

#[test]
fn the_allowed_uses_point_only_downwards() {
    // each module may use only modules listed before it: the list is a DAG in layer order
    for (i, (module, ok)) in ALLOWED.iter().enumerate() {
        let below: Vec<&str> = ALLOWED[..i].iter().map(|(m, _)| *m).collect();
        for used in *ok {
            assert!(below.contains(used), "{module} may use {used}, which is not below it");
        }
    }
}

#[test]
fn no_module_uses_one_it_may_not() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad = violations(&src);
    let relative = |f: &PathBuf| f.strip_prefix(&src).unwrap_or(f).display().to_string();
    let lines: Vec<String> = bad.iter().map(|(m, u, f)| format!("{} (in {m}) uses crate::{u}", relative(f))).collect();
    assert!(lines.is_empty(), "uses that point upward or sideways:\n{}", lines.join("\n"));
}

#[test]
fn the_check_finds_an_upward_use() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("store")).unwrap();
    for (m, _) in ALLOWED {
        std::fs::write(dir.path().join(format!("{m}.rs")), "//! empty\n").unwrap();
    }
    std::fs::write(dir.path().join("store").join("oops.rs"), "use crate::i18n::Lang;\n").unwrap();
    let bad = violations(dir.path());
    assert_eq!(bad.len(), 1);
    assert_eq!((bad[0].0.as_str(), bad[0].1.as_str()), ("store", "i18n"));
}
