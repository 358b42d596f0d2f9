//! The command line's grammar (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The safety committee work team's ledger of major accident hazards.
#[derive(Debug, Parser)]
#[command(name = "anwei", version, about)]
pub struct Cli {
    /// The database file (default: anwei.db in the platform data directory).
    #[arg(long, global = true, env = "ANWEI_DB")]
    pub db: Option<PathBuf>,
    /// Fix today's date (YYYY-MM-DD), for reproducible runs.
    #[arg(long, global = true, env = "ANWEI_TODAY")]
    pub today: Option<String>,
    /// Interface language: zh or en (default: your config, then the ledger's setting, then LANG).
    #[arg(long, global = true, env = "ANWEI_LANG")]
    pub lang: Option<String>,
    /// Look without changing anything, whatever your role.
    #[arg(long, global = true)]
    pub readonly: bool,
    /// Open the demo database (created first if missing).
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The daily commands, as `anwei --help` shows them under its options, each with what it
/// does (in Chinese: `example.N` of `assets/i18n/zh/cli.txt`).
pub const EXAMPLES: &[(&str, &str)] = &[
    ("anwei", "the full screen"),
    ("anwei --demo", "the full screen on a demo township"),
    ("anwei list --overdue --limit 20", "the 20 most urgent overdue hazards"),
    ("anwei list --escalation-queue --format csv", "the escalation queue for Excel"),
    ("anwei show GQ-2026-0042", "one hazard with its timeline"),
    ("anwei progress GQ-2026-0042 --note \"到企业现场检查\"", "a progress note"),
    ("anwei escalate GQ-2026-0042 --note \"逾期未整改\"", "the next escalation step"),
    ("anwei verify GQ-2026-0042 --role regulator --name 刘洋 --pass", "one party's on-site sign-off"),
    ("anwei import enterprises 企业名单.xlsx --dry-run", "check an import, write nothing"),
    ("anwei agenda 2026Q4 --format docx -o 会商材料.docx", "the quarter's meeting pack"),
    ("anwei completions bash > ~/.local/share/bash-completion/completions/anwei", "tab completion in bash"),
];

/// Output formats of the commands that print a table (`text` is another name for `table`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[value(alias = "text")]
    Table,
    Csv,
    Json,
}

/// Output formats of the commands that print one record or report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

/// The screens whose SQL `anwei sql` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SqlScreen {
    Overview,
    Trend,
    Ledger,
    Overdue,
    Escalation,
    Verification,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger; you become its admin.
    Init {
        /// The organisation (township) name.
        #[arg(long, default_value = "官桥镇")]
        org: String,
        /// The prefix of hazard codes (GQ-2026-0042).
        #[arg(long, default_value = "GQ")]
        code_prefix: String,
        /// Prepare the database for every member of --group (adopting an existing one).
        #[arg(long, requires = "group")]
        shared: bool,
        /// The Unix group whose members use the shared database.
        #[arg(long, requires = "shared")]
        group: Option<String>,
    },
    /// The figures of the overview dashboard.
    Overview {
        /// The output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// List hazards.
    List(ListArgs),
    /// One hazard whole.
    Show {
        /// The hazard's code (GQ-2026-0042).
        code: String,
        /// The output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// Register a new hazard.
    New(NewArgs),
    /// The workflows on one hazard (assign, plan, progress, submit, verify, escalate,
    /// extend, reopen, notify).
    #[command(flatten)]
    Hazard(crate::workflow::HazardArgs),
    /// Enterprises: list, show, add, edit.
    #[command(subcommand)]
    Enterprise(super::enterprise::EnterpriseCommand),
    /// Head-led inspections: add, list (--overdue: the enterprises behind).
    #[command(subcommand)]
    Inspection(super::inspection::InspectionCommand),
    /// Public tip-offs (举报): add, assign, verify, reject, reward, tell, list, show.
    #[command(subcommand)]
    Tipoff(super::tipoff::TipoffCommand),
    /// Attachments: get one back out.
    #[command(subcommand)]
    Attachment(super::attachment::AttachmentCommand),
    /// The judgment-standard catalogue: list, search.
    #[command(subcommand)]
    Standards(super::standards::StandardsCommand),
    /// Staff and roles.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// The ledger-wide settings: rights and the rules behind official figures (admin to set).
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Print your login and role.
    Whoami,
    /// Undo your own last write (or last bulk action) within the ledger's time limit.
    Undo {
        /// Say what would be undone; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Shell completions on standard output (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) on standard output: `anwei man > anwei.1`.
    Man,
    /// Check integrity, counters, and that state agrees with the timeline.
    Check,
    /// An online backup of the database.
    Backup {
        /// A new file: never an existing one.
        file: PathBuf,
    },
    /// Print the SQL a screen runs, values written in, to time it in the sqlite3 shell.
    Sql {
        /// The screen.
        #[arg(value_enum)]
        screen: SqlScreen,
    },
    /// Import enterprises or hazards from CSV or XLSX (admin): all or nothing unless --skip-bad.
    Import(ImportArgs),
    /// Export hazards, enterprises, the timeline or head-led inspections as CSV, XLSX or JSON.
    Export {
        /// What to export: hazards, enterprises, timeline or inspections.
        #[arg(value_enum)]
        kind: crate::transfer::Kind,
        /// The output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: crate::transfer::export::Format,
        /// The output file (default: standard output; xlsx needs one).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists (never a database or the ledger's files).
        #[arg(long)]
        force: bool,
    },
    /// The consultation agenda and meeting pack of a quarter (default: the current one).
    Agenda(super::consult_args::AgendaArgs),
    /// The statutory calendar: consultations, statistics, summaries, action deadlines.
    Calendar(super::consult_args::CalendarArgs),
    /// The quarterly consultation's record: topics, decisions, actions, the meeting.
    #[command(subcommand)]
    Consult(super::consult_args::ConsultCommand),
    /// Generate the demo township (demo.db in the data directory unless --db).
    Demo {
        /// How many hazards (1 to 2,000,000).
        #[arg(long, default_value_t = 1500, value_parser = clap::value_parser!(u64).range(1..=2_000_000))]
        hazards: u64,
        /// The same seed and today give the same data.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Replace an existing demo database.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only hazards in this status: registered, rectifying, verifying or closed.
    #[arg(long)]
    pub status: Option<String>,
    /// Only hazards past their deadline and not closed.
    #[arg(long)]
    pub overdue: bool,
    /// Only open hazards due within DAYS days.
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<i64>,
    /// Only hazards of enterprises in this village.
    #[arg(long)]
    pub village: Option<String>,
    /// Only hazards of this sector.
    #[arg(long)]
    pub sector: Option<String>,
    /// Only hazards found this way: inspection, self_report or public_report.
    #[arg(long)]
    pub source: Option<String>,
    /// Only hazards of this grade: major or general.
    #[arg(long)]
    pub grade: Option<String>,
    /// Only hazards assigned to this staff login.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Found in 2023 or earlier.
    #[arg(long)]
    pub stock: bool,
    /// The escalation queue: overdue hazards whose next step is due.
    #[arg(long)]
    pub escalation_queue: bool,
    /// Only hazards awaiting the three-party on-site sign-off.
    #[arg(long)]
    pub awaiting_verification: bool,
    /// Only open major hazards whose principal or actual controller has not been notified.
    #[arg(long)]
    pub not_notified: bool,
    /// Only hazards listed for supervision (挂牌督办).
    #[arg(long)]
    pub listed: bool,
    /// Only hazards under a stopped-production order.
    #[arg(long)]
    pub stopped: bool,
    /// Search code, title and enterprise.
    #[arg(long)]
    pub search: Option<String>,
    /// Sort column (deadline, code, title, enterprise, village, sector, …).
    #[arg(long, default_value = "deadline")]
    pub sort: String,
    /// Sort in descending order.
    #[arg(long)]
    pub desc: bool,
    /// At most this many rows.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// The output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Credit code or exact name of the enterprise.
    #[arg(long)]
    pub enterprise: String,
    /// What the hazard is, in one line.
    #[arg(long)]
    pub title: String,
    /// What was found, in full.
    #[arg(long, default_value = "")]
    pub description: String,
    /// major or general.
    #[arg(long, default_value = "major")]
    pub grade: String,
    /// The sector (default: the enterprise's).
    #[arg(long)]
    pub sector: Option<String>,
    /// The judgment-standard clause.
    #[arg(long, default_value = "")]
    pub standard: String,
    /// How it was found: inspection, self_report or public_report.
    #[arg(long, default_value = "inspection")]
    pub source: String,
    /// The day it was found (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub discovered: Option<String>,
    /// The rectification deadline (YYYY-MM-DD).
    #[arg(long)]
    pub deadline: String,
    /// Owner department by name.
    #[arg(long)]
    pub owner: Option<String>,
    /// The staff login who follows it up.
    #[arg(long)]
    pub assignee: Option<String>,
    /// A note for the timeline.
    #[arg(long, default_value = "")]
    pub note: String,
    /// The head-led inspection (its number) of the enterprise that found it.
    #[arg(long)]
    pub inspection: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Every setting, its value and its last change.
    Show {
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Change one (admin); the change is recorded with who, when and why.
    Set {
        /// unknown_role, overdue_days, stalled_days, doc_prefix, lang, extend_times, extend_days, undo_minutes, inspection_months, local_sectors, attachment_mb or tipoff_days.
        key: String,
        /// The new value, e.g. `officer`, `1,15,30,60`, `30`, `官安`, `zh`.
        value: String,
        /// Why it changes.
        #[arg(long, default_value = "")]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff member or change their role (admin).
    Add {
        /// The person's login on this computer.
        login: String,
        /// The person's name (default: the login).
        #[arg(long)]
        name: Option<String>,
        /// admin, officer or viewer.
        #[arg(long, default_value = "officer")]
        role: String,
        /// The department they belong to, by name.
        #[arg(long)]
        unit: Option<String>,
    },
    /// List the staff.
    List {
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

/// The arguments of `anwei import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// What the file holds: enterprises, hazards or inspections (head-led).
    #[arg(value_enum)]
    pub kind: crate::transfer::ImportKind,
    /// A .csv (UTF-8, UTF-8 with BOM or GBK) or .xlsx file.
    pub file: PathBuf,
    /// Check every row and report; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good rows and write the bad ones, with reasons, to the rejects file.
    #[arg(long)]
    pub skip_bad: bool,
    /// The rejects file (default: FILE.rejects.csv).
    #[arg(long, value_name = "FILE", requires = "skip_bad")]
    pub rejects: Option<PathBuf>,
    /// Replace the rejects file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Create the villages and departments the file names that the ledger lacks.
    #[arg(long)]
    pub create_units: bool,
    /// Import hazards that the ledger or the file already has (same enterprise, title, day found).
    #[arg(long)]
    pub allow_duplicates: bool,
}
