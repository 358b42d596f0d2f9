//! Undo: a person's last write, or last bulk action as a whole, reversed by new events
//! (the timeline stays append-only) within the ledger's time limit, and only while no
//! one else has changed those hazards since. An escalation's document is withdrawn,
//! never deleted and its number never reused.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use super::{Event, append_batch_event, next_in_sequence};
use crate::domain::permission::Write;
use crate::store::{Store, StoreError};

/// The kinds of event an undo reverses; the others (a sign-off on site, a notification
/// given, a note, a reopening) stand, and a write with one of them is not undone.
const UNDOABLE: &[&str] = &["assigned", "plan", "status", "extended", "escalated"];

/// The hazard columns an undo may put back.
const COLUMNS: [&str; 9] = [
    "status",
    "assignee",
    "deadline",
    "escalation_level",
    "plan_responsible",
    "plan_measures",
    "plan_funds",
    "plan_deadline",
    "plan_contingency",
];

/// One event an undo reverses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reversal {
    pub code: String,
    pub kind: String,
    pub field: String,
    /// The value the undo puts back, and the one it replaces.
    pub back_to: String,
    pub from: String,
}

/// What an undo did, or (on a dry run) would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Undone {
    /// When the write was made.
    pub at: String,
    pub reversals: Vec<Reversal>,
    pub written: bool,
}

/// Why there is nothing to undo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoRefusal {
    /// No write of this person's to undo.
    Nothing,
    /// The last write is an undo itself.
    AlreadyUndone,
    /// Made longer ago than the limit (minutes).
    TooLate { at: String, minutes: i64 },
    /// Someone changed this hazard after the write.
    ChangedSince { code: String, by: String, at: String },
    /// The write holds an event an undo does not reverse.
    NotUndoable { code: String, kind: String },
}

/// One event of the batch being undone.
struct Original {
    hazard_id: i64,
    code: String,
    kind: String,
    field: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

impl Store {
    /// Undoes the actor's last write (or bulk action); on `dry_run` says what it would do.
    pub fn undo(&mut self, dry_run: bool) -> Result<Undone, StoreError> {
        let minutes = self.settings()?.undo_minutes;
        let (now, actor) = (self.clock.stamp(), self.actor.login.clone());
        let tx = self.begin(Write::Undo)?;
        let (batch, at) = last_batch(&tx, &actor)?;
        let events = batch_events(&tx, batch)?;
        check(&tx, &events, batch, &at, minutes, &now)?;
        let reversals: Vec<Reversal> = events.iter().rev().filter_map(reversal).collect();
        if dry_run {
            return Ok(Undone { at, reversals, written: false });
        }
        let undo_batch = next_in_sequence(&tx, "batch")?;
        for e in events.iter().rev() {
            reverse(&tx, e, (&now, &actor), undo_batch)?;
        }
        for id in events.iter().map(|e| e.hazard_id).collect::<std::collections::BTreeSet<_>>() {
            tx.execute("UPDATE hazards SET version = version + 1, updated_at = ?1 WHERE id = ?2", params![now, id])?;
        }
        tx.commit()?;
        Ok(Undone { at, reversals, written: true })
    }
}

/// The actor's last batch and when it began.
fn last_batch(tx: &Transaction, actor: &str) -> Result<(i64, String), StoreError> {
    tx.query_row(
        "SELECT batch, at FROM timeline WHERE actor = ?1 AND batch IS NOT NULL ORDER BY id DESC LIMIT 1",
        [actor],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(StoreError::Undo(UndoRefusal::Nothing))
}

fn batch_events(tx: &Transaction, batch: i64) -> Result<Vec<Original>, StoreError> {
    let mut stmt = tx.prepare(
        "SELECT t.hazard_id, h.code, t.kind, t.field, t.from_value, t.to_value FROM timeline t
         JOIN hazards h ON h.id = t.hazard_id WHERE t.batch = ?1 ORDER BY t.id",
    )?;
    let rows = stmt.query_map([batch], |r| {
        Ok(Original {
            hazard_id: r.get(0)?,
            code: r.get(1)?,
            kind: r.get(2)?,
            field: r.get(3)?,
            from: r.get(4)?,
            to: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Refuses an undo that is too late, of an undo, of what an undo does not reverse, or
/// over someone else's later change.
fn check(
    tx: &Transaction,
    events: &[Original],
    batch: i64,
    at: &str,
    minutes: i64,
    now: &str,
) -> Result<(), StoreError> {
    let refuse = |r| Err(StoreError::Undo(r));
    if events.iter().any(|e| e.kind == "undone") {
        return refuse(UndoRefusal::AlreadyUndone);
    }
    let late: bool =
        tx.query_row("SELECT julianday(?1) - julianday(?2) > ?3 / 1440.0", params![now, at, minutes], |r| r.get(0))?;
    if late {
        return refuse(UndoRefusal::TooLate { at: at.to_string(), minutes });
    }
    if let Some(e) = events.iter().find(|e| !UNDOABLE.contains(&e.kind.as_str())) {
        return refuse(UndoRefusal::NotUndoable { code: e.code.clone(), kind: e.kind.clone() });
    }
    for e in events {
        let later: Option<(String, String)> = tx
            .query_row(
                "SELECT actor, at FROM timeline WHERE hazard_id = ?1 AND id > (
                   SELECT MIN(id) FROM timeline WHERE batch = ?2 AND hazard_id = ?1)
                 AND (batch IS NOT ?2) ORDER BY id DESC LIMIT 1",
                params![e.hazard_id, batch],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((by, at)) = later {
            return refuse(UndoRefusal::ChangedSince { code: e.code.clone(), by, at });
        }
    }
    Ok(())
}

/// The change an event made, turned back; none for an event without one (a note).
fn reversal(e: &Original) -> Option<Reversal> {
    let (Some(field), Some(to)) = (&e.field, &e.to) else { return None };
    Some(Reversal {
        code: e.code.clone(),
        kind: e.kind.clone(),
        field: field.clone(),
        back_to: e.from.clone().unwrap_or_default(),
        from: to.clone(),
    })
}

/// Puts one event's field back and records it as an `undone` event; an escalation's
/// document is withdrawn.
fn reverse(tx: &Transaction, e: &Original, (now, actor): (&str, &str), batch: i64) -> Result<(), StoreError> {
    let Some(r) = reversal(e) else { return Ok(()) };
    let Some(column) = COLUMNS.iter().copied().find(|c| *c == r.field) else {
        return Err(StoreError::Undo(UndoRefusal::NotUndoable { code: e.code.clone(), kind: e.kind.clone() }));
    };
    let value: rusqlite::types::Value = match column {
        "assignee" if r.back_to.is_empty() => rusqlite::types::Value::Null,
        "escalation_level" => rusqlite::types::Value::Integer(r.back_to.parse().unwrap_or(0)),
        _ => rusqlite::types::Value::Text(r.back_to.clone()),
    };
    tx.execute(&format!("UPDATE hazards SET {column} = ?1 WHERE id = ?2"), params![value, e.hazard_id])?;
    if e.kind == "escalated" {
        tx.execute(
            "INSERT INTO withdrawn_documents (doc_no, at, actor)
             SELECT doc_no, ?3, ?4 FROM escalations WHERE hazard_id = ?1 AND level = CAST(?2 AS INTEGER)
             AND doc_no NOT IN (SELECT doc_no FROM withdrawn_documents) ORDER BY id DESC LIMIT 1",
            params![e.hazard_id, r.from, now, actor],
        )?;
    }
    let event = Event::changed("undone", column, r.from.clone(), r.back_to.clone(), "");
    append_batch_event(tx, e.hazard_id, (now, actor), &event, Some(batch))?;
    Ok(())
}
