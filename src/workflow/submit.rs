//! Submit (整改完成): rectification reported, the hazard awaits the three-party sign-off.

use super::{ArgError, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Submit;

/// Rectification reported: the hazard awaits sign-off.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// A note for the timeline.
    #[arg(long, default_value = "")]
    pub note: String,
}

const NOTE: Text = Text("form.note");

impl Workflow for Submit {
    const SPEC: Spec = Spec { name: "submit", key: Some("s"), write: Write::Submit, bulk: false };
    /// The note (may be empty).
    type Input = String;
    type Args = Args;

    /// Only a hazard in rectification can be reported done: said at once otherwise.
    fn open(ctx: &OpenCtx) -> Opening {
        match crate::domain::status::submit(ctx.row.status) {
            Err(g) if !ctx.marked => Opening::Gate(g),
            _ => Opening::Form(vec![NOTE.field("")]),
        }
    }

    fn read(fields: &[Field], _targets: usize) -> Result<String, Refusal> {
        Ok(NOTE.read(fields))
    }

    fn from_args(a: &Args) -> Result<String, ArgError> {
        Ok(a.note.clone())
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, note: &String) -> Result<Done, StoreError> {
        store.submit(code, version, note)
    }
}
