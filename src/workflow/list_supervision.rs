//! List for supervision (挂牌督办): a major hazard put under a unit's listed supervision,
//! with the unit responsible for its rectification, the day and the document number.

use super::notify::DATE;
use super::{ArgError, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, opt_date};
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::write::supervise::ListingInput;
use crate::store::{Store, StoreError};

pub struct ListSupervision;

/// List a major hazard for supervision.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// The listing unit (督办单位).
    #[arg(long)]
    pub unit: String,
    /// The unit responsible for its rectification (责任单位).
    #[arg(long)]
    pub responsible: String,
    /// The listing's document number (文号).
    #[arg(long, default_value = "")]
    pub doc: String,
    /// The day it was listed (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
}

const UNIT: Text = Text("form.listing_unit");
const RESPONSIBLE: Text = Text("form.responsible_unit");
const DOC: Text = Text("form.doc_no");

impl Workflow for ListSupervision {
    const SPEC: Spec = Spec { name: "list_supervision", key: Some("L"), write: Write::Supervise, bulk: false };
    type Input = ListingInput;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        Opening::Form(vec![UNIT.field(""), RESPONSIBLE.field(""), DOC.field(""), DATE.field(ctx.today)])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<ListingInput, Refusal> {
        Ok(ListingInput {
            unit: UNIT.required(fields)?,
            responsible: RESPONSIBLE.required(fields)?,
            doc_no: DOC.read(fields),
            date: DATE.given(fields)?,
        })
    }

    fn from_args(a: &Args) -> Result<ListingInput, ArgError> {
        Ok(ListingInput {
            unit: a.unit.clone(),
            responsible: a.responsible.clone(),
            doc_no: a.doc.clone(),
            date: opt_date("--date", &a.date)?,
        })
    }

    fn confirm(ctx: &ConfirmCtx, l: &ListingInput) -> Option<String> {
        Some(ctx.lang.f("tui.confirm_list", &[&ctx.codes(), &l.unit]))
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, l: &ListingInput) -> Result<Done, StoreError> {
        store.list_supervision(code, version, l)
    }
}
