//! The overview: tiles, open major hazards by village and by sector as bars, the source ×
//! status matrix, the clearance trend against the plan's targets, the most overdue.
//! Panels that do not fit are left out rather than squeezed; on a tall terminal the
//! matrix and the trend grow.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::overview::{Item, TILES, Tile, item};
use crate::domain::{Source, Status};
use crate::model::Overview;
use crate::text::width;
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, line};

/// Draws the overview into `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let Some(o) = s.overview.data.as_deref() else {
        f.render_widget(Paragraph::new(line(s.lang.t("tui.loading"), t.style(Role::Muted))), area);
        return;
    };
    let focus = item(o, s.overview.focus);
    let cols = tile_columns(s, o, area.width);
    let tile_h = (TILES.div_ceil(cols) + 2) as u16;
    let rest = area.height.saturating_sub(tile_h);
    if s.overview.analysis {
        // the second page: the matrix, and under it the trend over the whole width and
        // every row left
        let [top, m, tr] =
            Layout::vertical([Constraint::Length(tile_h), Constraint::Length(MATRIX_H), Constraint::Min(0)])
                .areas(area);
        draw_tiles(f, top, s, o, cols, focus, t);
        draw_matrix(f, Rect { width: m.width.min(MATRIX_W), ..m }, s, o, t);
        super::trend::draw(f, tr, s, t);
        return;
    }
    // the matrix and the trend take what the calendar and the most overdue leave
    let overdue_rows = (o.most_overdue.len().max(1) as u16 + 2).max(MOST_OVERDUE_MIN);
    let bottom_wants = super::calendar::rows(s).saturating_add(overdue_rows);
    let (bars_h, lower_h) =
        if rest >= 24 { (10, rest.saturating_sub(10 + bottom_wants).max(9)) } else { (rest.min(9), 0) };
    let [top, bars, lower, bottom] = Layout::vertical([
        Constraint::Length(tile_h),
        Constraint::Length(bars_h),
        Constraint::Length(lower_h),
        Constraint::Min(0),
    ])
    .areas(area);
    draw_tiles(f, top, s, o, cols, focus, t);
    let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(bars);
    let sel = |it: fn(usize) -> Item| move |i| focus == it(i);
    draw_bars(f, left, s.lang.t("tui.by_village"), &o.by_village, &sel(Item::Village), t);
    draw_bars(f, right, s.lang.t("tui.by_sector"), &o.by_sector, &sel(Item::Sector), t);
    if lower_h > 0 {
        let [m, tr] = Layout::horizontal([Constraint::Length(MATRIX_W), Constraint::Min(0)]).areas(lower);
        draw_matrix(f, m, s, o, t);
        super::trend::draw(f, tr, s, t);
    }
    draw_bottom(f, bottom, s, o, t);
}

/// The calendar, and under it the most overdue hazards when there is room for both.
fn draw_bottom(f: &mut Frame, area: Rect, s: &AppState, o: &Overview, t: &Theme) {
    if area.height < 3 {
        return;
    }
    let rest = area.height.saturating_sub(MOST_OVERDUE_MIN);
    let cal = if rest < 3 { area.height } else { super::calendar::rows(s).min(rest.max(area.height / 2)) };
    let [top, under] = Layout::vertical([Constraint::Length(cal), Constraint::Min(0)]).areas(area);
    super::calendar::draw(f, top, s, t);
    if under.height >= 3 {
        draw_most_overdue(f, under, s, o, t);
    }
}

/// The fewest rows the most overdue panel is shown with.
const MOST_OVERDUE_MIN: u16 = 6;

fn panel(title: &str, t: &Theme) -> ratatui::widgets::Block<'static> {
    crate::widget::panel(title, Role::Muted, t)
}

/// As many tile columns as the widest label and figure allow in `width`, at most five.
fn tile_columns(s: &AppState, o: &Overview, area_width: u16) -> usize {
    let label = Tile::ALL.iter().map(|t| width(s.lang.t(t.key()))).max().unwrap_or(0);
    // the figure and its warning mark
    let num = Tile::ALL.iter().map(|t| t.value(o).to_string().len() + 1).max().unwrap_or(1);
    let inner = usize::from(area_width).saturating_sub(2);
    (inner / (label + num + 4)).clamp(1, 5)
}

fn draw_tiles(f: &mut Frame, area: Rect, s: &AppState, o: &Overview, cols: usize, focus: Item, t: &Theme) {
    let block = panel(&format!("{} {}", s.lang.t("tui.figures"), o.quarter), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width) / cols;
    let mut lines: Vec<Line> = Vec::new();
    for chunk in Tile::ALL.iter().enumerate().collect::<Vec<_>>().chunks(cols) {
        let spans = chunk.iter().flat_map(|(i, tile)| {
            let label = s.lang.t(tile.key());
            let warn = tile.warns(o);
            let num = format!("{}{}", tile.value(o), if warn { "!" } else { "" });
            let gap = w.saturating_sub(width(label) + width(&num) + 2);
            let style = if focus == Item::Tile(*i) {
                t.style(Role::Selected)
            } else if warn {
                t.style(Role::Overdue)
            } else {
                Style::default()
            };
            [cell(&format!(" {label}{}{num} ", " ".repeat(gap)), w, style)]
        });
        lines.push(Line::from(spans.collect::<Vec<_>>()));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Horizontal bars made of coloured spaces (no block glyphs, whose width varies).
fn draw_bars(
    f: &mut Frame,
    area: Rect,
    title: &str,
    pairs: &[(String, i64)],
    selected: &dyn Fn(usize) -> bool,
    t: &Theme,
) {
    let block = panel(title, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let h = usize::from(inner.height);
    if h == 0 {
        return;
    }
    let chosen = (0..pairs.len()).find(|i| selected(*i)).unwrap_or(0);
    let start = if chosen >= h { chosen + 1 - h } else { 0 };
    let max = pairs.iter().map(|p| p.1).max().unwrap_or(1).max(1);
    let label_w = (usize::from(inner.width) / 3).clamp(4, 14);
    let bar_room = usize::from(inner.width).saturating_sub(label_w + 7);
    let lines: Vec<Line> = pairs
        .iter()
        .enumerate()
        .skip(start)
        .take(h)
        .map(|(i, (name, n))| {
            let len = ((*n as usize) * bar_room).div_ceil(max as usize).max(1).min(bar_room);
            let (label_style, bar) = if selected(i) {
                (t.style(Role::Selected), t.style(Role::BarFocus))
            } else {
                (Style::default(), t.style(Role::Bar))
            };
            Line::from(vec![
                cell(name, label_w, label_style),
                Span::raw(" "),
                Span::styled(" ".repeat(len), bar),
                Span::raw(format!(" {n}")),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// The matrix panel's height: its header, the three sources and the borders.
const MATRIX_H: u16 = 6;

/// The matrix's row label and cell widths, and the panel's width.
const MATRIX_LABEL: usize = 12;
const MATRIX_CELL: usize = 11;
const MATRIX_W: u16 = (MATRIX_LABEL + 5 * MATRIX_CELL + 2) as u16;

fn draw_matrix(f: &mut Frame, area: Rect, s: &AppState, o: &Overview, t: &Theme) {
    let l = s.lang;
    let block = panel(l.t("tui.matrix"), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = MATRIX_CELL;
    let mut head = vec![cell("", MATRIX_LABEL, Style::default())];
    let right = |text: &str| {
        let text = crate::text::fit(text, w - 1);
        let pad = " ".repeat((w - 1).saturating_sub(width(&text)));
        cell(&format!("{pad}{text} "), w, t.style(Role::Label))
    };
    head.extend(Status::ALL.iter().map(|st| right(l.word("status", st.as_str()))));
    head.push(right(l.t("tui.total")));
    let mut lines = vec![Line::from(head)];
    for src in Source::ALL {
        let n = |st: Status| {
            o.source_status.iter().filter(|(a, b, _)| a == src.as_str() && b == st.as_str()).map(|x| x.2).sum::<i64>()
        };
        let mut row = vec![cell(l.word("source", src.as_str()), MATRIX_LABEL, t.style(Role::Label))];
        let num = |n: i64| cell(&format!("{n:>width$} ", width = w - 1), w, Style::default());
        row.extend(Status::ALL.iter().map(|st| num(n(*st))));
        row.push(num(Status::ALL.iter().map(|st| n(*st)).sum::<i64>()));
        lines.push(Line::from(row));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn draw_most_overdue(f: &mut Frame, area: Rect, s: &AppState, o: &Overview, t: &Theme) {
    let l = s.lang;
    let block = panel(l.t("tui.most_overdue"), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if o.most_overdue.is_empty() {
        f.render_widget(Paragraph::new(line(l.t("tui.none_overdue"), t.style(Role::Ok))), inner);
        return;
    }
    let w = usize::from(inner.width);
    let title_w = w.saturating_sub(13 + 12 + 1 + 20).max(6);
    let lines: Vec<Line> = o
        .most_overdue
        .iter()
        .take(usize::from(inner.height))
        .map(|r| {
            let style = t.style(Role::Overdue);
            Line::from(vec![
                cell(&r.code, 13, style),
                cell(&l.f("tui.days_late", &[&r.days_overdue]), 12, style),
                cell(&r.title, title_w, Style::default()),
                Span::raw(" "),
                cell(&r.enterprise, 20, t.style(Role::Muted)),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
