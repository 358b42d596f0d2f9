//! Results from the database worker: stale ones dropped, fresh ones into the state,
//! each write's outcome as a notice (a failed form back on show with what was typed),
//! and what is on show read again after a write or someone else's commit.

use super::{AppState, Effect, Form, Modal, Screen, consult, list, workflow};
use crate::model::SeenChange;
use crate::model::{Saved, SavedTarget};
use crate::protocol::{DbEvent, Loaded, Outcome, Problem, ProblemKind, Slot};

/// One event from the worker.
pub fn event(s: &mut AppState, e: DbEvent) -> Vec<Effect> {
    match e {
        DbEvent::Loaded { id, slot, data } if s.is_current(slot, id) => loaded(s, slot, data),
        DbEvent::Failed { id, slot, problem } if s.is_current(slot, id) => {
            if slot == Slot::Detail && s.screen == Screen::Detail && s.detail.data.is_none() {
                s.screen = s.back_to;
            }
            s.say(problem.message, true);
            Vec::new()
        }
        DbEvent::Committed { id, outcomes } => match s.answered(id) {
            Some(form) => {
                committed(s, &outcomes, form);
                super::refresh(s)
            }
            None => ignore(s),
        },
        DbEvent::ConsultSaved { id, result } => match s.answered(id) {
            Some(form) => {
                consult_saved(s, result, form);
                super::refresh(s)
            }
            None => ignore(s),
        },
        DbEvent::SettingSaved { id, result } => match (s.answered(id), result) {
            (Some(_), Ok(value)) => {
                s.say(crate::text::sanitise(&s.lang.f("tui.setting_saved", &[&value])), false);
                super::refresh(s)
            }
            (Some(form), Err(p)) => {
                keep(s, form, &p);
                Vec::new()
            }
            (None, _) => ignore(s),
        },
        DbEvent::EnterpriseSaved { id, result } => match (s.answered(id), result) {
            (Some(form), Ok(code)) => {
                s.say(crate::text::sanitise(&s.lang.f("enterprise.saved", &[&code])), false);
                if let Some(f) = form {
                    super::register::enterprise_added(s, &f, &code);
                }
                super::refresh(s)
            }
            (Some(form), Err(p)) => {
                keep(s, form, &p);
                super::refresh(s)
            }
            (None, _) => ignore(s),
        },
        DbEvent::TipoffSaved { id, result } => match (s.answered(id), result) {
            (Some(_), Ok(code)) => {
                s.say(crate::text::sanitise(&s.lang.f("tipoff.saved", &[&code])), false);
                super::refresh(s)
            }
            (Some(form), Err(p)) => {
                keep(s, form, &p);
                super::refresh(s)
            }
            (None, _) => ignore(s),
        },
        DbEvent::Inspected { id, result } => match (s.answered(id), result) {
            (Some(form), Ok(n)) => {
                super::screen::enterprises::inspect::recorded(s, form.as_ref(), n);
                super::refresh(s)
            }
            (Some(form), Err(p)) => {
                keep(s, form, &p);
                Vec::new()
            }
            (None, _) => ignore(s),
        },
        DbEvent::Registered { id, result } => match (s.answered(id), result) {
            (Some(_), Ok(code)) => {
                s.say(s.lang.f("register.done", &[&code]), false);
                s.enterprise_choices = None;
                let mut out = super::refresh(s);
                // the list on show has one more: counted again
                if let Some(kind) = s.screen.list_now(s) {
                    out.push(super::screen::list::recount(s, kind));
                }
                out
            }
            (Some(form), Err(p)) => {
                keep(s, form, &p);
                Vec::new()
            }
            (None, _) => ignore(s),
        },
        DbEvent::Undo { id, result } => match s.answered(id) {
            Some(_) => undo_answered(s, result),
            None => ignore(s),
        },
        DbEvent::PackWritten { id, result } => match (s.answered(id), result) {
            (Some(_), Ok(path)) => {
                s.say(s.lang.f("consult.written", &[&path.display()]), false);
                Vec::new()
            }
            (Some(form), Err(p)) => {
                keep(s, form, &p);
                Vec::new()
            }
            (None, _) => ignore(s),
        },
        DbEvent::ExternalChange { latest, count } => {
            external_change(s, latest.as_ref(), count);
            super::refresh(s)
        }
        DbEvent::Loaded { .. } | DbEvent::Failed { .. } => ignore(s),
    }
}

/// A result nobody waits for any more: nothing changes, nothing is drawn.
fn ignore(s: &mut AppState) -> Vec<Effect> {
    s.dirty = false;
    Vec::new()
}

/// A write that failed: says why, and puts its form back with what was typed. After a
/// conflict the form is aimed at the fresh state the screen now reads, so that Enter saves
/// it over that knowingly.
fn keep(s: &mut AppState, form: Option<Form>, p: &Problem) {
    s.say(p.message.clone(), true);
    let Some(mut f) = form.filter(|_| p.keeps_input() && s.modal.is_none()) else { return };
    let mut error = p.message.clone();
    if let (ProblemKind::Conflict { version: Some(v) }, [t]) = (p.kind, f.targets.as_mut_slice()) {
        t.version = v;
        error = format!("{error} {}", s.lang.t("tui.conflict_hint"));
    }
    f.error = Some(error);
    s.modal = Some(Modal::Form(f));
}

fn loaded(s: &mut AppState, slot: Slot, data: Loaded) -> Vec<Effect> {
    match data {
        Loaded::Overview(o) => s.overview.data = Some(o),
        Loaded::Trend(t) => s.overview.trend = Some(t),
        Loaded::Page(p) => return list::loaded(s, *p),
        Loaded::Detail(d) => {
            s.detail.code = d.row.code.clone();
            s.detail.data = Some(d);
            return workflow::detail_arrived(s);
        }
        Loaded::Staff(staff) => s.staff = staff,
        Loaded::DocNo(level, no) => s.doc_no = Some((level, no)),
        Loaded::Agenda(a) => consult::arrived(s, a),
        Loaded::Calendar(c) => s.overview.calendar = Some(c),
        Loaded::LateActions(a) => {
            let n = a.len() as i64;
            s.overdue.late.arrived(a, n);
        }
        Loaded::Arrears(rows, n) => s.overdue.behind.arrived(rows, n),
        Loaded::EnterpriseChoices(c) => super::register::choices_arrived(s, c),
        Loaded::Reviews(rows, n) => s.escalation.reviews.arrived(rows, n),
        Loaded::Units(u) => s.consult.units = u,
        Loaded::Places(p) => s.places = p,
        Loaded::Enterprises(page) => super::screen::enterprises::arrived(s, *page),
        Loaded::Enterprise(d) => {
            s.enterprises.hazard = s.enterprises.hazard.min(d.hazards.len().saturating_sub(1));
            s.enterprises.detail = Some(d);
        }
        Loaded::Settings(rows, thresholds) => super::screen::settings::arrived(s, rows, thresholds),
        Loaded::Tipoffs(data) if slot == Slot::LateTipoffs => {
            s.overdue.tipoffs.arrived(data.page.rows, data.page.count)
        }
        Loaded::Tipoffs(data) => super::screen::tipoffs::arrived(s, *data),
        Loaded::Tipoff(d) => s.tipoffs.detail = Some(d),
    }
    Vec::new()
}

/// Says who changed what, unless an error (a conflict) is on show: that stays.
fn external_change(s: &mut AppState, latest: Option<&SeenChange>, count: i64) {
    if s.notice.as_ref().is_some_and(|n| n.error) {
        return;
    }
    let l = s.lang;
    let text = match latest {
        Some(c) => {
            let what = l.f("tui.changed_by", &[&c.actor, &l.word("event", &c.kind), &c.code]);
            if count > 1 { l.f("tui.changed_more", &[&what, &(count - 1)]) } else { what }
        }
        None => l.t("tui.data_changed").to_string(),
    };
    s.say(crate::text::sanitise(&text), false);
}

/// The notice for a write: what was saved, or why not (a conflict names who changed it);
/// a single write that failed gets its form back.
fn committed(s: &mut AppState, outcomes: &[Outcome], form: Option<Form>) {
    let l = s.lang;
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    let text = match (outcomes, failed.first()) {
        ([one], None) => {
            let detail = one.result.as_ref().ok().and_then(|d| d.detail.clone()).unwrap_or_default();
            l.f("tui.saved", &[&one.code, &detail_words(s, &detail)])
        }
        (_, None) => l.f("tui.saved_bulk", &[&outcomes.len()]),
        ([Outcome { result: Err(p), .. }], _) => return keep(s, form, p),
        (_, Some(f)) => l.f("tui.saved_some", &[&(outcomes.len() - failed.len()), &failed.len(), &problem_text(f)]),
    };
    s.say(text, !failed.is_empty());
}

/// The notice for a consultation write: what was saved and its version, or why not.
fn consult_saved(s: &mut AppState, result: Result<Saved, Problem>, form: Option<Form>) {
    let l = s.lang;
    match result {
        Ok(x) => {
            let text = match x.target {
                SavedTarget::Consultation => l.f("consult.saved", &[&x.quarter, &x.version]),
                SavedTarget::Topic(id) => l.f("consult.topic_saved", &[&x.quarter, &id, &x.version]),
                SavedTarget::Action(id) => l.f("consult.action_saved", &[&x.quarter, &id, &x.version]),
            };
            s.say(text, false);
        }
        Err(p) => keep(s, form, &p),
    }
}

fn problem_text(o: &Outcome) -> String {
    match &o.result {
        Err(p) => p.message.clone(),
        Ok(_) => String::new(),
    }
}

/// A write's detail (a status, an outcome, a document number) in words when it is one.
fn detail_words(s: &AppState, detail: &str) -> String {
    let l = s.lang;
    for group in ["status", "outcome"] {
        let w = l.word(group, detail);
        if w != "?" {
            return w.to_string();
        }
    }
    crate::text::sanitise(detail)
}

/// An undo's dry run: what it will put back, asked first; the undo itself: said, and
/// what is on show read again.
fn undo_answered(s: &mut AppState, result: Result<crate::model::Undone, Problem>) -> Vec<Effect> {
    let l = s.lang;
    match result {
        Ok(u) if !u.written => {
            let changes: Vec<String> = u
                .reversals
                .iter()
                .take(3)
                .map(|r| {
                    let field = crate::i18n::field_word(l, &r.field);
                    crate::text::sanitise(&format!("{} {field} {} -> {}", r.code, r.from, r.back_to))
                })
                .collect();
            let more = u.reversals.len().saturating_sub(3);
            let mut text = l.f("tui.confirm_undo", &[&u.at, &changes.join(l.t("list.sep"))]);
            if more > 0 {
                text = format!("{text} {}", l.f("tui.and_more", &[&more]));
            }
            super::modal::ask(s, text, super::modal::Then::Undo, None)
        }
        Ok(u) => {
            s.say(l.f("undo.done", &[&u.reversals.len(), &u.at]), false);
            super::refresh(s)
        }
        Err(p) => {
            s.say(p.message, true);
            Vec::new()
        }
    }
}
