//! An import session: one IMMEDIATE transaction for a whole file (admin only), with
//! cached statements and remembered lookups so that 100,000 rows stay fast.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::write::register::{HazardRecord, find_enterprise, find_staff, find_unit, insert_hazard, next_code};
use super::write::{Event, append_event};
use super::{Store, StoreError};
use crate::domain::UnitKind;
use crate::domain::permission::Write;

/// An enterprise a hazard row names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnterpriseLookup {
    /// Id, village id (0 when none) and sector.
    Found {
        id: i64,
        village_id: i64,
        sector: String,
    },
    Unknown,
    /// Several enterprises have this name (and none this credit code).
    Ambiguous,
}

/// An inspection row ready to insert: its enterprise, whether the principal led it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewImportedInspection {
    pub enterprise_id: i64,
    pub by_principal: bool,
    pub inspection: super::inspection::NewInspection,
}

/// An enterprise row ready to insert; units by name, created when missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEnterprise {
    pub credit_code: String,
    pub name: String,
    pub sector: String,
    pub high_risk: bool,
    pub village: Option<String>,
    pub department: Option<String>,
    pub principal: String,
    pub principal_phone: String,
    pub controller: String,
    pub controller_phone: String,
    pub address: String,
}

/// The open transaction of one import; dropping it without `commit` writes nothing.
pub struct ImportSession<'a> {
    tx: Transaction<'a>,
    actor: String,
    now: String,
    today: NaiveDate,
    prefix: String,
    enterprises: HashMap<String, EnterpriseLookup>,
    units: HashMap<String, Option<(i64, UnitKind)>>,
    owners: HashMap<String, Option<i64>>,
    staff: HashMap<String, bool>,
    new_units: Vec<String>,
}

impl Store {
    /// Starts an import: checks the role and opens the transaction.
    pub fn import_session(&mut self) -> Result<ImportSession<'_>, StoreError> {
        let prefix = self.meta("code_prefix")?.unwrap_or_else(|| "GQ".into());
        let (actor, now, today) = (self.actor.login.clone(), self.clock.stamp(), self.clock.write_today());
        // statement journals in memory: a file write for every inserted row otherwise
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        let tx = self.begin(Write::Import)?;
        Ok(ImportSession {
            tx,
            actor,
            now,
            today,
            prefix,
            enterprises: HashMap::new(),
            units: HashMap::new(),
            owners: HashMap::new(),
            staff: HashMap::new(),
            new_units: Vec::new(),
        })
    }
}

impl ImportSession<'_> {
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The timestamp every row of this import is created with.
    pub fn now(&self) -> &str {
        &self.now
    }

    fn exists(&self, sql: &str, value: &str) -> Result<bool, StoreError> {
        Ok(self.tx.prepare_cached(sql)?.query_row([value], |_| Ok(())).optional()?.is_some())
    }

    pub fn credit_code_taken(&self, code: &str) -> Result<bool, StoreError> {
        self.exists("SELECT 1 FROM enterprises WHERE credit_code = ?1", code)
    }

    pub fn enterprise_name_taken(&self, name: &str) -> Result<bool, StoreError> {
        self.exists("SELECT 1 FROM enterprises WHERE name = ?1 LIMIT 1", name)
    }

    pub fn hazard_code_taken(&self, code: &str) -> Result<bool, StoreError> {
        self.exists("SELECT 1 FROM hazards WHERE code = ?1", code)
    }

    /// Whether the sector is one of the ledger's.
    pub fn sector_known(&self, sector: &str) -> Result<bool, StoreError> {
        super::sectors::known(&self.tx, sector)
    }

    /// The code of a hazard of this enterprise with this title found on this day.
    pub fn same_hazard(&self, enterprise_id: i64, title: &str, found: NaiveDate) -> Result<Option<String>, StoreError> {
        let sql = "SELECT code FROM hazards WHERE enterprise_id = ?1 AND title = ?2 AND discovered_on = ?3 LIMIT 1";
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row(params![enterprise_id, title, found.to_string()], |r| r.get(0))
            .optional()?)
    }

    /// A unit's id and kind by exact name.
    pub fn unit(&mut self, name: &str) -> Result<Option<(i64, UnitKind)>, StoreError> {
        if let Some(u) = self.units.get(name) {
            return Ok(*u);
        }
        let row: Option<(i64, String)> = self
            .tx
            .prepare_cached("SELECT id, kind FROM units WHERE name = ?1")?
            .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let unit = row.and_then(|(id, kind)| UnitKind::parse(&kind).map(|k| (id, k)));
        self.units.insert(name.to_string(), unit);
        Ok(unit)
    }

    /// A unit's id, created with `kind` when the ledger has none of this name.
    fn ensure_unit(&mut self, name: &str, kind: UnitKind) -> Result<i64, StoreError> {
        if let Some((id, _)) = self.unit(name)? {
            return Ok(id);
        }
        self.tx
            .prepare_cached("INSERT INTO units (name, kind) VALUES (?1, ?2)")?
            .execute(params![name, kind.as_str()])?;
        let id = self.tx.last_insert_rowid();
        self.units.insert(name.to_string(), Some((id, kind)));
        self.new_units.push(name.to_string());
        Ok(id)
    }

    /// The units this import created, in order.
    pub fn new_units(&self) -> &[String] {
        &self.new_units
    }

    /// The enterprise a hazard row names by credit code or exact name.
    pub fn enterprise(&mut self, key: &str) -> Result<EnterpriseLookup, StoreError> {
        if let Some(found) = self.enterprises.get(key) {
            return Ok(found.clone());
        }
        let found = match find_enterprise(&self.tx, key) {
            Ok(_) if !self.credit_code_taken(key)? && self.name_count(key)? > 1 => EnterpriseLookup::Ambiguous,
            Ok((id, village_id, sector)) => EnterpriseLookup::Found { id, village_id, sector },
            Err(StoreError::Unknown { .. }) => EnterpriseLookup::Unknown,
            Err(e) => return Err(e),
        };
        self.enterprises.insert(key.to_string(), found.clone());
        Ok(found)
    }

    fn name_count(&self, name: &str) -> Result<i64, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT count(*) FROM enterprises WHERE name = ?1")?
            .query_row([name], |r| r.get(0))?)
    }

    /// A unit's id by exact name, for a hazard's owner department.
    pub fn owner(&mut self, name: &str) -> Result<Option<i64>, StoreError> {
        if let Some(id) = self.owners.get(name) {
            return Ok(*id);
        }
        let id = match find_unit(&self.tx, name) {
            Ok(id) => Some(id),
            Err(StoreError::Unknown { .. }) => None,
            Err(e) => return Err(e),
        };
        self.owners.insert(name.to_string(), id);
        Ok(id)
    }

    /// Whether the staff login exists.
    pub fn staff(&mut self, login: &str) -> Result<bool, StoreError> {
        if let Some(known) = self.staff.get(login) {
            return Ok(*known);
        }
        let known = match find_staff(&self.tx, login) {
            Ok(_) => true,
            Err(StoreError::Unknown { .. }) => false,
            Err(e) => return Err(e),
        };
        self.staff.insert(login.to_string(), known);
        Ok(known)
    }

    /// Inserts an enterprise, creating its village and department when missing.
    pub fn add_enterprise(&mut self, e: &NewEnterprise) -> Result<i64, StoreError> {
        let village = e.village.as_deref().map(|v| self.ensure_unit(v, UnitKind::Village)).transpose()?;
        let department = e.department.as_deref().map(|d| self.ensure_unit(d, UnitKind::Department)).transpose()?;
        let row = super::bulk::EnterpriseRow {
            credit_code: &e.credit_code,
            name: &e.name,
            sector: &e.sector,
            high_risk: e.high_risk,
            village_id: village,
            department_id: department,
            principal: (&e.principal, &e.principal_phone),
            controller: (&e.controller, &e.controller_phone),
            address: &e.address,
        };
        Ok(super::bulk::insert_enterprise(&self.tx, &row)?)
    }

    /// The next free hazard code of `year`, skipping codes taken in the ledger or `reserved`
    /// (codes the file gives to rows inserted later).
    pub fn next_code(&mut self, year: i32, reserved: impl Fn(&str) -> bool) -> Result<String, StoreError> {
        loop {
            let code = next_code(&self.tx, &self.prefix, year)?;
            if !reserved(&code) && !self.hazard_code_taken(&code)? {
                return Ok(code);
            }
        }
    }

    /// Inserts a hazard and its first timeline event: `imported`, status from "" to its status.
    pub fn add_hazard(&mut self, rec: &HazardRecord, note: &str) -> Result<i64, StoreError> {
        let id = insert_hazard(&self.tx, rec)?;
        let event = Event::changed("imported", "status", "", rec.status.as_str(), note);
        append_event(&self.tx, id, &self.now, &self.actor, &event)?;
        Ok(id)
    }

    /// The principal of enterprise `id` (trimmed).
    pub fn principal_of(&self, id: i64) -> Result<String, StoreError> {
        let p: String = self.tx.query_row("SELECT principal FROM enterprises WHERE id = ?1", [id], |r| r.get(0))?;
        Ok(p.trim().to_string())
    }

    /// Whether hazard `code` is enterprise `id`'s.
    pub fn hazard_of(&self, code: &str, id: i64) -> Result<bool, StoreError> {
        let sql = "SELECT 1 FROM hazards WHERE code = ?1 AND enterprise_id = ?2";
        Ok(self.tx.query_row(sql, params![code, id], |_| Ok(())).optional()?.is_some())
    }

    /// Whether the ledger has an inspection of enterprise `id` on `date` led by `led_by`.
    pub fn inspection_recorded(&self, id: i64, date: NaiveDate, led_by: &str) -> Result<bool, StoreError> {
        let sql = "SELECT 1 FROM inspections WHERE enterprise_id = ?1 AND inspected_on = ?2 AND led_by = ?3";
        Ok(self.tx.query_row(sql, params![id, date.to_string(), led_by], |_| Ok(())).optional()?.is_some())
    }

    /// Records an imported inspection, with its event on the enterprise.
    pub fn add_inspection(&mut self, r: &NewImportedInspection) -> Result<i64, StoreError> {
        let i = &r.inspection;
        let date = i.date.unwrap_or(self.today);
        let led = (i.led_by.as_str(), r.by_principal, i.instead_reason.as_str());
        super::inspection::insert(&self.tx, r.enterprise_id, date, led, i, (&self.now, &self.actor))
    }

    /// Makes the import permanent.
    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }
}
