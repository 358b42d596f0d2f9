//! The statutory calendar in words, for `anwei calendar` and the overview.

use super::words::{date, quarter};
use crate::domain::calendar::{Due, Duty};
use crate::i18n::Lang;
use crate::text::sanitise;

/// What is due, in words.
pub fn describe(lang: Lang, d: &Due) -> String {
    match &d.duty {
        Duty::Consultation { quarter: q } => lang.f("cal.consultation", &[&quarter(lang, *q)]),
        Duty::QuarterlyStatistics { quarter: q } => lang.f("cal.quarterly_stats", &[&quarter(lang, *q)]),
        Duty::AnnualStatistics { year } => lang.f("cal.annual_stats", &[year]),
        Duty::HalfYearSummary { year } => lang.f("cal.half_year", &[year]),
        Duty::Action { id, title, lead_unit, assignee, .. } => {
            let who = [lead_unit, assignee].iter().map(|s| sanitise(s)).filter(|s| !s.is_empty()).collect::<Vec<_>>();
            let who = if who.is_empty() { String::new() } else { lang.f("cal.who", &[&who.join(lang.t("list.sep"))]) };
            lang.f("cal.action", &[id, &sanitise(title), &who])
        }
    }
}

/// How far off it is: 还有26天, 今天到期, 已逾期3天.
pub fn when(lang: Lang, d: &Due) -> String {
    match d.days_left {
        0 => lang.t("cal.today").to_string(),
        n if n > 0 => lang.f("cal.days_left", &[&n]),
        n => lang.f("cal.late", &[&-n]),
    }
}

/// One line per duty: date, how far off, what.
pub fn lines(lang: Lang, dues: &[Due]) -> Vec<String> {
    dues.iter().map(|d| format!("{}  {}  {}", date(lang, d.date), when(lang, d), describe(lang, d))).collect()
}
