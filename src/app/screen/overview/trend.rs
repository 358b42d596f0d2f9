//! The clearance trend: major hazards open at each month's end over the last 24
//! months as columns, and each plan year's target met or not. Filled in when the
//! heavy query arrives; until then the panel says it is loading.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::domain::clearance::{Target, target_for};
use crate::model::{MonthPoint, Trend};
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, line};

/// Draws the trend panel.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let l = s.lang;
    let block = crate::widget::panel(l.t("tui.trend"), Role::Muted, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(trend) = s.overview.trend.as_deref() else {
        f.render_widget(Paragraph::new(line(l.t("tui.loading"), t.style(Role::Muted))), inner);
        return;
    };
    let targets = targets(s, trend, t);
    let chart_h = usize::from(inner.height).saturating_sub(targets.len() + 1);
    let months = usize::from(inner.width).saturating_sub(5) / 2;
    let shown: Vec<&MonthPoint> = trend.months.iter().rev().take(months).rev().collect();
    let mut lines = chart(&shown, chart_h, t);
    lines.push(axis(&shown));
    lines.extend(targets);
    f.render_widget(Paragraph::new(lines), inner);
}

/// Columns of coloured spaces, tallest = the most open in the window, with a scale on the left.
fn chart(months: &[&MonthPoint], h: usize, t: &Theme) -> Vec<Line<'static>> {
    let max = months.iter().map(|m| m.open_end).max().unwrap_or(0).max(1);
    (0..h)
        .map(|row| {
            let level = (h - row) as i64;
            let label = if row == 0 { format!("{max:>4} ") } else { "     ".to_string() };
            let mut spans = vec![Span::styled(label, t.style(Role::Muted))];
            for m in months {
                let filled = m.open_end * h as i64 >= level * max && m.open_end > 0;
                spans.push(Span::styled(" ", if filled { t.style(Role::Bar) } else { Style::default() }));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        })
        .collect()
}

/// The month labels under the chart: every sixth month's `YY-MM`.
fn axis(months: &[&MonthPoint]) -> Line<'static> {
    let mut text = String::from("     ");
    let mut skip = 0;
    for (i, m) in months.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if i % 6 == 0 && m.month.len() >= 7 {
            text.push_str(&m.month[2..7]);
            text.push(' ');
            skip = 2;
        } else {
            text.push_str("  ");
        }
    }
    Line::from(text)
}

/// One line per plan year: the target, met or not, and the clearance rate.
fn targets(s: &AppState, trend: &Trend, t: &Theme) -> Vec<Line<'static>> {
    let l = s.lang;
    trend
        .years
        .iter()
        .filter_map(|y| {
            let key = match target_for(y.year)? {
                Target::StockCleared => "tui.target.stock",
                Target::IncrementCurbed => "tui.target.increment",
                Target::ZeroOverdue => "tui.target.zero_overdue",
            };
            let met = y.target_met()?;
            let (word, role) = if met { (l.t("tui.met"), Role::Ok) } else { (l.t("tui.not_met"), Role::Overdue) };
            Some(Line::from(vec![
                cell(&format!("{} {}", y.year, l.t(key)), 24, Style::default()),
                cell(word, 8, t.style(role)),
                Span::raw(l.f("tui.rate", &[&format!("{:.0}", y.clearance_rate())])),
            ]))
        })
        .collect()
}
