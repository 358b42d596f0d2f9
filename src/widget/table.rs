//! One table over any row type: the row type's columns are declared as specs (least and
//! best width, how much each is worth keeping), fitted to the width by dropping the
//! least important first; the rows in view are written straight into the buffer, the
//! selected one kept in view. Far fewer instructions per frame than a `Table` widget.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A column's place in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec<C> {
    pub col: C,
    /// The least width it is shown at.
    pub min: usize,
    /// Its best width; 0 for a flexible column that takes what is left.
    pub max: usize,
    /// How much it is worth keeping: the lowest go first when the width is short.
    pub keep: u8,
}

/// What a table shows of its rows: each column's header, text and style.
pub trait Cells<R> {
    type Col: Copy + PartialEq;

    fn header(&self, col: Self::Col) -> String;
    fn text(&self, row: &R, col: Self::Col) -> String;
    /// The style of a whole row (before the selection is added).
    fn row_style(&self, row: &R) -> Style;
    /// The style of one cell, from its row's.
    fn cell_style(&self, _row: &R, _col: Self::Col, row_style: Style) -> Style {
        row_style
    }
}

/// How a table fits its columns to a width.
#[derive(Debug, Clone, Copy)]
pub struct Fit<C> {
    /// How wide flexible columns grow before the others get their best width.
    pub flex_first: usize,
    /// Columns worth this little give way to a readable flexible column first.
    pub minor: u8,
    /// The column that never goes.
    pub always: C,
}

/// The columns that fit in `width` cells (one space between columns), with their widths.
pub fn fit<C: Copy + PartialEq>(specs: &[Spec<C>], width: usize, how: &Fit<C>) -> Vec<(C, usize)> {
    let mut specs = specs.to_vec();
    let need = |s: &[Spec<C>]| s.iter().map(|x| x.min + 1).sum::<usize>();
    let readable =
        |s: &[Spec<C>]| s.iter().map(|x| if x.max == 0 { how.flex_first.max(x.min) } else { x.min } + 1).sum::<usize>();
    // first the minor columns make room for a readable flexible one, then any for the least
    while readable(&specs) > width && drop_lowest(&mut specs, how.minor, how.always) {}
    while need(&specs) > width && drop_lowest(&mut specs, u8::MAX, how.always) {}
    let mut widths: Vec<usize> = specs.iter().map(|x| x.min).collect();
    let mut spare = width.saturating_sub(need(&specs));
    // flexible columns first up to a readable width, then the others to their best, then the rest
    for (cap, flex_pass) in [(how.flex_first, true), (usize::MAX, false)] {
        for (w, x) in widths.iter_mut().zip(&specs) {
            if (x.max == 0) == flex_pass {
                let best = if x.max == 0 { cap } else { x.max };
                let add = best.saturating_sub(*w).min(spare);
                *w += add;
                spare -= add;
            }
        }
    }
    let flex = specs.iter().filter(|x| x.max == 0).count().max(1);
    for (w, x) in widths.iter_mut().zip(&specs) {
        if x.max == 0 {
            *w += spare / flex;
        }
    }
    specs.iter().zip(widths).map(|(x, w)| (x.col, w)).collect()
}

/// Removes the least important column worth at most `max` (the later one of equals);
/// false when none may go.
fn drop_lowest<C: Copy + PartialEq>(specs: &mut Vec<Spec<C>>, max: u8, always: C) -> bool {
    let pick = specs
        .iter()
        .enumerate()
        .filter(|(_, x)| x.keep <= max && x.col != always)
        .min_by_key(|(i, x)| (x.keep, usize::MAX - i));
    match pick.map(|(i, _)| i) {
        Some(i) => {
            specs.remove(i);
            true
        }
        None => false,
    }
}

/// Rows to draw with their fitted columns.
pub struct Table<'a, R, M: Cells<R>> {
    pub rows: &'a [R],
    pub cols: &'a [(M::Col, usize)],
    pub cells: &'a M,
    /// The selected row, kept in view and drawn in `selected_style`.
    pub selected: Option<usize>,
    pub selected_style: Style,
    /// A header line in this style above the rows.
    pub header: Option<Style>,
}

impl<R, M: Cells<R>> Table<'_, R, M> {
    /// Draws the header (if any) and the rows that fit into `area`.
    pub fn draw(&self, buf: &mut Buffer, area: Rect) {
        let mut y = 0;
        if let Some(style) = self.header {
            let cells: Vec<(String, Style)> =
                self.cols.iter().map(|(c, _)| (self.cells.header(*c), Style::default())).collect();
            put_row(buf, area, y, self.cols, &cells, style);
            y += 1;
        }
        let visible = usize::from(area.height.saturating_sub(y)).max(1);
        let start = self.selected.map_or(0, |i| (i + 1).saturating_sub(visible));
        for (i, r) in self.rows.iter().enumerate().skip(start).take(visible) {
            let base = self.cells.row_style(r);
            let cells: Vec<(String, Style)> =
                self.cols.iter().map(|(c, _)| (self.cells.text(r, *c), self.cells.cell_style(r, *c, base))).collect();
            let style = if self.selected == Some(i) { base.patch(self.selected_style) } else { base };
            put_row(buf, area, y, self.cols, &cells, style);
            y += 1;
        }
    }
}

/// Writes one line of cells, a space between columns, straight into the buffer.
fn put_row<C>(
    buf: &mut Buffer,
    area: Rect,
    line_no: u16,
    cols: &[(C, usize)],
    cells: &[(String, Style)],
    style: Style,
) {
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
        let span = super::cell(text, room, style.patch(*cell_style));
        buf.set_stringn(x, y, span.content.as_ref(), room, span.style);
        x = x.saturating_add(*w as u16 + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum C {
        Code,
        Title,
        Minor,
    }

    const SPECS: &[Spec<C>] = &[
        Spec { col: C::Code, min: 12, max: 12, keep: 10 },
        Spec { col: C::Title, min: 10, max: 0, keep: 8 },
        Spec { col: C::Minor, min: 8, max: 10, keep: 2 },
    ];
    const HOW: Fit<C> = Fit { flex_first: 24, minor: 3, always: C::Code };

    #[test]
    fn the_least_important_go_first_and_the_flexible_take_the_rest() {
        for w in [0, 1, 10, 30, 40, 80, 200] {
            let cols = fit(SPECS, w, &HOW);
            assert!(cols.iter().map(|c| c.1 + 1).sum::<usize>() <= w.max(13), "{w}: {cols:?}");
            assert!(cols.iter().any(|c| c.0 == C::Code));
        }
        assert_eq!(fit(SPECS, 40, &HOW).iter().map(|c| c.0).collect::<Vec<_>>(), vec![C::Code, C::Title]);
        assert_eq!(fit(SPECS, 80, &HOW), vec![(C::Code, 12), (C::Title, 55), (C::Minor, 10)]);
    }
}
