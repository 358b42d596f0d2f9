//! The agenda's lists: escalation documents and the queue, sign-offs awaited and failed,
//! and the previous consultation's decisions and actions.

use chrono::NaiveDate;
use serde::Serialize;

use super::{ActionFigure, Duties, Escalations, FollowUp, Verification, major};
use crate::domain::consultation::ActionState;
use crate::domain::quarter::Quarter;
use crate::store::consultation::ActionFilter;
use crate::store::list::Filter;
use crate::store::{Store, StoreError};

/// An escalation document issued in the quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IssuedDocument {
    pub doc_no: String,
    pub date: String,
    pub level: u8,
    pub code: String,
    pub enterprise: String,
    pub title: String,
}

/// A failed sign-off in the quarter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedRound {
    pub code: String,
    pub enterprise: String,
    pub title: String,
    pub round: i64,
    pub role: String,
    pub name: String,
    pub organisation: String,
    pub date: String,
    pub opinion: String,
}

const DOCUMENTS: &str = "SELECT x.doc_no, x.date, x.level, h.code, e.name, h.title
    FROM escalations x JOIN hazards h ON h.id = x.hazard_id JOIN enterprises e ON e.id = h.enterprise_id
    WHERE h.grade = 'major' AND x.date BETWEEN ?1 AND ?2 ORDER BY x.date, x.id";

const FAILED: &str = "SELECT h.code, e.name, h.title, y.round, y.role, y.name, y.organisation, y.date, y.opinion
    FROM verifications y JOIN hazards h ON h.id = y.hazard_id JOIN enterprises e ON e.id = h.enterprise_id
    WHERE h.grade = 'major' AND y.verdict = 'fail' AND y.date BETWEEN ?1 AND ?2 ORDER BY y.date, y.id";

impl Store {
    /// Section 4: documents from `start` to `end`, and today's queue.
    pub(super) fn escalations_in(&self, start: NaiveDate, end: NaiveDate) -> Result<Escalations, StoreError> {
        let period = Some((start, end));
        let escalated = major(Filter { escalated: period, ..Filter::default() });
        let by_level = (1..=4u8)
            .map(|l| Ok((l, self.figure(Filter { escalated_level: Some(l), ..escalated.clone() })?)))
            .collect::<Result<_, StoreError>>()?;
        let mut stmt = self.conn.prepare_cached(DOCUMENTS)?;
        let documents = stmt
            .query_map([start.to_string(), end.to_string()], |r| {
                Ok(IssuedDocument {
                    doc_no: r.get(0)?,
                    date: r.get(1)?,
                    level: r.get(2)?,
                    code: r.get(3)?,
                    enterprise: r.get(4)?,
                    title: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let queue = major(Filter { escalation_queue: true, ..Filter::default() });
        Ok(Escalations {
            escalated: self.figure(escalated)?,
            by_level,
            documents,
            queue_rows: self.rows(&queue)?,
            queue: self.figure(queue)?,
        })
    }

    /// Section 5: today's hazards awaiting sign-off, failed rounds from `start` to `end`.
    pub(super) fn verification_in(&self, start: NaiveDate, end: NaiveDate) -> Result<Verification, StoreError> {
        let awaiting = major(Filter { awaiting_verification: true, ..Filter::default() });
        let failed = major(Filter { failed_sign_off: Some((start, end)), ..Filter::default() });
        let mut stmt = self.conn.prepare_cached(FAILED)?;
        let failed_rounds = stmt
            .query_map([start.to_string(), end.to_string()], |r| {
                Ok(FailedRound {
                    code: r.get(0)?,
                    enterprise: r.get(1)?,
                    title: r.get(2)?,
                    round: r.get(3)?,
                    role: r.get(4)?,
                    name: r.get(5)?,
                    organisation: r.get(6)?,
                    date: r.get(7)?,
                    opinion: r.get(8)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Verification {
            awaiting_rows: self.rows(&awaiting)?,
            awaiting: self.figure(awaiting)?,
            failed: self.figure(failed)?,
            failed_rounds,
        })
    }

    /// The enterprises' duties, as of today.
    pub(super) fn duties(&self) -> Result<Duties, StoreError> {
        let (_, reviews_late) = crate::store::supervision::reviews_pending(&self.conn, self.today())?;
        let listed = Filter { listed: true, ..Filter::default() };
        Ok(Duties {
            behind: self.inspections_behind()?,
            behind_rows: self.inspection_arrears(super::DUTY_ROWS)?,
            not_notified: self.figure(Filter { not_notified: true, ..Filter::default() })?,
            listed_stopped: self.figure(Filter { stopped: true, ..listed.clone() })?,
            listed: self.figure(listed)?,
            stopped: self.figure(Filter { stopped: true, ..Filter::default() })?,
            reviews_pending: self.figure(Filter { review_pending: true, ..Filter::default() })?,
            reviews_late,
        })
    }

    /// Section 7: the latest consultation recorded before `q`.
    pub(super) fn follow_up(&self, q: Quarter) -> Result<FollowUp, StoreError> {
        let previous = self.consultation_quarters()?.into_iter().map(|(p, _)| p).rfind(|p| *p < q);
        let record = previous.map(|p| self.consultation(p)).transpose()?.flatten();
        let (held_on, decisions, actions) = match record {
            Some(r) => {
                let decisions = r.topics.into_iter().filter(|t| !t.dropped && !t.decision.trim().is_empty()).collect();
                (r.held_on, decisions, r.actions)
            }
            None => (None, Vec::new(), Vec::new()),
        };
        let figure = |state: ActionState| ActionFigure {
            value: actions.iter().filter(|a| a.state == state).count() as i64,
            filter: ActionFilter { quarter: previous, state: Some(state), ..ActionFilter::default() },
        };
        Ok(FollowUp {
            previous,
            held_on,
            done: figure(ActionState::Done),
            open: figure(ActionState::Open),
            late: figure(ActionState::Late),
            decisions,
            actions,
        })
    }
}
