//! One hazard whole, from the same sections as `anwei show`: each section's title,
//! its labelled lines (labels aligned, Chinese counted as two cells, a long value or a
//! note wrapped under itself), scrollable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::AppState;
use crate::present::detail_sections;
use crate::text::{sanitise, sanitise_lines, width, wrap};
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
    let label_style = t.style(Role::Label);
    let lines: Vec<Line> = layout(s.lang, d, usize::from(inner.width))
        .into_iter()
        .map(|row| match row {
            Row::Title(title) => line(&format!("[{title}]"), t.style(Role::Title)),
            Row::Value { label, label_w, part } => Line::from(vec![
                Span::raw("  "),
                cell(&label, label_w, label_style),
                Span::raw("  "),
                Span::styled(part, Style::default()),
            ]),
            Row::Blank => Line::default(),
        })
        .collect();
    let last = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = s.detail.scroll.min(last);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(usize::from(inner.height)).collect();
    f.render_widget(Paragraph::new(shown), inner);
}

/// One line of the detail as laid out for a width.
pub enum Row {
    Title(String),
    /// A value's line: its label on the first, none on those it wraps onto.
    Value {
        label: String,
        label_w: usize,
        part: String,
    },
    Blank,
}

/// The detail's lines at `cells` wide: each section's title, its labelled values
/// (labels aligned, at most a third of the width), and a blank.
pub fn layout(lang: crate::i18n::Lang, d: &crate::model::HazardDetail, cells: usize) -> Vec<Row> {
    let sections = detail_sections(lang, d);
    let label_w = sections.iter().flat_map(|x| x.lines.iter()).map(|(l, _)| width(l)).max().unwrap_or(0).min(cells / 3);
    let value_w = cells.saturating_sub(label_w + 4);
    let mut rows = Vec::new();
    for sec in sections {
        rows.push(Row::Title(sec.title));
        for (label, value) in sec.lines {
            for (i, part) in wrapped(&value, value_w).into_iter().enumerate() {
                let label = if i == 0 { label.clone() } else { String::new() };
                rows.push(Row::Value { label, label_w, part });
            }
        }
        rows.push(Row::Blank);
    }
    rows
}

/// A value's lines (a note keeps its own), each wrapped to `cells`, safe to show; an
/// empty value is one empty line.
fn wrapped(value: &str, cells: usize) -> Vec<String> {
    sanitise_lines(value).split('\n').flat_map(|l| wrap(l.trim_end_matches('\r'), cells)).collect()
}
