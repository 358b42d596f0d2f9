//! The database worker: owns the interactive program's one connection on its own
//! thread, answers loads (only the newest per slot), runs writes, and polls
//! `PRAGMA data_version` to notice others' commits. What to read again after a write or
//! an outside change is the screen's to ask: it knows what is shown.

mod consult;
mod heavy;

use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::i18n::Lang;
use crate::protocol::{
    DbEvent, DbRequest, HazardCmd, Loaded, Outcome, PageData, PageQuery, Problem, ProblemKind, Query, RequestId, Slot,
    Target,
};
use crate::store::list::{Page, Sort};
use crate::store::{Store, StoreError};

/// How often an idle worker looks for other people's commits.
const POLL: Duration = Duration::from_millis(500);

/// The worker's handle: send requests, then `stop` to close the database.
pub struct Worker {
    pub requests: Sender<DbRequest>,
    thread: JoinHandle<()>,
}

impl Worker {
    /// Starts the worker on `store`; `deliver` hands each event to the screen and
    /// returns false once nobody listens.
    pub fn spawn(store: Store, lang: Lang, deliver: impl Fn(DbEvent) -> bool + Send + Sync + 'static) -> Worker {
        let (requests, rx) = channel();
        let deliver: heavy::Deliver = std::sync::Arc::new(deliver);
        let heavy = heavy::spawn(&store, lang, deliver.clone());
        let thread = std::thread::spawn(move || {
            let mut work = Loop::new(store, lang);
            work.heavy = heavy;
            work.run(&rx, &*deliver)
        });
        Worker { requests, thread }
    }

    /// Asks the worker to finish and waits for it, so the database is closed.
    pub fn stop(self) {
        let _ = self.requests.send(DbRequest::Shutdown);
        let _ = self.thread.join();
    }
}

/// The worker's work without its thread (tests drive it directly).
pub(crate) struct Loop {
    pub(crate) store: Store,
    lang: Lang,
    /// The newest timeline event already accounted for.
    last_event: i64,
    /// The thread with a second connection for the slow aggregates (none in tests).
    heavy: Option<Sender<heavy::Job>>,
}

impl Loop {
    pub(crate) fn new(store: Store, lang: Lang) -> Loop {
        let last_event = store.last_event_id().unwrap_or(0);
        Loop { store, lang, last_event, heavy: None }
    }

    fn run(mut self, rx: &Receiver<DbRequest>, deliver: &dyn Fn(DbEvent) -> bool) {
        let mut seen = self.store.data_version().unwrap_or(0);
        loop {
            let first = match rx.recv_timeout(POLL) {
                Ok(r) => r,
                Err(RecvTimeoutError::Timeout) => {
                    let now = self.store.data_version().unwrap_or(seen);
                    if now != seen {
                        seen = now;
                        if !deliver(self.external_change()) {
                            return;
                        }
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return,
            };
            let batch: Vec<DbRequest> = std::iter::once(first).chain(rx.try_iter()).collect();
            if !self.batch(batch, deliver) {
                return;
            }
        }
    }

    /// Runs the writes in order, then the newest load per slot; false when done.
    pub(crate) fn batch(&mut self, batch: Vec<DbRequest>, deliver: &dyn Fn(DbEvent) -> bool) -> bool {
        let mut loads = BTreeMap::new();
        let mut wrote = false;
        for req in batch {
            match req {
                DbRequest::Shutdown => return false,
                DbRequest::Load { id, slot, query } => {
                    loads.insert(slot, (id, query));
                }
                DbRequest::Write { id, targets, cmd } => {
                    let outcomes = self.write(&targets, &cmd);
                    wrote = true;
                    if !deliver(DbEvent::Committed { id, outcomes }) {
                        return false;
                    }
                }
                DbRequest::Consult { id, write } => {
                    let result = consult::write(&mut self.store, &write).map_err(|e| problem(self.lang, &e));
                    wrote = true;
                    if !deliver(DbEvent::ConsultSaved { id, result }) {
                        return false;
                    }
                }
                DbRequest::Setting { id, change } => {
                    let result = self.store.set_setting(change.key.name(), &change.value, &change.reason);
                    wrote = true;
                    if !deliver(DbEvent::SettingSaved { id, result: result.map_err(|e| problem(self.lang, &e)) }) {
                        return false;
                    }
                }
                DbRequest::Enterprise { id, target, input, reason } => {
                    let result = match &target {
                        None => self.store.enterprise_add(&input, &reason),
                        Some(t) => self
                            .store
                            .enterprise_edit(&t.code, Some(t.version), &input, &reason)
                            .map(|_| t.code.clone()),
                    };
                    wrote = true;
                    if !deliver(DbEvent::EnterpriseSaved { id, result: result.map_err(|e| problem(self.lang, &e)) }) {
                        return false;
                    }
                }
                DbRequest::Inspect { id, input } => {
                    let result = self.store.inspection_add(&input);
                    wrote = true;
                    if !deliver(DbEvent::Inspected { id, result: result.map_err(|e| problem(self.lang, &e)) }) {
                        return false;
                    }
                }
                DbRequest::Tipoff { id, write } => {
                    let result = self.store.tipoff_write(&write);
                    wrote = true;
                    if !deliver(DbEvent::TipoffSaved { id, result: result.map_err(|e| problem(self.lang, &e)) }) {
                        return false;
                    }
                }
                DbRequest::Register { id, input } => {
                    let result = self.store.register(&input).map(|d| d.code);
                    wrote = true;
                    if !deliver(DbEvent::Registered { id, result: result.map_err(|e| problem(self.lang, &e)) }) {
                        return false;
                    }
                }
                DbRequest::Undo { id, dry_run } => {
                    let result = self.store.undo(dry_run).map_err(|e| problem(self.lang, &e));
                    wrote |= !dry_run;
                    if !deliver(DbEvent::Undo { id, result }) {
                        return false;
                    }
                }
                DbRequest::Pack { id, pack } => {
                    let result = consult::pack(&self.store, self.lang, &pack);
                    if !deliver(DbEvent::PackWritten { id, result }) {
                        return false;
                    }
                }
            }
        }
        if wrote {
            self.last_event = self.store.last_event_id().unwrap_or(self.last_event);
        }
        self.loads(loads, deliver)
    }

    /// What another connection changed since the last look.
    pub(crate) fn external_change(&mut self) -> DbEvent {
        // an admin elsewhere may have changed the thresholds every figure reads
        if let Ok(settings) = self.store.settings() {
            self.store.thresholds = settings.thresholds;
        }
        let (seen, count) = self.store.changes_after(self.last_event, 1).unwrap_or_default();
        self.last_event = self.store.last_event_id().unwrap_or(self.last_event);
        DbEvent::ExternalChange { latest: seen.into_iter().next(), count }
    }

    fn loads(&mut self, loads: BTreeMap<Slot, (RequestId, Query)>, deliver: &dyn Fn(DbEvent) -> bool) -> bool {
        for (slot, (id, query)) in loads {
            if let (Some(heavy), true) = (&self.heavy, heavy::is_heavy(&query))
                && heavy.send((id, slot, query.clone())).is_ok()
            {
                continue;
            }
            if !deliver(load_event(&self.store, self.lang, id, slot, &query)) {
                return false;
            }
        }
        true
    }

    /// Writes `cmd` on each target; several targets are one batch, undone together.
    fn write(&mut self, targets: &[Target], cmd: &HazardCmd) -> Vec<Outcome> {
        let lang = self.lang;
        let each = |store: &mut Store| -> Vec<Outcome> {
            let mut one = |t: &Target| cmd.apply(store, &t.code, Some(t.version)).map_err(|e| problem(lang, &e));
            targets.iter().map(|t| Outcome { code: t.code.clone(), result: one(t) }).collect()
        };
        if targets.len() < 2 {
            return each(&mut self.store);
        }
        self.store.in_batch(each).unwrap_or_else(|e| {
            targets.iter().map(|t| Outcome { code: t.code.clone(), result: Err(problem(lang, &e)) }).collect()
        })
    }
}

/// The result of one load as the event for the screen.
fn load_event(store: &Store, lang: Lang, id: RequestId, slot: Slot, q: &Query) -> DbEvent {
    match load(store, q) {
        Ok(data) => DbEvent::Loaded { id, slot, data },
        Err(e) => DbEvent::Failed { id, slot, problem: problem(lang, &e) },
    }
}

fn load(store: &Store, q: &Query) -> Result<Loaded, StoreError> {
    Ok(match q {
        Query::Overview => Loaded::Overview(Box::new(store.overview()?)),
        Query::Trend => Loaded::Trend(Box::new(store.trend(24)?)),
        Query::Page(p) => Loaded::Page(Box::new(page(store, p)?)),
        Query::Detail(code) => Loaded::Detail(Box::new(store.detail(code)?)),
        Query::Staff => Loaded::Staff(store.staff_list()?),
        Query::DocNo(level) => Loaded::DocNo(*level, store.next_doc_no(*level)?),
        Query::Agenda(q) => Loaded::Agenda(Box::new(store.agenda(*q)?)),
        Query::Calendar => Loaded::Calendar(store.calendar()?),
        Query::LateActions => Loaded::LateActions(store.late_actions()?),
        Query::Units => Loaded::Units(store.unit_names(crate::domain::UnitKind::Department)?),
        Query::Settings => Loaded::Settings(store.setting_rows()?, store.settings()?.thresholds),
        Query::Enterprises(p) => Loaded::Enterprises(Box::new(enterprises(store, p)?)),
        Query::Enterprise(code) => Loaded::Enterprise(Box::new(store.enterprise(code)?)),
        Query::Arrears(limit) => Loaded::Arrears(store.inspection_arrears(*limit)?, store.inspections_behind()?),
        Query::Reviews(limit) => Loaded::Reviews(store.reviews_due(*limit)?, store.reviews_awaiting()?),
        Query::EnterpriseChoices => Loaded::EnterpriseChoices(store.enterprise_choices()?),
        Query::Tipoffs(q) => {
            let page = store.tipoffs(&q.filter, q.offset, q.limit)?;
            Loaded::Tipoffs(Box::new(crate::protocol::TipoffRows { query: (**q).clone(), page }))
        }
        Query::Tipoff(code) => Loaded::Tipoff(Box::new(store.tipoff(code)?)),
        Query::Places => Loaded::Places(crate::protocol::Places {
            villages: store.unit_names(crate::domain::UnitKind::Village)?,
            sectors: store.sector_names()?,
        }),
    })
}

/// A page of enterprises, one more read to know whether more lie beyond.
fn enterprises(
    store: &Store,
    p: &crate::protocol::EnterprisePage,
) -> Result<crate::protocol::EnterpriseRows, StoreError> {
    let mut rows = store.enterprise_list(&p.filter, p.sort, p.limit + 1, p.offset)?;
    let more = rows.len() > p.limit;
    rows.truncate(p.limit);
    let count = store.enterprise_count(&p.filter)?;
    Ok(crate::protocol::EnterpriseRows { page: p.clone(), rows, count, more })
}

/// A page read forwards, or backwards and turned back into sort order.
pub fn page(store: &Store, q: &PageQuery) -> Result<PageData, StoreError> {
    let sort = if q.backward { Sort { descending: !q.sort.descending, ..q.sort } } else { q.sort };
    let mut rows = store.list(&q.filter, sort, &Page { after: q.after.clone(), limit: q.limit + 1 })?;
    let more = rows.len() > q.limit;
    rows.truncate(q.limit);
    if q.backward {
        rows.reverse();
    }
    let count = if q.count { Some(store.count(&q.filter)?) } else { None };
    let sign_offs = if q.sign_offs {
        store.round_sign_offs(&rows.iter().map(|r| (r.id, r.round)).collect::<Vec<_>>())?
    } else {
        Vec::new()
    };
    Ok(PageData { query: q.clone(), rows, more, count, sign_offs })
}

/// A store error for the screen.
fn problem(lang: Lang, e: &StoreError) -> Problem {
    let kind = match e {
        StoreError::Conflict { version, .. } => ProblemKind::Conflict { version: *version },
        StoreError::Undo(crate::store::write::undo::UndoRefusal::ChangedSince { .. }) => {
            ProblemKind::Conflict { version: None }
        }
        StoreError::Forbidden { .. } | StoreError::BeyondExtendLimit { .. } => ProblemKind::Forbidden,
        _ if e.is_disk_full() || e.is_disk_io() => ProblemKind::DiskFull,
        StoreError::Sqlite(_) | StoreError::TooNew { .. } | StoreError::NoDatabase(_) => ProblemKind::Internal,
        _ => ProblemKind::Refused,
    };
    Problem { kind, message: crate::i18n::store_error(lang, e) }
}
