//! Dates as spreadsheets write them: `2024-03-12`, `2024/3/12`, `2024.03.12`,
//! `2024年3月12日`, or an Excel serial number.

use chrono::{Days, NaiveDate};

/// The largest serial Excel accepts (9999-12-31).
const MAX_SERIAL: f64 = 2_958_465.0;

/// Parses one cell as a date; `None` when it is none of the accepted forms.
pub fn parse(cell: &str) -> Option<NaiveDate> {
    let half = half_width(cell);
    let s = half.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(serial) = serial_number(s) {
        return from_serial(serial);
    }
    // a time after the date ("2024-03-12 00:00:00", "2024-03-12T08:00") is dropped
    let date_part = s.split([' ', 'T']).next().unwrap_or(s);
    ymd(date_part)
}

/// Full-width digits, separators and spaces (`２０２４－３－１２`, as a Chinese input
/// method types them) in their ASCII forms.
fn half_width(cell: &str) -> String {
    cell.chars()
        .map(|c| match c {
            '０'..='９' | '－' | '／' | '．' | '：' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// `YYYY` `sep` `M` `sep` `D`, with `-`, `/`, `.` or 年月日 between.
fn ymd(s: &str) -> Option<NaiveDate> {
    let s = s.strip_suffix('日').or_else(|| s.strip_suffix('号')).unwrap_or(s);
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let num = |t: &str| if t.bytes().all(|b| b.is_ascii_digit()) { t.parse::<u32>().ok() } else { None };
    let year = i32::try_from(num(y)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(m)?, num(d)?)
}

/// A serial number such as `45363` or `45363.5`. Only five-digit day numbers (1927 to 2173)
/// count, so that a year (`2024`) or a half-typed date (`2024.03`) is never read as one.
fn serial_number(s: &str) -> Option<f64> {
    let (days, fraction) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if days.len() != 5 || !digits(days) || !digits(fraction) {
        return None;
    }
    s.parse().ok()
}

/// The date of an Excel serial number (1900 date system; the time of day is dropped).
pub fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..=MAX_SERIAL).contains(&serial) {
        return None;
    }
    let days = serial.floor() as u64;
    // Excel counts the nonexistent 1900-02-29 as day 60
    let (epoch, days) = match days {
        60 => return None,
        0..60 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, days),
        _ => (NaiveDate::from_ymd_opt(1899, 12, 30)?, days),
    };
    epoch.checked_add_days(Days::new(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn every_written_form() {
        for s in
            ["2024-03-12", "2024/3/12", "2024.03.12", "2024年3月12日", " 2024-3-12 ", "2024-03-12 00:00:00", "45363"]
        {
            assert_eq!(parse(s), d(2024, 3, 12), "{s}");
        }
        assert_eq!(parse("2024年03月12号"), d(2024, 3, 12));
        assert_eq!(parse("２０２４年３月１２日"), d(2024, 3, 12));
        assert_eq!(parse("２０２４－０３－１２\u{3000}"), d(2024, 3, 12));
        assert_eq!(parse("45363.75"), d(2024, 3, 12));
    }

    #[test]
    fn serial_numbers_follow_excel() {
        assert_eq!(from_serial(1.0), d(1900, 1, 1));
        assert_eq!(from_serial(59.0), d(1900, 2, 28));
        assert_eq!(from_serial(60.0), None);
        assert_eq!(from_serial(61.0), d(1900, 3, 1));
        assert_eq!(from_serial(46355.0), d(2026, 11, 29));
        assert_eq!(from_serial(0.0), None);
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "2024-13-01",
            "2024-02-30",
            "24-3-12",
            "2024/03",
            "明天",
            "2024-03-12x",
            "1e5",
            "3.2.1",
            "-5",
            "2024",
            "2024.03",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }
}
