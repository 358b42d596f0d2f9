//! For the terminal journeys: enters the full screen as anwei does, turns mouse capture
//! on, then panics on another thread (as the database worker might) while the main
//! thread waits; the panic hook must leave the terminal as it found it and end the
//! program with status 101, not leave it hung.
#![allow(clippy::panic)]

use std::io::Write;

use ratatui::crossterm::event::EnableMouseCapture;
use ratatui::crossterm::execute;

fn main() -> std::io::Result<()> {
    anwei::tui::terminal::enter()?;
    execute!(std::io::stdout(), EnableMouseCapture)?;
    print!("entered the full screen");
    std::io::stdout().flush()?;
    std::thread::spawn(|| {
        std::thread::sleep(std::time::Duration::from_millis(500));
        panic!("a deliberate panic on a worker thread: the hook under test restores the terminal");
    });
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
