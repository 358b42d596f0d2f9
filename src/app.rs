//! The full screen's state and `update`: events in, state changes and effects out.
//! No terminal and no SQL here; the database is reached through effects.

mod complete;
mod db;
pub mod edit;
#[cfg(test)]
pub(crate) mod fixture;
pub mod form;
#[cfg(test)]
pub(crate) mod harness;
pub mod keymap;
mod modal;
pub mod mouse;
pub mod register;
pub mod screen;
mod views;
mod workflow;
pub use workflow::permitted;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

pub use crate::config::views::SavedView;
use crate::domain::escalation::Thresholds;
use crate::i18n::Lang;
use crate::model::StaffMember;
use crate::protocol::{DbEvent, DbRequest, Query, RequestId, Session, Slot};
pub use form::{Field, Form, FormKind, Value};
use keymap::{Action, Keymap, Place};
pub use list::{ListKind, ListView};
pub use modal::{Confirm, Modal, Picker, PickerKind, Then};
pub use screen::consult::{self, ConsultView, Pane};
pub use screen::detail::{self, DETAIL_CHROME, DetailView};
pub use screen::{Screen, list, overview};

/// What `update` is told.
#[derive(Debug, Clone, PartialEq)]
pub enum AppEvent {
    Key(KeyEvent),
    Resize(u16, u16),
    Db(DbEvent),
    /// No key for the idle-lock time.
    Idle,
    /// Something outside went wrong (saving the views): shown as an error notice.
    Notice(String),
    /// Text pasted into the terminal (bracketed paste): it goes into the field being
    /// typed in, whole, and never runs as keys.
    Paste(String),
    Mouse(ratatui::crossterm::event::MouseEvent),
    /// The text the external editor left, for the focused field (none: the editor
    /// failed, with why).
    Edited(Result<String, String>),
}

/// What `update` asks the outside to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Db(DbRequest),
    /// Keep the saved views.
    SaveViews(Vec<SavedView>),
    /// Put this text on the clipboard (OSC 52: through tmux and SSH too).
    Clipboard(String),
    /// Take the mouse (clicks and the wheel), or give it back to the terminal so that
    /// its own selection works.
    Mouse(bool),
    /// Edit this text in `$VISUAL`/`$EDITOR`; the result comes back as `Edited`.
    Editor(String),
    Quit,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// Everything the screen shows.
#[derive(Debug, Clone)]
pub struct AppState {
    pub lang: Lang,
    pub today: NaiveDate,
    pub session: Session,
    pub thresholds: Thresholds,
    pub keymap: Keymap,
    pub size: (u16, u16),
    pub screen: Screen,
    /// Where Esc from the detail returns to.
    pub back_to: Screen,
    /// The screen a drill-down (a tile, a bar, a figure) came from, and the ledger's
    /// filter before it: Esc on the ledger returns there and puts the filter back.
    pub drilled_from: Option<(Screen, crate::model::Filter)>,
    /// Each screen's own state, of a type its module defines.
    pub overview: overview::OverviewView,
    pub lists: [ListView; ListKind::ALL.len()],
    pub overdue: screen::overdue::OverdueView,
    pub escalation: screen::escalation::EscalationView,
    pub consult: ConsultView,
    pub detail: DetailView,
    pub settings: screen::settings::SettingsView,
    pub enterprises: screen::enterprises::EnterprisesView,
    pub tipoffs: screen::tipoffs::TipoffsView,
    pub staff: Vec<StaffMember>,
    /// Every village and sector, for the filter's choices.
    pub places: crate::protocol::Places,
    pub doc_no: Option<(crate::domain::Escalation, String)>,
    pub modal: Option<Modal>,
    /// The search line being typed on a list screen.
    pub search: Option<edit::LineInput>,
    pub notice: Option<Notice>,
    /// Marked hazards: code → version when marked or last seen.
    pub marked: BTreeMap<String, i64>,
    pub views: Vec<SavedView>,
    /// Every enterprise to pick from when registering a hazard (read on first use).
    pub enterprise_choices: Option<Vec<register::EnterpriseChoice>>,
    /// A registration waiting for the enterprises to be read, or for one being added.
    pub registering: Option<register::Draft>,
    /// The head-led inspection last recorded here, and its enterprise: the hazards
    /// registered for that enterprise next are linked to it.
    pub last_inspection: Option<(i64, String)>,
    /// A workflow's form to open once this hazard's detail arrives.
    pub awaiting_detail: Option<(String, crate::workflow::Id)>,
    pub locked: bool,
    /// Whether the screen has the mouse.
    pub mouse: bool,
    /// Where the last frame drew a dialog's choices, for a click (the drawing fills it).
    pub choices: std::cell::RefCell<Vec<mouse::Choice>>,
    /// The terminal was used by another program: draw every cell again.
    pub redraw_all: bool,
    pub quit: bool,
    pub dirty: bool,
    pending: BTreeMap<Slot, RequestId>,
    /// Writes sent and not yet answered, with the form each came from (kept on failure).
    awaiting: BTreeMap<RequestId, Option<Form>>,
    next_id: RequestId,
}

impl AppState {
    pub fn new(lang: Lang, today: NaiveDate, session: Session, thresholds: Thresholds, keymap: Keymap) -> Self {
        AppState {
            lang,
            today,
            session,
            thresholds,
            keymap,
            size: (80, 24),
            screen: Screen::Overview,
            back_to: Screen::Overview,
            drilled_from: None,
            overview: overview::OverviewView::default(),
            lists: ListKind::ALL.map(|k| ListView::new(k, today)),
            overdue: screen::overdue::OverdueView::default(),
            escalation: screen::escalation::EscalationView::default(),
            consult: ConsultView::new(today),
            detail: DetailView::default(),
            settings: screen::settings::SettingsView::default(),
            enterprises: screen::enterprises::EnterprisesView::default(),
            tipoffs: screen::tipoffs::TipoffsView::default(),
            staff: Vec::new(),
            places: crate::protocol::Places::default(),
            doc_no: None,
            modal: None,
            search: None,
            notice: None,
            marked: BTreeMap::new(),
            views: Vec::new(),
            enterprise_choices: None,
            registering: None,
            last_inspection: None,
            awaiting_detail: None,
            locked: false,
            mouse: false,
            choices: Default::default(),
            redraw_all: false,
            quit: false,
            dirty: true,
            pending: BTreeMap::new(),
            awaiting: BTreeMap::new(),
            next_id: 0,
        }
    }

    /// The first loads: the overview's counters and calendar first, the heavy trend after.
    pub fn start(&mut self) -> Vec<Effect> {
        vec![
            self.load(Slot::Overview, Query::Overview),
            self.load(Slot::Calendar, Query::Calendar),
            self.load(Slot::Trend, Query::Trend),
            self.load_staff(),
            self.load(Slot::Places, Query::Places),
        ]
    }

    /// A load request; its id supersedes earlier ones of the slot.
    pub fn load(&mut self, slot: Slot, query: Query) -> Effect {
        let id = self.new_id();
        self.pending.insert(slot, id);
        Effect::Db(DbRequest::Load { id, slot, query })
    }

    fn load_staff(&mut self) -> Effect {
        self.load(Slot::Staff, Query::Staff)
    }

    /// A write (or a file to write) for the worker; its answer is recognised by its id,
    /// and `form` comes back if it fails.
    pub(crate) fn send(&mut self, form: Option<Form>, make: impl FnOnce(RequestId) -> DbRequest) -> Effect {
        let id = self.new_id();
        self.awaiting.insert(id, form);
        Effect::Db(make(id))
    }

    /// The form of an answered write; `None` when the write is not one of ours.
    pub(crate) fn answered(&mut self, id: RequestId) -> Option<Option<Form>> {
        self.awaiting.remove(&id)
    }

    fn new_id(&mut self) -> RequestId {
        self.next_id += 1;
        self.next_id
    }

    /// A load no longer wanted (the user went back before it came): its answer is dropped.
    pub fn forget(&mut self, slot: Slot) {
        self.pending.remove(&slot);
    }

    /// Whether a result is the answer to the newest request of its slot.
    fn is_current(&self, slot: Slot, id: RequestId) -> bool {
        self.pending.get(&slot) == Some(&id)
    }

    /// The list of a list screen.
    pub fn list(&self, kind: ListKind) -> &ListView {
        &self.lists[kind.index()]
    }

    fn list_mut(&mut self, kind: ListKind) -> &mut ListView {
        &mut self.lists[kind.index()]
    }

    /// Where the keys are: decides the footer's hints.
    pub fn place(&self) -> Place {
        self.screen.place()
    }

    /// Rows of a page: the terminal's height is always at least a screenful.
    fn page_size(&self) -> usize {
        usize::from(self.size.1).clamp(10, 200)
    }

    fn say(&mut self, text: impl Into<String>, error: bool) {
        self.notice = Some(Notice { text: text.into(), error });
    }
}

/// The one entry point: applies an event, returns the effects.
pub fn update(s: &mut AppState, ev: AppEvent) -> Vec<Effect> {
    s.dirty = true;
    match ev {
        AppEvent::Key(k) => key(s, k),
        AppEvent::Resize(w, h) => {
            s.size = (w, h);
            fill_after_resize(s)
        }
        AppEvent::Db(e) => db::event(s, e),
        AppEvent::Idle => {
            s.locked = true;
            Vec::new()
        }
        AppEvent::Notice(text) => {
            s.say(text, true);
            Vec::new()
        }
        AppEvent::Paste(text) => paste(s, &text),
        AppEvent::Mouse(m) if !s.locked => mouse::event(s, m),
        AppEvent::Mouse(_) => Vec::new(),
        AppEvent::Edited(Ok(text)) => {
            if let Some(Modal::Form(f)) = &mut s.modal {
                f.replace_focused(&text);
            }
            workflow::form_changed(s)
        }
        AppEvent::Edited(Err(why)) => {
            s.say(s.lang.f("tui.editor_failed", &[&crate::text::sanitise(&why)]), true);
            Vec::new()
        }
    }
}

/// A paste: into the focused text field of a form, the picker's query or the search
/// line; anywhere else it is dropped.
fn paste(s: &mut AppState, text: &str) -> Vec<Effect> {
    match &mut s.modal {
        Some(Modal::Form(f)) => {
            f.paste(text);
            return workflow::form_changed(s);
        }
        Some(Modal::Picker(p)) => {
            p.query.paste(text);
            p.selected = 0;
        }
        Some(_) => {}
        None => return screen::list::search_paste(s, text),
    }
    Vec::new()
}

/// A taller terminal than the page was read for: read it again with more rows.
fn fill_after_resize(s: &mut AppState) -> Vec<Effect> {
    let Some(kind) = s.screen.list_now(s) else { return Vec::new() };
    let v = s.list(kind);
    if v.loaded && v.more_after && v.rows.len() < s.page_size() {
        return vec![list::reload(s, kind)];
    }
    Vec::new()
}

fn key(s: &mut AppState, k: KeyEvent) -> Vec<Effect> {
    if k.kind == KeyEventKind::Release {
        s.dirty = false;
        return Vec::new();
    }
    if s.locked {
        s.locked = false;
        return Vec::new();
    }
    s.notice = None;
    if let Some(m) = s.modal.take() {
        return modal::key(s, m, k);
    }
    if s.search.is_some() {
        return list::search_key(s, k);
    }
    match s.keymap.action(s.place(), &k) {
        Some(a) => act(s, a),
        None => Vec::new(),
    }
}

/// An action outside any modal.
fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    match a {
        Action::Quit => {
            s.quit = true;
            vec![Effect::Quit]
        }
        Action::Help => {
            s.modal = Some(Modal::Help { scroll: 0 });
            Vec::new()
        }
        Action::NextScreen | Action::PrevScreen => cycle(s, a == Action::NextScreen),
        Action::Go(screen) => go(s, screen),
        Action::Workflow(id) => workflow::start(s, id),
        Action::Register => register::start(s),
        Action::Copy | Action::CopySummary => copy(s, a == Action::CopySummary),
        Action::NextMatch | Action::PrevMatch => list::next_match(s, a == Action::NextMatch),
        Action::Undo if !workflow::refused(s, crate::domain::permission::Write::Undo) => {
            vec![s.send(None, |id| DbRequest::Undo { id, dry_run: true })]
        }
        Action::Undo => Vec::new(),
        Action::Mouse => {
            s.mouse = !s.mouse;
            s.say(s.lang.t(if s.mouse { "tui.mouse_on" } else { "tui.mouse_off" }), false);
            vec![Effect::Mouse(s.mouse)]
        }
        _ => s.screen.act(s, a),
    }
}

/// `y` copies the current hazard's code, `Y` a line about it (code, enterprise, title,
/// deadline), to the terminal's clipboard; the status line says what.
fn copy(s: &mut AppState, summary: bool) -> Vec<Effect> {
    let Some(row) = workflow::current_row(s) else {
        s.say(s.lang.t("tui.no_selection"), true);
        return Vec::new();
    };
    let text = if summary {
        let deadline = s.lang.f("tui.copy_deadline", &[&row.deadline]);
        crate::text::sanitise(&format!("{} {} {} {deadline}", row.code, row.enterprise, row.title))
    } else {
        crate::text::sanitise(&row.code)
    };
    s.say(s.lang.f("tui.copied", &[&text]), false);
    vec![Effect::Clipboard(text)]
}

/// The next or previous tab (from a screen without a tab: the first).
fn cycle(s: &mut AppState, forward: bool) -> Vec<Effect> {
    let tabs: Vec<Screen> = Screen::tabs().collect();
    let here = tabs.iter().position(|x| *x == s.screen).unwrap_or(0);
    let n = tabs.len();
    let next = if forward { (here + 1) % n } else { (here + n - 1) % n };
    go(s, tabs[next])
}

/// Switches screen and loads what it shows.
pub fn go(s: &mut AppState, screen: Screen) -> Vec<Effect> {
    if !matches!(screen, Screen::Ledger | Screen::Detail) {
        s.drilled_from = None;
    }
    if screen != Screen::Enterprises {
        // the hazards registered after this are not that inspection's
        s.last_inspection = None;
    }
    s.screen = screen;
    s.search = None;
    screen.show(s)
}

/// Reads again what the screen shows, after a write or someone else's commit; nothing
/// that is not on show (the selection stays on the same hazard).
pub fn refresh(s: &mut AppState) -> Vec<Effect> {
    s.screen.refresh(s)
}

#[cfg(test)]
pub(crate) mod tests;
