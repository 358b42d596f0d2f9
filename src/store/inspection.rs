//! Head-led inspections (主要负责人带队检查, plan item 3): recording one (who led it — the
//! principal, or who instead and why — its scope, findings and the hazards it found),
//! listing them, and the enterprises behind on them by the ledger's cadence.

use chrono::{Months, NaiveDate};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::list::Sql;
use super::{Store, StoreError};
use crate::domain::limits;
use crate::domain::permission::Write;
use crate::domain::settings::Cadence;

/// An inspection as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewInspection {
    /// The enterprise's credit code or exact name.
    pub enterprise: String,
    pub date: Option<NaiveDate>,
    pub led_by: String,
    /// Why someone other than the principal led it (required then).
    pub instead_reason: String,
    pub scope: String,
    pub findings: String,
    /// Codes of the enterprise's hazards it found.
    pub hazards: Vec<String>,
}

/// An inspection as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InspectionRow {
    pub id: i64,
    pub credit_code: String,
    pub enterprise: String,
    pub date: String,
    pub led_by: String,
    pub by_principal: bool,
    pub instead_reason: String,
    pub scope: String,
    pub findings: String,
    pub hazards: Vec<String>,
    pub at: String,
    pub actor: String,
}

/// An enterprise behind on its head-led inspections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arrear {
    pub credit_code: String,
    pub enterprise: String,
    pub sector: String,
    pub high_risk: bool,
    /// Months between inspections for it.
    pub months: u32,
    /// Its last inspection, if any.
    pub last: Option<NaiveDate>,
    /// When the next was due (none: never inspected).
    pub due: Option<NaiveDate>,
    /// Days since the next was due (none: never inspected).
    pub days_late: Option<i64>,
}

impl Store {
    /// Records an inspection (an admin or officer); returns its id. The enterprise's
    /// timeline gains an event in the same transaction.
    pub fn inspection_add(&mut self, n: &NewInspection) -> Result<i64, StoreError> {
        let today = self.clock.write_today();
        let date = n.date.unwrap_or(today);
        crate::domain::dates::business(date, today, None).map_err(|p| StoreError::date("date", date, p))?;
        let led_by = n.led_by.trim();
        if led_by.is_empty() {
            return Err(StoreError::Invalid { field: "led_by", value: String::new(), why: "required".into() });
        }
        let (at, actor) = (self.clock.stamp(), self.actor.login.clone());
        let tx = self.begin(Write::Inspect)?;
        let id = super::enterprise::resolve(&tx, &n.enterprise)?;
        let principal: String = tx.query_row("SELECT principal FROM enterprises WHERE id = ?1", [id], |r| r.get(0))?;
        let by_principal = !principal.trim().is_empty() && principal.trim() == led_by;
        let reason = n.instead_reason.trim();
        if !by_principal && reason.is_empty() {
            return Err(StoreError::Invalid {
                field: "led_by",
                value: led_by.to_string(),
                why: "not_principal".into(),
            });
        }
        let inspection = insert(&tx, id, date, (led_by, by_principal, reason), n, (&at, &actor))?;
        tx.commit()?;
        Ok(inspection)
    }

    /// Inspections, newest first: of one enterprise (credit code), or all; at most `limit`.
    pub fn inspections(&self, enterprise: Option<&str>, limit: usize) -> Result<Vec<InspectionRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, e.credit_code, e.name, i.inspected_on, i.led_by, i.by_principal, i.instead_reason, i.scope,
                    i.findings, i.at, i.actor,
                    COALESCE((SELECT group_concat(h.code, ' ') FROM inspection_hazards x JOIN hazards h ON h.id = x.hazard_id
                              WHERE x.inspection_id = i.id), '')
             FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id
             WHERE ?1 IS NULL OR i.enterprise_id = (SELECT id FROM enterprises WHERE credit_code = ?1)
             ORDER BY i.inspected_on DESC, i.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![enterprise, limit as i64], |r| {
            let hazards: String = r.get(11)?;
            Ok(InspectionRow {
                id: r.get(0)?,
                credit_code: r.get(1)?,
                enterprise: r.get(2)?,
                date: r.get(3)?,
                led_by: r.get(4)?,
                by_principal: r.get(5)?,
                instead_reason: r.get(6)?,
                scope: r.get(7)?,
                findings: r.get(8)?,
                at: r.get(9)?,
                actor: r.get(10)?,
                hazards: hazards.split_whitespace().map(str::to_string).collect(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The enterprises whose next head-led inspection was due before today (or that never
    /// had one): the never inspected first, then the latest; at most `limit`.
    pub fn inspection_arrears(&self, limit: usize) -> Result<Vec<Arrear>, StoreError> {
        let cadence = self.settings()?.inspection;
        let today = self.today();
        let mut sql = Sql::default();
        let (behind, cutoff) = behind_sql(&mut sql, &cadence, today);
        let limit = sql.bind(limit as i64);
        sql.text = format!(
            "SELECT e.credit_code, e.name, e.sector, e.high_risk, e.last_inspected_on FROM enterprises e
             WHERE {behind} ORDER BY e.last_inspected_on IS NOT NULL, julianday(e.last_inspected_on) - julianday({cutoff}),
             e.name LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(sql.params.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get::<_, Option<String>>(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (credit_code, enterprise, sector, high_risk, last) = row?;
            let months = cadence.months(&sector, high_risk);
            let last = last.as_deref().and_then(crate::domain::parse_date);
            let due = last.and_then(|d| d.checked_add_months(Months::new(months)));
            let days_late = due.map(|d| (today - d).num_days());
            out.push(Arrear { credit_code, enterprise, sector, high_risk, months, last, due, days_late });
        }
        Ok(out)
    }

    /// How many enterprises are behind on their head-led inspections.
    pub fn inspections_behind(&self) -> Result<i64, StoreError> {
        self.scalar(&behind_count(&self.settings()?.inspection, self.today()))
    }
}

/// Records an inspection of enterprise `id` led by (`led_by`, by the principal, why
/// not), its hazards found (`n.hazards`, which must be the enterprise's), and its event
/// on the enterprise's timeline, stamped (`at`, `actor`); returns its id.
pub(crate) fn insert(
    tx: &rusqlite::Transaction,
    id: i64,
    date: NaiveDate,
    (led_by, by_principal, reason): (&str, bool, &str),
    n: &NewInspection,
    (at, actor): (&str, &str),
) -> Result<i64, StoreError> {
    StoreError::check_len("led_by", led_by, limits::NAME)?;
    for (field, text) in [("instead_reason", &n.instead_reason), ("scope", &n.scope), ("findings", &n.findings)] {
        StoreError::check_len(field, text, limits::NOTE)?;
    }
    tx.execute(
        "INSERT INTO inspections (enterprise_id, inspected_on, led_by, by_principal, instead_reason, scope, findings,
            at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, date.to_string(), led_by, by_principal, reason, n.scope.trim(), n.findings.trim(), at, actor],
    )?;
    let inspection = tx.last_insert_rowid();
    for code in &n.hazards {
        let code = code.trim();
        let hazard: Option<i64> = tx
            .query_row("SELECT id FROM hazards WHERE code = ?1 AND enterprise_id = ?2", params![code, id], |r| r.get(0))
            .optional()?;
        let hazard = hazard.ok_or_else(|| StoreError::Invalid {
            field: "hazard",
            value: code.to_string(),
            why: "not_this_enterprise".into(),
        })?;
        tx.execute("INSERT OR IGNORE INTO inspection_hazards VALUES (?1, ?2)", params![inspection, hazard])?;
    }
    tx.execute(
        "INSERT INTO enterprise_events (enterprise_id, at, actor, kind, field, from_value, to_value, note)
         VALUES (?1, ?2, ?3, 'inspection', 'led_by', NULL, ?4, ?5)",
        params![id, at, actor, led_by, format!("{date} {}", n.scope.trim()).trim()],
    )?;
    Ok(inspection)
}

/// Links hazard `hazard` to the inspection `inspection` that found it, which must be of
/// its enterprise (`enterprise`).
pub(crate) fn link(
    tx: &rusqlite::Transaction,
    inspection: i64,
    enterprise: i64,
    hazard: i64,
) -> Result<(), StoreError> {
    let of: Option<(i64, String)> = tx
        .query_row("SELECT enterprise_id, inspected_on FROM inspections WHERE id = ?1", [inspection], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let found: String = tx.query_row("SELECT discovered_on FROM hazards WHERE id = ?1", [hazard], |r| r.get(0))?;
    if of.as_ref().is_some_and(|(e, on)| *e == enterprise && found < *on) {
        return Err(StoreError::Invalid { field: "discovered_on", value: found, why: "before_inspection".into() });
    }
    if of.map(|(e, _)| e) != Some(enterprise) {
        return Err(StoreError::Invalid {
            field: "inspection",
            value: inspection.to_string(),
            why: "not_this_enterprise".into(),
        });
    }
    tx.execute("INSERT OR IGNORE INTO inspection_hazards VALUES (?1, ?2)", params![inspection, hazard])?;
    Ok(())
}

/// The first day from which `months` later is on or after `today`: an enterprise last
/// inspected before it is behind. (Adding months clamps at a month's end, so counting
/// back `months` from today may land a few days early.)
fn cutoff(today: NaiveDate, months: u32) -> NaiveDate {
    let months = Months::new(months);
    let mut c = today.checked_sub_months(months).unwrap_or(today);
    while c.checked_add_months(months).is_some_and(|due| due < today) {
        c = c.succ_opt().unwrap_or(today);
    }
    c
}

/// The count of the enterprises behind on `today`.
pub(crate) fn behind_count(cadence: &Cadence, today: NaiveDate) -> Sql {
    let mut sql = Sql::default();
    let (behind, _) = behind_sql(&mut sql, cadence, today);
    sql.text = format!("SELECT COUNT(*) FROM enterprises e WHERE {behind}");
    sql
}

/// The condition that enterprise `e` is behind on `today` (its last inspection before the
/// cutoff of its sector's cadence, or none), and the cutoff as an expression; binds the
/// cutoffs into `sql`. Behind means the next was due before today (last + months < today);
/// the cutoff is the first day whose next inspection falls on or after today.
pub(crate) fn behind_sql(sql: &mut Sql, c: &Cadence, today: NaiveDate) -> (String, String) {
    let cut = |m: u32| cutoff(today, m).to_string();
    let mut cutoff = String::from("CASE");
    for (sector, m) in &c.sectors {
        let (sector, at) = (sql.bind(sector.clone()), sql.bind(cut(*m)));
        cutoff.push_str(&format!(" WHEN e.sector = {sector} THEN {at}"));
    }
    let (high, ordinary) = (sql.bind(cut(c.high_risk)), sql.bind(cut(c.ordinary)));
    cutoff.push_str(&format!(" WHEN e.high_risk THEN {high} ELSE {ordinary} END"));
    (format!("(e.last_inspected_on IS NULL OR e.last_inspected_on < {cutoff})"), cutoff)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Behind by the cutoff is behind by the due day, on every day of three years, for
    /// every cadence, around the ends of months too.
    #[test]
    fn the_cutoff_is_exact() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        for d in 0..(3 * 366) {
            let today = start + chrono::Duration::days(d);
            for m in 1..=12 {
                let c = cutoff(today, m);
                for back in (i64::from(m) * 28 - 3)..=(i64::from(m) * 31 + 3) {
                    let last = today - chrono::Duration::days(back);
                    let due = last.checked_add_months(Months::new(m)).unwrap_or(last);
                    assert_eq!(last < c, due < today, "today {today}, every {m} months, last {last}");
                }
            }
        }
    }
}
