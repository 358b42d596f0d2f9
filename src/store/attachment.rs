//! Evidence (整改佐证材料, 16号令 Art. 14): files attached to a hazard — photos before and
//! after, the rectification report, an evaluation report — kept in the ledger with their
//! name, size, SHA-256 and kind, numbered per hazard, each an audited event; read back
//! whole; `check` verifies every hash.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::write::{Change, Done, Event, required_text};
use super::{Store, StoreError};
use crate::domain::permission::Write;
use crate::domain::{AttachmentKind, limits};

/// An attachment as the detail lists it (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentRow {
    /// Its number on the hazard (1, 2, …).
    pub n: i64,
    pub name: String,
    pub size: i64,
    pub sha256: String,
    pub kind: String,
    pub note: String,
    pub at: String,
    pub actor: String,
}

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttachment {
    /// The file's name, without its folders.
    pub name: String,
    pub kind: AttachmentKind,
    pub note: String,
    pub data: Vec<u8>,
}

/// The SHA-256 of `data`, in lower-case hex.
pub fn sha256(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Attaches a file to hazard `code` (an admin or officer), within the ledger's size
    /// limit; the detail of the result is its number.
    pub fn attach(&mut self, code: &str, version: Option<i64>, a: &NewAttachment) -> Result<Done, StoreError> {
        required_text("name", &a.name, limits::TITLE)?;
        StoreError::check_len("note", &a.note, limits::NOTE)?;
        if a.name.chars().any(|c| c.is_control() || c == '/' || c == '\\') {
            return Err(StoreError::Invalid { field: "name", value: a.name.clone(), why: "file_name".into() });
        }
        let mb = self.settings()?.attachment_mb;
        if a.data.len() as i64 > mb * 1024 * 1024 {
            let size = format!("{:.1} MB > {mb} MB", a.data.len() as f64 / 1024.0 / 1024.0);
            return Err(StoreError::Invalid { field: "attachment", value: size, why: "too_big".into() });
        }
        let hash = sha256(&a.data);
        self.write_hazard(Write::Attach, code, version, |ctx, h| {
            let n: i64 = ctx.tx.query_row(
                "SELECT COALESCE(MAX(n), 0) + 1 FROM attachments WHERE hazard_id = ?1",
                [h.id],
                |r| r.get(0),
            )?;
            ctx.tx.execute(
                "INSERT INTO attachments (hazard_id, n, name, size, sha256, kind, note, data, at, actor)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    h.id,
                    n,
                    a.name.trim(),
                    a.data.len() as i64,
                    hash,
                    a.kind.as_str(),
                    a.note.trim(),
                    a.data,
                    ctx.now,
                    ctx.actor
                ],
            )?;
            let note = format!("#{n} {} {}", a.kind.as_str(), a.note.trim());
            let mut c = Change::default();
            c.event(Event::changed("attached", "attachment", "", a.name.trim(), note.trim()));
            c.detail(n.to_string());
            Ok(c)
        })
    }

    /// Hazard `code`'s attachments, in order, without their bytes.
    pub fn attachments(&self, code: &str) -> Result<Vec<AttachmentRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.n, a.name, a.size, a.sha256, a.kind, a.note, a.at, a.actor FROM attachments a
             JOIN hazards h ON h.id = a.hazard_id WHERE h.code = ?1 ORDER BY a.n",
        )?;
        let rows = stmt.query_map([code.trim()], |r| {
            Ok(AttachmentRow {
                n: r.get(0)?,
                name: r.get(1)?,
                size: r.get(2)?,
                sha256: r.get(3)?,
                kind: r.get(4)?,
                note: r.get(5)?,
                at: r.get(6)?,
                actor: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Attachment `n` of hazard `code`: its name and bytes.
    pub fn attachment(&self, code: &str, n: i64) -> Result<(String, Vec<u8>), StoreError> {
        self.conn
            .query_row(
                "SELECT a.name, a.data FROM attachments a JOIN hazards h ON h.id = a.hazard_id
                 WHERE h.code = ?1 AND a.n = ?2",
                params![code.trim(), n],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::Unknown { what: "attachment", value: format!("{} #{n}", code.trim()) })
    }

    /// The attachments whose bytes no longer match their SHA-256, as `CODE #N`.
    pub(crate) fn broken_attachments(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT h.code, a.n, a.sha256, a.data FROM attachments a JOIN hazards h ON h.id = a.hazard_id ORDER BY a.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let (code, n, want): (String, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let data = r.get_ref(3)?.as_blob().unwrap_or_default();
            if sha256(data) != want {
                out.push(format!("{code} #{n}"));
            }
        }
        Ok(out)
    }
}
