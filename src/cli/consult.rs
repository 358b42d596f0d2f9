//! `anwei consult …`: every workflow of the consultation screen as a command: open and
//! show a record, add/drop/move/decide topics, add and close actions, the meeting, held.

use super::args::{Format, TextFormat};
use super::consult_args::{ActionCommand, ConsultCommand, TopicCommand};
use super::output::{csv, json, table};
use super::write::{date, opt_date};
use super::{Env, Failure};
use crate::domain::consultation::ActionState;
use crate::domain::quarter::Quarter;
use crate::i18n::Lang;
use crate::report::{topic_title, words};
use crate::store::consultation::{
    ActionFilter, ActionRow, ConsultationRecord, Meeting, NewAction, Saved, Target, TopicText,
};
use crate::store::{Store, StoreError};
use crate::text::sanitise;

/// Parses a quarter such as `2026Q4`.
pub(super) fn quarter(env: &Env, s: &str) -> Result<Quarter, Failure> {
    Quarter::parse(s).ok_or_else(|| Failure::input(env.lang.f("cli.bad_value", &[&"QUARTER", &s])))
}

/// Opens the ledger, runs one consultation write and says what it saved.
fn save(env: &Env, f: impl FnOnce(&mut Store) -> Result<Saved, StoreError>) -> Result<(), Failure> {
    let mut store = env.open()?;
    let s = f(&mut store).map_err(|e| env.fail(&e))?;
    let l = env.lang;
    let message = match s.target {
        Target::Consultation => l.f("consult.saved", &[&s.quarter, &s.version]),
        Target::Topic(id) => l.f("consult.topic_saved", &[&s.quarter, &id, &s.version]),
        Target::Action(id) => l.f("consult.action_saved", &[&s.quarter, &id, &s.version]),
    };
    println!("{message}");
    Ok(())
}

/// `anwei consult …`.
pub fn run(env: &Env, cmd: &ConsultCommand) -> Result<(), Failure> {
    match cmd {
        ConsultCommand::Open { quarter: q } => {
            let q = quarter(env, q)?;
            save(env, |s| s.consult_open(q))
        }
        ConsultCommand::Show { quarter: q, format } => show(env, quarter(env, q)?, *format),
        ConsultCommand::Topic(t) => topic(env, t),
        ConsultCommand::Action(a) => action(env, a),
        ConsultCommand::Meeting { quarter: q, date: day, place, chair, attendees, version } => {
            let q = quarter(env, q)?;
            let m = Meeting {
                held_on: opt_date(env, "--date", day)?,
                place: place.clone(),
                chair: chair.clone(),
                attendees: attendees.clone(),
            };
            save(env, |s| s.meeting(q, *version, &m))
        }
        ConsultCommand::Held { quarter: q, version } => {
            let q = quarter(env, q)?;
            save(env, |s| s.mark_held(q, *version))
        }
    }
}

fn topic(env: &Env, cmd: &TopicCommand) -> Result<(), Failure> {
    match cmd {
        TopicCommand::Add { quarter: q, title, proposal, version } => {
            let q = quarter(env, q)?;
            save(env, |s| s.topic_add(q, *version, title, proposal))
        }
        TopicCommand::Drop { id, restore, version } => save(env, |s| s.topic_drop(*id, *version, !restore)),
        TopicCommand::Move { id, to, version } => save(env, |s| s.topic_move(*id, *version, *to)),
        TopicCommand::Decide { id, proposal, decision, title, reason, version } => {
            let text = TopicText { title: title.clone(), proposal: proposal.clone(), decision: decision.clone() };
            save(env, |s| s.topic_text(*id, *version, &text, reason))
        }
    }
}

fn action(env: &Env, cmd: &ActionCommand) -> Result<(), Failure> {
    match cmd {
        ActionCommand::Add { quarter: q, title, due, lead, assignee, topic, note } => {
            let q = quarter(env, q)?;
            let a = NewAction {
                topic: *topic,
                title: title.clone(),
                lead_unit: lead.clone(),
                assignee: assignee.clone(),
                due_on: date(env, "--due", due)?,
                note: note.clone(),
            };
            save(env, |s| s.action_add(q, &a))
        }
        ActionCommand::Done { id, date: day, note, version } => {
            let day = opt_date(env, "--date", day)?;
            save(env, |s| s.action_done(*id, *version, day, note))
        }
        ActionCommand::List { quarter: q, state, format } => {
            let bad = |s: &str| Failure::input(env.lang.f("cli.bad_value", &[&"--state", &s]));
            let f = ActionFilter {
                quarter: q.as_deref().map(|q| quarter(env, q)).transpose()?,
                state: state.as_deref().map(|s| ActionState::parse(s).ok_or_else(|| bad(s))).transpose()?,
                due_by: None,
            };
            let rows = env.open()?.actions(&f).map_err(|e| env.fail(&e))?;
            list_actions(env, &rows, *format)
        }
    }
}

const ACTION_COLUMNS: [&str; 8] =
    ["col.id", "col.quarter", "col.task", "col.lead_unit", "col.assignee", "col.due_on", "col.state", "col.done_on"];

fn action_cells(l: Lang, a: &ActionRow) -> Vec<String> {
    let state = l.word("state", a.state.as_str());
    let state = if a.days_late > 0 { l.f("follow.late_days", &[&state, &a.days_late]) } else { state.to_string() };
    vec![
        a.id.to_string(),
        a.quarter.map(|q| q.to_string()).unwrap_or_default(),
        a.title.clone(),
        a.lead_unit.clone(),
        a.assignee_name.clone().or(a.assignee.clone()).unwrap_or_default(),
        a.due_on.to_string(),
        state,
        a.done_on.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

fn list_actions(env: &Env, rows: &[ActionRow], format: Format) -> Result<(), Failure> {
    let headers: Vec<&str> = ACTION_COLUMNS.iter().map(|c| env.lang.t(c)).collect();
    let cells: Vec<Vec<String>> = rows.iter().map(|a| action_cells(env.lang, a)).collect();
    match format {
        Format::Json => json(&rows),
        Format::Csv => csv(&headers, &cells),
        Format::Table => {
            table(&headers, &cells);
            Ok(())
        }
    }
}

/// `anwei consult show`.
fn show(env: &Env, q: Quarter, format: TextFormat) -> Result<(), Failure> {
    let record = env.open()?.consultation(q).map_err(|e| env.fail(&e))?;
    match (record, format) {
        (None, TextFormat::Json) => json(&serde_json::Value::Null),
        (None, _) => {
            println!("{}", env.lang.f("consult.none", &[&q]));
            Ok(())
        }
        (Some(r), TextFormat::Json) => json(&r),
        (Some(r), _) => {
            print_record(env, &r);
            Ok(())
        }
    }
}

fn print_record(env: &Env, r: &ConsultationRecord) {
    let l = env.lang;
    let state = if r.held { l.t("consult.held") } else { l.t("consult.not_held") };
    println!("{}", l.f("consult.header", &[&words::quarter(l, r.quarter), &r.version, &state]));
    let meeting = [
        ("meeting.date", r.held_on.map(|d| words::date(l, d)).unwrap_or_default()),
        ("meeting.place", sanitise(&r.place)),
        ("meeting.chair", sanitise(&r.chair)),
        ("meeting.attendees", sanitise(&r.attendees)),
    ];
    for (key, value) in meeting.iter().filter(|(_, v)| !v.is_empty()) {
        println!("  {}", l.f(key, &[value]));
    }
    println!("[{}]", l.t("consult.topics"));
    for t in &r.topics {
        let dropped = if t.dropped { l.t("consult.dropped") } else { "" };
        println!("  #{} v{}  {}. {}{dropped}", t.id, t.version, t.position, topic_title(l, t.kind, &t.title));
        for (key, text) in [("topic.proposal", &t.proposal), ("topic.decision", &t.decision)] {
            if !text.trim().is_empty() {
                println!("      {}", l.f(key, &[&sanitise(text)]));
            }
        }
    }
    println!("[{}]", l.t("consult.actions"));
    let headers: Vec<&str> = ACTION_COLUMNS.iter().map(|c| l.t(c)).collect();
    table(&headers, &r.actions.iter().map(|a| action_cells(l, a)).collect::<Vec<_>>());
    println!("[{}]", l.t("consult.events"));
    for e in &r.events {
        let change = match (&e.field, &e.to) {
            (Some(f), Some(to)) => format!("{f}: {} -> {to} ", e.from.clone().unwrap_or_default()),
            _ => String::new(),
        };
        let kind = match l.word("event", &e.kind) {
            "?" => e.kind.as_str(),
            word => word,
        };
        println!("  {} {} {kind} {}{}", e.at, sanitise(&e.actor), sanitise(&change), sanitise(&e.note));
    }
}
