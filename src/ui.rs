//! Pure rendering of `&AppState` into a frame: header, tabs, the screen, the status
//! line, the footer and any modal. Never reads the database or the terminal.

mod actions;
mod calendar;
mod chrome;
mod columns;
mod consult;
mod detail;
mod modal;
mod overview;
mod overview_trend;
mod table;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{AppState, ListKind, Screen};
use theme::{Role, Theme};

/// Draws the whole screen.
pub fn draw(f: &mut Frame, s: &AppState, t: &Theme) {
    let area = f.area();
    if area.width < 2 || area.height < 1 {
        return;
    }
    if s.locked {
        let msg = s.lang.t("tui.locked");
        let y = area.y + area.height / 2;
        f.render_widget(Paragraph::new(line(msg, t.style(Role::Title))).centered(), Rect { y, height: 1, ..area });
        return;
    }
    let [header, tabs, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(f, header, s, t);
    chrome::tabs(f, tabs, s, t);
    match s.screen {
        Screen::Overview => overview::draw(f, body, s, t),
        Screen::List(ListKind::Overdue) => actions::overdue(f, body, s, t),
        Screen::List(kind) => table::draw(f, body, s, kind, t),
        Screen::Detail => detail::draw(f, body, s, t),
        Screen::Consult => consult::draw(f, body, s, t),
    }
    chrome::status(f, status, s, t);
    chrome::footer(f, footer, s, t);
    if let Some(m) = &s.modal {
        modal::draw(f, area, s, m, t);
    }
}

/// One line of text from anywhere (database, keyboard, catalogue), made safe.
pub fn line(text: &str, style: ratatui::style::Style) -> Line<'static> {
    Line::from(Span::styled(crate::text::sanitise(text), style))
}

/// A span of safe text cut or padded to exactly `cells` cells.
pub fn cell(text: &str, cells: usize, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(crate::text::pad(&crate::text::sanitise(text), cells), style)
}

/// ASCII borders: box-drawing glyphs are East Asian ambiguous and double in width on
/// terminals set up for Chinese.
pub const BORDER: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A bordered panel with a title.
pub fn panel(title: &str, border: Role, t: &Theme) -> ratatui::widgets::Block<'static> {
    ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_set(BORDER)
        .border_style(t.style(border))
        .title(Span::styled(format!(" {} ", crate::text::sanitise(title)), t.style(Role::Title)))
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

#[cfg(test)]
mod tests;
