//! Follow-up actions as a panel of rows (number, title, lead unit, assignee, due date,
//! state in words): a quarter's on the consultation screen, the late ones under the
//! overdue hazards.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::domain::consultation::ActionState;
use crate::model::ActionRow;
use crate::widget::line;
use crate::widget::table::{Cells, Fit, Spec, Table};
use crate::widget::theme::{Role, Theme};

/// A column of an action row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Id,
    Quarter,
    Title,
    Lead,
    Assignee,
    Due,
    State,
}

/// The columns: the title takes what is left; the lead unit goes first when short of
/// room, then the quarter, the assignee, the due date and the number.
fn specs(quarter: bool) -> Vec<Spec<Col>> {
    let spec = |col, w, keep| Spec { col, min: w, max: w, keep };
    let mut v = vec![spec(Col::Id, 4, 8), Spec { col: Col::Title, min: 8, max: 0, keep: 10 }];
    v.extend([spec(Col::Lead, 10, 4), spec(Col::Assignee, 6, 6), spec(Col::Due, 10, 7), spec(Col::State, 18, 9)]);
    if quarter {
        v.insert(1, spec(Col::Quarter, 6, 5));
    }
    v
}

const HOW: Fit<Col> = Fit { flex_first: 8, minor: 0, always: Col::Title };

fn text(s: &AppState, c: Col, a: &ActionRow) -> String {
    let l = s.lang;
    match c {
        Col::Id => format!("#{}", a.id),
        Col::Quarter => a.quarter.map(|q| q.to_string()).unwrap_or_default(),
        Col::Title => a.title.clone(),
        Col::Lead => a.lead_unit.clone(),
        Col::Assignee => a.assignee_name.clone().or(a.assignee.clone()).unwrap_or_default(),
        Col::Due => a.due_on.to_string(),
        Col::State => {
            let state = l.word("state", a.state.as_str());
            if a.days_late > 0 { l.f("follow.late_days", &[&state, &a.days_late]) } else { state.to_string() }
        }
    }
}

/// The cells of follow-up actions: late ones in the overdue style, done ones muted.
struct Actions<'a> {
    s: &'a AppState,
    t: &'a Theme,
}

impl Cells<ActionRow> for Actions<'_> {
    type Col = Col;

    fn header(&self, _: Col) -> String {
        String::new()
    }

    fn text(&self, a: &ActionRow, c: Col) -> String {
        text(self.s, c, a)
    }

    fn row_style(&self, a: &ActionRow) -> Style {
        match a.state {
            ActionState::Late => self.t.style(Role::Overdue),
            ActionState::Done => self.t.style(Role::Muted),
            ActionState::Open => Style::default(),
        }
    }
}

/// Actions to show in a panel.
pub struct Rows<'a> {
    pub title: String,
    pub rows: &'a [ActionRow],
    /// The selected row, when the keys move in the panel.
    pub selected: Option<usize>,
    /// Show each action's quarter (when they come from several consultations).
    pub quarter: bool,
}

/// A bordered panel of actions, the selected one (if any) kept in view.
pub fn panel(f: &mut Frame, area: Rect, s: &AppState, r: &Rows, t: &Theme) {
    let border = if r.selected.is_some() { Role::Title } else { Role::Muted };
    let block = crate::widget::panel(&r.title, border, t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if r.rows.is_empty() {
        f.render_widget(Paragraph::new(line(s.lang.t("consultation.no_actions"), t.style(Role::Muted))), inner);
        return;
    }
    let specs = specs(r.quarter);
    let cells = Actions { s, t };
    let table = Table {
        rows: r.rows,
        specs: &specs,
        fit: &HOW,
        cells: &cells,
        selected: r.selected,
        selected_style: t.style(Role::Selected),
        header: None,
    };
    table.draw(f.buffer_mut(), inner);
}
