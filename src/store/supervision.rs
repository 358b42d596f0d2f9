//! What the ledger holds of a hazard's listed supervision, stopped-production order and
//! resumption applications, and the queue of applications awaiting their on-site review.

use chrono::{Duration, NaiveDate};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::list::Sql;
use super::{Store, StoreError};
use crate::domain::parse_date;
use crate::store::write::supervise::REVIEW_DAYS;

/// A standing listing for supervision (挂牌督办).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listing {
    pub unit: String,
    pub responsible: String,
    pub doc_no: String,
    pub date: String,
}

/// A standing stopped-production order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StopOrder {
    pub date: String,
    pub partial: bool,
}

/// One resumption application and, once held, its on-site review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resumption {
    pub applied_on: String,
    pub evaluator: String,
    pub evaluated_by: String,
    pub report: String,
    /// The last day of the review (the application's day plus ten).
    pub review_due: String,
    pub reviewed_on: Option<String>,
    pub decision: Option<String>,
    pub reviewer: String,
    pub opinion: String,
}

/// A hazard's supervision beyond escalation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Supervision {
    pub listing: Option<Listing>,
    pub stop: Option<StopOrder>,
    pub resumptions: Vec<Resumption>,
}

/// A resumption application awaiting its on-site review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewDue {
    pub code: String,
    pub title: String,
    pub enterprise: String,
    pub applied_on: String,
    pub review_due: String,
    /// Days until the review is due (negative: late).
    pub days_left: i64,
    pub evaluator: String,
    pub evaluated_by: String,
}

/// The last day of the review of an application made on `applied`.
pub fn review_due(applied: NaiveDate) -> NaiveDate {
    applied + Duration::days(REVIEW_DAYS)
}

fn due_of(applied: &str) -> NaiveDate {
    review_due(parse_date(applied).unwrap_or_default())
}

/// The supervision of hazard `id`.
pub(crate) fn of_hazard(conn: &Connection, id: i64) -> Result<Supervision, StoreError> {
    let (listing, stop) = conn
        .query_row(
            "SELECT listed_unit, listing_responsible, listing_doc, COALESCE(listed_on, ''), stopped_production,
                    COALESCE(stopped_on, ''), stop_partial FROM hazards WHERE id = ?1",
            [id],
            |r| {
                let unit: String = r.get(0)?;
                let listing = (!unit.is_empty()).then(|| -> rusqlite::Result<Listing> {
                    Ok(Listing { unit: unit.clone(), responsible: r.get(1)?, doc_no: r.get(2)?, date: r.get(3)? })
                });
                let stop = r
                    .get::<_, bool>(4)?
                    .then(|| -> rusqlite::Result<StopOrder> { Ok(StopOrder { date: r.get(5)?, partial: r.get(6)? }) });
                Ok((listing.transpose()?, stop.transpose()?))
            },
        )
        .optional()?
        .unwrap_or_default();
    let mut s = conn.prepare_cached(
        "SELECT applied_on, evaluator_kind, evaluator, report, reviewed_on, decision, reviewer, opinion
         FROM resumptions WHERE hazard_id = ?1 ORDER BY id",
    )?;
    let resumptions = s
        .query_map([id], |r| {
            let applied_on: String = r.get(0)?;
            Ok(Resumption {
                review_due: due_of(&applied_on).to_string(),
                applied_on,
                evaluator: r.get(1)?,
                evaluated_by: r.get(2)?,
                report: r.get(3)?,
                reviewed_on: r.get(4)?,
                decision: r.get(5)?,
                reviewer: r.get(6)?,
                opinion: r.get(7)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Supervision { listing, stop, resumptions })
}

/// How many applications await their review, and how many of those are late on `today`.
pub(crate) fn reviews_sql(today: NaiveDate) -> Sql {
    let late_before = (today - Duration::days(REVIEW_DAYS)).to_string();
    Sql {
        text: "SELECT COUNT(*), COALESCE(SUM(applied_on < ?1), 0) FROM resumptions WHERE decision IS NULL".into(),
        params: vec![late_before.into()],
    }
}

/// `reviews_sql`'s two numbers.
pub(crate) fn reviews_pending(conn: &Connection, today: NaiveDate) -> Result<(i64, i64), StoreError> {
    let q = reviews_sql(today);
    Ok(conn.query_row(&q.text, rusqlite::params_from_iter(q.params.iter()), |r| Ok((r.get(0)?, r.get(1)?)))?)
}

impl Store {
    /// How many applications await their on-site review.
    pub fn reviews_awaiting(&self) -> Result<i64, StoreError> {
        Ok(reviews_pending(&self.conn, self.today())?.0)
    }

    /// The applications awaiting their on-site review, the longest waiting first.
    pub fn reviews_due(&self, limit: usize) -> Result<Vec<ReviewDue>, StoreError> {
        let today = self.clock.today();
        let mut s = self.conn.prepare_cached(
            "SELECT h.code, h.title, e.name, r.applied_on, r.evaluator_kind, r.evaluator
             FROM resumptions r JOIN hazards h ON h.id = r.hazard_id JOIN enterprises e ON e.id = h.enterprise_id
             WHERE r.decision IS NULL ORDER BY r.applied_on, r.id LIMIT ?1",
        )?;
        let rows = s.query_map(params![limit as i64], |r| {
            let applied_on: String = r.get(3)?;
            let due = due_of(&applied_on);
            Ok(ReviewDue {
                code: r.get(0)?,
                title: r.get(1)?,
                enterprise: r.get(2)?,
                review_due: due.to_string(),
                days_left: (due - today).num_days(),
                applied_on,
                evaluator: r.get(4)?,
                evaluated_by: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
