//! List filters and the SQL they become.

use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// Matches code, title or enterprise name.
    pub search: Option<String>,
    /// Found within these dates (inclusive).
    pub discovered: Option<(NaiveDate, NaiveDate)>,
    /// Closed within these dates (inclusive).
    pub closed: Option<(NaiveDate, NaiveDate)>,
    /// Exactly this hazard.
    pub code: Option<String>,
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
        if open {
            c.push("h.status <> 'closed'".into());
        }
        if let Some(s) = self.status {
            c.push(format!("h.status = {}", sql.bind(s.as_str().to_string())));
        }
        if self.awaiting_verification {
            c.push("h.status = 'verifying'".into());
        }
        if self.overdue {
            c.push(format!("h.deadline < {}", sql.bind(today.to_string())));
        }
        if let Some(days) = self.due_within {
            let from = sql.bind(today.to_string());
            let to = sql.bind((today + Duration::days(days)).to_string());
            c.push(format!("h.deadline >= {from} AND h.deadline <= {to}"));
        }
        if let Some(v) = &self.village {
            c.push(format!("h.village_id = (SELECT id FROM units WHERE name = {})", sql.bind(v.clone())));
        }
        self.push_eq(&mut c, sql, "h.code", self.code.clone());
        self.push_eq(&mut c, sql, "h.sector", self.sector.clone());
        self.push_eq(&mut c, sql, "h.source", self.source.map(|s| s.as_str().to_string()));
        self.push_eq(&mut c, sql, "h.grade", self.grade.map(|s| s.as_str().to_string()));
        self.push_eq(&mut c, sql, "h.assignee", self.assignee.clone());
        if self.stock {
            c.push("h.discovered_on <= '2023-12-31'".into());
        }
        if self.escalation_queue {
            c.push(format!("{} > h.escalation_level", recommended_sql(sql, today, t)));
        }
        if let Some(s) = self.search.as_deref().filter(|s| !s.trim().is_empty()) {
            let p = sql.bind(format!("%{}%", escape_like(s.trim())));
            c.push(format!(
                "(h.code LIKE {p} ESCAPE '\\' OR h.title LIKE {p} ESCAPE '\\' OR e.name LIKE {p} ESCAPE '\\')"
            ));
        }
        if let Some((a, b)) = self.discovered {
            c.push(format!("h.discovered_on BETWEEN {} AND {}", sql.bind(a.to_string()), sql.bind(b.to_string())));
        }
        if let Some((a, b)) = self.closed {
            let end = format!("{b} 23:59:59");
            c.push(format!("h.closed_at BETWEEN {} AND {}", sql.bind(a.to_string()), sql.bind(end)));
        }
        if c.is_empty() { String::new() } else { format!("WHERE {}", c.join(" AND ")) }
    }

    fn push_eq(&self, c: &mut Vec<String>, sql: &mut Sql, column: &str, value: Option<String>) {
        if let Some(v) = value {
            c.push(format!("{column} = {}", sql.bind(v)));
        }
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}
