//! Progress (进展): a note of what was done, which also counts as progress for the stall rule.

use super::{ArgError, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Progress;

/// Record a progress note.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// A note for the timeline.
    #[arg(long)]
    pub note: String,
}

const NOTE: Text = Text("form.note");

impl Workflow for Progress {
    const SPEC: Spec = Spec { name: "progress", key: Some("m"), write: Write::Progress, bulk: false };
    /// The note.
    type Input = String;
    type Args = Args;

    fn open(_: &OpenCtx) -> Opening {
        Opening::Form(vec![NOTE.field("")])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<String, Refusal> {
        NOTE.required(fields)
    }

    fn from_args(a: &Args) -> Result<String, ArgError> {
        Ok(a.note.clone())
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, note: &String) -> Result<Done, StoreError> {
        store.progress(code, version, note)
    }
}
