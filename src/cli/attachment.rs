//! `anwei attachment get CODE N -o FILE`: evidence kept in the ledger, written back out
//! whole (`anwei attach` is the workflow's command).

use std::path::PathBuf;

use clap::Subcommand;

use super::{Env, Failure};

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

/// `anwei attachment get`.
pub fn run(env: &Env, cmd: &AttachmentCommand) -> Result<(), Failure> {
    let AttachmentCommand::Get { code, n, output, force } = cmd;
    let store = env.open()?;
    let (_, data) = store.attachment(code, *n).map_err(|e| env.fail(&e))?;
    env.guard(*force).write(output, &data).map_err(|e| env.file_failure(&e))?;
    println!("{}", env.lang.f("attach.written", &[&output.display(), &data.len()]));
    Ok(())
}
