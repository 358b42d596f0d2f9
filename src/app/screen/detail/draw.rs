//! One hazard whole, from the same sections as `anwei show`: each section's title,
//! its labelled lines (labels aligned, Chinese counted as two cells), scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::AppState;
use crate::present::detail_sections;
use crate::text::{sanitise, width};
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, line};

/// Draws the detail into `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let Some(d) = s.detail.data.as_deref() else {
        f.render_widget(Paragraph::new(line(s.lang.t("tui.loading"), t.style(Role::Muted))), area);
        return;
    };
    let style = crate::app::screen::list::columns::grade(s, &d.row).map_or(t.style(Role::Title), |r| t.style(r));
    let block = Block::default()
        .borders(Borders::TOP)
        .border_set(crate::widget::BORDER)
        .border_style(t.style(Role::Muted))
        .title(Span::styled(format!(" {} {} ", d.row.code, sanitise(&d.row.title)), style));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let sections = detail_sections(s.lang, d);
    let label_w = sections
        .iter()
        .flat_map(|x| x.lines.iter())
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(usize::from(inner.width) / 3);
    let mut lines: Vec<Line> = Vec::new();
    for sec in &sections {
        lines.push(line(&format!("[{}]", sec.title), t.style(Role::Title)));
        for (label, value) in &sec.lines {
            lines.push(Line::from(vec![
                Span::raw("  "),
                cell(label, label_w, t.style(Role::Label)),
                Span::raw("  "),
                Span::styled(sanitise(value), Style::default()),
            ]));
        }
        lines.push(Line::default());
    }
    let last = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = s.detail.scroll.min(last);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(inner.height)).collect();
    f.render_widget(Paragraph::new(shown), inner);
}
