//! One hazard's life as dates and decisions, drawn from its own random stream:
//! found, notified, planned, rectified, signed off (sometimes failed), escalated
//! when late, cut off at today. No SQL and no text.

use chrono::{Duration, NaiveDate};

use super::names::GENERAL_TITLES;
use super::rng::Rng;
use super::sectors::SECTORS;
use crate::domain::{Grade, Recipient, Source, Status, VerifierRole};

/// The random stream of hazard lives.
const STREAM: u64 = 2;

/// What a sign-off did to its round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pending,
    Closed,
    Failed,
}

/// One write in the hazard's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Registered,
    Notified(Recipient),
    /// `parts` of the five-part plan filled; `starts` moves it to rectifying.
    Plan {
        parts: u8,
        starts: bool,
    },
    Progress,
    Extended {
        from: NaiveDate,
        to: NaiveDate,
    },
    Submitted,
    SignOff {
        role: VerifierRole,
        pass: bool,
        outcome: Outcome,
    },
    Escalated(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub on: NaiveDate,
    pub kind: Kind,
}

/// A hazard's life up to today, and the state it leaves.
#[derive(Debug, Clone)]
pub struct Life {
    pub enterprise: usize,
    pub grade: Grade,
    pub source: Source,
    /// Index into the sector's clauses (major) or `GENERAL_TITLES` (general).
    pub clause: usize,
    pub found: NaiveDate,
    pub deadline: NaiveDate,
    pub steps: Vec<Step>,
    pub status: Status,
    pub round: i64,
    pub level: u8,
    pub plan_parts: u8,
    pub last_progress: NaiveDate,
}

/// What every life is drawn against.
#[derive(Debug, Clone)]
pub struct Setting {
    pub seed: u64,
    pub today: NaiveDate,
    /// Days overdue that call for each escalation level.
    pub overdue_days: [i64; 4],
    /// Progress notes and an event per notification and sign-off (small demos); bulk
    /// runs record those as rows only.
    pub rich: bool,
    /// The sector of each enterprise.
    pub sectors: Vec<usize>,
    /// The admin, who imports old history in big demos.
    pub admin: String,
}

/// How a hazard's rectification goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pace {
    OnTime,
    Late,
    /// Never gets past: the plan, the submission, the last sign-off.
    StuckAtPlan,
    StuckAtSubmit,
    StuckAtSignOff,
}

/// Draws hazard `index`, found on `found`.
pub fn draw(set: &Setting, index: u64, found: NaiveDate) -> Life {
    let mut r = Rng::derive(set.seed, STREAM, index);
    let enterprise = r.below(set.sectors.len() as u64) as usize;
    let major = r.chance(850);
    let source = Source::ALL[r.weighted(&[45, 40, 15])];
    let clauses = match set.sectors.get(enterprise) {
        Some(s) if major => SECTORS[*s].clauses.len(),
        _ => GENERAL_TITLES.len(),
    };
    let clause = r.below(clauses as u64) as usize;
    let days = if major { *r.pick(&[30, 45, 60, 90, 90, 120, 180]) } else { *r.pick(&[15, 30, 30, 45]) };
    let deadline = found + Duration::days(days);
    let mut b = Builder { r, set, found, deadline, steps: Vec::with_capacity(12) };
    b.story(major);
    let mut life = Life {
        enterprise,
        grade: if major { Grade::Major } else { Grade::General },
        source,
        clause,
        found,
        deadline,
        steps: b.steps,
        status: Status::Registered,
        round: 1,
        level: 0,
        plan_parts: 0,
        last_progress: found,
    };
    life.settle(set.today);
    life
}

struct Builder<'a> {
    r: Rng,
    set: &'a Setting,
    found: NaiveDate,
    /// The deadline in force (after any extension).
    deadline: NaiveDate,
    steps: Vec<Step>,
}

impl Builder<'_> {
    fn push(&mut self, on: NaiveDate, kind: Kind) {
        self.steps.push(Step { on, kind });
    }

    fn after(&mut self, from: NaiveDate, lo: i64, hi: i64) -> NaiveDate {
        self.r.days_after(from, lo, hi)
    }

    fn story(&mut self, major: bool) {
        self.push(self.found, Kind::Registered);
        if major {
            let on = self.after(self.found, 0, 2);
            self.push(on, Kind::Notified(Recipient::Principal));
            let on = self.after(self.found, 0, 3);
            self.push(on, Kind::Notified(Recipient::Controller));
        }
        // simple general hazards are fixed on time or a little late, never stuck
        let stuck = if major { [18, 30, 12] } else { [0, 0, 0] };
        let pace = match self.r.weighted(&[860, 80, stuck[0], stuck[1], stuck[2]]) {
            0 => Pace::OnTime,
            1 => Pace::Late,
            2 if major => Pace::StuckAtPlan,
            2 | 3 => Pace::StuckAtSubmit,
            _ => Pace::StuckAtSignOff,
        };
        if pace == Pace::StuckAtPlan {
            let on = self.after(self.found, 1, 10);
            let parts = self.r.range(1, 4) as u8;
            self.push(on, Kind::Plan { parts, starts: false });
            return self.escalate(None);
        }
        let planned = self.after(self.found, if major { 1 } else { 0 }, if major { 7 } else { 3 });
        self.push(planned, Kind::Plan { parts: if major { 5 } else { 3 }, starts: true });
        if pace == Pace::Late && self.r.chance(400) {
            self.extend(planned);
        }
        let submit = self.submission(pace, planned);
        self.progress(planned, submit, pace);
        let end = match pace {
            Pace::StuckAtSubmit => None,
            _ => self.rounds(submit, pace == Pace::StuckAtSignOff),
        };
        self.escalate(end);
    }

    /// A deadline extension granted shortly before the deadline.
    fn extend(&mut self, planned: NaiveDate) {
        let on = self.after(self.deadline, -10, -1).max(planned);
        let to = self.deadline + Duration::days(*self.r.pick(&[30, 60, 90]));
        self.push(on, Kind::Extended { from: self.deadline, to });
        self.deadline = to;
    }

    /// The day rectification is reported done (far future for a hazard stuck before it).
    fn submission(&mut self, pace: Pace, planned: NaiveDate) -> NaiveDate {
        let span = (self.deadline - planned).num_days().max(1);
        let on = match pace {
            Pace::Late => self.after(self.deadline, 5, 120),
            Pace::StuckAtSubmit => NaiveDate::MAX,
            _ => planned + Duration::days(span * self.r.range(300, 850) / 1000),
        };
        on.max(planned + Duration::days(1))
    }

    /// Progress notes every few weeks between the plan and the submission; late
    /// hazards go quiet.
    fn progress(&mut self, planned: NaiveDate, submit: NaiveDate, pace: Pace) {
        if !self.set.rich {
            return;
        }
        let until = if pace == Pace::OnTime { submit } else { submit.min(planned + Duration::days(40)) };
        let mut on = planned;
        for _ in 0..3 {
            on = self.after(on, 12, 35);
            if on >= until {
                break;
            }
            self.push(on, Kind::Progress);
        }
    }

    /// Sign-off rounds from `submit`: sometimes a fail and a second round. Returns
    /// the day the hazard closes, or `None` when the last sign-off never comes.
    fn rounds(&mut self, submit: NaiveDate, stuck: bool) -> Option<NaiveDate> {
        let mut on = submit;
        self.push(on, Kind::Submitted);
        if !stuck && self.r.chance(120) {
            let roles = self.roles();
            let failing = self.r.below(3) as usize;
            on = self.after(on, 1, 7);
            for (i, role) in roles.iter().enumerate().take(failing + 1) {
                self.push(on, sign_off(*role, i < failing));
            }
            on = self.after(on, 7, 30);
            self.push(on, Kind::Submitted);
        }
        let signing = if stuck { self.r.range(1, 2) as usize } else { 3 };
        on = self.after(on, 1, 7);
        for (i, role) in self.roles().into_iter().take(signing).enumerate() {
            // on site the three usually sign together; sometimes one comes later
            if i > 0 && self.r.chance(300) {
                on = self.after(on, 1, 5);
            }
            self.push(on, sign_off(role, true));
        }
        (!stuck).then_some(on)
    }

    /// The three roles in a random order.
    fn roles(&mut self) -> [VerifierRole; 3] {
        let mut roles = [VerifierRole::Regulator, VerifierRole::Expert, VerifierRole::Enterprise];
        for i in (1..roles.len()).rev() {
            roles.swap(i, self.r.below(i as u64 + 1) as usize);
        }
        roles
    }

    /// Escalation once overdue, level by level, while open; some officers stop short.
    fn escalate(&mut self, closed: Option<NaiveDate>) {
        let top = self.r.weighted(&[40, 120, 200, 190, 450]);
        let mut previous: Option<NaiveDate> = None;
        for (level, days) in self.set.overdue_days.into_iter().enumerate().take(top) {
            let lag = self.r.range(0, if level == 0 { 4 } else { 7 });
            let mut on = self.deadline + Duration::days(days + lag);
            if let Some(p) = previous {
                on = on.max(p + Duration::days(1));
            }
            if closed.is_some_and(|c| on >= c) || on > self.set.today {
                return;
            }
            self.push(on, Kind::Escalated(level as u8 + 1));
            previous = Some(on);
        }
    }
}

fn sign_off(role: VerifierRole, pass: bool) -> Kind {
    Kind::SignOff { role, pass, outcome: Outcome::Pending }
}

impl Step {
    /// This sign-off closed the hazard.
    pub fn closes(&self) -> bool {
        matches!(self.kind, Kind::SignOff { outcome: Outcome::Closed, .. })
    }
}

impl Life {
    /// The day the hazard was closed, if it is.
    pub fn closed_on(&self) -> Option<NaiveDate> {
        self.steps.iter().find(|s| s.closes()).map(|s| s.on)
    }

    /// Orders the steps, drops those after today, and works out the state they leave.
    fn settle(&mut self, today: NaiveDate) {
        self.steps.sort_by_key(|s| s.on);
        self.steps.retain(|s| s.on <= today);
        let mut passed = 0u8;
        for step in &mut self.steps {
            match &mut step.kind {
                Kind::Registered | Kind::Notified(_) => {}
                Kind::Plan { parts, starts } => {
                    self.plan_parts = *parts;
                    self.last_progress = step.on;
                    if *starts {
                        self.status = Status::Rectifying;
                    }
                }
                Kind::Progress => self.last_progress = step.on,
                Kind::Extended { to, .. } => self.deadline = *to,
                Kind::Submitted => {
                    self.status = Status::Verifying;
                    self.last_progress = step.on;
                    passed = 0;
                }
                Kind::SignOff { role, pass, outcome } => {
                    self.last_progress = step.on;
                    *outcome = if *pass {
                        passed |= 1 << VerifierRole::ALL.iter().position(|r| r == role).unwrap_or(0);
                        if passed == 0b111 { Outcome::Closed } else { Outcome::Pending }
                    } else {
                        Outcome::Failed
                    };
                    match outcome {
                        Outcome::Closed => self.status = Status::Closed,
                        Outcome::Failed => {
                            self.status = Status::Rectifying;
                            self.round += 1;
                        }
                        Outcome::Pending => {}
                    }
                }
                Kind::Escalated(level) => self.level = *level,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(rich: bool) -> Setting {
        Setting {
            seed: 42,
            today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            overdue_days: [1, 15, 30, 60],
            rich,
            sectors: (0..SECTORS.len()).collect(),
            admin: "admin".into(),
        }
    }

    /// Every life keeps the rules the store's commands keep.
    #[test]
    fn lives_follow_the_hazard_rules() {
        for rich in [true, false] {
            let set = setting(rich);
            for index in 0..5000 {
                let found = set.today - Duration::days((index * 7 % 1400) as i64);
                let life = draw(&set, index, found);
                assert!(life.steps.windows(2).all(|w| w[0].on <= w[1].on));
                assert!(life.steps.iter().all(|s| s.on <= set.today && s.on >= found));
                assert_eq!(life.steps[0].kind, Kind::Registered);
                let levels: Vec<u8> = life
                    .steps
                    .iter()
                    .filter_map(|s| if let Kind::Escalated(l) = s.kind { Some(l) } else { None })
                    .collect();
                assert!(levels.iter().enumerate().all(|(i, l)| usize::from(*l) == i + 1), "{levels:?}");
                assert_eq!(life.level, levels.last().copied().unwrap_or(0));
                assert_eq!(life.status == Status::Closed, life.closed_on().is_some());
                if life.status != Status::Registered && life.grade == Grade::Major {
                    assert_eq!(life.plan_parts, 5);
                }
                if let Some(closed) = life.closed_on() {
                    assert!(life.steps.iter().all(|s| !matches!(s.kind, Kind::Escalated(_)) || s.on < closed));
                }
            }
        }
    }

    #[test]
    fn failed_rounds_go_back_to_rectifying() {
        let set = setting(true);
        let failed = (0..3000)
            .map(|i| draw(&set, i, set.today - Duration::days(400)))
            .find(|l| l.round == 2 && l.status == Status::Closed)
            .unwrap();
        let fails = failed.steps.iter().filter(|s| matches!(s.kind, Kind::SignOff { pass: false, .. })).count();
        assert_eq!(fails, 1);
        let passes = failed.steps.iter().rev().take_while(|s| !matches!(s.kind, Kind::Submitted)).count();
        assert!(passes >= 3);
    }
}
