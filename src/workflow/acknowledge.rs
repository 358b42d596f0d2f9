//! Acknowledge (签收): the principal or the actual controller acknowledged the notice of
//! the hazard, on a day, in their own name.

use chrono::NaiveDate;

use super::notify::{DATE, TO};
use super::{ArgError, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, opt_date, word};
use crate::domain::Recipient;
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Acknowledge;

/// Who acknowledged the notice, and when (today unless said).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub to: Recipient,
    pub by: String,
    pub date: Option<NaiveDate>,
}

/// Record that the principal or the controller acknowledged the latest notice to them.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// principal or controller
    #[arg(long)]
    pub to: String,
    /// The name they signed with.
    #[arg(long)]
    pub by: String,
    /// The day they acknowledged it (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
}

const BY: Text = Text("form.acknowledged_by");

impl Workflow for Acknowledge {
    const SPEC: Spec = Spec { name: "acknowledge", key: Some("I"), write: Write::Notify, bulk: false };
    type Input = Input;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        let principal = ctx.detail.filter(|d| d.row.code == ctx.row.code).map(|d| d.enterprise_info.principal.as_str());
        Opening::Form(vec![
            TO.field(ctx.lang, Recipient::ALL),
            BY.field(principal.unwrap_or("")),
            DATE.field(ctx.today),
        ])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        Ok(Input { to: TO.required(fields)?, by: BY.required(fields)?, date: DATE.given(fields)? })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        Ok(Input {
            to: word("--to", &a.to, Recipient::ALL, Recipient::as_str, Recipient::parse)?,
            by: a.by.clone(),
            date: opt_date("--date", &a.date)?,
        })
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        store.acknowledge(code, version, i.to, &i.by, i.date)
    }
}
