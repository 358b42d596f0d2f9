//! A workflow's form as typed fields: each field is a handle (`Text`, `Date`, `Choice`)
//! that makes its field and reads its value back as the type the store wants, so no
//! workflow looks a value up by a catalogue key.

use chrono::NaiveDate;

use crate::domain::parse_date;
use crate::i18n::Lang;

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    /// (identifier, shown word) pairs; the identifier "" means "any".
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
}

/// The fields that hold a note: Enter breaks a line in them.
const NOTES: &[&str] = &[
    "form.note",
    "form.reason",
    "form.opinion",
    "form.proposal",
    "form.decision",
    "plan.measures",
    "plan.contingency",
];

/// One labelled field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The catalogue key of the label.
    pub label: &'static str,
    pub value: Value,
    pub initial: Value,
    /// Where typing goes in a text, in characters.
    pub cursor: usize,
    /// A note, which may hold line breaks.
    pub lines: bool,
    /// A file's path: Tab completes it before it moves on.
    pub path: bool,
}

impl Field {
    pub fn text(label: &'static str, value: &str) -> Field {
        let v = Value::Text(value.to_string());
        let cursor = value.chars().count();
        Field { label, value: v.clone(), initial: v, cursor, lines: NOTES.contains(&label), path: label == "form.file" }
    }

    pub fn choice(label: &'static str, options: Vec<(String, String)>, index: usize) -> Field {
        let v = Value::Choice { options, index };
        Field { label, value: v.clone(), initial: v, cursor: 0, lines: false, path: false }
    }

    /// The text, or the chosen identifier.
    pub fn get(&self) -> &str {
        match &self.value {
            Value::Text(t) => t,
            Value::Choice { options, index } => options.get(*index).map_or("", |o| o.0.as_str()),
        }
    }

    pub fn changed(&self) -> bool {
        self.value != self.initial
    }

    /// A text field emptied (a choice stays).
    pub fn clear_text(&mut self) {
        if let Value::Text(t) = &mut self.value {
            t.clear();
            self.cursor = 0;
        }
    }

    /// Emptied: no text, or the first choice (a filter's "any").
    pub fn clear(&mut self) {
        self.clear_text();
        if let Value::Choice { index, .. } = &mut self.value {
            *index = 0;
        }
    }
}

/// Why a form cannot be saved as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The field with this label must not be empty.
    Required(&'static str),
    /// The field with this label is not a date.
    BadDate(&'static str),
    /// Nothing was changed.
    NothingChanged,
}

impl Refusal {
    /// What is wrong, naming the field by its label.
    pub fn message(self, lang: Lang) -> String {
        match self {
            Refusal::Required(label) => lang.f("tui.required_field", &[&lang.t(label)]),
            Refusal::BadDate(label) => lang.f("tui.bad_date_field", &[&lang.t(label)]),
            Refusal::NothingChanged => lang.t("tui.nothing_changed").to_string(),
        }
    }
}

fn value<'f>(fields: &'f [Field], label: &str) -> Option<&'f Field> {
    fields.iter().find(|f| f.label == label)
}

/// A text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub &'static str);

impl Text {
    pub fn field(self, initial: &str) -> Field {
        Field::text(self.0, initial)
    }

    /// The trimmed text ("" when the form has no such field).
    pub fn read(self, fields: &[Field]) -> String {
        value(fields, self.0).map_or("", Field::get).trim().to_string()
    }

    /// The trimmed text, which must not be empty.
    pub fn required(self, fields: &[Field]) -> Result<String, Refusal> {
        Some(self.read(fields)).filter(|t| !t.is_empty()).ok_or(Refusal::Required(self.0))
    }

    /// The trimmed text if the user changed it.
    pub fn changed(self, fields: &[Field]) -> Option<String> {
        value(fields, self.0).filter(|f| f.changed()).map(|f| f.get().trim().to_string())
    }
}

/// A date typed as YYYY-MM-DD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date(pub &'static str);

impl Date {
    pub fn field(self, initial: NaiveDate) -> Field {
        Field::text(self.0, &initial.to_string())
    }

    pub fn read(self, fields: &[Field]) -> Result<NaiveDate, Refusal> {
        parse_date(value(fields, self.0).map_or("", Field::get)).ok_or(Refusal::BadDate(self.0))
    }

    /// Whether the user changed the prefilled date.
    pub fn changed(self, fields: &[Field]) -> bool {
        value(fields, self.0).is_some_and(Field::changed)
    }

    /// The date typed over the prefilled one; `None` when left as it was, so that the
    /// write takes the real date of the day, not the screen's.
    pub fn given(self, fields: &[Field]) -> Result<Option<NaiveDate>, Refusal> {
        if self.changed(fields) { self.read(fields).map(Some) } else { Ok(None) }
    }
}

/// A choice among the words of a closed set (a role, a verdict, a level).
#[derive(Debug, Clone, Copy)]
pub struct Choice<T: 'static> {
    pub label: &'static str,
    /// The catalogue group of the words (`level` for `level.letter`).
    pub group: &'static str,
    pub id: fn(T) -> &'static str,
    pub parse: fn(&str) -> Option<T>,
}

impl<T: Copy> Choice<T> {
    /// A field offering `items` in the interface language, the first chosen.
    pub fn field(self, lang: Lang, items: &[T]) -> Field {
        let options = items.iter().map(|x| ((self.id)(*x).to_string(), lang.word(self.group, (self.id)(*x)).into()));
        Field::choice(self.label, options.collect(), 0)
    }

    /// The chosen item; `None` when the choice is none of the set (a "next" or "any").
    pub fn read(self, fields: &[Field]) -> Option<T> {
        (self.parse)(value(fields, self.label).map_or("", Field::get))
    }

    /// Whether the form has this field (a workflow with two forms tells them apart by it).
    pub fn in_form(self, fields: &[Field]) -> bool {
        value(fields, self.label).is_some()
    }

    /// The chosen item, which must be one of the set.
    pub fn required(self, fields: &[Field]) -> Result<T, Refusal> {
        self.read(fields).ok_or(Refusal::Required(self.label))
    }
}
