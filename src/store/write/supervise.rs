//! The supervision of a major hazard beyond escalation (16号令 Art. 18, 23): listing it
//! for supervision (挂牌督办) and clearing the listing, the stopped-production order, and
//! the resumption application with its on-site review.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{Change, Ctx, Done, Event, HazardState, invalid, required_text as name, step_day as day};
use crate::domain::permission::Write;
use crate::domain::{Decision, Evaluator, Grade, StopScope, limits, parse_date, status};
use crate::store::{Store, StoreError};

/// The days the regulator has for the on-site review of a resumption application.
pub const REVIEW_DAYS: i64 = 10;

/// A listing for supervision as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingInput {
    /// The listing unit (督办单位).
    pub unit: String,
    /// The unit responsible for seeing it rectified (责任单位).
    pub responsible: String,
    /// Its document number (文号), if it has one.
    pub doc_no: String,
    /// The day it was listed (today unless said).
    pub date: Option<NaiveDate>,
}

/// A resumption application as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyInput {
    pub date: Option<NaiveDate>,
    pub evaluator: Evaluator,
    /// Who wrote the evaluation report (the experts' names, or the agency).
    pub by: String,
    /// The report's title or number.
    pub report: String,
}

/// The on-site review of the pending application as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewInput {
    pub date: Option<NaiveDate>,
    pub decision: Decision,
    pub reviewer: String,
    pub opinion: String,
}

/// The application still waiting for its review: its id and the day it was made.
fn pending(ctx: &Ctx, h: &HazardState) -> Result<Option<(i64, NaiveDate)>, StoreError> {
    let row: Option<(i64, String)> = ctx
        .tx
        .query_row(
            "SELECT id, applied_on FROM resumptions WHERE hazard_id = ?1 AND decision IS NULL ORDER BY id DESC LIMIT 1",
            [h.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.map(|(id, on)| (id, parse_date(&on).unwrap_or_default())))
}

impl Store {
    /// Lists an open major hazard for supervision.
    pub fn list_supervision(&mut self, code: &str, version: Option<i64>, l: &ListingInput) -> Result<Done, StoreError> {
        name("listing_unit", &l.unit, limits::TITLE)?;
        name("responsible_unit", &l.responsible, limits::TITLE)?;
        StoreError::check_len("doc_no", &l.doc_no, limits::NAME)?;
        self.write_hazard(Write::Supervise, code, version, |ctx, h| {
            status::require_open(h.status)?;
            if h.grade != Grade::Major {
                return Err(invalid("grade", "not_major"));
            }
            if !h.listed_unit.is_empty() {
                return Err(invalid("listing_unit", "already_listed"));
            }
            let date = day("date", l.date, ctx, h.discovered_on)?;
            let mut c = Change::default();
            c.set("listed_unit", l.unit.trim().to_string())
                .set("listing_responsible", l.responsible.trim().to_string())
                .set("listing_doc", l.doc_no.trim().to_string())
                .set("listed_on", date.to_string());
            let note = format!("{} {} {date}", l.responsible.trim(), l.doc_no.trim());
            c.event(Event::changed("listed", "listed_unit", "", l.unit.trim(), note.trim()));
            c.detail(l.unit.trim().to_string());
            Ok(c)
        })
    }

    /// Clears a hazard's listing; a reason is required.
    pub fn unlist(&mut self, code: &str, version: Option<i64>, reason: &str) -> Result<Done, StoreError> {
        name("reason", reason, limits::NOTE)?;
        self.write_hazard(Write::Supervise, code, version, |_ctx, h| {
            if h.listed_unit.is_empty() {
                return Err(invalid("listing_unit", "not_listed"));
            }
            let mut c = Change::default();
            c.set("listed_unit", String::new())
                .set("listing_responsible", String::new())
                .set("listing_doc", String::new());
            c.set("listed_on", rusqlite::types::Value::Null);
            c.event(Event::changed("unlisted", "listed_unit", h.listed_unit.clone(), "", reason.trim()));
            Ok(c)
        })
    }

    /// Records the order that stopped the enterprise's production, in whole or in part.
    pub fn stop_production(
        &mut self,
        code: &str,
        version: Option<i64>,
        date: Option<NaiveDate>,
        scope: StopScope,
    ) -> Result<Done, StoreError> {
        self.write_hazard(Write::Supervise, code, version, |ctx, h| {
            status::require_open(h.status)?;
            if h.grade != Grade::Major {
                return Err(invalid("grade", "not_major_stop"));
            }
            if h.stopped_on.is_some() {
                return Err(invalid("stopped_production", "already_stopped"));
            }
            let date = day("date", date, ctx, h.discovered_on)?;
            let mut c = Change::default();
            c.set("stopped_production", 1).set("stopped_on", date.to_string());
            c.set("stop_partial", i64::from(scope == StopScope::Partial));
            c.event(Event::changed("stopped", "stopped_production", "", scope.as_str(), &date.to_string()));
            Ok(c)
        })
    }

    /// Records the enterprise's application to resume production, with its evaluation.
    pub fn resumption_apply(&mut self, code: &str, version: Option<i64>, a: &ApplyInput) -> Result<Done, StoreError> {
        name("evaluated_by", &a.by, limits::TITLE)?;
        StoreError::check_len("report", &a.report, limits::NOTE)?;
        self.write_hazard(Write::Supervise, code, version, |ctx, h| {
            let Some(stopped) = h.stopped_on else {
                return Err(invalid("stopped_production", "not_stopped"));
            };
            if pending(ctx, h)?.is_some() {
                return Err(invalid("resumption", "review_pending"));
            }
            // not before the order, nor before the review that refused the last one
            let refused: Option<String> =
                ctx.tx
                    .query_row("SELECT MAX(reviewed_on) FROM resumptions WHERE hazard_id = ?1", [h.id], |r| r.get(0))?;
            let after = refused.as_deref().and_then(parse_date).map_or(stopped, |r| r.max(stopped));
            let date = day("date", a.date, ctx, after)?;
            ctx.tx.execute(
                "INSERT INTO resumptions (hazard_id, applied_on, evaluator_kind, evaluator, report, at, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![h.id, date.to_string(), a.evaluator.as_str(), a.by.trim(), a.report.trim(), ctx.now, ctx.actor],
            )?;
            let note = format!("{date} {} {}", a.by.trim(), a.report.trim());
            let mut c = Change::default();
            c.event(Event::changed("resumption_applied", "resumption", "", a.evaluator.as_str(), note.trim()));
            Ok(c)
        })
    }

    /// Records the on-site review of the pending application; approval lifts the order.
    pub fn resumption_review(&mut self, code: &str, version: Option<i64>, r: &ReviewInput) -> Result<Done, StoreError> {
        name("reviewer", &r.reviewer, limits::TITLE)?;
        StoreError::check_len("opinion", &r.opinion, limits::NOTE)?;
        self.write_hazard(Write::Supervise, code, version, |ctx, h| {
            let Some((id, applied)) = pending(ctx, h)? else {
                return Err(invalid("resumption", "no_application"));
            };
            let date = day("date", r.date, ctx, applied)?;
            ctx.tx.execute(
                "UPDATE resumptions SET reviewed_on = ?2, decision = ?3, reviewer = ?4, opinion = ?5,
                 review_at = ?6, review_actor = ?7 WHERE id = ?1",
                params![
                    id,
                    date.to_string(),
                    r.decision.as_str(),
                    r.reviewer.trim(),
                    r.opinion.trim(),
                    ctx.now,
                    ctx.actor
                ],
            )?;
            let mut c = Change::default();
            if r.decision == Decision::Approved {
                c.set("stopped_production", 0).set("stopped_on", rusqlite::types::Value::Null).set("stop_partial", 0);
            }
            let note = format!("{date} {} {}", r.reviewer.trim(), r.opinion.trim());
            c.event(Event::changed("resumption_reviewed", "resumption", "", r.decision.as_str(), note.trim()));
            c.detail(r.decision.as_str());
            Ok(c)
        })
    }
}
