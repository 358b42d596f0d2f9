//! Resumption (恢复生产): the enterprise under a stopped-production order applies to resume,
//! with the evaluation of its rectification (its own technical staff and experts, or a
//! qualified agency); the regulator reviews on site within ten days and approves, which
//! lifts the order, or refuses. One key: the application while none is pending, else its
//! review.

use super::notify::DATE;
use super::{
    ArgError, Choice, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, opt_date, word,
};
use crate::domain::permission::Write;
use crate::domain::{Decision, Evaluator};
use crate::store::write::Done;
use crate::store::write::supervise::{ApplyInput, ReviewInput};
use crate::store::{Store, StoreError};

pub struct Resumption;

/// The application or its review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Apply(ApplyInput),
    Review(ReviewInput),
}

/// Record a resumption application (apply) or its on-site review (review).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// apply or review
    pub step: String,
    /// The day (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// apply: who evaluated the rectification: own_experts or agency.
    #[arg(long, default_value = "agency")]
    pub evaluator: String,
    /// apply: the experts' names or the agency's.
    #[arg(long, default_value = "")]
    pub by: String,
    /// apply: the evaluation report's title or number.
    #[arg(long, default_value = "")]
    pub report: String,
    /// review: approved or refused.
    #[arg(long, default_value = "")]
    pub decision: String,
    /// review: who reviewed on site.
    #[arg(long, default_value = "")]
    pub reviewer: String,
    /// review: the review's opinion.
    #[arg(long, default_value = "")]
    pub opinion: String,
}

const EVALUATOR: Choice<Evaluator> =
    Choice { label: "form.evaluator", group: "evaluator", id: Evaluator::as_str, parse: Evaluator::parse };
const BY: Text = Text("form.evaluated_by");
const REPORT: Text = Text("form.report");
const DECISION: Choice<Decision> =
    Choice { label: "form.review_decision", group: "decision", id: Decision::as_str, parse: Decision::parse };
const REVIEWER: Text = Text("form.reviewer");
const OPINION: Text = Text("form.opinion");

/// The steps of the command line.
const STEPS: &[&str] = &["apply", "review"];

impl Workflow for Resumption {
    const SPEC: Spec = Spec { name: "resumption", key: Some("R"), write: Write::Supervise, bulk: false };
    type Input = Input;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        if !ctx.row.stopped {
            return Opening::Refused("tui.not_stopped");
        }
        let Some(d) = ctx.detail.filter(|d| d.row.code == ctx.row.code && d.row.version == ctx.row.version) else {
            return Opening::NeedDetail;
        };
        let pending = d.supervision.resumptions.last().is_some_and(|r| r.decision.is_none());
        Opening::Form(if pending {
            vec![DECISION.field(ctx.lang, Decision::ALL), REVIEWER.field(""), OPINION.field(""), DATE.field(ctx.today)]
        } else {
            vec![EVALUATOR.field(ctx.lang, Evaluator::ALL), BY.field(""), REPORT.field(""), DATE.field(ctx.today)]
        })
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        let date = DATE.given(fields)?;
        Ok(if DECISION.in_form(fields) {
            Input::Review(ReviewInput {
                date,
                decision: DECISION.required(fields)?,
                reviewer: REVIEWER.required(fields)?,
                opinion: OPINION.read(fields),
            })
        } else {
            Input::Apply(ApplyInput {
                date,
                evaluator: EVALUATOR.required(fields)?,
                by: BY.required(fields)?,
                report: REPORT.read(fields),
            })
        })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        let date = opt_date("--date", &a.date)?;
        let step = word("STEP", &a.step, STEPS, |s| s, |s| STEPS.iter().copied().find(|x| *x == s))?;
        Ok(if step == "review" {
            Input::Review(ReviewInput {
                date,
                decision: word("--decision", &a.decision, Decision::ALL, Decision::as_str, Decision::parse)?,
                reviewer: a.reviewer.clone(),
                opinion: a.opinion.clone(),
            })
        } else {
            Input::Apply(ApplyInput {
                date,
                evaluator: word("--evaluator", &a.evaluator, Evaluator::ALL, Evaluator::as_str, Evaluator::parse)?,
                by: a.by.clone(),
                report: a.report.clone(),
            })
        })
    }

    fn confirm(ctx: &ConfirmCtx, i: &Input) -> Option<String> {
        match i {
            Input::Review(r) => {
                Some(ctx.lang.f("tui.confirm_review", &[&ctx.codes(), &ctx.lang.word("decision", r.decision.as_str())]))
            }
            Input::Apply(_) => None,
        }
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        match i {
            Input::Apply(a) => store.resumption_apply(code, version, a),
            Input::Review(r) => store.resumption_review(code, version, r),
        }
    }
}
