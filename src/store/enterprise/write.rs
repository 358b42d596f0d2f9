//! Adding and editing an enterprise: the input checked (credit code by GB 32100, names
//! and phones bounded, the village known), the change and its events in one
//! transaction, a stale version refused with who changed it last.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::domain::credit_code;
use crate::domain::limits;
use crate::domain::permission::Write;
use crate::store::{Store, StoreError};

/// An enterprise as typed: every field; the village by name (empty: none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnterpriseInput {
    pub credit_code: String,
    pub name: String,
    pub sector: String,
    pub high_risk: bool,
    pub village: String,
    pub principal: String,
    pub principal_phone: String,
    pub controller: String,
    pub controller_phone: String,
    pub address: String,
}

impl From<super::EnterpriseRow> for EnterpriseInput {
    /// The enterprise as it is, to edit.
    fn from(r: super::EnterpriseRow) -> EnterpriseInput {
        EnterpriseInput {
            credit_code: r.credit_code,
            name: r.name,
            sector: r.sector,
            high_risk: r.high_risk,
            village: r.village,
            principal: r.principal,
            principal_phone: r.principal_phone,
            controller: r.controller,
            controller_phone: r.controller_phone,
            address: r.address,
        }
    }
}

impl EnterpriseInput {
    /// The fields as (name, value) in the order events and forms name them.
    fn fields(&self) -> [(&'static str, String); 9] {
        [
            ("enterprise_name", self.name.trim().to_string()),
            ("sector", self.sector.trim().to_string()),
            ("high_risk", i64::from(self.high_risk).to_string()),
            ("village", self.village.trim().to_string()),
            ("principal", self.principal.trim().to_string()),
            ("principal_phone", self.principal_phone.trim().to_string()),
            ("controller", self.controller.trim().to_string()),
            ("controller_phone", self.controller_phone.trim().to_string()),
            ("address", self.address.trim().to_string()),
        ]
    }

    /// The first thing wrong with it, naming the field.
    fn check(&self) -> Result<(), StoreError> {
        let code = self.credit_code.trim().to_uppercase();
        if credit_code::validate(&code).is_err() {
            return Err(StoreError::Invalid { field: "credit_code", value: code, why: "credit_code".into() });
        }
        for (field, value) in [("enterprise_name", &self.name), ("sector", &self.sector)] {
            if value.trim().is_empty() {
                return Err(StoreError::Invalid { field, value: String::new(), why: "required".into() });
            }
        }
        StoreError::check_len("enterprise_name", &self.name, limits::TITLE)?;
        StoreError::check_len("address", &self.address, limits::TITLE)?;
        for (field, value) in [
            ("sector", &self.sector),
            ("principal", &self.principal),
            ("principal_phone", &self.principal_phone),
            ("controller", &self.controller),
            ("controller_phone", &self.controller_phone),
        ] {
            StoreError::check_len(field, value, limits::NAME)?;
        }
        Ok(())
    }
}

/// The id of the village named `name` (none when empty), which must exist.
fn village_id(tx: &Transaction, name: &str) -> Result<Option<i64>, StoreError> {
    if name.is_empty() {
        return Ok(None);
    }
    let id =
        tx.query_row("SELECT id FROM units WHERE kind = 'village' AND name = ?1", [name], |r| r.get(0)).optional()?;
    id.map(Some).ok_or_else(|| StoreError::Unknown { what: "village", value: name.to_string() })
}

/// One audited change: its kind (`created`, `edited`) and the field with its values.
struct Change<'a> {
    kind: &'static str,
    field: Option<&'static str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

/// Records a change of enterprise `id` with why, by `actor` at `at`.
fn record(tx: &Transaction, id: i64, at: &str, actor: &str, c: &Change, note: &str) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO enterprise_events (enterprise_id, at, actor, kind, field, from_value, to_value, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![id, at, actor, c.kind, c.field, c.from, c.to, note.trim()])?;
    Ok(())
}

/// The enterprise with this credit code as stored: its id, version and fields.
fn stored(tx: &Transaction, code: &str) -> Result<(i64, i64, EnterpriseInput), StoreError> {
    tx.query_row(
        "SELECT e.id, e.version, e.credit_code, e.name, e.sector, e.high_risk, COALESCE(v.name, ''), e.principal,
                e.principal_phone, e.controller, e.controller_phone, e.address
         FROM enterprises e LEFT JOIN units v ON v.id = e.village_id WHERE e.credit_code = ?1",
        [code],
        |r| {
            let input = EnterpriseInput {
                credit_code: r.get(2)?,
                name: r.get(3)?,
                sector: r.get(4)?,
                high_risk: r.get(5)?,
                village: r.get(6)?,
                principal: r.get(7)?,
                principal_phone: r.get(8)?,
                controller: r.get(9)?,
                controller_phone: r.get(10)?,
                address: r.get(11)?,
            };
            Ok((r.get(0)?, r.get(1)?, input))
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::Unknown { what: "enterprise", value: code.to_string() })
}

/// Who changed enterprise `id` last, and when (its creation when never edited).
fn last_change(tx: &Transaction, id: i64) -> Result<(String, String), StoreError> {
    let last = tx
        .query_row(
            "SELECT actor, at FROM enterprise_events WHERE enterprise_id = ?1 ORDER BY id DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(last.unwrap_or_else(|| ("?".into(), "?".into())))
}

impl Store {
    /// Adds an enterprise (an admin or officer), with why; returns its credit code.
    pub fn enterprise_add(&mut self, e: &EnterpriseInput, reason: &str) -> Result<String, StoreError> {
        e.check()?;
        StoreError::check_len("reason", reason, limits::NOTE)?;
        let code = e.credit_code.trim().to_uppercase();
        let (at, actor) = (self.clock.stamp(), self.actor.login.clone());
        let tx = self.begin(Write::Enterprise)?;
        if tx.query_row("SELECT 1 FROM enterprises WHERE credit_code = ?1", [&code], |_| Ok(())).optional()?.is_some() {
            return Err(StoreError::Exists { what: "enterprise", value: code });
        }
        let village_id = village_id(&tx, e.village.trim())?;
        crate::store::sectors::require(&tx, &e.sector)?;
        let f = e.fields().map(|(_, v)| v);
        let row = crate::store::bulk::EnterpriseRow {
            credit_code: &code,
            name: &f[0],
            sector: &f[1],
            high_risk: e.high_risk,
            village_id,
            department_id: None,
            principal: (&f[4], &f[5]),
            controller: (&f[6], &f[7]),
            address: &f[8],
        };
        let id = crate::store::bulk::insert_enterprise(&tx, &row)?;
        record(&tx, id, &at, &actor, &Change { kind: "created", field: None, from: None, to: Some(&code) }, reason)?;
        tx.commit()?;
        Ok(code)
    }

    /// Changes an enterprise's fields (not its credit code) with why; each changed field an
    /// event. Refused when it is no longer at `version`; returns how many fields changed.
    pub fn enterprise_edit(
        &mut self,
        code: &str,
        version: Option<i64>,
        e: &EnterpriseInput,
        reason: &str,
    ) -> Result<usize, StoreError> {
        let code = code.trim().to_uppercase();
        e.check()?;
        StoreError::check_len("reason", reason, limits::NOTE)?;
        let (at, actor) = (self.clock.stamp(), self.actor.login.clone());
        let tx = self.begin(Write::Enterprise)?;
        let (id, now, before) = stored(&tx, &code)?;
        if version.is_some_and(|v| v != now) {
            let (by, when) = last_change(&tx, id)?;
            return Err(StoreError::Conflict { code, by, at: when, version: Some(now) });
        }
        let village_id = village_id(&tx, e.village.trim())?;
        // (field, old value, new value) of each field that changes
        let changed: Vec<(&'static str, String, String)> = before
            .fields()
            .into_iter()
            .zip(e.fields())
            .filter(|(old, new)| old.1 != new.1)
            .map(|((field, from), (_, to))| (field, from, to))
            .collect();
        if changed.is_empty() {
            return Err(StoreError::NothingChanged(code));
        }
        if before.sector.trim() != e.sector.trim() {
            crate::store::sectors::require(&tx, &e.sector)?;
        }
        let f = e.fields().map(|(_, v)| v);
        tx.execute(
            "UPDATE enterprises SET name = ?1, sector = ?2, high_risk = ?3, village_id = ?4, principal = ?5,
                principal_phone = ?6, controller = ?7, controller_phone = ?8, address = ?9, version = version + 1
             WHERE id = ?10",
            params![f[0], f[1], e.high_risk, village_id, f[4], f[5], f[6], f[7], f[8], id],
        )?;
        for (field, from, to) in &changed {
            let c = Change { kind: "edited", field: Some(field), from: Some(from), to: Some(to) };
            record(&tx, id, &at, &actor, &c, reason)?;
        }
        tx.commit()?;
        Ok(changed.len())
    }
}
