//! The full screen's composition root: config, database and worker, the input
//! thread, and the main loop that wakes at least every 250 ms to check the signal
//! flag and the terminal, feeds events to `update`, and draws only when dirty.

#[cfg(test)]
mod budget;
mod quiet;
pub mod terminal;

pub use quiet::Quiet;

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};

use crate::app::keymap::Keymap;
use crate::app::{AppEvent, AppState, Effect, update};
use crate::config;
use crate::i18n::Lang;
use crate::protocol::Session;
use crate::startup::{Env, Failure};
use crate::store::Store;
use crate::ui::theme::{Depth, Theme};
use crate::worker::Worker;

/// The longest the main loop sleeps.
const TICK: Duration = Duration::from_millis(250);

/// Room for a full Chinese redraw of a large terminal, written at once.
const FRAME_BUFFER: usize = 256 * 1024;

/// Opens the full screen on the ledger; returns when the user quits, a signal
/// arrives or the terminal disappears. The terminal is restored in every case.
pub fn run(env: &Env) -> Result<(), Failure> {
    if let Err(u) = terminal::check_here() {
        let key = if u == terminal::Unfit::DumbTerm { "tui.dumb_term" } else { "tui.no_tty" };
        return Err(Failure::input(env.lang.t(key)));
    }
    let config = &env.config;
    let lang = env.lang;
    let keymap = Keymap::with_overrides(&config.keys).map_err(|e| {
        // the error names its entry, `keys.NAME: …`: say the line it is on
        let name = e.strip_prefix("keys.").and_then(|r| r.split(':').next()).unwrap_or_default();
        bad_config(lang, config.key_lines.get(name).copied().unwrap_or(0), &e)
    })?;
    let path = env.db_path()?;
    let store = env.open()?;
    let session = session(&store, env, &path);
    let term = std::env::var("TERM").ok();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::new(Depth::detect(config.theme, term.as_deref(), no_color));
    let mut state = AppState::new(lang, env.clock.today(), session, store.thresholds, keymap);
    let views_path = config::views::path();
    state.views = views_path.as_deref().map(config::views::load).unwrap_or_default();
    let (tx, rx) = channel();
    let to_screen = tx.clone();
    let worker = Worker::spawn(store, lang, move |e| to_screen.send(AppEvent::Db(e)).is_ok());
    terminal::catch_signals();
    if let Err(e) = terminal::enter() {
        worker.stop();
        return Err(Failure { code: 1, message: e.to_string() });
    }
    spawn_input(tx);
    let idle = Duration::from_secs(config.idle_lock_minutes.saturating_mul(60));
    event_loop(&mut state, &rx, &Outside { worker: &worker, views: views_path, mouse: config.mouse }, &theme, idle);
    worker.stop();
    terminal::restore();
    match terminal::signalled() {
        // ended by a signal: the status a shell expects (SIGHUP 129, SIGINT 130, SIGTERM 143)
        Some(sig) => Err(Failure { code: 128 + sig, message: String::new() }),
        None => Ok(()),
    }
}

fn bad_config(lang: Lang, line: usize, message: &str) -> Failure {
    let path = config::default_path().unwrap_or_default();
    Failure::input(lang.f("tui.bad_config", &[&path.display(), &line, &message]))
}

fn session(store: &Store, env: &Env, path: &std::path::Path) -> Session {
    Session {
        org: store.org_name().unwrap_or_default(),
        login: env.actor.login.clone(),
        role: store.role().ok(),
        database: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        demo: env.options.demo || store.is_demo().unwrap_or(false),
        readonly: env.actor.readonly,
    }
}

/// Reads keys and resizes on its own thread (crossterm may spin on a dead terminal;
/// the main loop notices and exits, ending this thread with the process).
/// While an external editor has the terminal, the input thread reads nothing.
static INPUT_PAUSED: AtomicBool = AtomicBool::new(false);

fn spawn_input(tx: Sender<AppEvent>) {
    std::thread::spawn(move || {
        loop {
            if INPUT_PAUSED.load(Ordering::SeqCst) {
                std::thread::sleep(TICK / 5);
                continue;
            }
            let ev = match event::poll(TICK / 5) {
                Ok(true) => event::read(),
                Ok(false) => continue,
                Err(_) => return,
            };
            let sent = match ev {
                Ok(Event::Key(k)) => tx.send(AppEvent::Key(k)),
                Ok(Event::Resize(w, h)) => tx.send(AppEvent::Resize(w, h)),
                Ok(Event::Paste(text)) => tx.send(AppEvent::Paste(text)),
                Ok(Event::Mouse(m)) => tx.send(AppEvent::Mouse(m)),
                Ok(_) => Ok(()),
                Err(_) => return,
            };
            if sent.is_err() {
                return;
            }
        }
    });
}

/// Where effects go: the worker, and the saved views' file.
struct Outside<'a> {
    worker: &'a Worker,
    views: Option<PathBuf>,
    /// Take the mouse at the start (the config's `mouse`).
    mouse: bool,
}

fn event_loop(state: &mut AppState, rx: &Receiver<AppEvent>, out: &Outside, theme: &Theme, idle: Duration) {
    // one write per frame, and nothing for a frame where nothing changed
    let stdout = std::io::BufWriter::with_capacity(FRAME_BUFFER, std::io::stdout());
    let backend = Quiet::new(CrosstermBackend::new(stdout)).ansi16(theme.depth == crate::ui::theme::Depth::Colour16);
    let Ok(mut term) = Terminal::new(backend) else { return };
    if let Ok(size) = term.size() {
        update(state, AppEvent::Resize(size.width, size.height));
    }
    let mut first = state.start();
    if out.mouse {
        state.mouse = true;
        first.push(Effect::Mouse(true));
    }
    send(out, state, first);
    let mut last_key = Instant::now();
    loop {
        if std::mem::take(&mut state.redraw_all) {
            let _ = term.clear();
            state.dirty = true;
        }
        if state.dirty {
            if term.draw(|f| crate::ui::draw(f, state, theme)).is_err() {
                return;
            }
            state.dirty = false;
        }
        if terminal::signalled().is_some() || !terminal::tty_alive() {
            return;
        }
        let first = match rx.recv_timeout(TICK) {
            Ok(e) => Some(e),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        let mut events: Vec<AppEvent> = first.into_iter().chain(rx.try_iter()).collect();
        if !idle.is_zero() && !state.locked && last_key.elapsed() >= idle {
            events.push(AppEvent::Idle);
        }
        for ev in events {
            if matches!(ev, AppEvent::Key(_)) {
                last_key = Instant::now();
            }
            let effects = update(state, ev);
            send(out, state, effects);
        }
        if state.quit {
            return;
        }
    }
}

fn send(out: &Outside, state: &mut AppState, effects: Vec<Effect>) {
    let mut later = Vec::new();
    for e in effects {
        match e {
            Effect::Db(r) => {
                let _ = out.worker.requests.send(r);
            }
            Effect::SaveViews(views) => {
                let saved = out.views.as_deref().map(|p| config::views::save(p, &views));
                if !matches!(saved, Some(Ok(()))) {
                    let err = saved.and_then(Result::err).map(|e| e.to_string()).unwrap_or_default();
                    let msg = state.lang.f("tui.views_not_saved", &[&crate::text::sanitise(&err)]);
                    update(state, AppEvent::Notice(msg));
                }
            }
            Effect::Clipboard(text) => {
                let mut out = std::io::stdout();
                let _ = out.write_all(terminal::osc52(&text).as_bytes()).and_then(|()| out.flush());
            }
            Effect::Mouse(on) => terminal::mouse(on),
            Effect::Editor(text) => {
                INPUT_PAUSED.store(true, Ordering::SeqCst);
                // let a poll in progress end before the editor reads the keyboard
                std::thread::sleep(TICK / 2);
                let edited = terminal::edit_externally(&text, state.mouse);
                INPUT_PAUSED.store(false, Ordering::SeqCst);
                later.extend(update(state, AppEvent::Edited(edited)));
                state.redraw_all = true;
            }
            Effect::Quit => {}
        }
    }
    if !later.is_empty() {
        send(out, state, later);
    }
}
