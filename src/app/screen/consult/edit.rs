//! The keys that change a consultation's record: each checks the role and whether the
//! record is frozen first (saying why not), then opens its form or confirmation, or writes.

use super::forms::{self, ConsultForm, Edit};
use super::{ConsultView, send, structural, topic_ref};
use crate::app::keymap::Action;
use crate::app::modal::{Then, ask};
use crate::app::workflow::refused;
use crate::app::{AppState, Effect, Field, Form, FormKind, Modal};
use crate::domain::consultation::ActionState;
use crate::domain::permission::Write;
use crate::protocol::{ConsultCmd, ConsultWrite};
use crate::report::{topic_title, words};

/// An editing key on the consultation screen.
pub(super) fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    let editing = structural(a) || matches!(a, Action::Decide | Action::ActionAdd | Action::ActionDone);
    if !editing && a != Action::Pack {
        return Vec::new();
    }
    if editing && refused(s, Write::Consult) {
        return Vec::new();
    }
    if s.consult.shown().is_none() {
        s.say(s.lang.t("tui.loading"), true);
        return Vec::new();
    }
    if structural(a) && s.consult.held() {
        s.say(s.lang.f("consultation.frozen", &[&quarter_name(s)]), true);
        return Vec::new();
    }
    match a {
        Action::TopicAdd => form(s, Edit::TopicAdd, forms::topic_add_fields()),
        Action::TopicDrop => drop(s),
        Action::TopicUp | Action::TopicDown => shift(s, a == Action::TopicUp),
        Action::Decide => decide(s),
        Action::ActionAdd => {
            let topic = s.consult.current_topic().and_then(|t| t.id);
            let f = forms::action_add_fields(s);
            form(s, Edit::ActionAdd(topic), f)
        }
        Action::ActionDone => done(s),
        Action::Meeting => {
            let f = forms::meeting_fields(s);
            form(s, Edit::Meeting, f)
        }
        Action::Held => held(s),
        _ => {
            let f = forms::pack_fields(s);
            form(s, Edit::Pack, f)
        }
    }
}

/// The quarter in words: 2026年第四季度.
fn quarter_name(s: &AppState) -> String {
    words::quarter(s.lang, s.consult.quarter)
}

/// The selected topic's title in words.
fn topic_name(s: &AppState) -> String {
    s.consult.current_topic().map(|t| topic_title(s.lang, t.kind, &t.title)).unwrap_or_default()
}

/// Opens a form on the record as shown now (its version goes with the write).
fn form(s: &mut AppState, edit: Edit, fields: Vec<Field>) -> Vec<Effect> {
    let v: &ConsultView = &s.consult;
    let kind = FormKind::Consult(ConsultForm { quarter: v.quarter, version: v.version(), edit });
    s.modal = Some(Modal::Form(Form::new(kind, Vec::new(), fields)));
    Vec::new()
}

fn write(s: &AppState, cmd: ConsultCmd) -> ConsultWrite {
    ConsultWrite { quarter: s.consult.quarter, version: s.consult.version(), cmd }
}

/// Drops the selected topic after a `y`, or restores a dropped one at once.
fn drop(s: &mut AppState) -> Vec<Effect> {
    let Some(t) = s.consult.current_topic() else { return Vec::new() };
    let (topic, dropped) = (topic_ref(t), !t.dropped);
    let w = write(s, ConsultCmd::TopicDrop { topic, dropped });
    if !dropped {
        return send(s, w, None);
    }
    let msg = s.lang.f("consultation.confirm_drop", &[&topic_name(s)]);
    ask(s, msg, Then::Consult(w), None)
}

/// Moves the selected topic one place up or down; the selection follows it.
fn shift(s: &mut AppState, up: bool) -> Vec<Effect> {
    let n = s.consult.shown().map_or(0, |a| a.topics.len());
    let at = s.consult.topic;
    let Some(t) = s.consult.current_topic() else { return Vec::new() };
    if (up && at == 0) || (!up && at + 1 >= n) {
        return Vec::new();
    }
    let position = if up { at } else { at + 2 };
    let w = write(s, ConsultCmd::TopicMove { topic: topic_ref(t), position });
    send(s, w, None)
}

/// The proposal and decision of the selected topic; once held, a correction with a reason.
fn decide(s: &mut AppState) -> Vec<Effect> {
    let Some(t) = s.consult.current_topic().cloned() else { return Vec::new() };
    let f = forms::decide_fields(&t, s.consult.held());
    form(s, Edit::Decide(topic_ref(&t)), f)
}

/// Marks the selected action done, from a form with the day and a note.
fn done(s: &mut AppState) -> Vec<Effect> {
    let Some(a) = s.consult.current_action().cloned() else {
        s.say(s.lang.t("consultation.no_action"), true);
        return Vec::new();
    };
    if a.state == ActionState::Done {
        s.say(
            s.lang.f("consultation.already_done", &[&a.id, &a.done_on.map(|d| d.to_string()).unwrap_or_default()]),
            true,
        );
        return Vec::new();
    }
    let f = forms::action_done_fields(s.today);
    form(s, Edit::ActionDone { id: a.id, version: a.version }, f)
}

/// Asks before marking the meeting held; says first what is missing for it.
fn held(s: &mut AppState) -> Vec<Effect> {
    let record = s.consult.shown().and_then(|a| a.record.as_ref());
    let ready = record.is_some_and(|r| r.held_on.is_some() && !r.chair.trim().is_empty());
    if !ready {
        let key = s.keymap.key(Action::Meeting).map(|k| k.label()).unwrap_or_default();
        s.say(s.lang.f("consultation.need_date_chair", &[&key]), true);
        return Vec::new();
    }
    let msg = s.lang.f("consultation.confirm_held", &[&quarter_name(s)]);
    let w = write(s, ConsultCmd::Held);
    ask(s, msg, Then::Consult(w), None)
}
