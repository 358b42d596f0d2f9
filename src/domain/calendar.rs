//! The statutory calendar: the quarterly consultation, the hazard statistics due after
//! each quarter and year, and the half-year summary, from today and a configurable cadence.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::quarter::Quarter;

/// When each recurring duty falls. Every field has a default; stored as JSON in the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Cadence {
    /// The month within each quarter (1–3) in which its consultation is held …
    pub consultation_month: u32,
    /// … by this day of that month.
    pub consultation_day: u32,
    /// The day of the month after each quarter by which its hazard statistics are due.
    pub quarterly_stats_day: u32,
    /// The month and day of the following year by which the annual statistics are due.
    pub annual_stats_month: u32,
    pub annual_stats_day: u32,
    /// The month and day by which the summary of the first half-year is due.
    pub half_year_month: u32,
    pub half_year_day: u32,
    /// How many days ahead the calendar looks.
    pub horizon_days: i64,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            consultation_month: 3,
            consultation_day: 25,
            quarterly_stats_day: 15,
            annual_stats_month: 1,
            annual_stats_day: 31,
            half_year_month: 7,
            half_year_day: 10,
            horizon_days: 120,
        }
    }
}

impl Cadence {
    /// The name of the first field out of range, if any.
    pub fn invalid_field(&self) -> Option<&'static str> {
        let checks = [
            ("consultation_month", (1..=3).contains(&self.consultation_month)),
            ("consultation_day", (1..=31).contains(&self.consultation_day)),
            ("quarterly_stats_day", (1..=31).contains(&self.quarterly_stats_day)),
            ("annual_stats_month", (1..=12).contains(&self.annual_stats_month)),
            ("annual_stats_day", (1..=31).contains(&self.annual_stats_day)),
            ("half_year_month", (7..=12).contains(&self.half_year_month)),
            ("half_year_day", (1..=31).contains(&self.half_year_day)),
            ("horizon_days", (1..=1000).contains(&self.horizon_days)),
        ];
        checks.iter().find(|(_, ok)| !ok).map(|(name, _)| *name)
    }

    /// The day by which the consultation of quarter `q` is due.
    pub fn consultation_due(&self, q: Quarter) -> NaiveDate {
        day_in(q.year, u32::from(q.q - 1) * 3 + self.consultation_month, self.consultation_day)
    }

    /// The day by which the hazard statistics of quarter `q` are due.
    pub fn quarterly_stats_due(&self, q: Quarter) -> NaiveDate {
        let next = q.next().start();
        day_in(next.year(), next.month(), self.quarterly_stats_day)
    }

    /// The day by which the annual statistics of `year` are due.
    pub fn annual_stats_due(&self, year: i32) -> NaiveDate {
        day_in(year + 1, self.annual_stats_month, self.annual_stats_day)
    }

    /// The day by which the summary of the first half of `year` is due.
    pub fn half_year_due(&self, year: i32) -> NaiveDate {
        day_in(year, self.half_year_month, self.half_year_day)
    }
}

/// `day` of the month, or the month's last day when it is shorter.
fn day_in(year: i32, month: u32, day: u32) -> NaiveDate {
    (1..=day.max(1)).rev().find_map(|d| NaiveDate::from_ymd_opt(year, month.clamp(1, 12), d)).unwrap_or_default()
}

/// One dated duty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Duty {
    /// The quarter's consultation meeting.
    Consultation { quarter: Quarter },
    /// The quarter's hazard statistics.
    QuarterlyStatistics { quarter: Quarter },
    /// The year's hazard statistics.
    AnnualStatistics { year: i32 },
    /// The summary of the first half of the year.
    HalfYearSummary { year: i32 },
    /// A consultation's follow-up action.
    Action { id: i64, quarter: Option<Quarter>, title: String, lead_unit: String, assignee: String },
}

/// A duty and its date; `days_left` is negative when it is late.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub date: NaiveDate,
    pub days_left: i64,
    #[serde(flatten)]
    pub duty: Duty,
}

impl Due {
    pub fn new(date: NaiveDate, today: NaiveDate, duty: Duty) -> Due {
        Due { date, days_left: (date - today).num_days(), duty }
    }
}

/// The statutory duties from `today` to the horizon, in date order. A consultation not
/// yet held stays on the calendar, late, until the end of the month after its quarter.
pub fn statutory(today: NaiveDate, c: &Cadence, held: &[Quarter]) -> Vec<Due> {
    let until = today + Duration::days(c.horizon_days);
    let ahead = |d: NaiveDate| d >= today && d <= until;
    let this = Quarter::of(today);
    let quarters = [this.prev(), this, this.next(), this.next().next()];
    let mut out = Vec::new();
    for q in quarters {
        let due = c.consultation_due(q);
        let grace = q.next().start();
        let late_but_open = due < today && today <= day_in(grace.year(), grace.month(), 31);
        if !held.contains(&q) && (ahead(due) || late_but_open) {
            out.push(Due::new(due, today, Duty::Consultation { quarter: q }));
        }
        let stats = c.quarterly_stats_due(q);
        if ahead(stats) {
            out.push(Due::new(stats, today, Duty::QuarterlyStatistics { quarter: q }));
        }
    }
    for year in today.year() - 1..=today.year() + 1 {
        if ahead(c.annual_stats_due(year)) {
            out.push(Due::new(c.annual_stats_due(year), today, Duty::AnnualStatistics { year }));
        }
        if ahead(c.half_year_due(year)) {
            out.push(Due::new(c.half_year_due(year), today, Duty::HalfYearSummary { year }));
        }
    }
    out.sort_by_key(|d| d.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn q(s: &str) -> Quarter {
        Quarter::parse(s).unwrap()
    }

    #[test]
    fn default_dates() {
        let c = Cadence::default();
        assert_eq!(c.consultation_due(q("2026Q4")), d("2026-12-25"));
        assert_eq!(c.consultation_due(q("2026Q1")), d("2026-03-25"));
        assert_eq!(c.quarterly_stats_due(q("2026Q4")), d("2027-01-15"));
        assert_eq!(c.quarterly_stats_due(q("2026Q3")), d("2026-10-15"));
        assert_eq!(c.annual_stats_due(2026), d("2027-01-31"));
        assert_eq!(c.half_year_due(2027), d("2027-07-10"));
        assert_eq!(c.invalid_field(), None);
    }

    #[test]
    fn short_months_clamp() {
        let c = Cadence { consultation_month: 2, consultation_day: 31, ..Cadence::default() };
        assert_eq!(c.consultation_due(q("2026Q1")), d("2026-02-28"));
        assert_eq!(c.consultation_due(q("2026Q2")), d("2026-05-31"));
        assert_eq!(Cadence { consultation_month: 4, ..c }.invalid_field(), Some("consultation_month"));
    }

    #[test]
    fn the_calendar_from_late_november() {
        let today = d("2026-11-29");
        let all = statutory(today, &Cadence::default(), &[]);
        let dates: Vec<String> = all.iter().map(|x| x.date.to_string()).collect();
        assert_eq!(dates, ["2026-12-25", "2027-01-15", "2027-01-31", "2027-03-25"]);
        assert_eq!(all[0].duty, Duty::Consultation { quarter: q("2026Q4") });
        assert_eq!(all[0].days_left, 26);
        let held = statutory(today, &Cadence::default(), &[q("2026Q4")]);
        assert_eq!(held[0].duty, Duty::QuarterlyStatistics { quarter: q("2026Q4") });
    }

    #[test]
    fn an_unheld_consultation_stays_when_late() {
        let today = d("2027-01-05");
        let all = statutory(today, &Cadence::default(), &[]);
        assert_eq!(all[0].duty, Duty::Consultation { quarter: q("2026Q4") });
        assert_eq!(all[0].days_left, -11);
        let held = statutory(today, &Cadence::default(), &[q("2026Q4")]);
        assert!(held.iter().all(|x| x.duty != Duty::Consultation { quarter: q("2026Q4") }));
        let halves = statutory(d("2027-06-01"), &Cadence::default(), &[]);
        assert!(halves.iter().any(|x| x.duty == Duty::HalfYearSummary { year: 2027 }));
    }
}
