//! Counts from the trigger-kept counters: open hazards by deadline and escalation
//! level (`hazard_due`) answer the overdue, due-soon and escalation-queue figures, and
//! whole-ledger counts skip the enterprise join, so no count on the key path scans
//! the ledger.

use chrono::{Duration, NaiveDate};

use super::list::{Filter, Sql, cutoffs};
use crate::domain::escalation::Thresholds;

/// Open hazards past their deadline.
pub fn overdue(today: NaiveDate) -> Sql {
    let mut sql = Sql::default();
    let t = sql.bind(today.to_string());
    sql.text = format!("SELECT COALESCE(SUM(n), 0) FROM hazard_due WHERE deadline < {t}");
    sql
}

/// Open hazards due from today to `days` days on.
pub fn due_within(today: NaiveDate, days: i64) -> Sql {
    let mut sql = Sql::default();
    let (a, b) = (sql.bind(today.to_string()), sql.bind((today + Duration::days(days)).to_string()));
    sql.text = format!("SELECT COALESCE(SUM(n), 0) FROM hazard_due WHERE deadline BETWEEN {a} AND {b}");
    sql
}

/// The escalation queue: open hazards whose recommended level exceeds their level.
/// Lateness alone recommends more than level `k` when the deadline is on or before
/// the `k`-th cutoff (the thresholds rise, so the cutoffs fall); staleness only ever
/// recommends level 1, so it adds the unescalated hazards not yet late enough.
pub fn escalation_queue(today: NaiveDate, t: &Thresholds) -> Sql {
    let mut sql = Sql::default();
    let (levels, stalled) = cutoffs(today, t);
    let binds: Vec<String> = levels.into_iter().map(|d| sql.bind(d)).collect();
    let late: Vec<String> =
        binds.iter().enumerate().map(|(k, p)| format!("(level = {k} AND deadline <= {p})")).collect();
    let stalled = sql.bind(stalled);
    let first = binds.first().cloned().unwrap_or_default();
    sql.text = format!(
        "SELECT (SELECT COALESCE(SUM(n), 0) FROM hazard_due WHERE {late})
         + (SELECT count(*) FROM hazards WHERE status <> 'closed' AND escalation_level = 0
            AND last_progress_on <= {stalled} AND deadline > {first})",
        late = late.join(" OR ")
    );
    sql
}

/// The counter query that answers `filter`'s count, when one does.
pub fn for_filter(filter: &Filter, today: NaiveDate, t: &Thresholds) -> Option<Sql> {
    let rest = Filter { open: false, overdue: false, due_within: None, escalation_queue: false, ..filter.clone() };
    if rest != Filter::default() {
        return None;
    }
    match (filter.overdue, filter.due_within, filter.escalation_queue) {
        (false, None, false) if filter.open => Some(tally("status <> 'closed'")),
        (false, None, false) => Some(tally("1")),
        (true, None, false) => Some(overdue(today)),
        (false, Some(days), false) => Some(due_within(today, days)),
        (false, None, true) => Some(escalation_queue(today, t)),
        _ => None,
    }
}

/// A sum over `hazard_tally`.
pub fn tally(cond: &str) -> Sql {
    Sql { text: format!("SELECT COALESCE(SUM(n), 0) FROM hazard_tally WHERE {cond}"), params: Vec::new() }
}

/// `count(*)` of the hazards matching `filter`, joining enterprises only when the
/// filter looks at them (every hazard has exactly one).
pub fn direct(filter: &Filter, today: NaiveDate, t: &Thresholds) -> Sql {
    let mut sql = Sql::default();
    let clause = filter.where_clause(&mut sql, today, t);
    let join = if clause.contains("e.") { "JOIN enterprises e ON e.id = h.enterprise_id" } else { "" };
    sql.text = format!("SELECT count(*) FROM {} {join} {clause}", filter.hazards_table());
    sql
}
