//! The messages between the screen and the database worker: requests carry an id so
//! that results of superseded requests can be recognised and dropped.

mod consult;

use std::path::PathBuf;

use crate::domain::calendar::Due;
use crate::domain::escalation::Thresholds;
use crate::domain::quarter::Quarter;
use crate::domain::settings::Key;
use crate::domain::status::SignOff;
use crate::domain::{Escalation, Role};
use crate::store::agenda::Agenda;
use crate::store::changes::SeenChange;
use crate::store::consultation::{ActionRow, Saved};
use crate::store::detail::HazardDetail;
use crate::store::list::{Cursor, Filter, HazardRow, Sort};
use crate::store::overview::{Overview, Trend};
use crate::store::settings::SettingRow;
use crate::store::setup::StaffMember;
use crate::store::write::Done;
use crate::store::write::undo::Undone;
pub use crate::workflow::{HazardCmd, Target};
pub use consult::{ConsultCmd, ConsultWrite, PackRequest, TopicRef};

/// A request's number; each new request gets a larger one.
pub type RequestId = u64;

/// The part of the screen a load feeds; only the newest request per slot matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Overview,
    Trend,
    /// The page of a hazard list (by the screens' numbering of their lists).
    List(usize),
    Detail,
    Staff,
    DocNo,
    Consult,
    Calendar,
    LateActions,
    Units,
    Settings,
    Places,
    Enterprises,
    Enterprise,
    Arrears,
    Reviews,
    Choices,
    Tipoffs,
    Tipoff,
    LateTipoffs,
}

/// One page of a hazard list, read forwards or backwards from a cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct PageQuery {
    pub filter: Filter,
    pub sort: Sort,
    pub after: Option<Cursor>,
    /// Read against the sort order from `after` (the page before it); rows come back in sort order.
    pub backward: bool,
    pub limit: usize,
    /// Also count the rows the filter matches.
    pub count: bool,
    /// Also read each row's sign-offs in its current round.
    pub sign_offs: bool,
}

/// What a load asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    Overview,
    Trend,
    Page(Box<PageQuery>),
    Detail(String),
    Staff,
    DocNo(Escalation),
    /// A quarter's agenda with its record.
    Agenda(Quarter),
    Calendar,
    /// Follow-up actions past their due date and not done.
    LateActions,
    /// The departments' names.
    Units,
    /// The ledger-wide settings.
    Settings,
    /// Every village and sector, for the filter's choices.
    Places,
    /// A page of enterprises.
    Enterprises(Box<EnterprisePage>),
    /// One enterprise whole, by credit code.
    Enterprise(String),
    /// The enterprises behind on their head-led inspections, at most this many.
    Arrears(usize),
    /// The resumption applications awaiting their on-site review, at most this many.
    Reviews(usize),
    /// Every enterprise's credit code, name and sector, to pick one.
    EnterpriseChoices,
    /// A page of tip-offs.
    Tipoffs(Box<TipoffQuery>),
    /// One tip-off whole, by code.
    Tipoff(String),
}

/// A page of the tip-offs: which, from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TipoffQuery {
    pub filter: crate::store::tipoff::TipoffFilter,
    pub offset: usize,
    pub limit: usize,
}

/// A page of tip-offs as read, with the count of all the filter lets through.
#[derive(Debug, Clone, PartialEq)]
pub struct TipoffRows {
    pub query: TipoffQuery,
    pub page: crate::store::tipoff::TipoffPage,
}

impl TipoffRows {
    /// Whether more lie beyond the page.
    pub fn more(&self) -> bool {
        ((self.query.offset + self.page.rows.len()) as i64) < self.page.count
    }
}

/// A page of the enterprise list: which, in what order, from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnterprisePage {
    pub filter: crate::store::enterprise::EnterpriseFilter,
    pub sort: crate::store::enterprise::EnterpriseSort,
    pub offset: usize,
    pub limit: usize,
}

/// A page of enterprises as read, with the count of all the filter lets through and
/// whether more lie beyond.
#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseRows {
    pub page: EnterprisePage,
    pub rows: Vec<crate::store::enterprise::EnterpriseRow>,
    pub count: i64,
    pub more: bool,
}

/// A page as read.
#[derive(Debug, Clone, PartialEq)]
pub struct PageData {
    pub query: PageQuery,
    /// In sort order.
    pub rows: Vec<HazardRow>,
    /// More rows lie beyond the page in the direction it was read.
    pub more: bool,
    pub count: Option<i64>,
    pub sign_offs: Vec<(i64, Vec<SignOff>)>,
}

/// What a load returns.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Overview(Box<Overview>),
    Trend(Box<Trend>),
    Page(Box<PageData>),
    Detail(Box<HazardDetail>),
    Staff(Vec<StaffMember>),
    DocNo(Escalation, String),
    Agenda(Box<Agenda>),
    Calendar(Vec<Due>),
    LateActions(Vec<ActionRow>),
    Units(Vec<String>),
    /// The settings, and the escalation thresholds they make.
    Settings(Vec<SettingRow>, Thresholds),
    Places(Places),
    Enterprises(Box<EnterpriseRows>),
    Enterprise(Box<crate::store::enterprise::EnterpriseDetail>),
    /// The enterprises behind, and how many there are in all.
    Arrears(Vec<crate::store::inspection::Arrear>, i64),
    /// The applications awaiting review (the first ones), and how many await in all.
    Reviews(Vec<crate::store::supervision::ReviewDue>, i64),
    EnterpriseChoices(Vec<(String, String, String)>),
    Tipoffs(Box<TipoffRows>),
    Tipoff(Box<crate::store::tipoff::TipoffDetail>),
}

/// The villages and sectors of the ledger, with or without open hazards.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Places {
    pub villages: Vec<String>,
    pub sectors: Vec<String>,
}

/// From the screen to the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum DbRequest {
    Load {
        id: RequestId,
        slot: Slot,
        query: Query,
    },
    Write {
        id: RequestId,
        /// Each at the version it was read at.
        targets: Vec<Target>,
        cmd: HazardCmd,
    },
    Consult {
        id: RequestId,
        write: ConsultWrite,
    },
    /// Change a ledger-wide setting (admin), with why.
    Setting {
        id: RequestId,
        change: SettingChange,
    },
    /// Undo the session's last write (or last bulk action); a dry run says what it would.
    Undo {
        id: RequestId,
        dry_run: bool,
    },
    /// Add an enterprise (no target) or edit one (the target: its credit code and version).
    Enterprise {
        id: RequestId,
        target: Option<Target>,
        input: Box<crate::store::enterprise::EnterpriseInput>,
        reason: String,
    },
    /// Record a head-led inspection.
    Inspect {
        id: RequestId,
        input: Box<crate::store::inspection::NewInspection>,
    },
    /// Register a hazard.
    Register {
        id: RequestId,
        input: Box<crate::store::write::NewHazard>,
    },
    /// One step on a tip-off.
    Tipoff {
        id: RequestId,
        write: Box<crate::store::tipoff::TipoffWrite>,
    },
    /// Write the meeting pack to a file (reads only).
    Pack {
        id: RequestId,
        pack: PackRequest,
    },
    Shutdown,
}

/// A change to one ledger-wide setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingChange {
    pub key: Key,
    pub value: String,
    pub reason: String,
}

/// How a failed write or load is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The user's input or the hazard's state refused it.
    Refused,
    /// Someone else changed it first; for a hazard, the version it is at now.
    Conflict { version: Option<i64> },
    /// The role may not do it.
    Forbidden,
    /// The disk is full: nothing was saved.
    DiskFull,
    /// The database failed.
    Internal,
}

/// A store error, phrased in the interface language by the worker, with its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub message: String,
}

impl Problem {
    /// Whether what the user typed is worth keeping to try again (not when the role may not).
    pub fn keeps_input(&self) -> bool {
        self.kind != ProblemKind::Forbidden
    }
}

/// The result of a write on one hazard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub code: String,
    pub result: Result<Done, Problem>,
}

/// From the worker to the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum DbEvent {
    Loaded {
        id: RequestId,
        slot: Slot,
        data: Loaded,
    },
    Failed {
        id: RequestId,
        slot: Slot,
        problem: Problem,
    },
    Committed {
        id: RequestId,
        outcomes: Vec<Outcome>,
    },
    /// A consultation write's result.
    ConsultSaved {
        id: RequestId,
        result: Result<Saved, Problem>,
    },
    /// A setting's new value as stored, or why not.
    SettingSaved {
        id: RequestId,
        result: Result<String, Problem>,
    },
    /// The credit code of the enterprise added or edited, or why not.
    EnterpriseSaved {
        id: RequestId,
        result: Result<String, Problem>,
    },
    /// The number of the inspection recorded, or why not.
    Inspected {
        id: RequestId,
        result: Result<i64, Problem>,
    },
    /// The code of the tip-off written, or why not.
    TipoffSaved {
        id: RequestId,
        result: Result<String, Problem>,
    },
    /// The code of the hazard registered, or why not.
    Registered {
        id: RequestId,
        result: Result<String, Problem>,
    },
    /// What an undo did or would do, or why not.
    Undo {
        id: RequestId,
        result: Result<Undone, Problem>,
    },
    /// Where the pack was written, or why not.
    PackWritten {
        id: RequestId,
        result: Result<PathBuf, Problem>,
    },
    /// Another connection committed: the newest of its changes and how many there were.
    ExternalChange {
        latest: Option<SeenChange>,
        count: i64,
    },
}

/// What the header shows about the session, read once at start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    pub org: String,
    pub login: String,
    pub role: Option<Role>,
    /// The database file's name.
    pub database: String,
    pub demo: bool,
    pub readonly: bool,
}
