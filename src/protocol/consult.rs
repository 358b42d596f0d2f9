//! The consultation screen's messages: changes to a quarter's record and the meeting pack.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::consultation::SectionKind;
use crate::domain::quarter::Quarter;
use crate::i18n::Lang;
use crate::report::pack::PackKind;
use crate::store::consultation::{Meeting, NewAction, TopicText};

/// A topic as the screen showed it. A generated topic of a quarter with no record yet
/// has no id: the worker starts the record and finds the topic by its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicRef {
    pub id: Option<i64>,
    pub kind: SectionKind,
    pub version: Option<i64>,
}

/// One change to a consultation's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsultCmd {
    TopicAdd {
        title: String,
        proposal: String,
    },
    TopicDrop {
        topic: TopicRef,
        dropped: bool,
    },
    /// To `position`, 1-based.
    TopicMove {
        topic: TopicRef,
        position: usize,
    },
    /// A correction once the meeting is held, with its reason.
    TopicText {
        topic: TopicRef,
        text: TopicText,
        reason: String,
    },
    ActionAdd(NewAction),
    ActionDone {
        id: i64,
        version: i64,
        /// None: today, as the write's clock says.
        date: Option<NaiveDate>,
        note: String,
    },
    Meeting(Meeting),
    Held,
}

/// A change to a quarter's record, at the record's version as the screen showed it (1
/// when it showed no record yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultWrite {
    pub quarter: Quarter,
    pub version: i64,
    pub cmd: ConsultCmd,
}

/// The meeting pack of a quarter, in a format and language, to a file (a directory for CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackRequest {
    pub quarter: Quarter,
    pub kind: PackKind,
    pub lang: Lang,
    pub path: PathBuf,
}
