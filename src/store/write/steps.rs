//! The write steps on an existing hazard: assign, plan, progress, submit, verify,
//! escalate, extend, reopen.

use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Change, Ctx, Done, Event, HazardState, next_in_sequence};
use crate::domain::dates;
use crate::domain::escalation::next_level;
use crate::domain::permission::Write;
use crate::domain::status::{self, SignOff, VerifyOutcome};
use crate::domain::{Escalation, Status, Verdict, VerifierRole, doc_no, limits, parse_date};
use crate::store::{Store, StoreError};

/// One sign-off as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffInput {
    pub role: VerifierRole,
    pub name: String,
    pub organisation: String,
    pub verdict: Verdict,
    pub opinion: String,
    pub date: Option<NaiveDate>,
}

fn required(field: &'static str, value: &str) -> Result<(), StoreError> {
    super::required_text(field, value, limits::NOTE)
}

/// A free text of a write: a note, a reason, an opinion.
fn note_len(field: &'static str, value: &str) -> Result<(), StoreError> {
    StoreError::check_len(field, value, limits::NOTE)
}

pub(crate) fn status_event(from: Status, to: Status, note: &str) -> Event {
    Event::changed("status", "status", from.as_str(), to.as_str(), note)
}

impl Store {
    /// Assigns the hazard to a staff member.
    pub fn assign(&mut self, code: &str, version: Option<i64>, login: &str, note: &str) -> Result<Done, StoreError> {
        note_len("note", note)?;
        self.write_hazard(Write::Assign, code, version, |ctx, h| {
            status::require_open(h.status)?;
            let known: Option<String> = ctx
                .tx
                .query_row("SELECT login FROM staff WHERE login = ?1", [login.trim()], |r| r.get(0))
                .optional()?;
            let login = known.ok_or_else(|| StoreError::Unknown { what: "staff", value: login.to_string() })?;
            let mut c = Change::default();
            let from = h.assignee.clone().unwrap_or_default();
            c.set("assignee", login.clone()).event(Event::changed("assigned", "assignee", from, login.clone(), note));
            c.detail(login);
            Ok(c)
        })
    }

    /// Fills parts of the five-part plan; a complete plan starts rectification.
    pub fn plan(
        &mut self,
        code: &str,
        version: Option<i64>,
        parts: &[(&str, String)],
        note: &str,
    ) -> Result<Done, StoreError> {
        note_len("note", note)?;
        for (part, value) in parts {
            StoreError::check_len("plan", value, limits::NOTE)?;
            if *part == "deadline" && !value.trim().is_empty() && parse_date(value).is_none() {
                return Err(StoreError::Invalid { field: "plan", value: value.clone(), why: "plan_deadline".into() });
            }
        }
        self.write_hazard(Write::Plan, code, version, |ctx, h| {
            status::require_open(h.status)?;
            let mut plan = h.plan.clone();
            let mut c = Change::default();
            for (part, value) in parts {
                let (column, slot) = plan_slot(&mut plan, part)?;
                let value = value.trim().to_string();
                if *slot == value {
                    continue;
                }
                if value.is_empty() && h.status != Status::Registered {
                    return Err(status::GateError::PlanPartCleared(plan_word(part)).into());
                }
                c.event(Event::changed("plan", column, slot.clone(), value.clone(), note));
                c.set(column, value.clone());
                *slot = value;
            }
            if c.is_empty() {
                return Err(StoreError::NothingChanged(h.code.clone()));
            }
            if let Some(next) = status::after_plan(h.status, h.grade, &plan)? {
                c.set("status", next.as_str().to_string()).event(status_event(h.status, next, note));
                c.detail(next.as_str().to_string());
            }
            c.set("last_progress_on", ctx.today.to_string());
            Ok(c)
        })
    }

    /// Records a progress note.
    pub fn progress(&mut self, code: &str, version: Option<i64>, note: &str) -> Result<Done, StoreError> {
        required("note", note)?;
        self.write_hazard(Write::Progress, code, version, |ctx, h| {
            status::require_open(h.status)?;
            let mut c = Change::default();
            c.set("last_progress_on", ctx.today.to_string()).event(Event::note("progress", note));
            Ok(c)
        })
    }

    /// Rectification reported: to `verifying`.
    pub fn submit(&mut self, code: &str, version: Option<i64>, note: &str) -> Result<Done, StoreError> {
        note_len("note", note)?;
        self.write_hazard(Write::Submit, code, version, |ctx, h| {
            let next = status::submit(h.status)?;
            let mut c = Change::default();
            c.set("status", next.as_str().to_string()).set("last_progress_on", ctx.today.to_string());
            c.event(status_event(h.status, next, note)).detail(next.as_str().to_string());
            Ok(c)
        })
    }

    /// Records one party's sign-off in the current round.
    pub fn verify(&mut self, code: &str, version: Option<i64>, s: &SignOffInput) -> Result<Done, StoreError> {
        required("name", &s.name)?;
        StoreError::check_len("name", &s.name, limits::NAME)?;
        StoreError::check_len("organisation", &s.organisation, limits::TITLE)?;
        note_len("opinion", &s.opinion)?;
        self.write_hazard(Write::Verify, code, version, |ctx, h| {
            let date = s.date.unwrap_or(ctx.today);
            dates::business(date, ctx.today, Some(h.discovered_on)).map_err(|p| StoreError::date("date", date, p))?;
            let earlier = round_sign_offs(ctx, h)?;
            let outcome = status::verify(h.status, &earlier, SignOff { role: s.role, verdict: s.verdict })?;
            insert_sign_off(ctx.tx, h.id, h.round, s, date, ctx.actor)?;
            let what = format!("{} {} {}", s.role, s.verdict, s.name.trim());
            let mut c = Change::default();
            c.set("last_progress_on", ctx.today.to_string());
            c.event(Event::changed("verified", "verdict", "", what, &s.opinion));
            match outcome {
                VerifyOutcome::Pending => {}
                VerifyOutcome::Closed => {
                    c.set("status", Status::Closed.as_str().to_string()).set("closed_at", ctx.now.to_string());
                    c.event(status_event(h.status, Status::Closed, &s.opinion));
                }
                VerifyOutcome::Failed => {
                    c.set("status", Status::Rectifying.as_str().to_string()).set("round", h.round + 1);
                    c.event(status_event(h.status, Status::Rectifying, &s.opinion));
                }
            }
            c.detail(outcome_name(outcome));
            Ok(c)
        })
    }

    /// Escalates to `level` (default: the next one); the detail is the document number.
    pub fn escalate(
        &mut self,
        code: &str,
        version: Option<i64>,
        level: Option<Escalation>,
        note: &str,
    ) -> Result<Done, StoreError> {
        note_len("note", note)?;
        self.write_hazard(Write::Escalate, code, version, |ctx, h| {
            status::require_open(h.status)?;
            let level = match level.or_else(|| next_level(h.escalation_level)) {
                Some(l) if l.level() > h.escalation_level => l,
                asked => return Err(StoreError::LevelNotAbove { asked, current: h.escalation_level }),
            };
            let number = doc_number(ctx.tx, &doc_prefix(ctx.tx)?, level, ctx.today.year(), true)?;
            insert_escalation(ctx.tx, h.id, level, &number, ctx.today, ctx.actor, note)?;
            let mut c = Change::default();
            c.set("escalation_level", i64::from(level.level()));
            let from = h.escalation_level.to_string();
            c.event(Event::changed(
                "escalated",
                "escalation_level",
                from,
                level.level().to_string(),
                &format!("{number} {note}"),
            ));
            c.detail(number);
            Ok(c)
        })
    }

    /// Moves the deadline later; a reason is required.
    pub fn extend(
        &mut self,
        code: &str,
        version: Option<i64>,
        deadline: NaiveDate,
        reason: &str,
    ) -> Result<Done, StoreError> {
        if reason.trim().is_empty() {
            return Err(status::GateError::ReasonRequired.into());
        }
        note_len("reason", reason)?;
        self.write_hazard(Write::Extend, code, version, |ctx, h| {
            status::require_open(h.status)?;
            dates::deadline(deadline, ctx.today).map_err(|p| StoreError::date("deadline", deadline, p))?;
            if deadline <= h.deadline {
                return Err(StoreError::Invalid {
                    field: "deadline",
                    value: deadline.to_string(),
                    why: "not_later".into(),
                });
            }
            within_extend_limit(ctx, h, deadline)?;
            let mut c = Change::default();
            c.set("deadline", deadline.to_string());
            c.event(Event::changed("extended", "deadline", h.deadline.to_string(), deadline.to_string(), reason));
            c.detail(deadline.to_string());
            Ok(c)
        })
    }

    /// Reopens a closed hazard (admin); a reason is required.
    pub fn reopen(&mut self, code: &str, version: Option<i64>, reason: &str) -> Result<Done, StoreError> {
        note_len("reason", reason)?;
        self.write_hazard(Write::Reopen, code, version, |ctx, h| {
            let next = status::reopen(h.status, reason)?;
            let mut c = Change::default();
            c.set("status", next.as_str().to_string()).set("closed_at", rusqlite::types::Value::Null);
            c.set("round", h.round + 1).set("last_progress_on", ctx.today.to_string());
            c.event(Event { kind: "reopened", ..status_event(h.status, next, reason) });
            c.detail(next.as_str().to_string());
            Ok(c)
        })
    }
}

/// Records one sign-off of round `round` (also used by the demo generator).
pub(crate) fn insert_sign_off(
    tx: &Transaction,
    hazard_id: i64,
    round: i64,
    s: &SignOffInput,
    date: NaiveDate,
    actor: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO verifications (hazard_id, round, role, name, organisation, date, verdict, opinion, actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        hazard_id,
        round,
        s.role.as_str(),
        s.name.trim(),
        s.organisation.trim(),
        date.to_string(),
        s.verdict.as_str(),
        s.opinion,
        actor
    ])?;
    Ok(())
}

/// The document number of `level` in `year`, e.g. 官安函〔2026〕12号: with `take`, the
/// next one, taken inside the write's transaction; without, the one it would take (the
/// preview the escalate dialog shows). The one place either is worked out.
pub(crate) fn doc_number(
    conn: &Connection,
    prefix: &str,
    level: Escalation,
    year: i32,
    take: bool,
) -> rusqlite::Result<String> {
    let sequence = format!("doc:{}:{year}", level.as_str());
    let seq = if take {
        next_in_sequence(conn, &sequence)?
    } else {
        let last: Option<i64> =
            conn.query_row("SELECT last FROM sequences WHERE name = ?1", [&sequence], |r| r.get(0)).optional()?;
        last.unwrap_or(0) + 1
    };
    Ok(doc_no(prefix, level, year, seq as u32))
}

/// The prefix of the ledger's document numbers (官安), a ledger setting.
pub(crate) fn doc_prefix(conn: &Connection) -> Result<String, StoreError> {
    Ok(crate::store::settings::load(conn)?.doc_prefix)
}

/// Records an escalation document.
pub(crate) fn insert_escalation(
    tx: &Transaction,
    hazard_id: i64,
    level: Escalation,
    number: &str,
    date: NaiveDate,
    actor: &str,
    note: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO escalations (hazard_id, level, doc_no, date, actor, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![hazard_id, level.level(), number, date.to_string(), actor, note])?;
    Ok(())
}

/// The sign-offs already recorded in the hazard's current round.
fn round_sign_offs(ctx: &Ctx, h: &HazardState) -> Result<Vec<SignOff>, StoreError> {
    let mut stmt = ctx.tx.prepare("SELECT role, verdict FROM verifications WHERE hazard_id = ?1 AND round = ?2")?;
    let rows = stmt.query_map(params![h.id, h.round], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (role, verdict) = row?;
        if let (Some(role), Some(verdict)) = (VerifierRole::parse(&role), Verdict::parse(&verdict)) {
            out.push(SignOff { role, verdict });
        }
    }
    Ok(out)
}

/// The plan column and the value slot for a part name.
fn plan_slot<'p>(plan: &'p mut crate::domain::Plan, part: &str) -> Result<(&'static str, &'p mut String), StoreError> {
    Ok(match part {
        "responsible" => ("plan_responsible", &mut plan.responsible),
        "measures" => ("plan_measures", &mut plan.measures),
        "funds" => ("plan_funds", &mut plan.funds),
        "deadline" => ("plan_deadline", &mut plan.deadline),
        "contingency" => ("plan_contingency", &mut plan.contingency),
        _ => return Err(StoreError::Invalid { field: "plan", value: part.to_string(), why: "plan_part".into() }),
    })
}

/// The catalogue word of a plan part (`plan.NAME`).
fn plan_word(part: &str) -> &'static str {
    crate::domain::PLAN_PARTS.iter().copied().find(|p| *p == part).unwrap_or("deadline")
}

fn outcome_name(o: VerifyOutcome) -> &'static str {
    match o {
        VerifyOutcome::Pending => "pending",
        VerifyOutcome::Closed => "closed",
        VerifyOutcome::Failed => "failed",
    }
}

/// An officer extends within the ledger's limit (times per hazard, days at once); an
/// admin beyond it.
fn within_extend_limit(ctx: &Ctx, h: &HazardState, deadline: NaiveDate) -> Result<(), StoreError> {
    if ctx.role == crate::domain::Role::Admin {
        return Ok(());
    }
    let limit = crate::store::settings::load(ctx.tx)?.extend;
    // an extension undone does not count
    let sql = "SELECT (SELECT count(*) FROM timeline WHERE hazard_id = ?1 AND kind = 'extended')
               - (SELECT count(*) FROM timeline WHERE hazard_id = ?1 AND kind = 'undone' AND field = 'deadline')";
    let done: i64 = ctx.tx.query_row(sql, [h.id], |r| r.get(0))?;
    let (nth, days) = (done + 1, (deadline - h.deadline).num_days());
    if limit.allows(nth, days) { Ok(()) } else { Err(StoreError::BeyondExtendLimit { nth, days, limit }) }
}
