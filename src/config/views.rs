//! Named saved views (a list filter and sort), kept in `views.toml` beside the config.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{Grade, Source, Status};
use crate::store::list::{Filter, Sort, SortKey};

/// A named filter and sort.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedView {
    pub name: String,
    pub filter: Filter,
    pub sort: Sort,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewFile {
    #[serde(default)]
    view: Vec<ViewSpec>,
}

/// One view as written in the file: identifiers, not words.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewSpec {
    name: String,
    sort: String,
    #[serde(default)]
    descending: bool,
    status: Option<String>,
    village: Option<String>,
    sector: Option<String>,
    source: Option<String>,
    grade: Option<String>,
    assignee: Option<String>,
    search: Option<String>,
    #[serde(default)]
    overdue: bool,
    #[serde(default)]
    stock: bool,
    #[serde(default)]
    open: bool,
}

/// Where the views live: `views.toml` in the config file's directory.
pub fn path() -> Option<PathBuf> {
    Some(super::default_path()?.with_file_name("views.toml"))
}

/// Reads the views; a missing or unreadable file is no views (they are a convenience).
pub fn load(path: &Path) -> Vec<SavedView> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let file: ViewFile = toml::from_str(&text).unwrap_or_default();
    file.view.into_iter().map(from_spec).collect()
}

/// Writes the views.
pub fn save(path: &Path, views: &[SavedView]) -> std::io::Result<()> {
    let file = ViewFile { view: views.iter().map(to_spec).collect() };
    let text = toml::to_string(&file).map_err(std::io::Error::other)?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

fn from_spec(v: ViewSpec) -> SavedView {
    let filter = Filter {
        status: v.status.as_deref().and_then(Status::parse),
        village: v.village,
        sector: v.sector,
        source: v.source.as_deref().and_then(Source::parse),
        grade: v.grade.as_deref().and_then(Grade::parse),
        assignee: v.assignee,
        search: v.search,
        overdue: v.overdue,
        stock: v.stock,
        open: v.open,
        ..Filter::default()
    };
    let sort = Sort { key: SortKey::parse(&v.sort).unwrap_or_default(), descending: v.descending };
    SavedView { name: v.name, filter, sort }
}

fn to_spec(v: &SavedView) -> ViewSpec {
    let f = &v.filter;
    ViewSpec {
        name: v.name.clone(),
        sort: v.sort.key.as_str().to_string(),
        descending: v.sort.descending,
        status: f.status.map(|x| x.as_str().to_string()),
        village: f.village.clone(),
        sector: f.sector.clone(),
        source: f.source.map(|x| x.as_str().to_string()),
        grade: f.grade.map(|x| x.as_str().to_string()),
        assignee: f.assignee.clone(),
        search: f.search.clone(),
        overdue: f.overdue,
        stock: f.stock,
        open: f.open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("views.toml");
        assert!(load(&path).is_empty());
        let v = SavedView {
            name: "官桥村逾期".into(),
            filter: Filter {
                village: Some("官桥村".into()),
                overdue: true,
                status: Some(Status::Rectifying),
                ..Filter::default()
            },
            sort: Sort { key: SortKey::Enterprise, descending: true },
        };
        save(&path, std::slice::from_ref(&v)).unwrap();
        assert_eq!(load(&path), vec![v]);
    }
}
