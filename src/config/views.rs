//! Named saved views (a list's filter and sort: of hazards or of enterprises), kept in
//! `views.toml` beside the config.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{Grade, Source, Status};
use crate::store::enterprise::{EnterpriseFilter, EnterpriseSort};
use crate::store::list::{Filter, Sort, SortKey};

/// A named filter and sort.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedView {
    pub name: String,
    pub shows: Shows,
}

/// What a saved view lists, and how.
#[derive(Debug, Clone, PartialEq)]
pub enum Shows {
    Hazards(Filter, Sort),
    Enterprises(EnterpriseFilter, EnterpriseSort),
}

impl SavedView {
    /// Whether it lists enterprises (a view is found and named among its own kind).
    pub fn of_enterprises(&self) -> bool {
        matches!(self.shows, Shows::Enterprises(..))
    }
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
    /// `enterprises` for a view of the enterprises screen; none for the hazards'.
    list: Option<String>,
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
    #[serde(default)]
    high_risk: bool,
    #[serde(default)]
    behind: bool,
}

const ENTERPRISES: &str = "enterprises";

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
    let shows = if v.list.as_deref() == Some(ENTERPRISES) {
        let filter = EnterpriseFilter {
            search: v.search,
            village: v.village,
            sector: v.sector,
            high_risk: v.high_risk,
            behind: v.behind,
        };
        Shows::Enterprises(filter, EnterpriseSort::parse(&v.sort).unwrap_or_default())
    } else {
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
        Shows::Hazards(filter, Sort { key: SortKey::parse(&v.sort).unwrap_or_default(), descending: v.descending })
    };
    SavedView { name: v.name, shows }
}

fn to_spec(v: &SavedView) -> ViewSpec {
    let name = v.name.clone();
    match &v.shows {
        Shows::Hazards(f, sort) => ViewSpec {
            name,
            sort: sort.key.as_str().to_string(),
            descending: sort.descending,
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
            ..ViewSpec::default()
        },
        Shows::Enterprises(f, sort) => ViewSpec {
            name,
            list: Some(ENTERPRISES.to_string()),
            sort: sort.name().to_string(),
            village: f.village.clone(),
            sector: f.sector.clone(),
            search: f.search.clone(),
            high_risk: f.high_risk,
            behind: f.behind,
            ..ViewSpec::default()
        },
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
        let hazards = SavedView {
            name: "官桥村逾期".into(),
            shows: Shows::Hazards(
                Filter {
                    village: Some("官桥村".into()),
                    overdue: true,
                    status: Some(Status::Rectifying),
                    ..Filter::default()
                },
                Sort { key: SortKey::Enterprise, descending: true },
            ),
        };
        let enterprises = SavedView {
            name: "官桥村逾期".into(),
            shows: Shows::Enterprises(
                EnterpriseFilter {
                    village: Some("官桥村".into()),
                    high_risk: true,
                    behind: true,
                    ..Default::default()
                },
                EnterpriseSort::LastInspection,
            ),
        };
        let both = vec![hazards, enterprises];
        save(&path, &both).unwrap();
        assert_eq!(load(&path), both);
    }
}
