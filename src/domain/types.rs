//! The ledger's vocabulary: grades, sources, statuses, roles and escalation levels.

use chrono::NaiveDate;
use serde::Serialize;

/// Declares a closed set of words stored as text in the database.
macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The identifier stored in the database and used on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the identifier; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                match s.trim() { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// 重大事故隐患 / 一般隐患.
    Grade { Major => "major", General => "general" }
);
word_enum!(
    /// Where a hazard was found (plan item 5).
    Source { SelfReport => "self_report", Inspection => "inspection", PublicReport => "public_report" }
);
word_enum!(
    /// The hazard's place in its life.
    Status { Registered => "registered", Rectifying => "rectifying", Verifying => "verifying", Closed => "closed" }
);
word_enum!(
    /// A staff member's role.
    Role { Admin => "admin", Officer => "officer", Viewer => "viewer" }
);
word_enum!(
    /// The three parties of the on-site close-out.
    VerifierRole { Regulator => "regulator", Expert => "expert", Enterprise => "enterprise" }
);
word_enum!(
    /// A sign-off's outcome.
    Verdict { Pass => "pass", Fail => "fail" }
);
word_enum!(
    /// Who a notification goes to.
    Recipient { Principal => "principal", Controller => "controller" }
);
word_enum!(
    /// Who evaluated an enterprise's rectification before it applies to resume
    /// production: its own technical staff and experts, or a qualified agency.
    Evaluator { OwnExperts => "own_experts", Agency => "agency" }
);
word_enum!(
    /// The on-site review of a resumption application.
    Decision { Approved => "approved", Refused => "refused" }
);
word_enum!(
    /// What an attachment shows: the site before or after, the rectification report, or
    /// the evaluation report.
    AttachmentKind { Before => "before", After => "after", Report => "report", Evaluation => "evaluation" }
);
word_enum!(
    /// How much of the enterprise a stopped-production order stops.
    StopScope { Whole => "whole", Partial => "partial" }
);
word_enum!(
    /// A unit of the committee: member department or village.
    UnitKind { Department => "department", Village => "village" }
);
word_enum!(
    /// 函告 → 通报 → 约谈 → 曝光.
    Escalation { Letter => "letter", Circular => "circular", Summons => "summons", Exposure => "exposure" }
);

impl Escalation {
    /// The level number 1–4.
    pub fn level(self) -> u8 {
        match self {
            Escalation::Letter => 1,
            Escalation::Circular => 2,
            Escalation::Summons => 3,
            Escalation::Exposure => 4,
        }
    }

    /// The escalation for level 1–4; `None` for 0 or above 4.
    pub fn from_level(level: u8) -> Option<Self> {
        Escalation::ALL.get(usize::from(level).checked_sub(1)?).copied()
    }

    /// The character of the document number: 官安函, 官安通, 官安约, 官安曝.
    pub fn doc_char(self) -> &'static str {
        match self {
            Escalation::Letter => "函",
            Escalation::Circular => "通",
            Escalation::Summons => "约",
            Escalation::Exposure => "曝",
        }
    }
}

/// The document number, e.g. `官安函〔2026〕12号`.
pub fn doc_no(prefix: &str, level: Escalation, year: i32, seq: u32) -> String {
    format!("{prefix}{}〔{year}〕{seq}号", level.doc_char())
}

/// The interface language (its words are in the message catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses `zh`, `zh_CN.UTF-8`, `en`, `en_US` and the like.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s.starts_with("c.") || s == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// The five-part plan (五落实). Empty strings count as missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub responsible: String,
    pub measures: String,
    pub funds: String,
    pub deadline: String,
    pub contingency: String,
}

/// The names of the five parts, in order.
pub const PLAN_PARTS: [&str; 5] = ["responsible", "measures", "funds", "deadline", "contingency"];

impl Plan {
    /// The parts as (name, value) pairs in order.
    pub fn parts(&self) -> [(&'static str, &str); 5] {
        [
            (PLAN_PARTS[0], &self.responsible),
            (PLAN_PARTS[1], &self.measures),
            (PLAN_PARTS[2], &self.funds),
            (PLAN_PARTS[3], &self.deadline),
            (PLAN_PARTS[4], &self.contingency),
        ]
    }

    /// The parts still missing.
    pub fn missing(&self) -> Vec<&'static str> {
        self.parts().iter().filter(|(_, v)| v.trim().is_empty()).map(|(k, _)| *k).collect()
    }

    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }
}

/// The last day a hazard counts as stock (存量): found in 2023 or earlier.
pub fn stock_cutoff() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 12, 31).unwrap_or_default()
}

/// Stock (存量) vs increment (增量).
pub fn is_stock(discovered_on: NaiveDate) -> bool {
    discovered_on <= stock_cutoff()
}

/// Days past the deadline, 0 when not late or closed.
pub fn days_overdue(deadline: NaiveDate, status: Status, today: NaiveDate) -> i64 {
    if status == Status::Closed {
        return 0;
    }
    (today - deadline).num_days().max(0)
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The longest text each kind of field accepts, in characters.
pub mod limits {
    /// A hazard's title, an enterprise's or a person's name, a unit.
    pub const TITLE: usize = 200;
    pub const NAME: usize = 50;
    /// A login: as the OS allows.
    pub const LOGIN: usize = 32;
    /// A note, a reason, an opinion, a description, a plan part.
    pub const NOTE: usize = 2000;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_default()
    }

    #[test]
    fn words_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Source::parse("public_report"), Some(Source::PublicReport));
        assert_eq!(Grade::parse("huge"), None);
    }

    #[test]
    fn escalation_levels() {
        assert_eq!(Escalation::from_level(0), None);
        assert_eq!(Escalation::from_level(2), Some(Escalation::Circular));
        assert_eq!(Escalation::from_level(5), None);
        assert_eq!(doc_no("官安", Escalation::Letter, 2026, 12), "官安函〔2026〕12号");
    }

    #[test]
    fn plan_gate_lists_missing_parts() {
        let mut p = Plan { responsible: "张三".into(), measures: " ".into(), ..Plan::default() };
        assert_eq!(p.missing(), vec!["measures", "funds", "deadline", "contingency"]);
        p.measures = "更换".into();
        p.funds = "2万元".into();
        p.deadline = "2026-12-01".into();
        p.contingency = "停用".into();
        assert!(p.is_complete());
    }

    #[test]
    fn stock_and_overdue() {
        assert!(is_stock(d("2023-12-31")));
        assert!(!is_stock(d("2024-01-01")));
        let today = d("2026-11-29");
        assert_eq!(days_overdue(d("2026-11-28"), Status::Rectifying, today), 1);
        assert_eq!(days_overdue(d("2026-11-29"), Status::Rectifying, today), 0);
        assert_eq!(days_overdue(d("2026-01-01"), Status::Closed, today), 0);
        assert_eq!(days_overdue(d("2026-10-01"), Status::Registered, today), 59);
        assert_eq!(days_overdue(d("2026-12-01"), Status::Verifying, today), 0);
    }
}
