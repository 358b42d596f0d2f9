//! `anwei check` and `anwei backup`: integrity, counters, state against timeline.

use std::path::Path;

use serde::Serialize;

use super::{Store, StoreError};

/// One finding of the check; an empty list means all is well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub what: String,
    pub detail: String,
}

/// Direct counts that must equal the trigger-kept counters, and the state–timeline rules.
const RULES: &[(&str, &str)] = &[
    (
        "tally",
        "SELECT count(*) FROM (
           SELECT village_id, sector, source, grade, status, discovered_on <= '2023-12-31' AS stock, count(*) AS n
           FROM hazards GROUP BY 1, 2, 3, 4, 5, 6
         ) d FULL OUTER JOIN (SELECT * FROM hazard_tally WHERE n <> 0) t
           USING (village_id, sector, source, grade, status, stock)
         WHERE d.n IS NOT t.n",
    ),
    (
        "months",
        "SELECT count(*) FROM (
           SELECT month, grade, SUM(f) AS found, SUM(c) AS closed FROM (
             SELECT substr(discovered_on, 1, 7) AS month, grade, 1 AS f, 0 AS c FROM hazards
             UNION ALL SELECT substr(closed_at, 1, 7), grade, 0, 1 FROM hazards WHERE closed_at IS NOT NULL
           ) GROUP BY month, grade
         ) d FULL OUTER JOIN (SELECT * FROM hazard_months WHERE found <> 0 OR closed <> 0) m USING (month, grade)
         WHERE d.found IS NOT m.found OR d.closed IS NOT m.closed",
    ),
    (
        "due",
        "SELECT count(*) FROM (
           SELECT deadline, escalation_level AS level, count(*) AS n FROM hazards WHERE status <> 'closed' GROUP BY 1, 2
         ) d FULL OUTER JOIN (SELECT * FROM hazard_due WHERE n <> 0) c USING (deadline, level)
         WHERE d.n IS NOT c.n",
    ),
    (
        "status_timeline",
        "SELECT count(*) FROM hazards h WHERE h.status IS NOT (
           SELECT to_value FROM timeline t WHERE t.hazard_id = h.id AND t.field = 'status' ORDER BY t.id DESC LIMIT 1)",
    ),
    (
        "escalation_timeline",
        "SELECT count(*) FROM hazards h WHERE h.escalation_level <> COALESCE((
           SELECT CAST(to_value AS INTEGER) FROM timeline t WHERE t.hazard_id = h.id AND t.field = 'escalation_level'
           ORDER BY t.id DESC LIMIT 1), 0)",
    ),
    (
        "escalation_documents",
        "SELECT count(*) FROM hazards h WHERE h.escalation_level <> COALESCE((
           SELECT MAX(level) FROM escalations x WHERE x.hazard_id = h.id), 0)",
    ),
    (
        "closed_sign_offs",
        "SELECT count(*) FROM hazards h WHERE h.status = 'closed' AND (
           SELECT count(DISTINCT role) FROM verifications v
           WHERE v.hazard_id = h.id AND v.round = h.round AND v.verdict = 'pass') < 3",
    ),
    ("foreign_keys", "SELECT count(*) FROM pragma_foreign_key_check"),
];

impl Store {
    /// Runs every check; returns the findings (empty when the ledger is sound).
    pub fn check(&self) -> Result<Vec<Finding>, StoreError> {
        let mut findings = Vec::new();
        let integrity: String = self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            findings.push(Finding { what: "integrity".into(), detail: integrity });
        }
        for (name, sql) in RULES {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            if n != 0 {
                findings.push(Finding { what: (*name).into(), detail: n.to_string() });
            }
        }
        Ok(findings)
    }

    /// An online backup to `dest` (which must not exist) through `VACUUM INTO`.
    pub fn backup(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::Exists { what: "file", value: dest.display().to_string() });
        }
        let dest = dest.to_string_lossy().to_string();
        self.conn.execute("VACUUM INTO ?1", [dest])?;
        Ok(())
    }
}
