//! A list read a page at a time by offset (the enterprises, the tip-offs): the page on
//! show, its selection kept on the same row across reloads, and the moves that ask for
//! another page past either end.

use crate::app::keymap::Action;

/// The page on show, `offset` rows into the list of `count`.
#[derive(Debug, Clone)]
pub struct Paged<R> {
    pub rows: Vec<R>,
    pub offset: usize,
    pub selected: usize,
    /// The page asked for should arrive with its last row selected (Up past the first).
    pub select_last: bool,
    pub count: i64,
    pub more: bool,
}

impl<R> Default for Paged<R> {
    fn default() -> Self {
        Paged { rows: Vec::new(), offset: 0, selected: 0, select_last: false, count: 0, more: false }
    }
}

/// What a move did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    /// Not a move.
    No,
    /// Within the page on show.
    Here,
    /// The page this many rows in is to be read.
    Load(usize),
}

impl<R> Paged<R> {
    pub fn current(&self) -> Option<&R> {
        self.rows.get(self.selected)
    }

    /// Moves the selection by `a`, a page (`page` rows) at a time past the ends.
    pub fn motion(&mut self, a: Action, page: usize) -> Moved {
        let n = self.rows.len();
        match a {
            Action::Down if self.selected + 1 < n => self.selected += 1,
            Action::Down | Action::PageDown if self.more => {
                self.selected = 0;
                return Moved::Load(self.offset + n);
            }
            Action::Up if self.selected > 0 => self.selected -= 1,
            Action::Up | Action::PageUp if self.offset > 0 => {
                self.select_last = a == Action::Up;
                return Moved::Load(self.offset.saturating_sub(page));
            }
            Action::Bottom if self.more => {
                self.select_last = true;
                return Moved::Load(usize::try_from(self.count).unwrap_or(0).saturating_sub(page));
            }
            Action::PageDown | Action::Bottom => self.selected = n.saturating_sub(1),
            Action::Top if self.offset > 0 => {
                self.selected = 0;
                return Moved::Load(0);
            }
            Action::Top | Action::PageUp => self.selected = 0,
            Action::Down | Action::Up => {}
            _ => return Moved::No,
        }
        Moved::Here
    }

    /// A page arrived: the selection stays on the same row (`key`) when it is still there.
    pub fn arrived(&mut self, offset: usize, rows: Vec<R>, count: i64, more: bool, key: fn(&R) -> &str) {
        let was = self.current().map(|r| key(r).to_string());
        let moved = offset != self.offset;
        self.offset = offset;
        self.rows = rows;
        self.count = count;
        self.more = more;
        let last = self.rows.len().saturating_sub(1);
        self.selected = match (moved, was) {
            (true, _) if std::mem::take(&mut self.select_last) => last,
            (true, _) => self.selected.min(last),
            (false, Some(k)) => self.rows.iter().position(|r| key(r) == k).unwrap_or(0),
            (false, None) => 0,
        };
    }

    /// From the first row again (a new filter, search or order).
    pub fn restart(&mut self) {
        self.selected = 0;
    }
}
