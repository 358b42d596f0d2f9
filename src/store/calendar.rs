//! The statutory calendar as the ledger sees it: the cadence kept in the ledger, the
//! consultations already held, and the follow-up actions coming due.

use chrono::Duration;

use super::consultation::ActionFilter;
use super::{Store, StoreError};
use crate::domain::calendar::{Cadence, Due, Duty, statutory};
use crate::domain::permission::Write;

/// The meta key holding the cadence as JSON.
const CADENCE_KEY: &str = "cadence";

impl Store {
    /// The ledger's cadence (defaults for whatever it does not set).
    pub fn cadence(&self) -> Result<Cadence, StoreError> {
        let Some(text) = self.meta(CADENCE_KEY)? else { return Ok(Cadence::default()) };
        serde_json::from_str(&text).map_err(|e| StoreError::Invalid {
            field: "cadence",
            value: text,
            why: e.to_string(),
        })
    }

    /// Keeps a new cadence in the ledger (officers and admins).
    pub fn set_cadence(&mut self, c: &Cadence) -> Result<(), StoreError> {
        if let Some(field) = c.invalid_field() {
            let value = serde_json::to_value(c).ok().and_then(|v| v.get(field).map(|x| x.to_string()));
            return Err(StoreError::Invalid { field, value: value.unwrap_or_default(), why: "range".into() });
        }
        let text = serde_json::to_string(c).map_err(|e| StoreError::Invalid {
            field: "cadence",
            value: String::new(),
            why: e.to_string(),
        })?;
        let tx = self.begin(Write::Consult)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            rusqlite::params![CADENCE_KEY, text],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The statutory duties and the follow-up actions due up to the horizon (late ones
    /// included), in date order.
    pub fn calendar(&self) -> Result<Vec<Due>, StoreError> {
        let today = self.today();
        let cadence = self.cadence()?;
        let held: Vec<_> = self.consultation_quarters()?.into_iter().filter(|(_, h)| *h).map(|(q, _)| q).collect();
        let mut out = statutory(today, &cadence, &held);
        let due_by = today + Duration::days(cadence.horizon_days);
        for a in self.actions(&ActionFilter { due_by: Some(due_by), ..ActionFilter::default() })? {
            let duty = Duty::Action {
                id: a.id,
                quarter: a.quarter,
                title: a.title,
                lead_unit: a.lead_unit,
                assignee: a.assignee_name.or(a.assignee).unwrap_or_default(),
            };
            out.push(Due::new(a.due_on, today, duty));
        }
        out.sort_by_key(|d| d.date);
        Ok(out)
    }
}
