//! Hazard rows: a known enterprise (never a guess), valid dates, known owner and
//! assignee, a new code or the next one, and the status gates of the domain.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::columns::Cells;
use super::enterprises::seen_before;
use super::{ImportOptions, Rows};
use crate::domain::status::{GateError, start_rectifying, submit};
use crate::domain::{Grade, Plan, Source, Status};
use crate::i18n::gate_error;
use crate::store::StoreError;
use crate::store::import::{EnterpriseLookup, ImportSession};
use crate::store::write::register::HazardRecord;

/// The hazard import: the codes the file gives, with the line that first gave each.
#[derive(Debug, Default)]
pub struct Hazards {
    codes: HashMap<String, usize>,
    /// Enterprise, title and day found → the line that first had them.
    same: HashMap<(i64, String, NaiveDate), usize>,
}

impl Rows for Hazards {
    type Record = HazardRecord;

    fn check(
        &mut self,
        s: &mut ImportSession,
        c: &mut Cells,
        opts: &ImportOptions,
    ) -> Result<Option<HazardRecord>, StoreError> {
        let code = self.code(s, c)?;
        let enterprise = enterprise(s, c)?;
        let title = c.required("title");
        let grade = c.required("grade").and_then(|_| c.word("grade", "grade", Grade::ALL, Grade::as_str));
        let source = c.required("source").and_then(|_| c.word("source", "source", Source::ALL, Source::as_str));
        let (discovered_on, deadline) = dates(s.today(), c);
        let owner_unit_id = owner(s, c)?;
        let assignee = assignee(s, c)?;
        let plan = plan(c);
        let status = status(c, grade, &plan);
        let standard_ref = standard(c);
        let (Some((enterprise_id, village_id, sector)), Some(title), Some(grade), Some(source), Some(standard_ref)) =
            (enterprise, title, grade, source, standard_ref)
        else {
            return Ok(None);
        };
        let (Some(discovered_on), Some(deadline)) = (discovered_on, deadline) else { return Ok(None) };
        if !opts.allow_duplicates && self.seen(s, c, (enterprise_id, title.to_string(), discovered_on))? {
            return Ok(None);
        }
        let Some(sector) = known_sector(s, c, sector)? else { return Ok(None) };
        Ok(Some(HazardRecord {
            code,
            enterprise_id,
            village_id,
            title: title.to_string(),
            description: c.text("description").to_string(),
            grade,
            sector,
            standard_ref,
            source,
            discovered_on,
            deadline,
            status,
            plan,
            owner_unit_id,
            assignee,
            escalation_level: 0,
            listed_unit: String::new(),
            stopped_production: false,
            round: 1,
            last_progress_on: discovered_on,
            created_at: s.now().to_string(),
            closed_at: None,
        }))
    }

    fn insert(&mut self, s: &mut ImportSession, mut record: HazardRecord, note: &str) -> Result<(), StoreError> {
        if record.code.is_empty() {
            record.code = s.next_code(record.discovered_on.year(), |code| self.codes.contains_key(code))?;
        }
        s.add_hazard(&record, note).map(drop)
    }
}

impl Hazards {
    /// Whether the ledger or an earlier line has this hazard (same enterprise, title
    /// and day found); the problem names which.
    fn seen(&mut self, s: &ImportSession, c: &mut Cells, key: (i64, String, NaiveDate)) -> Result<bool, StoreError> {
        if let Some(code) = s.same_hazard(key.0, &key.1, key.2)? {
            c.fail("title", c.lang.f("imp.why.same_hazard", &[&code]));
            return Ok(true);
        }
        if let Some(first) = self.same.get(&key) {
            c.fail("title", c.lang.f("imp.why.same_hazard_line", &[first]));
            return Ok(true);
        }
        self.same.insert(key, c.line());
        Ok(false)
    }

    /// The given code, new in the file and the ledger; empty when the row gives none.
    fn code(&mut self, s: &ImportSession, c: &mut Cells) -> Result<String, StoreError> {
        let code = c.text("code");
        if code.is_empty() {
            return Ok(String::new());
        }
        if let Some(first) = seen_before(&mut self.codes, code, c.line()) {
            c.fail("code", c.lang.f("imp.why.duplicate", &[&code, &first]));
        } else if s.hazard_code_taken(code)? {
            c.fail("code", c.lang.f("imp.why.in_ledger", &[&code]));
        }
        Ok(code.to_string())
    }
}

/// The enterprise by credit code or exact name: id, village id and sector.
fn enterprise(s: &mut ImportSession, c: &mut Cells) -> Result<Option<(i64, i64, String)>, StoreError> {
    let Some(key) = c.required("enterprise") else { return Ok(None) };
    // a credit code typed in lower case is still that code
    let key = if key.len() == 18 && key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        key.to_ascii_uppercase()
    } else {
        key.to_string()
    };
    let why = match s.enterprise(&key)? {
        EnterpriseLookup::Found { id, village_id, sector } => return Ok(Some((id, village_id, sector))),
        EnterpriseLookup::Unknown => "imp.why.unknown_enterprise",
        EnterpriseLookup::Ambiguous => "imp.why.ambiguous_enterprise",
    };
    c.fail("enterprise", c.lang.f(why, &[&key]));
    Ok(None)
}

/// Found on or before today and not before 2000; the deadline not before it was found
/// nor more than ten years ahead.
fn dates(today: NaiveDate, c: &mut Cells) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let found = c.date("discovered_on");
    let deadline = c.date("deadline");
    let rule = |c: &mut Cells, id: &str, d: NaiveDate, p: crate::domain::dates::DateProblem| {
        c.fail(id, c.lang.f("imp.why.date_rule", &[&d, &c.lang.word("why", p.name())]));
    };
    if let Some(f) = found.filter(|f| *f < crate::domain::dates::earliest()) {
        rule(c, "discovered_on", f, crate::domain::dates::DateProblem::Before2000);
        return (None, deadline);
    }
    if let Some((d, p)) = deadline.and_then(|d| Some((d, crate::domain::dates::deadline(d, today).err()?))) {
        rule(c, "deadline", d, p);
        return (found, None);
    }
    if let Some(f) = found.filter(|f| *f > today) {
        c.fail("discovered_on", c.lang.f("imp.why.future", &[&f, &today]));
        return (None, deadline);
    }
    if let (Some(f), Some(d)) = (found, deadline.filter(|d| Some(*d) < found)) {
        c.fail("deadline", c.lang.f("imp.why.before_found", &[&d, &f]));
        return (found, None);
    }
    (found, deadline)
}

/// The row's sector (the enterprise's when the row gives none), which an enterprise
/// in the ledger must have.
fn known_sector(s: &ImportSession, c: &mut Cells, enterprise_sector: String) -> Result<Option<String>, StoreError> {
    let given = c.text("sector");
    if given.is_empty() || given == enterprise_sector {
        return Ok(Some(enterprise_sector));
    }
    if !s.sector_known(given)? {
        c.fail("sector", c.lang.f("imp.why.unknown_sector", &[&given]));
        return Ok(None);
    }
    Ok(Some(given.to_string()))
}

/// The clause of the judgment-standard catalogue the row names, as the catalogue cites it
/// ("" when none is given).
fn standard(c: &mut Cells) -> Option<String> {
    let given = c.text("standard_ref");
    if given.is_empty() {
        return Some(String::new());
    }
    let found = crate::domain::standards::find(given).map(|f| f.reference());
    if found.is_none() {
        c.fail("standard_ref", c.lang.f("imp.why.not_in_catalogue", &[&given]));
    }
    found
}

/// The owner department, which must exist.
fn owner(s: &mut ImportSession, c: &mut Cells) -> Result<Option<i64>, StoreError> {
    let name = c.text("owner");
    if name.is_empty() {
        return Ok(None);
    }
    let id = s.owner(name)?;
    if id.is_none() {
        c.fail("owner", c.lang.f("imp.why.unknown_unit", &[&name]));
    }
    Ok(id)
}

/// The assignee's login, which must be on the staff.
fn assignee(s: &mut ImportSession, c: &mut Cells) -> Result<Option<String>, StoreError> {
    let login = c.text("assignee");
    if login.is_empty() {
        return Ok(None);
    }
    if !s.staff(login)? {
        c.fail("assignee", c.lang.f("imp.why.unknown_staff", &[&login]));
        return Ok(None);
    }
    Ok(Some(login.to_string()))
}

/// The five-part plan, from the plan columns.
fn plan(c: &Cells) -> Plan {
    Plan {
        responsible: c.text("plan_responsible").to_string(),
        measures: c.text("plan_measures").to_string(),
        funds: c.text("plan_funds").to_string(),
        deadline: c.text("plan_deadline").to_string(),
        contingency: c.text("plan_contingency").to_string(),
    }
}

/// The status (default registered), allowed only as far as the domain's gates let a
/// hazard go; closed is refused, since a close-out needs the three sign-offs.
fn status(c: &mut Cells, grade: Option<Grade>, plan: &Plan) -> Status {
    if c.text("status").is_empty() {
        return Status::Registered;
    }
    let Some(status) = c.word("status", "status", Status::ALL, Status::as_str) else { return Status::Registered };
    if status == Status::Closed {
        c.fail("status", c.lang.t("imp.why.closed").to_string());
        return status;
    }
    let Some(grade) = grade else { return status };
    let gate: Result<Status, GateError> = match status {
        Status::Registered => Ok(status),
        Status::Rectifying => start_rectifying(Status::Registered, grade, plan),
        Status::Verifying | Status::Closed => start_rectifying(Status::Registered, grade, plan).and_then(submit),
    };
    if let Err(g) = gate {
        c.fail("status", gate_error(c.lang, &g));
    }
    status
}
