//! Completing a path typed in a form (Tab in a file field): the one entry of its folder
//! that the typed name begins, or as much as all the entries that do share.

use std::path::Path;

/// The typed path completed, or `None` when nothing more can be added.
pub fn path(typed: &str) -> Option<String> {
    let (dir, start) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let folder = if dir.is_empty() { Path::new(".") } else { Path::new(dir) };
    let mut names: Vec<(String, bool)> = std::fs::read_dir(folder)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            name.starts_with(start).then_some((name, is_dir))
        })
        .collect();
    names.sort();
    let done = match names.as_slice() {
        [] => return None,
        [(name, true)] => format!("{dir}{name}/"),
        [(name, false)] => format!("{dir}{name}"),
        several => format!("{dir}{}", shared_start(several.iter().map(|(n, _)| n.as_str()))),
    };
    (done != typed).then_some(done)
}

/// The longest start all `names` share.
fn shared_start<'a>(mut names: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = names.next() else { return String::new() };
    let mut end = first.len();
    for n in names {
        end = first
            .char_indices()
            .zip(n.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(end);
    }
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_completes_to_its_one_entry_or_the_shared_start() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["整改前.jpg", "整改后.jpg", "report.pdf"] {
            std::fs::write(dir.path().join(f), b"x").unwrap();
        }
        std::fs::create_dir(dir.path().join("photos")).unwrap();
        let base = format!("{}/", dir.path().display());
        assert_eq!(path(&format!("{base}rep")), Some(format!("{base}report.pdf")));
        assert_eq!(path(&format!("{base}整")), Some(format!("{base}整改")));
        assert_eq!(path(&format!("{base}整改")), None, "two share no more");
        assert_eq!(path(&format!("{base}ph")), Some(format!("{base}photos/")));
        assert_eq!(path(&format!("{base}zzz")), None);
    }
}
