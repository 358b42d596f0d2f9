//! The escalation screen (督办), in panes: the queue of hazards whose next escalation step
//! is due, the hazards listed for supervision (挂牌督办) with the days left to their
//! deadline, and the resumption applications awaiting their on-site review with the days
//! left of the ten (late ones in red).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::View;
use super::list::{self, ListKind};
use super::panes::{self, RowsPane};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::model::{HazardRow, ReviewDue};
use crate::protocol::{Query, Slot};
use crate::widget::table::{Cells, Fit, Spec};
use crate::widget::theme::{Role, Theme};

/// The panes, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Queue,
    Listed,
    Reviews,
}

const PANES: [Pane; 3] = [Pane::Queue, Pane::Listed, Pane::Reviews];

impl Pane {
    fn title_key(self) -> &'static str {
        match self {
            Pane::Queue => "tui.pane.queue",
            Pane::Listed => ListKind::Listed.title_key(),
            Pane::Reviews => "tui.pane.reviews",
        }
    }

    fn list(self) -> Option<ListKind> {
        match self {
            Pane::Queue => Some(ListKind::Escalation),
            Pane::Listed => Some(ListKind::Listed),
            Pane::Reviews => None,
        }
    }
}

/// What the escalation screen shows besides its hazard lists.
#[derive(Debug, Clone, Default)]
pub struct EscalationView {
    pub pane: Pane,
    pub reviews: RowsPane<ReviewDue>,
}

pub struct EscalationScreen;

impl View for EscalationScreen {
    const TITLE: &'static str = ListKind::Escalation.title_key();
    const PLACE: Place = Place::List;
    const LIST: Option<ListKind> = Some(ListKind::Escalation);
    const LISTS: &'static [ListKind] = &[ListKind::Escalation, ListKind::Listed];

    fn show(s: &mut AppState) -> Vec<Effect> {
        vec![
            list::recount(s, ListKind::Escalation),
            list::recount(s, ListKind::Listed),
            s.load(Slot::Reviews, Query::Reviews(panes::ROWS)),
        ]
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        let pane = s.escalation.pane;
        if let Some(i) = panes::switch(PANES.iter().position(|p| *p == pane).unwrap_or(0), PANES.len(), a) {
            s.escalation.pane = PANES[i];
            return Vec::new();
        }
        match pane.list() {
            Some(kind) => list::act(s, kind, a),
            None => match a {
                Action::Open => match s.escalation.reviews.current().map(|r| r.code.clone()) {
                    Some(code) => super::detail::open(s, &code),
                    None => Vec::new(),
                },
                _ => {
                    let page = s.page_size();
                    s.escalation.reviews.step(a, page);
                    Vec::new()
                }
            },
        }
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        let v = &s.escalation;
        let counts: Vec<(&str, Option<i64>)> = PANES
            .iter()
            .map(|p| (p.title_key(), p.list().map_or(v.reviews.count, |kind| s.list(kind).count)))
            .collect();
        let on = PANES.iter().position(|p| *p == v.pane).unwrap_or(0);
        panes::bar(f, area, s, &counts, on, t);
        let body = panes::below_bar(area);
        match v.pane.list() {
            Some(kind) => list::draw::draw(f, body, s, kind, t),
            None => draw_reviews(f, body, s, t),
        }
    }

    fn current(s: &AppState) -> Option<&HazardRow> {
        s.escalation.pane.list().and_then(|kind| s.list(kind).current())
    }

    fn list_now(s: &AppState) -> Option<ListKind> {
        s.escalation.pane.list()
    }
}

/// A column of the reviews pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Code,
    Left,
    Due,
    Title,
    Enterprise,
    Applied,
    Evaluator,
}

const SPECS: [Spec<Col>; 7] = [
    Spec { col: Col::Code, min: 12, max: 12, keep: 10 },
    Spec { col: Col::Left, min: 4, max: 6, keep: 9 },
    Spec { col: Col::Due, min: 10, max: 10, keep: 7 },
    Spec { col: Col::Title, min: 10, max: 0, keep: 8 },
    Spec { col: Col::Enterprise, min: 8, max: 24, keep: 6 },
    Spec { col: Col::Applied, min: 10, max: 10, keep: 3 },
    Spec { col: Col::Evaluator, min: 8, max: 24, keep: 2 },
];

const HOW: Fit<Col> = Fit { flex_first: 16, minor: 3, always: Col::Code };

struct Reviews<'a> {
    s: &'a AppState,
    t: &'a Theme,
}

impl Cells<ReviewDue> for Reviews<'_> {
    type Col = Col;

    fn header(&self, c: Col) -> String {
        let key = match c {
            Col::Code => "col.code",
            Col::Left => "tui.col.left",
            Col::Due => "tui.col.review_due",
            Col::Title => "col.title",
            Col::Enterprise => "col.enterprise",
            Col::Applied => "tui.col.applied",
            Col::Evaluator => "form.evaluated_by",
        };
        self.s.lang.t(key).to_string()
    }

    fn text(&self, r: &ReviewDue, c: Col) -> String {
        match c {
            Col::Code => r.code.clone(),
            Col::Left => r.days_left.to_string(),
            Col::Due => r.review_due.clone(),
            Col::Title => r.title.clone(),
            Col::Enterprise => r.enterprise.clone(),
            Col::Applied => r.applied_on.clone(),
            Col::Evaluator => r.evaluated_by.clone(),
        }
    }

    fn row_style(&self, r: &ReviewDue) -> Style {
        if r.days_left < 0 { self.t.style(Role::Overdue) } else { Style::default() }
    }
}

fn draw_reviews(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    panes::draw_rows(f, area, s, &s.escalation.reviews, (&SPECS, &HOW, &Reviews { s, t }), t);
}
