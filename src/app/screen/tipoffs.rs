//! The tip-offs screen (举报): every public tip-off, newest first, a page at a time, with
//! its state and the days left for its verification (late ones red); `f` narrows it to a
//! state, the late or the rewarded; Enter shows one whole with its log. `a` registers a
//! tip-off, `s` assigns its verification, `v` verifies it (the hazard registered from
//! it), `x` records it not verified, `r` its reward, `t` the reporter told.

mod draw;
pub mod form;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::View;
use super::paged::{Moved, Paged};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::model::{TipoffDetail, TipoffFilter, TipoffRow};
use crate::protocol::{Query, Slot, TipoffQuery, TipoffRows};
use crate::widget::theme::Theme;

/// What the tip-offs screen shows.
#[derive(Debug, Clone, Default)]
pub struct TipoffsView {
    pub filter: TipoffFilter,
    pub page: Paged<TipoffRow>,
    /// The tip-off shown whole, and its first line on show.
    pub detail: Option<Box<TipoffDetail>>,
    pub scroll: usize,
}

impl TipoffsView {
    /// The tip-off shown, else the one selected.
    pub fn current(&self) -> Option<&TipoffRow> {
        self.detail.as_ref().map(|d| &d.row).or_else(|| self.page.current())
    }
}

pub struct TipoffsScreen;

impl View for TipoffsScreen {
    const TITLE: &'static str = "tui.screen.tipoffs";
    const PLACE: Place = Place::Tipoffs;

    fn show(s: &mut AppState) -> Vec<Effect> {
        let offset = s.tipoffs.page.offset;
        vec![page(s, offset)]
    }

    fn refresh(s: &mut AppState) -> Vec<Effect> {
        let mut out = Self::show(s);
        if let Some(code) = s.tipoffs.detail.as_ref().map(|d| d.row.code.clone()) {
            out.push(s.load(Slot::Tipoff, Query::Tipoff(code)));
        }
        out
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        match a {
            Action::TipoffAdd => form::add(s),
            Action::TipoffAssign => form::assign(s),
            Action::TipoffVerify => return form::verify(s),
            Action::TipoffReject => form::reject(s),
            Action::TipoffReward => form::reward(s),
            Action::TipoffTell => form::tell(s),
            _ if s.tipoffs.detail.is_some() => return act_detail(s, a),
            _ => return act_list(s, a),
        }
        Vec::new()
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        draw::draw(f, area, s, t);
    }
}

/// Asks for the page `offset` rows in.
fn page(s: &mut AppState, offset: usize) -> Effect {
    let q = TipoffQuery { filter: s.tipoffs.filter.clone(), offset, limit: s.page_size() };
    s.load(Slot::Tipoffs, Query::Tipoffs(Box::new(q)))
}

/// A page arrived: the selection stays on the same tip-off when it is still there.
pub fn arrived(s: &mut AppState, data: TipoffRows) {
    fn key(r: &TipoffRow) -> &str {
        &r.code
    }
    let more = data.more();
    s.tipoffs.page.arrived(data.query.offset, data.page.rows, data.page.count, more, key);
}

fn act_list(s: &mut AppState, a: Action) -> Vec<Effect> {
    let page_size = s.page_size();
    match s.tipoffs.page.motion(a, page_size) {
        Moved::Load(offset) => vec![page(s, offset)],
        Moved::Here => Vec::new(),
        Moved::No => match a {
            Action::Filter => {
                form::filter(s);
                Vec::new()
            }
            Action::Open => open(s),
            _ => Vec::new(),
        },
    }
}

/// Enter on the list: the selected tip-off whole.
fn open(s: &mut AppState) -> Vec<Effect> {
    let Some(code) = s.tipoffs.page.current().map(|r| r.code.clone()) else { return Vec::new() };
    s.tipoffs.scroll = 0;
    vec![s.load(Slot::Tipoff, Query::Tipoff(code))]
}

/// One tip-off shown: the page keys scroll it, Esc goes back to the list (and a late
/// answer does not open it again).
fn act_detail(s: &mut AppState, a: Action) -> Vec<Effect> {
    let lines = s.tipoffs.detail.as_deref().map_or(0, |d| draw::layout(s.lang, d).len());
    let page = usize::from(s.size.1.saturating_sub(super::detail::DETAIL_CHROME)).max(1);
    let last = lines.saturating_sub(page);
    if a == Action::Back {
        s.tipoffs.detail = None;
        s.forget(Slot::Tipoff);
        return Vec::new();
    }
    s.tipoffs.scroll = super::detail::scroll(s.tipoffs.scroll, a, page, last);
    Vec::new()
}

/// The filter form was saved: the list from its first page.
pub fn filtered(s: &mut AppState, filter: TipoffFilter) -> Vec<Effect> {
    s.tipoffs.filter = filter;
    s.tipoffs.page.restart();
    vec![page(s, 0)]
}

/// One tip-off shown whole on the tip-offs screen (from another screen).
pub fn open_code(s: &mut AppState, code: String) -> Vec<Effect> {
    s.screen = crate::app::Screen::Tipoffs;
    s.tipoffs.scroll = 0;
    let mut out = TipoffsScreen::show(s);
    out.push(s.load(Slot::Tipoff, Query::Tipoff(code)));
    out
}

/// The tip-offs screen with `filter` (from a figure of the overview or the agenda).
pub fn open_filtered(s: &mut AppState, filter: TipoffFilter) -> Vec<Effect> {
    s.screen = crate::app::Screen::Tipoffs;
    s.tipoffs.detail = None;
    filtered(s, filter)
}
