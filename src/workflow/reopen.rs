//! Reopen (重新打开): a closed hazard back to rectification, by an admin, with a reason.

use super::{ArgError, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Reopen;

/// Reopen a closed hazard (admin).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// Why it is reopened.
    #[arg(long)]
    pub reason: String,
}

const REASON: Text = Text("form.reason");

impl Workflow for Reopen {
    const SPEC: Spec = Spec { name: "reopen", key: Some("r"), write: Write::Reopen, bulk: false };
    /// The reason.
    type Input = String;
    type Args = Args;

    fn open(_: &OpenCtx) -> Opening {
        Opening::Form(vec![REASON.field("")])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<String, Refusal> {
        REASON.required(fields)
    }

    fn from_args(a: &Args) -> Result<String, ArgError> {
        Ok(a.reason.clone())
    }

    fn confirm(ctx: &ConfirmCtx, _: &String) -> Option<String> {
        Some(ctx.lang.f("tui.confirm_reopen", &[&ctx.codes()]))
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, reason: &String) -> Result<Done, StoreError> {
        store.reopen(code, version, reason)
    }
}
