//! For the terminal journeys: enters the full screen as anwei does, turns mouse capture
//! on, then panics; the panic hook must leave the terminal as it found it.
#![allow(clippy::panic)]

use std::io::Write;

use ratatui::crossterm::event::EnableMouseCapture;
use ratatui::crossterm::execute;

fn main() -> std::io::Result<()> {
    anwei::tui::terminal::enter()?;
    execute!(std::io::stdout(), EnableMouseCapture)?;
    print!("entered the full screen");
    std::io::stdout().flush()?;
    std::thread::sleep(std::time::Duration::from_millis(500));
    panic!("a deliberate panic: the hook under test restores the terminal");
}
