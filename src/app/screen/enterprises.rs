//! The enterprises screen (企业): every enterprise with its contacts and its open major and
//! overdue hazards, a page at a time; search, filter and sort; Enter shows one whole
//! (contacts, its hazards — Enter opens one — and the changes made to it); `a` adds an
//! enterprise and `e` edits the one shown or selected (an admin or officer).

mod draw;
pub mod form;
pub mod inspect;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::View;
use super::paged::{Moved, Paged};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::model::{EnterpriseDetail, EnterpriseFilter, EnterpriseRow, EnterpriseSort};
use crate::protocol::{EnterprisePage, EnterpriseRows, Query, Slot};
use crate::widget::theme::Theme;

/// What the enterprises screen shows.
#[derive(Debug, Clone, Default)]
pub struct EnterprisesView {
    pub filter: EnterpriseFilter,
    pub sort: EnterpriseSort,
    /// The page on show.
    pub page: Paged<EnterpriseRow>,
    /// The enterprise shown whole, and its selected hazard.
    pub detail: Option<Box<EnterpriseDetail>>,
    pub hazard: usize,
    /// The first line of the enterprise shown whole.
    pub scroll: usize,
}

impl EnterprisesView {
    pub fn current(&self) -> Option<&EnterpriseRow> {
        self.page.current()
    }
}

pub struct EnterprisesScreen;

impl View for EnterprisesScreen {
    const TITLE: &'static str = "tui.screen.enterprises";
    const PLACE: Place = Place::Enterprises;

    fn show(s: &mut AppState) -> Vec<Effect> {
        let offset = s.enterprises.page.offset;
        vec![page(s, offset)]
    }

    fn refresh(s: &mut AppState) -> Vec<Effect> {
        let mut out = Self::show(s);
        if let Some(code) = s.enterprises.detail.as_ref().map(|d| d.row.credit_code.clone()) {
            out.push(s.load(Slot::Enterprise, Query::Enterprise(code)));
        }
        out
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        if s.enterprises.detail.is_some() { act_detail(s, a) } else { act_list(s, a) }
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        draw::draw(f, area, s, t);
    }
}

/// Asks for the page `offset` rows in.
fn page(s: &mut AppState, offset: usize) -> Effect {
    let v = &s.enterprises;
    let page = EnterprisePage { filter: v.filter.clone(), sort: v.sort, offset, limit: s.page_size() };
    s.load(Slot::Enterprises, Query::Enterprises(Box::new(page)))
}

/// A page arrived: the selection stays on the same enterprise when it is still there.
pub fn arrived(s: &mut AppState, data: EnterpriseRows) {
    fn key(r: &EnterpriseRow) -> &str {
        &r.credit_code
    }
    s.enterprises.page.arrived(data.page.offset, data.rows, data.count, data.more, key);
}

/// The list's keys: move (a page at a time past the ends), open, search, filter, sort,
/// add and edit.
fn act_list(s: &mut AppState, a: Action) -> Vec<Effect> {
    let page_size = s.page_size();
    match s.enterprises.page.motion(a, page_size) {
        Moved::Load(offset) => return vec![page(s, offset)],
        Moved::Here => return Vec::new(),
        Moved::No => {}
    }
    let v = &mut s.enterprises;
    match a {
        Action::Open => return open(s),
        Action::Search => {
            s.search = Some(crate::app::edit::LineInput::new(v.filter.search.clone().unwrap_or_default()))
        }
        Action::SortNext | Action::SortReverse => return sort(s, a == Action::SortNext),
        Action::Filter => form::filter(s),
        Action::EnterpriseAdd => {
            // an enterprise added here is not one a registration waits for
            s.registering = None;
            form::add(s)
        }
        Action::EnterpriseEdit => return form::edit(s),
        Action::InspectionAdd => inspect::open(s),
        // Esc before an enterprise asked for arrives: it does not open after all
        Action::Back => s.forget(Slot::Enterprise),
        Action::SaveView => return crate::app::views::ask_name(s),
        Action::Views => return crate::app::views::pick(s),
        _ => {}
    }
    Vec::new()
}

/// The next (or previous) order, from the first page.
fn sort(s: &mut AppState, forward: bool) -> Vec<Effect> {
    let all = EnterpriseSort::ALL;
    let here = all.iter().position(|x| *x == s.enterprises.sort).unwrap_or(0);
    let next = if forward { (here + 1) % all.len() } else { (here + all.len() - 1) % all.len() };
    s.enterprises.sort = all[next];
    s.enterprises.page.restart();
    vec![page(s, 0)]
}

/// Enter on the list: the selected enterprise whole.
fn open(s: &mut AppState) -> Vec<Effect> {
    let Some(code) = s.enterprises.current().map(|r| r.credit_code.clone()) else { return Vec::new() };
    s.enterprises.hazard = 0;
    s.enterprises.scroll = 0;
    vec![s.load(Slot::Enterprise, Query::Enterprise(code))]
}

/// One enterprise shown: `j`/`k` move among its hazards (kept in view), the page keys
/// scroll through its sections, Enter opens the hazard, Esc goes back to the list.
fn act_detail(s: &mut AppState, a: Action) -> Vec<Effect> {
    let Some(d) = s.enterprises.detail.as_deref() else { return Vec::new() };
    let lines = draw::layout(s.lang, d);
    let page = usize::from(s.size.1.saturating_sub(super::detail::DETAIL_CHROME)).max(1);
    let last = lines.len().saturating_sub(page);
    let codes: Vec<String> = d.hazards.iter().map(|h| h.code.clone()).collect();
    let n = codes.len();
    let v = &mut s.enterprises;
    match a {
        Action::Back => {
            v.detail = None;
            s.forget(Slot::Enterprise);
        }
        Action::Down | Action::Up => {
            v.hazard =
                if a == Action::Down { (v.hazard + 1).min(n.saturating_sub(1)) } else { v.hazard.saturating_sub(1) };
            let code = codes.get(v.hazard);
            if let Some(at) = lines.iter().position(|l| Some(&l.label) == code) {
                v.scroll = v.scroll.clamp((at + 1).saturating_sub(page), at);
            }
        }
        Action::Top => v.scroll = 0,
        Action::Bottom => v.scroll = last,
        Action::PageUp => v.scroll = v.scroll.saturating_sub(page),
        Action::PageDown => v.scroll = (v.scroll + page).min(last),
        Action::Open => {
            return codes.get(v.hazard).map(|c| super::detail::open(s, c)).unwrap_or_default();
        }
        Action::EnterpriseAdd => {
            s.registering = None;
            form::add(s)
        }
        Action::EnterpriseEdit => return form::edit(s),
        Action::InspectionAdd => inspect::open(s),
        _ => {}
    }
    Vec::new()
}

/// The search line changed: the list narrowed to it, from the first page.
pub fn narrow(s: &mut AppState, text: &str) -> Vec<Effect> {
    let search = crate::text::sanitise(text);
    s.enterprises.filter.search = (!search.trim().is_empty()).then_some(search);
    s.enterprises.page.restart();
    vec![page(s, 0)]
}

/// One enterprise shown whole on the enterprises screen (from another screen).
pub fn open_code(s: &mut AppState, code: String) -> Vec<Effect> {
    s.screen = crate::app::Screen::Enterprises;
    s.enterprises.hazard = 0;
    s.enterprises.scroll = 0;
    let mut out = EnterprisesScreen::show(s);
    out.push(s.load(Slot::Enterprise, Query::Enterprise(code)));
    out
}

/// The enterprises screen shown with `filter` (from a figure of the overview).
pub fn open_filtered(s: &mut AppState, filter: EnterpriseFilter) -> Vec<Effect> {
    s.screen = crate::app::Screen::Enterprises;
    s.enterprises.detail = None;
    s.enterprises.filter = filter;
    s.enterprises.page.restart();
    vec![page(s, 0)]
}

/// A saved view picked: its filter and order, from the first page.
pub fn viewed(s: &mut AppState, filter: EnterpriseFilter, sort: EnterpriseSort) -> Vec<Effect> {
    s.enterprises.filter = filter;
    s.enterprises.sort = sort;
    s.enterprises.page.restart();
    vec![page(s, 0)]
}

/// The filter form was saved.
pub fn filtered(s: &mut AppState, filter: EnterpriseFilter) -> Vec<Effect> {
    s.enterprises.filter = EnterpriseFilter { search: s.enterprises.filter.search.take(), ..filter };
    s.enterprises.page.restart();
    vec![page(s, 0)]
}
