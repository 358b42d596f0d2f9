//! Extend (延期): a later deadline, with the reason for it.

use chrono::NaiveDate;

use super::{ArgError, Date, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, date};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Extend;

/// The new deadline and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub deadline: NaiveDate,
    pub reason: String,
}

/// Move the deadline later.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// The new deadline (YYYY-MM-DD).
    #[arg(long)]
    pub deadline: String,
    /// Why more time is needed.
    #[arg(long)]
    pub reason: String,
}

const DEADLINE: Date = Date("form.deadline");
const REASON: Text = Text("form.reason");

impl Workflow for Extend {
    const SPEC: Spec = Spec { name: "extend", key: Some("x"), write: Write::Extend, bulk: false };
    type Input = Input;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        Opening::Form(vec![DEADLINE.field(ctx.row.deadline), REASON.field("")])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        Ok(Input { deadline: DEADLINE.read(fields)?, reason: REASON.required(fields)? })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        Ok(Input { deadline: date("--deadline", &a.deadline)?, reason: a.reason.clone() })
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        store.extend(code, version, i.deadline, &i.reason)
    }
}
