//! Enterprise rows: the credit code and its check character, duplicates in the file
//! and in the ledger, and the villages and departments they bring.

use std::collections::HashMap;

use super::columns::Cells;
use super::{ImportOptions, Rows};
use crate::domain::UnitKind;
use crate::domain::credit_code::{CodeError, validate};
use crate::i18n::Lang;
use crate::store::StoreError;
use crate::store::import::{ImportSession, NewEnterprise};

/// The enterprise import: what the file has shown so far.
#[derive(Debug, Default)]
pub struct Enterprises {
    /// Credit code → the line that first had it.
    codes: HashMap<String, usize>,
    /// Name → the line that first had it.
    names: HashMap<String, usize>,
    /// Units this file will create, with the kind their first row gave them.
    new_units: HashMap<String, UnitKind>,
    /// Sectors the ledger has or this file brings.
    sectors: HashMap<String, bool>,
}

impl Rows for Enterprises {
    type Record = NewEnterprise;

    fn check(
        &mut self,
        s: &mut ImportSession,
        c: &mut Cells,
        opts: &ImportOptions,
    ) -> Result<Option<NewEnterprise>, StoreError> {
        let credit_code = self.credit_code(s, c)?;
        let name = self.name(s, c)?;
        let sector = self.sector(s, c)?;
        let village = self.unit(s, c, "village", UnitKind::Village, opts.create_units)?;
        let department = self.unit(s, c, "department", UnitKind::Department, opts.create_units)?;
        let high_risk = c.yes_no("high_risk");
        let (Some(credit_code), Some(name), Some(sector), Some(high_risk)) = (credit_code, name, sector, high_risk)
        else {
            return Ok(None);
        };
        Ok(Some(NewEnterprise {
            credit_code,
            name: name.to_string(),
            sector: sector.to_string(),
            high_risk,
            village,
            department,
            principal: c.text("principal").to_string(),
            principal_phone: c.text("principal_phone").to_string(),
            controller: c.text("controller").to_string(),
            controller_phone: c.text("controller_phone").to_string(),
            address: c.text("address").to_string(),
        }))
    }

    fn insert(&mut self, s: &mut ImportSession, record: NewEnterprise, _note: &str) -> Result<(), StoreError> {
        s.add_enterprise(&record).map(drop)
    }
}

/// The line that first had `key`, else records this one.
pub fn seen_before(seen: &mut HashMap<String, usize>, key: &str, line: usize) -> Option<usize> {
    match seen.get(key) {
        Some(first) => Some(*first),
        None => {
            seen.insert(key.to_string(), line);
            None
        }
    }
}

/// Why a credit code is refused, in words.
fn code_reason(lang: Lang, e: &CodeError) -> String {
    match e {
        CodeError::Length(n) => lang.f("imp.why.code_length", &[n]),
        CodeError::BadChar(ch) => lang.f("imp.why.code_char", &[ch]),
        CodeError::CheckChar { expected, found } => lang.f("imp.why.code_check", &[expected, found]),
    }
}

impl Enterprises {
    /// The credit code (upper case), valid and new.
    fn credit_code(&mut self, s: &ImportSession, c: &mut Cells) -> Result<Option<String>, StoreError> {
        let Some(raw) = c.required("credit_code") else { return Ok(None) };
        let code = raw.to_ascii_uppercase();
        if let Err(e) = validate(&code) {
            c.fail("credit_code", code_reason(c.lang, &e));
            return Ok(None);
        }
        if let Some(first) = seen_before(&mut self.codes, &code, c.line()) {
            c.fail("credit_code", c.lang.f("imp.why.duplicate", &[&code, &first]));
            return Ok(None);
        }
        if s.credit_code_taken(&code)? {
            c.fail("credit_code", c.lang.f("imp.why.in_ledger", &[&code]));
            return Ok(None);
        }
        Ok(Some(code))
    }

    /// The name, new in the file and the ledger (hazard rows may name it).
    fn name<'a>(&mut self, s: &ImportSession, c: &mut Cells<'a>) -> Result<Option<&'a str>, StoreError> {
        let Some(name) = c.required("name") else { return Ok(None) };
        if let Some(first) = seen_before(&mut self.names, name, c.line()) {
            c.fail("name", c.lang.f("imp.why.duplicate", &[&name, &first]));
            return Ok(None);
        }
        if s.enterprise_name_taken(name)? {
            c.fail("name", c.lang.f("imp.why.in_ledger", &[&name]));
            return Ok(None);
        }
        Ok(Some(name))
    }

    /// The sector: one of the catalogue's, the ledger's own, or one an enterprise already has.
    fn sector<'a>(&mut self, s: &ImportSession, c: &mut Cells<'a>) -> Result<Option<&'a str>, StoreError> {
        let Some(sector) = c.required("sector") else { return Ok(None) };
        let known = match self.sectors.get(sector) {
            Some(known) => *known,
            None => s.sector_known(sector)?,
        };
        if !known {
            c.fail("sector", c.lang.f("imp.why.new_sector", &[&sector]));
            return Ok(None);
        }
        self.sectors.insert(sector.to_string(), true);
        Ok(Some(sector))
    }

    /// A village or department by name: known with this kind, or to be created when
    /// asked for.
    fn unit(
        &mut self,
        s: &mut ImportSession,
        c: &mut Cells,
        id: &str,
        kind: UnitKind,
        create: bool,
    ) -> Result<Option<String>, StoreError> {
        let name = c.text(id);
        if name.is_empty() {
            return Ok(None);
        }
        let existing = match s.unit(name)? {
            Some((_, k)) => Some(k),
            None => self.new_units.get(name).copied(),
        };
        match existing {
            Some(k) if k != kind => {
                let lang = c.lang;
                let word = |k: UnitKind| lang.word("imp.unit", k.as_str());
                c.fail(id, lang.f("imp.why.unit_kind", &[&name, &word(k), &word(kind)]));
                return Ok(None);
            }
            Some(_) => {}
            None if !create => {
                let word = c.lang.word("imp.unit", kind.as_str());
                c.fail(id, c.lang.f("imp.why.new_unit", &[&word, &name]));
                return Ok(None);
            }
            None => {
                self.new_units.insert(name.to_string(), kind);
            }
        }
        Ok(Some(name.to_string()))
    }
}
