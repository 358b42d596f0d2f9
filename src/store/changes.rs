//! What other people changed: the newest timeline events after a known one, for the
//! full screen's "who changed what" notice.

use rusqlite::params;

use super::{Store, StoreError};

/// One change seen in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenChange {
    pub actor: String,
    pub code: String,
    pub kind: String,
}

impl Store {
    /// The id of the newest timeline event (0 for an empty ledger).
    pub fn last_event_id(&self) -> Result<i64, StoreError> {
        Ok(self.conn.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM timeline")?.query_row([], |r| r.get(0))?)
    }

    /// Up to `limit` changes after event `after`, newest first, and how many there are in all.
    pub fn changes_after(&self, after: i64, limit: usize) -> Result<(Vec<SeenChange>, i64), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.actor, h.code, t.kind FROM timeline t JOIN hazards h ON h.id = t.hazard_id
             WHERE t.id > ?1 ORDER BY t.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            Ok(SeenChange { actor: r.get(0)?, code: r.get(1)?, kind: r.get(2)? })
        })?;
        let seen = rows.collect::<Result<Vec<_>, _>>()?;
        let total = self
            .conn
            .prepare_cached("SELECT count(*) FROM timeline WHERE id > ?1")?
            .query_row([after], |r| r.get(0))?;
        Ok((seen, total))
    }
}
