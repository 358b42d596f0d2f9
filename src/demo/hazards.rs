//! The hazards of the demo: the days they were found on, their escalation documents
//! numbered in date order, and the loop that writes them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::Transaction;

use super::emit::Emitter;
use super::story::{self, Kind, Setting};
use super::township::Township;
use super::{DemoSummary, escalation};
use crate::store::StoreError;
use crate::store::write::doc_number;

/// The days from the first demo day to today, each with a weight: more hazards
/// recently, fewer at weekends.
#[derive(Debug, Clone)]
pub struct Calendar {
    start: NaiveDate,
    days: i64,
    total: u64,
    weight_sum: u128,
}

impl Calendar {
    /// Hazards found from 2023-01-01 (or two years back, whichever is earlier) to `today`.
    pub fn new(today: NaiveDate, total: u64) -> Calendar {
        let first = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or(today);
        let start = first.min(today - Duration::days(730));
        let days = (today - start).num_days() + 1;
        let mut c = Calendar { start, days, total, weight_sum: 0 };
        c.weight_sum = (0..days).map(|k| u128::from(c.weight(k))).sum();
        c
    }

    fn weight(&self, k: i64) -> u64 {
        let base = 100 + (200 * k / self.days.max(1)) as u64;
        match (self.start + Duration::days(k)).weekday() {
            Weekday::Sat | Weekday::Sun => base * 4 / 10,
            _ => base,
        }
    }

    /// Calls `f(index, found)` for every hazard in the order they were found.
    pub fn each<E>(&self, mut f: impl FnMut(u64, NaiveDate) -> Result<(), E>) -> Result<(), E> {
        let mut cumulative = 0u128;
        let mut index = 0u64;
        for k in 0..self.days {
            cumulative += u128::from(self.weight(k));
            let until = (u128::from(self.total) * cumulative / self.weight_sum.max(1)) as u64;
            let day = self.start + Duration::days(k);
            while index < until {
                f(index, day)?;
                index += 1;
            }
        }
        Ok(())
    }
}

/// One escalation document, numbered in the order of the dates they were issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub hazard: u64,
    pub level: u8,
    pub number: String,
}

/// Draws every life once to number the escalation documents by date, per level and
/// year, through the same sequences `anwei escalate` uses. Sorted by hazard.
pub fn number_documents(
    tx: &Transaction,
    set: &Setting,
    calendar: &Calendar,
    prefix: &str,
) -> Result<Vec<Doc>, StoreError> {
    let mut wanted: Vec<(NaiveDate, u64, u8)> = Vec::new();
    calendar.each(|index, found| -> Result<(), StoreError> {
        for step in story::draw(set, index, found).steps {
            if let Kind::Escalated(level) = step.kind {
                wanted.push((step.on, index, level));
            }
        }
        Ok(())
    })?;
    wanted.sort_unstable();
    let mut docs = Vec::with_capacity(wanted.len());
    for (on, hazard, level) in wanted {
        let number = doc_number(tx, prefix, escalation(level)?, on.year(), true)?;
        docs.push(Doc { hazard, level, number });
    }
    docs.sort_unstable_by_key(|d| (d.hazard, d.level));
    Ok(docs)
}

/// Writes every hazard, reporting progress now and then.
pub fn write_all(
    tx: &Transaction,
    set: &Setting,
    town: &Township,
    calendar: &Calendar,
    docs: Vec<Doc>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary, StoreError> {
    let mut emitter = Emitter::new(tx, set, town, docs);
    let every = (calendar.total / 200).max(1);
    progress(0, calendar.total);
    calendar.each(|index, found| -> Result<(), StoreError> {
        emitter.hazard(index, story::draw(set, index, found))?;
        if (index + 1).is_multiple_of(every) {
            progress(index + 1, calendar.total);
        }
        Ok(())
    })?;
    progress(calendar.total, calendar.total);
    Ok(emitter.summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_spreads_every_hazard_in_date_order() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let c = Calendar::new(today, 1000);
        let mut days = Vec::new();
        c.each(|i, d| -> Result<(), ()> {
            assert_eq!(i as usize, days.len());
            days.push(d);
            Ok(())
        })
        .unwrap();
        assert_eq!(days.len(), 1000);
        assert!(days.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(days[0].year(), 2023);
        assert!(*days.last().unwrap() <= today);
        let recent = days.iter().filter(|d| d.year() == 2026).count();
        let first = days.iter().filter(|d| d.year() == 2023).count();
        assert!(recent > 2 * first, "{recent} {first}");
    }
}
