//! The consultation agenda for a quarter, built from the ledger: owned figures, each with
//! the filter that lists the hazards behind it, the lists to decide on, and the topics as
//! the record orders them.
//!
//! Quarter figures are as they stood at the quarter's end (today for the current quarter):
//! a hazard is open on a day when it was found by then and not closed by then. The lists to
//! decide on (escalation queue, awaiting sign-off) and the follow-up of actions are as of today.

mod figures;
mod lists;

use chrono::NaiveDate;
use serde::Serialize;

use super::consultation::{ActionFilter, ActionRow, ConsultationRecord, TopicRecord};
use super::list::{Filter, HazardRow};
use super::{Store, StoreError};
use crate::domain::consultation::SectionKind;
use crate::domain::quarter::Quarter;
use crate::domain::{Grade, Source};
pub use lists::{FailedRound, IssuedDocument};

/// A count and the filter that lists the hazards behind it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figure {
    pub value: i64,
    pub filter: Filter,
}

/// A count of follow-up actions and the filter that lists them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActionFigure {
    pub value: i64,
    pub filter: ActionFilter,
}

/// One quarter's major-hazard figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterFigures {
    pub quarter: Quarter,
    /// The day the end figures are taken: the quarter's last day, or today.
    pub as_of: NaiveDate,
    pub open_start: Figure,
    pub open_end: Figure,
    pub new: Figure,
    pub new_by_source: Vec<(Source, Figure)>,
    pub closed: Figure,
    pub overdue_end: Figure,
}

impl QuarterFigures {
    /// Closed as a share of what was open at the start plus what was found, in per cent.
    pub fn clearance_rate(&self) -> f64 {
        let base = self.open_start.value + self.new.value;
        if base == 0 { 100.0 } else { self.closed.value as f64 * 100.0 / base as f64 }
    }
}

/// Section 1: the quarter against the one before, and the trend over eight quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    pub this: QuarterFigures,
    pub prev: QuarterFigures,
    /// Oldest first; the last is this quarter.
    pub trend: Vec<QuarterFigures>,
}

/// A group (enterprise, village, sector) and its figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub label: String,
    pub figure: Figure,
}

/// Section 2: stock (found in 2023 or earlier) and increment against the plan's targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StockIncrement {
    pub stock_open: Figure,
    pub stock_by_enterprise: Vec<Group>,
    /// The end-2024 target: stock still open at the end of 2024.
    pub stock_open_end_2024: Figure,
    pub increment_open: Figure,
    pub increment_overdue: Figure,
    /// The end-2025 target: found in 2024 and 2025, and increment overdue at the end of 2025.
    pub found_2024: Figure,
    pub found_2025: Figure,
    pub increment_overdue_end_2025: Figure,
}

/// Section 3: hazards overdue at the quarter's end, the longest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overdue {
    pub total: Figure,
    pub rows: Vec<HazardRow>,
}

/// Section 4: escalation documents issued in the quarter, and the queue proposed for decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalations {
    /// Hazards escalated in the quarter.
    pub escalated: Figure,
    /// Per level 1–4: hazards escalated to it in the quarter (one document each).
    pub by_level: Vec<(u8, Figure)>,
    pub documents: Vec<IssuedDocument>,
    pub queue: Figure,
    pub queue_rows: Vec<HazardRow>,
}

/// Section 5: hazards awaiting three-party sign-off, and failed rounds in the quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verification {
    pub awaiting: Figure,
    pub awaiting_rows: Vec<HazardRow>,
    pub failed: Figure,
    pub failed_rounds: Vec<FailedRound>,
}

/// One village or sector in section 6.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRow {
    pub label: String,
    pub open: Figure,
    pub overdue: Figure,
    pub new: Figure,
    pub closed: Figure,
}

/// Section 6: by village and by sector, where most is overdue first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Places {
    pub villages: Vec<PlaceRow>,
    pub sectors: Vec<PlaceRow>,
}

/// The enterprises' duties as of today: head-led inspections behind (the longest first,
/// at most `DUTY_ROWS`, with the true total), major hazards not yet notified, listed
/// supervision and stopped production, resumption applications awaiting review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duties {
    pub behind: i64,
    pub behind_rows: Vec<super::inspection::Arrear>,
    pub not_notified: Figure,
    pub listed: Figure,
    pub listed_stopped: Figure,
    pub stopped: Figure,
    pub reviews_pending: Figure,
    /// Of the applications awaiting review, those past the ten days.
    pub reviews_late: i64,
}

/// The most enterprises behind that the agenda lists.
pub const DUTY_ROWS: usize = 20;

/// Section 7: the previous consultation's decisions and its actions now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub previous: Option<Quarter>,
    pub held_on: Option<NaiveDate>,
    /// Topics with a decision, in agenda order.
    pub decisions: Vec<TopicRecord>,
    pub actions: Vec<ActionRow>,
    pub done: ActionFigure,
    pub open: ActionFigure,
    pub late: ActionFigure,
}

/// One agenda topic: recorded (with its id and version) or, before any record, a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaTopic {
    pub id: Option<i64>,
    pub version: Option<i64>,
    pub kind: SectionKind,
    pub title: String,
    pub proposal: String,
    pub decision: String,
    pub dropped: bool,
}

/// The agenda of one quarter's consultation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agenda {
    pub quarter: Quarter,
    pub org: String,
    pub today: NaiveDate,
    /// The quarter's last day, or today while it runs.
    pub as_of: NaiveDate,
    pub current: bool,
    pub record: Option<ConsultationRecord>,
    /// In agenda order, dropped ones included.
    pub topics: Vec<AgendaTopic>,
    pub overall: Overall,
    pub stock: StockIncrement,
    pub overdue: Overdue,
    pub escalations: Escalations,
    pub verification: Verification,
    pub places: Places,
    pub duties: Duties,
    pub follow_up: FollowUp,
    /// When the next quarter's consultation is due, and this quarter's statistics.
    pub next_consultation_due: NaiveDate,
    pub statistics_due: NaiveDate,
}

/// The major hazards, narrowed by `f`.
pub(crate) fn major(f: Filter) -> Filter {
    Filter { grade: Some(Grade::Major), ..f }
}

impl Store {
    /// The agenda of `quarter` (not one that has not started).
    pub fn agenda(&self, quarter: Quarter) -> Result<Agenda, StoreError> {
        let today = self.today();
        if quarter.start() > today {
            return Err(StoreError::Invalid { field: "quarter", value: quarter.to_string(), why: "future".into() });
        }
        let as_of = quarter.end().min(today);
        let record = self.consultation(quarter)?;
        let cadence = self.cadence()?;
        Ok(Agenda {
            quarter,
            org: self.org_name()?,
            today,
            as_of,
            current: as_of == today,
            topics: topics(record.as_ref()),
            overall: self.overall(quarter)?,
            stock: self.stock_increment(as_of)?,
            overdue: self.overdue_at(as_of)?,
            escalations: self.escalations_in(quarter.start(), as_of)?,
            verification: self.verification_in(quarter.start(), as_of)?,
            places: self.places(quarter.start(), as_of)?,
            duties: self.duties()?,
            follow_up: self.follow_up(quarter)?,
            record,
            next_consultation_due: cadence.consultation_due(quarter.next()),
            statistics_due: cadence.quarterly_stats_due(quarter),
        })
    }
}

/// The recorded topics, or the seven generated sections when nothing is recorded yet.
fn topics(record: Option<&ConsultationRecord>) -> Vec<AgendaTopic> {
    match record {
        Some(r) => r
            .topics
            .iter()
            .map(|t| AgendaTopic {
                id: Some(t.id),
                version: Some(t.version),
                kind: t.kind,
                title: t.title.clone(),
                proposal: t.proposal.clone(),
                decision: t.decision.clone(),
                dropped: t.dropped,
            })
            .collect(),
        None => SectionKind::GENERATED
            .iter()
            .map(|k| AgendaTopic {
                id: None,
                version: None,
                kind: *k,
                title: String::new(),
                proposal: String::new(),
                decision: String::new(),
                dropped: false,
            })
            .collect(),
    }
}
