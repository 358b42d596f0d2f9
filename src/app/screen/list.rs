//! The hazard list screens (ledger, overdue, escalation queue, awaiting sign-off): a
//! window of rows read page by page from the database by keyset (forwards and
//! backwards), the selection kept on the same hazard across reloads, sorting,
//! incremental search and marks. `Of<K>` is the screen of list `K`.

pub mod columns;
pub mod draw;

use std::marker::PhantomData;

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::{Screen, View};
use crate::app::edit::LineInput;
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect, Modal};
use crate::domain::status::SignOff;
use crate::model::{Cursor, Filter, HazardRow, Sort, SortKey};
use crate::protocol::{PageData, PageQuery, Query, Slot};
use crate::widget::theme::Theme;

/// A list screen that shows its list and nothing else.
pub trait Kind {
    const KIND: ListKind;
}

/// The screen of the list `K`.
pub struct Of<K>(PhantomData<K>);

impl<K: Kind> View for Of<K> {
    const TITLE: &'static str = K::KIND.title_key();
    const PLACE: Place = Place::List;
    const LIST: Option<ListKind> = Some(K::KIND);

    fn show(s: &mut AppState) -> Vec<Effect> {
        vec![reload(s, K::KIND)]
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        act(s, K::KIND, a)
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        draw::draw(f, area, s, K::KIND, t);
    }

    fn current(s: &AppState) -> Option<&HazardRow> {
        s.list(K::KIND).current()
    }
}

/// The ledger: every hazard.
pub struct Ledger;
impl Kind for Ledger {
    const KIND: ListKind = ListKind::Ledger;
}

/// Awaiting the three-party sign-off.
pub struct Verification;
impl Kind for Verification {
    const KIND: ListKind = ListKind::Verification;
}

/// Which list a screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Ledger,
    Overdue,
    Escalation,
    Verification,
    /// Open major hazards whose principal or controller is still to be told.
    NotNotified,
    /// Hazards listed for supervision.
    Listed,
}

impl ListKind {
    pub const ALL: [ListKind; 6] = [
        ListKind::Ledger,
        ListKind::Overdue,
        ListKind::Escalation,
        ListKind::Verification,
        ListKind::NotNotified,
        ListKind::Listed,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The filter the screen always applies.
    pub fn base(self) -> Filter {
        match self {
            ListKind::Ledger => Filter::default(),
            ListKind::Overdue => Filter { overdue: true, ..Filter::default() },
            ListKind::Escalation => Filter { escalation_queue: true, ..Filter::default() },
            ListKind::Verification => Filter { awaiting_verification: true, ..Filter::default() },
            ListKind::NotNotified => Filter { not_notified: true, ..Filter::default() },
            ListKind::Listed => Filter { listed: true, ..Filter::default() },
        }
    }

    /// The order a screen starts in: the ledger newest first (an index walk even
    /// at a million rows), the queues by deadline, most urgent first.
    pub fn default_sort(self) -> Sort {
        match self {
            ListKind::Ledger => Sort { key: SortKey::Discovered, descending: true },
            _ => Sort::default(),
        }
    }

    /// The catalogue key of the screen's name.
    pub const fn title_key(self) -> &'static str {
        match self {
            ListKind::Ledger => "tui.screen.ledger",
            ListKind::Overdue => "tui.screen.overdue",
            ListKind::Escalation => "tui.screen.escalation",
            ListKind::Verification => "tui.screen.verification",
            ListKind::NotNotified => "tui.list.not_notified",
            ListKind::Listed => "tui.list.listed",
        }
    }
}

/// Which row to select when a page arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    /// The same hazard as before, else the same position.
    Keep(i64, usize),
    First,
    Last,
}

/// One list screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ListView {
    pub kind: ListKind,
    pub filter: Filter,
    pub sort: Sort,
    /// The page shown, in sort order.
    pub rows: Vec<HazardRow>,
    pub sign_offs: Vec<(i64, Vec<SignOff>)>,
    pub selected: usize,
    /// The position of the page's first row in the whole list (approximate after edits).
    pub offset: i64,
    pub count: Option<i64>,
    pub more_after: bool,
    pub more_before: bool,
    pub loaded: bool,
    /// The query of the page shown or on its way.
    query: Option<PageQuery>,
    /// Where the selection goes when the requested page arrives; a re-read the
    /// worker starts by itself keeps the selection on the same hazard.
    select: Option<Select>,
    /// The offset the requested page will have; `None` to take it from the count (last page).
    next_offset: Option<i64>,
}

impl ListView {
    pub fn new(kind: ListKind, _today: NaiveDate) -> ListView {
        ListView {
            kind,
            filter: kind.base(),
            sort: kind.default_sort(),
            rows: Vec::new(),
            sign_offs: Vec::new(),
            selected: 0,
            offset: 0,
            count: None,
            more_after: false,
            more_before: false,
            loaded: false,
            query: None,
            select: None,
            next_offset: Some(0),
        }
    }

    /// The selected row.
    pub fn current(&self) -> Option<&HazardRow> {
        self.rows.get(self.selected)
    }

    /// The sign-offs of a row's current round.
    pub fn sign_offs_of(&self, id: i64) -> &[SignOff] {
        self.sign_offs.iter().find(|(i, _)| *i == id).map_or(&[], |(_, v)| v.as_slice())
    }

    fn keep(&self) -> Select {
        self.current().map_or(Select::First, |r| Select::Keep(r.id, self.selected))
    }
}

/// Requests a page of `kind` and remembers how to place the selection.
fn request(s: &mut AppState, kind: ListKind, after: Option<Cursor>, backward: bool, select: Select) -> Effect {
    let limit = s.page_size();
    let v = s.list_mut(kind);
    let count = v.count.is_none() || (after.is_none() && backward);
    let q = PageQuery {
        filter: v.filter.clone(),
        sort: v.sort,
        after,
        backward,
        limit,
        count,
        sign_offs: kind == ListKind::Verification,
    };
    v.query = Some(q.clone());
    v.select = Some(select);
    s.load(Slot::List(kind.index()), Query::Page(Box::new(q)))
}

/// Reads the page shown again (or the first), keeping the selection.
pub fn reload(s: &mut AppState, kind: ListKind) -> Effect {
    let v = s.list(kind);
    let keep = v.keep();
    let (after, backward) = v.query.as_ref().map_or((None, false), |q| (q.after.clone(), q.backward));
    let offset = v.offset;
    s.list_mut(kind).next_offset = Some(offset);
    request(s, kind, after, backward, keep)
}

/// Reads the page shown again and counts the list again (a pane's count on its bar).
pub fn recount(s: &mut AppState, kind: ListKind) -> Effect {
    s.list_mut(kind).count = None;
    reload(s, kind)
}

/// Starts again from the first page after the filter or sort changed.
pub fn restart(s: &mut AppState, kind: ListKind) -> Effect {
    let v = s.list_mut(kind);
    v.count = None;
    v.next_offset = Some(0);
    request(s, kind, None, false, Select::First)
}

/// A page arrived.
pub fn loaded(s: &mut AppState, data: PageData) -> Vec<Effect> {
    let Some(kind) = s.lists.iter().find(|v| v.query.as_ref() == Some(&data.query)).map(|v| v.kind) else {
        return Vec::new();
    };
    if data.rows.is_empty() && data.query.after.is_some() {
        return vec![restart(s, kind)];
    }
    for r in &data.rows {
        if let Some(v) = s.marked.get_mut(&r.code) {
            *v = r.version;
        }
    }
    let v = s.list_mut(kind);
    let select = v.select.take().unwrap_or_else(|| v.keep());
    let q = &data.query;
    (v.more_after, v.more_before) =
        if q.backward { (q.after.is_some(), data.more) } else { (data.more, q.after.is_some()) };
    if let Some(c) = data.count {
        v.count = Some(c);
    }
    v.rows = data.rows;
    v.sign_offs = data.sign_offs;
    v.offset = v.next_offset.unwrap_or_else(|| v.count.unwrap_or(0) - v.rows.len() as i64).max(0);
    v.selected = match select {
        Select::Keep(id, at) => v.rows.iter().position(|r| r.id == id).unwrap_or(at),
        Select::First => 0,
        Select::Last => v.rows.len().saturating_sub(1),
    }
    .min(v.rows.len().saturating_sub(1));
    v.loaded = true;
    Vec::new()
}

/// Moves within the page, or asks for the next or previous one at its edges.
fn step(s: &mut AppState, kind: ListKind, down: bool) -> Vec<Effect> {
    let v = s.list_mut(kind);
    match (down, v.selected) {
        (true, i) if i + 1 < v.rows.len() => v.selected += 1,
        (true, _) if v.more_after => return next_page(s, kind),
        (false, 0) if v.more_before => return prev_page(s, kind, Select::Last),
        (false, i) if i > 0 => v.selected -= 1,
        _ => {}
    }
    Vec::new()
}

fn next_page(s: &mut AppState, kind: ListKind) -> Vec<Effect> {
    let v = s.list_mut(kind);
    let Some(last) = v.rows.last().map(HazardRow::cursor) else { return Vec::new() };
    v.next_offset = Some(v.offset + v.rows.len() as i64);
    vec![request(s, kind, Some(last), false, Select::First)]
}

fn prev_page(s: &mut AppState, kind: ListKind, select: Select) -> Vec<Effect> {
    let limit = s.page_size() as i64;
    let v = s.list_mut(kind);
    let Some(first) = v.rows.first().map(HazardRow::cursor) else { return Vec::new() };
    v.next_offset = Some((v.offset - limit).max(0));
    vec![request(s, kind, Some(first), true, select)]
}

/// An action on a list screen.
pub fn act(s: &mut AppState, kind: ListKind, a: Action) -> Vec<Effect> {
    match a {
        Action::Down => step(s, kind, true),
        Action::Up => step(s, kind, false),
        Action::PageDown if s.list(kind).more_after => next_page(s, kind),
        Action::PageUp if s.list(kind).more_before => prev_page(s, kind, Select::First),
        Action::PageDown | Action::Bottom if !s.list(kind).more_after => {
            let v = s.list_mut(kind);
            v.selected = v.rows.len().saturating_sub(1);
            Vec::new()
        }
        Action::PageUp | Action::Top if !s.list(kind).more_before => {
            s.list_mut(kind).selected = 0;
            Vec::new()
        }
        Action::Top => restart_keep_count(s, kind),
        Action::Bottom => {
            s.list_mut(kind).next_offset = None;
            vec![request(s, kind, None, true, Select::Last)]
        }
        Action::Open => match s.list(kind).current().map(|r| r.code.clone()) {
            Some(code) => super::detail::open(s, &code),
            None => Vec::new(),
        },
        Action::Mark => mark(s, kind),
        Action::Search => {
            s.search = Some(LineInput::new(s.list(kind).filter.search.clone().unwrap_or_default()));
            Vec::new()
        }
        Action::SortNext | Action::SortReverse => sort(s, kind, a == Action::SortReverse),
        Action::Filter => {
            s.modal = Some(Modal::Form(crate::app::form::filter_form(s, kind)));
            Vec::new()
        }
        Action::SaveView => crate::app::views::ask_name(s),
        Action::Views => crate::app::views::pick(s),
        Action::Back => back(s, kind),
        _ => Vec::new(),
    }
}

/// `n`/`N`: the next or previous hazard that the list's search matched; on the detail,
/// that hazard's detail. Without a search, or past the last match, it says so.
pub fn next_match(s: &mut AppState, forward: bool) -> Vec<Effect> {
    let on_detail = s.screen == Screen::Detail;
    let from = if on_detail { s.back_to } else { s.screen };
    let Some(kind) = from.list_now(s).filter(|k| s.list(*k).filter.search.as_deref().is_some_and(|q| !q.is_empty()))
    else {
        s.say(s.lang.t("tui.no_search"), true);
        return Vec::new();
    };
    let v = s.list(kind);
    let at_end =
        if forward { v.selected + 1 >= v.rows.len() && !v.more_after } else { v.selected == 0 && !v.more_before };
    if at_end {
        s.say(s.lang.t(if forward { "tui.last_match" } else { "tui.first_match" }), false);
        return Vec::new();
    }
    let on_page = if forward { v.selected + 1 < v.rows.len() } else { v.selected > 0 };
    if on_detail && !on_page {
        // the next match is on another page: show the list there
        s.screen = from;
    }
    let effects = step(s, kind, forward);
    match s.list(kind).current().map(|r| r.code.clone()) {
        Some(code) if on_detail && on_page => super::detail::open(s, &code),
        _ => effects,
    }
}

/// Esc on the ledger after a drill-down: back where it came from, the earlier filter
/// put back.
fn back(s: &mut AppState, kind: ListKind) -> Vec<Effect> {
    let Some((from, filter)) = s.drilled_from.take().filter(|_| kind == ListKind::Ledger) else {
        return Vec::new();
    };
    s.list_mut(kind).filter = filter;
    s.list_mut(kind).loaded = false;
    crate::app::go(s, from)
}

/// Opens the ledger on exactly the hazards `filter` lists (a tile, a bar, a figure).
pub fn open_filtered(s: &mut AppState, filter: crate::model::Filter) -> Vec<Effect> {
    let before = std::mem::replace(&mut s.lists[ListKind::Ledger.index()].filter, filter);
    s.drilled_from = Some((s.screen, before));
    s.screen = Screen::Ledger;
    s.search = None;
    vec![restart(s, ListKind::Ledger)]
}

fn restart_keep_count(s: &mut AppState, kind: ListKind) -> Vec<Effect> {
    s.list_mut(kind).next_offset = Some(0);
    vec![request(s, kind, None, false, Select::First)]
}

fn mark(s: &mut AppState, kind: ListKind) -> Vec<Effect> {
    let Some((code, version)) = s.list(kind).current().map(|r| (r.code.clone(), r.version)) else {
        return Vec::new();
    };
    if s.marked.remove(&code).is_none() {
        s.marked.insert(code, version);
    }
    step(s, kind, true)
}

fn sort(s: &mut AppState, kind: ListKind, reverse: bool) -> Vec<Effect> {
    let v = s.list_mut(kind);
    if reverse {
        v.sort.descending = !v.sort.descending;
    } else {
        let i = SortKey::ALL.iter().position(|k| *k == v.sort.key).unwrap_or(0);
        v.sort = Sort { key: SortKey::ALL[(i + 1) % SortKey::ALL.len()], descending: false };
    }
    vec![restart(s, kind)]
}

/// A key while the search line is open: typing narrows the list at once.
pub fn search_key(s: &mut AppState, k: KeyEvent) -> Vec<Effect> {
    let Some(mut line) = s.search.take() else { return Vec::new() };
    let before = line.text.clone();
    let typed = matches!(k.code, KeyCode::Char(_)) && !k.modifiers.contains(KeyModifiers::CONTROL);
    match s.keymap.action(Place::Search, &k).filter(|_| !typed) {
        Some(Action::Save) => return Vec::new(),
        Some(Action::Cancel) => line.clear(),
        Some(Action::Clear) => {
            line.clear();
            s.search = Some(line.clone());
        }
        _ => {
            line.key(&k);
            s.search = Some(line.clone());
        }
    }
    if line.text == before {
        return Vec::new();
    }
    narrow_here(s, &line.text)
}

/// A paste into the search line, the list narrowed to it.
pub fn search_paste(s: &mut AppState, text: &str) -> Vec<Effect> {
    let Some(line) = s.search.as_mut() else { return Vec::new() };
    line.paste(text);
    let text = line.text.clone();
    narrow_here(s, &text)
}

/// The list on show narrowed to the search: a hazard list, or the enterprises.
fn narrow_here(s: &mut AppState, text: &str) -> Vec<Effect> {
    match s.screen.list_now(s) {
        Some(kind) => narrow(s, kind, text),
        None if s.screen == Screen::Enterprises => super::enterprises::narrow(s, text),
        None => {
            s.search = None;
            Vec::new()
        }
    }
}

fn narrow(s: &mut AppState, kind: ListKind, text: &str) -> Vec<Effect> {
    let search = crate::text::sanitise(text);
    s.list_mut(kind).filter.search = (!search.trim().is_empty()).then_some(search);
    vec![restart(s, kind)]
}
