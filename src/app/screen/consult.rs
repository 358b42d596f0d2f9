//! The consultation screen (会商): one quarter's agenda, its topics with their figures,
//! the meeting and the follow-up actions. Enter on a figure opens the ledger on exactly
//! the hazards behind it; the keys that change the record are in `edit`.

pub mod draw;
mod edit;
pub mod figures;
pub mod forms;
pub mod reading;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{View, list};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::domain::quarter::Quarter;
use crate::model::ActionRow;
use crate::model::{Agenda, AgendaTopic};
use crate::protocol::{ConsultWrite, DbRequest, Query, Slot, TopicRef};
use crate::report::Block;
use crate::widget::theme::Theme;
pub use figures::{FigureLine, Trace, figures};
pub use forms::{ConsultForm, Edit};

/// The part of the screen the motion keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Topics,
    Figures,
    Actions,
}

/// The consultation screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsultView {
    pub quarter: Quarter,
    /// The last agenda read (of `quarter`, or of the one before while the new one loads).
    pub agenda: Option<Box<Agenda>>,
    /// Each topic's section of the paper, built once per agenda.
    pub sections: Vec<Vec<Block>>,
    pub pane: Pane,
    pub topic: usize,
    pub figure: usize,
    /// How far the selected topic's text is scrolled past its figures.
    pub read: usize,
    pub action: usize,
    /// The departments, for an action's lead unit.
    pub units: Vec<String>,
}

impl ConsultView {
    pub fn new(today: NaiveDate) -> ConsultView {
        ConsultView {
            quarter: Quarter::of(today),
            agenda: None,
            sections: Vec::new(),
            pane: Pane::Topics,
            topic: 0,
            figure: 0,
            read: 0,
            action: 0,
            units: Vec::new(),
        }
    }

    /// The agenda of the chosen quarter, once it is here.
    pub fn shown(&self) -> Option<&Agenda> {
        self.agenda.as_deref().filter(|a| a.quarter == self.quarter)
    }

    pub fn current_topic(&self) -> Option<&AgendaTopic> {
        self.shown()?.topics.get(self.topic)
    }

    /// This quarter's follow-up actions, by due date.
    pub fn actions(&self) -> &[ActionRow] {
        self.shown().and_then(|a| a.record.as_ref()).map_or(&[], |r| r.actions.as_slice())
    }

    pub fn current_action(&self) -> Option<&ActionRow> {
        self.actions().get(self.action)
    }

    /// Whether the meeting was held (its record frozen).
    pub fn held(&self) -> bool {
        self.shown().and_then(|a| a.record.as_ref()).is_some_and(|r| r.held)
    }

    /// The record's version as shown; 1 for a record not started yet (starting it makes 1).
    pub fn version(&self) -> i64 {
        self.shown().and_then(|a| a.record.as_ref()).map_or(1, |r| r.version)
    }

    /// The selected topic's proposal, decision and section, cut to `w` cells.
    pub fn reading(&self, lang: crate::i18n::Lang, w: usize) -> Vec<String> {
        match (self.current_topic(), self.sections.get(self.topic)) {
            (Some(t), Some(blocks)) => reading::lines(lang, t, blocks, w),
            _ => Vec::new(),
        }
    }

    /// The figures of the selected topic.
    pub fn figure_lines(&self, lang: crate::i18n::Lang) -> Vec<FigureLine> {
        match (self.shown(), self.current_topic()) {
            (Some(a), Some(t)) => figures(lang, a, t.kind),
            _ => Vec::new(),
        }
    }
}

/// Keys that change the agenda or the meeting, which a held meeting's frozen record refuses.
pub fn structural(a: Action) -> bool {
    matches!(
        a,
        Action::TopicAdd | Action::TopicDrop | Action::TopicUp | Action::TopicDown | Action::Meeting | Action::Held
    )
}

/// The topic as the worker needs it.
pub fn topic_ref(t: &AgendaTopic) -> TopicRef {
    TopicRef { id: t.id, kind: t.kind, version: Some(t.version.unwrap_or(1)) }
}

/// Whether two topics are the same one (a generated topic keeps its kind once recorded).
fn same(a: &AgendaTopic, b: &AgendaTopic) -> bool {
    match a.kind {
        crate::domain::consultation::SectionKind::Manual => a.id.is_some() && a.id == b.id,
        kind => b.kind == kind,
    }
}

/// Reads the chosen quarter's agenda, and the departments for the action form once.
pub fn load(s: &mut AppState) -> Vec<Effect> {
    let mut out = vec![s.load(Slot::Consult, Query::Agenda(s.consult.quarter))];
    if s.consult.units.is_empty() {
        out.push(s.load(Slot::Units, Query::Units));
    }
    out
}

/// An agenda arrived: the selection stays on the same topic.
pub fn arrived(s: &mut AppState, a: Box<Agenda>) {
    let lang = s.lang;
    let v = &mut s.consult;
    v.sections = a.topics.iter().map(|t| crate::report::section(lang, &a, t.kind)).collect();
    let old = v.shown().and_then(|x| x.topics.get(v.topic)).cloned();
    let at = old.and_then(|o| a.topics.iter().position(|t| same(&o, t)));
    let fresh = v.agenda.as_ref().is_none_or(|x| x.quarter != a.quarter);
    v.agenda = Some(a);
    if fresh {
        (v.topic, v.figure, v.read, v.action) = (0, 0, 0, 0);
    } else if let Some(i) = at {
        v.topic = i;
    }
    let topics = v.shown().map_or(0, |x| x.topics.len());
    v.topic = v.topic.min(topics.saturating_sub(1));
    v.figure = v.figure.min(v.figure_lines(lang).len().saturating_sub(1));
    v.action = v.action.min(v.actions().len().saturating_sub(1));
}

/// Sends a change of the record (from `form`, kept in case it fails).
pub fn send(s: &mut AppState, write: ConsultWrite, form: Option<crate::app::Form>) -> Vec<Effect> {
    s.say(s.lang.t("tui.saving"), false);
    vec![s.send(form, |id| DbRequest::Consult { id, write })]
}

pub struct ConsultScreen;

impl View for ConsultScreen {
    const TITLE: &'static str = "tui.screen.consult";
    const PLACE: Place = Place::Consult;

    fn show(s: &mut AppState) -> Vec<Effect> {
        load(s)
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        act(s, a)
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        draw::draw(f, area, s, t);
    }
}

/// An action on the consultation screen.
fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    match a {
        Action::PrevQuarter => choose(s, s.consult.quarter.prev()),
        Action::NextQuarter => choose(s, s.consult.quarter.next()),
        Action::Left | Action::Right => {
            let order = [Pane::Topics, Pane::Figures, Pane::Actions];
            let i = order.iter().position(|p| *p == s.consult.pane).unwrap_or(0);
            let i = if a == Action::Right { (i + 1).min(2) } else { i.saturating_sub(1) };
            s.consult.pane = order[i];
            Vec::new()
        }
        Action::Up | Action::Down | Action::Top | Action::Bottom | Action::PageUp | Action::PageDown => {
            step(s, a);
            Vec::new()
        }
        Action::Open => open(s),
        _ => edit::act(s, a),
    }
}

/// Shows another quarter (not one still to come).
fn choose(s: &mut AppState, q: Quarter) -> Vec<Effect> {
    if q.start() > s.today {
        s.say(s.lang.t("consultation.no_future"), true);
        return Vec::new();
    }
    s.consult.quarter = q;
    load(s)
}

fn step(s: &mut AppState, a: Action) {
    if s.consult.pane == Pane::Figures {
        return read(s, a);
    }
    let page = usize::from(s.size.1 / 3).max(1);
    let v = &s.consult;
    let n = match v.pane {
        Pane::Topics => v.shown().map_or(0, |x| x.topics.len()),
        _ => v.actions().len(),
    };
    let v = &mut s.consult;
    let at = if v.pane == Pane::Topics { &mut v.topic } else { &mut v.action };
    let before = *at;
    *at = match a {
        Action::Up => at.saturating_sub(1),
        Action::Down => *at + 1,
        Action::Top => 0,
        Action::Bottom => n,
        Action::PageUp => at.saturating_sub(page),
        _ => *at + page,
    }
    .min(n.saturating_sub(1));
    if v.pane == Pane::Topics && v.topic != before {
        (v.figure, v.read) = (0, 0);
    }
}

/// Motion in the topic's pane: through its figures, then on down its text.
fn read(s: &mut AppState, a: Action) {
    let p = reading::panes_of(s.size, s.consult.actions().len());
    let figures = s.consult.figure_lines(s.lang).len();
    let text = s.consult.reading(s.lang, usize::from(p.text_w)).len();
    let h = usize::from(p.text_h).max(1);
    let v = &mut s.consult;
    // a topic without figures says so on one line
    let last = (figures.max(1) + text).saturating_sub(h);
    let floor = (v.figure + 1).saturating_sub(h);
    let top = v.read.max(floor);
    match a {
        Action::Down if v.figure + 1 < figures => v.figure += 1,
        Action::Down => v.read = (top + 1).min(last),
        Action::Up if v.read > floor => v.read = top - 1,
        Action::Up => (v.read, v.figure) = (0, v.figure.saturating_sub(1)),
        Action::PageDown => v.read = (top + h).min(last),
        Action::PageUp if v.read > floor => v.read = top.saturating_sub(h).max(floor),
        Action::PageUp => (v.read, v.figure) = (0, v.figure.saturating_sub(h)),
        Action::Top => (v.read, v.figure) = (0, 0),
        _ => (v.read, v.figure) = (last, figures.saturating_sub(1)),
    }
}

/// Enter: on a topic, to its figures; on a figure, what lies behind it.
fn open(s: &mut AppState) -> Vec<Effect> {
    match s.consult.pane {
        Pane::Topics => {
            s.consult.pane = Pane::Figures;
            s.consult.figure = 0;
            Vec::new()
        }
        // the selected figure is shown unless the text was scrolled past it
        Pane::Figures if s.consult.read > s.consult.figure => Vec::new(),
        Pane::Figures => match s.consult.figure_lines(s.lang).into_iter().nth(s.consult.figure).map(|f| f.trace) {
            Some(Trace::Hazards(filter)) => list::open_filtered(s, *filter),
            Some(Trace::Enterprises(filter)) => super::enterprises::open_filtered(s, filter),
            Some(Trace::Actions(Some(q))) => {
                s.consult.pane = Pane::Actions;
                choose(s, q)
            }
            Some(Trace::Actions(None)) | None => Vec::new(),
        },
        Pane::Actions => Vec::new(),
    }
}
