//! A list screen: its title with the filter and position, and only the visible rows
//! of the loaded page; overdue rows and escalated rows styled, and said in words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use super::columns::{self, Col};
use crate::app::{AppState, ListKind};
use crate::i18n::Lang;
use crate::model::{Filter, HazardRow, SortKey};
use crate::widget::line;
use crate::widget::table::{Cells, Table};
use crate::widget::theme::{Role, Theme};

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
    let specs = columns::specs(kind);
    let sort = (kind == ListKind::Ledger).then_some((v.sort.key, v.sort.descending));
    let cells = Hazards { s, kind, sort, t };
    let table = Table {
        rows: &v.rows,
        specs: &specs,
        fit: &columns::HOW,
        cells: &cells,
        selected: Some(v.selected),
        selected_style: t.style(Role::Selected),
        header: Some(t.style(Role::Label)),
    };
    table.draw(f.buffer_mut(), body);
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

/// The cells of a hazard list: overdue rows in the overdue style, escalated ones in
/// theirs, a failed sign-off in the error style.
struct Hazards<'a> {
    s: &'a AppState,
    kind: ListKind,
    /// The ledger marks its sort column.
    sort: Option<(SortKey, bool)>,
    t: &'a Theme,
}

impl Cells<HazardRow> for Hazards<'_> {
    type Col = Col;

    fn header(&self, c: Col) -> String {
        columns::header(self.s.lang, c, self.sort)
    }

    fn text(&self, r: &HazardRow, c: Col) -> String {
        let signed = if matches!(c, Col::Signed(_)) { self.s.list(self.kind).sign_offs_of(r.id) } else { &[] };
        columns::text(self.s, c, r, signed)
    }

    fn row_style(&self, r: &HazardRow) -> Style {
        columns::grade(self.s, r).map_or_else(Style::default, |role| self.t.style(role))
    }

    fn cell_style(&self, r: &HazardRow, c: Col, base: Style) -> Style {
        match c {
            Col::Mark => self.t.style(Role::Marked),
            Col::Level if r.escalation_level > 0 => self.t.style(Role::Level(r.escalation_level)),
            Col::Signed(_) if columns::is_fail(c, self.s.list(self.kind).sign_offs_of(r.id)) => {
                self.t.style(Role::Error)
            }
            _ => base,
        }
    }
}
