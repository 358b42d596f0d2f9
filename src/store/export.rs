//! Read models for exports: every hazard, enterprise and timeline event, whole.

use rusqlite::Row;
use serde::Serialize;

use super::detail::{EnterpriseInfo, TimelineEvent};
use super::{Store, StoreError};
use crate::domain::{Grade, Source, Status};

/// A hazard as exported: what an import reads back, and a few columns for reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HazardOut {
    pub code: String,
    /// The enterprise's credit code.
    pub enterprise: String,
    pub enterprise_name: String,
    pub village: String,
    pub title: String,
    pub description: String,
    pub grade: Grade,
    pub sector: String,
    pub standard_ref: String,
    pub source: Source,
    pub discovered_on: String,
    pub deadline: String,
    pub owner: String,
    pub assignee: Option<String>,
    pub status: Status,
    pub plan_responsible: String,
    pub plan_measures: String,
    pub plan_funds: String,
    pub plan_deadline: String,
    pub plan_contingency: String,
    pub escalation_level: u8,
    pub closed_at: Option<String>,
}

/// A timeline event with its hazard's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineOut {
    pub code: String,
    #[serde(flatten)]
    pub event: TimelineEvent,
}

const HAZARDS: &str = "SELECT h.code, e.credit_code, e.name, COALESCE(v.name, ''), h.title, h.description, h.grade,
    h.sector, h.standard_ref, h.source, h.discovered_on, h.deadline, COALESCE(o.name, ''), h.assignee, h.status,
    h.plan_responsible, h.plan_measures, h.plan_funds, h.plan_deadline, h.plan_contingency, h.escalation_level,
    h.closed_at
    FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id LEFT JOIN units v ON v.id = h.village_id
    LEFT JOIN units o ON o.id = h.owner_unit_id ORDER BY h.id";

const ENTERPRISES: &str = "SELECT e.credit_code, e.name, e.sector, e.high_risk, COALESCE(v.name, ''),
    COALESCE(d.name, ''), e.principal, e.principal_phone, e.controller, e.controller_phone, e.address
    FROM enterprises e LEFT JOIN units v ON v.id = e.village_id LEFT JOIN units d ON d.id = e.department_id
    ORDER BY e.id";

const TIMELINE: &str = "SELECT h.code, t.at, t.actor, t.kind, t.field, t.from_value, t.to_value, t.note
    FROM timeline t JOIN hazards h ON h.id = t.hazard_id ORDER BY t.id";

fn hazard(r: &Row) -> rusqlite::Result<HazardOut> {
    Ok(HazardOut {
        code: r.get(0)?,
        enterprise: r.get(1)?,
        enterprise_name: r.get(2)?,
        village: r.get(3)?,
        title: r.get(4)?,
        description: r.get(5)?,
        grade: Grade::parse(&r.get::<_, String>(6)?).unwrap_or(Grade::Major),
        sector: r.get(7)?,
        standard_ref: r.get(8)?,
        source: Source::parse(&r.get::<_, String>(9)?).unwrap_or(Source::Inspection),
        discovered_on: r.get(10)?,
        deadline: r.get(11)?,
        owner: r.get(12)?,
        assignee: r.get(13)?,
        status: Status::parse(&r.get::<_, String>(14)?).unwrap_or(Status::Registered),
        plan_responsible: r.get(15)?,
        plan_measures: r.get(16)?,
        plan_funds: r.get(17)?,
        plan_deadline: r.get(18)?,
        plan_contingency: r.get(19)?,
        escalation_level: r.get(20)?,
        closed_at: r.get(21)?,
    })
}

fn enterprise(r: &Row) -> rusqlite::Result<EnterpriseInfo> {
    EnterpriseInfo::at(r, 0)
}

fn event(r: &Row) -> rusqlite::Result<TimelineOut> {
    Ok(TimelineOut { code: r.get(0)?, event: TimelineEvent::at(r, 1)? })
}

impl Store {
    fn all<T>(&self, sql: &str, f: fn(&Row) -> rusqlite::Result<T>) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], f)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Every hazard, in the order they entered the ledger.
    pub fn export_hazards(&self) -> Result<Vec<HazardOut>, StoreError> {
        self.all(HAZARDS, hazard)
    }

    /// Every enterprise, in the order they entered the ledger.
    pub fn export_enterprises(&self) -> Result<Vec<EnterpriseInfo>, StoreError> {
        self.all(ENTERPRISES, enterprise)
    }

    /// Every timeline event, oldest first.
    pub fn export_timeline(&self) -> Result<Vec<TimelineOut>, StoreError> {
        self.all(TIMELINE, event)
    }
}
