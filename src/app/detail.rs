//! One hazard shown whole: opening it (remembering where to return) and scrolling it.

use super::keymap::Action;
use super::{AppState, Effect, Screen, go};
use crate::i18n::Lang;
use crate::model::HazardDetail;
use crate::protocol::{Query, Slot};

/// One hazard shown whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DetailView {
    pub code: String,
    pub data: Option<Box<HazardDetail>>,
    pub scroll: usize,
}

/// Opens the detail of `code`, remembering where to return.
pub fn open_detail(s: &mut AppState, code: &str) -> Vec<Effect> {
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
pub(super) fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    let page = usize::from(s.size.1.saturating_sub(DETAIL_CHROME)).max(1);
    let lines = s.detail.data.as_ref().map_or(0, |d| detail_line_count(s.lang, d));
    let last = lines.saturating_sub(page);
    let d = &mut s.detail;
    d.scroll = match a {
        Action::Back => return go(s, s.back_to),
        Action::Up => d.scroll.saturating_sub(1),
        Action::Down => d.scroll + 1,
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => d.scroll.saturating_sub(page),
        Action::PageDown => d.scroll + page,
        _ => d.scroll,
    }
    .min(last);
    Vec::new()
}

/// Rows around the detail's text: header, tabs, frame, status line, footer.
pub const DETAIL_CHROME: u16 = 5;

/// How many lines the detail has: each section's title, its lines and a blank.
pub fn detail_line_count(lang: Lang, d: &HazardDetail) -> usize {
    crate::present::detail_sections(lang, d).iter().map(|s| s.lines.len() + 2).sum()
}
