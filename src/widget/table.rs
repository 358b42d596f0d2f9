//! One table over any row type: the row type's columns are declared as specs (least and
//! best width, how much each is worth keeping); the least important go first when the
//! width is short, and the width left is shared by content: a column is no wider than
//! its widest text in view (even below its least width) unless nothing else wants the room, and a column cut short
//! gets room before a flexible one pads. The rows in view are written straight into the
//! buffer, the selected one kept in view: far fewer instructions than a `Table` widget.

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

/// A column's spec with the width of its widest text in view.
#[derive(Debug, Clone, Copy)]
struct Sized<C> {
    spec: Spec<C>,
    content: usize,
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

/// The columns that fit in `width` cells (one space between columns), with their widths,
/// for texts of unknown width (each column as wide as its best).
pub fn fit<C: Copy + PartialEq>(specs: &[Spec<C>], width: usize, how: &Fit<C>) -> Vec<(C, usize)> {
    let sized: Vec<Sized<C>> = specs.iter().map(|&spec| Sized { spec, content: usize::MAX }).collect();
    fit_sized(sized, width, how)
}

fn fit_sized<C: Copy + PartialEq>(mut cols: Vec<Sized<C>>, width: usize, how: &Fit<C>) -> Vec<(C, usize)> {
    let need = |s: &[Sized<C>]| s.iter().map(|x| x.spec.min + 1).sum::<usize>();
    let readable = |s: &[Sized<C>]| {
        let flex = |x: &Sized<C>| how.flex_first.min(x.content).max(x.spec.min);
        s.iter().map(|x| if x.spec.max == 0 { flex(x) } else { x.spec.min } + 1).sum::<usize>()
    };
    // first the minor columns make room for a flexible one as readable as its text needs,
    // then any column for the least
    while readable(&cols) > width && drop_lowest(&mut cols, how.minor, how.always) {}
    while need(&cols) > width && drop_lowest(&mut cols, u8::MAX, how.always) {}
    let mut widths: Vec<usize> = cols.iter().map(|x| x.spec.min).collect();
    let mut spare = width.saturating_sub(need(&cols));
    let flexible = |x: &Sized<C>| x.spec.max == 0;
    // each pass grows the columns it picks up to a cap: flexible ones to a readable width,
    // the others to their best (no wider than their text), flexible ones to their text,
    // then any column still cut short, the most important first
    let mut by_keep: Vec<usize> = (0..cols.len()).collect();
    by_keep.sort_by_key(|i| std::cmp::Reverse(cols[*i].spec.keep));
    let passes: [Pass<C>; 4] = [
        (&|x| flexible(x), &|x| how.flex_first.min(x.content)),
        (&|x| !flexible(x), &|x| x.spec.max.min(x.content)),
        (&|x| flexible(x), &|x| x.content),
        (&|_| true, &|x| x.content),
    ];
    for (picks, cap) in passes {
        for &i in &by_keep {
            if picks(&cols[i]) && spare > 0 {
                let add = cap(&cols[i]).saturating_sub(widths[i]).min(spare);
                widths[i] += add;
                spare -= add;
            }
        }
    }
    let flex = cols.iter().filter(|x| flexible(x)).count().max(1);
    for (w, x) in widths.iter_mut().zip(&cols) {
        if flexible(x) {
            *w += spare / flex;
        }
    }
    cols.iter().zip(widths).map(|(x, w)| (x.spec.col, w)).collect()
}

/// A pass of the sharing: which columns it grows, and up to what width.
type Pass<'a, C> = (&'a dyn Fn(&Sized<C>) -> bool, &'a dyn Fn(&Sized<C>) -> usize);

/// Removes the least important column worth at most `max` (the later one of equals);
/// false when none may go.
fn drop_lowest<C: Copy + PartialEq>(cols: &mut Vec<Sized<C>>, max: u8, always: C) -> bool {
    let pick = cols
        .iter()
        .enumerate()
        .filter(|(_, x)| x.spec.keep <= max && x.spec.col != always)
        .min_by_key(|(i, x)| (x.spec.keep, usize::MAX - i));
    match pick.map(|(i, _)| i) {
        Some(i) => {
            cols.remove(i);
            true
        }
        None => false,
    }
}

/// Rows to draw with their columns' specs.
pub struct Table<'a, R, M: Cells<R>> {
    pub rows: &'a [R],
    pub specs: &'a [Spec<M::Col>],
    pub fit: &'a Fit<M::Col>,
    pub cells: &'a M,
    /// The selected row, kept in view and drawn in `selected_style`.
    pub selected: Option<usize>,
    pub selected_style: Style,
    /// A header line in this style above the rows.
    pub header: Option<Style>,
}

/// The first row shown when `visible` rows fit: the selected one is kept in view.
pub fn first_shown(selected: Option<usize>, visible: usize) -> usize {
    selected.map_or(0, |i| i.saturating_add(1).saturating_sub(visible))
}

impl<R, M: Cells<R>> Table<'_, R, M> {
    /// Draws the header (if any) and the rows that fit into `area`, the columns fitted to
    /// its width by what those rows hold.
    pub fn draw(&self, buf: &mut Buffer, area: Rect) {
        let top = u16::from(self.header.is_some());
        let visible = usize::from(area.height.saturating_sub(top)).max(1);
        let start = first_shown(self.selected, visible);
        let shown: Vec<(usize, &R)> = self.rows.iter().enumerate().skip(start).take(visible).collect();
        let mut texts: Vec<Vec<String>> =
            shown.iter().map(|(_, r)| self.specs.iter().map(|x| self.cells.text(r, x.col)).collect()).collect();
        let headers: Vec<String> = match self.header {
            Some(_) => self.specs.iter().map(|x| self.cells.header(x.col)).collect(),
            None => vec![String::new(); self.specs.len()],
        };
        let sized = self
            .specs
            .iter()
            .enumerate()
            .map(|(c, &spec)| {
                let widest = texts.iter().map(|t| crate::text::width(&t[c])).max().unwrap_or(0);
                let header = if self.header.is_some() { crate::text::width(&headers[c]) } else { 0 };
                // a column needs no more than its text, whatever its least width
                let content = widest.max(header);
                Sized { spec: Spec { min: spec.min.min(content.max(1)), ..spec }, content }
            })
            .collect();
        let cols = fit_sized(sized, usize::from(area.width), self.fit);
        let index: Vec<usize> = cols.iter().filter_map(|(c, _)| self.specs.iter().position(|x| x.col == *c)).collect();
        if let Some(style) = self.header {
            let mut headers = headers;
            let cells: Vec<(String, Style)> =
                index.iter().map(|&i| (std::mem::take(&mut headers[i]), Style::default())).collect();
            put_row(buf, area, 0, &cols, &cells, style);
        }
        for (line, ((i, r), texts)) in shown.iter().zip(texts.iter_mut()).enumerate() {
            let base = self.cells.row_style(r);
            let cells: Vec<(String, Style)> = index
                .iter()
                .map(|&c| (std::mem::take(&mut texts[c]), self.cells.cell_style(r, self.specs[c].col, base)))
                .collect();
            let style = if self.selected == Some(*i) { base.patch(self.selected_style) } else { base };
            put_row(buf, area, top + line as u16, &cols, &cells, style);
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

    struct Words;

    impl Cells<[&'static str; 3]> for Words {
        type Col = C;

        fn header(&self, _: C) -> String {
            String::new()
        }

        fn text(&self, r: &[&'static str; 3], c: C) -> String {
            r[c as usize].to_string()
        }

        fn row_style(&self, _: &[&'static str; 3]) -> Style {
            Style::default()
        }
    }

    /// The widths of the first row drawn, read back from the buffer.
    fn drawn(rows: &[[&'static str; 3]], w: u16) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, 3));
        let how = HOW;
        let t = Table {
            rows,
            specs: SPECS,
            fit: &how,
            cells: &Words,
            selected: None,
            selected_style: Style::default(),
            header: None,
        };
        let area = buf.area;
        t.draw(&mut buf, area);
        (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect()
    }

    #[test]
    fn the_room_is_shared_by_what_the_rows_hold() {
        // the minor column holds 3 cells, less than its least 8 and best 10: the title
        // gets the rest
        let short = drawn(&[["GQ-2026-0001", "title", "abc"]], 40);
        assert_eq!(short, format!("GQ-2026-0001 title{}abc ", " ".repeat(18)), "a short title keeps the minor");
        // a minor column with more to show than its best gets room before the title pads
        let long = drawn(&[["GQ-2026-0001", "t", "a minor text of 16"]], 60);
        assert!(long.contains("a minor text of 16"), "{long:?}");
    }
}
