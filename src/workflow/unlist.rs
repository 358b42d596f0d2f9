//! Unlist (摘牌): a hazard's listed supervision cleared, with the reason.

use super::{ArgError, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Unlist;

/// Clear a hazard's listing for supervision.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// Why the listing is cleared.
    #[arg(long)]
    pub reason: String,
}

const REASON: Text = Text("form.reason");

impl Workflow for Unlist {
    const SPEC: Spec = Spec { name: "unlist", key: Some("U"), write: Write::Supervise, bulk: false };
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
        Some(ctx.lang.f("tui.confirm_unlist", &[&ctx.codes()]))
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, reason: &String) -> Result<Done, StoreError> {
        store.unlist(code, version, reason)
    }
}
