//! The consultation's forms (a topic, its proposal and decision, a follow-up action and
//! its completion, the meeting, the meeting pack) and what each becomes when submitted.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};

use crate::app::{AppState, Effect, Field, Form};
use crate::domain::quarter::Quarter;
use crate::domain::{Role, parse_date};
use crate::i18n::Lang;
use crate::model::AgendaTopic;
use crate::model::{Meeting, NewAction, TopicText};
use crate::protocol::{ConsultCmd, ConsultWrite, DbRequest, PackRequest, TopicRef};
use crate::report::pack::PackKind;
use crate::workflow::Refusal;

/// What a consultation form changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    TopicAdd,
    Decide(TopicRef),
    /// A follow-up action, of the topic selected when the form opened.
    ActionAdd(Option<i64>),
    ActionDone {
        id: i64,
        version: i64,
    },
    Meeting,
    Pack,
}

/// A consultation form: the quarter and the record's version when it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultForm {
    pub quarter: Quarter,
    pub version: i64,
    pub edit: Edit,
}

/// How far ahead a new action's due date is proposed.
const DUE_DAYS: i64 = 30;

pub fn topic_add_fields() -> Vec<Field> {
    vec![Field::text("form.topic_title", ""), Field::text("form.proposal", "")]
}

/// Proposal and decision (and the title of a topic added by hand); a reason once held.
pub fn decide_fields(t: &AgendaTopic, held: bool) -> Vec<Field> {
    let mut out = Vec::new();
    if t.kind == crate::domain::consultation::SectionKind::Manual {
        out.push(Field::text("form.topic_title", &t.title));
    }
    out.push(Field::text("form.proposal", &t.proposal));
    out.push(Field::text("form.decision", &t.decision));
    if held {
        out.push(Field::text("form.reason", ""));
    }
    out
}

/// (identifier, shown) choices led by "none".
fn optional(s: &AppState, items: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), s.lang.t("consultation.none").to_string())).chain(items).collect()
}

pub fn action_add_fields(s: &AppState) -> Vec<Field> {
    let units = optional(s, s.consult.units.iter().map(|u| (u.clone(), u.clone())));
    let staff = s.staff.iter().filter(|m| m.role != Role::Viewer).map(|m| (m.login.clone(), m.name.clone()));
    let due = s.today + Duration::days(DUE_DAYS);
    vec![
        Field::text("form.task", ""),
        Field::choice("form.lead_unit", units, 0),
        Field::choice("form.assignee", optional(s, staff), 0),
        Field::text("form.due_on", &due.to_string()),
        Field::text("form.note", ""),
    ]
}

/// The day it was done (today unless said otherwise) and a note.
pub fn action_done_fields(today: NaiveDate) -> Vec<Field> {
    vec![Field::text("form.done_on", &today.to_string()), Field::text("form.note", "")]
}

pub fn meeting_fields(s: &AppState) -> Vec<Field> {
    let r = s.consult.shown().and_then(|a| a.record.as_ref());
    let text = |f: fn(&crate::model::ConsultationRecord) -> String| r.map(f).unwrap_or_default();
    vec![
        Field::text("form.held_on", &text(|r| r.held_on.map(|d| d.to_string()).unwrap_or_default())),
        Field::text("form.place", &text(|r| r.place.clone())),
        Field::text("form.chair", &text(|r| r.chair.clone())),
        Field::text("form.attendees", &text(|r| r.attendees.clone())),
    ]
}

/// Format, language (Chinese unless chosen otherwise, as `anwei agenda`) and file.
pub fn pack_fields(s: &AppState) -> Vec<Field> {
    let kinds = PackKind::ALL.iter().map(|k| (k.as_str().to_string(), k.as_str().to_string())).collect();
    let langs = vec![
        ("zh".to_string(), s.lang.t("consultation.lang_zh").to_string()),
        ("en".into(), s.lang.t("consultation.lang_en").into()),
    ];
    vec![Field::choice("form.format", kinds, 0), Field::choice("form.lang", langs, 0), Field::text("form.path", "")]
}

/// The trimmed value of a field the user changed.
fn changed(f: &Form, label: &str) -> Option<String> {
    f.fields.iter().find(|x| x.label == label && x.changed()).map(|x| x.get().trim().to_string())
}

/// Enter in a consultation form: the write, or what is wrong (the field named).
pub fn submit(s: &mut AppState, c: &ConsultForm, f: &Form) -> Result<Vec<Effect>, Refusal> {
    let text = |label: &str| f.get(label).trim().to_string();
    let need = |label: &'static str| Some(text(label)).filter(|t| !t.is_empty()).ok_or(Refusal::Required(label));
    let cmd = match &c.edit {
        Edit::TopicAdd => ConsultCmd::TopicAdd { title: need("form.topic_title")?, proposal: text("form.proposal") },
        Edit::Decide(topic) => decide(f, topic)?,
        Edit::ActionAdd(topic) => ConsultCmd::ActionAdd(NewAction {
            topic: *topic,
            title: need("form.task")?,
            lead_unit: Some(text("form.lead_unit")).filter(|u| !u.is_empty()),
            assignee: Some(text("form.assignee")).filter(|u| !u.is_empty()),
            due_on: parse_date(f.get("form.due_on")).ok_or(Refusal::BadDate("form.due_on"))?,
            note: text("form.note"),
        }),
        Edit::ActionDone { id, version } => ConsultCmd::ActionDone {
            id: *id,
            version: *version,
            // the prefilled day is the screen's; left as it is, the write takes today's real date
            date: changed(f, "form.done_on")
                .map(|d| parse_date(&d).ok_or(Refusal::BadDate("form.done_on")))
                .transpose()?,
            note: text("form.note"),
        },
        Edit::Meeting => ConsultCmd::Meeting(meeting(f)?),
        Edit::Pack => return Ok(pack(s, c.quarter, f)),
    };
    Ok(super::send(s, ConsultWrite { quarter: c.quarter, version: c.version, cmd }, Some(f.clone())))
}

fn decide(f: &Form, topic: &TopicRef) -> Result<ConsultCmd, Refusal> {
    let text = TopicText {
        title: changed(f, "form.topic_title"),
        proposal: changed(f, "form.proposal"),
        decision: changed(f, "form.decision"),
    };
    if text == TopicText::default() {
        return Err(Refusal::NothingChanged);
    }
    let correction = f.fields.iter().any(|x| x.label == "form.reason");
    let reason = f.get("form.reason").trim().to_string();
    if correction && reason.is_empty() {
        return Err(Refusal::Required("form.reason"));
    }
    Ok(ConsultCmd::TopicText { topic: topic.clone(), text, reason })
}

fn meeting(f: &Form) -> Result<Meeting, Refusal> {
    let held_on = match changed(f, "form.held_on") {
        Some(d) if d.is_empty() => None,
        Some(d) => Some(parse_date(&d).ok_or(Refusal::BadDate("form.held_on"))?),
        None => None,
    };
    let m = Meeting {
        held_on,
        place: changed(f, "form.place"),
        chair: changed(f, "form.chair"),
        attendees: changed(f, "form.attendees"),
    };
    if m == Meeting::default() {
        return Err(Refusal::NothingChanged);
    }
    Ok(m)
}

/// Asks the worker to write the pack: the path typed, else the default name here.
fn pack(s: &mut AppState, quarter: Quarter, f: &Form) -> Vec<Effect> {
    let kind = PackKind::parse(f.get("form.format")).unwrap_or(PackKind::Md);
    let lang = if f.get("form.lang") == "en" { Lang::En } else { Lang::Zh };
    let path = match f.get("form.path").trim() {
        "" => kind.default_path(quarter),
        typed => PathBuf::from(typed),
    };
    s.say(s.lang.t("consultation.writing"), false);
    vec![s.send(Some(f.clone()), |id| DbRequest::Pack { id, pack: PackRequest { quarter, kind, lang, path } })]
}
