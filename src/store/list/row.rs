//! One row of a hazard list, with the figures computed for today.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::Value;
use serde::Serialize;

use super::Cursor;
use crate::domain::escalation::{Facts, Reason, Thresholds, recommend};
use crate::domain::{Grade, Source, Status, days_overdue, is_stock, parse_date};

/// A hazard as the lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HazardRow {
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    pub title: String,
    pub enterprise: String,
    pub village: String,
    pub sector: String,
    pub source: Source,
    pub grade: Grade,
    pub status: Status,
    pub discovered_on: NaiveDate,
    pub deadline: NaiveDate,
    pub days_overdue: i64,
    pub escalation_level: u8,
    pub recommended_level: u8,
    pub recommended_reason: Option<Reason>,
    pub assignee: Option<String>,
    pub assignee_name: Option<String>,
    pub stock: bool,
    pub round: i64,
    pub version: i64,
    /// Which of the principal (bit 1) and the controller (bit 2) have been notified.
    pub notified: u8,
    /// Listed for supervision (挂牌督办).
    pub listed: bool,
    /// Under a stopped-production order.
    pub stopped: bool,
    #[serde(skip)]
    pub sort_key: Value,
}

impl HazardRow {
    /// The keyset cursor that starts the page after this row.
    pub fn cursor(&self) -> Cursor {
        Cursor { key: self.sort_key.clone(), id: self.id }
    }
}

/// The columns `from_row` reads, in order; the sort key follows them.
pub const COLUMNS: &str = "h.id, h.code, h.title, e.name, COALESCE(v.name, ''), h.sector, h.source, h.grade,
    h.status, h.discovered_on, h.deadline, h.escalation_level, h.assignee, s.name, h.version, h.last_progress_on, h.round,
    h.notified, h.listed_unit <> '', h.stopped_production";

fn date(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    Ok(parse_date(&s).unwrap_or_default())
}

/// Reads a row selected with `COLUMNS` and the sort key.
pub fn from_row(r: &Row, today: NaiveDate, t: &Thresholds) -> rusqlite::Result<HazardRow> {
    let status = Status::parse(&r.get::<_, String>(8)?).unwrap_or(Status::Registered);
    let deadline = date(r, 10)?;
    let discovered_on = date(r, 9)?;
    let rec = recommend(Facts { status, deadline, last_progress_on: date(r, 15)? }, t, today);
    Ok(HazardRow {
        id: r.get(0)?,
        code: r.get(1)?,
        title: r.get(2)?,
        enterprise: r.get(3)?,
        village: r.get(4)?,
        sector: r.get(5)?,
        source: Source::parse(&r.get::<_, String>(6)?).unwrap_or(Source::Inspection),
        grade: Grade::parse(&r.get::<_, String>(7)?).unwrap_or(Grade::Major),
        status,
        discovered_on,
        deadline,
        days_overdue: days_overdue(deadline, status, today),
        escalation_level: r.get(11)?,
        recommended_level: rec.level,
        recommended_reason: rec.reason,
        assignee: r.get(12)?,
        assignee_name: r.get(13)?,
        stock: is_stock(discovered_on),
        version: r.get(14)?,
        round: r.get(16)?,
        notified: r.get(17)?,
        listed: r.get(18)?,
        stopped: r.get(19)?,
        sort_key: r.get(20)?,
    })
}
