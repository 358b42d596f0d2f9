//! The columns of each kind of file, matching a file's headers to them, and reading a
//! row's cells with every problem collected.

use chrono::NaiveDate;

use super::read::Row;
use super::{Problem, dates};
use crate::i18n::Lang;

/// One column: its stable identifier and whether an import needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub id: &'static str,
    pub required: bool,
}

const fn req(id: &'static str) -> Column {
    Column { id, required: true }
}

const fn opt(id: &'static str) -> Column {
    Column { id, required: false }
}

/// The kinds of table that go in and out; each names its columns in the catalogue
/// (`xcol.KIND.ID`: the identifier in English, the Chinese column name in Chinese).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Enterprises,
    Hazards,
    Timeline,
    Inspections,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Enterprises => "enterprises",
            Kind::Hazards => "hazards",
            Kind::Timeline => "timeline",
            Kind::Inspections => "inspections",
        }
    }

    /// The columns an import reads, or an export of the timeline writes.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Enterprises => ENTERPRISES,
            Kind::Hazards => HAZARDS,
            Kind::Timeline => TIMELINE,
            Kind::Inspections => INSPECTIONS,
        }
    }

    /// A column's name in `lang`.
    pub fn header(self, lang: Lang, id: &str) -> &'static str {
        lang.t(&format!("xcol.{}.{id}", self.as_str()))
    }
}

pub const ENTERPRISES: &[Column] = &[
    req("credit_code"),
    req("name"),
    req("sector"),
    opt("village"),
    opt("department"),
    opt("principal"),
    opt("principal_phone"),
    opt("controller"),
    opt("controller_phone"),
    opt("address"),
    opt("high_risk"),
];

pub const HAZARDS: &[Column] = &[
    opt("code"),
    req("enterprise"),
    req("title"),
    opt("description"),
    req("grade"),
    opt("sector"),
    opt("standard_ref"),
    req("source"),
    req("discovered_on"),
    req("deadline"),
    opt("owner"),
    opt("assignee"),
    opt("status"),
    opt("plan_responsible"),
    opt("plan_measures"),
    opt("plan_funds"),
    opt("plan_deadline"),
    opt("plan_contingency"),
];

/// Columns an export of hazards adds for reading; an import ignores them.
pub const HAZARD_EXTRAS: &[Column] =
    &[opt("enterprise_name"), opt("village"), opt("escalation_level"), opt("closed_at")];

pub const INSPECTIONS: &[Column] = &[
    req("enterprise"),
    req("date"),
    req("led_by"),
    opt("instead_reason"),
    opt("scope"),
    opt("findings"),
    opt("hazards"),
];

pub const TIMELINE: &[Column] =
    &[opt("code"), opt("at"), opt("actor"), opt("kind"), opt("field"), opt("from"), opt("to"), opt("note")];

/// A header reduced for matching: no spaces, no required-marks, ASCII lower case.
fn normalise(h: &str) -> String {
    let h: String = h.chars().filter(|c| !c.is_whitespace() && *c != '\u{FEFF}').collect();
    let h = h.trim_end_matches(['*', '＊']);
    let h = h.strip_suffix("(必填)").or_else(|| h.strip_suffix("（必填）")).unwrap_or(h);
    h.to_ascii_lowercase()
}

/// `names` and then the aliases the catalogues list under `alias_key` (`a|b|c`), normalised.
fn with_aliases(mut names: Vec<String>, alias_key: &str) -> Vec<String> {
    for lang in [Lang::Zh, Lang::En] {
        let aliases = lang.t(alias_key);
        if aliases != "?" {
            names.extend(aliases.split('|').map(str::to_string));
        }
    }
    names.iter().map(|n| normalise(n)).collect()
}

/// The names a column is known by: identifier, both languages, then its aliases.
fn names(kind: Kind, id: &str) -> Vec<String> {
    let names = vec![id.to_string(), kind.header(Lang::Zh, id).to_string(), kind.header(Lang::En, id).to_string()];
    with_aliases(names, &format!("xalias.{}.{id}", kind.as_str()))
}

/// Where each column of a kind is in a file.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    kind: Kind,
    /// For each of the kind's columns: its index and the header as written.
    found: Vec<Option<(usize, String)>>,
    /// Headers that match no column.
    pub ignored: Vec<String>,
}

impl ColumnMap {
    /// Matches `headers`; the missing required columns are the error, by name in `lang`.
    pub fn new(kind: Kind, headers: &[String], lang: Lang) -> Result<ColumnMap, Vec<String>> {
        let normal: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut used = vec![false; headers.len()];
        let mut found = Vec::new();
        for col in kind.columns() {
            let names = names(kind, col.id);
            // the column's own names before its aliases
            let at = names.iter().find_map(|n| (0..normal.len()).find(|i| !used[*i] && normal[*i] == *n));
            if let Some(i) = at {
                used[i] = true;
            }
            found.push(at.map(|i| (i, headers[i].trim().to_string())));
        }
        let missing: Vec<String> = kind
            .columns()
            .iter()
            .zip(&found)
            .filter(|(c, f)| c.required && f.is_none())
            .map(|(c, _)| match kind.header(lang, c.id) {
                name if name == c.id => name.to_string(),
                name => format!("{name} ({})", c.id),
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let ignored =
            headers.iter().zip(&used).filter(|(h, u)| !**u && !h.trim().is_empty()).map(|(h, _)| h.clone()).collect();
        Ok(ColumnMap { kind, found, ignored })
    }

    fn slot(&self, id: &str) -> Option<&(usize, String)> {
        let i = self.kind.columns().iter().position(|c| c.id == id)?;
        self.found.get(i)?.as_ref()
    }
}

/// One row being read: the cells by column identifier, and the problems found so far.
pub struct Cells<'a> {
    map: &'a ColumnMap,
    row: &'a Row,
    pub lang: Lang,
    pub problems: Vec<Problem>,
}

impl<'a> Cells<'a> {
    pub fn new(map: &'a ColumnMap, row: &'a Row, lang: Lang) -> Cells<'a> {
        Cells { map, row, lang, problems: Vec::new() }
    }

    pub fn line(&self) -> usize {
        self.row.line
    }

    /// The trimmed cell of column `id`; empty when the file lacks the column.
    pub fn text(&self, id: &str) -> &'a str {
        let row = self.row;
        self.map.slot(id).and_then(|(i, _)| row.cells.get(*i)).map_or("", |c| c.trim())
    }

    /// Records a problem with column `id`.
    pub fn fail(&mut self, id: &str, reason: String) {
        let column = match self.map.slot(id) {
            Some((_, header)) => header.clone(),
            None => self.map.kind.header(self.lang, id).to_string(),
        };
        self.problems.push(Problem { line: self.row.line, column, reason });
    }

    /// A cell that must not be empty.
    pub fn required(&mut self, id: &str) -> Option<&'a str> {
        let v = self.text(id);
        if v.is_empty() {
            self.fail(id, self.lang.t("imp.why.required").to_string());
            return None;
        }
        Some(v)
    }

    /// A required date in any of the accepted forms.
    pub fn date(&mut self, id: &str) -> Option<NaiveDate> {
        let v = self.required(id)?;
        let d = dates::parse(v);
        if d.is_none() {
            self.fail(id, self.lang.f("imp.why.not_a_date", &[&v]));
        }
        d
    }

    /// A closed word: the identifier, or its word in either language (or an alias).
    pub fn word<T: Copy>(&mut self, id: &str, group: &str, all: &[T], as_str: fn(T) -> &'static str) -> Option<T> {
        let v = self.text(id);
        let found = all.iter().copied().find(|w| word_names(group, as_str(*w)).iter().any(|n| *n == normalise(v)));
        if found.is_none() {
            let choices: Vec<&str> = all.iter().map(|w| self.lang.word(group, as_str(*w))).collect();
            self.fail(id, self.lang.f("imp.why.not_one_of", &[&v, &choices.join(self.lang.t("list.sep"))]));
        }
        found
    }

    /// Yes or no (是/否, true/false, 1/0, Y/N, √); empty is no.
    pub fn yes_no(&mut self, id: &str) -> Option<bool> {
        match normalise(self.text(id)).as_str() {
            "" | "否" | "no" | "n" | "false" | "0" | "×" => Some(false),
            "是" | "yes" | "y" | "true" | "1" | "√" => Some(true),
            v => {
                let reason = self.lang.f("imp.why.yes_no", &[&v]);
                self.fail(id, reason);
                None
            }
        }
    }
}

/// The accepted spellings of one word of a group (e.g. `source`, `self_report`).
fn word_names(group: &str, id: &str) -> Vec<String> {
    let names = vec![id.to_string(), Lang::Zh.word(group, id).to_string(), Lang::En.word(group, id).to_string()];
    with_aliases(names, &format!("xalias.{group}.{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_column_is_named_in_both_languages() {
        for kind in [Kind::Enterprises, Kind::Hazards, Kind::Timeline, Kind::Inspections] {
            for col in kind.columns().iter().chain(if kind == Kind::Hazards { HAZARD_EXTRAS } else { &[] }) {
                assert_eq!(kind.header(Lang::En, col.id), col.id);
                assert_ne!(kind.header(Lang::Zh, col.id), "?", "{} {}", kind.as_str(), col.id);
            }
        }
    }

    #[test]
    fn chinese_english_and_marked_headers_match() {
        let h = headers(&["统一社会信用代码*", " Name ", "行业领域", "序号"]);
        let map = ColumnMap::new(Kind::Enterprises, &h, Lang::En).unwrap();
        assert_eq!(map.slot("credit_code").map(|s| s.0), Some(0));
        assert_eq!(map.slot("name").map(|s| s.0), Some(1));
        assert_eq!(map.ignored, vec!["序号"]);
    }

    #[test]
    fn missing_required_columns_are_named() {
        let err = ColumnMap::new(Kind::Hazards, &headers(&["企业", "隐患名称"]), Lang::En).unwrap_err();
        assert_eq!(err, vec!["grade", "source", "discovered_on", "deadline"]);
        let err = ColumnMap::new(Kind::Hazards, &headers(&["企业", "隐患名称"]), Lang::Zh).unwrap_err();
        assert_eq!(err[0], "等级 (grade)");
    }

    #[test]
    fn words_in_either_language() {
        let map = ColumnMap::new(Kind::Hazards, &headers(&["grade"]), Lang::En);
        assert!(map.is_err());
        let h = headers(&["enterprise", "title", "grade", "source", "discovered_on", "deadline"]);
        let map = ColumnMap::new(Kind::Hazards, &h, Lang::En).unwrap();
        let row = Row { line: 2, cells: headers(&["e", "t", "重大", "企业自查上报", "", ""]) };
        let mut cells = Cells::new(&map, &row, Lang::En);
        use crate::domain::{Grade, Source};
        assert_eq!(cells.word("grade", "grade", Grade::ALL, Grade::as_str), Some(Grade::Major));
        assert_eq!(cells.word("source", "source", Source::ALL, Source::as_str), Some(Source::SelfReport));
        assert_eq!(cells.date("deadline"), None);
        assert_eq!(cells.problems.len(), 1);
        assert_eq!(cells.problems[0].column, "deadline");
    }
}
