//! A list screen: its title with the filter and position, and only the visible rows
//! of the loaded page; overdue rows and escalated rows styled, and said in words.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::columns::{self, Col};
use super::theme::{Role, Theme};
use super::{cell, line};
use crate::app::{AppState, ListKind};
use crate::i18n::Lang;
use crate::model::{Filter, HazardRow};

/// Draws the list of `kind` into `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, kind: ListKind, t: &Theme) {
    if area.height == 0 {
        return;
    }
    let v = s.list(kind);
    let title = title(s, kind);
    f.render_widget(Paragraph::new(line(&title, t.style(Role::Title))), Rect { height: 1, ..area });
    let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
    if !v.loaded || v.rows.is_empty() {
        let key = if v.loaded { "tui.empty" } else { "tui.loading" };
        f.render_widget(Paragraph::new(line(s.lang.t(key), t.style(Role::Muted))), body);
        return;
    }
    let cols = columns::fit(kind, usize::from(area.width));
    let visible = usize::from(body.height.saturating_sub(1)).max(1);
    let start = if v.selected >= visible { v.selected + 1 - visible } else { 0 };
    let sort = (kind == ListKind::Ledger).then_some((v.sort.key, v.sort.descending));
    let header: Vec<(String, Style)> =
        cols.iter().map(|(c, _)| (columns::header(s.lang, *c, sort), Style::default())).collect();
    let buf = f.buffer_mut();
    put_row(buf, body, 0, &cols, &header, t.style(Role::Label));
    for (line_no, (i, r)) in v.rows.iter().enumerate().skip(start).take(visible).enumerate() {
        let (cells, style) = row(s, kind, r, &cols, i == v.selected, t);
        put_row(buf, body, line_no as u16 + 1, &cols, &cells, style);
    }
}

/// Writes one line of cells, a space between columns, straight into the buffer: for a
/// 200x60 list this costs far fewer instructions per frame than a `Table` widget.
fn put_row(buf: &mut Buffer, area: Rect, line_no: u16, cols: &[(Col, usize)], cells: &[(String, Style)], style: Style) {
    if line_no >= area.height {
        return;
    }
    let y = area.y + line_no;
    buf.set_style(Rect { y, height: 1, ..area }, style);
    let mut x = area.x;
    for ((_, w), (text, cell_style)) in cols.iter().zip(cells) {
        let room = usize::from(area.right().saturating_sub(x)).min(*w);
        if room == 0 {
            break;
        }
        let span = cell(text, room, style.patch(*cell_style));
        buf.set_stringn(x, y, span.content.as_ref(), room, span.style);
        x = x.saturating_add(*w as u16 + 1);
    }
}

/// The title: screen, filter, position in the list.
fn title(s: &AppState, kind: ListKind) -> String {
    let l = s.lang;
    let v = s.list(kind);
    let at = v.offset + v.selected as i64 + 1;
    let pos = match v.count {
        Some(n) => l.f("tui.position", &[&at.min(n), &n]),
        None => String::new(),
    };
    let filter = summary(l, &v.filter, &kind.base());
    let dir = if v.sort.descending { "v" } else { "^" };
    let sort = l.f("tui.sorted", &[&l.t(&format!("col.{}", v.sort.key.as_str())), &dir]);
    format!("{} {filter} {pos}  {sort}", l.t(kind.title_key())).replace("   ", " ")
}

/// The filter's parts beyond the screen's own, in words.
pub fn summary(l: Lang, f: &Filter, base: &Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut add = |label: &str, value: &str| parts.push(format!("{label}={value}"));
    if let Some(x) = f.status {
        add(l.t("col.status"), l.word("status", x.as_str()));
    }
    for (key, v) in [("col.village", &f.village), ("col.sector", &f.sector), ("col.assignee", &f.assignee)] {
        if let Some(v) = v {
            add(l.t(key), v);
        }
    }
    if let Some(x) = f.source {
        add(l.t("col.source"), l.word("source", x.as_str()));
    }
    if let Some(x) = f.grade {
        add(l.t("col.grade"), l.word("grade", x.as_str()));
    }
    for (key, v) in [("col.code", &f.code), ("consultation.enterprise", &f.enterprise)] {
        if let Some(v) = v {
            add(l.t(key), v);
        }
    }
    if let Some(x) = f.escalated_level {
        add(l.t("col.level"), l.word("level", &x.to_string()));
    }
    let flags = [
        (f.overdue && !base.overdue, "tile.overdue"),
        (f.stock, "tui.stock"),
        (f.open, "tui.open"),
        (f.due_within.is_some(), "tile.due_7"),
        (f.escalation_queue && !base.escalation_queue, "tile.queue"),
        (f.awaiting_verification && !base.awaiting_verification, "tile.awaiting"),
    ];
    parts.extend(flags.iter().filter(|(on, _)| *on).map(|(_, k)| l.t(k).to_string()));
    let periods = [
        ("consultation.found", f.discovered),
        ("consultation.closed", f.closed),
        ("consultation.escalated", f.escalated),
        ("consultation.failed_sign_off", f.failed_sign_off),
    ];
    parts.extend(periods.iter().filter_map(|(k, p)| p.map(|(a, b)| l.f(k, &[&a, &b]))));
    if let Some(d) = f.as_of {
        parts.push(l.f("consultation.as_of", &[&d]));
    }
    if let Some(q) = &f.search {
        parts.push(format!("/{q}"));
    }
    if parts.is_empty() { String::new() } else { format!("[{}]", parts.join(" ")) }
}

/// One row's cells and its style: overdue rows in the overdue style, escalated ones in
/// theirs, the selection reversed.
fn row(
    s: &AppState,
    kind: ListKind,
    r: &HazardRow,
    cols: &[(Col, usize)],
    selected: bool,
    t: &Theme,
) -> (Vec<(String, Style)>, Style) {
    let signed = s.list(kind).sign_offs_of(r.id);
    let base = if r.days_overdue > 0 {
        t.style(Role::Overdue)
    } else if r.escalation_level > 0 {
        t.style(Role::Escalated)
    } else {
        Style::default()
    };
    let cells = cols
        .iter()
        .map(|(c, _)| {
            let style = match c {
                Col::Mark => t.style(Role::Marked),
                Col::Level if r.escalation_level > 0 => t.style(Role::Escalated),
                _ if columns::is_fail(*c, signed) => t.style(Role::Error),
                _ => base,
            };
            (columns::text(s, *c, r, signed), style)
        })
        .collect();
    (cells, if selected { base.patch(t.style(Role::Selected)) } else { base })
}
