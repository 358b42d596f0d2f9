//! Drawing the enterprises screen: the list as a table (the least needed columns go on a
//! narrow terminal), or one enterprise whole as sections, its selected hazard marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::model::{EnterpriseDetail, EnterpriseRow};
use crate::present::SectionLine;
use crate::present::enterprise::{self as present, COLUMNS};
use crate::widget::line;
use crate::widget::table::{Cells, Fit, Spec, Table};
use crate::widget::theme::{Role, Theme};

pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    match s.enterprises.detail.as_deref() {
        Some(d) => detail(f, area, s, d, t),
        None => list(f, area, s, t),
    }
}

/// A column of the list: its place in `present::COLUMNS`.
type Col = usize;

/// Least width, best width (0: takes what is left), worth keeping, by `COLUMNS`.
const SPECS: [Spec<Col>; 13] = [
    Spec { col: 0, min: 18, max: 18, keep: 9 },
    Spec { col: 1, min: 12, max: 0, keep: 10 },
    Spec { col: 2, min: 6, max: 10, keep: 6 },
    Spec { col: 3, min: 6, max: 10, keep: 5 },
    Spec { col: 4, min: 4, max: 4, keep: 3 },
    Spec { col: 5, min: 6, max: 10, keep: 7 },
    Spec { col: 6, min: 11, max: 13, keep: 4 },
    Spec { col: 7, min: 6, max: 10, keep: 2 },
    Spec { col: 8, min: 11, max: 13, keep: 1 },
    Spec { col: 9, min: 4, max: 10, keep: 8 },
    Spec { col: 10, min: 4, max: 6, keep: 8 },
    Spec { col: 11, min: 10, max: 10, keep: 0 },
    Spec { col: 12, min: 10, max: 10, keep: 6 },
];

const HOW: Fit<Col> = Fit { flex_first: 24, minor: 3, always: 1 };

struct Rows<'a> {
    s: &'a AppState,
    t: &'a Theme,
    /// Today as text, for the inspections due before it.
    today: String,
}

impl Cells<EnterpriseRow> for Rows<'_> {
    type Col = Col;

    fn header(&self, c: Col) -> String {
        self.s.lang.t(&format!("col.{}", COLUMNS[c])).to_string()
    }

    fn text(&self, r: &EnterpriseRow, c: Col) -> String {
        present::cells(self.s.lang, r, false).swap_remove(c)
    }

    fn row_style(&self, _: &EnterpriseRow) -> Style {
        Style::default()
    }

    /// Overdue hazards in the overdue style; a high-risk flag marked.
    fn cell_style(&self, r: &EnterpriseRow, c: Col, row: Style) -> Style {
        match COLUMNS[c] {
            "overdue" if r.overdue > 0 => row.patch(self.t.style(Role::Overdue)),
            "high_risk" if r.high_risk => row.patch(self.t.style(Role::Warn)),
            "next_inspection" if r.next_inspection.as_deref().is_none_or(|d| d < self.today.as_str()) => {
                row.patch(self.t.style(Role::Overdue))
            }
            _ => row,
        }
    }
}

fn list(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let (v, p) = (&s.enterprises, &s.enterprises.page);
    let l = s.lang;
    let column = match v.sort {
        crate::model::EnterpriseSort::Name => "enterprise_name",
        other => other.name(),
    };
    let sort = l.t(&format!("col.{column}"));
    let search = v.filter.search.as_deref().map(|q| format!(" [/{q}]")).unwrap_or_default();
    let at = if p.rows.is_empty() { 0 } else { p.offset + p.selected + 1 };
    let title = l.f("enterprise.title", &[&search, &at, &p.count, &sort]);
    let block = crate::widget::panel(&title, Role::Title, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if p.rows.is_empty() {
        f.render_widget(Paragraph::new(line(l.t("enterprise.none"), t.style(Role::Muted))), inner);
        return;
    }
    let table = Table {
        rows: &p.rows,
        specs: &SPECS,
        fit: &HOW,
        cells: &Rows { s, t, today: s.today.to_string() },
        selected: Some(p.selected),
        selected_style: t.style(Role::Selected),
        header: Some(t.style(Role::Header)),
    };
    table.draw(f.buffer_mut(), inner);
}

/// The lines of an enterprise shown whole, section by section.
pub fn layout(l: crate::i18n::Lang, d: &EnterpriseDetail) -> Vec<SectionLine> {
    crate::present::section_lines(present::sections(l, d))
}

fn detail(f: &mut Frame, area: Rect, s: &AppState, d: &EnterpriseDetail, t: &Theme) {
    let block = crate::widget::panel(&d.row.name, Role::Title, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let selected = d.hazards.get(s.enterprises.hazard).map(|h| h.code.as_str());
    let lines = layout(s.lang, d);
    let h = usize::from(inner.height);
    let first = s.enterprises.scroll.min(lines.len().saturating_sub(h));
    let style = |l: &SectionLine| match () {
        _ if l.title => t.style(Role::Title),
        _ if Some(l.label.as_str()) == selected => t.style(Role::Selected),
        _ => Style::default(),
    };
    let shown: Vec<Line> = lines.iter().skip(first).take(h).map(|l| line(&l.text, style(l))).collect();
    f.render_widget(Paragraph::new(shown), inner);
}
