//! Head-led inspection rows: the enterprise, the day (not in the future), who led it —
//! the principal, or someone else with the reason — and the codes of its hazards found,
//! which must be that enterprise's.

use super::columns::Cells;
use super::{ImportOptions, Rows};
use crate::domain::dates;
use crate::store::StoreError;
use crate::store::import::{EnterpriseLookup, ImportSession, NewImportedInspection};
use crate::store::inspection::NewInspection;

/// The inspection import: the (enterprise, day, leader) each line of the file gave.
#[derive(Debug, Default)]
pub struct Inspections {
    seen: std::collections::HashMap<String, usize>,
}

impl Rows for Inspections {
    type Record = NewImportedInspection;

    fn check(
        &mut self,
        s: &mut ImportSession,
        c: &mut Cells,
        opts: &ImportOptions,
    ) -> Result<Option<NewImportedInspection>, StoreError> {
        let enterprise = enterprise(s, c)?;
        let date = c.date("date").filter(|d| {
            let problem = dates::business(*d, s.today(), None).err();
            if let Some(p) = problem {
                c.fail("date", c.lang.f("imp.why.date_rule", &[d, &c.lang.word("why", p.name())]));
            }
            problem.is_none()
        });
        let led_by = c.required("led_by");
        let instead = c.text("instead_reason");
        let (Some((id, principal)), Some(date), Some(led_by)) = (enterprise, date, led_by) else { return Ok(None) };
        let key = format!("{id}|{date}|{led_by}");
        if let Some(first) = super::enterprises::seen_before(&mut self.seen, &key, c.line()) {
            c.fail("date", c.lang.f("imp.why.inspection_repeated", &[&first]));
            return Ok(None);
        }
        if !opts.allow_duplicates && s.inspection_recorded(id, date, led_by)? {
            c.fail("date", c.lang.t("imp.why.inspection_in_ledger").to_string());
            return Ok(None);
        }
        let by_principal = !principal.is_empty() && principal == led_by;
        if !by_principal && instead.is_empty() {
            c.fail("led_by", c.lang.f("imp.why.not_principal", &[&led_by, &principal]));
            return Ok(None);
        }
        let hazards: Vec<String> = c
            .text("hazards")
            .split([' ', ',', '，', '、', ';', '；'])
            .filter(|h| !h.is_empty())
            .map(String::from)
            .collect();
        for code in &hazards {
            if !s.hazard_of(code, id)? {
                c.fail("hazards", c.lang.f("imp.why.not_its_hazard", &[code]));
                return Ok(None);
            }
        }
        let inspection = NewInspection {
            enterprise: String::new(),
            date: Some(date),
            led_by: led_by.to_string(),
            instead_reason: if by_principal { String::new() } else { instead.to_string() },
            scope: c.text("scope").to_string(),
            findings: c.text("findings").to_string(),
            hazards,
        };
        Ok(Some(NewImportedInspection { enterprise_id: id, by_principal, inspection }))
    }

    fn insert(&mut self, s: &mut ImportSession, record: NewImportedInspection, _note: &str) -> Result<(), StoreError> {
        s.add_inspection(&record).map(drop)
    }
}

/// The enterprise's id and principal.
fn enterprise(s: &mut ImportSession, c: &mut Cells) -> Result<Option<(i64, String)>, StoreError> {
    let Some(key) = c.required("enterprise") else { return Ok(None) };
    let key = if key.len() == 18 && key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        key.to_ascii_uppercase()
    } else {
        key.to_string()
    };
    let why = match s.enterprise(&key)? {
        EnterpriseLookup::Found { id, .. } => return Ok(Some((id, s.principal_of(id)?))),
        EnterpriseLookup::Unknown => "imp.why.unknown_enterprise",
        EnterpriseLookup::Ambiguous => "imp.why.ambiguous_enterprise",
    };
    c.fail("enterprise", c.lang.f(why, &[&key]));
    Ok(None)
}
