//! Writing a tip-off: registering it, assigning its verification, deciding it (verified
//! through the registration of its hazard, or not verified with why), its reward and the
//! reporter told. Each step checks the version read and the state, bounds what is typed,
//! and writes its event in the same transaction.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::dates;
use crate::domain::limits;
use crate::domain::permission::Write;
use crate::domain::tipoff::{Channel, MAX_REWARD_YUAN, TipoffState, due_on};
use crate::store::write::register::{find_enterprise, find_staff};
use crate::store::{Store, StoreError};

/// A tip-off as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTipoff {
    /// Default: today.
    pub received_on: Option<NaiveDate>,
    pub channel: Channel,
    /// A named reporter and a contact (seen by admins only); none: anonymous.
    pub reporter: Option<(String, String)>,
    /// The enterprise concerned, by credit code or exact name ("" when not known).
    pub enterprise: String,
    /// What the tip-off names when the enterprise is not in the ledger.
    pub about: String,
    pub content: String,
}

/// The tip-off a hazard is registered from (its verification), at the version read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TipoffLink {
    pub code: String,
    pub version: Option<i64>,
}

/// One step on a tip-off from the full screen, at the version read (verification is a
/// registration: `NewHazard::tipoff`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TipoffWrite {
    Add(NewTipoff),
    Assign { code: String, version: i64, to: String, note: String },
    Reject { code: String, version: i64, on: Option<NaiveDate>, reason: String },
    Reward { code: String, version: i64, yuan: i64, approved_by: String, paid_on: Option<NaiveDate> },
    Tell { code: String, version: i64, on: Option<NaiveDate>, channel: String },
}

/// A tip-off as stored, for a step.
struct Stored {
    id: i64,
    version: i64,
    state: TipoffState,
    received_on: NaiveDate,
    outcome_on: Option<NaiveDate>,
    enterprise_id: Option<i64>,
    rewarded: bool,
    told: bool,
}

fn stored(tx: &Transaction, code: &str) -> Result<Stored, StoreError> {
    let date = |t: Option<String>| t.and_then(|t| t.parse::<NaiveDate>().ok());
    tx.query_row(
        "SELECT id, version, state, received_on, outcome_on, enterprise_id, reward_yuan IS NOT NULL, told_on IS NOT NULL
         FROM tipoffs WHERE code = ?1",
        [code.trim()],
        |r| {
            Ok(Stored {
                id: r.get(0)?,
                version: r.get(1)?,
                state: TipoffState::parse(&r.get::<_, String>(2)?).unwrap_or(TipoffState::Received),
                received_on: date(r.get(3)?).unwrap_or_default(),
                outcome_on: date(r.get(4)?),
                enterprise_id: r.get(5)?,
                rewarded: r.get(6)?,
                told: r.get(7)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::Unknown { what: "tipoff", value: code.trim().to_string() })
}

/// The tip-off at `code`, refused when no longer at `version` (naming who changed it).
fn at_version(tx: &Transaction, code: &str, version: Option<i64>) -> Result<Stored, StoreError> {
    let t = stored(tx, code)?;
    if version.is_some_and(|v| v != t.version) {
        let (by, at) = tx.query_row(
            "SELECT actor, at FROM tipoff_events WHERE tipoff_id = ?1 ORDER BY id DESC LIMIT 1",
            [t.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        return Err(StoreError::Conflict { code: code.trim().to_string(), by, at, version: Some(t.version) });
    }
    Ok(t)
}

/// Refuses a step the tip-off's state does not allow.
fn require(t: &Stored, allowed: &[TipoffState]) -> Result<(), StoreError> {
    if allowed.contains(&t.state) {
        return Ok(());
    }
    Err(StoreError::Invalid { field: "state", value: t.state.as_str().to_string(), why: "tipoff_state".into() })
}

/// A typed date of a step: not in the future, not before `after`.
fn step_date(field: &'static str, d: NaiveDate, today: NaiveDate, after: NaiveDate) -> Result<(), StoreError> {
    dates::business(d, today, Some(after)).map_err(|p| StoreError::date(field, d, p))
}

fn required(field: &'static str, text: &str, max: usize) -> Result<String, StoreError> {
    if text.trim().is_empty() {
        return Err(StoreError::Invalid { field, value: String::new(), why: "required".into() });
    }
    StoreError::check_len(field, text, max)?;
    Ok(text.trim().to_string())
}

/// One event of tip-off `id`.
pub(crate) struct Step<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub kind: &'static str,
    pub to: Option<&'a str>,
    pub note: &'a str,
}

fn record(tx: &Transaction, id: i64, s: &Step) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO tipoff_events (tipoff_id, at, actor, kind, field, to_value, note) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
    )?
    .execute(params![id, s.at, s.actor, s.kind, s.to, s.note.trim()])?;
    tx.execute("UPDATE tipoffs SET version = version + 1, updated_at = ?2 WHERE id = ?1", params![id, s.at])?;
    Ok(())
}

/// Marks tip-off `link` verified by hazard `hazard_id` of enterprise `enterprise_id`,
/// found on `on`: the registration of that hazard calls it in its own transaction.
pub(crate) fn verified(
    tx: &Transaction,
    link: &TipoffLink,
    hazard: (i64, &str),
    enterprise_id: i64,
    on: NaiveDate,
    who: (&str, &str),
) -> Result<(), StoreError> {
    let t = at_version(tx, &link.code, link.version)?;
    require(&t, &[TipoffState::Received, TipoffState::Verifying])?;
    if on < t.received_on {
        return Err(StoreError::date("discovered_on", on, dates::DateProblem::BeforeItsSubject));
    }
    if t.enterprise_id.is_some_and(|e| e != enterprise_id) {
        return Err(StoreError::Invalid {
            field: "enterprise",
            value: hazard.1.to_string(),
            why: "tipoff_enterprise".into(),
        });
    }
    tx.execute(
        "UPDATE tipoffs SET state = 'verified', hazard_id = ?2, enterprise_id = ?3, outcome_on = ?4 WHERE id = ?1",
        params![t.id, hazard.0, enterprise_id, on.to_string()],
    )?;
    record(tx, t.id, &Step { at: who.0, actor: who.1, kind: "verified", to: Some(hazard.1), note: "" })
}

impl Store {
    /// Runs one step; returns the tip-off's code.
    pub fn tipoff_write(&mut self, w: &TipoffWrite) -> Result<String, StoreError> {
        match w {
            TipoffWrite::Add(n) => self.tipoff_add(n),
            TipoffWrite::Assign { code, version, to, note } => {
                self.tipoff_assign(code, Some(*version), to, note).map(|()| code.clone())
            }
            TipoffWrite::Reject { code, version, on, reason } => {
                self.tipoff_reject(code, Some(*version), *on, reason).map(|()| code.clone())
            }
            TipoffWrite::Reward { code, version, yuan, approved_by, paid_on } => {
                self.tipoff_reward(code, Some(*version), *yuan, approved_by, *paid_on).map(|()| code.clone())
            }
            TipoffWrite::Tell { code, version, on, channel } => {
                self.tipoff_tell(code, Some(*version), *on, channel).map(|()| code.clone())
            }
        }
    }

    /// Registers a tip-off (an admin or officer); its verification falls due the ledger's
    /// `tipoff_days` after its receipt. Returns its code, `JB-2026-0001`.
    pub fn tipoff_add(&mut self, n: &NewTipoff) -> Result<String, StoreError> {
        let content = required("content", &n.content, limits::NOTE)?;
        StoreError::check_len("about", &n.about, limits::TITLE)?;
        let (name, contact) = n.reporter.clone().unwrap_or_default();
        StoreError::check_len("reporter", &name, limits::NAME)?;
        StoreError::check_len("contact", &contact, limits::NAME)?;
        if n.reporter.is_some() && name.trim().is_empty() {
            return Err(StoreError::Invalid { field: "reporter", value: String::new(), why: "required".into() });
        }
        let days = self.settings()?.tipoff_days;
        let (at, actor, today) = (self.clock.stamp(), self.actor.login.clone(), self.clock.write_today());
        let tx = self.begin(Write::Tipoff)?;
        let received = n.received_on.unwrap_or(today);
        dates::business(received, today, None).map_err(|p| StoreError::date("received_on", received, p))?;
        let enterprise_id = match n.enterprise.trim() {
            "" => None,
            key => Some(find_enterprise(&tx, key)?.0),
        };
        let about = if enterprise_id.is_some() { String::new() } else { n.about.trim().to_string() };
        use chrono::Datelike;
        let seq = crate::store::write::next_in_sequence(&tx, &format!("tipoff:{}", received.year()))?;
        let code = format!("JB-{}-{seq:04}", received.year());
        tx.execute(
            "INSERT INTO tipoffs (code, received_on, channel, anonymous, reporter, contact, enterprise_id,
                enterprise_text, content, state, due_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'received', ?10, ?11, ?11)",
            params![
                code,
                received.to_string(),
                n.channel.as_str(),
                n.reporter.is_none(),
                name.trim(),
                contact.trim(),
                enterprise_id,
                about,
                content,
                due_on(received, days).to_string(),
                at
            ],
        )?;
        let id = tx.last_insert_rowid();
        // the reporter is never in the log: the log is read by everyone
        record(&tx, id, &Step { at: &at, actor: &actor, kind: "received", to: Some(n.channel.as_str()), note: "" })?;
        tx.commit()?;
        Ok(code)
    }

    /// Assigns a tip-off's verification to a staff member (again, to another).
    pub fn tipoff_assign(
        &mut self,
        code: &str,
        version: Option<i64>,
        assignee: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        StoreError::check_len("note", note, limits::NOTE)?;
        let (at, actor) = (self.clock.stamp(), self.actor.login.clone());
        let tx = self.begin(Write::Tipoff)?;
        let t = at_version(&tx, code, version)?;
        require(&t, &[TipoffState::Received, TipoffState::Verifying])?;
        let login = find_staff(&tx, assignee)?;
        tx.execute("UPDATE tipoffs SET state = 'verifying', assignee = ?2 WHERE id = ?1", params![t.id, login])?;
        record(&tx, t.id, &Step { at: &at, actor: &actor, kind: "assigned", to: Some(&login), note })?;
        tx.commit()?;
        Ok(())
    }

    /// Records that a tip-off was not verified (未查实), on `on` (default today), with why.
    pub fn tipoff_reject(
        &mut self,
        code: &str,
        version: Option<i64>,
        on: Option<NaiveDate>,
        reason: &str,
    ) -> Result<(), StoreError> {
        let reason = required("reason", reason, limits::NOTE)?;
        let (at, actor, today) = (self.clock.stamp(), self.actor.login.clone(), self.clock.write_today());
        let tx = self.begin(Write::Tipoff)?;
        let t = at_version(&tx, code, version)?;
        require(&t, &[TipoffState::Received, TipoffState::Verifying])?;
        let on = on.unwrap_or(today);
        step_date("outcome_on", on, today, t.received_on)?;
        tx.execute(
            "UPDATE tipoffs SET state = 'rejected', outcome_on = ?2, outcome = ?3 WHERE id = ?1",
            params![t.id, on.to_string(), reason],
        )?;
        record(
            &tx,
            t.id,
            &Step { at: &at, actor: &actor, kind: "rejected", to: Some(&on.to_string()), note: &reason },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records the reward of a verified tip-off: the amount in yuan, who approved it and
    /// when it was paid (default today); once.
    pub fn tipoff_reward(
        &mut self,
        code: &str,
        version: Option<i64>,
        yuan: i64,
        approved_by: &str,
        paid_on: Option<NaiveDate>,
    ) -> Result<(), StoreError> {
        if !(1..=MAX_REWARD_YUAN).contains(&yuan) {
            return Err(StoreError::Invalid { field: "amount", value: yuan.to_string(), why: "reward_amount".into() });
        }
        let approved_by = required("approved_by", approved_by, limits::NAME)?;
        let (at, actor, today) = (self.clock.stamp(), self.actor.login.clone(), self.clock.write_today());
        let tx = self.begin(Write::Tipoff)?;
        let t = at_version(&tx, code, version)?;
        require(&t, &[TipoffState::Verified])?;
        if t.rewarded {
            return Err(StoreError::Exists { what: "reward", value: code.trim().to_string() });
        }
        let paid = paid_on.unwrap_or(today);
        step_date("paid_on", paid, today, t.outcome_on.unwrap_or(t.received_on))?;
        tx.execute(
            "UPDATE tipoffs SET reward_yuan = ?2, reward_approved_by = ?3, reward_paid_on = ?4 WHERE id = ?1",
            params![t.id, yuan, approved_by, paid.to_string()],
        )?;
        let to = yuan.to_string();
        record(&tx, t.id, &Step { at: &at, actor: &actor, kind: "rewarded", to: Some(&to), note: &approved_by })?;
        tx.commit()?;
        Ok(())
    }

    /// Records that the reporter was told the outcome: when and how; once, after it is decided.
    pub fn tipoff_tell(
        &mut self,
        code: &str,
        version: Option<i64>,
        on: Option<NaiveDate>,
        channel: &str,
    ) -> Result<(), StoreError> {
        let channel = required("channel", channel, limits::NAME)?;
        let (at, actor, today) = (self.clock.stamp(), self.actor.login.clone(), self.clock.write_today());
        let tx = self.begin(Write::Tipoff)?;
        let t = at_version(&tx, code, version)?;
        require(&t, &[TipoffState::Verified, TipoffState::Rejected])?;
        if t.told {
            return Err(StoreError::Exists { what: "reply", value: code.trim().to_string() });
        }
        let on = on.unwrap_or(today);
        step_date("told_on", on, today, t.outcome_on.unwrap_or(t.received_on))?;
        tx.execute(
            "UPDATE tipoffs SET told_on = ?2, told_channel = ?3 WHERE id = ?1",
            params![t.id, on.to_string(), channel],
        )?;
        record(&tx, t.id, &Step { at: &at, actor: &actor, kind: "told", to: Some(&on.to_string()), note: &channel })?;
        tx.commit()?;
        Ok(())
    }
}
