//! Follow-up actions as a panel of rows (number, title, lead unit, assignee, due date,
//! state in words): a quarter's on the consultation screen, the late ones under the
//! overdue hazards.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::theme::{Role, Theme};
use super::{cell, line};
use crate::app::{AppState, ListKind};
use crate::domain::consultation::ActionState;
use crate::model::ActionRow;

/// A column of an action row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Id,
    Quarter,
    Title,
    Lead,
    Assignee,
    Due,
    State,
}

/// The columns that fit `w` cells with their widths; the title takes what is left.
fn columns(w: usize, quarter: bool) -> Vec<(Col, usize)> {
    let mut cols =
        vec![(Col::Id, 4), (Col::Title, 0), (Col::Lead, 10), (Col::Assignee, 6), (Col::Due, 10), (Col::State, 16)];
    if quarter {
        cols.insert(1, (Col::Quarter, 6));
    }
    for drop in [Col::Lead, Col::Quarter, Col::Assignee, Col::Due, Col::Id] {
        if cols.iter().map(|c| c.1 + 1).sum::<usize>() + 8 <= w {
            break;
        }
        cols.retain(|c| c.0 != drop);
    }
    let fixed: usize = cols.iter().map(|c| c.1 + 1).sum();
    cols.iter().map(|&(c, x)| (c, if c == Col::Title { w.saturating_sub(fixed) } else { x })).collect()
}

fn text(s: &AppState, c: Col, a: &ActionRow) -> String {
    let l = s.lang;
    match c {
        Col::Id => format!("#{}", a.id),
        Col::Quarter => a.quarter.map(|q| q.to_string()).unwrap_or_default(),
        Col::Title => a.title.clone(),
        Col::Lead => a.lead_unit.clone(),
        Col::Assignee => a.assignee_name.clone().or(a.assignee.clone()).unwrap_or_default(),
        Col::Due => a.due_on.to_string(),
        Col::State => {
            let state = l.word("state", a.state.as_str());
            if a.days_late > 0 { l.f("follow.late_days", &[&state, &a.days_late]) } else { state.to_string() }
        }
    }
}

/// One action: late ones in the overdue style, done ones muted.
fn row(s: &AppState, a: &ActionRow, cols: &[(Col, usize)], selected: bool, t: &Theme) -> Line<'static> {
    let base = match a.state {
        ActionState::Late => t.style(Role::Overdue),
        ActionState::Done => t.style(Role::Muted),
        ActionState::Open => Style::default(),
    };
    let style = if selected { base.patch(t.style(Role::Selected)) } else { base };
    let mut spans = Vec::new();
    for (c, w) in cols {
        spans.push(cell(&text(s, *c, a), *w, style));
        spans.push(cell(" ", 1, style));
    }
    Line::from(spans)
}

/// Actions to show in a panel.
pub struct Rows<'a> {
    pub title: String,
    pub rows: &'a [ActionRow],
    /// The selected row, when the keys move in the panel.
    pub selected: Option<usize>,
    /// Show each action's quarter (when they come from several consultations).
    pub quarter: bool,
}

/// A bordered panel of actions, the selected one (if any) kept in view.
pub fn panel(f: &mut Frame, area: Rect, s: &AppState, r: &Rows, t: &Theme) {
    let border = if r.selected.is_some() { Role::Title } else { Role::Muted };
    let block = super::panel(&r.title, border, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let (h, w) = (usize::from(inner.height), usize::from(inner.width));
    if r.rows.is_empty() {
        f.render_widget(Paragraph::new(line(s.lang.t("consultation.no_actions"), t.style(Role::Muted))), inner);
        return;
    }
    let cols = columns(w, r.quarter);
    let start = r.selected.map_or(0, |i| (i + 1).saturating_sub(h));
    let lines: Vec<Line> = r
        .rows
        .iter()
        .enumerate()
        .skip(start)
        .take(h)
        .map(|(i, a)| row(s, a, &cols, r.selected == Some(i), t))
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// The overdue screen: the overdue hazards, and under them the late follow-up actions.
pub fn overdue(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let n = s.late_actions.len();
    let h = if n == 0 { 0 } else { (n as u16 + 2).min(area.height / 3) };
    let [top, bottom] = Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(area);
    super::table::draw(f, top, s, ListKind::Overdue, t);
    if h >= 3 {
        let title = s.lang.f("consultation.late_actions", &[&n]);
        panel(f, bottom, s, &Rows { title, rows: &s.late_actions, selected: None, quarter: true }, t);
    }
}
