//! Pure rendering of `&AppState` into a frame: header, tabs, the screen, the status
//! line, the footer and any modal. Never reads the database or the terminal.

mod chrome;
mod field;
mod modal;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::widget::line;
pub use crate::widget::theme;
use theme::{Role, Theme};

/// Draws the whole screen.
pub fn draw(f: &mut Frame, s: &AppState, t: &Theme) {
    let area = f.area();
    s.choices.borrow_mut().clear();
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
    s.screen.draw(f, body, s, t);
    chrome::status(f, status, s, t);
    chrome::footer(f, footer, s, t);
    if let Some(m) = &s.modal {
        modal::draw(f, area, s, m, t);
    }
}

#[cfg(test)]
mod tests;
