//! Sections one to three of the paper: the overall picture against the previous quarter,
//! stock and increment against the plan's targets, and the overdue hazards; with the
//! meeting line and the hazard tables the later sections share.

use chrono::NaiveDate;

use super::words::{change, date, delta, join, percent, points, quarter};
use super::{Block, Chart, Table, TrendPoint};
use crate::domain::Source;
use crate::i18n::Lang;
use crate::store::agenda::{Agenda, QuarterFigures};
use crate::store::list::HazardRow;
use crate::text::sanitise;

/// "截至本季度末" for a past quarter, "截至2026年11月29日" while it runs.
pub(super) fn as_of_words(lang: Lang, a: &Agenda) -> String {
    if a.current { lang.f("paper.until_day", &[&date(lang, a.as_of)]) } else { lang.t("paper.until_end").to_string() }
}

/// The meeting's date, place, chair and attendees, when recorded.
pub fn meeting_line(lang: Lang, a: &Agenda) -> Option<String> {
    let r = a.record.as_ref()?;
    let day = r.held_on.map(|d| date(lang, d)).unwrap_or_default();
    let parts: Vec<String> = [
        ("meeting.date", day),
        ("meeting.place", sanitise(&r.place)),
        ("meeting.chair", sanitise(&r.chair)),
        ("meeting.attendees", sanitise(&r.attendees)),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| lang.f(k, &[v]))
    .collect();
    if parts.is_empty() {
        return None;
    }
    let key = if r.held { "paper.meeting_held" } else { "paper.meeting_planned" };
    Some(lang.f(key, &[&parts.join(lang.t("paper.meeting_sep"))]))
}

/// A table whose headers are catalogue keys.
pub(super) fn table(lang: Lang, id: &'static str, caption: &str, headers: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table(Table {
        id,
        caption: caption.to_string(),
        headers: headers.iter().map(|h| lang.t(h).to_string()).collect(),
        rows,
    })
}

/// The columns a hazard table can show.
#[derive(Debug, Clone, Copy)]
pub(super) enum Col {
    No,
    Code,
    Enterprise,
    Village,
    Title,
    Deadline,
    /// Days overdue on the given day.
    Late(NaiveDate),
    Level,
    Recommended,
    Assignee,
    Round,
}

impl Col {
    fn header(self) -> &'static str {
        match self {
            Col::No => "col.no",
            Col::Code => "col.code",
            Col::Enterprise => "col.enterprise",
            Col::Village => "col.village",
            Col::Title => "col.title",
            Col::Deadline => "col.deadline",
            Col::Late(_) => "col.days_overdue",
            Col::Level => "col.escalation_level",
            Col::Recommended => "col.recommended_level",
            Col::Assignee => "col.assignee",
            Col::Round => "col.round",
        }
    }

    fn cell(self, lang: Lang, i: usize, r: &HazardRow) -> String {
        let level = |n: u8| lang.word("level", &n.to_string()).to_string();
        match self {
            Col::No => (i + 1).to_string(),
            Col::Code => sanitise(&r.code),
            Col::Enterprise => sanitise(&r.enterprise),
            Col::Village => sanitise(&r.village),
            Col::Title => sanitise(&r.title),
            Col::Deadline => r.deadline.to_string(),
            Col::Late(day) => (day - r.deadline).num_days().max(0).to_string(),
            Col::Level => level(r.escalation_level),
            Col::Recommended => level(r.recommended_level),
            Col::Assignee => sanitise(&r.assignee_name.clone().or(r.assignee.clone()).unwrap_or_default()),
            Col::Round => r.round.to_string(),
        }
    }
}

/// A table of hazards with the given columns.
pub(super) fn hazard_table(lang: Lang, id: &'static str, caption: &str, rows: &[HazardRow], cols: &[Col]) -> Block {
    let headers: Vec<&str> = cols.iter().map(|c| c.header()).collect();
    let cells = rows.iter().enumerate().map(|(i, r)| cols.iter().map(|c| c.cell(lang, i, r)).collect()).collect();
    table(lang, id, caption, &headers, cells)
}

/// Section 1.
pub(super) fn overall(lang: Lang, a: &Agenda) -> Vec<Block> {
    let (t, p) = (&a.overall.this, &a.overall.prev);
    let source = |q: &QuarterFigures, s: Source| q.new_by_source.iter().find(|x| x.0 == s).map_or(0, |x| x.1.value);
    let summary = lang.f(
        "overall.summary",
        &[
            &t.open_start.value,
            &t.new.value,
            &source(t, Source::SelfReport),
            &source(t, Source::Inspection),
            &source(t, Source::PublicReport),
            &t.closed.value,
            &percent(t.clearance_rate()),
            &as_of_words(lang, a),
            &t.open_end.value,
            &change(lang, t.open_end.value, p.open_end.value),
            &t.overdue_end.value,
            &change(lang, t.overdue_end.value, p.overdue_end.value),
        ],
    );
    let trend_points = a
        .overall
        .trend
        .iter()
        .map(|q| TrendPoint { label: q.quarter.to_string(), open_end: q.open_end.value, rate: q.clearance_rate() })
        .collect();
    vec![
        Block::Para(summary),
        compare_table(lang, t, p),
        trend_table(lang, &a.overall.trend),
        Block::Chart(Chart::Trend { title: lang.t("chart.trend").to_string(), points: trend_points }),
    ]
}

fn compare_table(lang: Lang, t: &QuarterFigures, p: &QuarterFigures) -> Block {
    let row = |key: &str, a: i64, b: i64| vec![lang.t(key).to_string(), a.to_string(), b.to_string(), delta(a, b)];
    let mut rows =
        vec![row("fig.open_start", t.open_start.value, p.open_start.value), row("fig.new", t.new.value, p.new.value)];
    for ((s, a), (_, b)) in t.new_by_source.iter().zip(&p.new_by_source) {
        rows.push(vec![
            lang.f("fig.of_which", &[&lang.word("source_long", s.as_str())]),
            a.value.to_string(),
            b.value.to_string(),
            delta(a.value, b.value),
        ]);
    }
    rows.push(row("fig.closed", t.closed.value, p.closed.value));
    let (rt, rp) = (t.clearance_rate(), p.clearance_rate());
    rows.push(vec![lang.t("fig.rate").to_string(), percent(rt), percent(rp), points(lang, rt, rp)]);
    rows.push(row("fig.open_end", t.open_end.value, p.open_end.value));
    rows.push(row("fig.overdue_end", t.overdue_end.value, p.overdue_end.value));
    let caption = lang.f("table.overall", &[&quarter(lang, t.quarter), &quarter(lang, p.quarter)]);
    table(lang, "overall", &caption, &["col.figure", "col.this_quarter", "col.prev_quarter", "col.change"], rows)
}

fn trend_table(lang: Lang, trend: &[QuarterFigures]) -> Block {
    let rows = trend
        .iter()
        .map(|q| {
            vec![
                quarter(lang, q.quarter),
                q.new.value.to_string(),
                q.closed.value.to_string(),
                q.open_end.value.to_string(),
                q.overdue_end.value.to_string(),
                percent(q.clearance_rate()),
            ]
        })
        .collect();
    let headers = ["col.quarter", "fig.new", "fig.closed", "fig.open_end", "fig.overdue_end", "fig.rate"];
    table(lang, "trend", lang.t("table.trend"), &headers, rows)
}

/// Section 2.
pub(super) fn stock(lang: Lang, a: &Agenda) -> Vec<Block> {
    let s = &a.stock;
    let end_2024 = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default();
    let end_2025 = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
    let target_2024 = match (a.as_of < end_2024, s.stock_open_end_2024.value) {
        (true, n) => lang.f("stock.before_2024", &[&n]),
        (false, 0) => lang.t("stock.met_2024").to_string(),
        (false, n) => lang.f("stock.missed_2024", &[&n]),
    };
    let now = match s.stock_open.value {
        0 => lang.f("stock.none_now", &[&as_of_words(lang, a)]),
        n => lang.f("stock.open_now", &[&as_of_words(lang, a), &n, &s.stock_by_enterprise.len()]),
    };
    let increment = lang.f("stock.increment", &[&s.increment_open.value, &s.increment_overdue.value]);
    let target_2025 = if a.as_of < end_2025 {
        lang.f("stock.before_2025", &[&s.found_2025.value, &s.found_2024.value])
    } else {
        let met = s.found_2025.value < s.found_2024.value && s.increment_overdue_end_2025.value == 0;
        let word = if met { lang.t("target.met") } else { lang.t("target.missed") };
        lang.f(
            "stock.after_2025",
            &[
                &s.found_2025.value,
                &s.found_2024.value,
                &change(lang, s.found_2025.value, s.found_2024.value),
                &s.increment_overdue_end_2025.value,
                &word,
            ],
        )
    };
    let mut out = vec![Block::SubHeading(super::words::item(lang, 1, lang.t("stock.stock_head")))];
    out.push(Block::Para(format!("{target_2024}{now}")));
    if !s.stock_by_enterprise.is_empty() {
        let rows = s.stock_by_enterprise.iter().map(|g| vec![sanitise(&g.label), g.figure.value.to_string()]).collect();
        out.push(table(lang, "stock", lang.t("table.stock"), &["col.enterprise", "fig.stock_open"], rows));
    }
    out.push(Block::SubHeading(super::words::item(lang, 2, lang.t("stock.increment_head"))));
    out.push(Block::Para(format!("{increment}{target_2025}")));
    out
}

/// Section 3.
pub(super) fn overdue(lang: Lang, a: &Agenda) -> Vec<Block> {
    let rows = &a.overdue.rows;
    let late = |r: &HazardRow| (a.as_of - r.deadline).num_days();
    let Some(first) = rows.first() else {
        return vec![Block::Para(lang.f("overdue.none", &[&as_of_words(lang, a)]))];
    };
    let over = |days: i64| rows.iter().filter(|r| late(r) > days).count();
    let worst = lang.f("overdue.worst", &[&sanitise(&first.enterprise), &sanitise(&first.title), &late(first)]);
    let para =
        lang.f("overdue.summary", &[&as_of_words(lang, a), &a.overdue.total.value, &over(30), &over(60), &worst]);
    let by_level: Vec<String> = (1..=4u8)
        .filter_map(|l| {
            let n = rows.iter().filter(|r| r.escalation_level == l).count();
            (n > 0).then(|| lang.f("overdue.level", &[&lang.word("level", &l.to_string()), &n]))
        })
        .collect();
    let escalated = if by_level.is_empty() {
        lang.t("overdue.none_escalated").to_string()
    } else {
        lang.f("overdue.escalated", &[&join(lang, &by_level)])
    };
    let cols = [
        Col::No,
        Col::Code,
        Col::Enterprise,
        Col::Village,
        Col::Title,
        Col::Deadline,
        Col::Late(a.as_of),
        Col::Level,
        Col::Assignee,
    ];
    vec![Block::Para(format!("{para}{escalated}")), hazard_table(lang, "overdue", lang.t("table.overdue"), rows, &cols)]
}
