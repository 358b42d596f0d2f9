//! The ledger-wide settings: the rules that change official figures or rights, the same
//! for everyone on a ledger and set only by an admin. Each has a name, a default and the
//! values it accepts; a value out of range is refused, never stored.

use super::escalation::Thresholds;
use super::{Lang, Role};

/// Every setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// What a login missing from the staff table may do.
    UnknownRole,
    /// Days overdue for a letter, a circular, a summons and exposure.
    OverdueDays,
    /// No progress for this long: at least a letter.
    StalledDays,
    /// The prefix of document numbers (官安 in 官安函〔2026〕12号).
    DocPrefix,
    /// The language everyone on the ledger sees unless they choose another.
    Lang,
    /// How many times an officer may extend one hazard's deadline.
    ExtendTimes,
    /// How many days at most an officer may add to a deadline at once.
    ExtendDays,
    /// How long after a write its author may undo it, in minutes.
    UndoMinutes,
    /// How often an enterprise's principal must lead an inspection, in months: ordinary
    /// sectors, high-risk ones, and any sector of its own (`3,1,燃气=1`).
    InspectionMonths,
    /// Sectors of the township's own besides the judgment-standard catalogue's.
    LocalSectors,
    /// The largest file that may be attached, in MB.
    AttachmentMb,
    /// The days a tip-off's verification (核查) may take from its receipt.
    TipoffDays,
}

impl Key {
    pub const ALL: [Key; 12] = [
        Key::UnknownRole,
        Key::OverdueDays,
        Key::StalledDays,
        Key::DocPrefix,
        Key::Lang,
        Key::ExtendTimes,
        Key::ExtendDays,
        Key::UndoMinutes,
        Key::InspectionMonths,
        Key::LocalSectors,
        Key::AttachmentMb,
        Key::TipoffDays,
    ];

    /// The name of `anwei settings set NAME VALUE`.
    pub fn name(self) -> &'static str {
        match self {
            Key::UnknownRole => "unknown_role",
            Key::OverdueDays => "overdue_days",
            Key::StalledDays => "stalled_days",
            Key::DocPrefix => "doc_prefix",
            Key::Lang => "lang",
            Key::ExtendTimes => "extend_times",
            Key::ExtendDays => "extend_days",
            Key::UndoMinutes => "undo_minutes",
            Key::InspectionMonths => "inspection_months",
            Key::LocalSectors => "local_sectors",
            Key::AttachmentMb => "attachment_mb",
            Key::TipoffDays => "tipoff_days",
        }
    }

    pub fn parse(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|k| k.name() == name.trim())
    }
}

/// The most days a threshold may be (ten years).
pub const MAX_DAYS: i64 = 3650;
/// The largest attachment a ledger may allow, in MB (a BLOB in one row).
pub const MAX_ATTACHMENT_MB: i64 = 200;
/// The most extensions an officer may be allowed.
pub const MAX_EXTEND_TIMES: i64 = 20;

/// How far an officer may extend a deadline; beyond it, only an admin may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtendLimit {
    pub times: i64,
    pub days: i64,
}

impl ExtendLimit {
    /// Whether an officer may make the extension numbered `nth` (1 for the first) of `days` days.
    pub fn allows(self, nth: i64, days: i64) -> bool {
        nth <= self.times && days <= self.days
    }
}

/// How often a head-led inspection is due, in months (plan item 3: quarterly, monthly in
/// high-risk sectors), with sectors of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cadence {
    pub ordinary: u32,
    pub high_risk: u32,
    pub sectors: std::collections::BTreeMap<String, u32>,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence { ordinary: 3, high_risk: 1, sectors: Default::default() }
    }
}

impl Cadence {
    /// The months between inspections of an enterprise of `sector`.
    pub fn months(&self, sector: &str, high_risk: bool) -> u32 {
        match self.sectors.get(sector) {
            Some(m) => *m,
            None if high_risk => self.high_risk,
            None => self.ordinary,
        }
    }

    fn parse(text: &str) -> Option<Cadence> {
        let month = |t: &str| t.trim().parse::<u32>().ok().filter(|m| (1..=12).contains(m));
        let mut parts = text.split([',', '，']);
        let (ordinary, high_risk) = (month(parts.next()?)?, month(parts.next()?)?);
        let mut sectors = std::collections::BTreeMap::new();
        for p in parts {
            let (sector, m) = p.split_once('=')?;
            let sector = sector.trim();
            if sector.is_empty() || sector.chars().count() > super::limits::NAME {
                return None;
            }
            sectors.insert(sector.to_string(), month(m)?);
        }
        Some(Cadence { ordinary, high_risk, sectors })
    }

    fn text(&self) -> String {
        let mut parts = vec![self.ordinary.to_string(), self.high_risk.to_string()];
        parts.extend(self.sectors.iter().map(|(s, m)| format!("{s}={m}")));
        parts.join(",")
    }
}

/// The settings of a ledger, with their defaults where none was set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub unknown_role: Role,
    pub thresholds: Thresholds,
    pub doc_prefix: String,
    pub lang: Lang,
    pub extend: ExtendLimit,
    pub undo_minutes: i64,
    pub inspection: Cadence,
    /// The township's own sectors, besides the catalogue's.
    pub local_sectors: Vec<String>,
    /// The largest attachment, in MB.
    pub attachment_mb: i64,
    /// The days from a tip-off's receipt to its verification's deadline.
    pub tipoff_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            unknown_role: Role::Viewer,
            thresholds: Thresholds::default(),
            doc_prefix: "官安".into(),
            lang: Lang::Zh,
            extend: ExtendLimit { times: 2, days: 90 },
            undo_minutes: 30,
            inspection: Cadence::default(),
            local_sectors: Vec::new(),
            attachment_mb: 20,
            tipoff_days: 15,
        }
    }
}

/// Why a value was refused; the catalogue key is `setting.why.NAME`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not viewer or officer (an unknown login is never an admin).
    Role,
    /// Four whole numbers of days, rising, from 1 to `MAX_DAYS`.
    Days4,
    /// A whole number of days from 1 to `MAX_DAYS`.
    Days,
    /// One to eight letters, no spaces or punctuation.
    Prefix,
    /// zh or en.
    Lang,
    /// A whole number from 0 to `MAX_EXTEND_TIMES`.
    Times,
    /// A whole number of minutes from 0 to a day.
    Minutes,
    /// Months from 1 to 12: ordinary, high-risk, then `sector=months`.
    Cadence,
    /// Names of at most `limits::NAME` characters, separated by commas or 、.
    Sectors,
    /// A whole number of MB from 1 to `MAX_ATTACHMENT_MB`.
    Megabytes,
}

impl Refused {
    pub fn name(self) -> &'static str {
        match self {
            Refused::Role => "role",
            Refused::Days4 => "days4",
            Refused::Days => "days",
            Refused::Prefix => "prefix",
            Refused::Lang => "lang",
            Refused::Times => "times",
            Refused::Minutes => "minutes",
            Refused::Cadence => "cadence",
            Refused::Sectors => "sectors",
            Refused::Megabytes => "megabytes",
        }
    }
}

/// Sector names separated by commas or 、, each of at most `limits::NAME` characters,
/// none a control character; "" for none.
fn sector_names(text: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for name in text.split([',', '，', '、']).map(str::trim).filter(|n| !n.is_empty()) {
        if name.chars().count() > super::limits::NAME || name.chars().any(char::is_control) {
            return None;
        }
        if !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    }
    Some(out)
}

fn days(text: &str) -> Option<i64> {
    text.trim().parse::<i64>().ok().filter(|d| (1..=MAX_DAYS).contains(d))
}

impl Settings {
    /// Sets `key` from its text form (as stored and as typed), checking its range.
    pub fn set(&mut self, key: Key, text: &str) -> Result<(), Refused> {
        match key {
            Key::UnknownRole => {
                self.unknown_role = Role::parse(text).filter(|r| *r != Role::Admin).ok_or(Refused::Role)?;
            }
            Key::OverdueDays => {
                let parts: Vec<Option<i64>> = text.split(',').map(days).collect();
                let [Some(a), Some(b), Some(c), Some(d)] = parts.as_slice() else { return Err(Refused::Days4) };
                if !(a < b && b < c && c < d) {
                    return Err(Refused::Days4);
                }
                self.thresholds.overdue_days = [*a, *b, *c, *d];
            }
            Key::StalledDays => self.thresholds.stalled_days = days(text).ok_or(Refused::Days)?,
            Key::DocPrefix => {
                let t = text.trim();
                let ok = (1..=8).contains(&t.chars().count()) && t.chars().all(char::is_alphanumeric);
                if !ok {
                    return Err(Refused::Prefix);
                }
                self.doc_prefix = t.to_string();
            }
            Key::Lang => self.lang = Lang::parse(text).ok_or(Refused::Lang)?,
            Key::ExtendTimes => {
                let times = text.trim().parse::<i64>().ok().filter(|t| (0..=MAX_EXTEND_TIMES).contains(t));
                self.extend.times = times.ok_or(Refused::Times)?;
            }
            Key::ExtendDays => self.extend.days = days(text).ok_or(Refused::Days)?,
            Key::UndoMinutes => {
                let minutes = text.trim().parse::<i64>().ok().filter(|m| (0..=24 * 60).contains(m));
                self.undo_minutes = minutes.ok_or(Refused::Minutes)?;
            }
            Key::InspectionMonths => self.inspection = Cadence::parse(text).ok_or(Refused::Cadence)?,
            Key::LocalSectors => self.local_sectors = sector_names(text).ok_or(Refused::Sectors)?,
            Key::AttachmentMb => {
                let mb = text.trim().parse::<i64>().ok().filter(|m| (1..=MAX_ATTACHMENT_MB).contains(m));
                self.attachment_mb = mb.ok_or(Refused::Megabytes)?;
            }
            Key::TipoffDays => self.tipoff_days = days(text).ok_or(Refused::Days)?,
        }
        Ok(())
    }

    /// The text form of `key`'s value.
    pub fn get(&self, key: Key) -> String {
        match key {
            Key::UnknownRole => self.unknown_role.as_str().to_string(),
            Key::OverdueDays => {
                self.thresholds.overdue_days.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(",")
            }
            Key::StalledDays => self.thresholds.stalled_days.to_string(),
            Key::DocPrefix => self.doc_prefix.clone(),
            Key::Lang => match self.lang {
                Lang::Zh => "zh".into(),
                Lang::En => "en".into(),
            },
            Key::ExtendTimes => self.extend.times.to_string(),
            Key::ExtendDays => self.extend.days.to_string(),
            Key::UndoMinutes => self.undo_minutes.to_string(),
            Key::InspectionMonths => self.inspection.text(),
            Key::LocalSectors => self.local_sectors.join(","),
            Key::AttachmentMb => self.attachment_mb.to_string(),
            Key::TipoffDays => self.tipoff_days.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_range_only() {
        let mut s = Settings::default();
        assert_eq!(s.set(Key::OverdueDays, "2, 10, 20, 40"), Ok(()));
        assert_eq!(s.thresholds.overdue_days, [2, 10, 20, 40]);
        for bad in ["1,2,3,200000000", "1,2,3", "5,1,20,40", "0,1,2,3", "a,b,c,d", "-1,2,3,4"] {
            assert_eq!(s.set(Key::OverdueDays, bad), Err(Refused::Days4), "{bad}");
        }
        assert_eq!(s.set(Key::StalledDays, "-5"), Err(Refused::Days));
        assert_eq!(s.set(Key::UnknownRole, "admin"), Err(Refused::Role), "an unknown login is never an admin");
        assert_eq!(s.set(Key::UnknownRole, "officer"), Ok(()));
        assert_eq!(s.set(Key::DocPrefix, "官 安"), Err(Refused::Prefix));
        assert_eq!(s.set(Key::Lang, "xx"), Err(Refused::Lang));
        assert_eq!(s.set(Key::ExtendTimes, "21"), Err(Refused::Times));
        assert_eq!(s.set(Key::ExtendTimes, "0"), Ok(()));
        assert_eq!(s.set(Key::ExtendDays, "0"), Err(Refused::Days));
        assert_eq!(s.set(Key::InspectionMonths, "3,1,燃气=2"), Ok(()));
        assert_eq!((s.inspection.months("燃气", true), s.inspection.months("工贸", false)), (2, 3));
        for bad in ["3", "0,1", "3,13", "3,1,=2", "3,1,燃气"] {
            assert_eq!(s.set(Key::InspectionMonths, bad), Err(Refused::Cadence), "{bad}");
        }
        assert_eq!(s.set(Key::LocalSectors, "农家乐、 民宿,农家乐"), Ok(()));
        assert_eq!(s.local_sectors, ["农家乐", "民宿"]);
        assert_eq!(s.set(Key::LocalSectors, "a\u{1b}b"), Err(Refused::Sectors));
        for k in Key::ALL {
            let text = s.get(k);
            let mut again = Settings::default();
            again.set(k, &text).unwrap();
            assert_eq!(again.get(k), text, "{k:?} round trip");
        }
    }
}
