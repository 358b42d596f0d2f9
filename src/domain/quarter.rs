//! Quarters such as `2026Q4` and their first and last days.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A calendar quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub q: u8,
}

impl Quarter {
    /// The quarter holding `date`.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter { year: date.year(), q: (date.month0() / 3 + 1) as u8 }
    }

    /// Parses `2026Q4` (case-insensitive, also `2026-Q4`).
    pub fn parse(s: &str) -> Option<Quarter> {
        let s = s.trim().to_ascii_uppercase().replace('-', "");
        let (y, q) = s.split_once('Q')?;
        let year: i32 = y.parse().ok()?;
        let q: u8 = q.parse().ok()?;
        ((1..=4).contains(&q) && (1900..=9999).contains(&year)).then_some(Quarter { year, q })
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        let month = u32::from(self.q - 1) * 3 + 1;
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or_default()
    }

    /// The last day.
    pub fn end(self) -> NaiveDate {
        self.next().start().pred_opt().unwrap_or_default()
    }

    pub fn next(self) -> Quarter {
        if self.q == 4 { Quarter { year: self.year + 1, q: 1 } } else { Quarter { q: self.q + 1, ..self } }
    }

    pub fn prev(self) -> Quarter {
        if self.q == 1 { Quarter { year: self.year - 1, q: 4 } } else { Quarter { q: self.q - 1, ..self } }
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn quarter_round_trip() {
        let q = Quarter::parse("2026Q4").unwrap();
        assert_eq!((q.start(), q.end()), (d("2026-10-01"), d("2026-12-31")));
        assert_eq!(Quarter::of(d("2026-11-29")), q);
        assert_eq!(q.to_string(), "2026Q4");
        assert_eq!(q.next().to_string(), "2027Q1");
        assert_eq!(Quarter::parse("2024q1").unwrap().prev().to_string(), "2023Q4");
        assert_eq!(Quarter::parse("2024-Q2").unwrap().end(), d("2024-06-30"));
        assert_eq!(Quarter::of(d("2024-03-31")).q, 1);
        assert_eq!(Quarter::of(d("2024-04-01")).q, 2);
        for bad in ["2026Q5", "2026Q0", "Q4", "2026", "abcQ1", ""] {
            assert_eq!(Quarter::parse(bad), None, "{bad}");
        }
    }
}
