//! The clearance trend: major hazards open at each month's end over the last 24
//! months as columns (the stock found by 2023 below, the increment above, told apart
//! without colour too), a value scale and month labels, and each plan year's target met
//! or not. It grows with the panel; filled in when the heavy query arrives, until then
//! the panel says it is loading.

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
    // the chart keeps at least its least height; the targets, then the legend, take
    // what is left
    let room = usize::from(inner.height).saturating_sub(1);
    let extra = room.saturating_sub(MIN_ROWS);
    let targets: Vec<Line> = targets.into_iter().take(extra).collect();
    let legend = extra > targets.len();
    let chart_h = room - targets.len() - usize::from(legend);
    let col_w = (usize::from(inner.width).saturating_sub(SCALE) / 24).clamp(2, 6);
    let months = usize::from(inner.width).saturating_sub(SCALE) / col_w;
    let shown: Vec<&MonthPoint> = trend.months.iter().rev().take(months).rev().collect();
    let mut lines = chart(&shown, chart_h, col_w, t);
    lines.push(axis(&shown, col_w));
    if legend {
        lines.push(self::legend(s, t));
    }
    lines.extend(targets);
    f.render_widget(Paragraph::new(lines), inner);
}

/// The chart's least height in rows.
const MIN_ROWS: usize = 5;
/// The cells of the value scale left of the columns.
const SCALE: usize = 5;

/// One cell of a column: empty, the stock part or the increment part.
fn part(filled: Option<bool>, w: usize, t: &Theme) -> Span<'static> {
    let mono = t.depth == crate::widget::theme::Depth::Mono;
    match filled {
        None => Span::raw(" ".repeat(w)),
        // without colour the stock is dotted and the increment solid (reversed)
        Some(true) if mono => Span::raw(":".repeat(w)),
        Some(true) => Span::styled(" ".repeat(w), t.style(Role::BarStock)),
        Some(false) => Span::styled(" ".repeat(w), t.style(Role::Bar)),
    }
}

/// Columns of major hazards open at each month's end, the stock below the increment,
/// tallest = the most open in the window, with a value scale on the left (top, middle).
fn chart(months: &[&MonthPoint], h: usize, col_w: usize, t: &Theme) -> Vec<Line<'static>> {
    let max = months.iter().map(|m| m.open_end).max().unwrap_or(0).max(1);
    let h = h.max(1);
    (0..h)
        .map(|row| {
            let level = (h - row) as i64;
            let label = match row {
                0 => format!("{max:>4} "),
                r if r == h / 2 && h >= 4 => format!("{:>4} ", max * level / h as i64),
                _ => " ".repeat(SCALE),
            };
            let mut spans = vec![Span::styled(label, t.style(Role::Muted))];
            for m in months {
                // rows each part fills, rounded up so that any count shows, the increment
                // at least a row above the stock
                let rows = |n: i64| if n > 0 { (n * h as i64 + max - 1) / max } else { 0 };
                let stock = rows(m.open_stock);
                let all = if m.open_end > m.open_stock { rows(m.open_end).max(stock + 1) } else { stock };
                let filled = if level <= stock {
                    Some(true)
                } else if level <= all {
                    Some(false)
                } else {
                    None
                };
                spans.push(part(filled, col_w - 1, t));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        })
        .collect()
}

/// The line under the chart: the scale's 0, then `YY-MM` under every month that starts
/// a step of 1, 2, 3, 6 or 12 months, as the columns' width leaves room.
fn axis(months: &[&MonthPoint], col_w: usize) -> Line<'static> {
    let step = [1, 2, 3, 6, 12].into_iter().find(|s| s * col_w >= 6).unwrap_or(12);
    let mut text = format!("{:>4} ", 0);
    let mut free = 0;
    for (i, m) in months.iter().enumerate() {
        if free == 0 && i % step == 0 && m.month.len() >= 7 {
            let label = format!("{:<w$}", &m.month[2..7], w = col_w);
            free = label.len().div_ceil(col_w);
            text.push_str(&label);
            // a label wider than its column runs into the next ones
            text.push_str(&" ".repeat(free * col_w - label.len()));
        } else if free == 0 {
            text.push_str(&" ".repeat(col_w));
        }
        free = free.saturating_sub(1);
    }
    Line::from(text)
}

/// What the two parts of a column are.
fn legend(s: &AppState, t: &Theme) -> Line<'static> {
    let l = s.lang;
    Line::from(vec![
        Span::raw(" ".repeat(SCALE)),
        part(Some(true), 2, t),
        Span::raw(format!(" {}  ", l.t("tui.trend_stock"))),
        part(Some(false), 2, t),
        Span::raw(format!(" {}", l.t("tui.trend_increment"))),
    ])
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
