//! Draws the ledger screen N times (`cargo bench --bench frames -- N`), for callgrind:
//! the instructions of N and 3N frames differ by the cost of 2N frames. Each frame
//! moves the selection one row down or up, so every frame really draws.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::i18n::Lang;
use anwei::ui::theme::{Depth, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn main() {
    let n: usize = std::env::args().filter_map(|a| a.parse().ok()).next().unwrap_or(100);
    let (path, _dir) = support::database();
    let theme = Theme::new(Depth::Colour256);
    let mut app = support::Driven::new(&path, Lang::Zh, 200, 60);
    app.keys("2");
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    for i in 0..n {
        app.key(if i % 2 == 0 { KeyCode::Down } else { KeyCode::Up });
        term.draw(|f| anwei::ui::draw(f, &app.state, &theme)).unwrap();
    }
    app.stop();
    println!("{n} frames");
}
