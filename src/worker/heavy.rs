//! The slow aggregates (the overview's trend, a quarter's agenda) on a thread of their
//! own with a second, read-only use of the database, so that keys never wait for them.
//! Only the newest request per slot is answered.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::load_event;
use crate::i18n::Lang;
use crate::protocol::{DbEvent, Query, RequestId, Slot};
use crate::store::Store;

/// Hands an event to the screen; false once nobody listens.
pub type Deliver = Arc<dyn Fn(DbEvent) -> bool + Send + Sync>;

/// One load for the heavy thread.
pub type Job = (RequestId, Slot, Query);

/// Whether a query is slow enough at county scale to keep off the key path.
pub fn is_heavy(q: &Query) -> bool {
    matches!(q, Query::Trend | Query::Agenda(_))
}

/// Starts the thread on a second connection to the same file; `None` if it cannot open
/// one (the main worker then runs everything itself).
pub fn spawn(store: &Store, lang: Lang, deliver: Deliver) -> Option<Sender<Job>> {
    let mut second = Store::open(store.path(), store.actor.clone(), store.clock).ok()?;
    second.thresholds = store.thresholds;
    second.without_mmap().ok()?;
    let (tx, rx) = channel();
    std::thread::spawn(move || run(&second, lang, &rx, &deliver));
    Some(tx)
}

fn run(store: &Store, lang: Lang, rx: &Receiver<Job>, deliver: &Deliver) {
    while let Ok(first) = rx.recv() {
        let mut newest = BTreeMap::new();
        for (id, slot, query) in std::iter::once(first).chain(rx.try_iter()) {
            newest.insert(slot, (id, query));
        }
        for (slot, (id, query)) in newest {
            if !deliver(load_event(store, lang, id, slot, &query)) {
                return;
            }
        }
    }
}
