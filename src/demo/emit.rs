//! Writes one drawn life: the hazard row, then each step as the store's own commands
//! would record it (timeline event, sign-off, notification, escalation document).

use chrono::{Datelike, NaiveDate};
use rusqlite::Transaction;

use super::hazards::Doc;
use super::names::{
    CHANNELS, CODE_PREFIX, CONTINGENCIES, DEPARTMENTS, ESCALATION_NOTES, EXPERT_ORGS, EXTENSION_REASONS, FAIL_OPINIONS,
    FUND_SOURCES, GENERAL_MEASURE, GENERAL_TITLES, GO_LIVE, IMPORT_NOTE, LISTING_UNIT, OFFICE, PASS_OPINIONS,
    PLAN_WORDS, PROGRESS, SOURCE_NOTES, STAFF, START_NOTE, SUBMIT_NOTE,
};
use super::rng::Rng;
use super::sectors::SECTORS;
use super::story::{Kind, Life, Outcome, Setting, Step};
use super::township::{Enterprise, Township, person};
use super::{DemoSummary, escalation};
use crate::domain::{Grade, Plan, Recipient, Source, Status, Verdict, VerifierRole};
use crate::store::StoreError;
use crate::store::write::register::{HazardRecord, insert_hazard, next_code};
use crate::store::write::{
    Event, SignOffInput, append_event, insert_acknowledgement, insert_escalation, insert_notification, insert_sign_off,
    status_event,
};

/// The random stream of the words and times of hazards.
const STREAM: u64 = 3;

/// An officer: login and name.
type Officer = (&'static str, &'static str);

/// Writes lives into one transaction, counting what it writes.
pub struct Emitter<'a> {
    tx: &'a Transaction<'a>,
    set: &'a Setting,
    town: &'a Township,
    docs: std::iter::Peekable<std::vec::IntoIter<Doc>>,
    /// Officers of each department (the committee office's when a department has none).
    officers: Vec<Vec<Officer>>,
    /// Each sector's clause titles, from the catalogue once.
    titles: Vec<Vec<String>>,
    pub summary: DemoSummary,
}

/// The hazard being written.
struct Current<'l> {
    id: i64,
    index: u64,
    life: &'l Life,
    enterprise: &'l Enterprise,
    officer: Officer,
    status: Status,
    round: i64,
    level: u8,
    r: Rng,
    /// Old history imported at go-live: only escalations get their own events.
    imported: bool,
    /// Writes that left an event, and the time of the last.
    writes: i64,
    last_at: String,
}

impl<'a> Emitter<'a> {
    pub fn new(tx: &'a Transaction<'a>, set: &'a Setting, town: &'a Township, docs: Vec<Doc>) -> Emitter<'a> {
        let of = |unit: &str| -> Vec<Officer> {
            STAFF.iter().filter(|s| s.2 == unit && s.3 == crate::domain::Role::Officer).map(|s| (s.0, s.1)).collect()
        };
        let office = of(OFFICE);
        let officers = DEPARTMENTS
            .iter()
            .map(|d| Some(of(d)).filter(|o| !o.is_empty()).unwrap_or_else(|| office.clone()))
            .collect();
        let titles = SECTORS.iter().map(|s| s.clauses.iter().map(|c| c.title()).collect()).collect();
        Emitter { tx, set, town, docs: docs.into_iter().peekable(), officers, titles, summary: DemoSummary::default() }
    }

    /// Writes hazard `index`.
    pub fn hazard(&mut self, index: u64, life: Life) -> Result<(), StoreError> {
        let town = self.town;
        let enterprise = town.enterprises.get(life.enterprise).ok_or_else(|| invalid("enterprise", index))?;
        let mut r = Rng::derive(self.set.seed, STREAM, index);
        let officer = *r.pick(&self.officers[enterprise.department]);
        let stamps = stamps(&mut r, &life.steps);
        let record = self.record(&mut r, &life, enterprise, officer.0, &stamps)?;
        let id = insert_hazard(self.tx, &record)?;
        let imported = !self.set.rich && life.closed_on().is_some_and(|d| d < go_live());
        let mut cur = Current {
            id,
            index,
            life: &life,
            enterprise,
            officer,
            status: Status::Registered,
            round: 1,
            level: 0,
            r,
            imported,
            writes: 0,
            last_at: String::new(),
        };
        for (step, at) in life.steps.iter().zip(&stamps) {
            let before = self.summary.events;
            self.step(&mut cur, step, at)?;
            if self.summary.events > before {
                cur.writes += 1;
                cur.last_at.clone_from(at);
            }
        }
        if imported {
            self.import(&mut cur)?;
        }
        if cur.writes > 1 {
            crate::store::bulk::set_written(self.tx, id, &cur.last_at, cur.writes)?;
        }
        self.summary.hazards += 1;
        self.summary.by_status[Status::ALL.iter().position(|s| *s == life.status).unwrap_or(0)] += 1;
        Ok(())
    }

    /// The hazard row in its final state.
    fn record(
        &mut self,
        r: &mut Rng,
        life: &Life,
        e: &Enterprise,
        assignee: &str,
        stamps: &[String],
    ) -> Result<HazardRecord, StoreError> {
        let sector = &SECTORS[e.sector];
        let (title, standard, measure) = match sector.clauses.get(life.clause) {
            Some(c) if life.grade == Grade::Major => {
                (self.titles[e.sector][life.clause].as_str(), c.reference, c.measure)
            }
            _ => (GENERAL_TITLES[life.clause % GENERAL_TITLES.len()], "", GENERAL_MEASURE),
        };
        let place = r.pick(sector.places);
        let description = match life.source {
            Source::SelfReport => format!("企业自查发现{place}存在此问题并上报"),
            Source::Inspection => format!("督导检查发现{place}存在此问题"),
            Source::PublicReport => format!("群众举报{place}存在安全问题，经现场核查属实"),
        };
        let closed_at = life.steps.iter().zip(stamps).find(|(s, _)| s.closes()).map(|(_, at)| at.clone());
        let open = life.status != Status::Closed;
        Ok(HazardRecord {
            code: next_code(self.tx, CODE_PREFIX, life.found.year())?,
            enterprise_id: e.id,
            village_id: e.village_id,
            title: title.to_string(),
            description,
            grade: life.grade,
            sector: sector.name.to_string(),
            standard_ref: standard.to_string(),
            source: life.source,
            discovered_on: life.found,
            deadline: life.deadline,
            status: life.status,
            plan: plan(r, life, e, measure),
            owner_unit_id: self.town.departments.get(e.department).copied(),
            assignee: Some(assignee.to_string()),
            escalation_level: life.level,
            listed_unit: if life.level >= 3 && r.chance(500) { LISTING_UNIT.to_string() } else { String::new() },
            stopped_production: open && life.grade == Grade::Major && sector.high_risk && r.chance(200),
            round: life.round,
            last_progress_on: life.last_progress,
            created_at: stamps.first().cloned().unwrap_or_default(),
            closed_at,
        })
    }

    fn event(&mut self, cur: &Current, at: &str, actor: &str, e: &Event) -> Result<(), StoreError> {
        if cur.imported && e.kind != "escalated" {
            return Ok(());
        }
        append_event(self.tx, cur.id, at, actor, e)?;
        self.summary.events += 1;
        Ok(())
    }

    fn status(&mut self, cur: &mut Current, at: &str, to: Status, note: &str) -> Result<(), StoreError> {
        let e = status_event(cur.status, to, note);
        cur.status = to;
        self.event(cur, at, cur.officer.0, &e)
    }

    /// Most notices are acknowledged by the one told, a few days later.
    fn acknowledge(
        &mut self,
        cur: &mut Current,
        id: i64,
        to: Recipient,
        on: NaiveDate,
        at: &str,
    ) -> Result<(), StoreError> {
        let day = cur.r.days_after(on, 0, 5);
        if day > self.set.today || !cur.r.chance(800) {
            return Ok(());
        }
        let e = cur.enterprise;
        let by = if to == Recipient::Principal { &e.principal } else { &e.controller };
        insert_acknowledgement(self.tx, id, by, day, at, cur.officer.0)?;
        Ok(())
    }

    fn step(&mut self, cur: &mut Current, step: &Step, at: &str) -> Result<(), StoreError> {
        let actor = cur.officer.0;
        match step.kind {
            Kind::Registered => {
                let note = SOURCE_NOTES[Source::ALL.iter().position(|s| *s == cur.life.source).unwrap_or(0)];
                self.event(cur, at, actor, &Event::changed("registered", "status", "", "registered", note))
            }
            Kind::Notified(to) => {
                let channel = *cur.r.pick(&CHANNELS);
                let id = insert_notification(self.tx, cur.id, to, channel, step.on, actor)?;
                self.summary.notifications += 1;
                self.acknowledge(cur, id, to, step.on, at)?;
                if !self.set.rich {
                    return Ok(());
                }
                self.event(cur, at, actor, &Event::changed("notified", "recipient", "", to.as_str(), channel))
            }
            Kind::Plan { parts, starts } => {
                if !starts || self.set.rich {
                    let note = format!("五落实：已明确{}", PLAN_WORDS[..usize::from(parts).min(5)].join("、"));
                    self.event(cur, at, actor, &Event::note("plan", &note))?;
                }
                if starts { self.status(cur, at, Status::Rectifying, START_NOTE) } else { Ok(()) }
            }
            Kind::Progress => {
                let note = *cur.r.pick(&PROGRESS);
                self.event(cur, at, actor, &Event::note("progress", note))
            }
            Kind::Extended { from, to } => {
                let reason = *cur.r.pick(&EXTENSION_REASONS);
                let e = Event::changed("extended", "deadline", from.to_string(), to.to_string(), reason);
                self.event(cur, at, actor, &e)
            }
            Kind::Submitted => self.status(cur, at, Status::Verifying, SUBMIT_NOTE),
            Kind::SignOff { role, pass, outcome } => self.sign_off(cur, step.on, at, (role, pass, outcome)),
            Kind::Escalated(level) => self.escalate(cur, step.on, at, level),
        }
    }

    /// The one event of imported history: the hazard arrives closed, at go-live.
    fn import(&mut self, cur: &mut Current) -> Result<(), StoreError> {
        let second = cur.r.range(9 * 3600, 11 * 3600);
        let at = format!("{} {:02}:{:02}:{:02}", go_live(), second / 3600, second / 60 % 60, second % 60);
        let e = Event::changed("imported", "status", "", Status::Closed.as_str(), IMPORT_NOTE);
        append_event(self.tx, cur.id, &at, &self.set.admin, &e)?;
        self.summary.events += 1;
        cur.writes += 1;
        cur.last_at = at;
        Ok(())
    }

    fn sign_off(
        &mut self,
        cur: &mut Current,
        on: NaiveDate,
        at: &str,
        (role, pass, outcome): (VerifierRole, bool, Outcome),
    ) -> Result<(), StoreError> {
        let (name, organisation) = match role {
            VerifierRole::Regulator => (cur.officer.1.to_string(), unit_of(cur.officer.0).to_string()),
            VerifierRole::Expert => (person(&mut cur.r), cur.r.pick(&EXPERT_ORGS).to_string()),
            // the hazard's own enterprise
            VerifierRole::Enterprise => (cur.enterprise.principal.clone(), String::new()),
        };
        let verdict = if pass { Verdict::Pass } else { Verdict::Fail };
        let opinion = cur.r.pick(if pass { &PASS_OPINIONS[..] } else { &FAIL_OPINIONS[..] }).to_string();
        let input = SignOffInput { role, name, organisation, verdict, opinion, date: Some(on) };
        insert_sign_off(self.tx, cur.id, cur.round, &input, on, cur.officer.0)?;
        self.summary.sign_offs += 1;
        if self.set.rich {
            let what = format!("{role} {verdict} {}", input.name);
            self.event(cur, at, cur.officer.0, &Event::changed("verified", "verdict", "", what, &input.opinion))?;
        }
        match outcome {
            Outcome::Pending => Ok(()),
            Outcome::Closed => self.status(cur, at, Status::Closed, &input.opinion),
            Outcome::Failed => {
                cur.round += 1;
                self.status(cur, at, Status::Rectifying, &input.opinion)
            }
        }
    }

    fn escalate(&mut self, cur: &mut Current, on: NaiveDate, at: &str, level: u8) -> Result<(), StoreError> {
        let number = match self.docs.next_if(|d| d.hazard == cur.index && d.level == level) {
            Some(doc) => doc.number,
            None => return Err(invalid("escalation", cur.index)),
        };
        let office = self.officers.get(DEPARTMENTS.iter().position(|d| *d == OFFICE).unwrap_or(0));
        let actor = office.map(|o| cur.r.pick(o).0).unwrap_or(cur.officer.0);
        let note = ESCALATION_NOTES[usize::from(level.clamp(1, 4)) - 1];
        insert_escalation(self.tx, cur.id, escalation(level)?, &number, on, actor, note)?;
        self.summary.escalations += 1;
        let from = cur.level.to_string();
        cur.level = level;
        let e = Event::changed("escalated", "escalation_level", from, level.to_string(), &format!("{number} {note}"));
        self.event(cur, at, actor, &e)
    }
}

/// The five-part plan, as far as the life filled it.
fn plan(r: &mut Rng, life: &Life, e: &Enterprise, measure: &str) -> Plan {
    let parts = [
        format!("{}（主要负责人）", e.principal),
        measure.to_string(),
        format!("{}万元（{}）", r.range(1, 60), r.pick(&FUND_SOURCES)),
        life.deadline.to_string(),
        r.pick(&CONTINGENCIES).to_string(),
    ];
    let mut filled =
        parts.into_iter().enumerate().map(|(i, p)| if i < usize::from(life.plan_parts) { p } else { String::new() });
    let mut next = || filled.next().unwrap_or_default();
    Plan { responsible: next(), measures: next(), funds: next(), deadline: next(), contingency: next() }
}

pub(crate) fn go_live() -> NaiveDate {
    NaiveDate::from_ymd_opt(GO_LIVE.0, GO_LIVE.1, GO_LIVE.2).unwrap_or_default()
}

/// The department of a demo staff login.
fn unit_of(login: &str) -> &'static str {
    STAFF.iter().find(|s| s.0 == login).map(|s| s.2).unwrap_or(OFFICE)
}

/// Time stamps for the steps: office hours, later steps of a day later in the day.
fn stamps(r: &mut Rng, steps: &[Step]) -> Vec<String> {
    let mut out = Vec::with_capacity(steps.len());
    let mut last: Option<(NaiveDate, i64)> = None;
    for s in steps {
        let second = match last {
            Some((day, t)) if day == s.on => (t + r.range(240, 3000)).min(86_399),
            _ => r.range(8 * 3600, 11 * 3600 + 1800),
        };
        out.push(format!("{} {:02}:{:02}:{:02}", s.on, second / 3600, second / 60 % 60, second % 60));
        last = Some((s.on, second));
    }
    out
}

fn invalid(what: &'static str, index: u64) -> StoreError {
    StoreError::Invalid { field: what, value: index.to_string(), why: "demo".into() }
}
