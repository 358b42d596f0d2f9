//! The one injectable clock. A date fixed in code (tests, the demo generator) holds for
//! everything; a date fixed by the user (`--today`, `ANWEI_TODAY`) is for reading only:
//! what is written on a real ledger is dated by the system clock, so no one can backdate
//! or postdate the record by setting a variable.

use chrono::{Local, NaiveDate, NaiveDateTime};

/// Today and now, possibly with a fixed date.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed_today: Option<NaiveDate>,
    /// The fixed date dates writes too (tests, demos); else writes take the system's.
    for_writes: bool,
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock { fixed_today: None, for_writes: true }
    }

    /// A clock whose date is `today` for reading and writing; the time of day still runs
    /// (tests, the demo generator).
    pub fn fixed(today: NaiveDate) -> Self {
        Clock { fixed_today: Some(today), for_writes: true }
    }

    /// A clock whose date is `today` for reading only (`--today`): writes are dated by
    /// the system clock.
    pub fn reading(today: NaiveDate) -> Self {
        Clock { fixed_today: Some(today), for_writes: false }
    }

    /// The same date for writes too: on a demo ledger, whose story is told on its date.
    pub fn trusting(self) -> Self {
        Clock { for_writes: true, ..self }
    }

    /// Whether a date was fixed for reading only.
    pub fn reads_another_day(&self) -> bool {
        self.fixed_today.is_some() && !self.for_writes
    }

    /// Today, as the screens and reports see it.
    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| Local::now().date_naive())
    }

    /// Today, as a write records it.
    pub fn write_today(&self) -> NaiveDate {
        if self.for_writes { self.today() } else { Local::now().date_naive() }
    }

    /// Now, on the date a write records.
    pub fn now(&self) -> NaiveDateTime {
        let local = Local::now().naive_local();
        match self.fixed_today {
            Some(day) if self.for_writes => day.and_time(local.time()),
            _ => local,
        }
    }

    /// Now as stored in the database: `YYYY-MM-DD HH:MM:SS`.
    pub fn stamp(&self) -> String {
        self.now().format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_the_user_fixed_is_for_reading_only() {
        let day = NaiveDate::from_ymd_opt(2030, 6, 30).unwrap();
        let real = Local::now().date_naive();
        let read = Clock::reading(day);
        assert_eq!((read.today(), read.write_today()), (day, real));
        assert!(read.stamp().starts_with(&real.to_string()));
        let code = Clock::fixed(day);
        assert_eq!(code.write_today(), day);
        assert!(code.stamp().starts_with("2030-06-30"));
        assert_eq!(read.trusting().write_today(), day, "a demo's story keeps its date");
    }
}
