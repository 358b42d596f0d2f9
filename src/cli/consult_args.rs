//! The grammar of `anwei agenda`, `anwei calendar` and `anwei consult …` (clap).

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::args::{Format, TextFormat};

/// Formats of the meeting pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PackFormat {
    Md,
    Html,
    Docx,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The quarter, e.g. 2026Q4 (default: the current one).
    pub quarter: Option<String>,
    /// The output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: PackFormat,
    /// Write to this file; for csv, to this directory, one file per list
    /// (without -o, csv prints every list to stdout, one after another).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace the output file (or the files in the directory) if they exist.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TextFormat,
    /// Change the cadence first, e.g. --set consultation_day=20 (repeatable).
    #[arg(long = "set", value_name = "NAME=VALUE")]
    pub set: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ConsultCommand {
    /// Start the quarter's record (with the seven generated topics) if there is none.
    Open {
        /// The quarter, e.g. 2026Q4.
        quarter: String,
    },
    /// The record: meeting, topics (with their ids and versions), actions and events.
    Show {
        /// The quarter, e.g. 2026Q4.
        quarter: String,
        /// The output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// Agenda topics: add, drop, move, decide.
    #[command(subcommand)]
    Topic(TopicCommand),
    /// Follow-up actions: add, done, list.
    #[command(subcommand)]
    Action(ActionCommand),
    /// Record the meeting's date, place, chair and attendees.
    Meeting {
        /// The quarter, e.g. 2026Q4.
        quarter: String,
        /// The meeting's date (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
        /// Where it is held.
        #[arg(long)]
        place: Option<String>,
        /// Who chairs it.
        #[arg(long)]
        chair: Option<String>,
        /// Names separated by 、 or commas.
        #[arg(long)]
        attendees: Option<String>,
        /// Refuse if the record is no longer at this version.
        #[arg(long)]
        version: Option<i64>,
    },
    /// Mark the meeting held; its record is then frozen.
    Held {
        /// The quarter, e.g. 2026Q4.
        quarter: String,
        /// Refuse if the record is no longer at this version.
        #[arg(long)]
        version: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TopicCommand {
    /// Add a topic by hand at the end of the agenda.
    Add {
        /// The quarter, e.g. 2026Q4.
        quarter: String,
        /// The topic's title.
        #[arg(long)]
        title: String,
        /// The proposal put to the meeting.
        #[arg(long, default_value = "")]
        proposal: String,
        /// The record's version.
        #[arg(long)]
        version: Option<i64>,
    },
    /// Drop a topic from the agenda (or --restore it).
    Drop {
        /// The topic's id (from consult show).
        id: i64,
        /// Put a dropped topic back.
        #[arg(long)]
        restore: bool,
        /// The record's version.
        #[arg(long)]
        version: Option<i64>,
    },
    /// Move a topic to a position (1 is first).
    Move {
        /// The topic's id (from consult show).
        id: i64,
        /// The new position (1 is first).
        #[arg(long)]
        to: usize,
        /// The record's version.
        #[arg(long)]
        version: Option<i64>,
    },
    /// Set a topic's proposal, decision or title; after the meeting, --reason is required.
    #[command(alias = "set")]
    Decide {
        /// The topic's id (from consult show).
        id: i64,
        /// The proposal put to the meeting.
        #[arg(long)]
        proposal: Option<String>,
        /// What the meeting decided.
        #[arg(long)]
        decision: Option<String>,
        /// The topic's title.
        #[arg(long)]
        title: Option<String>,
        /// Why it changes after the meeting.
        #[arg(long, default_value = "")]
        reason: String,
        /// The topic's version.
        #[arg(long)]
        version: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add a follow-up action to the quarter's consultation.
    Add {
        /// The quarter, e.g. 2026Q4.
        quarter: String,
        /// What is to be done.
        #[arg(long)]
        title: String,
        /// The due date (YYYY-MM-DD).
        #[arg(long)]
        due: String,
        /// The lead department, by unit name.
        #[arg(long)]
        lead: Option<String>,
        /// The staff login who follows it up.
        #[arg(long)]
        assignee: Option<String>,
        /// The topic it follows from.
        #[arg(long)]
        topic: Option<i64>,
        /// A note for the timeline.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Mark an action done (default: today).
    Done {
        /// The action's id (from consult action list).
        id: i64,
        /// The day it was done (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<String>,
        /// A note for the timeline.
        #[arg(long, default_value = "")]
        note: String,
        /// The action's version.
        #[arg(long)]
        version: Option<i64>,
    },
    /// List actions.
    List {
        /// Of this quarter's consultation.
        #[arg(long)]
        quarter: Option<String>,
        /// done, open or late.
        #[arg(long)]
        state: Option<String>,
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}
