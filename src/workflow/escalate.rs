//! Escalate (督办): up the ladder 函告 → 通报 → 约谈 → 曝光, each step issuing the next
//! document number of its kind; the form shows the number it will be, and asks first.

use super::{ArgError, Choice, ConfirmCtx, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, word};
use crate::domain::Escalation;
use crate::domain::escalation::next_level;
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Escalate;

/// The level (none: each hazard to its next one) and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub level: Option<Escalation>,
    pub note: String,
}

/// Escalate (default: the next level); prints the document number.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// Straight to this level: letter, circular, summons or exposure (default: the next).
    #[arg(long)]
    pub level: Option<String>,
    /// A note for the timeline.
    #[arg(long, default_value = "")]
    pub note: String,
}

const LEVEL: Choice<Escalation> =
    Choice { label: "form.level", group: "level", id: Escalation::as_str, parse: Escalation::parse };
const NOTE: Text = Text("form.note");

impl Workflow for Escalate {
    const SPEC: Spec = Spec { name: "escalate", key: Some("e"), write: Write::Escalate, bulk: true };
    type Input = Input;
    type Args = Args;

    /// The selected hazard: the levels above its own, the next first. Marked ones: each to
    /// its next.
    fn open(ctx: &OpenCtx) -> Opening {
        let each = ctx.marked || ctx.targets > 1;
        let current = if each { 0 } else { ctx.row.escalation_level };
        if next_level(current).is_none() {
            return Opening::Refused("tui.top_level");
        }
        let level = if each {
            Field::choice(LEVEL.label, vec![(String::new(), ctx.lang.t("tui.next_each").to_string())], 0)
        } else {
            let above: Vec<Escalation> = Escalation::ALL.iter().copied().filter(|l| l.level() > current).collect();
            LEVEL.field(ctx.lang, &above)
        };
        Opening::Form(vec![level, NOTE.field("")])
    }

    fn read(fields: &[Field], targets: usize) -> Result<Input, Refusal> {
        Ok(Input { level: LEVEL.read(fields).filter(|_| targets == 1), note: NOTE.read(fields) })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        let level = a
            .level
            .as_deref()
            .map(|l| word("--level", l, Escalation::ALL, Escalation::as_str, Escalation::parse))
            .transpose()?;
        Ok(Input { level, note: a.note.clone() })
    }

    /// The document number is named when the preview of the chosen level is here.
    fn confirm(ctx: &ConfirmCtx, input: &Input) -> Option<String> {
        let l = ctx.lang;
        let word = input.level.map_or_else(|| l.t("tui.next_each"), |x| l.word("level", x.as_str()));
        Some(match (ctx.doc_no, input.level, ctx.targets) {
            (Some((shown, no)), Some(level), [t]) if *shown == level => {
                l.f("tui.confirm_escalate", &[&t.code, &word, no])
            }
            _ => l.f("tui.confirm_escalate_bulk", &[&ctx.targets.len(), &word]),
        })
    }

    fn preview(fields: &[Field]) -> Option<Escalation> {
        LEVEL.read(fields)
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        store.escalate(code, version, i.level, &i.note)
    }
}
