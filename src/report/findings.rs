//! The paper's draft of 存在的问题 (problems) and 下步措施建议 (measures), each drawn from
//! the agenda's figures by a rule; the office edits them before the meeting.

use super::words::{date, join, percent};
use crate::domain::Source;
use crate::i18n::Lang;
use crate::store::agenda::{Agenda, PlaceRow};
use crate::text::sanitise;

/// The share of the total above which a village or sector counts as a concentration.
const CONCENTRATION: f64 = 0.4;

fn late_over(a: &Agenda, days: i64) -> usize {
    a.overdue.rows.iter().filter(|r| (a.as_of - r.deadline).num_days() > days).count()
}

/// The village or sector holding at least `CONCENTRATION` of the overdue hazards.
fn concentrated(rows: &[PlaceRow], total: i64) -> Option<&PlaceRow> {
    let top = rows.iter().max_by_key(|r| r.overdue.value)?;
    (total >= 3 && top.overdue.value as f64 >= total as f64 * CONCENTRATION).then_some(top)
}

fn self_reported(a: &Agenda) -> i64 {
    a.overall.this.new_by_source.iter().find(|(s, _)| *s == Source::SelfReport).map_or(0, |(_, f)| f.value)
}

/// The problems the figures show, most serious first.
pub(super) fn problems(lang: Lang, a: &Agenda) -> Vec<String> {
    let (t, p) = (&a.overall.this, &a.overall.prev);
    let mut out = Vec::new();
    if a.overdue.total.value > 0 {
        out.push(lang.f("problem.overdue", &[&a.overdue.total.value, &late_over(a, 30)]));
    }
    if a.stock.stock_open.value > 0 {
        out.push(lang.f("problem.stock", &[&a.stock.stock_open.value, &a.stock.stock_by_enterprise.len()]));
    }
    if t.new.value > p.new.value && t.new.value > 0 {
        out.push(lang.f("problem.increment", &[&t.new.value, &(t.new.value - p.new.value)]));
    }
    if t.new.value >= 3 && self_reported(a) * 2 < t.new.value {
        out.push(lang.f("problem.self_report", &[&t.new.value, &self_reported(a)]));
    }
    if !a.verification.failed_rounds.is_empty() {
        out.push(lang.f("problem.failed", &[&a.verification.failed_rounds.len(), &a.verification.failed.value]));
    }
    if a.escalations.queue.value > 0 {
        out.push(lang.f("problem.queue", &[&a.escalations.queue.value]));
    }
    let places: Vec<String> = [&a.places.villages, &a.places.sectors]
        .into_iter()
        .filter_map(|rows| concentrated(rows, a.overdue.total.value))
        .map(|r| lang.f("problem.place", &[&sanitise(&r.label), &r.overdue.value]))
        .collect();
    if !places.is_empty() {
        out.push(lang.f("problem.places", &[&join(lang, &places), &a.overdue.total.value]));
    }
    if a.follow_up.late.value > 0 {
        out.push(lang.f("problem.actions", &[&a.follow_up.actions.len(), &a.follow_up.late.value]));
    }
    if out.is_empty() {
        out.push(lang.f("problem.none", &[&percent(t.clearance_rate())]));
    }
    out
}

/// The measures proposed for the next quarter, one per problem, then the routine ones.
pub(super) fn measures(lang: Lang, a: &Agenda) -> Vec<String> {
    let mut out = Vec::new();
    if a.overdue.total.value > 0 {
        out.push(
            lang.f(
                "measure.overdue",
                &[&a.overdue.total.value, &late_over(a, 30), &date(lang, a.next_consultation_due)],
            ),
        );
    }
    if a.escalations.queue.value > 0 {
        out.push(lang.f("measure.queue", &[&a.escalations.queue.value]));
    }
    if a.stock.stock_open.value > 0 {
        out.push(lang.f("measure.stock", &[&a.stock.stock_open.value]));
    }
    if a.verification.awaiting.value > 0 || !a.verification.failed_rounds.is_empty() {
        out.push(lang.f("measure.verification", &[&a.verification.awaiting.value]));
    }
    let places: Vec<String> = [&a.places.villages, &a.places.sectors]
        .into_iter()
        .filter_map(|rows| concentrated(rows, a.overdue.total.value))
        .map(|r| sanitise(&r.label))
        .collect();
    if !places.is_empty() {
        out.push(lang.f("measure.places", &[&join(lang, &places)]));
    }
    if a.follow_up.late.value > 0 {
        out.push(lang.f("measure.actions", &[&a.follow_up.late.value]));
    }
    if a.overall.this.new.value >= 3 && self_reported(a) * 2 < a.overall.this.new.value {
        out.push(lang.t("measure.self_report").to_string());
    }
    out.push(lang.f("measure.routine", &[&date(lang, a.statistics_due), &date(lang, a.next_consultation_due)]));
    out
}
