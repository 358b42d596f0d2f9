//! Follow-up actions decided at a consultation: adding one, marking it done, and the
//! lists the overdue screen, the calendar and the next agenda read.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use super::{Locate, Saved, Target, append, conflict, required};
use crate::domain::consultation::{ActionState, days_late};
use crate::domain::parse_date;
use crate::domain::quarter::Quarter;
use crate::store::list::Sql;
use crate::store::write::Event;
use crate::store::write::register::{find_staff, find_unit};
use crate::store::{Store, StoreError};

/// A follow-up action as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    /// The topic it follows from, if any (of the same consultation).
    pub topic: Option<i64>,
    pub title: String,
    /// The lead department, by unit name.
    pub lead_unit: Option<String>,
    /// The staff login who follows it up.
    pub assignee: Option<String>,
    pub due_on: NaiveDate,
    pub note: String,
}

/// One action as the lists show it, with its state on today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRow {
    pub id: i64,
    pub quarter: Option<Quarter>,
    pub topic_id: Option<i64>,
    pub title: String,
    pub lead_unit: String,
    pub assignee: Option<String>,
    pub assignee_name: Option<String>,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub state: ActionState,
    pub days_late: i64,
    pub note: String,
    pub version: i64,
}

/// Which actions a list shows; the default shows all, by due date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ActionFilter {
    /// Of this quarter's consultation.
    pub quarter: Option<Quarter>,
    pub state: Option<ActionState>,
    /// Not done and due on or before this day.
    pub due_by: Option<NaiveDate>,
}

impl ActionFilter {
    fn where_clause(&self, sql: &mut Sql, today: NaiveDate) -> String {
        let mut c = Vec::new();
        if let Some(q) = self.quarter {
            c.push(format!("c.quarter = {}", sql.bind(q.to_string())));
        }
        match self.state {
            Some(ActionState::Done) => c.push("a.done_on IS NOT NULL".to_string()),
            Some(ActionState::Late) => {
                c.push(format!("a.done_on IS NULL AND a.due_on < {}", sql.bind(today.to_string())))
            }
            Some(ActionState::Open) => {
                c.push(format!("a.done_on IS NULL AND a.due_on >= {}", sql.bind(today.to_string())))
            }
            None => {}
        }
        if let Some(d) = self.due_by {
            c.push(format!("a.done_on IS NULL AND a.due_on <= {}", sql.bind(d.to_string())));
        }
        if c.is_empty() { String::new() } else { format!("WHERE {}", c.join(" AND ")) }
    }
}

fn from_row(r: &Row, today: NaiveDate) -> rusqlite::Result<ActionRow> {
    let quarter: Option<String> = r.get(1)?;
    let due_on = parse_date(&r.get::<_, String>(7)?).unwrap_or_default();
    let done_on = r.get::<_, Option<String>>(8)?.as_deref().and_then(parse_date);
    Ok(ActionRow {
        id: r.get(0)?,
        quarter: quarter.as_deref().and_then(Quarter::parse),
        topic_id: r.get(2)?,
        title: r.get(3)?,
        lead_unit: r.get(4)?,
        assignee: r.get(5)?,
        assignee_name: r.get(6)?,
        due_on,
        done_on,
        state: ActionState::of(due_on, done_on, today),
        days_late: days_late(due_on, done_on, today),
        note: r.get(9)?,
        version: r.get(10)?,
    })
}

impl Store {
    /// Adds a follow-up action to the quarter's consultation (also after it is held:
    /// actions are followed up, not frozen).
    pub fn action_add(&mut self, quarter: Quarter, a: &NewAction) -> Result<Saved, StoreError> {
        let title = required("title", &a.title)?;
        self.consult_write(Locate::Quarter(quarter), |ctx, h| {
            let lead = a.lead_unit.as_deref().map(|u| find_unit(ctx.tx, u)).transpose()?;
            let assignee = a.assignee.as_deref().map(|s| find_staff(ctx.tx, s)).transpose()?;
            if let Some(t) = a.topic {
                let own: Option<i64> = ctx
                    .tx
                    .query_row("SELECT id FROM topics WHERE id = ?1 AND consultation_id = ?2", params![t, h.id], |r| {
                        r.get(0)
                    })
                    .optional()?;
                own.ok_or_else(|| StoreError::Unknown { what: "topic", value: t.to_string() })?;
            }
            ctx.tx.execute(
                "INSERT INTO actions (consultation_id, topic_id, title, lead_unit_id, assignee, due_on, note, created_at,
                    created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)",
                params![h.id, a.topic, title, lead, assignee, a.due_on.to_string(), a.note.trim(), ctx.now, ctx.actor],
            )?;
            let id = ctx.tx.last_insert_rowid();
            let e = Event::changed("action_added", "due_on", "", a.due_on.to_string(), &title);
            append(ctx, h, a.topic, Some(id), &e)?;
            Ok(Saved { quarter: h.quarter, target: Target::Action(id), version: 1 })
        })
    }

    /// Marks an action done on `done_on` (default today, never in the future).
    pub fn action_done(
        &mut self,
        id: i64,
        version: Option<i64>,
        done_on: Option<NaiveDate>,
        note: &str,
    ) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Action(id), |ctx, h| {
            let day = done_on.unwrap_or(ctx.today);
            crate::domain::dates::business(day, ctx.today, None).map_err(|p| StoreError::date("date", day, p))?;
            let (current, was): (i64, Option<String>) = ctx.tx.query_row(
                "SELECT version, done_on FROM actions WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if let Some(was) = was {
                return Err(StoreError::Invalid { field: "action", value: was, why: "already_done".into() });
            }
            let n = ctx.tx.execute(
                "UPDATE actions SET done_on = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3 AND version = ?4",
                params![day.to_string(), ctx.now, id, version.unwrap_or(current)],
            )?;
            if n != 1 {
                return Err(conflict(ctx, h, &format!("{} A{id}", h.quarter)));
            }
            append(ctx, h, None, Some(id), &Event::changed("action_done", "done_on", "", day.to_string(), note.trim()))?;
            Ok(Saved { quarter: h.quarter, target: Target::Action(id), version: current + 1 })
        })
    }

    /// Actions matching the filter, by due date.
    pub fn actions(&self, f: &ActionFilter) -> Result<Vec<ActionRow>, StoreError> {
        let today = self.today();
        let mut sql = Sql::default();
        let clause = f.where_clause(&mut sql, today);
        let text = format!(
            "SELECT a.id, c.quarter, a.topic_id, a.title, COALESCE(u.name, ''), a.assignee, s.name, a.due_on, a.done_on,
                a.note, a.version
             FROM actions a LEFT JOIN consultations c ON c.id = a.consultation_id
             LEFT JOIN units u ON u.id = a.lead_unit_id LEFT JOIN staff s ON s.login = a.assignee
             {clause} ORDER BY a.due_on, a.id"
        );
        let mut stmt = self.conn.prepare_cached(&text)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(sql.params.iter()), |r| from_row(r, today))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Actions past their due date and not done, the longest late first (for the overdue screen).
    pub fn late_actions(&self) -> Result<Vec<ActionRow>, StoreError> {
        self.actions(&ActionFilter { state: Some(ActionState::Late), ..ActionFilter::default() })
    }
}
