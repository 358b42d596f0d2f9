//! Enterprises (生产经营单位): the list with each one's open major and overdue hazards,
//! one enterprise whole (its hazards and its audited events), and adding or editing one
//! (each change an event, in the same transaction; a stale version is a conflict).

mod write;

use rusqlite::{OptionalExtension, Row};
use serde::Serialize;

use super::list::Sql;
use super::list::{Filter, Page, Sort};
use super::{Store, StoreError};
use crate::domain::settings::Cadence;
use crate::store::list::HazardRow;

pub use write::EnterpriseInput;

/// Which enterprises the list shows; every field narrows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnterpriseFilter {
    /// Matches the name, the credit code, the principal or the actual controller.
    pub search: Option<String>,
    pub village: Option<String>,
    pub sector: Option<String>,
    pub high_risk: bool,
    /// Only those behind on their head-led inspections.
    pub behind: bool,
}

/// The enterprise list's order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum EnterpriseSort {
    #[default]
    Name,
    Code,
    Village,
    Sector,
    /// Most open major hazards first.
    OpenMajor,
    /// Most overdue hazards first.
    Overdue,
    /// The longest since a head-led inspection first (never inspected before all).
    LastInspection,
}

impl EnterpriseSort {
    pub const ALL: [EnterpriseSort; 7] = [
        EnterpriseSort::Name,
        EnterpriseSort::Code,
        EnterpriseSort::Village,
        EnterpriseSort::Sector,
        EnterpriseSort::OpenMajor,
        EnterpriseSort::Overdue,
        EnterpriseSort::LastInspection,
    ];

    /// Its name in the catalogue (`col.NAME`) and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            EnterpriseSort::Name => "name",
            EnterpriseSort::Code => "credit_code",
            EnterpriseSort::Village => "village",
            EnterpriseSort::Sector => "sector",
            EnterpriseSort::OpenMajor => "open_major",
            EnterpriseSort::Overdue => "overdue",
            EnterpriseSort::LastInspection => "last_inspection",
        }
    }

    pub fn parse(s: &str) -> Option<EnterpriseSort> {
        EnterpriseSort::ALL.into_iter().find(|x| x.name() == s)
    }

    fn order_by(self) -> &'static str {
        match self {
            EnterpriseSort::Name => "e.name, e.id",
            EnterpriseSort::Code => "e.credit_code",
            EnterpriseSort::Village => "3, e.name, e.id",
            EnterpriseSort::Sector => "e.sector, e.name, e.id",
            EnterpriseSort::OpenMajor => "open_major DESC, e.name, e.id",
            EnterpriseSort::Overdue => "overdue DESC, e.name, e.id",
            EnterpriseSort::LastInspection => "e.last_inspected_on IS NOT NULL, e.last_inspected_on, e.name, e.id",
        }
    }
}

/// One enterprise with its contacts and its hazard counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnterpriseRow {
    pub credit_code: String,
    pub name: String,
    pub village: String,
    pub sector: String,
    pub high_risk: bool,
    pub principal: String,
    pub principal_phone: String,
    pub controller: String,
    pub controller_phone: String,
    pub address: String,
    /// Open major hazards.
    pub open_major: i64,
    /// Open hazards past their deadline.
    pub overdue: i64,
    pub version: i64,
    /// Its last head-led inspection, and when the next is due by its sector's cadence.
    pub last_inspection: Option<String>,
    pub next_inspection: Option<String>,
}

/// One audited change of an enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnterpriseEvent {
    pub at: String,
    pub actor: String,
    /// `created` or `edited`.
    pub kind: String,
    pub field: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: String,
}

/// An enterprise whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnterpriseDetail {
    #[serde(flatten)]
    pub row: EnterpriseRow,
    /// Its hazards, open ones first by deadline, then the closed (at most `HAZARDS_SHOWN`).
    pub hazards: Vec<HazardRow>,
    /// How many hazards it has in all.
    pub hazard_total: i64,
    /// Its latest head-led inspections (at most `INSPECTIONS_SHOWN`).
    pub inspections: Vec<super::inspection::InspectionRow>,
    /// Its open major hazards whose principal or controller is still to be told.
    pub not_notified: Vec<HazardRow>,
    /// Its hazards listed for supervision, with the listing.
    pub listed: Vec<(HazardRow, super::supervision::Supervision)>,
    pub events: Vec<EnterpriseEvent>,
    /// The staff's names by login, for the events in words.
    #[serde(skip)]
    pub names: std::collections::BTreeMap<String, String>,
}

/// The most hazards an enterprise's detail lists.
pub const HAZARDS_SHOWN: usize = 200;
/// The most inspections, unnotified and listed hazards an enterprise's detail lists.
pub const INSPECTIONS_SHOWN: usize = 20;

/// The columns of `EnterpriseRow`, with the counts as of `?1` (today).
const COLUMNS: &str = "SELECT e.credit_code, e.name, COALESCE(v.name, '') AS village, e.sector, e.high_risk,
    e.principal, e.principal_phone, e.controller, e.controller_phone, e.address,
    (SELECT count(*) FROM hazards h INDEXED BY hazards_enterprise_open
        WHERE h.enterprise_id = e.id AND h.status <> 'closed' AND h.grade = 'major') AS open_major,
    (SELECT count(*) FROM hazards h INDEXED BY hazards_enterprise_open
        WHERE h.enterprise_id = e.id AND h.status <> 'closed' AND h.deadline < ?1) AS overdue,
    e.version, e.last_inspected_on
    FROM enterprises e LEFT JOIN units v ON v.id = e.village_id";

fn row(r: &Row) -> rusqlite::Result<EnterpriseRow> {
    Ok(EnterpriseRow {
        credit_code: r.get(0)?,
        name: r.get(1)?,
        village: r.get(2)?,
        sector: r.get(3)?,
        high_risk: r.get(4)?,
        principal: r.get(5)?,
        principal_phone: r.get(6)?,
        controller: r.get(7)?,
        controller_phone: r.get(8)?,
        address: r.get(9)?,
        open_major: r.get(10)?,
        overdue: r.get(11)?,
        version: r.get(12)?,
        last_inspection: r.get(13)?,
        next_inspection: None,
    })
}

/// Fills in when each row's next head-led inspection is due.
fn with_next(mut rows: Vec<EnterpriseRow>, cadence: &Cadence) -> Vec<EnterpriseRow> {
    for r in &mut rows {
        let months = chrono::Months::new(cadence.months(&r.sector, r.high_risk));
        let last = r.last_inspection.as_deref().and_then(crate::domain::parse_date);
        r.next_inspection = last.and_then(|d| d.checked_add_months(months)).map(|d| d.to_string());
    }
    rows
}

/// The id of the enterprise with this credit code (in any case), else the only one of
/// this exact name; several of that name are refused as ambiguous, listing their codes.
pub(crate) fn resolve(conn: &rusqlite::Connection, key: &str) -> Result<i64, StoreError> {
    let key = key.trim();
    let by_code = conn
        .prepare_cached("SELECT id FROM enterprises WHERE credit_code = ?1")?
        .query_row([key.to_uppercase()], |r| r.get(0))
        .optional()?;
    if let Some(id) = by_code {
        return Ok(id);
    }
    let mut stmt =
        conn.prepare_cached("SELECT id, credit_code FROM enterprises WHERE name = ?1 ORDER BY credit_code")?;
    let named: Vec<(i64, String)> = stmt.query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
    match named.as_slice() {
        [] => Err(StoreError::Unknown { what: "enterprise", value: key.to_string() }),
        [(id, _)] => Ok(*id),
        several => {
            let codes: Vec<&str> = several.iter().map(|(_, c)| c.as_str()).collect();
            Err(StoreError::Invalid { field: "enterprise", value: codes.join(" "), why: "ambiguous".into() })
        }
    }
}

impl EnterpriseFilter {
    /// The WHERE clause (empty when nothing narrows), binding its values into `sql`.
    fn where_clause(&self, sql: &mut Sql, cadence: &Cadence, today: chrono::NaiveDate) -> String {
        let mut c: Vec<String> = Vec::new();
        if let Some(q) = self.search.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let text = sql.bind(q.to_string());
            let code = sql.bind(q.to_uppercase());
            c.push(format!(
                "(instr(e.name, {text}) > 0 OR instr(e.credit_code, {code}) > 0
                  OR instr(e.principal, {text}) > 0 OR instr(e.controller, {text}) > 0)"
            ));
        }
        if let Some(v) = &self.village {
            c.push(format!("v.name = {}", sql.bind(v.clone())));
        }
        if let Some(s) = &self.sector {
            c.push(format!("e.sector = {}", sql.bind(s.clone())));
        }
        if self.high_risk {
            c.push("e.high_risk = 1".into());
        }
        if self.behind {
            c.push(super::inspection::behind_sql(sql, cadence, today).0);
        }
        if c.is_empty() { String::new() } else { format!(" WHERE {}", c.join(" AND ")) }
    }
}

impl Store {
    /// A page of enterprises in `sort` order, `offset` rows in.
    pub fn enterprise_list(
        &self,
        f: &EnterpriseFilter,
        sort: EnterpriseSort,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<EnterpriseRow>, StoreError> {
        let (today, cadence) = (self.today(), self.settings()?.inspection);
        let mut sql = Sql { text: String::new(), params: vec![today.to_string().into()] };
        let filter = f.where_clause(&mut sql, &cadence, today);
        let (limit, offset) = (sql.bind(limit as i64), sql.bind(offset as i64));
        sql.text = format!("{COLUMNS}{filter} ORDER BY {} LIMIT {limit} OFFSET {offset}", sort.order_by());
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(&sql.params), row)?;
        Ok(with_next(rows.collect::<Result<_, _>>()?, &cadence))
    }

    /// How many enterprises the filter lets through.
    pub fn enterprise_count(&self, f: &EnterpriseFilter) -> Result<i64, StoreError> {
        let mut sql = Sql::default();
        let filter = f.where_clause(&mut sql, &self.settings()?.inspection, self.today());
        sql.text = format!("SELECT count(*) FROM enterprises e LEFT JOIN units v ON v.id = e.village_id{filter}");
        Ok(self.conn.query_row(&sql.text, rusqlite::params_from_iter(&sql.params), |r| r.get(0))?)
    }

    /// The enterprise with this credit code (in any case), or else this exact name.
    pub fn enterprise(&self, key: &str) -> Result<EnterpriseDetail, StoreError> {
        let id = resolve(&self.conn, key)?;
        let text = format!("{COLUMNS} WHERE e.id = ?2");
        let today = self.today().to_string();
        let row = self.conn.prepare_cached(&text)?.query_row(rusqlite::params![today, id], row)?;
        let row = with_next(vec![row], &self.settings()?.inspection).remove(0);
        let mine = Filter { enterprise: Some(row.credit_code.clone()), ..Filter::default() };
        let page = |f: &Filter, limit| self.list(f, Sort::default(), &Page { after: None, limit });
        let hazards = page(&mine, HAZARDS_SHOWN)?;
        let mut listed = Vec::new();
        for h in page(&Filter { listed: true, ..mine.clone() }, INSPECTIONS_SHOWN)? {
            let supervision = super::supervision::of_hazard(&self.conn, h.id)?;
            listed.push((h, supervision));
        }
        Ok(EnterpriseDetail {
            hazard_total: self.count(&mine)?,
            not_notified: page(&Filter { not_notified: true, ..mine.clone() }, INSPECTIONS_SHOWN)?,
            inspections: self.inspections(Some(&row.credit_code), INSPECTIONS_SHOWN)?,
            events: self.enterprise_events(&row.credit_code)?,
            names: self.staff_names()?,
            listed,
            hazards,
            row,
        })
    }

    fn enterprise_events(&self, credit_code: &str) -> Result<Vec<EnterpriseEvent>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.at, x.actor, x.kind, x.field, x.from_value, x.to_value, x.note FROM enterprise_events x
             JOIN enterprises e ON e.id = x.enterprise_id WHERE e.credit_code = ?1 ORDER BY x.id",
        )?;
        let rows = stmt.query_map([credit_code], |r| {
            Ok(EnterpriseEvent {
                at: r.get(0)?,
                actor: r.get(1)?,
                kind: r.get(2)?,
                field: r.get(3)?,
                from: r.get(4)?,
                to: r.get(5)?,
                note: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Every enterprise's credit code, name and sector, by name: what a picker offers.
    pub fn enterprise_choices(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT credit_code, name, sector FROM enterprises ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
