//! Plan (五落实): the five parts of a major hazard's rectification plan; a complete plan
//! starts rectification. The form is prefilled from the hazard and saves what changed.

use super::{ArgError, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow};
use crate::domain::permission::Write;
use crate::domain::{PLAN_PARTS, Plan as FivePart};
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Plan;

/// The parts to change, by name (`responsible` …), and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub parts: Vec<(&'static str, String)>,
    pub note: String,
}

/// Fill the five-part plan; a complete plan starts rectification.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// Who answers for the rectification.
    #[arg(long)]
    pub responsible: Option<String>,
    /// The rectification measures.
    #[arg(long)]
    pub measures: Option<String>,
    /// The funds set aside for it.
    #[arg(long)]
    pub funds: Option<String>,
    /// The rectification deadline (YYYY-MM-DD).
    #[arg(long)]
    pub deadline: Option<String>,
    /// The safety measures meanwhile.
    #[arg(long)]
    pub contingency: Option<String>,
    /// A note for the timeline.
    #[arg(long, default_value = "")]
    pub note: String,
}

/// Each part's field, in the order of `PLAN_PARTS`.
const PARTS: [Text; 5] = [
    Text("plan.responsible"),
    Text("plan.measures"),
    Text("plan.funds"),
    Text("plan.deadline"),
    Text("plan.contingency"),
];

/// The parts a plan form still leaves empty.
pub fn missing(fields: &[Field]) -> Vec<&'static str> {
    let [responsible, measures, funds, deadline, contingency] = PARTS.map(|p| p.read(fields));
    FivePart { responsible, measures, funds, deadline, contingency }.missing()
}

impl Workflow for Plan {
    const SPEC: Spec = Spec { name: "plan", key: Some("p"), write: Write::Plan, bulk: false };
    type Input = Input;
    type Args = Args;

    /// The form needs the hazard's plan: from its detail, once that is here.
    fn open(ctx: &OpenCtx) -> Opening {
        let current = ctx.detail.filter(|d| d.row.code == ctx.row.code && d.row.version == ctx.row.version);
        match current {
            Some(d) => Opening::Form(d.plan.parts().iter().zip(PARTS).map(|((_, v), f)| f.field(v)).collect()),
            None => Opening::NeedDetail,
        }
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        let parts: Vec<(&'static str, String)> =
            PLAN_PARTS.iter().zip(PARTS).filter_map(|(part, f)| Some((*part, f.changed(fields)?))).collect();
        if parts.is_empty() {
            return Err(Refusal::NothingChanged);
        }
        Ok(Input { parts, note: String::new() })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        let given = [&a.responsible, &a.measures, &a.funds, &a.deadline, &a.contingency];
        let parts = PLAN_PARTS.iter().zip(given).filter_map(|(p, v)| Some((*p, v.clone()?))).collect();
        Ok(Input { parts, note: a.note.clone() })
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        store.plan(code, version, &i.parts, &i.note)
    }
}
