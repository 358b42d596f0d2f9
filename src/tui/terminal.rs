//! The terminal's life: refusing a dumb or missing terminal before raw mode, entering
//! and restoring the full screen (also from the panic hook), the signal flag, and
//! whether the terminal is still there.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicI32, Ordering};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableFocusChange, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};

/// The SIGHUP, SIGTERM or SIGINT that asked the program to end (0: none).
static SIGNALLED: AtomicI32 = AtomicI32::new(0);

/// Why the full screen cannot start here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// `TERM` is unset, empty or `dumb`.
    DumbTerm,
    /// Standard input or output is not a terminal.
    NoTty,
}

/// Checks `TERM` and the standard streams, before anything is written to the terminal.
pub fn check(term: Option<&str>, stdin_tty: bool, stdout_tty: bool) -> Result<(), Unfit> {
    match term.map(str::trim) {
        None | Some("" | "dumb") => Err(Unfit::DumbTerm),
        _ if !stdin_tty || !stdout_tty => Err(Unfit::NoTty),
        _ => Ok(()),
    }
}

/// `check` on this process.
pub fn check_here() -> Result<(), Unfit> {
    let term = std::env::var("TERM").ok();
    check(term.as_deref(), std::io::stdin().is_terminal(), std::io::stdout().is_terminal())
}

/// Raw mode and the alternate screen, with a panic hook that restores first.
pub fn enter() -> std::io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    // bracketed paste: a paste arrives as one event, never as keys
    if let Err(e) = execute!(std::io::stdout(), EnterAlternateScreen, cursor::Hide, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Ok(())
}

/// Undoes everything the program may have enabled; errors are ignored (the terminal
/// may be gone) and nothing here panics.
pub fn restore() {
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, DisableFocusChange, cursor::Show);
    let _ = execute!(out, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let _ = ratatui::try_restore();
    let _ = out.flush();
}

/// A panic in any thread (the worker's too) restores the terminal, says what happened,
/// and ends the program with status 101: never a screen left hung in cooked mode.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        std::process::exit(101);
    }));
}

extern "C" fn on_signal(sig: libc::c_int) {
    SIGNALLED.store(sig, Ordering::SeqCst);
}

/// Catches SIGHUP, SIGTERM and SIGINT into a flag the main loop reads.
pub fn catch_signals() {
    for sig in [libc::SIGHUP, libc::SIGTERM, libc::SIGINT] {
        // SAFETY: the handler only stores into an atomic, which is async-signal-safe;
        // the sigaction struct is fully initialised before use.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
}

/// The signal that asked the program to end, if one did.
pub fn signalled() -> Option<i32> {
    Some(SIGNALLED.load(Ordering::SeqCst)).filter(|s| *s != 0)
}

/// Whether the terminal on standard input is still there (`tcgetattr` fails with EIO
/// once the line hangs up).
pub fn tty_alive() -> bool {
    // SAFETY: tcgetattr only writes into the termios we own.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        libc::tcgetattr(0, &mut t) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_and_missing_terminals_are_refused() {
        assert_eq!(check(None, true, true), Err(Unfit::DumbTerm));
        assert_eq!(check(Some("dumb"), true, true), Err(Unfit::DumbTerm));
        assert_eq!(check(Some(""), true, true), Err(Unfit::DumbTerm));
        assert_eq!(check(Some("xterm"), false, true), Err(Unfit::NoTty));
        assert_eq!(check(Some("xterm"), true, false), Err(Unfit::NoTty));
        assert_eq!(check(Some("xterm-256color"), true, true), Ok(()));
    }
}

/// Edits `text` in `$VISUAL`, else `$EDITOR`, else `vi`: the terminal is handed over
/// (cooked mode, the normal screen) and taken back after. The text goes through a
/// file that only the user may read, removed after.
pub fn edit_externally(text: &str, mouse_on: bool) -> Result<String, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let path = private_file(text).map_err(|e| e.to_string())?;
    leave();
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    let status = std::process::Command::new(program).args(words).arg(&path).status();
    let _ = enter_again(mouse_on);
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&path).map_err(|e| e.to_string()),
        Ok(s) => Err(format!("{program}: {s}")),
        Err(e) => Err(format!("{program}: {e}")),
    };
    let _ = std::fs::remove_file(&path);
    result
}

/// A new file that only the user may read, holding `text`, under a name no one can
/// guess in advance (tried again when taken).
fn private_file(text: &str) -> std::io::Result<std::path::PathBuf> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut last = std::io::Error::other("no name");
    for i in 0..16u32 {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let tag = now.subsec_nanos() ^ i.wrapping_mul(0x9E37_79B9);
        let path = std::env::temp_dir().join(format!("anwei-note-{}-{tag:08x}.txt", std::process::id()));
        let opened = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path);
        match opened.and_then(|mut f| f.write_all(text.as_bytes())) {
            Ok(()) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Gives the terminal to another program.
fn leave() {
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste, cursor::Show, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

/// Takes the terminal back after another program.
fn enter_again(mouse_on: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, cursor::Hide, EnableBracketedPaste)?;
    mouse(mouse_on);
    Ok(())
}

/// Takes the mouse (clicks and the wheel come to the screen) or gives it back.
pub fn mouse(on: bool) {
    let mut out = std::io::stdout();
    let _ = if on { execute!(out, EnableMouseCapture) } else { execute!(out, DisableMouseCapture) };
}

/// The OSC 52 sequence that puts `text` on the clipboard: the terminal (and tmux with
/// `set-clipboard on`, and SSH, which passes it through) does the copying.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod clipboard_tests {
    use super::*;

    #[test]
    fn base64_as_the_standard_says() {
        for (plain, coded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("GQ"), "\x1b]52;c;R1E=\x07");
    }
}
