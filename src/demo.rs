//! The demo township (`anwei demo`, `anwei --demo`): villages, departments, staff,
//! enterprises and hazards with whole life stories, relative to today and the same
//! for the same seed.

mod duties;
mod emit;
mod hazards;
mod names;
mod rng;
mod sectors;
mod story;
mod township;

use serde::Serialize;

use crate::domain::Escalation;
use crate::store::{Store, StoreError, bulk};
use hazards::Calendar;
use story::Setting;

/// Runs up to this size get full timelines (progress notes, an event for every
/// notification and sign-off); bigger ones are lean and import the history closed
/// before go-live.
const RICH_UP_TO: u64 = 100_000;

/// How big a demo, and which one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub hazards: u64,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { hazards: 1500, seed: 42 }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DemoSummary {
    pub villages: usize,
    pub departments: usize,
    pub staff: usize,
    pub enterprises: usize,
    pub hazards: u64,
    /// Hazards by status, in the order of `Status::ALL`.
    pub by_status: [u64; 4],
    pub escalations: u64,
    pub sign_offs: u64,
    pub notifications: u64,
    pub events: u64,
    /// Head-led inspections, and hazards listed for supervision.
    pub inspections: u64,
    pub listed: u64,
    /// Rectification reports attached to closed hazards.
    pub attachments: u64,
}

/// Fills an empty, freshly created store with the demo township. The acting OS user
/// becomes its admin. `progress(done, total)` is called as hazards are written.
pub fn generate(
    store: &mut Store,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary, StoreError> {
    build(store, opts, opts.hazards <= RICH_UP_TO, progress)
}

/// `generate`, with rich or lean timelines.
fn build(
    store: &mut Store,
    opts: &DemoOptions,
    rich: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary, StoreError> {
    store.init(names::ORG, names::CODE_PREFIX)?;
    store.set_meta("demo", "1")?;
    store.bulk_mode(true)?;
    let filled = fill(store, opts, rich, progress);
    store.bulk_mode(false)?;
    let summary = filled?;
    store.checkpoint()?;
    Ok(summary)
}

/// Everything in one IMMEDIATE transaction.
fn fill(
    store: &mut Store,
    opts: &DemoOptions,
    rich: bool,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary, StoreError> {
    let today = store.today();
    let prefix = store.meta("doc_prefix")?.unwrap_or_default();
    let overdue_days = store.thresholds.overdue_days;
    let admin = store.actor.login.clone();
    let tx = store.bulk_tx()?;
    let town = township::build(&tx, opts.seed, township::enterprise_count(opts.hazards))?;
    let set = Setting {
        seed: opts.seed,
        today,
        overdue_days,
        rich,
        sectors: town.enterprises.iter().map(|e| e.sector).collect(),
        admin,
    };
    let calendar = Calendar::new(today, opts.hazards);
    let docs = hazards::number_documents(&tx, &set, &calendar, &prefix)?;
    let indexes = bulk::drop_indexes(&tx)?;
    // progress in units of one hazard; rebuilding the indexes counts a third as much
    let (loading, indexing) = (opts.hazards, opts.hazards / 3);
    let total = loading + indexing;
    let mut summary = hazards::write_all(&tx, &set, &town, &calendar, docs, &mut |done, _| progress(done, total))?;
    summary.inspections = duties::inspections(&tx, &set, &town)?;
    summary.listed = duties::supervision(&tx, &set)?;
    summary.attachments = duties::reports(&tx, &set)?;
    for (i, sql) in indexes.iter().enumerate() {
        bulk::create_index(&tx, sql)?;
        progress(loading + indexing * (i as u64 + 1) / indexes.len() as u64, total);
    }
    tx.commit()?;
    summary.villages = town.villages;
    summary.departments = town.departments.len();
    summary.staff = town.staff;
    summary.enterprises = town.enterprises.len();
    Ok(summary)
}

/// The escalation of a level the story drew (always 1–4).
fn escalation(level: u8) -> Result<Escalation, StoreError> {
    Escalation::from_level(level).ok_or_else(|| StoreError::Invalid {
        field: "level",
        value: level.to_string(),
        why: "demo".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use crate::store::Actor;

    /// Big demos are lean: old closed history arrives by import; the ledger stays sound.
    #[test]
    fn lean_demo_passes_the_check() {
        let dir = tempfile::tempdir().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut store = Store::create(&dir.path().join("lean.db"), Actor::new("tester"), Clock::fixed(today)).unwrap();
        let summary = build(&mut store, &DemoOptions::default(), false, &mut |_, _| {}).unwrap();
        assert_eq!(store.check().unwrap(), vec![]);
        let imported: i64 = store
            .conn
            .query_row("SELECT count(*) FROM timeline WHERE kind = 'imported' AND actor = 'tester'", [], |r| r.get(0))
            .unwrap();
        assert!(imported > 300, "{imported}");
        assert!(summary.events < 4 * summary.hazards, "{summary:?}");
        let journal: String = store.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(journal, "wal");
    }
}
