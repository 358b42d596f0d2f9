//! Telling the enterprise's principal and actual controller of a major hazard (告知, plan
//! item 5), and their acknowledging it later.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};

use super::{Change, Done, Event, required_text, step_day};
use crate::domain::permission::Write;
use crate::domain::{Recipient, limits, parse_date};
use crate::store::{Store, StoreError};

impl Store {
    /// Records that the principal or the controller was notified.
    pub fn notify(
        &mut self,
        code: &str,
        version: Option<i64>,
        to: Recipient,
        channel: &str,
        date: Option<NaiveDate>,
    ) -> Result<Done, StoreError> {
        required_text("channel", channel, limits::NAME)?;
        self.write_hazard(Write::Notify, code, version, |ctx, h| {
            let date = step_day("date", date, ctx, h.discovered_on)?;
            insert_notification(ctx.tx, h.id, to, channel, date, ctx.actor)?;
            let mut c = Change::default();
            c.event(Event::changed("notified", "recipient", "", to.as_str(), channel.trim()));
            Ok(c)
        })
    }

    /// Records who acknowledged the latest unacknowledged notification to `to`, and when.
    pub fn acknowledge(
        &mut self,
        code: &str,
        version: Option<i64>,
        to: Recipient,
        by: &str,
        date: Option<NaiveDate>,
    ) -> Result<Done, StoreError> {
        required_text("acknowledged_by", by, limits::NAME)?;
        self.write_hazard(Write::Notify, code, version, |ctx, h| {
            let open: Option<(i64, String)> = ctx
                .tx
                .query_row(
                    "SELECT n.id, n.date FROM notifications n WHERE n.hazard_id = ?1 AND n.recipient = ?2
                     AND n.acknowledged = 0 AND NOT EXISTS (SELECT 1 FROM notification_acks a WHERE a.notification_id = n.id)
                     ORDER BY n.id DESC LIMIT 1",
                    params![h.id, to.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((id, told)) = open else {
                return Err(super::invalid("recipient", "not_notified"));
            };
            let date = step_day("date", date, ctx, parse_date(&told).unwrap_or(h.discovered_on))?;
            insert_acknowledgement(ctx.tx, id, by, date, ctx.now, ctx.actor)?;
            let mut c = Change::default();
            c.event(Event::changed("acknowledged", "recipient", "", to.as_str(), &format!("{} {date}", by.trim())));
            Ok(c)
        })
    }
}

/// Records that the principal or the controller was notified.
pub(crate) fn insert_notification(
    tx: &Transaction,
    hazard_id: i64,
    to: Recipient,
    channel: &str,
    date: NaiveDate,
    actor: &str,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO notifications (hazard_id, recipient, channel, date, actor) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![hazard_id, to.as_str(), channel.trim(), date.to_string(), actor])?;
    Ok(tx.last_insert_rowid())
}

/// Records who acknowledged notification `id`, and when.
pub(crate) fn insert_acknowledgement(
    tx: &Transaction,
    id: i64,
    by: &str,
    date: NaiveDate,
    at: &str,
    actor: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO notification_acks (notification_id, by_name, date, at, actor) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, by.trim(), date.to_string(), at, actor])?;
    Ok(())
}
