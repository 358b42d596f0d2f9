//! The figures of each agenda section as the consultation screen lists them, each with
//! what Enter opens: the ledger on exactly the hazards behind it, or the actions counted.

use crate::domain::consultation::SectionKind;
use crate::domain::quarter::Quarter;
use crate::i18n::Lang;
use crate::model::{ActionFigure, Agenda, Figure, PlaceRow};
use crate::model::{EnterpriseFilter, Filter};

/// What lies behind a figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Trace {
    /// The hazards the ledger lists with this filter.
    Hazards(Box<Filter>),
    /// The follow-up actions of this quarter's consultation.
    Actions(Option<Quarter>),
    /// The enterprises the enterprise list shows with this filter.
    Enterprises(EnterpriseFilter),
}

/// One line of a section's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureLine {
    /// From the catalogue, or a name from the ledger (sanitised when drawn).
    pub label: String,
    pub value: i64,
    /// A part of the line above (drawn indented).
    pub part: bool,
    pub trace: Trace,
}

fn line(label: impl Into<String>, f: &Figure) -> FigureLine {
    FigureLine { label: label.into(), value: f.value, part: false, trace: Trace::Hazards(Box::new(f.filter.clone())) }
}

fn part(label: impl Into<String>, f: &Figure) -> FigureLine {
    FigureLine { part: true, ..line(label, f) }
}

fn actions(label: &str, f: &ActionFigure) -> FigureLine {
    FigureLine { label: label.to_string(), value: f.value, part: false, trace: Trace::Actions(f.filter.quarter) }
}

/// The figures of one section of the agenda, in the order the paper gives them.
pub fn figures(lang: Lang, a: &Agenda, kind: SectionKind) -> Vec<FigureLine> {
    match kind {
        SectionKind::Overall => overall(lang, a),
        SectionKind::Stock => stock(lang, a),
        SectionKind::Overdue => vec![line(lang.t("consultation.fig.overdue"), &a.overdue.total)],
        SectionKind::Escalation => escalation(lang, a),
        SectionKind::Verification => vec![
            line(lang.t("tile.awaiting"), &a.verification.awaiting),
            line(lang.t("consultation.fig.failed"), &a.verification.failed),
        ],
        SectionKind::Places => places(lang, a),
        SectionKind::Duties => duties(lang, a),
        SectionKind::FollowUp => {
            let f = &a.follow_up;
            ["done", "open", "late"]
                .into_iter()
                .zip([&f.done, &f.open, &f.late])
                .map(|(state, fig)| actions(lang.word("state", state), fig))
                .collect()
        }
        SectionKind::Manual => Vec::new(),
    }
}

fn overall(lang: Lang, a: &Agenda) -> Vec<FigureLine> {
    let q = &a.overall.this;
    let mut out = vec![line(lang.t("fig.open_start"), &q.open_start), line(lang.t("fig.new"), &q.new)];
    out.extend(q.new_by_source.iter().map(|(s, f)| part(lang.word("source", s.as_str()), f)));
    out.extend([
        line(lang.t("fig.closed"), &q.closed),
        line(lang.t("fig.open_end"), &q.open_end),
        line(lang.t("fig.overdue_end"), &q.overdue_end),
    ]);
    out
}

fn stock(lang: Lang, a: &Agenda) -> Vec<FigureLine> {
    let s = &a.stock;
    let mut out = vec![line(lang.t("fig.stock_open"), &s.stock_open)];
    out.extend(s.stock_by_enterprise.iter().map(|g| part(g.label.clone(), &g.figure)));
    out.extend([
        line(lang.t("consultation.fig.stock_2024"), &s.stock_open_end_2024),
        line(lang.t("consultation.fig.increment_open"), &s.increment_open),
        line(lang.t("consultation.fig.increment_overdue"), &s.increment_overdue),
        line(lang.t("consultation.fig.found_2024"), &s.found_2024),
        line(lang.t("consultation.fig.found_2025"), &s.found_2025),
        line(lang.t("consultation.fig.increment_overdue_2025"), &s.increment_overdue_end_2025),
    ]);
    out
}

fn escalation(lang: Lang, a: &Agenda) -> Vec<FigureLine> {
    let e = &a.escalations;
    let mut out = vec![line(lang.t("consultation.fig.escalated"), &e.escalated)];
    out.extend(e.by_level.iter().map(|(l, f)| part(lang.word("level", &l.to_string()), f)));
    out.push(line(lang.t("tile.queue"), &e.queue));
    out
}

fn duties(lang: Lang, a: &Agenda) -> Vec<FigureLine> {
    let d = &a.duties;
    let behind = EnterpriseFilter { behind: true, ..EnterpriseFilter::default() };
    let behind = FigureLine {
        label: lang.t("tile.inspections_behind").into(),
        value: d.behind,
        part: false,
        trace: Trace::Enterprises(behind),
    };
    vec![
        behind,
        line(lang.t("tile.not_notified"), &d.not_notified),
        line(lang.t("tile.listed"), &d.listed),
        part(lang.t("fig.listed_stopped"), &d.listed_stopped),
        line(lang.t("tile.stopped"), &d.stopped),
        line(lang.t("tile.reviews_pending"), &d.reviews_pending),
    ]
}

fn places(lang: Lang, a: &Agenda) -> Vec<FigureLine> {
    let rows = a.places.villages.iter().chain(&a.places.sectors);
    rows.flat_map(|r: &PlaceRow| {
        let name = if r.label.is_empty() { lang.t("places.no_village") } else { r.label.as_str() };
        [("tui.open", &r.open), ("tile.overdue", &r.overdue), ("fig.new", &r.new), ("fig.closed", &r.closed)]
            .map(|(k, f)| line(format!("{name} {}", lang.t(k)), f))
    })
    .collect()
}
