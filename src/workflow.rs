//! The hazard workflows, each defined once: its name, default key, the write it needs,
//! its form as typed fields, its confirmation, its command line and its store call. The
//! keymap, the footer and help, the forms, the message to the worker and the `anwei`
//! subcommands are all made from the list at the bottom; the full screen (through the
//! worker) and the command line both run `HazardCmd::apply`.
//!
//! Adding a workflow: a file here with a type implementing `Workflow`, one line in the
//! list, and its strings (`key.NAME`, `help.NAME`) in the catalogue.

pub mod acknowledge;
pub mod assign;
pub mod attach;
pub mod escalate;
pub mod extend;
pub mod fields;
pub mod list_supervision;
pub mod notify;
pub mod plan;
pub mod progress;
pub mod reopen;
pub mod resumption;
pub mod stop_production;
pub mod submit;
pub mod unlist;
pub mod verify;

use chrono::NaiveDate;

use crate::domain::permission::Write;
use crate::domain::{Escalation, parse_date};
use crate::i18n::Lang;
use crate::model::{HazardDetail, HazardRow};
use crate::store::write::Done;
use crate::store::{Store, StoreError};
pub use fields::{Choice, Date, Field, Refusal, Text, Value};

/// What every workflow declares about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The config name of its key, its catalogue keys (`key.NAME`, `help.NAME`) and its
    /// command (`anwei NAME`).
    pub name: &'static str,
    /// The key it has unless the config says otherwise (`None`: only a config binds one).
    pub key: Option<&'static str>,
    /// The write the acting role must be allowed.
    pub write: Write,
    /// On a list with marked hazards it applies to all of them (else to the selected one).
    pub bulk: bool,
}

/// A hazard a write applies to, at the version the screen showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub code: String,
    pub version: i64,
}

/// What the screen knows when a workflow opens on the selected hazard.
pub struct OpenCtx<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    pub row: &'a HazardRow,
    /// How many hazards it will apply to.
    pub targets: usize,
    /// They are the marked hazards (which need not include `row`), not the selected one.
    pub marked: bool,
    /// The detail on show, if any (it may be of another hazard or version).
    pub detail: Option<&'a HazardDetail>,
}

/// How a workflow opens.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    Form(Vec<Field>),
    /// A picker of the staff who work on hazards; the pick is the value of this field.
    PickStaff(Text),
    /// The form is made from the hazard's detail: load it, then open again.
    NeedDetail,
    /// It cannot apply here; the catalogue key of why.
    Refused(&'static str),
    /// The hazard's state refuses it (said at once, before anything is typed).
    Gate(crate::domain::status::GateError),
}

/// What a confirmation may name.
pub struct ConfirmCtx<'a> {
    pub lang: Lang,
    pub targets: &'a [Target],
    /// The document number previewed for a level.
    pub doc_no: Option<&'a (Escalation, String)>,
    /// The sign-offs of a single target's current round, as the screen shows them.
    pub sign_offs: &'a [crate::domain::status::SignOff],
}

impl ConfirmCtx<'_> {
    /// The targets' codes, space-separated.
    pub fn codes(&self) -> String {
        self.targets.iter().map(|t| t.code.as_str()).collect::<Vec<_>>().join(" ")
    }
}

/// The hazard and the version a command-line write expects it at.
#[derive(Debug, Clone, clap::Args)]
pub struct HazardRef {
    /// The hazard's code (GQ-2026-0042).
    pub code: String,
    /// Refuse if the hazard is no longer at this version.
    #[arg(long)]
    pub version: Option<i64>,
}

/// A command-line value that is not what the option takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgError {
    /// Not one of the words the option takes.
    BadWord {
        option: &'static str,
        value: String,
        all: Vec<&'static str>,
    },
    BadDate {
        option: &'static str,
        value: String,
    },
}

/// One word of a closed set, naming the option on failure.
pub fn word<T: Copy>(
    option: &'static str,
    value: &str,
    all: &[T],
    id: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, ArgError> {
    parse(value).ok_or_else(|| ArgError::BadWord {
        option,
        value: value.to_string(),
        all: all.iter().map(|x| id(*x)).collect(),
    })
}

pub fn date(option: &'static str, value: &str) -> Result<NaiveDate, ArgError> {
    parse_date(value).ok_or_else(|| ArgError::BadDate { option, value: value.to_string() })
}

pub fn opt_date(option: &'static str, value: &Option<String>) -> Result<Option<NaiveDate>, ArgError> {
    value.as_deref().map(|v| date(option, v)).transpose()
}

/// One workflow on one hazard.
pub trait Workflow {
    const SPEC: Spec;
    /// What it needs besides the hazard: sent by the screen, built by the command line.
    type Input: Clone + std::fmt::Debug + PartialEq;
    /// Its command line; a field `hazard: HazardRef` names the hazard.
    type Args: clap::Args + std::fmt::Debug;

    fn open(ctx: &OpenCtx) -> Opening;
    /// The input from the form's fields, for `targets` hazards.
    fn read(fields: &[Field], targets: usize) -> Result<Self::Input, Refusal>;
    fn from_args(args: &Self::Args) -> Result<Self::Input, ArgError>;
    /// The question to answer `y` to before it is written, if any.
    fn confirm(_ctx: &ConfirmCtx, _input: &Self::Input) -> Option<String> {
        None
    }
    /// The escalation level whose next document number the form shows.
    fn preview(_fields: &[Field]) -> Option<Escalation> {
        None
    }
    fn apply(store: &mut Store, code: &str, version: Option<i64>, input: &Self::Input) -> Result<Done, StoreError>;
}

/// Declares the workflows: their ids, the message carrying each one's input, and the
/// command-line subcommands, each dispatching to the workflow's own functions.
macro_rules! workflows {
    ($($id:ident => $ty:ty,)+) => {
        /// Which workflow.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Id { $($id,)+ }

        impl Id {
            pub const ALL: &'static [Id] = &[$(Id::$id,)+];

            pub fn spec(self) -> &'static Spec {
                match self { $(Id::$id => &<$ty as Workflow>::SPEC,)+ }
            }

            pub fn open(self, ctx: &OpenCtx) -> Opening {
                match self { $(Id::$id => <$ty>::open(ctx),)+ }
            }

            /// The message a filled form sends.
            pub fn read(self, fields: &[Field], targets: usize) -> Result<HazardCmd, Refusal> {
                match self { $(Id::$id => <$ty>::read(fields, targets).map(HazardCmd::$id),)+ }
            }

            pub fn preview(self, fields: &[Field]) -> Option<Escalation> {
                match self { $(Id::$id => <$ty>::preview(fields),)+ }
            }
        }

        /// A workflow with its input: from the screen to the worker, or from the command line.
        #[derive(Debug, Clone, PartialEq)]
        pub enum HazardCmd { $($id(<$ty as Workflow>::Input),)+ }

        impl HazardCmd {
            pub fn id(&self) -> Id {
                match self { $(HazardCmd::$id(_) => Id::$id,)+ }
            }

            pub fn confirm(&self, ctx: &ConfirmCtx) -> Option<String> {
                match self { $(HazardCmd::$id(i) => <$ty>::confirm(ctx, i),)+ }
            }

            /// Runs it on one hazard, in one transaction.
            pub fn apply(&self, store: &mut Store, code: &str, version: Option<i64>) -> Result<Done, StoreError> {
                match self { $(HazardCmd::$id(i) => <$ty>::apply(store, code, version, i),)+ }
            }
        }

        /// The workflows' subcommands.
        #[derive(Debug, clap::Subcommand)]
        pub enum HazardArgs { $($id(<$ty as Workflow>::Args),)+ }

        impl HazardArgs {
            /// The hazard, and the message the arguments ask for.
            pub fn command(&self) -> Result<(&HazardRef, HazardCmd), ArgError> {
                Ok(match self { $(HazardArgs::$id(a) => (&a.hazard, HazardCmd::$id(<$ty>::from_args(a)?)),)+ })
            }
        }
    };
}

workflows! {
    Assign => assign::Assign,
    Plan => plan::Plan,
    Progress => progress::Progress,
    Submit => submit::Submit,
    Verify => verify::Verify,
    Escalate => escalate::Escalate,
    Extend => extend::Extend,
    Reopen => reopen::Reopen,
    Notify => notify::Notify,
    Acknowledge => acknowledge::Acknowledge,
    ListSupervision => list_supervision::ListSupervision,
    Unlist => unlist::Unlist,
    StopProduction => stop_production::StopProduction,
    Resumption => resumption::Resumption,
    Attach => attach::Attach,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_keys_are_unique() {
        let mut names: Vec<&str> = Id::ALL.iter().map(|i| i.spec().name).collect();
        let mut keys: Vec<&str> = Id::ALL.iter().filter_map(|i| i.spec().key).collect();
        let (n, k) = (names.len(), keys.len());
        names.sort();
        names.dedup();
        keys.sort();
        keys.dedup();
        assert_eq!((names.len(), keys.len()), (n, k));
    }
}
