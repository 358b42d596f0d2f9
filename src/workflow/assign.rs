//! Assign (分派): give the hazard, or every marked one, to a staff member.

use super::{ArgError, ConfirmCtx, HazardRef, OpenCtx, Opening, Spec, Text, Workflow};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Assign;

/// Who takes it on, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub login: String,
    pub note: String,
}

/// Assign a hazard to a staff member.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// The staff login.
    #[arg(long)]
    pub to: String,
    /// A note for the timeline.
    #[arg(long, default_value = "")]
    pub note: String,
}

const STAFF: Text = Text("form.assignee");

impl Workflow for Assign {
    const SPEC: Spec = Spec { name: "assign", key: Some("a"), write: Write::Assign, bulk: true };
    type Input = Input;
    type Args = Args;

    fn open(_: &OpenCtx) -> Opening {
        Opening::PickStaff(STAFF)
    }

    fn read(fields: &[super::Field], _targets: usize) -> Result<Input, super::Refusal> {
        Ok(Input { login: STAFF.required(fields)?, note: String::new() })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        Ok(Input { login: a.to.clone(), note: a.note.clone() })
    }

    fn confirm(ctx: &ConfirmCtx, input: &Input) -> Option<String> {
        (ctx.targets.len() > 1).then(|| ctx.lang.f("tui.confirm_assign_bulk", &[&ctx.targets.len(), &input.login]))
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, input: &Input) -> Result<Done, StoreError> {
        store.assign(code, version, &input.login, &input.note)
    }
}
