//! Attach (上传佐证材料): a file of evidence — photos before and after, the rectification
//! report, an evaluation report — read from a path (Tab completes it in the form) and kept
//! in the ledger with its hash.

use std::path::PathBuf;

use super::{ArgError, Choice, Field, HazardRef, OpenCtx, Opening, Refusal, Spec, Text, Workflow, word};
use crate::domain::AttachmentKind;
use crate::domain::permission::Write;
use crate::store::attachment::NewAttachment;
use crate::store::write::Done;
use crate::store::{Store, StoreError};

pub struct Attach;

/// The file, what it shows, and a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub kind: AttachmentKind,
    pub note: String,
}

/// Attach a file of evidence to a hazard (photos before and after, reports).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub hazard: HazardRef,
    /// The file to attach.
    pub file: PathBuf,
    /// What it shows: before, after, report or evaluation.
    #[arg(long, default_value = "report")]
    pub kind: String,
    /// A note on it.
    #[arg(long, default_value = "")]
    pub note: String,
}

pub(crate) const FILE: Text = Text("form.file");
const KIND: Choice<AttachmentKind> = Choice {
    label: "form.attachment_kind",
    group: "attachment",
    id: AttachmentKind::as_str,
    parse: AttachmentKind::parse,
};
const NOTE: Text = Text("form.note");

impl Workflow for Attach {
    const SPEC: Spec = Spec { name: "attach", key: Some("F"), write: Write::Attach, bulk: false };
    type Input = Input;
    type Args = Args;

    fn open(ctx: &OpenCtx) -> Opening {
        Opening::Form(vec![FILE.field(""), KIND.field(ctx.lang, AttachmentKind::ALL), NOTE.field("")])
    }

    fn read(fields: &[Field], _targets: usize) -> Result<Input, Refusal> {
        Ok(Input { path: FILE.required(fields)?.into(), kind: KIND.required(fields)?, note: NOTE.read(fields) })
    }

    fn from_args(a: &Args) -> Result<Input, ArgError> {
        let kind = word("--kind", &a.kind, AttachmentKind::ALL, AttachmentKind::as_str, AttachmentKind::parse)?;
        Ok(Input { path: a.file.clone(), kind, note: a.note.clone() })
    }

    /// Reads the file where the ledger is (the worker's machine), then keeps it.
    fn apply(store: &mut Store, code: &str, version: Option<i64>, i: &Input) -> Result<Done, StoreError> {
        let shown = i.path.display().to_string();
        let data = std::fs::read(&i.path).map_err(|_| StoreError::Invalid {
            field: "file",
            value: shown,
            why: "unreadable".into(),
        })?;
        let name = i.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        store.attach(code, version, &NewAttachment { name, kind: i.kind, note: i.note.clone(), data })
    }
}
