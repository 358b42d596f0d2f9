//! What dates a user may type: a business date (a sign-off, a notification, an action
//! done, the day a hazard was found) is never in the future, never before what it refers
//! to and never before 2000; a deadline lies between 2000 and ten years from today.

use chrono::{Months, NaiveDate};

/// Why a typed date is refused; the catalogue word is `why.NAME`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    Future,
    /// Before the thing it refers to (the day the hazard was found, the action made).
    BeforeItsSubject,
    Before2000,
    /// More than ten years ahead.
    TooFar,
}

impl DateProblem {
    pub fn name(self) -> &'static str {
        match self {
            DateProblem::Future => "future",
            DateProblem::BeforeItsSubject => "before_subject",
            DateProblem::Before2000 => "before_2000",
            DateProblem::TooFar => "too_far",
        }
    }
}

/// The first day any date of the ledger may be.
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

/// The last day a deadline may be: ten years from today.
pub fn latest_deadline(today: NaiveDate) -> NaiveDate {
    today.checked_add_months(Months::new(120)).unwrap_or(today)
}

/// A business date: on or before today, on or after `subject` (when there is one) and 2000.
pub fn business(date: NaiveDate, today: NaiveDate, subject: Option<NaiveDate>) -> Result<(), DateProblem> {
    if date < earliest() {
        Err(DateProblem::Before2000)
    } else if date > today {
        Err(DateProblem::Future)
    } else if subject.is_some_and(|s| date < s) {
        Err(DateProblem::BeforeItsSubject)
    } else {
        Ok(())
    }
}

/// A deadline: from 2000 to ten years ahead.
pub fn deadline(date: NaiveDate, today: NaiveDate) -> Result<(), DateProblem> {
    if date < earliest() {
        Err(DateProblem::Before2000)
    } else if date > latest_deadline(today) {
        Err(DateProblem::TooFar)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn business_dates_and_deadlines() {
        let today = d("2026-11-29");
        let found = Some(d("2026-03-01"));
        assert_eq!(business(d("2026-11-29"), today, found), Ok(()));
        assert_eq!(business(d("2026-11-30"), today, found), Err(DateProblem::Future));
        assert_eq!(business(d("2030-06-30"), today, found), Err(DateProblem::Future));
        assert_eq!(business(d("2020-01-01"), today, found), Err(DateProblem::BeforeItsSubject));
        assert_eq!(business(d("1999-12-31"), today, None), Err(DateProblem::Before2000));
        assert_eq!(business(d("0001-01-01"), today, None), Err(DateProblem::Before2000));
        assert_eq!(deadline(d("2036-11-29"), today), Ok(()));
        assert_eq!(deadline(d("2036-11-30"), today), Err(DateProblem::TooFar));
        assert_eq!(deadline(d("1999-01-01"), today), Err(DateProblem::Before2000));
    }
}
