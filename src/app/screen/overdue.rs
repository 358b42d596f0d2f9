//! The overdue screen (逾期): the overdue hazards, and under them the follow-up actions
//! past their due date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::View;
use super::action_rows::{Rows, panel};
use super::list::{self, ListKind};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::model::{ActionRow, HazardRow};
use crate::protocol::{Query, Slot};
use crate::widget::theme::Theme;

/// What the overdue screen shows besides its list.
#[derive(Debug, Clone, Default)]
pub struct OverdueView {
    /// Follow-up actions past due, under the overdue hazards.
    pub late: Vec<ActionRow>,
}

pub struct OverdueScreen;

impl View for OverdueScreen {
    const TITLE: &'static str = ListKind::Overdue.title_key();
    const PLACE: Place = Place::List;
    const LIST: Option<ListKind> = Some(ListKind::Overdue);

    fn show(s: &mut AppState) -> Vec<Effect> {
        vec![list::reload(s, ListKind::Overdue), s.load(Slot::LateActions, Query::LateActions)]
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        list::act(s, ListKind::Overdue, a)
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        let n = s.overdue.late.len();
        let h = late_panel_height(s, area.height);
        let [top, bottom] = Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(area);
        list::draw::draw(f, top, s, ListKind::Overdue, t);
        if h >= 3 {
            let title = s.lang.f("consultation.late_actions", &[&n]);
            panel(f, bottom, s, &Rows { title, rows: &s.overdue.late, selected: None, quarter: true }, t);
        }
    }

    fn current(s: &AppState) -> Option<&HazardRow> {
        s.list(ListKind::Overdue).current()
    }
}

/// How tall the panel of late actions is under the list, in a body `height` rows tall.
pub fn late_panel_height(s: &AppState, height: u16) -> u16 {
    let n = s.overdue.late.len();
    if n == 0 { 0 } else { (n as u16 + 2).min(height / 3) }
}
