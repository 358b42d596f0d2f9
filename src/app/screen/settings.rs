//! The settings screen (设置): the ledger-wide settings, their values and last changes;
//! an admin changes one with Enter, giving the new value and why (each change is a
//! ledger event); everyone else may look.

use crate::workflow::Refusal;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::View;
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect, Field, Form, FormKind, Modal, workflow};
use crate::domain::permission::Write;
use crate::domain::settings::Key;
use crate::model::SettingRow;
use crate::present::{setting_cells, setting_headers};
use crate::protocol::{DbRequest, Query, SettingChange, Slot};
use crate::widget::table::{Cells, Fit, Spec, Table};
use crate::widget::theme::{Role, Theme};

/// What the settings screen shows.
#[derive(Debug, Clone, Default)]
pub struct SettingsView {
    pub rows: Vec<SettingRow>,
    pub selected: usize,
}

pub struct SettingsScreen;

impl View for SettingsScreen {
    const TITLE: &'static str = "tui.screen.settings";
    const PLACE: Place = Place::Settings;

    fn show(s: &mut AppState) -> Vec<Effect> {
        vec![s.load(Slot::Settings, Query::Settings)]
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        let v = &mut s.settings;
        let last = v.rows.len().saturating_sub(1);
        v.selected = match a {
            Action::Up => v.selected.saturating_sub(1),
            Action::Down => (v.selected + 1).min(last),
            Action::Top | Action::PageUp => 0,
            Action::Bottom | Action::PageDown => last,
            Action::SettingEdit => return edit(s),
            _ => return Vec::new(),
        };
        Vec::new()
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        let block = crate::widget::panel(s.lang.t("tui.screen.settings"), Role::Title, t);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let cells = Settings { s };
        let table = Table {
            rows: &s.settings.rows,
            specs: &SPECS,
            fit: &HOW,
            cells: &cells,
            selected: Some(s.settings.selected),
            selected_style: t.style(Role::Selected),
            header: Some(t.style(Role::Header)),
        };
        table.draw(f.buffer_mut(), inner);
    }
}

/// The settings arrived: the rows, and the thresholds every figure now reads.
pub fn arrived(s: &mut AppState, rows: Vec<SettingRow>, thresholds: crate::domain::escalation::Thresholds) {
    s.settings.selected = s.settings.selected.min(rows.len().saturating_sub(1));
    s.settings.rows = rows;
    s.thresholds = thresholds;
}

/// Enter: the form for the selected setting (admin), its value prefilled.
fn edit(s: &mut AppState) -> Vec<Effect> {
    if workflow::refused(s, Write::Settings) {
        return Vec::new();
    }
    let Some(row) = s.settings.rows.get(s.settings.selected) else { return Vec::new() };
    let Some(key) = Key::parse(row.key) else { return Vec::new() };
    let fields = vec![Field::text("settings.col.value", &row.value), Field::text("form.reason", "")];
    s.modal = Some(Modal::Form(Form::new(FormKind::Setting(key), Vec::new(), fields)));
    Vec::new()
}

/// Enter in the form: the change, sent; what is missing otherwise.
pub fn submit(s: &mut AppState, key: Key, f: &Form) -> Result<Vec<Effect>, Refusal> {
    let value = f.get("settings.col.value").trim().to_string();
    if value.is_empty() {
        return Err(Refusal::Required("settings.col.value"));
    }
    if !f.dirty() || s.settings.rows.iter().any(|r| r.key == key.name() && r.value == value) {
        return Err(Refusal::NothingChanged);
    }
    let change = SettingChange { key, value, reason: f.get("form.reason").trim().to_string() };
    s.say(s.lang.t("tui.saving"), false);
    Ok(vec![s.send(Some(f.clone()), |id| DbRequest::Setting { id, change })])
}

/// A column of the settings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Key,
    Value,
    What,
    Changed,
}

const SPECS: [Spec<Col>; 4] = [
    Spec { col: Col::Key, min: 12, max: 14, keep: 10 },
    Spec { col: Col::Value, min: 6, max: 16, keep: 9 },
    Spec { col: Col::What, min: 10, max: 0, keep: 8 },
    Spec { col: Col::Changed, min: 10, max: 30, keep: 5 },
];

const HOW: Fit<Col> = Fit { flex_first: 8, minor: 0, always: Col::What };

struct Settings<'a> {
    s: &'a AppState,
}

impl Cells<SettingRow> for Settings<'_> {
    type Col = Col;

    fn header(&self, c: Col) -> String {
        setting_headers(self.s.lang)[c as usize].to_string()
    }

    fn text(&self, r: &SettingRow, c: Col) -> String {
        let [key, value, what, changed] = setting_cells(self.s.lang, r);
        match c {
            Col::Key => key,
            Col::Value => value,
            Col::What => what,
            Col::Changed => changed,
        }
    }

    fn row_style(&self, _: &SettingRow) -> ratatui::style::Style {
        ratatui::style::Style::default()
    }
}
