//! Screens of several panes shown one at a time (the overdue screen's duties, the
//! escalation screen's supervision): a bar naming each pane with its count, the one on
//! show marked; `h`/`l` (←/→) move between them. A pane is a hazard list or rows of
//! another kind, kept here with their selection.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::keymap::Action;
use crate::widget::table::{Cells, Fit, Spec, Table};
use crate::widget::theme::{Role, Theme};

/// Rows of a pane that is not a hazard list, with the count of all and the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct RowsPane<T> {
    pub rows: Vec<T>,
    /// All there are (the rows may stop short of it).
    pub count: Option<i64>,
    pub selected: usize,
}

impl<T> Default for RowsPane<T> {
    fn default() -> Self {
        RowsPane { rows: Vec::new(), count: None, selected: 0 }
    }
}

impl<T> RowsPane<T> {
    /// New rows arrived; the selection stays in range.
    pub fn arrived(&mut self, rows: Vec<T>, count: i64) {
        self.selected = self.selected.min(rows.len().saturating_sub(1));
        self.rows = rows;
        self.count = Some(count);
    }

    pub fn current(&self) -> Option<&T> {
        self.rows.get(self.selected)
    }

    /// Moves the selection; whether the action was a move.
    pub fn step(&mut self, a: Action, page: usize) -> bool {
        let last = self.rows.len().saturating_sub(1);
        self.selected = match a {
            Action::Down => (self.selected + 1).min(last),
            Action::Up => self.selected.saturating_sub(1),
            Action::PageDown => (self.selected + page).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }
}

/// The pane after `on` for Right, before it for Left (wrapping), else `None`.
pub fn switch(on: usize, n: usize, a: Action) -> Option<usize> {
    match a {
        Action::Right => Some((on + 1) % n.max(1)),
        Action::Left => Some((on + n.max(1) - 1) % n.max(1)),
        _ => None,
    }
}

/// The bar of panes: each one's name and count, the one on show selected, and the keys;
/// short of room, the others show their count only.
pub fn bar(f: &mut Frame, area: Rect, s: &AppState, panes: &[(&str, Option<i64>)], on: usize, t: &Theme) {
    let texts = |short: bool| -> Vec<String> {
        let text = |(i, (key, count)): (usize, &(&str, Option<i64>))| {
            let n = count.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
            if short && i != on { format!(" {n} ") } else { format!(" {} {n} ", s.lang.t(key)) }
        };
        panes.iter().enumerate().map(text).collect()
    };
    let mut shown = texts(false);
    let room = usize::from(area.width).saturating_sub(12);
    if shown.iter().map(|x| crate::text::width(x) + 1).sum::<usize>() > room {
        shown = texts(true);
    }
    let mut spans = Vec::new();
    for (i, text) in shown.into_iter().enumerate() {
        let style = if i == on { t.style(Role::Selected) } else { t.style(Role::Label) };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    let keys = [Action::Left, Action::Right].map(|a| s.keymap.label(a));
    spans.push(Span::styled(s.lang.f("tui.panes_hint", &[&keys[0], &keys[1]]), t.style(Role::Muted)));
    f.render_widget(Paragraph::new(Line::from(spans)), Rect { height: 1, ..area });
}

/// The most rows a pane of other rows reads (its bar gives how many there are in all).
pub const ROWS: usize = 500;

/// How a pane's table is laid out and filled: its columns, their fit, its cells.
pub type Layout<'a, T, M> = (&'a [Spec<<M as Cells<T>>::Col>], &'a Fit<<M as Cells<T>>::Col>, &'a M);

/// A pane of other rows as a table, the selected one kept in view; "loading" until they
/// arrive, "none" when there are none.
pub fn draw_rows<T, M: Cells<T>>(
    f: &mut Frame,
    area: Rect,
    s: &AppState,
    pane: &RowsPane<T>,
    table: Layout<T, M>,
    t: &Theme,
) {
    if pane.rows.is_empty() {
        let key = if pane.count.is_some() { "tui.empty" } else { "tui.loading" };
        f.render_widget(Paragraph::new(crate::widget::line(s.lang.t(key), t.style(Role::Muted))), area);
        return;
    }
    let (specs, fit, cells) = table;
    let table = Table {
        rows: &pane.rows,
        specs,
        fit,
        cells,
        selected: Some(pane.selected),
        selected_style: t.style(Role::Selected),
        header: Some(t.style(Role::Label)),
    };
    table.draw(f.buffer_mut(), area);
}

/// The area under the bar.
pub fn below_bar(area: Rect) -> Rect {
    Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area }
}
