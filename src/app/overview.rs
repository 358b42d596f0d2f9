//! The overview's selectable items (tiles, then village bars, then sector bars) and
//! the ledger filter each one opens.

use super::keymap::Action;
use super::{AppState, Effect, list};
use crate::domain::Grade;
use crate::domain::quarter::Quarter;
use crate::model::Filter;
use crate::model::Overview;

pub use crate::present::overview_tiles as tiles;

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
        i if i < 8 => Item::Tile(i),
        i if i < 8 + villages => Item::Village(i - 8),
        i => Item::Sector((i - 8 - villages).min(o.by_sector.len().saturating_sub(1))),
    }
}

fn item_count(o: &Overview) -> usize {
    8 + o.by_village.len() + o.by_sector.len()
}

/// The ledger filter an item opens.
pub fn filter_for(o: &Overview, it: Item, today: chrono::NaiveDate) -> Filter {
    let q = Quarter::of(today);
    let open = Filter { open: true, ..Filter::default() };
    match it {
        Item::Tile(0) => Filter { grade: Some(Grade::Major), ..open },
        Item::Tile(1) => Filter { overdue: true, ..open },
        Item::Tile(2) => Filter { due_within: Some(7), ..open },
        Item::Tile(3) => Filter { awaiting_verification: true, ..open },
        Item::Tile(4) => Filter { escalation_queue: true, ..open },
        Item::Tile(5) => Filter { stock: true, ..open },
        Item::Tile(6) => Filter { discovered: Some((q.start(), q.end())), ..Filter::default() },
        Item::Tile(_) => Filter { closed: Some((q.start(), q.end())), ..Filter::default() },
        Item::Village(i) => Filter { village: o.by_village.get(i).map(|v| v.0.clone()), ..open },
        Item::Sector(i) => Filter { sector: o.by_sector.get(i).map(|v| v.0.clone()), ..open },
    }
}

/// An action on the overview: move between items, Enter opens the ledger filtered.
pub fn act(s: &mut AppState, a: Action) -> Vec<Effect> {
    let Some(o) = s.overview.as_deref() else { return Vec::new() };
    let n = item_count(o);
    let f = s.overview_focus.min(n.saturating_sub(1));
    s.overview_focus = match a {
        Action::Down | Action::Right => (f + 1).min(n.saturating_sub(1)),
        Action::Up | Action::Left => f.saturating_sub(1),
        Action::PageDown => (f + 8).min(n.saturating_sub(1)),
        Action::PageUp => f.saturating_sub(8),
        Action::Top => 0,
        Action::Bottom => n.saturating_sub(1),
        Action::Open => {
            let filter = filter_for(o, item(o, f), s.today);
            return list::open_filtered(s, filter);
        }
        _ => f,
    };
    Vec::new()
}
