//! Registering a hazard: resolving its enterprise, numbering it, and its first event.

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Transaction, params};

use super::{Event, append_event, next_in_sequence};
use crate::domain::dates;
use crate::domain::permission::Write;
use crate::domain::{Grade, Plan, Source, Status, limits};
use crate::store::{Store, StoreError};

/// A hazard as entered by a person (`anwei new`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHazard {
    /// Credit code or exact name.
    pub enterprise: String,
    pub title: String,
    pub description: String,
    pub grade: Grade,
    /// Default: the enterprise's sector.
    pub sector: Option<String>,
    pub standard_ref: String,
    pub source: Source,
    pub discovered_on: Option<NaiveDate>,
    pub deadline: NaiveDate,
    /// Owner department by name.
    pub owner: Option<String>,
    pub assignee: Option<String>,
    pub note: String,
    /// The head-led inspection of the enterprise that found it.
    pub inspection: Option<i64>,
    /// The tip-off it verifies (its source is then `public_report`).
    pub tipoff: Option<crate::store::tipoff::TipoffLink>,
}

/// Every column of a new hazard row, resolved to ids.
#[derive(Debug, Clone)]
pub struct HazardRecord {
    pub code: String,
    pub enterprise_id: i64,
    pub village_id: i64,
    pub title: String,
    pub description: String,
    pub grade: Grade,
    pub sector: String,
    pub standard_ref: String,
    pub source: Source,
    pub discovered_on: NaiveDate,
    pub deadline: NaiveDate,
    pub status: Status,
    pub plan: Plan,
    pub owner_unit_id: Option<i64>,
    pub assignee: Option<String>,
    pub escalation_level: u8,
    pub listed_unit: String,
    pub stopped_production: bool,
    pub round: i64,
    pub last_progress_on: NaiveDate,
    pub created_at: String,
    pub closed_at: Option<String>,
}

/// Inserts a hazard row; returns its id. Statements are cached for bulk use.
pub fn insert_hazard(tx: &Transaction, r: &HazardRecord) -> rusqlite::Result<i64> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO hazards (code, enterprise_id, village_id, title, description, grade, sector, standard_ref,
            source, discovered_on, deadline, status, plan_responsible, plan_measures, plan_funds, plan_deadline,
            plan_contingency, owner_unit_id, assignee, escalation_level, listed_unit, stopped_production, round,
            last_progress_on, created_at, updated_at, closed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
            ?22, ?23, ?24, ?25, ?25, ?26)",
    )?;
    stmt.execute(params![
        r.code,
        r.enterprise_id,
        r.village_id,
        r.title,
        r.description,
        r.grade.as_str(),
        r.sector,
        r.standard_ref,
        r.source.as_str(),
        r.discovered_on.to_string(),
        r.deadline.to_string(),
        r.status.as_str(),
        r.plan.responsible,
        r.plan.measures,
        r.plan.funds,
        r.plan.deadline,
        r.plan.contingency,
        r.owner_unit_id,
        r.assignee,
        r.escalation_level,
        r.listed_unit,
        r.stopped_production,
        r.round,
        r.last_progress_on.to_string(),
        r.created_at,
        r.closed_at
    ])?;
    Ok(tx.last_insert_rowid())
}

/// The next hazard code for `year`, e.g. `GQ-2026-0042`.
pub fn next_code(tx: &Transaction, prefix: &str, year: i32) -> rusqlite::Result<String> {
    let n = next_in_sequence(tx, &format!("hazard:{year}"))?;
    Ok(format!("{prefix}-{year}-{n:04}"))
}

/// A sector that an enterprise in the ledger has; a typo never becomes a sector.
fn known_sector(tx: &rusqlite::Transaction, sector: &str) -> Result<String, StoreError> {
    crate::store::sectors::require(tx, sector)?;
    Ok(sector.trim().to_string())
}

/// The catalogue's reference of the clause `given` points to ("" for none).
fn standard_of(given: &str) -> Result<String, StoreError> {
    if given.trim().is_empty() {
        return Ok(String::new());
    }
    crate::domain::standards::find(given).map(|f| f.reference()).ok_or_else(|| StoreError::Invalid {
        field: "standard",
        value: given.trim().to_string(),
        why: "not_in_catalogue".into(),
    })
}

/// An enterprise's id, village and sector by credit code or exact name.
pub fn find_enterprise(tx: &Transaction, key: &str) -> Result<(i64, i64, String), StoreError> {
    tx.query_row(
        "SELECT id, COALESCE(village_id, 0), sector FROM enterprises WHERE credit_code = ?1 OR name = ?1
         ORDER BY credit_code = ?1 DESC LIMIT 1",
        [key.trim()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::Unknown { what: "enterprise", value: key.to_string() })
}

/// A unit's id by exact name.
pub fn find_unit(tx: &Transaction, name: &str) -> Result<i64, StoreError> {
    tx.query_row("SELECT id FROM units WHERE name = ?1", [name.trim()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::Unknown { what: "unit", value: name.to_string() })
}

/// Checks that a staff login exists.
pub fn find_staff(tx: &Transaction, login: &str) -> Result<String, StoreError> {
    tx.query_row("SELECT login FROM staff WHERE login = ?1", [login.trim()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::Unknown { what: "staff", value: login.to_string() })
}

impl Store {
    /// Registers a new hazard; the detail of the result is its code.
    pub fn register(&mut self, n: &NewHazard) -> Result<super::Done, StoreError> {
        if n.title.trim().is_empty() {
            return Err(StoreError::Invalid { field: "title", value: String::new(), why: "required".into() });
        }
        StoreError::check_len("title", &n.title, limits::TITLE)?;
        StoreError::check_len("description", &n.description, limits::NOTE)?;
        StoreError::check_len("standard", &n.standard_ref, limits::TITLE)?;
        let standard_ref = standard_of(&n.standard_ref)?;
        StoreError::check_len("note", &n.note, limits::NOTE)?;
        let now = self.clock.stamp();
        let today = self.clock.write_today();
        let prefix = self.meta("code_prefix")?.unwrap_or_else(|| "GQ".into());
        let actor = self.actor.login.clone();
        let tx = self.begin(Write::Register)?;
        let discovered_on = n.discovered_on.unwrap_or(today);
        dates::business(discovered_on, today, None).map_err(|p| StoreError::date("discovered_on", discovered_on, p))?;
        dates::deadline(n.deadline, today).map_err(|p| StoreError::date("deadline", n.deadline, p))?;
        if n.deadline < discovered_on {
            return Err(StoreError::Invalid {
                field: "deadline",
                value: n.deadline.to_string(),
                why: "date_order".into(),
            });
        }
        let (enterprise_id, village_id, sector) = find_enterprise(&tx, &n.enterprise)?;
        let sector = match &n.sector {
            Some(given) if *given != sector => known_sector(&tx, given)?,
            _ => sector,
        };
        let owner_unit_id = n.owner.as_deref().map(|o| find_unit(&tx, o)).transpose()?;
        let assignee = n.assignee.as_deref().map(|a| find_staff(&tx, a)).transpose()?;
        let code = next_code(&tx, &prefix, discovered_on.year())?;
        let rec = HazardRecord {
            code: code.clone(),
            enterprise_id,
            village_id,
            title: n.title.trim().to_string(),
            description: n.description.clone(),
            grade: n.grade,
            sector,
            standard_ref,
            source: if n.tipoff.is_some() { Source::PublicReport } else { n.source },
            discovered_on,
            deadline: n.deadline,
            status: Status::Registered,
            plan: Plan::default(),
            owner_unit_id,
            assignee,
            escalation_level: 0,
            listed_unit: String::new(),
            stopped_production: false,
            round: 1,
            last_progress_on: discovered_on,
            created_at: now.clone(),
            closed_at: None,
        };
        let id = insert_hazard(&tx, &rec)?;
        if let Some(inspection) = n.inspection {
            crate::store::inspection::link(&tx, inspection, enterprise_id, id)?;
        }
        if let Some(link) = &n.tipoff {
            crate::store::tipoff::write::verified(
                &tx,
                link,
                (id, &code),
                enterprise_id,
                discovered_on,
                (&now, &actor),
            )?;
        }
        append_event(&tx, id, &now, &actor, &Event::changed("registered", "status", "", "registered", &n.note))?;
        tx.commit()?;
        Ok(super::Done { code: code.clone(), version: 1, detail: Some(code) })
    }
}
