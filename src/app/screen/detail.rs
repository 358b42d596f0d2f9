//! One hazard shown whole (详情): opening it (remembering where to return) and scrolling it.

pub(crate) mod draw;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Screen, View};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect, go};
use crate::model::HazardDetail;
use crate::model::HazardRow;
use crate::protocol::{Query, Slot};
use crate::widget::theme::Theme;

/// One hazard shown whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DetailView {
    pub code: String,
    pub data: Option<Box<HazardDetail>>,
    pub scroll: usize,
}

pub struct DetailScreen;

impl View for DetailScreen {
    const TITLE: &'static str = "tui.screen.detail";
    const PLACE: Place = Place::Detail;

    fn show(_: &mut AppState) -> Vec<Effect> {
        Vec::new()
    }

    fn refresh(s: &mut AppState) -> Vec<Effect> {
        vec![s.load(Slot::Detail, Query::Detail(s.detail.code.clone()))]
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        act(s, a)
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        draw::draw(f, area, s, t);
    }

    fn current(s: &AppState) -> Option<&HazardRow> {
        s.detail.data.as_ref().map(|d| &d.row)
    }
}

/// Opens the detail of `code`, remembering where to return.
pub fn open(s: &mut AppState, code: &str) -> Vec<Effect> {
    if s.screen != Screen::Detail {
        s.back_to = s.screen;
    }
    s.screen = Screen::Detail;
    if s.detail.code != code {
        s.detail = DetailView { code: code.to_string(), data: None, scroll: 0 };
    }
    vec![s.load(Slot::Detail, Query::Detail(code.to_string()))]
}

/// A key on the detail.
fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    let page = usize::from(s.size.1.saturating_sub(DETAIL_CHROME)).max(1);
    let lines = s.detail.data.as_ref().map_or(0, |d| draw::layout(s.lang, d, usize::from(s.size.0)).len());
    let last = lines.saturating_sub(page);
    if a == Action::Back {
        return go(s, s.back_to);
    }
    s.detail.scroll = scroll(s.detail.scroll, a, page, last);
    Vec::new()
}

/// The first line on show after a move `a` through text shown `page` lines at a time,
/// from `at`, at most `last`.
pub fn scroll(at: usize, a: Action, page: usize, last: usize) -> usize {
    match a {
        Action::Up => at.saturating_sub(1),
        Action::Down => at + 1,
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => at + page,
        _ => at,
    }
    .min(last)
}

/// Rows around the detail's text: header, tabs, frame, status line, footer.
pub const DETAIL_CHROME: u16 = 5;
