//! The consultation's writes and the meeting pack, as the worker runs them.

use std::path::{Path, PathBuf};

use super::problem;
use crate::i18n::Lang;
use crate::protocol::{ConsultCmd, ConsultWrite, PackRequest, Problem, ProblemKind, TopicRef};
use crate::report::{self, pack};
use crate::store::consultation::Saved;
use crate::store::{Store, StoreError};

/// One change to a quarter's record.
pub(super) fn write(s: &mut Store, w: &ConsultWrite) -> Result<Saved, StoreError> {
    let (q, v) = (w.quarter, Some(w.version));
    match &w.cmd {
        ConsultCmd::TopicAdd { title, proposal } => s.topic_add(q, v, title, proposal),
        ConsultCmd::TopicDrop { topic, dropped } => {
            let id = topic_id(s, w, topic)?;
            s.topic_drop(id, v, *dropped)
        }
        ConsultCmd::TopicMove { topic, position } => {
            let id = topic_id(s, w, topic)?;
            s.topic_move(id, v, *position)
        }
        ConsultCmd::TopicText { topic, text, reason } => {
            let id = topic_id(s, w, topic)?;
            s.topic_text(id, topic.version, text, reason)
        }
        ConsultCmd::ActionAdd(a) => s.action_add(q, a),
        ConsultCmd::ActionDone { id, version, date, note } => s.action_done(*id, Some(*version), *date, note),
        ConsultCmd::Meeting(m) => s.meeting(q, v, m),
        ConsultCmd::Held => s.mark_held(q, v),
    }
}

/// The topic's id; a generated topic shown before the quarter had a record is found by
/// its kind once the record is started.
fn topic_id(s: &mut Store, w: &ConsultWrite, t: &TopicRef) -> Result<i64, StoreError> {
    if let Some(id) = t.id {
        return Ok(id);
    }
    s.consult_open(w.quarter)?;
    let record = s.consultation(w.quarter)?;
    record
        .and_then(|r| r.topics.iter().find(|x| x.kind == t.kind).map(|x| x.id))
        .ok_or_else(|| StoreError::Unknown { what: "topic", value: t.kind.to_string() })
}

/// A path typed as `~/…` under the home directory.
fn expand(path: &Path) -> PathBuf {
    match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => Path::new(&home).join(rest),
        _ => path.to_path_buf(),
    }
}

/// Builds the quarter's paper and writes it; the path written, made absolute.
pub(super) fn pack(s: &Store, lang: Lang, p: &PackRequest) -> Result<PathBuf, Problem> {
    let agenda = s.agenda(p.quarter).map_err(|e| problem(lang, &e))?;
    let paper = report::paper(p.lang, &agenda);
    let path = expand(&p.path);
    let guard = crate::safe_file::Guard { ledger: Some(s.path().to_path_buf()), force: false };
    let failed = |e: crate::safe_file::FileError| Problem {
        kind: ProblemKind::Refused,
        message: lang.f("consultation.pack_failed", &[&path.display(), &crate::i18n::file_error(lang, &e)]),
    };
    pack::write(&paper, p.kind, &path, &guard).map_err(failed)?;
    Ok(std::path::absolute(&path).unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_means_home() {
        let home = PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
        assert_eq!(expand(Path::new("~/x.md")), home.join("x.md"));
        assert_eq!(expand(Path::new("a/~/x.md")), PathBuf::from("a/~/x.md"));
    }
}
