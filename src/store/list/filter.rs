//! List filters and the SQL they become.

use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use serde::Serialize;

use crate::domain::escalation::Thresholds;
use crate::domain::{Grade, Source, Status};

/// SQL text with its positional parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sql {
    pub text: String,
    pub params: Vec<Value>,
}

impl Sql {
    /// Adds a parameter and returns its placeholder (`?3`).
    pub fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }
}

/// Which hazards a list shows. Every field narrows; the default shows all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filter {
    pub status: Option<Status>,
    /// Open hazards only (any status but closed).
    pub open: bool,
    pub overdue: bool,
    pub due_within: Option<i64>,
    pub village: Option<String>,
    pub sector: Option<String>,
    pub source: Option<Source>,
    pub grade: Option<Grade>,
    pub assignee: Option<String>,
    pub stock: bool,
    pub escalation_queue: bool,
    pub awaiting_verification: bool,
    /// Matches code, title, enterprise name, or the wording of the hazard's clause.
    pub search: Option<String>,
    /// Found within these dates (inclusive).
    pub discovered: Option<(NaiveDate, NaiveDate)>,
    /// Closed within these dates (inclusive).
    pub closed: Option<(NaiveDate, NaiveDate)>,
    /// Exactly this hazard.
    pub code: Option<String>,
    /// `open` and `overdue` as they stood at the end of this day (default: now). A hazard
    /// counts as open on a day when it was found by then and not closed by then.
    pub as_of: Option<NaiveDate>,
    /// The enterprise with this credit code.
    pub enterprise: Option<String>,
    /// Escalated (a document issued) within these dates (inclusive) …
    pub escalated: Option<(NaiveDate, NaiveDate)>,
    /// … at this level (1–4) only.
    pub escalated_level: Option<u8>,
    /// A sign-off failed within these dates (inclusive).
    pub failed_sign_off: Option<(NaiveDate, NaiveDate)>,
    /// Open major hazards whose principal or controller has not been notified.
    pub not_notified: bool,
    /// Listed for supervision (挂牌督办).
    pub listed: bool,
    /// Under a stopped-production order.
    pub stopped: bool,
    /// With a resumption application awaiting its on-site review.
    pub review_pending: bool,
}

/// The deadlines at or before which a hazard reaches each escalation level, and the
/// last-progress date at or before which it counts as stalled.
pub fn cutoffs(today: NaiveDate, t: &Thresholds) -> ([String; 4], String) {
    let d = |days: i64| (today - Duration::days(days)).to_string();
    (t.overdue_days.map(d), d(t.stalled_days))
}

/// The recommended level as SQL (agrees with `domain::escalation::recommend`).
fn recommended_sql(sql: &mut Sql, today: NaiveDate, t: &Thresholds) -> String {
    let (levels, stalled) = cutoffs(today, t);
    let parts: Vec<String> = levels.into_iter().map(|d| format!("(h.deadline <= {})", sql.bind(d))).collect();
    let stalled = sql.bind(stalled);
    format!("MAX({}, h.last_progress_on <= {stalled})", parts.join(" + "))
}

impl Filter {
    /// The WHERE clause (empty when nothing narrows), binding its values into `sql`.
    pub fn where_clause(&self, sql: &mut Sql, today: NaiveDate, t: &Thresholds) -> String {
        let mut c: Vec<String> = Vec::new();
        let open = self.open || self.overdue || self.due_within.is_some() || self.escalation_queue;
        match (open, self.as_of) {
            (false, _) => {}
            (true, None) => c.push("h.status <> 'closed'".into()),
            (true, Some(day)) => {
                let (d, end) = (sql.bind(day.to_string()), sql.bind(format!("{day} 23:59:59")));
                c.push(format!("h.discovered_on <= {d} AND (h.closed_at IS NULL OR h.closed_at > {end})"));
            }
        }
        if let Some(s) = self.status {
            c.push(format!("h.status = {}", sql.bind(s.as_str().to_string())));
        }
        if self.awaiting_verification {
            c.push("h.status = 'verifying'".into());
        }
        if self.overdue {
            c.push(format!("h.deadline < {}", sql.bind(self.as_of.unwrap_or(today).to_string())));
        }
        if let Some(days) = self.due_within {
            let from = sql.bind(today.to_string());
            let to = sql.bind((today + Duration::days(days)).to_string());
            c.push(format!("h.deadline >= {from} AND h.deadline <= {to}"));
        }
        if let Some(v) = &self.village {
            // The empty name stands for hazards of enterprises in no village.
            let p = sql.bind(v.clone());
            c.push(format!("h.village_id = COALESCE((SELECT id FROM units WHERE name = {p}), IIF({p} = '', 0, -1))"));
        }
        self.push_eq(&mut c, sql, "h.code", self.code.clone());
        self.push_eq(&mut c, sql, "h.sector", self.sector.clone());
        self.push_eq(&mut c, sql, "h.source", self.source.map(|s| s.as_str().to_string()));
        self.push_eq(&mut c, sql, "h.grade", self.grade.map(|s| s.as_str().to_string()));
        self.push_eq(&mut c, sql, "h.assignee", self.assignee.clone());
        if self.stock {
            c.push(format!("h.discovered_on <= {}", sql.bind(crate::domain::stock_cutoff().to_string())));
        }
        if self.escalation_queue {
            c.push(format!("{} > h.escalation_level", recommended_sql(sql, today, t)));
        }
        if let Some(s) = self.search.as_deref().filter(|s| !s.trim().is_empty()) {
            let p = sql.bind(format!("%{}%", escape_like(s.trim())));
            let clauses = clause_refs(sql, s);
            c.push(format!(
                "(h.code LIKE {p} ESCAPE '\\' OR h.title LIKE {p} ESCAPE '\\' OR e.name LIKE {p} ESCAPE '\\'{clauses})"
            ));
        }
        if let Some((a, b)) = self.discovered {
            c.push(format!("h.discovered_on BETWEEN {} AND {}", sql.bind(a.to_string()), sql.bind(b.to_string())));
        }
        if let Some((a, b)) = self.closed {
            let end = format!("{b} 23:59:59");
            c.push(format!("h.closed_at BETWEEN {} AND {}", sql.bind(a.to_string()), sql.bind(end)));
        }
        self.history(&mut c, sql);
        self.duties(&mut c);
        if c.is_empty() { String::new() } else { format!("WHERE {}", c.join(" AND ")) }
    }

    /// The enterprise, escalation-document and failed-sign-off conditions.
    fn history(&self, c: &mut Vec<String>, sql: &mut Sql) {
        self.push_eq(c, sql, "e.credit_code", self.enterprise.clone());
        if let Some((a, b)) = self.escalated {
            let (a, b) = (sql.bind(a.to_string()), sql.bind(b.to_string()));
            let level = self.escalated_level.map(|l| format!(" AND x.level = {}", sql.bind(i64::from(l))));
            c.push(format!(
                "EXISTS (SELECT 1 FROM escalations x WHERE x.hazard_id = h.id AND x.date BETWEEN {a} AND {b}{})",
                level.unwrap_or_default()
            ));
        }
        if let Some((a, b)) = self.failed_sign_off {
            let (a, b) = (sql.bind(a.to_string()), sql.bind(b.to_string()));
            c.push(format!(
                "EXISTS (SELECT 1 FROM verifications y WHERE y.hazard_id = h.id AND y.verdict = 'fail'
                 AND y.date BETWEEN {a} AND {b})"
            ));
        }
    }

    /// `hazards h`, with the partial index of a duty when the filter asks for one: the
    /// planner, without statistics, would walk the larger index of open hazards instead.
    /// The filter always holds the index's own terms, so the index always applies.
    pub fn hazards_table(&self) -> &'static str {
        if self.enterprise.is_some() {
            // one enterprise's hazards: its own index is the narrower
            "hazards h"
        } else if self.not_notified {
            "hazards h INDEXED BY hazards_not_notified"
        } else if self.stopped {
            "hazards h INDEXED BY hazards_stopped"
        } else if self.listed {
            "hazards h INDEXED BY hazards_listed"
        } else {
            "hazards h"
        }
    }

    /// The duties towards major hazards, in the terms of their partial indexes.
    fn duties(&self, c: &mut Vec<String>) {
        if self.not_notified {
            c.push("h.grade = 'major' AND h.status <> 'closed' AND h.notified <> 3".into());
        }
        if self.listed {
            c.push("h.listed_unit <> ''".into());
        }
        if self.stopped {
            c.push("h.stopped_production <> 0".into());
        }
        if self.review_pending {
            c.push("h.id IN (SELECT hazard_id FROM resumptions WHERE decision IS NULL)".into());
        }
    }

    fn push_eq(&self, c: &mut Vec<String>, sql: &mut Sql, column: &str, value: Option<String>) {
        if let Some(v) = value {
            c.push(format!("{column} = {}", sql.bind(v)));
        }
    }
}

/// ` OR h.standard_ref IN (…)` for the clauses of the catalogue whose wording matches
/// the search, binding their references ("" when none does).
fn clause_refs(sql: &mut Sql, search: &str) -> String {
    let refs: Vec<String> =
        crate::domain::standards::search(search, None).iter().map(|f| sql.bind(f.reference())).collect();
    if refs.is_empty() { String::new() } else { format!(" OR h.standard_ref IN ({})", refs.join(", ")) }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}
