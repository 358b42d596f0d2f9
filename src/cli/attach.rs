//! `anwei attach CODE FILE` and `anwei attachment get CODE N -o FILE`: evidence kept in
//! the ledger, and written back out whole.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Env, Failure};
use crate::domain::AttachmentKind;
use crate::store::attachment::NewAttachment;

#[derive(Debug, Args)]
pub struct AttachArgs {
    /// The hazard's code (GQ-2026-0042).
    pub code: String,
    /// The file to attach.
    pub file: PathBuf,
    /// What it shows: before, after, report or evaluation.
    #[arg(long, default_value = "report")]
    pub kind: String,
    /// A note on it.
    #[arg(long, default_value = "")]
    pub note: String,
    /// Refuse if the hazard is no longer at this version.
    #[arg(long)]
    pub version: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum AttachmentCommand {
    /// Write attachment N of a hazard to a file.
    Get {
        /// The hazard's code.
        code: String,
        /// The attachment's number (as the detail lists it).
        n: i64,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// `anwei attach`.
pub fn attach(env: &Env, a: &AttachArgs) -> Result<(), Failure> {
    let l = env.lang;
    let kind = AttachmentKind::parse(&a.kind)
        .ok_or_else(|| Failure::input(l.f("cli.bad_value", &[&"--kind", &crate::text::sanitise(&a.kind)])))?;
    let data =
        std::fs::read(&a.file).map_err(|e| Failure::input(l.f("attach.unreadable", &[&a.file.display(), &e])))?;
    let name = a.file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let input = NewAttachment { name, kind, note: a.note.clone(), data };
    let mut store = env.open()?;
    let done = store.attach(&a.code, a.version, &input).map_err(|e| env.fail(&e))?;
    let n = done.detail.unwrap_or_default();
    println!("{}", crate::text::sanitise(&l.f("attach.done", &[&input.name, &done.code, &n])));
    Ok(())
}

/// `anwei attachment get`.
pub fn run(env: &Env, cmd: &AttachmentCommand) -> Result<(), Failure> {
    let AttachmentCommand::Get { code, n, output, force } = cmd;
    let store = env.open()?;
    let (_, data) = store.attachment(code, *n).map_err(|e| env.fail(&e))?;
    env.guard(*force).write(output, &data).map_err(|e| env.file_failure(&e))?;
    println!("{}", env.lang.f("attach.written", &[&output.display(), &data.len()]));
    Ok(())
}
