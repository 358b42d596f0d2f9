//! The SQL each screen runs, with its parameters written in as literals, for
//! `anwei sql SCREEN`: the same text can then be timed in the sqlite3 shell.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::list::{Filter, Page, Sort, Sql, count_sql, list_sql};
use super::overview::{OverviewSql, trend_sql};
use crate::domain::escalation::Thresholds;

/// The overview's queries, in the order it runs them.
pub fn overview(today: NaiveDate, t: &Thresholds, cadence: &crate::domain::settings::Cadence) -> Vec<Sql> {
    OverviewSql::new(today, t, cadence).all().into_iter().cloned().collect()
}

/// The trend's queries (loaded after the overview's first frame).
pub fn trend(today: NaiveDate) -> Vec<Sql> {
    trend_sql(today)
}

/// A list screen's first page of `limit` rows and its count.
pub fn list(filter: &Filter, sort: Sort, limit: usize, today: NaiveDate, t: &Thresholds) -> Vec<Sql> {
    vec![list_sql(filter, sort, &Page { after: None, limit }, today, t), count_sql(filter, today, t)]
}

impl Sql {
    /// The text with every placeholder replaced by its value as an SQL literal.
    pub fn inline(&self) -> String {
        let mut text = self.text.clone();
        // the highest first, so that ?1 never eats the start of ?12
        for (i, v) in self.params.iter().enumerate().rev() {
            text = text.replace(&format!("?{}", i + 1), &literal(v));
        }
        text
    }
}

fn literal(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(n) => n.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Blob(b) => format!("X'{}'", b.iter().map(|x| format!("{x:02X}")).collect::<String>()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_literals() {
        let sql = Sql {
            text: "SELECT ?1, ?2, ?10, ?3".into(),
            params: vec![
                Value::Text("it's".into()),
                Value::Integer(2),
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Null,
                Value::Blob(vec![1, 255]),
            ],
        };
        assert_eq!(sql.inline(), "SELECT 'it''s', 2, X'01FF', NULL");
    }
}
