//! The overdue screen (逾期): what is behind, in panes — the overdue hazards, the open
//! major hazards whose principal or controller is still to be told, the enterprises
//! behind on their head-led inspections, the follow-up actions past due, and the
//! tip-offs whose verification is late.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::action_rows::{Rows, panel};
use super::list::{self, ListKind};
use super::panes::{self, RowsPane};
use super::{Screen, View};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::model::{ActionRow, Arrear, HazardRow, TipoffFilter, TipoffRow};
use crate::protocol::{Query, Slot, TipoffQuery};
use crate::widget::table::{Cells, Fit, Spec};
use crate::widget::theme::{Role, Theme};

/// The panes, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Hazards,
    NotNotified,
    Behind,
    Actions,
    Tipoffs,
}

const PANES: [Pane; 5] = [Pane::Hazards, Pane::NotNotified, Pane::Behind, Pane::Actions, Pane::Tipoffs];

impl Pane {
    fn title_key(self) -> &'static str {
        match self {
            Pane::Hazards => "tui.pane.overdue",
            Pane::NotNotified => ListKind::NotNotified.title_key(),
            Pane::Behind => "tui.pane.behind",
            Pane::Actions => "tui.pane.late_actions",
            Pane::Tipoffs => "tui.pane.late_tipoffs",
        }
    }

    fn list(self) -> Option<ListKind> {
        match self {
            Pane::Hazards => Some(ListKind::Overdue),
            Pane::NotNotified => Some(ListKind::NotNotified),
            Pane::Behind | Pane::Actions | Pane::Tipoffs => None,
        }
    }
}

/// What the overdue screen shows besides its hazard lists.
#[derive(Debug, Clone, Default)]
pub struct OverdueView {
    pub pane: Pane,
    /// The enterprises behind on their head-led inspections.
    pub behind: RowsPane<Arrear>,
    /// Follow-up actions past due.
    pub late: RowsPane<ActionRow>,
    /// Tip-offs whose verification is past its deadline, the most late first.
    pub tipoffs: RowsPane<TipoffRow>,
}

pub struct OverdueScreen;

impl View for OverdueScreen {
    const TITLE: &'static str = ListKind::Overdue.title_key();
    const PLACE: Place = Place::List;
    const LIST: Option<ListKind> = Some(ListKind::Overdue);
    const LISTS: &'static [ListKind] = &[ListKind::Overdue, ListKind::NotNotified];

    /// Every pane, so that the bar has its counts.
    fn show(s: &mut AppState) -> Vec<Effect> {
        let limit = panes::ROWS;
        vec![
            list::recount(s, ListKind::Overdue),
            list::recount(s, ListKind::NotNotified),
            s.load(Slot::Arrears, Query::Arrears(limit)),
            s.load(Slot::LateActions, Query::LateActions),
            s.load(Slot::LateTipoffs, Query::Tipoffs(Box::new(late_tipoffs(limit)))),
        ]
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        let pane = s.overdue.pane;
        if let Some(i) = panes::switch(PANES.iter().position(|p| *p == pane).unwrap_or(0), PANES.len(), a) {
            s.overdue.pane = PANES[i];
            return Vec::new();
        }
        let page = s.page_size();
        match pane {
            Pane::Hazards | Pane::NotNotified => list::act(s, pane.list().unwrap_or(ListKind::Overdue), a),
            Pane::Behind => match a {
                Action::Open => match s.overdue.behind.current().map(|r| r.credit_code.clone()) {
                    Some(code) => super::enterprises::open_code(s, code),
                    None => Vec::new(),
                },
                _ => {
                    s.overdue.behind.step(a, page);
                    Vec::new()
                }
            },
            Pane::Actions => match a {
                Action::Open if !s.overdue.late.rows.is_empty() => crate::app::go(s, Screen::Consult),
                _ => {
                    s.overdue.late.step(a, page);
                    Vec::new()
                }
            },
            Pane::Tipoffs => match a {
                Action::Open => match s.overdue.tipoffs.current().map(|r| r.code.clone()) {
                    Some(code) => super::tipoffs::open_code(s, code),
                    None => Vec::new(),
                },
                _ => {
                    s.overdue.tipoffs.step(a, page);
                    Vec::new()
                }
            },
        }
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        let v = &s.overdue;
        let counts: Vec<(&str, Option<i64>)> = PANES
            .iter()
            .map(|p| {
                let n = match (p.list(), p) {
                    (Some(kind), _) => s.list(kind).count,
                    (None, Pane::Behind) => v.behind.count,
                    (None, Pane::Tipoffs) => v.tipoffs.count,
                    (None, _) => v.late.count,
                };
                (p.title_key(), n)
            })
            .collect();
        let on = PANES.iter().position(|p| *p == v.pane).unwrap_or(0);
        panes::bar(f, area, s, &counts, on, t);
        let body = panes::below_bar(area);
        match v.pane {
            Pane::Hazards | Pane::NotNotified => {
                list::draw::draw(f, body, s, v.pane.list().unwrap_or(ListKind::Overdue), t)
            }
            Pane::Behind => draw_behind(f, body, s, t),
            Pane::Tipoffs => draw_tipoffs(f, body, s, t),
            Pane::Actions => {
                let title = s.lang.f("consultation.late_actions", &[&v.late.rows.len()]);
                let rows = Rows { title, rows: &v.late.rows, selected: Some(v.late.selected), quarter: true };
                panel(f, body, s, &rows, t);
            }
        }
    }

    fn current(s: &AppState) -> Option<&HazardRow> {
        s.overdue.pane.list().and_then(|kind| s.list(kind).current())
    }

    fn list_now(s: &AppState) -> Option<ListKind> {
        s.overdue.pane.list()
    }
}

/// A column of the enterprises behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Enterprise,
    Sector,
    Months,
    Last,
    Due,
    Late,
}

const SPECS: [Spec<Col>; 6] = [
    Spec { col: Col::Enterprise, min: 12, max: 0, keep: 10 },
    Spec { col: Col::Sector, min: 6, max: 10, keep: 4 },
    Spec { col: Col::Months, min: 4, max: 8, keep: 3 },
    Spec { col: Col::Last, min: 10, max: 10, keep: 8 },
    Spec { col: Col::Due, min: 10, max: 10, keep: 6 },
    Spec { col: Col::Late, min: 6, max: 10, keep: 9 },
];

const HOW: Fit<Col> = Fit { flex_first: 16, minor: 3, always: Col::Enterprise };

struct Behind<'a> {
    s: &'a AppState,
    t: &'a Theme,
}

impl Cells<Arrear> for Behind<'_> {
    type Col = Col;

    fn header(&self, c: Col) -> String {
        let key = match c {
            Col::Enterprise => "col.enterprise",
            Col::Sector => "col.sector",
            Col::Months => "tui.col.cadence",
            Col::Last => "col.last_inspection",
            Col::Due => "col.next_inspection",
            Col::Late => "tui.col.late",
        };
        self.s.lang.t(key).to_string()
    }

    fn text(&self, r: &Arrear, c: Col) -> String {
        let l = self.s.lang;
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
        match c {
            Col::Enterprise => r.enterprise.clone(),
            Col::Sector => r.sector.clone(),
            Col::Months => l.f("tui.months", &[&r.months]),
            Col::Last => day(r.last).unwrap_or_else(|| l.t("inspection.never").into()),
            Col::Due => day(r.due).unwrap_or_else(|| l.t("inspection.due_now").into()),
            Col::Late => r.days_late.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    fn row_style(&self, _: &Arrear) -> Style {
        self.t.style(Role::Overdue)
    }
}

fn draw_behind(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    panes::draw_rows(f, area, s, &s.overdue.behind, (&SPECS, &HOW, &Behind { s, t }), t);
}

/// The tip-offs whose verification is late, the first `limit` of them.
fn late_tipoffs(limit: usize) -> TipoffQuery {
    TipoffQuery { filter: TipoffFilter { late: true, ..TipoffFilter::default() }, offset: 0, limit }
}

/// A column of the late tip-offs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TipCol {
    Code,
    Received,
    Enterprise,
    Content,
    Due,
    Late,
}

const TIP_SPECS: [Spec<TipCol>; 6] = [
    Spec { col: TipCol::Code, min: 12, max: 12, keep: 10 },
    Spec { col: TipCol::Received, min: 10, max: 10, keep: 4 },
    Spec { col: TipCol::Enterprise, min: 8, max: 24, keep: 7 },
    Spec { col: TipCol::Content, min: 10, max: 0, keep: 6 },
    Spec { col: TipCol::Due, min: 10, max: 10, keep: 5 },
    Spec { col: TipCol::Late, min: 6, max: 10, keep: 9 },
];

const TIP_HOW: Fit<TipCol> = Fit { flex_first: 16, minor: 3, always: TipCol::Code };

struct LateTipoffs<'a> {
    s: &'a AppState,
    t: &'a Theme,
}

impl Cells<TipoffRow> for LateTipoffs<'_> {
    type Col = TipCol;

    fn header(&self, c: TipCol) -> String {
        let key = match c {
            TipCol::Code => "tipoff.col.code",
            TipCol::Received => "tipoff.col.received_on",
            TipCol::Enterprise => "tipoff.col.enterprise",
            TipCol::Content => "tipoff.col.content",
            TipCol::Due => "tipoff.due_on",
            TipCol::Late => "tui.col.late",
        };
        self.s.lang.t(key).to_string()
    }

    fn text(&self, r: &TipoffRow, c: TipCol) -> String {
        match c {
            TipCol::Code => r.code.clone(),
            TipCol::Received => r.received_on.clone(),
            TipCol::Enterprise => r.enterprise.clone(),
            TipCol::Content => r.content.clone(),
            TipCol::Due => r.due_on.clone(),
            TipCol::Late => r.days_left.map(|d| (-d).to_string()).unwrap_or_default(),
        }
    }

    fn row_style(&self, _: &TipoffRow) -> Style {
        self.t.style(Role::Overdue)
    }
}

fn draw_tipoffs(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    panes::draw_rows(f, area, s, &s.overdue.tipoffs, (&TIP_SPECS, &TIP_HOW, &LateTipoffs { s, t }), t);
}
