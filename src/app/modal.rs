//! Modals over the screens: help, forms, the staff and view pickers, and the `y`/`n`
//! confirmation that stands before every destructive or bulk write.

use super::edit::LineInput;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::{Action, Place};
use super::{AppState, Effect, Form, FormKind, consult, workflow};
use crate::protocol::{ConsultWrite, DbRequest, HazardCmd, Target};

/// What a confirmation, once answered `y`, does.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    Write(Vec<Target>, HazardCmd),
    /// A change to a consultation's record.
    Consult(ConsultWrite),
    /// Undo the last write, as the dry run just described.
    Undo,
    /// Keep this view over the saved one of its name.
    SaveView(Box<crate::config::views::SavedView>),
    /// Forget the saved view of this name.
    DeleteView(String),
    Quit,
    /// Close the form without saving.
    Discard,
}

/// A question answered with `y` or `n`.
#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub message: String,
    pub then: Then,
    /// The form to return to on `n`.
    pub back: Option<Form>,
}

/// What a picker picks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerKind {
    /// The value of a workflow's one field (the staff member to assign).
    Workflow(crate::workflow::Id, crate::workflow::Text),
    View,
    /// The enterprise of a hazard to register.
    Enterprise,
    /// Its clause of the judgment-standard catalogue.
    Clause(Box<super::register::Draft>),
}

/// A list narrowed by typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub title: String,
    /// (identifier, shown text).
    pub items: Vec<(String, String)>,
    pub query: LineInput,
    pub selected: usize,
    pub targets: Vec<Target>,
}

impl Picker {
    pub fn new(kind: PickerKind, title: &str, items: Vec<(String, String)>, targets: Vec<Target>) -> Picker {
        Picker { kind, title: title.to_string(), items, query: LineInput::default(), selected: 0, targets }
    }

    /// The items the query matches (identifier or text, case-insensitive).
    pub fn matches(&self) -> Vec<&(String, String)> {
        let q = self.query.text.to_lowercase();
        self.items
            .iter()
            .filter(|(id, text)| id.to_lowercase().contains(&q) || text.to_lowercase().contains(&q))
            .collect()
    }

    /// The dialog keys: the next or previous match, or an empty query.
    fn act(&mut self, a: Action) {
        let n = self.matches().len();
        match a {
            Action::NextField => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::PrevField => self.selected = self.selected.saturating_sub(1),
            _ => {
                self.query.clear();
                self.selected = 0;
            }
        }
    }

    /// Typing (and editing the query) narrows the list.
    fn key(&mut self, k: &KeyEvent) {
        let before = self.query.text.clone();
        if self.query.key(k) && self.query.text != before {
            self.selected = 0;
        }
    }
}

/// The open modal.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Help { scroll: usize },
    Form(Form),
    Picker(Picker),
    Confirm(Confirm),
}

fn is_ctrl(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL)
}

/// Ctrl-C, the interrupt: quits from anywhere (asking first when a form has input).
fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.code == KeyCode::Char('c') && is_ctrl(k)
}

/// A key while a modal is open; the modal is put back unless the key closes it.
pub fn key(s: &mut AppState, m: Modal, k: KeyEvent) -> Vec<Effect> {
    match m {
        Modal::Help { scroll } => {
            let page = usize::from(s.size.1 / 2).max(1);
            let scroll = match s.keymap.action(Place::Help, &k) {
                Some(Action::Cancel | Action::Quit | Action::Help) => return Vec::new(),
                Some(Action::Down) => scroll + 1,
                Some(Action::Up) => scroll.saturating_sub(1),
                Some(Action::PageDown) => scroll + page,
                Some(Action::PageUp) => scroll.saturating_sub(page),
                Some(Action::Top) => 0,
                Some(Action::Bottom) => s.keymap.all().len(),
                _ => scroll,
            };
            s.modal = Some(Modal::Help { scroll });
            Vec::new()
        }
        Modal::Form(f) => form_key(s, f, k),
        Modal::Picker(p) => picker_key(s, p, k),
        Modal::Confirm(c) => confirm_key(s, c, k),
    }
}

/// A key in a form: the dialog's keys through the keymap, the rest edit the field (a
/// plain character typed into a text field is always text).
fn form_key(s: &mut AppState, mut f: Form, k: KeyEvent) -> Vec<Effect> {
    let action = s.keymap.action(Place::Form, &k).filter(|_| !f.typing(&k));
    match action {
        _ if is_ctrl_c(&k) && f.dirty() => ask(s, s.lang.t("tui.quit_unsaved"), Then::Quit, Some(f)),
        _ if is_ctrl_c(&k) => quit(s),
        Some(Action::Cancel) if f.dirty() => ask(s, s.lang.t("tui.discard"), Then::Discard, Some(f)),
        Some(Action::Cancel) => Vec::new(),
        Some(Action::Save) => workflow::submit(s, f),
        Some(Action::ClearAll) if !matches!(f.kind, FormKind::Filter(_) | FormKind::EnterpriseFilter) => {
            s.modal = Some(Modal::Form(f));
            Vec::new()
        }
        Some(a @ (Action::NextField | Action::PrevField | Action::Clear | Action::ClearAll)) => {
            f.act(a);
            s.modal = Some(Modal::Form(f));
            Vec::new()
        }
        Some(Action::Editor) => {
            let text = f.focused_text().map(str::to_string);
            s.modal = Some(Modal::Form(f));
            text.map(|t| vec![Effect::Editor(t)]).unwrap_or_default()
        }
        _ => {
            f.key(&k);
            s.modal = Some(Modal::Form(f));
            workflow::form_changed(s)
        }
    }
}

fn picker_key(s: &mut AppState, mut p: Picker, k: KeyEvent) -> Vec<Effect> {
    let typing = k.code != KeyCode::Char(' ') && matches!(k.code, KeyCode::Char(_)) && !is_ctrl(&k);
    match s.keymap.action(Place::Form, &k).filter(|_| !typing) {
        _ if is_ctrl_c(&k) => quit(s),
        Some(Action::Cancel) => Vec::new(),
        Some(Action::Save) => pick(s, p),
        Some(a @ (Action::NextField | Action::PrevField | Action::Clear)) => {
            p.act(a);
            s.modal = Some(Modal::Picker(p));
            Vec::new()
        }
        // Delete on a saved view forgets it, after a yes
        _ if k.code == KeyCode::Delete && p.kind == PickerKind::View => {
            match p.matches().get(p.selected).map(|(id, _)| id.clone()) {
                Some(name) => ask(s, s.lang.f("tui.confirm_delete_view", &[&name]), Then::DeleteView(name), None),
                None => Vec::new(),
            }
        }
        _ => {
            p.key(&k);
            s.modal = Some(Modal::Picker(p));
            Vec::new()
        }
    }
}

fn confirm_key(s: &mut AppState, c: Confirm, k: KeyEvent) -> Vec<Effect> {
    let a = s.keymap.action(Place::Confirm, &k);
    answer(s, c, a)
}

/// The answer to a confirmation (a key's, or a click's).
pub fn answer(s: &mut AppState, c: Confirm, a: Option<Action>) -> Vec<Effect> {
    match a {
        Some(Action::Yes) => match c.then {
            Then::Quit => quit(s),
            Then::Discard => Vec::new(),
            Then::Write(targets, cmd) => write(s, targets, cmd, c.back),
            Then::Consult(w) => consult::send(s, w, c.back),
            Then::SaveView(view) => super::views::keep(s, *view),
            Then::DeleteView(name) => super::views::delete(s, &name),
            Then::Undo => {
                s.say(s.lang.t("tui.saving"), false);
                vec![s.send(None, |id| DbRequest::Undo { id, dry_run: false })]
            }
        },
        Some(Action::No | Action::Cancel) => {
            s.modal = c.back.map(Modal::Form);
            Vec::new()
        }
        _ => {
            s.modal = Some(Modal::Confirm(c));
            Vec::new()
        }
    }
}

/// The picker's selected match taken (Enter, or a click on it).
pub fn pick(s: &mut AppState, p: Picker) -> Vec<Effect> {
    match p.matches().get(p.selected).map(|(id, _)| id.clone()) {
        Some(id) => workflow::picked(s, p, &id),
        None => {
            s.modal = Some(Modal::Picker(p));
            Vec::new()
        }
    }
}

/// Opens a confirmation.
pub fn ask(s: &mut AppState, message: impl Into<String>, then: Then, back: Option<Form>) -> Vec<Effect> {
    s.modal = Some(Modal::Confirm(Confirm { message: message.into(), then, back }));
    Vec::new()
}

fn quit(s: &mut AppState) -> Vec<Effect> {
    s.quit = true;
    vec![Effect::Quit]
}

/// Sends a write (from `form`, kept in case it fails); the marks it used are cleared.
pub fn write(s: &mut AppState, targets: Vec<Target>, cmd: HazardCmd, form: Option<Form>) -> Vec<Effect> {
    for t in &targets {
        s.marked.remove(&t.code);
    }
    s.say(s.lang.t("tui.saving"), false);
    vec![s.send(form, |id| DbRequest::Write { id, targets, cmd })]
}
