//! The overview dashboard: tiles and bars from trigger-kept counters (cheap), the
//! trend and yearly clearance (heavier, loaded after the first frame).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::list::{Filter, HazardRow, Page, Sort, Sql, list_sql};
use super::{Store, StoreError, counts};
use crate::domain::clearance::YearFigures;
use crate::domain::escalation::Thresholds;
use crate::domain::quarter::Quarter;

/// The overview's tiles, bars and matrix.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Overview {
    pub today: String,
    pub quarter: String,
    pub open_total: i64,
    pub open_major: i64,
    pub overdue: i64,
    pub due_within_7: i64,
    pub awaiting_sign_off: i64,
    pub escalation_queue: i64,
    pub stock_open: i64,
    pub new_this_quarter: i64,
    pub closed_this_quarter: i64,
    /// Enterprises behind on their head-led inspections.
    pub inspections_behind: i64,
    /// Open major hazards whose principal or controller has not been notified.
    pub not_notified: i64,
    /// Hazards listed for supervision.
    pub listed: i64,
    /// Hazards under a stopped-production order.
    pub stopped: i64,
    /// Resumption applications awaiting their on-site review, and of those the late.
    pub reviews_pending: i64,
    pub reviews_late: i64,
    /// Tip-offs still to verify, and of those the late.
    pub tipoffs_open: i64,
    pub tipoffs_late: i64,
    /// Open major hazards by village, most first.
    pub by_village: Vec<(String, i64)>,
    /// Open major hazards by sector, most first.
    pub by_sector: Vec<(String, i64)>,
    /// (source, status, count) for every pair.
    pub source_status: Vec<(String, String, i64)>,
    pub most_overdue: Vec<HazardRow>,
}

/// One month of the clearance trend (major hazards).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MonthPoint {
    pub month: String,
    pub found: i64,
    pub closed: i64,
    /// Open at the month's end.
    pub open_end: i64,
    /// Of those, the stock: found by the end of 2023 (the rest is the increment).
    pub open_stock: i64,
}

/// The heavy part of the overview.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Trend {
    pub months: Vec<MonthPoint>,
    pub years: Vec<YearFigures>,
}

/// The overview's queries, each with its parameters (also printed by `anwei sql overview`).
#[derive(Debug, Clone)]
pub struct OverviewSql {
    pub open_total: Sql,
    pub open_major: Sql,
    pub overdue: Sql,
    pub due_within_7: Sql,
    pub awaiting_sign_off: Sql,
    pub escalation_queue: Sql,
    pub stock_open: Sql,
    pub new_this_quarter: Sql,
    pub closed_this_quarter: Sql,
    pub inspections_behind: Sql,
    pub not_notified: Sql,
    pub listed: Sql,
    pub stopped: Sql,
    /// Applications awaiting review, and of those the late: two columns.
    pub reviews: Sql,
    /// Tip-offs still to verify, and of those the late: two columns.
    pub tipoffs: Sql,
    pub by_village: Sql,
    pub by_sector: Sql,
    pub source_status: Sql,
    pub most_overdue: Sql,
}

impl OverviewSql {
    pub fn new(today: NaiveDate, t: &Thresholds, cadence: &crate::domain::settings::Cadence) -> OverviewSql {
        let q = Quarter::of(today);
        let months = |col: &str| Sql {
            text: format!("SELECT COALESCE(SUM({col}), 0) FROM hazard_months WHERE month BETWEEN ?1 AND ?2"),
            params: vec![q.start().format("%Y-%m").to_string().into(), q.end().format("%Y-%m").to_string().into()],
        };
        let plain = |text: &str| Sql { text: text.into(), params: Vec::new() };
        let overdue = Filter { overdue: true, ..Filter::default() };
        OverviewSql {
            open_total: counts::tally("status <> 'closed'"),
            open_major: counts::tally("status <> 'closed' AND grade = 'major'"),
            overdue: counts::overdue(today),
            due_within_7: counts::due_within(today, 7),
            awaiting_sign_off: counts::tally("status = 'verifying'"),
            escalation_queue: counts::escalation_queue(today, t),
            stock_open: counts::tally("status <> 'closed' AND stock = 1"),
            new_this_quarter: months("found"),
            closed_this_quarter: months("closed"),
            inspections_behind: super::inspection::behind_count(cadence, today),
            reviews: super::supervision::reviews_sql(today),
            tipoffs: Sql {
                text: "SELECT count(*), COALESCE(SUM(due_on < ?1), 0) FROM tipoffs WHERE state IN ('received', 'verifying')"
                    .into(),
                params: vec![today.to_string().into()],
            },
            not_notified: counts::direct(&Filter { not_notified: true, ..Filter::default() }, today, t),
            listed: counts::direct(&Filter { listed: true, ..Filter::default() }, today, t),
            stopped: counts::direct(&Filter { stopped: true, ..Filter::default() }, today, t),
            by_village: plain(
                "SELECT COALESCE(u.name, '-'), SUM(t.n) FROM hazard_tally t LEFT JOIN units u ON u.id = t.village_id
                 WHERE t.status <> 'closed' AND t.grade = 'major' GROUP BY t.village_id HAVING SUM(t.n) > 0 ORDER BY 2 DESC, 1",
            ),
            by_sector: plain(
                "SELECT sector, SUM(n) FROM hazard_tally WHERE status <> 'closed' AND grade = 'major' GROUP BY sector HAVING SUM(n) > 0 ORDER BY 2 DESC, 1",
            ),
            source_status: plain("SELECT source, status, SUM(n) FROM hazard_tally GROUP BY source, status"),
            most_overdue: list_sql(&overdue, Sort::default(), &Page { after: None, limit: 10 }, today, t),
        }
    }

    /// Every query, in the order the overview runs them.
    pub fn all(&self) -> [&Sql; 19] {
        [
            &self.open_total,
            &self.open_major,
            &self.overdue,
            &self.due_within_7,
            &self.awaiting_sign_off,
            &self.escalation_queue,
            &self.stock_open,
            &self.new_this_quarter,
            &self.closed_this_quarter,
            &self.inspections_behind,
            &self.not_notified,
            &self.listed,
            &self.stopped,
            &self.reviews,
            &self.tipoffs,
            &self.by_village,
            &self.by_sector,
            &self.source_status,
            &self.most_overdue,
        ]
    }
}

impl Store {
    /// The overview's counters, as of today.
    pub fn overview(&self) -> Result<Overview, StoreError> {
        let today = self.today();
        let q = OverviewSql::new(today, &self.thresholds, &self.settings()?.inspection);
        let (reviews_pending, reviews_late) = self.pair(&q.reviews)?;
        let (tipoffs_open, tipoffs_late) = self.pair(&q.tipoffs)?;
        Ok(Overview {
            today: today.to_string(),
            quarter: Quarter::of(today).to_string(),
            open_total: self.scalar(&q.open_total)?,
            open_major: self.scalar(&q.open_major)?,
            overdue: self.scalar(&q.overdue)?,
            due_within_7: self.scalar(&q.due_within_7)?,
            awaiting_sign_off: self.scalar(&q.awaiting_sign_off)?,
            escalation_queue: self.scalar(&q.escalation_queue)?,
            stock_open: self.scalar(&q.stock_open)?,
            new_this_quarter: self.scalar(&q.new_this_quarter)?,
            closed_this_quarter: self.scalar(&q.closed_this_quarter)?,
            inspections_behind: self.scalar(&q.inspections_behind)?,
            not_notified: self.scalar(&q.not_notified)?,
            listed: self.scalar(&q.listed)?,
            stopped: self.scalar(&q.stopped)?,
            reviews_pending,
            reviews_late,
            tipoffs_open,
            tipoffs_late,
            by_village: self.pairs(&q.by_village)?,
            by_sector: self.pairs(&q.by_sector)?,
            source_status: self.source_status(&q.source_status)?,
            most_overdue: self.rows_of(&q.most_overdue)?,
        })
    }

    /// The one number `sql` selects.
    pub(crate) fn scalar(&self, sql: &Sql) -> Result<i64, StoreError> {
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        Ok(stmt.query_row(rusqlite::params_from_iter(sql.params.iter()), |r| r.get(0))?)
    }

    /// The two numbers `sql` selects.
    fn pair(&self, sql: &Sql) -> Result<(i64, i64), StoreError> {
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        Ok(stmt.query_row(rusqlite::params_from_iter(sql.params.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    fn pairs(&self, sql: &Sql) -> Result<Vec<(String, i64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn source_status(&self, sql: &Sql) -> Result<Vec<(String, String, i64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&sql.text)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Month by month over the last `months` months, and each plan year up to today.
    pub fn trend(&self, months: u32) -> Result<Trend, StoreError> {
        let today = self.today();
        let split = self.month_counts()?;
        let all = merged(&split);
        let first = month_back(today, months.saturating_sub(1));
        let open_before = |stock_only: bool| -> i64 {
            split.iter().filter(|m| m.0 < first && (m.1 || !stock_only)).map(|m| m.2 - m.3).sum()
        };
        let (mut open, mut open_stock) = (open_before(false), open_before(true));
        let mut points = Vec::new();
        for back in (0..months).rev() {
            let month = month_back(today, back);
            let (found, closed) = all.iter().find(|m| m.0 == month).map(|m| (m.1, m.2)).unwrap_or((0, 0));
            let stock = split.iter().find(|m| m.0 == month && m.1).map(|m| m.2 - m.3).unwrap_or(0);
            open += found - closed;
            open_stock += stock;
            points.push(MonthPoint { month, found, closed, open_end: open, open_stock });
        }
        let years = (2024..=today.year()).map(|y| self.year_figures(y, &all, today)).collect::<Result<_, _>>()?;
        Ok(Trend { months: points, years })
    }

    /// (month, stock, found, closed) for major hazards, in month order.
    fn month_counts(&self) -> Result<Vec<(String, bool, i64, i64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(MONTH_COUNTS)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn year_figures(
        &self,
        year: i32,
        months: &[(String, i64, i64)],
        today: NaiveDate,
    ) -> Result<YearFigures, StoreError> {
        let sum = |from: &str, to: &str, pick: fn(&(String, i64, i64)) -> i64| -> i64 {
            months.iter().filter(|m| m.0.as_str() >= from && m.0.as_str() <= to).map(pick).sum()
        };
        let (start, end) = (format!("{year}-01"), format!("{year}-12"));
        let before = format!("{}-12", year - 1);
        let open_at_start = sum("0000", &before, |m| m.1) - sum("0000", &before, |m| m.2);
        let [stock, increment, overdue] = year_sql(year, today);
        Ok(YearFigures {
            year,
            open_at_start,
            found: sum(&start, &end, |m| m.1),
            found_prev_year: sum(&format!("{}-01", year - 1), &before, |m| m.1),
            closed: sum(&start, &end, |m| m.2),
            stock_open_at_end: self.scalar(&stock)?,
            increment_overdue_at_end: self.scalar(&increment)?,
            overdue_at_end: self.scalar(&overdue)?,
        })
    }
}

/// Major hazards found and closed by month, stock and increment apart, in month order.
const MONTH_COUNTS: &str = "SELECT month, stock, SUM(found), SUM(closed) FROM hazard_months WHERE grade = 'major'
     GROUP BY month, stock ORDER BY month, stock";

/// (month, found, closed) with stock and increment together.
fn merged(split: &[(String, bool, i64, i64)]) -> Vec<(String, i64, i64)> {
    let mut out: Vec<(String, i64, i64)> = Vec::new();
    for (month, _, found, closed) in split {
        match out.last_mut() {
            Some(last) if &last.0 == month => {
                last.1 += found;
                last.2 += closed;
            }
            _ => out.push((month.clone(), *found, *closed)),
        }
    }
    out
}

/// The trend's queries (also printed by `anwei sql trend`).
pub fn trend_sql(today: NaiveDate) -> Vec<Sql> {
    let mut all = vec![Sql { text: MONTH_COUNTS.into(), params: Vec::new() }];
    all.extend((2024..=today.year()).flat_map(|y| year_sql(y, today)));
    all
}

/// Stock open, increment overdue and all overdue major hazards at the end of `year`
/// (or today, for this year).
fn year_sql(year: i32, today: NaiveDate) -> [Sql; 3] {
    let at_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today).min(today).to_string();
    let sql = |text: &str| Sql { text: text.into(), params: vec![at_end.clone().into(), year.to_string().into()] };
    [
        sql("SELECT count(*) FROM hazards WHERE grade = 'major' AND discovered_on <= '2023-12-31' AND ?2 <> ''
             AND (closed_at IS NULL OR closed_at > ?1 || ' 23:59:59')"),
        sql("SELECT count(*) FROM hazards WHERE grade = 'major' AND discovered_on BETWEEN '2024-01-01' AND ?2 || '-12-31'
             AND deadline < ?1 AND (closed_at IS NULL OR closed_at > ?1 || ' 23:59:59')"),
        sql("SELECT count(*) FROM hazards WHERE grade = 'major' AND deadline < ?1 AND ?2 <> ''
             AND (closed_at IS NULL OR closed_at > ?1 || ' 23:59:59')"),
    ]
}

/// `YYYY-MM` of the month `n` months before `today`'s.
fn month_back(today: NaiveDate, n: u32) -> String {
    let total = today.year() * 12 + today.month0() as i32 - n as i32;
    format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
}
