//! Agenda topics: add, drop or restore, move, and the text of each (title, proposal,
//! decision). Structural edits carry the consultation's version and stop once the meeting
//! is held; text edits carry the topic's version and after the meeting need a reason.

use rusqlite::{OptionalExtension, params};

use super::{Header, Locate, Saved, Target, append, bump, conflict, require_not_held, required};
use crate::domain::consultation::{SectionKind, reorder, text_edit};
use crate::domain::quarter::Quarter;
use crate::store::write::{Ctx, Event};
use crate::store::{Store, StoreError};

/// New text for a topic; `None` leaves a part as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicText {
    pub title: Option<String>,
    pub proposal: Option<String>,
    pub decision: Option<String>,
}

/// A topic's id, state, version and text, read inside a transaction.
struct TopicState {
    id: i64,
    dropped: bool,
    version: i64,
    text: [(&'static str, String); 3],
}

fn load(ctx: &Ctx, id: i64) -> Result<TopicState, StoreError> {
    ctx.tx
        .query_row("SELECT id, dropped, version, title, proposal, decision FROM topics WHERE id = ?1", [id], |r| {
            Ok(TopicState {
                id: r.get(0)?,
                dropped: r.get(1)?,
                version: r.get(2)?,
                text: [("title", r.get(3)?), ("proposal", r.get(4)?), ("decision", r.get(5)?)],
            })
        })
        .optional()?
        .ok_or_else(|| StoreError::Unknown { what: "topic", value: id.to_string() })
}

fn saved(h: &Header, target: Target, version: i64) -> Saved {
    Saved { quarter: h.quarter, target, version }
}

impl Store {
    /// Adds a topic by hand at the end of the agenda.
    pub fn topic_add(
        &mut self,
        quarter: Quarter,
        version: Option<i64>,
        title: &str,
        proposal: &str,
    ) -> Result<Saved, StoreError> {
        let title = required("title", title)?;
        self.consult_write(Locate::Quarter(quarter), |ctx, h| {
            require_not_held(h)?;
            let v = bump(ctx, h, version)?;
            ctx.tx.execute(
                "INSERT INTO topics (consultation_id, position, kind, title, proposal)
                 VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM topics WHERE consultation_id = ?1), ?2, ?3, ?4)",
                params![h.id, SectionKind::Manual.as_str(), title, proposal.trim()],
            )?;
            let id = ctx.tx.last_insert_rowid();
            append(ctx, h, Some(id), None, &Event::changed("topic_added", "title", "", title.clone(), proposal.trim()))?;
            Ok(saved(h, Target::Consultation, v))
        })
    }

    /// Drops a topic from the agenda (`dropped`), or restores it.
    pub fn topic_drop(&mut self, id: i64, version: Option<i64>, dropped: bool) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Topic(id), |ctx, h| {
            require_not_held(h)?;
            let t = load(ctx, id)?;
            let v = bump(ctx, h, version)?;
            if t.dropped != dropped {
                ctx.tx.execute("UPDATE topics SET dropped = ?1 WHERE id = ?2", params![dropped, t.id])?;
                let kind = if dropped { "topic_dropped" } else { "topic_restored" };
                append(ctx, h, Some(t.id), None, &Event::note(kind, ""))?;
            }
            Ok(saved(h, Target::Consultation, v))
        })
    }

    /// Moves a topic to `position` (1-based; past the end means last).
    pub fn topic_move(&mut self, id: i64, version: Option<i64>, position: usize) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Topic(id), |ctx, h| {
            require_not_held(h)?;
            let v = bump(ctx, h, version)?;
            let mut ids: Vec<i64> = {
                let mut stmt =
                    ctx.tx.prepare("SELECT id FROM topics WHERE consultation_id = ?1 ORDER BY position, id")?;
                stmt.query_map([h.id], |r| r.get(0))?.collect::<Result<_, _>>()?
            };
            let from = ids.iter().position(|t| *t == id).unwrap_or(ids.len());
            reorder(&mut ids, from, position.saturating_sub(1));
            for (i, t) in ids.iter().enumerate() {
                ctx.tx.execute("UPDATE topics SET position = ?1 WHERE id = ?2", params![i as i64 + 1, t])?;
            }
            let to = ids.iter().position(|t| *t == id).map_or(0, |p| p + 1);
            append(
                ctx,
                h,
                Some(id),
                None,
                &Event::changed("topic_moved", "position", (from + 1).to_string(), to.to_string(), ""),
            )?;
            Ok(saved(h, Target::Consultation, v))
        })
    }

    /// Changes a topic's title, proposal or decision; after the meeting only as a
    /// correction with a reason.
    pub fn topic_text(
        &mut self,
        id: i64,
        version: Option<i64>,
        text: &TopicText,
        reason: &str,
    ) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Topic(id), |ctx, h| {
            let edit = text_edit(h.held, reason)?;
            let t = load(ctx, id)?;
            let what = format!("{} #{id}", h.quarter);
            if version.is_some_and(|v| v != t.version) {
                return Err(conflict(ctx, h, &what));
            }
            let new = [&text.title, &text.proposal, &text.decision];
            for ((field, old), value) in t.text.iter().zip(new) {
                let Some(value) = value.as_deref().map(str::trim).filter(|v| v != old) else { continue };
                let sql = format!("UPDATE topics SET {field} = ?1 WHERE id = ?2");
                ctx.tx.execute(&sql, params![value, id])?;
                append(
                    ctx,
                    h,
                    Some(id),
                    None,
                    &Event::changed(edit.event_kind(), field, old.clone(), value, reason.trim()),
                )?;
            }
            let n = ctx.tx.execute(
                "UPDATE topics SET version = version + 1 WHERE id = ?1 AND version = ?2",
                params![id, t.version],
            )?;
            if n != 1 {
                return Err(conflict(ctx, h, &what));
            }
            Ok(saved(h, Target::Topic(id), t.version + 1))
        })
    }
}
