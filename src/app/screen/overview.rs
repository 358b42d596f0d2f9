//! The overview (总览): the figures as tiles, the open hazards by village and by sector,
//! the source × status matrix, the trend, the calendar and the most overdue. Its items
//! (tiles, then village bars, then sector bars) each open the ledger on what is behind.

mod calendar;
mod draw;
mod trend;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{View, list};
use crate::app::keymap::{Action, Place};
use crate::app::{AppState, Effect};
use crate::domain::Grade;
use crate::domain::calendar::Due;
use crate::domain::quarter::Quarter;
use crate::model::{EnterpriseFilter, Filter, TipoffFilter};
use crate::model::{Overview, Trend};
use crate::protocol::{Query, Slot};
use crate::widget::theme::Theme;

pub use crate::present::{TILES, Tile};

/// A selectable item of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Tile(usize),
    Village(usize),
    Sector(usize),
}

/// The item at a focus index.
pub fn item(o: &Overview, focus: usize) -> Item {
    let villages = o.by_village.len();
    match focus {
        i if i < TILES => Item::Tile(i),
        i if i < TILES + villages => Item::Village(i - TILES),
        i => Item::Sector((i - TILES - villages).min(o.by_sector.len().saturating_sub(1))),
    }
}

fn item_count(o: &Overview) -> usize {
    TILES + o.by_village.len() + o.by_sector.len()
}

/// What an item opens: the ledger filtered, or the enterprises filtered.
#[derive(Debug, Clone, PartialEq)]
pub enum Opens {
    Hazards(Box<Filter>),
    Enterprises(EnterpriseFilter),
    Tipoffs(TipoffFilter),
}

/// What an item opens.
pub fn opens(o: &Overview, it: Item, today: chrono::NaiveDate) -> Opens {
    let q = Quarter::of(today);
    let open = Filter { open: true, ..Filter::default() };
    let open_major = Filter { grade: Some(Grade::Major), ..open.clone() };
    let hazards = |f: Filter| Opens::Hazards(Box::new(f));
    match it {
        Item::Tile(i) => match Tile::ALL[i.min(TILES - 1)] {
            Tile::OpenMajor => hazards(open_major),
            Tile::Overdue => hazards(Filter { overdue: true, ..open }),
            Tile::DueWithin7 => hazards(Filter { due_within: Some(7), ..open }),
            Tile::AwaitingSignOff => hazards(Filter { awaiting_verification: true, ..open }),
            Tile::EscalationQueue => hazards(Filter { escalation_queue: true, ..open }),
            Tile::StockOpen => hazards(Filter { stock: true, ..open }),
            Tile::NewThisQuarter => hazards(Filter { discovered: Some((q.start(), q.end())), ..Filter::default() }),
            Tile::ClosedThisQuarter => hazards(Filter { closed: Some((q.start(), q.end())), ..Filter::default() }),
            Tile::InspectionsBehind => {
                Opens::Enterprises(EnterpriseFilter { behind: true, ..EnterpriseFilter::default() })
            }
            Tile::NotNotified => hazards(Filter { not_notified: true, ..Filter::default() }),
            Tile::Listed => hazards(Filter { listed: true, ..Filter::default() }),
            Tile::Stopped => hazards(Filter { stopped: true, ..Filter::default() }),
            Tile::ReviewsPending => hazards(Filter { review_pending: true, ..Filter::default() }),
            Tile::TipoffsOpen => Opens::Tipoffs(TipoffFilter { open: true, ..TipoffFilter::default() }),
        },
        Item::Village(i) => hazards(Filter { village: o.by_village.get(i).map(|v| v.0.clone()), ..open_major }),
        Item::Sector(i) => hazards(Filter { sector: o.by_sector.get(i).map(|v| v.0.clone()), ..open_major }),
    }
}

/// What the overview shows, as loaded.
#[derive(Debug, Clone, Default)]
pub struct OverviewView {
    pub data: Option<Box<Overview>>,
    pub trend: Option<Box<Trend>>,
    /// The statutory calendar under the figures.
    pub calendar: Option<Vec<Due>>,
    /// The selected item (tile or bar).
    pub focus: usize,
    /// The second page: the source x status matrix and the trend, at any height.
    pub analysis: bool,
}

pub struct OverviewScreen;

impl View for OverviewScreen {
    const TITLE: &'static str = "tui.screen.overview";
    const PLACE: Place = Place::Overview;

    /// The counters and the calendar; the heavy trend only at start and after changes.
    fn show(s: &mut AppState) -> Vec<Effect> {
        vec![s.load(Slot::Overview, Query::Overview), s.load(Slot::Calendar, Query::Calendar)]
    }

    fn refresh(s: &mut AppState) -> Vec<Effect> {
        let mut out = Self::show(s);
        out.push(s.load(Slot::Trend, Query::Trend));
        out
    }

    fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
        act(s, a)
    }

    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
        draw::draw(f, area, s, t);
    }
}

/// An action on the overview: move between items, Enter opens the ledger filtered.
fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    let Some(o) = s.overview.data.as_deref() else { return Vec::new() };
    let n = item_count(o);
    let f = s.overview.focus.min(n.saturating_sub(1));
    s.overview.focus = match a {
        Action::Down | Action::Right => (f + 1).min(n.saturating_sub(1)),
        Action::Up | Action::Left => f.saturating_sub(1),
        Action::PageDown => (f + 8).min(n.saturating_sub(1)),
        Action::PageUp => f.saturating_sub(8),
        Action::Top => 0,
        Action::Bottom => n.saturating_sub(1),
        Action::Open => {
            return match opens(o, item(o, f), s.today) {
                Opens::Hazards(filter) => list::open_filtered(s, *filter),
                Opens::Enterprises(filter) => super::enterprises::open_filtered(s, filter),
                Opens::Tipoffs(filter) => super::tipoffs::open_filtered(s, filter),
            };
        }
        Action::Analysis => {
            s.overview.analysis = !s.overview.analysis;
            return Vec::new();
        }
        _ => f,
    };
    Vec::new()
}
