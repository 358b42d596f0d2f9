//! Public tip-offs (举报, plan item 17) as the screens and commands read them: a page of
//! them by state, one whole with its log, and those whose verification is late. The
//! reporter's name and contact are read for an admin only, and never into a list.

pub mod write;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};
use serde::Serialize;

use super::list::Sql;
use super::{Store, StoreError};
use crate::domain::Role;
use crate::domain::tipoff::{Channel, TipoffState};

pub use write::{NewTipoff, TipoffLink, TipoffWrite};

/// One tip-off as the lists show it (without its reporter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipoffRow {
    pub code: String,
    pub received_on: String,
    pub channel: Channel,
    pub anonymous: bool,
    /// The enterprise's name, or the free text when it is not in the ledger.
    pub enterprise: String,
    pub credit_code: Option<String>,
    /// The enterprise's sector ("" when it is not in the ledger).
    pub sector: String,
    pub content: String,
    pub state: TipoffState,
    pub assignee: Option<String>,
    pub due_on: String,
    /// Days to the verification's deadline (negative: late); none once it is decided.
    pub days_left: Option<i64>,
    pub outcome_on: Option<String>,
    pub outcome: String,
    pub hazard: Option<String>,
    pub reward_yuan: Option<i64>,
    pub reward_approved_by: String,
    pub reward_paid_on: Option<String>,
    pub told_on: Option<String>,
    pub told_channel: String,
    pub version: i64,
}

/// Who reported it: shown to an admin only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reporter {
    pub name: String,
    pub contact: String,
}

/// One event of a tip-off's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipoffEvent {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub to_value: Option<String>,
    pub note: String,
}

/// One tip-off whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipoffDetail {
    pub row: TipoffRow,
    /// For an admin, a named reporter; none for anyone else or when anonymous.
    pub reporter: Option<Reporter>,
    pub events: Vec<TipoffEvent>,
}

/// Which tip-offs a list shows; the default, all of them, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TipoffFilter {
    pub state: Option<TipoffState>,
    /// Only those still to verify (received or under verification).
    pub open: bool,
    /// Only those still to verify past their deadline.
    pub late: bool,
    /// Only those with a reward recorded.
    pub rewarded: bool,
    /// Received in this span (a quarter or a year), both ends included.
    pub received: Option<(NaiveDate, NaiveDate)>,
}

/// A page of tip-offs and how many the filter finds in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TipoffPage {
    pub rows: Vec<TipoffRow>,
    pub count: i64,
}

const COLUMNS: &str = "t.code, t.received_on, t.channel, t.anonymous,
    COALESCE(e.name, t.enterprise_text), e.credit_code, t.content, t.state, t.assignee, t.due_on,
    t.outcome_on, t.outcome, h.code, t.reward_yuan, t.reward_approved_by, t.reward_paid_on, t.told_on,
    t.told_channel, t.version, COALESCE(e.sector, '')";

const FROM: &str =
    "tipoffs t LEFT JOIN enterprises e ON e.id = t.enterprise_id LEFT JOIN hazards h ON h.id = t.hazard_id";

fn row(r: &Row, today: NaiveDate) -> rusqlite::Result<TipoffRow> {
    let word = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let state = TipoffState::parse(&word(7)?).unwrap_or(TipoffState::Received);
    let due_on: String = r.get(9)?;
    let days_left = state.open().then(|| due_on.parse::<NaiveDate>().ok()).flatten().map(|d| (d - today).num_days());
    Ok(TipoffRow {
        code: r.get(0)?,
        received_on: r.get(1)?,
        channel: Channel::parse(&word(2)?).unwrap_or(Channel::Hotline),
        anonymous: r.get(3)?,
        enterprise: r.get(4)?,
        credit_code: r.get(5)?,
        content: r.get(6)?,
        state,
        assignee: r.get(8)?,
        due_on,
        days_left,
        outcome_on: r.get(10)?,
        outcome: r.get(11)?,
        hazard: r.get(12)?,
        reward_yuan: r.get(13)?,
        reward_approved_by: r.get(14)?,
        reward_paid_on: r.get(15)?,
        told_on: r.get(16)?,
        told_channel: r.get(17)?,
        version: r.get(18)?,
        sector: r.get(19)?,
    })
}

impl TipoffFilter {
    fn where_clause(&self, sql: &mut Sql, today: NaiveDate) -> String {
        let mut parts = vec!["1".to_string()];
        if let Some(s) = self.state {
            parts.push(format!("t.state = {}", sql.bind(s.as_str().to_string())));
        }
        if self.open {
            parts.push("t.state IN ('received', 'verifying')".into());
        }
        if self.late {
            parts.push(format!("t.state IN ('received', 'verifying') AND t.due_on < {}", sql.bind(today.to_string())));
        }
        if self.rewarded {
            parts.push("t.reward_yuan IS NOT NULL".into());
        }
        if let Some((from, to)) = self.received {
            let (a, b) = (sql.bind(from.to_string()), sql.bind(to.to_string()));
            parts.push(format!("t.received_on BETWEEN {a} AND {b}"));
        }
        parts.join(" AND ")
    }
}

impl Store {
    /// A page of tip-offs: the late first when asked for them, else the newest first.
    pub fn tipoffs(&self, f: &TipoffFilter, offset: usize, limit: usize) -> Result<TipoffPage, StoreError> {
        let today = self.clock.today();
        let mut sql = Sql { text: String::new(), params: Vec::new() };
        let cond = f.where_clause(&mut sql, today);
        let count: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM tipoffs t WHERE {cond}"),
            rusqlite::params_from_iter(&sql.params),
            |r| r.get(0),
        )?;
        let order = if f.late { "t.due_on, t.id" } else { "t.received_on DESC, t.id DESC" };
        let text = format!("SELECT {COLUMNS} FROM {FROM} WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}");
        let mut stmt = self.conn.prepare(&text)?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(&sql.params), |r| row(r, today))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TipoffPage { rows, count })
    }

    /// One tip-off whole; its reporter only for an admin.
    pub fn tipoff(&self, code: &str) -> Result<TipoffDetail, StoreError> {
        let today = self.clock.today();
        let text = format!("SELECT {COLUMNS}, t.id, t.reporter, t.contact FROM {FROM} WHERE t.code = ?1");
        let found = self
            .conn
            .query_row(&text, [code.trim()], |r| {
                let reporter = Reporter { name: r.get(21)?, contact: r.get(22)? };
                Ok((row(r, today)?, r.get::<_, i64>(20)?, reporter))
            })
            .optional()?;
        let (row, id, reporter) =
            found.ok_or_else(|| StoreError::Unknown { what: "tipoff", value: code.to_string() })?;
        let admin = self.role()? == Role::Admin;
        let reporter = (admin && !row.anonymous).then_some(reporter);
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, kind, to_value, note FROM tipoff_events WHERE tipoff_id = ?1 ORDER BY id",
        )?;
        let events = stmt
            .query_map([id], |r| {
                Ok(TipoffEvent {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    kind: r.get(2)?,
                    to_value: r.get(3)?,
                    note: r.get(4)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TipoffDetail { row, reporter, events })
    }
}
