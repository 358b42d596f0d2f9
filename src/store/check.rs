//! `anwei check` and `anwei backup`: integrity, counters, state against timeline.

use std::path::Path;

use serde::Serialize;

use rusqlite::OptionalExtension;

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
           SELECT month, grade, stock, SUM(f) AS found, SUM(c) AS closed FROM (
             SELECT substr(discovered_on, 1, 7) AS month, grade, discovered_on <= '2023-12-31' AS stock, 1 AS f, 0 AS c
             FROM hazards
             UNION ALL SELECT substr(closed_at, 1, 7), grade, discovered_on <= '2023-12-31', 0, 1 FROM hazards
             WHERE closed_at IS NOT NULL
           ) GROUP BY month, grade, stock
         ) d FULL OUTER JOIN (SELECT * FROM hazard_months WHERE found <> 0 OR closed <> 0) m USING (month, grade, stock)
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
           SELECT MAX(level) FROM escalations x WHERE x.hazard_id = h.id
           AND x.doc_no NOT IN (SELECT doc_no FROM withdrawn_documents)), 0)",
    ),
    (
        "closed_sign_offs",
        "SELECT count(*) FROM hazards h WHERE h.status = 'closed' AND (
           SELECT count(DISTINCT role) FROM verifications v
           WHERE v.hazard_id = h.id AND v.round = h.round AND v.verdict = 'pass') < 3",
    ),
    ("foreign_keys", "SELECT count(*) FROM pragma_foreign_key_check"),
];

/// Tampering the timeline would show: each query lists the hazards (by code) whose state
/// is not what their audited events say.
const HAZARD_RULES: &[(&str, &str)] = &[
    (
        "documents_without_event",
        "SELECT DISTINCT h.code FROM escalations x JOIN hazards h ON h.id = x.hazard_id WHERE NOT EXISTS (
           SELECT 1 FROM timeline t WHERE t.hazard_id = x.hazard_id AND t.field = 'escalation_level'
           AND t.to_value = CAST(x.level AS TEXT) AND (t.note = x.doc_no OR t.note LIKE x.doc_no || ' %'))",
    ),
    (
        "events_without_document",
        "SELECT DISTINCT h.code FROM timeline t JOIN hazards h ON h.id = t.hazard_id
         WHERE t.field = 'escalation_level' AND t.kind <> 'undone' AND NOT EXISTS (
           SELECT 1 FROM escalations x WHERE x.hazard_id = t.hazard_id AND x.level = CAST(t.to_value AS INTEGER))",
    ),
];

/// The fields whose value must be the one their last event set, or, with no event, the
/// one the hazard was created with.
const OPENING_FIELDS: [&str; 7] =
    ["deadline", "assignee", "plan_responsible", "plan_measures", "plan_funds", "plan_deadline", "plan_contingency"];

/// The hazards (by code) whose `field` is not what its events, or its opening, say.
fn field_rule(field: &str) -> String {
    format!(
        "SELECT h.code FROM hazards h LEFT JOIN hazard_openings o ON o.hazard_id = h.id
         WHERE COALESCE(h.{field}, '') IS NOT COALESCE((SELECT to_value FROM timeline t
           WHERE t.hazard_id = h.id AND t.field = '{field}' ORDER BY t.id DESC LIMIT 1), o.{field}, '')"
    )
}

/// Staff whose role is not the one their last audited change gave them.
const STAFF_RULE: &str = "SELECT s.login FROM staff s WHERE s.role IS NOT (
    SELECT to_value FROM ledger_events e WHERE e.kind = 'staff' AND e.field = s.login ORDER BY e.id DESC LIMIT 1)";

/// Settings whose value is not the one their last recorded change set.
const SETTINGS_RULE: &str = "SELECT s.key FROM settings s WHERE s.value IS NOT (
    SELECT to_value FROM ledger_events e WHERE e.kind = 'setting' AND e.field = s.key ORDER BY e.id DESC LIMIT 1)";

/// How many names a finding lists.
const NAMED: usize = 10;

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
        findings.extend(self.guards()?);
        let broken = self.broken_attachments()?;
        if !broken.is_empty() {
            findings.push(Finding { what: "attachments".into(), detail: broken.join(" ") });
        }
        let fields = OPENING_FIELDS.iter().map(|f| (format!("{f}_timeline"), field_rule(f)));
        let fixed = [("staff_roles", STAFF_RULE), ("settings", SETTINGS_RULE)];
        let fixed = HAZARD_RULES.iter().chain(&fixed).map(|(name, sql)| (name.to_string(), sql.to_string()));
        for (name, sql) in fields.chain(fixed) {
            let names = self.names(&sql)?;
            if !names.is_empty() {
                findings.push(Finding { what: name, detail: named(&names) });
            }
        }
        Ok(findings)
    }

    /// The append-only guards: each present and as the migrations made it.
    fn guards(&self) -> Result<Vec<Finding>, StoreError> {
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out = Vec::new();
        for (name, want) in super::schema::guard_triggers() {
            let have: Option<String> = self
                .conn
                .query_row("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))
                .optional()?;
            let detail = match have {
                None => "missing",
                Some(sql) if squeeze(&sql) != squeeze(&want) => "changed",
                Some(_) => continue,
            };
            out.push(Finding { what: "guard".into(), detail: format!("{name} {detail}") });
        }
        Ok(out)
    }

    fn names(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
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

/// How many, and the first of them by name.
fn named(names: &[String]) -> String {
    let first: Vec<&str> = names.iter().take(NAMED).map(String::as_str).collect();
    let more = if names.len() > NAMED { " …" } else { "" };
    format!("{}: {}{more}", names.len(), first.join(" "))
}
