//! The hazard lists: one query for every list screen and `anwei list`, filtered,
//! sorted by any column and paged by keyset (never OFFSET).

mod filter;
mod row;

use rusqlite::types::Value;

use super::{Store, StoreError, counts};
pub use filter::{Filter, Sql, cutoffs};
pub use row::HazardRow;

/// The columns a list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Deadline,
    Code,
    Title,
    Enterprise,
    Village,
    Sector,
    Source,
    Grade,
    Status,
    Discovered,
    Assignee,
    Escalation,
}

impl SortKey {
    pub const ALL: [SortKey; 12] = [
        SortKey::Deadline,
        SortKey::Code,
        SortKey::Title,
        SortKey::Enterprise,
        SortKey::Village,
        SortKey::Sector,
        SortKey::Source,
        SortKey::Grade,
        SortKey::Status,
        SortKey::Discovered,
        SortKey::Assignee,
        SortKey::Escalation,
    ];

    /// The SQL expression the list orders by.
    fn expr(self) -> &'static str {
        match self {
            SortKey::Deadline => "h.deadline",
            SortKey::Code => "h.code",
            SortKey::Title => "h.title",
            SortKey::Enterprise => "e.name",
            SortKey::Village => "COALESCE(v.name, '')",
            SortKey::Sector => "h.sector",
            SortKey::Source => "h.source",
            SortKey::Grade => "h.grade",
            SortKey::Status => "h.status",
            SortKey::Discovered => "h.discovered_on",
            SortKey::Assignee => "COALESCE(h.assignee, '')",
            SortKey::Escalation => "h.escalation_level",
        }
    }

    /// The identifier used in the catalogue and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Deadline => "deadline",
            SortKey::Code => "code",
            SortKey::Title => "title",
            SortKey::Enterprise => "enterprise",
            SortKey::Village => "village",
            SortKey::Sector => "sector",
            SortKey::Source => "source",
            SortKey::Grade => "grade",
            SortKey::Status => "status",
            SortKey::Discovered => "discovered_on",
            SortKey::Assignee => "assignee",
            SortKey::Escalation => "escalation_level",
        }
    }

    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.iter().copied().find(|k| k.as_str() == s.trim())
    }
}

/// A sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Where a page starts: after the row with this sort value and id.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub key: Value,
    pub id: i64,
}

/// One page request.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub after: Option<Cursor>,
    pub limit: usize,
}

impl Store {
    /// One page of hazards.
    pub fn list(&self, filter: &Filter, sort: Sort, page: &Page) -> Result<Vec<HazardRow>, StoreError> {
        self.rows_of(&list_sql(filter, sort, page, self.today(), &self.thresholds))
    }

    /// The rows a list query (`list_sql`) selects.
    pub(crate) fn rows_of(&self, sql: &Sql) -> Result<Vec<HazardRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(sql.params.iter()), |r| {
            row::from_row(r, self.today(), &self.thresholds)
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many hazards match the filter (from the counters when they answer it).
    pub fn count(&self, filter: &Filter) -> Result<i64, StoreError> {
        self.scalar(&count_sql(filter, self.today(), &self.thresholds))
    }
}

/// The SQL that counts a list (also printed by `anwei sql`).
pub fn count_sql(filter: &Filter, today: chrono::NaiveDate, t: &crate::domain::escalation::Thresholds) -> Sql {
    counts::for_filter(filter, today, t).unwrap_or_else(|| counts::direct(filter, today, t))
}

/// The SQL of one list page (also printed by `anwei sql`).
pub fn list_sql(
    filter: &Filter,
    sort: Sort,
    page: &Page,
    today: chrono::NaiveDate,
    t: &crate::domain::escalation::Thresholds,
) -> Sql {
    let mut sql = Sql::default();
    let mut clause = filter.where_clause(&mut sql, today, t);
    let expr = sort.key.expr();
    let (cmp, dir) = if sort.descending { ("<", "DESC") } else { (">", "ASC") };
    if let Some(c) = &page.after {
        let k = sql.bind(c.key.clone());
        let id = sql.bind(Value::Integer(c.id));
        let joiner = if clause.is_empty() { "WHERE" } else { " AND" };
        clause.push_str(&format!("{joiner} ({expr}, h.id) {cmp} ({k}, {id})"));
    }
    let limit = sql.bind(Value::Integer(page.limit as i64));
    sql.text = format!(
        "SELECT {cols}, {expr} FROM {table} JOIN enterprises e ON e.id = h.enterprise_id
         LEFT JOIN units v ON v.id = h.village_id LEFT JOIN staff s ON s.login = h.assignee
         {clause} ORDER BY {expr} {dir}, h.id {dir} LIMIT {limit}",
        cols = row::COLUMNS,
        table = filter.hazards_table()
    );
    sql
}
