//! Write commands: each one IMMEDIATE transaction that checks the role and the row's
//! version, changes the hazard and appends its timeline events together.

mod hazard;
mod notice;
pub mod register;
mod steps;
pub mod supervise;
pub mod undo;

use rusqlite::types::Value;
use rusqlite::{Transaction, TransactionBehavior, params};

use super::{Store, StoreError, role_of};
use crate::domain::permission::{Write, allows};
pub use hazard::HazardState;
pub(crate) use notice::{insert_acknowledgement, insert_notification};
pub use register::NewHazard;
pub use steps::SignOffInput;
pub(crate) use steps::{doc_number, doc_prefix, insert_escalation, insert_sign_off, status_event};

/// The result of a write: the hazard's code, its new version and a detail to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub code: String,
    pub version: i64,
    /// A document number, a new status, or the like.
    pub detail: Option<String>,
}

/// One timeline event to append.
#[derive(Debug, Clone, Default)]
pub struct Event {
    pub kind: &'static str,
    pub field: Option<&'static str>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: String,
}

impl Event {
    /// An event that records a field changing from one value to another.
    pub fn changed(
        kind: &'static str,
        field: &'static str,
        from: impl Into<String>,
        to: impl Into<String>,
        note: &str,
    ) -> Event {
        Event { kind, field: Some(field), from: Some(from.into()), to: Some(to.into()), note: note.to_string() }
    }

    /// An event with a note only.
    pub fn note(kind: &'static str, note: &str) -> Event {
        Event { kind, note: note.to_string(), ..Event::default() }
    }
}

/// The columns to set and the events to append for one write.
#[derive(Debug, Default)]
pub struct Change {
    sets: Vec<(&'static str, Value)>,
    events: Vec<Event>,
    detail: Option<String>,
}

impl Change {
    pub fn set(&mut self, column: &'static str, value: impl Into<Value>) -> &mut Self {
        self.sets.push((column, value.into()));
        self
    }

    pub fn event(&mut self, e: Event) -> &mut Self {
        self.events.push(e);
        self
    }

    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty() && self.events.is_empty()
    }

    pub fn detail(&mut self, d: impl Into<String>) -> &mut Self {
        self.detail = Some(d.into());
        self
    }
}

/// Everything a write step sees inside its transaction.
pub struct Ctx<'a> {
    pub tx: &'a Transaction<'a>,
    pub actor: &'a str,
    pub now: &'a str,
    pub today: chrono::NaiveDate,
    /// The actor's role.
    pub role: crate::domain::Role,
}

/// A refusal of a field, for a reason the catalogue words (`why.WHY`).
pub(crate) fn invalid(field: &'static str, why: &str) -> StoreError {
    StoreError::Invalid { field, value: String::new(), why: why.into() }
}

/// A text that must be given, of at most `max` characters.
pub(crate) fn required_text(field: &'static str, value: &str, max: usize) -> Result<(), StoreError> {
    if value.trim().is_empty() {
        return Err(invalid(field, "required"));
    }
    StoreError::check_len(field, value, max)
}

/// The day of a step: the one given or today, not in the future, not before `after`.
pub(crate) fn step_day(
    field: &'static str,
    date: Option<chrono::NaiveDate>,
    ctx: &Ctx,
    after: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, StoreError> {
    let date = date.unwrap_or(ctx.today);
    crate::domain::dates::business(date, ctx.today, Some(after)).map_err(|p| StoreError::date(field, date, p))?;
    Ok(date)
}

impl Store {
    /// Begins an IMMEDIATE transaction after checking that the actor may do `write`.
    pub(crate) fn begin(&mut self, write: Write) -> Result<Transaction<'_>, StoreError> {
        self.begin_as(write).map(|(tx, _)| tx)
    }

    /// [`Store::begin`], also giving the actor's role.
    pub(crate) fn begin_as(&mut self, write: Write) -> Result<(Transaction<'_>, crate::domain::Role), StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let role = role_of(&tx, &self.actor)?;
        if !allows(role, write) {
            return Err(StoreError::Forbidden { login: self.actor.login.clone(), role, action: write.name() });
        }
        Ok((tx, role))
    }

    /// Runs `step` on the hazard `code` in one transaction: role, version, change, timeline.
    pub(crate) fn write_hazard(
        &mut self,
        write: Write,
        code: &str,
        expected_version: Option<i64>,
        step: impl FnOnce(&Ctx, &HazardState) -> Result<Change, StoreError>,
    ) -> Result<Done, StoreError> {
        let now = self.clock.stamp();
        let today = self.clock.write_today();
        let actor = self.actor.login.clone();
        let own_batch = self.batch;
        let (tx, role) = self.begin_as(write)?;
        let state = HazardState::load(&tx, code)?;
        if expected_version.is_some_and(|v| v != state.version) {
            return Err(conflict(&tx, &state)?);
        }
        let batch = match own_batch {
            Some(b) => b,
            None => next_in_sequence(&tx, "batch")?,
        };
        let ctx = Ctx { tx: &tx, actor: &actor, now: &now, today, role };
        let change = step(&ctx, &state)?;
        apply(&ctx, &state, &change, batch)?;
        tx.commit()?;
        Ok(Done { code: state.code, version: state.version + 1, detail: change.detail })
    }
}

/// Writes the columns, bumps the version (guarded by the old one) and appends the events
/// in `batch`.
fn apply(ctx: &Ctx, state: &HazardState, change: &Change, batch: i64) -> Result<(), StoreError> {
    let mut sql = String::from("UPDATE hazards SET version = version + 1, updated_at = ?1");
    let mut values: Vec<Value> = vec![Value::Text(ctx.now.to_string())];
    for (column, value) in &change.sets {
        values.push(value.clone());
        sql.push_str(&format!(", {column} = ?{}", values.len()));
    }
    values.push(Value::Integer(state.id));
    sql.push_str(&format!(" WHERE id = ?{}", values.len()));
    values.push(Value::Integer(state.version));
    sql.push_str(&format!(" AND version = ?{}", values.len()));
    let n = ctx.tx.execute(&sql, rusqlite::params_from_iter(values))?;
    if n != 1 {
        return Err(conflict(ctx.tx, state)?);
    }
    for e in &change.events {
        append_batch_event(ctx.tx, state.id, (ctx.now, ctx.actor), e, Some(batch))?;
    }
    Ok(())
}

/// Appends one timeline event outside any batch (it cannot be undone: a registration,
/// an import, the demo's story).
pub(crate) fn append_event(tx: &Transaction, hazard_id: i64, at: &str, actor: &str, e: &Event) -> rusqlite::Result<()> {
    append_batch_event(tx, hazard_id, (at, actor), e, None)
}

/// Appends one timeline event, by whom and when, in a batch of writes.
fn append_batch_event(
    tx: &Transaction,
    hazard_id: i64,
    (at, actor): (&str, &str),
    e: &Event,
    batch: Option<i64>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO timeline (hazard_id, at, actor, kind, field, from_value, to_value, note, batch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![hazard_id, at, actor, e.kind, e.field, e.from, e.to, e.note, batch])?;
    Ok(())
}

/// A conflict naming the last person who changed the hazard.
fn conflict(tx: &Transaction, state: &HazardState) -> Result<StoreError, StoreError> {
    let (by, at): (String, String) = tx.query_row(
        "SELECT actor, at FROM timeline WHERE hazard_id = ?1 ORDER BY id DESC LIMIT 1",
        [state.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(StoreError::Conflict { code: state.code.clone(), by, at, version: Some(state.version) })
}

impl Store {
    /// Runs `f` with every write in it one batch, undone together (a bulk action).
    pub fn in_batch<T>(&mut self, f: impl FnOnce(&mut Store) -> T) -> Result<T, StoreError> {
        let batch = {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let b = next_in_sequence(&tx, "batch")?;
            tx.commit()?;
            b
        };
        self.batch = Some(batch);
        let out = f(self);
        self.batch = None;
        Ok(out)
    }
}

/// The next number of a named sequence (hazard codes, document numbers), inside `tx`.
pub(crate) fn next_in_sequence(tx: &rusqlite::Connection, name: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO sequences (name, last) VALUES (?1, 1)
         ON CONFLICT(name) DO UPDATE SET last = last + 1 RETURNING last",
    )?
    .query_row([name], |r| r.get(0))
}
