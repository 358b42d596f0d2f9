//! The state of one hazard as a write step reads it.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction};

use crate::domain::{Grade, Plan, Status, parse_date};
use crate::store::StoreError;

/// The columns a write step decides on.
#[derive(Debug, Clone)]
pub struct HazardState {
    pub id: i64,
    pub code: String,
    pub status: Status,
    pub grade: Grade,
    pub version: i64,
    pub round: i64,
    pub escalation_level: u8,
    pub deadline: NaiveDate,
    pub discovered_on: NaiveDate,
    pub assignee: Option<String>,
    pub plan: Plan,
    /// The listing unit (督办单位); empty when not listed for supervision.
    pub listed_unit: String,
    /// The day production was stopped, while a stopped-production order stands.
    pub stopped_on: Option<NaiveDate>,
}

const COLUMNS: &str = "id, code, status, grade, version, round, escalation_level, deadline, assignee,
    plan_responsible, plan_measures, plan_funds, plan_deadline, plan_contingency, discovered_on,
    listed_unit, IIF(stopped_production, COALESCE(stopped_on, discovered_on), NULL)";

impl HazardState {
    /// Loads the hazard `code`, or says there is none.
    pub fn load(tx: &Transaction, code: &str) -> Result<HazardState, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM hazards WHERE code = ?1");
        tx.query_row(&sql, [code.trim()], from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownHazard(code.to_string()))
    }
}

fn from_row(r: &Row) -> rusqlite::Result<HazardState> {
    let status: String = r.get(2)?;
    let grade: String = r.get(3)?;
    let deadline: String = r.get(7)?;
    Ok(HazardState {
        id: r.get(0)?,
        code: r.get(1)?,
        status: Status::parse(&status).unwrap_or(Status::Registered),
        grade: Grade::parse(&grade).unwrap_or(Grade::Major),
        version: r.get(4)?,
        round: r.get(5)?,
        escalation_level: r.get(6)?,
        deadline: parse_date(&deadline).unwrap_or_default(),
        assignee: r.get(8)?,
        plan: crate::store::detail::plan_at(r, 9)?,
        discovered_on: parse_date(&r.get::<_, String>(14)?).unwrap_or_default(),
        listed_unit: r.get(15)?,
        stopped_on: r.get::<_, Option<String>>(16)?.as_deref().and_then(parse_date),
    })
}
