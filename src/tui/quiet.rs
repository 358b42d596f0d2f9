//! The terminal backend: crossterm's, quiet when there is nothing to say (ratatui's
//! draw resets the colours and hides the cursor on every frame, even an empty one; this
//! skips an empty draw and a hide of a cursor already hidden), and for a 16-colour
//! terminal writing the 16-colour SGR codes (30–37, 90–97) that it understands, where
//! crossterm writes `38;5;N` for every colour.

use std::io::Write;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Crossterm's backend, quiet when there is nothing to say.
pub struct Quiet<W: Write> {
    inner: CrosstermBackend<W>,
    hidden: bool,
    /// Write colours as the 16-colour SGR codes.
    ansi16: bool,
}

impl<W: Write> Quiet<W> {
    pub fn new(inner: CrosstermBackend<W>) -> Quiet<W> {
        Quiet { inner, hidden: false, ansi16: false }
    }

    /// Colours as the 16-colour codes, for a terminal that knows no more.
    pub fn ansi16(mut self, on: bool) -> Quiet<W> {
        self.ansi16 = on;
        self
    }

    /// The cells with their own SGR sequences: the cursor moved only where a cell is not
    /// where the last one left it, the style written only when it changes.
    fn draw16<'a>(&mut self, content: impl Iterator<Item = (u16, u16, &'a Cell)>) -> std::io::Result<()> {
        let out = &mut self.inner;
        // where the terminal's cursor is after the last cell written
        let mut at: Option<(u16, u16)> = None;
        let mut style = None;
        for (x, y, cell) in content {
            if at != Some((x, y)) {
                write!(out, "\x1b[{};{}H", y + 1, x + 1)?;
            }
            at = Some((x.saturating_add(crate::text::width(cell.symbol()).max(1) as u16), y));
            let now = (cell.fg, cell.bg, cell.modifier);
            if style != Some(now) {
                write!(out, "\x1b[{}m", sgr16(cell.fg, cell.bg, cell.modifier))?;
                style = Some(now);
            }
            out.write_all(cell.symbol().as_bytes())?;
        }
        out.write_all(b"\x1b[0m")
    }
}

/// The SGR parameters of a style in 16 colours: reset, the modifiers, then the colours.
fn sgr16(fg: Color, bg: Color, m: Modifier) -> String {
    let mut p = vec!["0".to_string()];
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            p.push(code.into());
        }
    }
    if let Some(n) = ansi(fg) {
        p.push(n.to_string());
    }
    if let Some(n) = ansi(bg) {
        p.push((n + 10).to_string());
    }
    p.join(";")
}

/// A colour's foreground code among the 16 (`None`: the terminal's default).
fn ansi(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        Color::Indexed(n @ 0..=7) => 30 + n,
        Color::Indexed(n @ 8..=15) => 82 + n,
        _ => return None,
    })
}

impl<W: Write> Backend for Quiet<W> {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if content.peek().is_none() {
            return Ok(());
        }
        if self.ansi16 { self.draw16(content) } else { self.inner.draw(content) }
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.hidden {
            return Ok(());
        }
        self.hidden = true;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;
    use ratatui::text::Span;

    /// What was written, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Sent(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Sent {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn sixteen_colours_are_written_as_their_own_codes() {
        let sent = Sent::default();
        let mut term = Terminal::new(Quiet::new(CrosstermBackend::new(sent.clone())).ansi16(true)).unwrap();
        term.draw(|f| {
            let red = Style::default().fg(Color::LightRed).bg(Color::Red).add_modifier(Modifier::BOLD);
            f.render_widget(Span::styled("逾期", red), f.area());
        })
        .unwrap();
        let sent = String::from_utf8_lossy(&sent.0.borrow()).to_string();
        assert!(sent.contains("\x1b[1;1H\x1b[0;1;91;41m逾期\x1b[0m"), "{sent:?}");
        assert!(!sent.contains("38;5"), "{sent:?}");
    }
}
