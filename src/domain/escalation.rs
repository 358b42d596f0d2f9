//! The recommended escalation level and the reason for it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::types::{Escalation, Status, days_overdue};

/// Configurable thresholds (defaults from the product description).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Days overdue for letter, circular, summons and exposure.
    pub overdue_days: [i64; 4],
    /// Days without recorded progress that call for at least a letter.
    pub stalled_days: i64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { overdue_days: [1, 15, 30, 60], stalled_days: 30 }
    }
}

/// Why a level is recommended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Overdue {
        days: i64,
    },
    Stalled {
        days: i64,
    },
    /// Reported rectified and waiting for the three signers, not for the enterprise.
    AwaitingSignOff {
        days: i64,
    },
}

/// A recommendation: the level 0–4 and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    pub level: u8,
    pub reason: Option<Reason>,
}

/// The facts about a hazard that the recommendation reads.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub status: Status,
    pub deadline: NaiveDate,
    /// The last day progress was recorded (or the day it was found).
    pub last_progress_on: NaiveDate,
}

/// The recommended level for a hazard on `today`.
pub fn recommend(f: Facts, t: &Thresholds, today: NaiveDate) -> Recommendation {
    if f.status == Status::Closed {
        return Recommendation { level: 0, reason: None };
    }
    let late = days_overdue(f.deadline, f.status, today);
    let by_lateness = t.overdue_days.iter().filter(|d| late >= **d).count() as u8;
    let stalled = (today - f.last_progress_on).num_days();
    if by_lateness > 0 {
        Recommendation { level: by_lateness, reason: Some(Reason::Overdue { days: late }) }
    } else if stalled >= t.stalled_days {
        let reason = match f.status {
            Status::Verifying => Reason::AwaitingSignOff { days: stalled },
            _ => Reason::Stalled { days: stalled },
        };
        Recommendation { level: 1, reason: Some(reason) }
    } else {
        Recommendation { level: 0, reason: None }
    }
}

/// The next step above `current`, if any.
pub fn next_level(current: u8) -> Option<Escalation> {
    Escalation::from_level(current.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn facts(deadline: &str, progress: &str) -> Facts {
        Facts { status: Status::Rectifying, deadline: d(deadline), last_progress_on: d(progress) }
    }

    #[test]
    fn thresholds_by_lateness() {
        let t = Thresholds::default();
        let today = d("2026-11-29");
        let cases = [
            ("2026-11-29", 0),
            ("2026-11-28", 1),
            ("2026-11-15", 1),
            ("2026-11-14", 2),
            ("2026-10-30", 3),
            ("2026-09-30", 4),
            ("2025-01-01", 4),
        ];
        for (deadline, level) in cases {
            assert_eq!(recommend(facts(deadline, "2026-11-28"), &t, today).level, level, "{deadline}");
        }
    }

    #[test]
    fn stalled_means_at_least_a_letter() {
        let t = Thresholds::default();
        let today = d("2026-11-29");
        let r = recommend(facts("2027-01-01", "2026-10-30"), &t, today);
        assert_eq!(r, Recommendation { level: 1, reason: Some(Reason::Stalled { days: 30 }) });
        assert_eq!(recommend(facts("2027-01-01", "2026-10-31"), &t, today).level, 0);
        let waiting = Facts { status: Status::Verifying, ..facts("2027-01-01", "2026-10-30") };
        assert_eq!(recommend(waiting, &t, today).reason, Some(Reason::AwaitingSignOff { days: 30 }));
        let closed = Facts { status: Status::Closed, ..facts("2020-01-01", "2020-01-01") };
        assert_eq!(recommend(closed, &t, today).level, 0);
    }

    #[test]
    fn custom_thresholds_and_next() {
        let t = Thresholds { overdue_days: [5, 10, 20, 40], stalled_days: 90 };
        let today = d("2026-11-29");
        assert_eq!(recommend(facts("2026-11-25", "2026-11-25"), &t, today).level, 0);
        assert_eq!(recommend(facts("2026-11-19", "2026-11-25"), &t, today).level, 2);
        assert_eq!(next_level(0), Some(Escalation::Letter));
        assert_eq!(next_level(3), Some(Escalation::Exposure));
        assert_eq!(next_level(4), None);
    }
}
