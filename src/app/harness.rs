//! Test-only: the app driven against the test ledger through the worker's loop,
//! synchronously, so tests can press keys and look at state and screens.

use std::cell::RefCell;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::Keymap;
use super::{AppEvent, AppState, Effect, update};
use crate::i18n::Lang;
use crate::protocol::{DbRequest, Session};
use crate::store::fixture;
use crate::worker::Loop;

/// An app on the test ledger.
pub struct Harness {
    pub s: AppState,
    pub worker: Loop,
    /// Every request the app sent, in order.
    pub sent: Vec<DbRequest>,
    _dir: tempfile::TempDir,
}

impl Harness {
    /// The app at `w` x `h` with its first loads answered, acting as zhang (admin).
    pub fn new(lang: Lang, w: u16, h: u16) -> Harness {
        let (dir, store) = fixture::ledger();
        Harness::on(dir, store, lang, w, h)
    }

    /// The app on `store` (kept alive by `dir`) at `w` x `h`, its first loads answered.
    pub fn on(dir: tempfile::TempDir, store: crate::store::Store, lang: Lang, w: u16, h: u16) -> Harness {
        let session = Session {
            org: store.org_name().unwrap(),
            login: store.actor.login.clone(),
            role: store.role().ok(),
            database: "test.db".into(),
            demo: false,
            readonly: false,
        };
        let s = AppState::new(lang, fixture::today(), session, store.thresholds, Keymap::default());
        let mut x = Harness { s, worker: Loop::new(store, lang), sent: Vec::new(), _dir: dir };
        x.event(AppEvent::Resize(w, h));
        let first = x.s.start();
        x.run(first);
        x
    }

    /// Feeds an event and answers what it asks of the database.
    pub fn event(&mut self, ev: AppEvent) {
        let effects = update(&mut self.s, ev);
        self.run(effects);
    }

    /// Presses keys given as text: each char a key, `\n` Enter, `\x1b` Esc, `\t` Tab.
    /// Types `text`: `\n` is Enter, `\x1b` Esc, `\t` Tab, `\x13` Ctrl-S (save).
    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\x13' {
                let save = KeyEvent::new(KeyCode::Char('s'), ratatui::crossterm::event::KeyModifiers::CONTROL);
                self.event(AppEvent::Key(save));
                continue;
            }
            self.key(match c {
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                '\t' => KeyCode::Tab,
                c => KeyCode::Char(c),
            });
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.event(AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    /// Answers requests until none are left, as the worker would.
    pub fn run(&mut self, effects: Vec<Effect>) {
        let mut queue = effects;
        while !queue.is_empty() {
            let requests: Vec<DbRequest> = queue
                .drain(..)
                .filter_map(|e| match e {
                    Effect::Db(r) => Some(r),
                    Effect::Quit
                    | Effect::SaveViews(_)
                    | Effect::Clipboard(_)
                    | Effect::Mouse(_)
                    | Effect::Editor(_) => None,
                })
                .collect();
            self.sent.extend(requests.iter().cloned());
            let events = RefCell::new(Vec::new());
            self.worker.batch(requests, &|e| {
                events.borrow_mut().push(e);
                true
            });
            for e in events.into_inner() {
                queue.extend(update(&mut self.s, AppEvent::Db(e)));
            }
        }
    }

    /// Another person's commit noticed, and what the screen then reads again.
    pub fn external_change(&mut self) {
        let e = self.worker.external_change();
        self.event(AppEvent::Db(e));
    }
}
