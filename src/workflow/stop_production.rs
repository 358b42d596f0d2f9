//! Stop production (停产停业): the order that stops the enterprise's production, in whole
//! or in part, until a reviewed resumption.

use chrono::NaiveDate;

use super::notify::DATE;
use super::{ArgError, Choice, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Workflow, opt_date};
use crate::domain::StopScope;
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct StopProduction;

/// The order's day (today unless said) and scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub date: Option<NaiveDate>,
    pub scope: StopScope,
}

/// Record an order stopping the enterprise's production.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// The day of the order (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Only part of the production is stopped.
    #[arg(long)]
    pub partial: bool,
}

const SCOPE: Choice<StopScope> =
    Choice { label: "form.stop_scope", group: "stop_scope", id: StopScope::as_str, parse: StopScope::parse };

impl Workflow for StopProduction {
    const SPEC: Spec = Spec { name: "stop_production", key: Some("S"), write: Write::Supervise, bulk: false };
    type Input = Input;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        Opening::Form(vec![SCOPE.field(ctx.lang, StopScope::ALL), DATE.field(ctx.today)])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        Ok(Input { scope: SCOPE.required(fields)?, date: DATE.given(fields)? })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        let scope = if a.partial { StopScope::Partial } else { StopScope::Whole };
        Ok(Input { date: opt_date("--date", &a.date)?, scope })
    }

    fn confirm(ctx: &ConfirmCtx, i: &Input) -> Option<String> {
        Some(ctx.lang.f("tui.confirm_stop", &[&ctx.codes(), &ctx.lang.word("stop_scope", i.scope.as_str())]))
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        store.stop_production(code, version, i.date, i.scope)
    }
}
