//! Notify (告知): the enterprise's principal or actual controller was told of the hazard
//! (plan item 5).

use chrono::NaiveDate;

use super::{
    ArgError, Choice, Date, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, opt_date, word,
};
use crate::domain::Recipient;
use crate::domain::permission::Write;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Notify;

/// Who was told, how and when (today unless said).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub to: Recipient,
    pub channel: String,
    pub date: Option<NaiveDate>,
}

/// Record that the principal or the actual controller was notified.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// principal or controller
    #[arg(long)]
    pub to: String,
    /// How: 书面, 短信, 电话 …
    #[arg(long)]
    pub channel: String,
    /// The day they were told (YYYY-MM-DD; default: today).
    #[arg(long)]
    pub date: Option<String>,
}

pub(super) const TO: Choice<Recipient> =
    Choice { label: "form.recipient", group: "recipient", id: Recipient::as_str, parse: Recipient::parse };
const CHANNEL: Text = Text("form.channel");
pub(super) const DATE: Date = Date("form.date");

impl Workflow for Notify {
    const SPEC: Spec = Spec { name: "notify", key: Some("i"), write: Write::Notify, bulk: false };
    type Input = Input;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        Opening::Form(vec![TO.field(ctx.lang, Recipient::ALL), CHANNEL.field(""), DATE.field(ctx.today)])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        Ok(Input { to: TO.required(fields)?, channel: CHANNEL.required(fields)?, date: DATE.given(fields)? })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        Ok(Input {
            to: word("--to", &a.to, Recipient::ALL, Recipient::as_str, Recipient::parse)?,
            channel: a.channel.clone(),
            date: opt_date("--date", &a.date)?,
        })
    }

    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        store.notify(code, version, i.to, &i.channel, i.date)
    }
}
