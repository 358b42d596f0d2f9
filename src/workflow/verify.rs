//! Verify (核验): one party's on-site sign-off in the current round; three passes close
//! the hazard, a fail sends it back to rectification.

use super::{
    ArgError, Choice, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, opt_date, word,
};
use crate::domain::permission::Write;
use crate::domain::{Verdict, VerifierRole};
use crate::store::write::{Done, SignOffInput};
use crate::store::{Store, StoreError};

pub struct Verify;

/// Record one party's on-site sign-off.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// regulator, expert or enterprise
    #[arg(long)]
    pub role: String,
    /// The name of the person signing.
    #[arg(long)]
    pub name: String,
    /// Their organisation.
    #[arg(long, default_value = "")]
    pub org: String,
    /// Rectified: sign off.
    #[arg(long, conflicts_with = "fail", required_unless_present = "fail")]
    pub pass: bool,
    /// Not rectified: refuse to sign off.
    #[arg(long)]
    pub fail: bool,
    /// The written opinion.
    #[arg(long, default_value = "")]
    pub opinion: String,
    /// The day of the site visit (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
}

const ROLE: Choice<VerifierRole> =
    Choice { label: "form.role", group: "verifier", id: VerifierRole::as_str, parse: VerifierRole::parse };
const NAME: Text = Text("form.name");
const ORGANISATION: Text = Text("form.organisation");
const VERDICT: Choice<Verdict> =
    Choice { label: "form.verdict", group: "verdict", id: Verdict::as_str, parse: Verdict::parse };
const OPINION: Text = Text("form.opinion");

impl Workflow for Verify {
    const SPEC: Spec = Spec { name: "verify", key: Some("v"), write: Write::Verify, bulk: false };
    type Input = SignOffInput;
    type Args = Args;

    /// Only a hazard awaiting sign-off can be signed off: said at once otherwise.
    fn open(ctx: &OpenCtx) -> Opening {
        if ctx.row.status != crate::domain::Status::Verifying && !ctx.marked {
            let step = crate::domain::status::Step::Verify;
            return Opening::Gate(crate::domain::status::GateError::WrongStatus { from: ctx.row.status, step });
        }
        Opening::Form(vec![
            ROLE.field(ctx.lang, VerifierRole::ALL),
            NAME.field(""),
            ORGANISATION.field(""),
            VERDICT.field(ctx.lang, Verdict::ALL),
            OPINION.field(""),
        ])
    }

    /// Dated today.
    /// The pass that completes the three asks first: it closes the hazard.
    fn confirm(ctx: &ConfirmCtx, input: &SignOffInput) -> Option<String> {
        use crate::domain::status::{SignOff, VerifyOutcome, verify};
        let [t] = ctx.targets else { return None };
        let new = SignOff { role: input.role, verdict: input.verdict };
        match verify(crate::domain::Status::Verifying, ctx.sign_offs, new) {
            Ok(VerifyOutcome::Closed) => Some(ctx.lang.f("tui.confirm_close", &[&t.code])),
            _ => None,
        }
    }

    fn read(fields: &[Field], _targets: usize) -> Result<SignOffInput, Refusal> {
        Ok(SignOffInput {
            role: ROLE.required(fields)?,
            name: NAME.required(fields)?,
            organisation: ORGANISATION.read(fields),
            verdict: VERDICT.required(fields)?,
            opinion: OPINION.read(fields),
            date: None,
        })
    }

    fn from_args(a: &Args) -> Result<SignOffInput, ArgError> {
        Ok(SignOffInput {
            role: word("--role", &a.role, VerifierRole::ALL, VerifierRole::as_str, VerifierRole::parse)?,
            name: a.name.clone(),
            organisation: a.org.clone(),
            verdict: if a.fail { Verdict::Fail } else { Verdict::Pass },
            opinion: a.opinion.clone(),
            date: opt_date("--date", &a.date)?,
        })
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, s: &SignOffInput) -> Result<Done, StoreError> {
        store.verify(code, version, s)
    }
}
