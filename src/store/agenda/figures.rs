//! The agenda's counted figures: a quarter against the one before, stock and increment,
//! overdue hazards, and the breakdown by village and by sector.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use super::{Figure, Group, Overall, Overdue, PlaceRow, Places, QuarterFigures, StockIncrement, major};
use crate::domain::quarter::Quarter;
use crate::domain::{Source, stock_cutoff};
use crate::store::list::{Filter, HazardRow, Page, Sort, Sql};
use crate::store::{Store, StoreError};

/// How many quarters the clearance trend shows.
const TREND_QUARTERS: usize = 8;

/// The most rows a list of the agenda holds.
pub(super) const LIST_LIMIT: usize = 10_000;

/// What section 6 and the stock list group by.
#[derive(Debug, Clone, Copy)]
enum By {
    Village,
    Sector,
    Enterprise,
}

impl By {
    /// The SQL of the group's key and label, and the filter that narrows to one key.
    fn columns(self) -> &'static str {
        match self {
            By::Village => "COALESCE(v.name, ''), COALESCE(v.name, '')",
            By::Sector => "h.sector, h.sector",
            By::Enterprise => "e.credit_code, e.name",
        }
    }

    fn narrow(self, f: &Filter, key: &str) -> Filter {
        let key = Some(key.to_string());
        match self {
            By::Village => Filter { village: key, ..f.clone() },
            By::Sector => Filter { sector: key, ..f.clone() },
            By::Enterprise => Filter { enterprise: key, ..f.clone() },
        }
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Store {
    /// A figure: the filter's count.
    pub(super) fn figure(&self, filter: Filter) -> Result<Figure, StoreError> {
        Ok(Figure { value: self.count(&filter)?, filter })
    }

    /// Every hazard the filter lists, by deadline (the longest overdue first).
    pub(super) fn rows(&self, filter: &Filter) -> Result<Vec<HazardRow>, StoreError> {
        self.list(filter, Sort::default(), &Page { after: None, limit: LIST_LIMIT })
    }

    /// (key, label, count) of the filter's hazards per group, largest first.
    fn grouped(&self, f: &Filter, by: By) -> Result<Vec<(String, String, i64)>, StoreError> {
        let mut sql = Sql::default();
        let clause = f.where_clause(&mut sql, self.today(), &self.thresholds);
        let text = format!(
            "SELECT {}, count(*) FROM {} JOIN enterprises e ON e.id = h.enterprise_id
             LEFT JOIN units v ON v.id = h.village_id {clause} GROUP BY 1 ORDER BY 3 DESC, 2",
            by.columns(),
            f.hazards_table()
        );
        let mut stmt = self.conn.prepare_cached(&text)?;
        let rows =
            stmt.query_map(rusqlite::params_from_iter(sql.params.iter()), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One quarter's figures, its end taken at `as_of`.
    fn quarter_figures(&self, q: Quarter, as_of: NaiveDate) -> Result<QuarterFigures, StoreError> {
        let before = q.start() - Duration::days(1);
        let period = Some((q.start(), as_of));
        let new = major(Filter { discovered: period, ..Filter::default() });
        let by_source = Source::ALL
            .iter()
            .map(|s| Ok((*s, self.figure(Filter { source: Some(*s), ..new.clone() })?)))
            .collect::<Result<_, StoreError>>()?;
        Ok(QuarterFigures {
            quarter: q,
            as_of,
            open_start: self.figure(major(Filter { open: true, as_of: Some(before), ..Filter::default() }))?,
            open_end: self.figure(major(Filter { open: true, as_of: Some(as_of), ..Filter::default() }))?,
            new: self.figure(new)?,
            new_by_source: by_source,
            closed: self.figure(major(Filter { closed: period, ..Filter::default() }))?,
            overdue_end: self.figure(major(Filter { overdue: true, as_of: Some(as_of), ..Filter::default() }))?,
        })
    }

    /// Section 1.
    pub(super) fn overall(&self, q: Quarter) -> Result<Overall, StoreError> {
        let today = self.today();
        let mut quarters = vec![q];
        while quarters.len() < TREND_QUARTERS {
            let first = quarters[0].prev();
            quarters.insert(0, first);
        }
        let trend: Vec<QuarterFigures> =
            quarters.iter().map(|x| self.quarter_figures(*x, x.end().min(today))).collect::<Result<_, _>>()?;
        let n = trend.len();
        Ok(Overall { this: trend[n - 1].clone(), prev: trend[n - 2].clone(), trend })
    }

    /// Section 2, as of `as_of`.
    pub(super) fn stock_increment(&self, as_of: NaiveDate) -> Result<StockIncrement, StoreError> {
        let stock = major(Filter { open: true, stock: true, as_of: Some(as_of), ..Filter::default() });
        let by_enterprise = self.grouped(&stock, By::Enterprise)?;
        let increment_from = stock_cutoff() + Duration::days(1);
        let end_2024 = day(2024, 12, 31).min(as_of);
        let end_2025 = day(2025, 12, 31).min(as_of);
        let increment = |open: bool, overdue: bool, at: NaiveDate| {
            major(Filter {
                open,
                overdue,
                as_of: Some(at),
                discovered: Some((increment_from, at)),
                ..Filter::default()
            })
        };
        let found = |a: NaiveDate, b: NaiveDate| major(Filter { discovered: Some((a, b)), ..Filter::default() });
        Ok(StockIncrement {
            stock_by_enterprise: by_enterprise
                .into_iter()
                .map(|(key, label, value)| Group {
                    label,
                    figure: Figure { value, filter: By::Enterprise.narrow(&stock, &key) },
                })
                .collect(),
            stock_open: self.figure(stock)?,
            stock_open_end_2024: self.figure(major(Filter {
                open: true,
                stock: true,
                as_of: Some(end_2024),
                ..Filter::default()
            }))?,
            increment_open: self.figure(increment(true, false, as_of))?,
            increment_overdue: self.figure(increment(false, true, as_of))?,
            found_2024: self.figure(found(increment_from, end_2024))?,
            found_2025: self.figure(found(day(2025, 1, 1), end_2025))?,
            increment_overdue_end_2025: self.figure(increment(false, true, end_2025))?,
        })
    }

    /// Section 3, as of `as_of`.
    pub(super) fn overdue_at(&self, as_of: NaiveDate) -> Result<Overdue, StoreError> {
        let f = major(Filter { overdue: true, as_of: Some(as_of), ..Filter::default() });
        Ok(Overdue { rows: self.rows(&f)?, total: self.figure(f)? })
    }

    /// Section 6: villages and sectors over the quarter from `start` to `as_of`.
    pub(super) fn places(&self, start: NaiveDate, as_of: NaiveDate) -> Result<Places, StoreError> {
        Ok(Places {
            villages: self.place_rows(By::Village, start, as_of)?,
            sectors: self.place_rows(By::Sector, start, as_of)?,
        })
    }

    fn place_rows(&self, by: By, start: NaiveDate, as_of: NaiveDate) -> Result<Vec<PlaceRow>, StoreError> {
        let filters = [
            major(Filter { open: true, as_of: Some(as_of), ..Filter::default() }),
            major(Filter { overdue: true, as_of: Some(as_of), ..Filter::default() }),
            major(Filter { discovered: Some((start, as_of)), ..Filter::default() }),
            major(Filter { closed: Some((start, as_of)), ..Filter::default() }),
        ];
        let mut counts: BTreeMap<String, (String, [i64; 4])> = BTreeMap::new();
        for (i, f) in filters.iter().enumerate() {
            for (key, label, n) in self.grouped(f, by)? {
                counts.entry(key).or_insert_with(|| (label, [0; 4])).1[i] = n;
            }
        }
        let fig = |i: usize, key: &str, n: i64| Figure { value: n, filter: by.narrow(&filters[i], key) };
        let mut rows: Vec<PlaceRow> = counts
            .into_iter()
            .map(|(key, (label, n))| PlaceRow {
                label,
                open: fig(0, &key, n[0]),
                overdue: fig(1, &key, n[1]),
                new: fig(2, &key, n[2]),
                closed: fig(3, &key, n[3]),
            })
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse((r.overdue.value, r.open.value)));
        Ok(rows)
    }
}
