//! Small read models for the work queues: the sign-offs of each hazard's current
//! round, and the document number the next escalation will receive.

use chrono::Datelike;
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::domain::status::SignOff;
use crate::domain::{Escalation, Verdict, VerifierRole, doc_no};

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
        let year = self.today().year();
        let prefix = self.meta("doc_prefix")?.unwrap_or_else(|| "官安".to_string());
        let last: Option<i64> = self
            .conn
            .query_row("SELECT last FROM sequences WHERE name = ?1", [format!("doc:{}:{year}", level.as_str())], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(doc_no(&prefix, level, year, (last.unwrap_or(0) + 1) as u32))
    }
}
