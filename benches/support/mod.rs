//! What the benches share: a demo ledger (`ANWEI_BENCH_DB`, or a 20,000-hazard demo
//! made in a temp directory), and the app driven through the real worker to any screen.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use anwei::app::keymap::Keymap;
use anwei::app::{AppEvent, AppState, Effect, update};
use anwei::clock::Clock;
use anwei::demo::{DemoOptions, generate};
use anwei::domain::parse_date;
use anwei::i18n::Lang;
use anwei::protocol::{DbEvent, DbRequest, Session};
use anwei::store::{Actor, Store};
use anwei::worker::Worker;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub const TODAY: &str = "2026-11-29";

/// The database to measure, and the temp directory that holds it when made here.
pub fn database() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(p) = std::env::var_os("ANWEI_BENCH_DB") {
        return (PathBuf::from(p), None);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut s = Store::create(&path, Actor::new("bench"), clock()).unwrap();
    generate(&mut s, &DemoOptions { hazards: 20_000, seed: 42 }, &mut |_, _| {}).unwrap();
    (path, Some(dir))
}

pub fn clock() -> Clock {
    Clock::fixed(parse_date(TODAY).unwrap())
}

pub fn open(path: &std::path::Path) -> Store {
    Store::open(path, Actor::new("bench"), clock()).unwrap()
}

/// The app at `w` x `h` over the real worker.
pub struct Driven {
    pub state: AppState,
    worker: Worker,
    rx: Receiver<DbEvent>,
}

impl Driven {
    pub fn new(path: &std::path::Path, lang: Lang, w: u16, h: u16) -> Driven {
        let store = open(path);
        let session = Session { org: store.org_name().unwrap(), login: "bench".into(), ..Session::default() };
        let mut state = AppState::new(lang, clock().today(), session, store.thresholds, Keymap::default());
        let (tx, rx) = channel();
        let worker = Worker::spawn(store, lang, move |e| tx.send(e).is_ok());
        update(&mut state, AppEvent::Resize(w, h));
        let mut d = Driven { state, worker, rx };
        let first = d.state.start();
        d.settle(first);
        d
    }

    /// Sends the effects' loads and feeds every answer back until none is awaited.
    pub fn settle(&mut self, effects: Vec<Effect>) {
        let mut waiting = 0usize;
        let mut queue = effects;
        loop {
            for e in queue.drain(..) {
                if let Effect::Db(r) = e {
                    waiting += usize::from(matches!(r, DbRequest::Load { .. }));
                    self.worker.requests.send(r).unwrap();
                }
            }
            if waiting == 0 {
                return;
            }
            let ev = self.rx.recv().unwrap();
            waiting -= usize::from(matches!(ev, DbEvent::Loaded { .. } | DbEvent::Failed { .. }));
            queue = update(&mut self.state, AppEvent::Db(ev));
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        let effects = update(&mut self.state, AppEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self.settle(effects);
    }

    pub fn keys(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn stop(self) {
        self.worker.stop();
    }
}
