//! The overview's tiles (the screen and `anwei overview`): each its catalogue key, its
//! figure, and whether it warns.

use crate::store::overview::Overview;

/// One figure of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tile {
    OpenMajor,
    Overdue,
    DueWithin7,
    AwaitingSignOff,
    EscalationQueue,
    StockOpen,
    NewThisQuarter,
    ClosedThisQuarter,
    InspectionsBehind,
    NotNotified,
    Listed,
    Stopped,
    ReviewsPending,
    TipoffsOpen,
}

/// How many tiles the overview has.
pub const TILES: usize = Tile::ALL.len();

impl Tile {
    /// The tiles in the overview's order.
    pub const ALL: [Tile; 14] = [
        Tile::OpenMajor,
        Tile::Overdue,
        Tile::DueWithin7,
        Tile::AwaitingSignOff,
        Tile::EscalationQueue,
        Tile::StockOpen,
        Tile::NewThisQuarter,
        Tile::ClosedThisQuarter,
        Tile::InspectionsBehind,
        Tile::NotNotified,
        Tile::Listed,
        Tile::Stopped,
        Tile::ReviewsPending,
        Tile::TipoffsOpen,
    ];

    /// Its label's catalogue key.
    pub fn key(self) -> &'static str {
        match self {
            Tile::OpenMajor => "tile.open_major",
            Tile::Overdue => "tile.overdue",
            Tile::DueWithin7 => "tile.due_7",
            Tile::AwaitingSignOff => "tile.awaiting",
            Tile::EscalationQueue => "tile.queue",
            Tile::StockOpen => "tile.stock",
            Tile::NewThisQuarter => "tile.new_q",
            Tile::ClosedThisQuarter => "tile.closed_q",
            Tile::InspectionsBehind => "tile.inspections_behind",
            Tile::NotNotified => "tile.not_notified",
            Tile::Listed => "tile.listed",
            Tile::Stopped => "tile.stopped",
            Tile::ReviewsPending => "tile.reviews_pending",
            Tile::TipoffsOpen => "tile.tipoffs_open",
        }
    }

    /// Its figure.
    pub fn value(self, o: &Overview) -> i64 {
        match self {
            Tile::OpenMajor => o.open_major,
            Tile::Overdue => o.overdue,
            Tile::DueWithin7 => o.due_within_7,
            Tile::AwaitingSignOff => o.awaiting_sign_off,
            Tile::EscalationQueue => o.escalation_queue,
            Tile::StockOpen => o.stock_open,
            Tile::NewThisQuarter => o.new_this_quarter,
            Tile::ClosedThisQuarter => o.closed_this_quarter,
            Tile::InspectionsBehind => o.inspections_behind,
            Tile::NotNotified => o.not_notified,
            Tile::Listed => o.listed,
            Tile::Stopped => o.stopped,
            Tile::ReviewsPending => o.reviews_pending,
            Tile::TipoffsOpen => o.tipoffs_open,
        }
    }

    /// Whether it is drawn as a warning (and marked `!`, for a screen without colour):
    /// overdue work, the escalation queue, the duties behind, late resumption reviews and
    /// late verifications of tip-offs.
    pub fn warns(self, o: &Overview) -> bool {
        match self {
            Tile::Overdue | Tile::EscalationQueue | Tile::InspectionsBehind | Tile::NotNotified => self.value(o) > 0,
            Tile::ReviewsPending => o.reviews_late > 0,
            Tile::TipoffsOpen => o.tipoffs_late > 0,
            _ => false,
        }
    }
}
