//! The meeting itself: date, place, chair and attendees, and marking it held, after which
//! its record is frozen.

use chrono::NaiveDate;
use rusqlite::params;

use super::{Locate, Saved, Target, append, bump, require_not_held};
use crate::domain::quarter::Quarter;
use crate::store::write::Event;
use crate::store::{Store, StoreError};

/// The meeting's particulars; `None` leaves a part as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    pub held_on: Option<NaiveDate>,
    pub place: Option<String>,
    pub chair: Option<String>,
    /// Names separated by 、 or commas, as the office writes them.
    pub attendees: Option<String>,
}

impl Meeting {
    /// The parts given, as (column, value).
    fn parts(&self) -> Vec<(&'static str, String)> {
        let text = |s: &Option<String>| s.as_deref().map(|v| v.trim().to_string());
        [
            ("held_on", self.held_on.map(|d| d.to_string())),
            ("place", text(&self.place)),
            ("chair", text(&self.chair)),
            ("attendees", text(&self.attendees)),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }
}

impl Store {
    /// Records the meeting's date, place, chair and attendees (before it is held).
    pub fn meeting(&mut self, quarter: Quarter, version: Option<i64>, m: &Meeting) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Quarter(quarter), |ctx, h| {
            require_not_held(h)?;
            let v = bump(ctx, h, version)?;
            for (column, value) in m.parts() {
                let old: Option<String> =
                    ctx.tx.query_row(&format!("SELECT {column} FROM consultations WHERE id = ?1"), [h.id], |r| {
                        r.get(0)
                    })?;
                let old = old.unwrap_or_default();
                if old != value {
                    ctx.tx.execute(
                        &format!("UPDATE consultations SET {column} = ?1 WHERE id = ?2"),
                        params![value, h.id],
                    )?;
                    append(ctx, h, None, None, &Event::changed("meeting", column, old, value, ""))?;
                }
            }
            Ok(Saved { quarter: h.quarter, target: Target::Consultation, version: v })
        })
    }

    /// Marks the meeting held: it needs its date (not in the future) and its chair.
    /// From then on the record is frozen; decisions change only as corrections.
    pub fn mark_held(&mut self, quarter: Quarter, version: Option<i64>) -> Result<Saved, StoreError> {
        self.consult_write(Locate::Quarter(quarter), |ctx, h| {
            require_not_held(h)?;
            let (held_on, chair): (Option<String>, String) =
                ctx.tx.query_row("SELECT held_on, chair FROM consultations WHERE id = ?1", [h.id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            let Some(held_on) = held_on else {
                return Err(StoreError::Invalid { field: "date", value: String::new(), why: "required".into() });
            };
            if held_on > ctx.today.to_string() {
                return Err(StoreError::Invalid { field: "date", value: held_on, why: "future".into() });
            }
            if chair.trim().is_empty() {
                return Err(StoreError::Invalid { field: "chair", value: String::new(), why: "required".into() });
            }
            let v = bump(ctx, h, version)?;
            ctx.tx.execute("UPDATE consultations SET held = 1 WHERE id = ?1", [h.id])?;
            append(ctx, h, None, None, &Event::changed("held", "held", "0", "1", &held_on))?;
            Ok(Saved { quarter: h.quarter, target: Target::Consultation, version: v })
        })
    }
}
