//! The mouse: a click on a tab switches screens, a click on a list row selects it and
//! a click on the selected row opens it, a click on a dialog's choice (yes, no, a
//! picker's item) chooses it, the wheel scrolls. The screen's rows are found from the
//! same layout the drawing uses (header, tabs, body, status line, footer); a dialog's
//! choices from where the last frame drew them.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::keymap::Action;
use super::screen;
use super::{AppState, Effect, Modal, act, go, modal};

/// The rows above the body (header and tabs) and below it (status line and footer).
const ABOVE: u16 = 2;
const BELOW: u16 = 2;
/// Rows a wheel notch moves.
const WHEEL: usize = 3;

/// One mouse event.
pub fn event(s: &mut AppState, m: MouseEvent) -> Vec<Effect> {
    match m.kind {
        MouseEventKind::ScrollDown => wheel(s, Action::Down),
        MouseEventKind::ScrollUp => wheel(s, Action::Up),
        MouseEventKind::Down(MouseButton::Left) if s.modal.is_some() => choose(s, m.column, m.row),
        MouseEventKind::Down(MouseButton::Left) if s.search.is_none() => click(s, m.column, m.row),
        _ => {
            s.dirty = false;
            Vec::new()
        }
    }
}

/// A dialog's choice as drawn: the cells it covers on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub row: u16,
    pub from: u16,
    /// One past its last cell.
    pub to: u16,
    pub means: Means,
}

/// What a click on a choice does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Means {
    Yes,
    No,
    /// A picker's item, by its place among the matches.
    Pick(usize),
}

/// A click in a dialog: on a choice, as its key would; elsewhere nothing.
fn choose(s: &mut AppState, x: u16, y: u16) -> Vec<Effect> {
    let hit = s.choices.borrow().iter().find(|c| c.row == y && c.from <= x && x < c.to).map(|c| c.means);
    match (hit, s.modal.take()) {
        (Some(Means::Yes), Some(Modal::Confirm(c))) => modal::answer(s, c, Some(Action::Yes)),
        (Some(Means::No), Some(Modal::Confirm(c))) => modal::answer(s, c, Some(Action::No)),
        (Some(Means::Pick(i)), Some(Modal::Picker(mut p))) => {
            p.selected = i;
            modal::pick(s, p)
        }
        (_, m) => {
            s.modal = m;
            s.dirty = false;
            Vec::new()
        }
    }
}

/// The wheel: the help dialog scrolls, else the screen moves as with `j`/`k`.
fn wheel(s: &mut AppState, a: Action) -> Vec<Effect> {
    if let Some(super::Modal::Help { scroll }) = &mut s.modal {
        *scroll = if a == Action::Down { *scroll + WHEEL } else { scroll.saturating_sub(WHEEL) };
        return Vec::new();
    }
    if s.modal.is_some() || s.search.is_some() {
        return Vec::new();
    }
    // a notch past the page asks for the next once
    for _ in 0..WHEEL {
        let effects = act(s, a);
        if !effects.is_empty() {
            return effects;
        }
    }
    Vec::new()
}

fn click(s: &mut AppState, x: u16, y: u16) -> Vec<Effect> {
    if y == 1 {
        let tab =
            screen::tab_bar(s, s.size.0).into_iter().find(|t| t.x <= x && x < t.x + crate::text::width(&t.text) as u16);
        return match tab.and_then(|t| t.screen) {
            Some(to) if to != s.screen => go(s, to),
            _ => Vec::new(),
        };
    }
    let Some(kind) = s.screen.list_now(s) else { return Vec::new() };
    let body = s.size.1.saturating_sub(ABOVE + BELOW);
    // a bar of panes, the list's title and the table's header come first
    let bar = u16::from(s.screen.has_panes());
    let height = body.saturating_sub(bar);
    let top = ABOVE + 2 + bar;
    let visible = usize::from(height.saturating_sub(2)).max(1);
    if y < top || usize::from(y - top) >= visible {
        return Vec::new();
    }
    let v = s.list(kind);
    let at = crate::widget::table::first_shown(Some(v.selected), visible) + usize::from(y - top);
    if at >= v.rows.len() {
        return Vec::new();
    }
    if at == v.selected {
        return act(s, Action::Open);
    }
    s.list_mut(kind).selected = at;
    Vec::new()
}
