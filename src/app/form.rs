//! Forms: labelled text and choice fields, edited in memory only (no transaction is
//! open while a form is), with the forms of each workflow and of the list filter.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{AppState, ListKind};
use crate::domain::{Grade, Source, Status};
use crate::protocol::Target;
pub use crate::workflow::{Field, Value};

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// A hazard workflow's form, as its definition makes it.
    Workflow(crate::workflow::Id),
    Filter(ListKind),
    SaveView,
    /// A change to the consultation's record, or the meeting pack.
    Consult(super::consult::ConsultForm),
    /// A new value for a ledger-wide setting.
    Setting(crate::domain::settings::Key),
    /// The enterprise list's filter.
    EnterpriseFilter,
    /// An enterprise added (no target) or edited (the target: its code and version).
    Enterprise,
    /// A hazard registered for the enterprise and clause already chosen.
    Register(Box<super::register::Draft>),
    /// A head-led inspection of the enterprise with this credit code.
    Inspection(String),
    /// A tip-off's form (the target: the tip-off and its version).
    Tipoff(super::screen::tipoffs::form::Step),
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub targets: Vec<Target>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last submit was refused.
    pub error: Option<String>,
}

impl Form {
    pub(super) fn new(kind: FormKind, targets: Vec<Target>, fields: Vec<Field>) -> Form {
        Form { kind, targets, fields, focus: 0, error: None }
    }

    /// Whether anything was typed or chosen.
    pub fn dirty(&self) -> bool {
        self.fields.iter().any(Field::changed)
    }

    /// The value of the field with this label.
    pub fn get(&self, label: &str) -> &str {
        self.fields.iter().find(|f| f.label == label).map_or("", Field::get)
    }

    /// Whether a key edits the focused text field (then it is never a dialog key).
    pub fn typing(&self, k: &KeyEvent) -> bool {
        let Some(f) = self.fields.get(self.focus).filter(|f| matches!(f.value, Value::Text(_))) else { return false };
        // Enter saves, unless the field is a note: there it breaks the line
        super::edit::edit_of(k, f.lines).is_some()
    }

    /// The focused field's text, if it is a text field.
    pub fn focused_text(&self) -> Option<&str> {
        self.fields.get(self.focus).filter(|f| matches!(f.value, Value::Text(_))).map(Field::get)
    }

    /// Replaces the focused text field's text (from an editor), the cursor at its end.
    pub fn replace_focused(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus)
            && let Value::Text(t) = &mut f.value
        {
            *t = super::edit::clean(text.trim_end_matches('\n'), f.lines);
            f.cursor = t.chars().count();
            self.error = None;
        }
    }

    /// Inserts a paste into the focused text field whole (a note keeps its line breaks);
    /// false when the focus is not on text.
    pub fn paste(&mut self, text: &str) -> bool {
        self.edit(&super::edit::Edit::Insert(text.to_string()))
    }

    /// Applies an edit to the focused text field.
    fn edit(&mut self, e: &super::edit::Edit) -> bool {
        let Some(f) = self.fields.get_mut(self.focus) else { return false };
        let Value::Text(t) = &mut f.value else { return false };
        f.cursor = super::edit::apply(t, f.cursor, e, f.lines);
        self.error = None;
        true
    }

    /// The dialog keys: to the next or previous field, or empty the focused text.
    pub fn act(&mut self, a: super::keymap::Action) {
        use super::keymap::Action;
        let n = self.fields.len().max(1);
        match a {
            Action::NextField if self.complete() => {}
            Action::NextField => self.focus = (self.focus + 1) % n,
            Action::PrevField => self.focus = (self.focus + n - 1) % n,
            Action::Clear => {
                if let Some(f) = self.fields.get_mut(self.focus) {
                    f.clear_text();
                }
            }
            Action::ClearAll => self.fields.iter_mut().for_each(Field::clear),
            _ => return,
        }
        self.error = None;
    }

    /// Completes the focused path field as far as its folder allows; whether it did.
    fn complete(&mut self) -> bool {
        let Some(f) = self.fields.get_mut(self.focus).filter(|f| f.path) else { return false };
        let Some(done) = super::complete::path(f.get()) else { return false };
        f.cursor = done.chars().count();
        f.value = Value::Text(done);
        true
    }

    /// Edits the focused field; false when the key is not the field's.
    pub fn key(&mut self, k: &KeyEvent) -> bool {
        let lines = self.fields.get(self.focus).is_some_and(|f| f.lines);
        match (k.code, &mut self.fields.get_mut(self.focus).map(|f| &mut f.value)) {
            (KeyCode::Left, Some(Value::Choice { options, index })) => {
                *index = (*index + options.len().max(1) - 1) % options.len().max(1)
            }
            (KeyCode::Right | KeyCode::Char(' '), Some(Value::Choice { options, index })) => {
                *index = (*index + 1) % options.len().max(1)
            }
            (_, Some(Value::Text(_))) => {
                let Some(e) = super::edit::edit_of(k, lines) else { return false };
                return self.edit(&e);
            }
            _ => return false,
        }
        self.error = None;
        true
    }
}

/// Identifier/word pairs of a closed set, optionally led by "any".
fn words<T: Copy>(s: &AppState, group: &str, all: &[T], id: fn(T) -> &'static str, any: bool) -> Vec<(String, String)> {
    let lead = any.then(|| (String::new(), s.lang.t("tui.any").to_string()));
    lead.into_iter().chain(all.iter().map(|x| (id(*x).to_string(), s.lang.word(group, id(*x)).to_string()))).collect()
}

/// Free names (villages, sectors, staff), led by "any".
pub(crate) fn names(s: &AppState, list: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), s.lang.t("tui.any").to_string())).chain(list).collect()
}

pub(crate) fn at(options: &[(String, String)], id: &str) -> usize {
    options.iter().position(|o| o.0 == id).unwrap_or(0)
}

/// The list filter: status, village, sector, source, grade, assignee, overdue, stock.
pub fn filter_form(s: &AppState, kind: ListKind) -> Form {
    let f = &s.list(kind).filter;
    // the ledger's names, and the filter's own when they lack it (a drill-down's)
    let pairs = |v: &[String], current: &Option<String>| {
        let missing = current.iter().filter(|c| !v.contains(c));
        v.iter().chain(missing).map(|n| (n.clone(), n.clone())).collect::<Vec<_>>()
    };
    let villages = names(s, pairs(&s.places.villages, &f.village).into_iter());
    let sectors = names(s, pairs(&s.places.sectors, &f.sector).into_iter());
    let staff = names(s, s.staff.iter().map(|m| (m.login.clone(), m.name.clone())));
    let status = words(s, "status", Status::ALL, Status::as_str, true);
    let source = words(s, "source", Source::ALL, Source::as_str, true);
    let grade = words(s, "grade", Grade::ALL, Grade::as_str, true);
    let yes_no = vec![(String::new(), s.lang.t("tui.any").to_string()), ("1".into(), s.lang.t("yes").to_string())];
    let fields = vec![
        Field::choice("col.status", status.clone(), at(&status, f.status.map_or("", |x| x.as_str()))),
        Field::choice("col.village", villages.clone(), at(&villages, f.village.as_deref().unwrap_or(""))),
        Field::choice("col.sector", sectors.clone(), at(&sectors, f.sector.as_deref().unwrap_or(""))),
        Field::choice("col.source", source.clone(), at(&source, f.source.map_or("", |x| x.as_str()))),
        Field::choice("col.grade", grade.clone(), at(&grade, f.grade.map_or("", |x| x.as_str()))),
        Field::choice("col.assignee", staff.clone(), at(&staff, f.assignee.as_deref().unwrap_or(""))),
        Field::choice("tile.overdue", yes_no.clone(), usize::from(f.overdue)),
        Field::choice("tui.stock", yes_no, usize::from(f.stock)),
    ];
    Form::new(FormKind::Filter(kind), Vec::new(), fields)
}

/// The filter a filter form describes, on top of the screen's own.
pub fn filter_of(form: &Form, base: crate::model::Filter) -> crate::model::Filter {
    let opt = |label: &str| Some(form.get(label).to_string()).filter(|v| !v.is_empty());
    crate::model::Filter {
        status: opt("col.status").and_then(|v| Status::parse(&v)),
        village: opt("col.village"),
        sector: opt("col.sector"),
        source: opt("col.source").and_then(|v| Source::parse(&v)),
        grade: opt("col.grade").and_then(|v| Grade::parse(&v)),
        assignee: opt("col.assignee"),
        overdue: base.overdue || opt("tile.overdue").is_some(),
        stock: opt("tui.stock").is_some(),
        search: base.search.clone(),
        ..base
    }
}

/// The name of a view to save.
pub fn save_view_form() -> Form {
    Form::new(FormKind::SaveView, Vec::new(), vec![Field::text("form.view_name", "")])
}
