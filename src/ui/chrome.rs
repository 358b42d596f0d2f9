//! Around the screens: the header (township, date, user and role, database), the
//! screen tabs, the status line with notices, and the footer of keys that work here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::keymap::name_of;
use crate::text::{sanitise, width};
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, line};

/// The top line.
pub fn header(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let l = s.lang;
    let x = &s.session;
    let role = x.role.map_or("?", |r| l.word("role", r.as_str()));
    let demo = if x.demo { l.t("tui.demo") } else { "" };
    let ro = if x.readonly { l.t("tui.readonly") } else { "" };
    let left = format!(" {} {}  {}", sanitise(&x.org), l.t("tui.app"), s.today);
    let right = format!("{} ({role}){ro}  {} {demo} ", sanitise(&x.login), sanitise(&x.database));
    let w = usize::from(area.width);
    let gap = w.saturating_sub(width(&left) + width(&right));
    let text = if gap == 0 { format!("{left} | {right}") } else { format!("{left}{}{right}", " ".repeat(gap)) };
    f.render_widget(Paragraph::new(Line::from(cell(&text, w, t.style(Role::Header)))), area);
}

/// The screen names with their number keys; closer together when they would not fit.
pub fn tabs(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let mut spans = Vec::new();
    for tab in crate::app::screen::tab_bar(s, area.width) {
        let style = if tab.active { t.style(Role::TabActive) } else { t.style(Role::Label) };
        spans.push(Span::styled(tab.text, style));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The status line: the search being typed, else the notice, else marks.
pub fn status(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let l = s.lang;
    let text = if let Some(q) = &s.search {
        let label = format!("{} ", l.t("tui.search"));
        let at = crate::text::width(&label);
        let (shown, col) = crate::ui::modal::input_row(q, usize::from(area.width).saturating_sub(at + 1));
        // the terminal's cursor where typing goes, for an input method's candidates
        f.set_cursor_position((area.x + (at + col) as u16, area.y));
        Line::from(vec![Span::styled(label, t.style(Role::Key)), Span::raw(shown)])
    } else if let Some(n) = &s.notice {
        line(&n.text, t.style(if n.error { Role::Error } else { Role::Ok }))
    } else if !s.marked.is_empty() {
        line(&l.f("tui.marked", &[&s.marked.len()]), t.style(Role::Marked))
    } else {
        Line::default()
    };
    f.render_widget(Paragraph::new(text), area);
}

/// The keys that work here (write keys only for roles that may write), as many as fit.
pub fn footer(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    let hints = s.keymap.hints(s.place()).into_iter().filter(|(a, _)| crate::app::permitted(s, *a));
    for (action, key) in hints {
        let label = key.label();
        let word = s.lang.t(&format!("key.{}", name_of(action)));
        let w = width(&label) + width(word) + 2;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(label, t.style(Role::Key)));
        spans.push(Span::styled(format!(" {word} "), t.style(Role::Label)));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
