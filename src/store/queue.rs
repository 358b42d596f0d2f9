//! Small read models for the work queues: the sign-offs of each hazard's current
//! round, and the document number the next escalation will receive.

use chrono::Datelike;
use rusqlite::params;

use super::{Store, StoreError};
use crate::domain::status::SignOff;
use crate::domain::{Escalation, Verdict, VerifierRole};

impl Store {
    /// The sign-offs recorded in the current round of each `(hazard id, round)`.
    pub fn round_sign_offs(&self, hazards: &[(i64, i64)]) -> Result<Vec<(i64, Vec<SignOff>)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT role, verdict FROM verifications WHERE hazard_id = ?1 AND round = ?2 ORDER BY id",
        )?;
        let mut out = Vec::with_capacity(hazards.len());
        for (id, round) in hazards {
            let rows = stmt.query_map(params![id, round], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            let mut signed = Vec::new();
            for row in rows {
                let (role, verdict) = row?;
                if let (Some(role), Some(verdict)) = (VerifierRole::parse(&role), Verdict::parse(&verdict)) {
                    signed.push(SignOff { role, verdict });
                }
            }
            out.push((*id, signed));
        }
        Ok(out)
    }

    /// The document number the next escalation to `level` this year will receive.
    pub fn next_doc_no(&self, level: Escalation) -> Result<String, StoreError> {
        let prefix = super::write::doc_prefix(&self.conn)?;
        Ok(super::write::doc_number(&self.conn, &prefix, level, self.clock.write_today().year(), false)?)
    }
}
