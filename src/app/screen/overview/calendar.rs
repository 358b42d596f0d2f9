//! The statutory calendar under the overview: the next consultation, the statistics due
//! after each quarter and year, the half-year summary, and follow-up actions coming due.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::report::calendar::{describe, when};
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, line};

/// Duties this close count as soon.
const SOON_DAYS: i64 = 7;

/// How many rows the calendar would use, borders included.
pub fn rows(s: &AppState) -> u16 {
    let n = s.overview.calendar.as_ref().map_or(1, |c| c.len().max(1));
    u16::try_from(n + 2).unwrap_or(u16::MAX)
}

/// Draws the calendar into `area`: the nearest duties first, late ones in the overdue style.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let l = s.lang;
    let block = crate::widget::panel(l.t("cal.title"), Role::Muted, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(dues) = &s.overview.calendar else {
        f.render_widget(Paragraph::new(line(l.t("tui.loading"), t.style(Role::Muted))), inner);
        return;
    };
    if dues.is_empty() {
        f.render_widget(Paragraph::new(line(l.t("cal.none"), t.style(Role::Ok))), inner);
        return;
    }
    let w = usize::from(inner.width);
    let when_w = dues.iter().map(|d| crate::text::width(&when(l, d))).max().unwrap_or(0);
    let lines: Vec<Line> = dues
        .iter()
        .take(usize::from(inner.height))
        .map(|d| {
            let style = match d.days_left {
                n if n < 0 => t.style(Role::Overdue),
                n if n <= SOON_DAYS => t.style(Role::Warn),
                _ => Style::default(),
            };
            let rest = w.saturating_sub(11 + when_w + 1);
            Line::from(vec![
                cell(&d.date.to_string(), 11.min(w), style),
                cell(&when(l, d), when_w.min(w.saturating_sub(11)), style),
                Span::raw(" "),
                cell(&describe(l, d), rest, Style::default()),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
