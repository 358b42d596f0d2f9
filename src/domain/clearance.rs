//! Clearance figures per year against the three-year plan's targets.

use serde::Serialize;

/// The plan's target for a year (section 一, 四是).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// 2024: stock found in 2023 or earlier cleared by year end.
    StockCleared,
    /// 2025: increment curbed: fewer new major hazards than the year before, none of them overdue.
    IncrementCurbed,
    /// 2026 and after: dynamic clearance as routine: no overdue major hazard.
    ZeroOverdue,
}

/// The target that applies to `year`; `None` before the plan.
pub fn target_for(year: i32) -> Option<Target> {
    match year {
        ..=2023 => None,
        2024 => Some(Target::StockCleared),
        2025 => Some(Target::IncrementCurbed),
        _ => Some(Target::ZeroOverdue),
    }
}

/// Major-hazard figures for one year, measured at its end (or today for the current year).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct YearFigures {
    pub year: i32,
    pub open_at_start: i64,
    pub found: i64,
    pub found_prev_year: i64,
    pub closed: i64,
    pub stock_open_at_end: i64,
    pub increment_overdue_at_end: i64,
    pub overdue_at_end: i64,
}

impl YearFigures {
    /// Closed as a share of what was open at the start plus what was found, in per cent.
    pub fn clearance_rate(&self) -> f64 {
        let base = self.open_at_start + self.found;
        if base == 0 { 100.0 } else { self.closed as f64 * 100.0 / base as f64 }
    }

    /// Whether the year's target is met (`None` when the year has no target).
    pub fn target_met(&self) -> Option<bool> {
        Some(match target_for(self.year)? {
            Target::StockCleared => self.stock_open_at_end == 0,
            Target::IncrementCurbed => self.found < self.found_prev_year && self.increment_overdue_at_end == 0,
            Target::ZeroOverdue => self.overdue_at_end == 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_by_year() {
        assert_eq!(target_for(2023), None);
        assert_eq!(target_for(2024), Some(Target::StockCleared));
        assert_eq!(target_for(2025), Some(Target::IncrementCurbed));
        assert_eq!(target_for(2026), Some(Target::ZeroOverdue));
    }

    #[test]
    fn target_met_and_rate() {
        let y24 = YearFigures { year: 2024, open_at_start: 10, found: 30, closed: 30, ..Default::default() };
        assert_eq!(y24.target_met(), Some(true));
        assert!((y24.clearance_rate() - 75.0).abs() < 1e-9);
        let y24_left = YearFigures { stock_open_at_end: 2, ..y24 };
        assert_eq!(y24_left.target_met(), Some(false));
        let y25 = YearFigures { year: 2025, found: 20, found_prev_year: 30, ..Default::default() };
        assert_eq!(y25.target_met(), Some(true));
        assert_eq!(YearFigures { found: 31, ..y25 }.target_met(), Some(false));
        assert_eq!(YearFigures { increment_overdue_at_end: 1, ..y25 }.target_met(), Some(false));
        let y26 = YearFigures { year: 2026, overdue_at_end: 1, ..Default::default() };
        assert_eq!(y26.target_met(), Some(false));
        assert_eq!(YearFigures::default().clearance_rate(), 100.0);
        assert_eq!(YearFigures { year: 2023, ..Default::default() }.target_met(), None);
    }
}
