//! Drawing the tip-offs screen: the list as a table (the least needed columns go on a
//! narrow terminal, late verifications red), or one tip-off whole as sections.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::i18n::Lang;
use crate::model::{TipoffDetail, TipoffRow};
use crate::present::SectionLine;
use crate::present::tipoff::{self as present, COLUMNS};
use crate::widget::line;
use crate::widget::table::{Cells, Fit, Spec, Table};
use crate::widget::theme::{Role, Theme};

pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    match s.tipoffs.detail.as_deref() {
        Some(d) => detail(f, area, s, d, t),
        None => list(f, area, s, t),
    }
}

/// A column of the list: its place in `present::COLUMNS`.
type Col = usize;

/// Least width, best width (0: takes what is left), worth keeping, by `COLUMNS`.
const SPECS: [Spec<Col>; 9] = [
    Spec { col: 0, min: 12, max: 12, keep: 9 },
    Spec { col: 1, min: 10, max: 10, keep: 6 },
    Spec { col: 2, min: 4, max: 12, keep: 2 },
    Spec { col: 3, min: 8, max: 24, keep: 7 },
    Spec { col: 4, min: 10, max: 0, keep: 8 },
    Spec { col: 5, min: 6, max: 8, keep: 9 },
    Spec { col: 6, min: 4, max: 8, keep: 8 },
    Spec { col: 7, min: 12, max: 12, keep: 3 },
    Spec { col: 8, min: 4, max: 10, keep: 1 },
];

const HOW: Fit<Col> = Fit { flex_first: 20, minor: 3, always: 0 };

struct Rows<'a> {
    s: &'a AppState,
    t: &'a Theme,
}

impl Cells<TipoffRow> for Rows<'_> {
    type Col = Col;

    fn header(&self, c: Col) -> String {
        self.s.lang.t(&format!("tipoff.col.{}", COLUMNS[c])).to_string()
    }

    fn text(&self, r: &TipoffRow, c: Col) -> String {
        present::cells(self.s.lang, r, false).swap_remove(c)
    }

    fn row_style(&self, _: &TipoffRow) -> Style {
        Style::default()
    }

    /// A verification past its deadline in the overdue style.
    fn cell_style(&self, r: &TipoffRow, c: Col, row: Style) -> Style {
        match COLUMNS[c] {
            "days_left" if r.days_left.is_some_and(|d| d < 0) => row.patch(self.t.style(Role::Overdue)),
            _ => row,
        }
    }
}

fn list(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let (v, p, l) = (&s.tipoffs, &s.tipoffs.page, s.lang);
    let at = if p.rows.is_empty() { 0 } else { p.offset + p.selected + 1 };
    let title = l.f("tipoff.title", &[&filter_words(l, v), &at, &p.count]);
    let block = crate::widget::panel(&title, Role::Title, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if p.rows.is_empty() {
        f.render_widget(Paragraph::new(line(l.t("tipoff.none"), t.style(Role::Muted))), inner);
        return;
    }
    let table = Table {
        rows: &p.rows,
        specs: &SPECS,
        fit: &HOW,
        cells: &Rows { s, t },
        selected: Some(p.selected),
        selected_style: t.style(Role::Selected),
        header: Some(t.style(Role::Header)),
    };
    table.draw(f.buffer_mut(), inner);
}

/// What the list is narrowed to, in words (" [verifying, late]"; "" for all).
fn filter_words(l: Lang, v: &super::TipoffsView) -> String {
    let f = &v.filter;
    let mut words: Vec<&str> = f.state.iter().map(|s| l.word("tipoff_state", s.as_str())).collect();
    if f.open {
        words.push(l.t("tipoff.open"));
    }
    if f.late {
        words.push(l.t("tipoff.late"));
    }
    if f.rewarded {
        words.push(l.t("tipoff.rewarded_only"));
    }
    if words.is_empty() { String::new() } else { format!(" [{}]", words.join(", ")) }
}

/// The lines of a tip-off shown whole, section by section.
pub fn layout(l: Lang, d: &TipoffDetail) -> Vec<SectionLine> {
    crate::present::section_lines(present::sections(l, d))
}

fn detail(f: &mut Frame, area: Rect, s: &AppState, d: &TipoffDetail, t: &Theme) {
    let block = crate::widget::panel(&d.row.code, Role::Title, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let lines = layout(s.lang, d);
    let h = usize::from(inner.height);
    let first = s.tipoffs.scroll.min(lines.len().saturating_sub(h));
    let shown: Vec<_> = lines
        .iter()
        .skip(first)
        .take(h)
        .map(|l| line(&l.text, if l.title { t.style(Role::Title) } else { Style::default() }))
        .collect();
    f.render_widget(Paragraph::new(shown), inner);
}
