//! What every part of the screen is drawn with: the theme of semantic styles, safe text
//! cut to a width, bordered panels, and the table that writes rows straight into the
//! buffer. Knows nothing of the screens or the data they show.

pub mod table;
pub mod theme;

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use theme::{Role, Theme};

/// One line of text from anywhere (database, keyboard, catalogue), made safe.
pub fn line(text: &str, style: ratatui::style::Style) -> Line<'static> {
    Line::from(Span::styled(crate::text::sanitise(text), style))
}

/// A span of safe text cut or padded to exactly `cells` cells.
pub fn cell(text: &str, cells: usize, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(crate::text::pad_owned(crate::text::sanitise(text), cells), style)
}

/// ASCII borders: box-drawing glyphs are East Asian ambiguous and double in width on
/// terminals set up for Chinese.
pub const BORDER: ratatui::symbols::border::Set<'static> = ratatui::symbols::border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A bordered panel with a title.
pub fn panel(title: &str, border: Role, t: &Theme) -> ratatui::widgets::Block<'static> {
    ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_set(BORDER)
        .border_style(t.style(border))
        .title(Span::styled(format!(" {} ", crate::text::sanitise(title)), t.style(Role::Title)))
}

/// Clears `rect` for a dialog, and the wide glyph its left edge cuts in half. A terminal
/// shows the cell after a wide glyph as that glyph's second half, and ratatui never sends
/// it: a border drawn there would not appear, so the glyph goes instead. (At the right
/// edge ratatui already blanks the cell after a wide glyph it overwrites.)
pub fn clear(buf: &mut ratatui::buffer::Buffer, rect: Rect) {
    let area = rect.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let wide = |c: &ratatui::buffer::Cell| crate::text::width(c.symbol()) > 1;
    for y in area.top()..area.bottom() {
        if area.left() > buf.area.left() && wide(&buf[(area.left() - 1, y)]) {
            buf[(area.left() - 1, y)].set_symbol(" ");
        }
    }
    ratatui::widgets::Widget::render(ratatui::widgets::Clear, area, buf);
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
