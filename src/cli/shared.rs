//! `anwei init --shared --group GROUP`: create or adopt a ledger for a group of users.

use super::{Env, Failure};
use crate::shared::{SharedError, group_id, prepare_dir, share_files, verify};
use crate::store::{Store, StoreError};

fn shared_failure(env: &Env, e: SharedError) -> Failure {
    let l = env.lang;
    let message = match e {
        SharedError::NoGroup(g) => l.f("shared.no_group", &[&g]),
        SharedError::Io { path, error } => l.f("shared.io", &[&path.display(), &error]),
        SharedError::Verify { path, what } => l.f("shared.verify", &[&path.display(), &what]),
    };
    Failure { code: 2, message }
}

/// Creates the ledger if the file is new, adopts it otherwise; then shares and verifies.
pub fn init_shared(env: &Env, org: &str, prefix: &str, group: &str) -> Result<(), Failure> {
    let path = env.db_path()?;
    let gid = group_id(group).map_err(|e| shared_failure(env, e))?;
    prepare_dir(&path, gid).map_err(|e| shared_failure(env, e))?;
    let existed = path.exists();
    let mut store = Store::create(&path, env.actor.clone(), env.clock).map_err(|e| env.fail(&e))?;
    match store.init(org, prefix) {
        Ok(()) | Err(StoreError::Exists { .. }) => {}
        Err(e) => return Err(env.fail(&e)),
    }
    // The side files exist while the store is open: share them too.
    share_files(&path, gid).map_err(|e| shared_failure(env, e))?;
    verify(&path, gid).map_err(|e| shared_failure(env, e))?;
    let findings = store.check().map_err(|e| env.fail(&e))?;
    drop(store);
    if !findings.is_empty() {
        return Err(Failure { code: 1, message: env.lang.f("cli.check_failed", &[&findings.len()]) });
    }
    let key = if existed { "shared.adopted" } else { "shared.created" };
    println!("{}", env.lang.f(key, &[&path.display(), &group]));
    Ok(())
}
