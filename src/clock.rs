//! The one injectable clock: a fixed "today" for tests and demos, else the system's.

use chrono::{Local, NaiveDate, NaiveDateTime};

/// Today and now, possibly with a fixed date.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    fixed_today: Option<NaiveDate>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock { fixed_today: None }
    }

    /// A clock whose date is `today`; the time of day still runs.
    pub fn fixed(today: NaiveDate) -> Self {
        Clock { fixed_today: Some(today) }
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| Local::now().date_naive())
    }

    /// Now, on today's date.
    pub fn now(&self) -> NaiveDateTime {
        let local = Local::now().naive_local();
        match self.fixed_today {
            Some(day) => day.and_time(local.time()),
            None => local,
        }
    }

    /// Now as stored in the database: `YYYY-MM-DD HH:MM:SS`.
    pub fn stamp(&self) -> String {
        self.now().format("%Y-%m-%d %H:%M:%S").to_string()
    }
}
