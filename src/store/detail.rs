//! One hazard whole: enterprise, plan, sign-offs, escalations, notifications, timeline.

use rusqlite::OptionalExtension;
use rusqlite::{Row, params};
use serde::Serialize;

use super::list::{Filter, Page, Sort};
use super::{Store, StoreError};
use crate::domain::Plan;
use crate::store::list::HazardRow;

/// The enterprise behind a hazard, with its contacts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnterpriseInfo {
    pub credit_code: String,
    pub name: String,
    pub sector: String,
    pub high_risk: bool,
    pub village: String,
    pub department: String,
    pub principal: String,
    pub principal_phone: String,
    pub controller: String,
    pub controller_phone: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerificationRow {
    pub round: i64,
    pub role: String,
    pub name: String,
    pub organisation: String,
    pub date: String,
    pub verdict: String,
    pub opinion: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscalationRow {
    pub level: u8,
    pub doc_no: String,
    pub date: String,
    pub actor: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotificationRow {
    pub recipient: String,
    pub channel: String,
    pub date: String,
    pub acknowledged: bool,
    /// Who acknowledged it and on which day, once someone has.
    pub acknowledged_by: String,
    pub acknowledged_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub field: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: String,
}

/// Everything about one hazard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HazardDetail {
    #[serde(flatten)]
    pub row: HazardRow,
    pub description: String,
    pub standard_ref: String,
    pub owner_unit: String,
    pub listed_unit: String,
    pub stopped_production: bool,
    pub created_at: String,
    pub updated_at: String,
    pub closed_at: Option<String>,
    pub enterprise_info: EnterpriseInfo,
    pub plan: Plan,
    pub verifications: Vec<VerificationRow>,
    pub escalations: Vec<EscalationRow>,
    pub notifications: Vec<NotificationRow>,
    /// Listed supervision, the stopped-production order and resumption applications.
    pub supervision: super::supervision::Supervision,
    /// Its evidence, without the bytes.
    pub attachments: Vec<super::attachment::AttachmentRow>,
    pub timeline: Vec<TimelineEvent>,
    /// The staff's names by login, for the timeline in words.
    #[serde(skip)]
    pub names: std::collections::BTreeMap<String, String>,
}

/// The five plan columns read from column `i` on (responsible, measures, funds, deadline, contingency).
pub(crate) fn plan_at(r: &Row, i: usize) -> rusqlite::Result<Plan> {
    Ok(Plan {
        responsible: r.get(i)?,
        measures: r.get(i + 1)?,
        funds: r.get(i + 2)?,
        deadline: r.get(i + 3)?,
        contingency: r.get(i + 4)?,
    })
}

impl EnterpriseInfo {
    /// Reads the eleven columns from `i` on, in field order.
    pub(crate) fn at(r: &Row, i: usize) -> rusqlite::Result<EnterpriseInfo> {
        Ok(EnterpriseInfo {
            credit_code: r.get(i)?,
            name: r.get(i + 1)?,
            sector: r.get(i + 2)?,
            high_risk: r.get(i + 3)?,
            village: r.get(i + 4)?,
            department: r.get(i + 5)?,
            principal: r.get(i + 6)?,
            principal_phone: r.get(i + 7)?,
            controller: r.get(i + 8)?,
            controller_phone: r.get(i + 9)?,
            address: r.get(i + 10)?,
        })
    }
}

impl TimelineEvent {
    /// Reads at, actor, kind, field, from, to and note from column `i` on.
    pub(crate) fn at(r: &Row, i: usize) -> rusqlite::Result<TimelineEvent> {
        Ok(TimelineEvent {
            at: r.get(i)?,
            actor: r.get(i + 1)?,
            kind: r.get(i + 2)?,
            field: r.get(i + 3)?,
            from: r.get(i + 4)?,
            to: r.get(i + 5)?,
            note: r.get(i + 6)?,
        })
    }
}

const EXTRA: &str = "SELECT h.description, h.standard_ref, COALESCE(o.name, ''), h.listed_unit, h.stopped_production,
    h.created_at, h.updated_at, h.closed_at, h.plan_responsible, h.plan_measures, h.plan_funds, h.plan_deadline,
    h.plan_contingency, e.credit_code, e.name, e.sector, e.high_risk, COALESCE(v.name, ''), COALESCE(d.name, ''),
    e.principal, e.principal_phone, e.controller, e.controller_phone, e.address
    FROM hazards h JOIN enterprises e ON e.id = h.enterprise_id LEFT JOIN units o ON o.id = h.owner_unit_id
    LEFT JOIN units v ON v.id = e.village_id LEFT JOIN units d ON d.id = e.department_id WHERE h.id = ?1";

impl Store {
    /// The version the hazard `code` is at now.
    pub fn version_of(&self, code: &str) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT version FROM hazards WHERE code = ?1", [code.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::UnknownHazard(code.to_string()))
    }

    /// The hazard `code` whole.
    pub fn detail(&self, code: &str) -> Result<HazardDetail, StoreError> {
        let filter = Filter { code: Some(code.trim().to_string()), ..Filter::default() };
        let row = self
            .list(&filter, Sort::default(), &Page { after: None, limit: 1 })?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::UnknownHazard(code.to_string()))?;
        let id = row.id;
        let mut d = self.conn.query_row(EXTRA, [id], |r| {
            Ok(HazardDetail {
                row: row.clone(),
                description: r.get(0)?,
                standard_ref: r.get(1)?,
                owner_unit: r.get(2)?,
                listed_unit: r.get(3)?,
                stopped_production: r.get(4)?,
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
                closed_at: r.get(7)?,
                plan: plan_at(r, 8)?,
                enterprise_info: EnterpriseInfo::at(r, 13)?,
                verifications: Vec::new(),
                escalations: Vec::new(),
                notifications: Vec::new(),
                supervision: Default::default(),
                attachments: Vec::new(),
                timeline: Vec::new(),
                names: Default::default(),
            })
        })?;
        self.fill_children(id, &mut d)?;
        Ok(d)
    }

    fn fill_children(&self, id: i64, d: &mut HazardDetail) -> Result<(), StoreError> {
        let mut s = self.conn.prepare_cached(
            "SELECT round, role, name, organisation, date, verdict, opinion FROM verifications WHERE hazard_id = ?1 ORDER BY round, id",
        )?;
        d.verifications = s
            .query_map(params![id], |r| {
                Ok(VerificationRow {
                    round: r.get(0)?,
                    role: r.get(1)?,
                    name: r.get(2)?,
                    organisation: r.get(3)?,
                    date: r.get(4)?,
                    verdict: r.get(5)?,
                    opinion: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut s = self.conn.prepare_cached(
            "SELECT level, doc_no, date, actor, note FROM escalations WHERE hazard_id = ?1 ORDER BY id",
        )?;
        d.escalations = s
            .query_map(params![id], |r| {
                Ok(EscalationRow {
                    level: r.get(0)?,
                    doc_no: r.get(1)?,
                    date: r.get(2)?,
                    actor: r.get(3)?,
                    note: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut s = self.conn.prepare_cached(
            "SELECT n.recipient, n.channel, n.date, n.acknowledged OR a.date IS NOT NULL,
                    COALESCE(a.by_name, ''), COALESCE(a.date, '')
             FROM notifications n LEFT JOIN notification_acks a ON a.notification_id = n.id
             WHERE n.hazard_id = ?1 ORDER BY n.id",
        )?;
        d.notifications = s
            .query_map(params![id], |r| {
                Ok(NotificationRow {
                    recipient: r.get(0)?,
                    channel: r.get(1)?,
                    date: r.get(2)?,
                    acknowledged: r.get(3)?,
                    acknowledged_by: r.get(4)?,
                    acknowledged_on: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        d.supervision = super::supervision::of_hazard(&self.conn, id)?;
        d.attachments = self.attachments(&d.row.code)?;
        let mut s = self.conn.prepare_cached(
            "SELECT at, actor, kind, field, from_value, to_value, note FROM timeline WHERE hazard_id = ?1 ORDER BY id",
        )?;
        d.timeline = s.query_map(params![id], |r| TimelineEvent::at(r, 0))?.collect::<Result<_, _>>()?;
        d.names = self.staff_names()?;
        Ok(())
    }

    /// The staff's names by login, for logs in words.
    pub(crate) fn staff_names(&self) -> Result<std::collections::BTreeMap<String, String>, StoreError> {
        let mut s = self.conn.prepare_cached("SELECT login, name FROM staff WHERE name <> ''")?;
        Ok(s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?)
    }
}
