//! Byte budgets of the full screen, as ordinary tests: the real backend over a
//! counting writer with a fixed 200x60 viewport sends the same bytes every time.

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::Quiet;
use crate::app::harness::Harness;
use crate::clock::Clock;
use crate::demo::{DemoOptions, generate};
use crate::i18n::Lang;
use crate::store::{Actor, Store};
use crate::ui::theme::{Depth, Theme};

/// Moving the selection one row inside the window: two rows sent again, at 200 columns
/// with titles in the catalogue's full wording (Chinese, three bytes a character).
const ONE_ROW: usize = 1_800;
/// A page down: every row of the table changes, the frame around it does not.
const PAGE: usize = 40_000;

/// Counts what the backend writes.
#[derive(Clone, Default)]
struct Counting(Rc<Cell<usize>>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Screen {
    h: Harness,
    term: Terminal<Quiet<Counting>>,
    sent: Counting,
    theme: Theme,
}

impl Screen {
    /// The ledger screen of a 300-hazard demo at 200x60, drawn once.
    fn ledger(lang: Lang) -> Screen {
        let dir = tempfile::tempdir().unwrap();
        let today = crate::store::fixture::today();
        let mut store = Store::create(&dir.path().join("demo.db"), Actor::new("zhang"), Clock::fixed(today)).unwrap();
        generate(&mut store, &DemoOptions { hazards: 300, seed: 42 }, &mut |_, _| {}).unwrap();
        let mut h = Harness::on(dir, store, lang, 200, 60);
        h.keys("2");
        let sent = Counting::default();
        let backend = Quiet::new(CrosstermBackend::new(sent.clone()));
        let viewport = Viewport::Fixed(Rect::new(0, 0, 200, 60));
        let term = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
        let mut s = Screen { h, term, sent, theme: Theme::new(Depth::Colour256) };
        s.draw();
        s
    }

    /// Draws one frame; returns the bytes it sent.
    fn draw(&mut self) -> usize {
        let before = self.sent.0.get();
        let (state, theme) = (&self.h.s, &self.theme);
        self.term.draw(|f| crate::ui::draw(f, state, theme)).unwrap();
        self.sent.0.get() - before
    }

    fn after(&mut self, key: KeyCode) -> usize {
        self.h.key(key);
        self.draw()
    }
}

fn budgets(lang: Lang) {
    let mut s = Screen::ledger(lang);
    assert!(s.h.s.size == (200, 60));
    let idle = s.draw();
    assert_eq!(idle, 0, "{lang:?}: a frame where nothing changed sends nothing");
    let row = s.after(KeyCode::Down);
    assert!(row > 0 && row <= ONE_ROW, "{lang:?}: one row {row} bytes > {ONE_ROW}");
    let page = s.after(KeyCode::PageDown);
    assert!(page > ONE_ROW && page <= PAGE, "{lang:?}: a page {page} bytes > {PAGE}");
    assert_eq!(s.draw(), 0, "{lang:?}: idle after a page");
    eprintln!("{lang:?} at 200x60: one row {row} bytes, a page {page} bytes, idle {idle}");
}

#[test]
fn byte_budgets_in_chinese() {
    budgets(Lang::Zh);
}

#[test]
fn byte_budgets_in_english() {
    budgets(Lang::En);
}
