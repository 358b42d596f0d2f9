//! The quarterly consultation's record: the meeting, its agenda topics, its follow-up
//! actions and its append-only events. Each write is one IMMEDIATE transaction that checks
//! the role, the version and the held (frozen) state, and appends its event.

mod actions;
mod meeting;
mod topics;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use super::write::{Ctx, Event};
use super::{Store, StoreError};
use crate::domain::consultation::SectionKind;
use crate::domain::parse_date;
use crate::domain::permission::Write;
use crate::domain::quarter::Quarter;
pub use actions::{ActionFilter, ActionRow, NewAction};
pub use meeting::Meeting;
pub use topics::TopicText;

/// What a consultation write saved, and the version it now has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Saved {
    pub quarter: Quarter,
    pub target: Target,
    pub version: i64,
}

/// The record a write changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Target {
    Consultation,
    Topic(i64),
    Action(i64),
}

/// One agenda topic as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicRecord {
    pub id: i64,
    pub position: i64,
    pub kind: SectionKind,
    /// Empty: the section's own title.
    pub title: String,
    pub proposal: String,
    pub decision: String,
    pub dropped: bool,
    pub version: i64,
}

/// One event of a consultation's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultEvent {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub topic_id: Option<i64>,
    pub action_id: Option<i64>,
    pub field: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: String,
}

/// A consultation whole: the meeting, topics in order, actions and events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultationRecord {
    pub quarter: Quarter,
    pub held_on: Option<NaiveDate>,
    pub place: String,
    pub chair: String,
    pub attendees: String,
    pub held: bool,
    pub version: i64,
    pub topics: Vec<TopicRecord>,
    pub actions: Vec<ActionRow>,
    pub events: Vec<ConsultEvent>,
}

/// The consultation a write step works on, read inside its transaction.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub id: i64,
    pub quarter: Quarter,
    pub held: bool,
    pub version: i64,
}

/// How a write finds its consultation.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Locate {
    /// By quarter, creating the record (with the seven generated topics) if missing.
    Quarter(Quarter),
    Topic(i64),
    Action(i64),
}

const HEADER: &str = "SELECT id, quarter, held, version FROM consultations";

fn header(r: &Row) -> rusqlite::Result<Header> {
    let q: String = r.get(1)?;
    Ok(Header {
        id: r.get(0)?,
        quarter: Quarter::parse(&q).unwrap_or(Quarter { year: 0, q: 1 }),
        held: r.get(2)?,
        version: r.get(3)?,
    })
}

impl Store {
    /// Runs `step` on the located consultation in one transaction after the role check.
    pub(crate) fn consult_write<T>(
        &mut self,
        locate: Locate,
        step: impl FnOnce(&Ctx, &Header) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let (now, today, actor) = (self.clock.stamp(), self.clock.write_today(), self.actor.login.clone());
        let (tx, role) = self.begin_as(Write::Consult)?;
        let ctx = Ctx { tx: &tx, actor: &actor, now: &now, today, role };
        let h = locate_header(&ctx, locate)?;
        let out = step(&ctx, &h)?;
        tx.commit()?;
        Ok(out)
    }

    /// Creates the quarter's record if missing (with the seven generated topics).
    pub fn consult_open(&mut self, quarter: Quarter) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Quarter(quarter), |_, h| {
            Ok(Saved { quarter: h.quarter, target: Target::Consultation, version: h.version })
        })
    }

    /// The quarter's record, if one was started.
    pub fn consultation(&self, quarter: Quarter) -> Result<Option<ConsultationRecord>, StoreError> {
        let sql = "SELECT id, held_on, place, chair, attendees, held, version FROM consultations WHERE quarter = ?1";
        let found = self
            .conn
            .query_row(sql, [quarter.to_string()], |r| {
                let held_on: Option<String> = r.get(1)?;
                let rec = ConsultationRecord {
                    quarter,
                    held_on: held_on.as_deref().and_then(parse_date),
                    place: r.get(2)?,
                    chair: r.get(3)?,
                    attendees: r.get(4)?,
                    held: r.get(5)?,
                    version: r.get(6)?,
                    topics: Vec::new(),
                    actions: Vec::new(),
                    events: Vec::new(),
                };
                Ok((r.get::<_, i64>(0)?, rec))
            })
            .optional()?;
        let Some((id, mut rec)) = found else { return Ok(None) };
        rec.topics = self.topics_of(id)?;
        rec.actions = self.actions(&ActionFilter { quarter: Some(quarter), ..ActionFilter::default() })?;
        rec.events = self.consult_events(id)?;
        Ok(Some(rec))
    }

    /// Every recorded consultation's quarter and whether it was held, oldest first.
    pub fn consultation_quarters(&self) -> Result<Vec<(Quarter, bool)>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT quarter, held FROM consultations ORDER BY quarter")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (q, held) = row?;
            out.extend(Quarter::parse(&q).map(|q| (q, held)));
        }
        Ok(out)
    }

    fn topics_of(&self, consultation: i64) -> Result<Vec<TopicRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, position, kind, title, proposal, decision, dropped, version FROM topics
             WHERE consultation_id = ?1 ORDER BY position, id",
        )?;
        let rows = stmt.query_map([consultation], |r| {
            Ok(TopicRecord {
                id: r.get(0)?,
                position: r.get(1)?,
                kind: SectionKind::parse(&r.get::<_, String>(2)?).unwrap_or(SectionKind::Manual),
                title: r.get(3)?,
                proposal: r.get(4)?,
                decision: r.get(5)?,
                dropped: r.get(6)?,
                version: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn consult_events(&self, consultation: i64) -> Result<Vec<ConsultEvent>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, kind, topic_id, action_id, field, from_value, to_value, note
             FROM consultation_events WHERE consultation_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([consultation], |r| {
            Ok(ConsultEvent {
                at: r.get(0)?,
                actor: r.get(1)?,
                kind: r.get(2)?,
                topic_id: r.get(3)?,
                action_id: r.get(4)?,
                field: r.get(5)?,
                from: r.get(6)?,
                to: r.get(7)?,
                note: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The consultation a write works on; creates a quarter's record when missing.
fn locate_header(ctx: &Ctx, locate: Locate) -> Result<Header, StoreError> {
    let (sql, key, what) = match locate {
        Locate::Quarter(q) => return quarter_header(ctx, q),
        Locate::Topic(id) => {
            (format!("{HEADER} WHERE id = (SELECT consultation_id FROM topics WHERE id = ?1)"), id, "topic")
        }
        Locate::Action(id) => {
            (format!("{HEADER} WHERE id = (SELECT consultation_id FROM actions WHERE id = ?1)"), id, "action")
        }
    };
    ctx.tx
        .query_row(&sql, [key], header)
        .optional()?
        .ok_or_else(|| StoreError::Unknown { what, value: key.to_string() })
}

fn quarter_header(ctx: &Ctx, q: Quarter) -> Result<Header, StoreError> {
    if q.start() > ctx.today {
        return Err(StoreError::Invalid { field: "quarter", value: q.to_string(), why: "future".into() });
    }
    let sql = format!("{HEADER} WHERE quarter = ?1");
    if let Some(h) = ctx.tx.query_row(&sql, [q.to_string()], header).optional()? {
        return Ok(h);
    }
    ctx.tx.execute(
        "INSERT INTO consultations (quarter, created_at, updated_at) VALUES (?1, ?2, ?2)",
        params![q.to_string(), ctx.now],
    )?;
    let h = Header { id: ctx.tx.last_insert_rowid(), quarter: q, held: false, version: 1 };
    for (i, kind) in SectionKind::GENERATED.iter().enumerate() {
        ctx.tx.execute(
            "INSERT INTO topics (consultation_id, position, kind) VALUES (?1, ?2, ?3)",
            params![h.id, i as i64 + 1, kind.as_str()],
        )?;
    }
    append(ctx, &h, None, None, &Event::note("opened", ""))?;
    Ok(h)
}

/// Appends one event to the consultation's record.
pub(crate) fn append(
    ctx: &Ctx,
    h: &Header,
    topic: Option<i64>,
    action: Option<i64>,
    e: &Event,
) -> Result<(), StoreError> {
    ctx.tx.execute(
        "INSERT INTO consultation_events (consultation_id, topic_id, action_id, at, actor, kind, field, from_value,
            to_value, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![h.id, topic, action, ctx.now, ctx.actor, e.kind, e.field, e.from, e.to, e.note],
    )?;
    Ok(())
}

/// Refuses structural edits of a held meeting's record.
pub(crate) fn require_not_held(h: &Header) -> Result<(), StoreError> {
    if h.held {
        return Err(StoreError::Invalid { field: "consultation", value: h.quarter.to_string(), why: "held".into() });
    }
    Ok(())
}

/// Checks the consultation's version, then raises it; returns the new version.
pub(crate) fn bump(ctx: &Ctx, h: &Header, expected: Option<i64>) -> Result<i64, StoreError> {
    if expected.is_some_and(|v| v != h.version) {
        return Err(conflict(ctx, h, &h.quarter.to_string()));
    }
    let n = ctx.tx.execute(
        "UPDATE consultations SET version = version + 1, updated_at = ?1 WHERE id = ?2 AND version = ?3",
        params![ctx.now, h.id, h.version],
    )?;
    if n != 1 {
        return Err(conflict(ctx, h, &h.quarter.to_string()));
    }
    Ok(h.version + 1)
}

/// A conflict on `what`, naming whoever last changed the consultation.
pub(crate) fn conflict(ctx: &Ctx, h: &Header, what: &str) -> StoreError {
    let last = ctx.tx.query_row(
        "SELECT actor, at FROM consultation_events WHERE consultation_id = ?1 ORDER BY id DESC LIMIT 1",
        [h.id],
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
    );
    match last {
        Ok((by, at)) => StoreError::Conflict { code: what.to_string(), by, at, version: None },
        Err(e) => StoreError::Sqlite(e),
    }
}

/// A required text, trimmed.
pub(crate) fn required(field: &'static str, value: &str) -> Result<String, StoreError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(StoreError::Invalid { field, value: String::new(), why: "required".into() });
    }
    Ok(v.to_string())
}
