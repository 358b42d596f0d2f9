//! The quarterly meeting pack: the paper is built once from the agenda as a list of
//! blocks (headings, paragraphs, tables, charts), then rendered as Markdown, HTML (with SVG
//! charts), DOCX and CSV annexes. Text from the ledger is sanitised here; each renderer
//! escapes for its own format.

pub mod calendar;
pub mod csv;
mod decide;
pub mod docx;
mod duties;
mod findings;
pub mod html;
pub mod markdown;
pub mod pack;
mod sections;
mod svg;
pub mod words;

pub use sections::meeting_line;

use crate::domain::consultation::SectionKind;
use crate::i18n::Lang;
use crate::store::agenda::{Agenda, AgendaTopic};
use crate::text::sanitise;

/// How many rows of a list the paper itself shows; the annexes hold them all.
pub const PAPER_ROWS: usize = 20;

/// The paper: its heading lines and its blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    pub lang: Lang,
    /// 官桥镇安委会办公室
    pub issuer: String,
    /// 2026年第四季度重大事故隐患会商研判材料
    pub title: String,
    /// (数据截至2026年11月29日)
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

impl Paper {
    /// The issuer and the title on one line.
    pub fn heading(&self) -> String {
        self.lang.f("paper.heading", &[&self.issuer, &self.title])
    }
}

/// One block of the paper.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A numbered section: 一、总体情况
    Heading(String),
    /// A numbered part of a section: (一)存量隐患
    SubHeading(String),
    Para(String),
    Table(Table),
    Chart(Chart),
}

/// A table; the paper shows the first `PAPER_ROWS` rows, the annex all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The annex's file name stem, e.g. `overdue`.
    pub id: &'static str,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The rows the paper shows.
    pub fn shown(&self) -> &[Vec<String>] {
        &self.rows[..self.rows.len().min(PAPER_ROWS)]
    }

    /// The note under a cut table, if it was cut.
    pub fn cut_note(&self, lang: Lang) -> Option<String> {
        (self.rows.len() > PAPER_ROWS).then(|| lang.f("paper.cut", &[&PAPER_ROWS, &self.rows.len()]))
    }
}

/// A chart (drawn as SVG in HTML; its numbers are in a table in every format).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Open major hazards at each quarter's end (bars) and the clearance rate (line).
    Trend { title: String, points: Vec<TrendPoint> },
    /// Open and overdue hazards per village or sector.
    Bars { title: String, bars: Vec<(String, i64, i64)>, legend: [String; 2] },
}

/// One quarter of the trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    pub label: String,
    pub open_end: i64,
    pub rate: f64,
}

/// Builds the paper of an agenda in `lang`.
pub fn paper(lang: Lang, a: &Agenda) -> Paper {
    let mut blocks = Vec::new();
    if let Some(line) = sections::meeting_line(lang, a) {
        blocks.push(Block::Para(line));
    }
    let shown: Vec<&AgendaTopic> = a.topics.iter().filter(|t| !t.dropped).collect();
    let mut n = 0;
    for topic in shown {
        n += 1;
        blocks.push(Block::Heading(words::numbered(lang, n, &topic_title(lang, topic.kind, &topic.title))));
        blocks.extend(section(lang, a, topic.kind));
        blocks.extend(decorations(lang, topic));
    }
    for (key, lines) in
        [("section.problems", findings::problems(lang, a)), ("section.measures", findings::measures(lang, a))]
    {
        n += 1;
        blocks.push(Block::Heading(words::numbered(lang, n, lang.t(key))));
        blocks.extend(lines.into_iter().enumerate().map(|(i, l)| Block::Para(words::item(lang, i + 1, &l))));
    }
    Paper {
        lang,
        issuer: lang.f("paper.issuer", &[&sanitise(&a.org)]),
        title: lang.f("paper.title", &[&words::quarter(lang, a.quarter)]),
        subtitle: lang.f("paper.as_of", &[&words::date(lang, a.as_of)]),
        blocks,
    }
}

/// A topic's title: its own, or its section's.
pub fn topic_title(lang: Lang, kind: SectionKind, title: &str) -> String {
    if title.trim().is_empty() { lang.word("section", kind.as_str()).to_string() } else { sanitise(title) }
}

/// The blocks of one section of the paper (without the topic's proposal and decision).
pub fn section(lang: Lang, a: &Agenda, kind: SectionKind) -> Vec<Block> {
    match kind {
        SectionKind::Overall => sections::overall(lang, a),
        SectionKind::Stock => sections::stock(lang, a),
        SectionKind::Overdue => sections::overdue(lang, a),
        SectionKind::Escalation => decide::escalation(lang, a),
        SectionKind::Verification => decide::verification(lang, a),
        SectionKind::Places => decide::places(lang, a),
        SectionKind::Duties => duties::section(lang, a),
        SectionKind::FollowUp => decide::follow_up(lang, a),
        SectionKind::Manual => Vec::new(),
    }
}

/// The topic's proposal and decision, when recorded.
fn decorations(lang: Lang, t: &AgendaTopic) -> Vec<Block> {
    let mut out = Vec::new();
    if !t.proposal.trim().is_empty() {
        out.push(Block::Para(lang.f("topic.proposal", &[&sanitise(&t.proposal)])));
    }
    if !t.decision.trim().is_empty() {
        out.push(Block::Para(lang.f("topic.decision", &[&sanitise(&t.decision)])));
    }
    if t.kind == SectionKind::Manual && out.is_empty() {
        out.push(Block::Para(lang.t("topic.empty").to_string()));
    }
    out
}

/// Text escaped for HTML and XML (element content and quoted attributes).
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Source;
    use crate::domain::consultation::ActionState;

    /// The keys the paper builds at run time exist in both languages.
    #[test]
    fn computed_keys_are_in_the_catalogue() {
        let mut keys: Vec<String> = SectionKind::ALL.iter().map(|k| format!("section.{k}")).collect();
        keys.extend(ActionState::ALL.iter().map(|s| format!("state.{s}")));
        keys.extend(Source::ALL.iter().map(|s| format!("source_long.{s}")));
        keys.extend(["date", "place", "chair", "attendees"].iter().map(|k| format!("meeting.{k}")));
        keys.extend(
            ["paper.meeting_held", "paper.meeting_planned", "places.village_head", "places.sector_head"]
                .map(String::from),
        );
        for lang in [Lang::Zh, Lang::En] {
            for k in &keys {
                assert_ne!(lang.t(k), "?", "{k} in {lang:?}");
            }
        }
    }

    #[test]
    fn xml_escapes_markup_and_quotes() {
        assert_eq!(xml("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
