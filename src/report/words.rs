//! The paper's small words: section numbers (一、), item numbers ((一)), dates, quarters,
//! changes against the previous quarter and rates.

use chrono::{Datelike, NaiveDate};

use crate::domain::quarter::Quarter;
use crate::i18n::Lang;

const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A Chinese numeral for 1–99 (一, 十, 十一, 二十三).
pub fn chinese(n: usize) -> String {
    let (tens, ones) = (n / 10 % 10, n % 10);
    let ten = match tens {
        0 => String::new(),
        1 => "十".to_string(),
        t => format!("{}十", DIGITS[t]),
    };
    let one = if ones == 0 && tens > 0 { "" } else { DIGITS[ones] };
    format!("{ten}{one}")
}

/// A numeral in the language: 一 or 1.
fn numeral(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => chinese(n),
        Lang::En => n.to_string(),
    }
}

/// A section heading: 一、总体情况 / 1. Overall.
pub fn numbered(lang: Lang, n: usize, title: &str) -> String {
    lang.f("num.section", &[&numeral(lang, n), &title])
}

/// An item of a section: (一)… / (1) ….
pub fn item(lang: Lang, n: usize, text: &str) -> String {
    lang.f("num.item", &[&numeral(lang, n), &text])
}

/// A date as the paper writes it: 2026年11月29日 / 29 Nov 2026.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%-d %b %Y").to_string(),
    }
}

/// A quarter as the paper writes it: 2026年第四季度 / Q4 2026.
pub fn quarter(lang: Lang, q: Quarter) -> String {
    lang.f("quarter.name", &[&q.year, &numeral(lang, usize::from(q.q))])
}

/// The change from `before` to `now` in words: 增加3项, 减少2项, 持平.
pub fn change(lang: Lang, now: i64, before: i64) -> String {
    match now - before {
        0 => lang.t("change.same").to_string(),
        d if d > 0 => lang.f("change.up", &[&d]),
        d => lang.f("change.down", &[&-d]),
    }
}

/// The signed difference for a table: +3, -2, 0.
pub fn delta(now: i64, before: i64) -> String {
    match now - before {
        d if d > 0 => format!("+{d}"),
        d => d.to_string(),
    }
}

/// A rate in per cent with one decimal: 75.0%.
pub fn percent(rate: f64) -> String {
    format!("{rate:.1}%")
}

/// The signed difference of two rates in percentage points.
pub fn points(lang: Lang, now: f64, before: f64) -> String {
    lang.f("change.points", &[&format!("{:+.1}", now - before)])
}

/// Items joined with the language's list separator.
pub fn join(lang: Lang, items: &[String]) -> String {
    items.join(lang.t("list.sep"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 4, 9, 10, 11, 19, 20, 23, 99].iter().map(|n| chinese(*n)).collect();
        assert_eq!(got, ["一", "四", "九", "十", "十一", "十九", "二十", "二十三", "九十九"]);
    }

    #[test]
    fn dates_quarters_and_changes() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 9).unwrap();
        assert_eq!(date(Lang::Zh, d), "2026年11月9日");
        assert_eq!(date(Lang::En, d), "9 Nov 2026");
        let q = Quarter { year: 2026, q: 4 };
        assert_eq!(quarter(Lang::Zh, q), "2026年第四季度");
        assert_eq!(quarter(Lang::En, q), "Q4 2026");
        assert_eq!(numbered(Lang::Zh, 2, "总体情况"), "二、总体情况");
        assert_eq!(item(Lang::Zh, 3, "x"), "(三)x");
        assert_eq!(change(Lang::Zh, 5, 8), "减少3项");
        assert_eq!(change(Lang::Zh, 8, 5), "增加3项");
        assert_eq!(change(Lang::Zh, 5, 5), "持平");
        assert_eq!((delta(5, 8), delta(8, 5), delta(1, 1)), ("-3".into(), "+3".into(), "0".into()));
        assert_eq!(percent(66.666), "66.7%");
        assert_eq!(points(Lang::Zh, 70.0, 65.0), "+5.0个百分点");
    }
}
