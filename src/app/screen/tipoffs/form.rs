//! The tip-offs screen's forms: the filter, registering a tip-off, and each step on the
//! one shown or selected (assign, not verified, reward, reporter told) at the version
//! read; verifying it opens the registration of its hazard.

use crate::app::form::{at, names};
use crate::app::{AppState, Effect, Field, Form, FormKind, Modal, workflow};
use crate::domain::Role;
use crate::domain::permission::Write;
use crate::domain::tipoff::{Channel, TipoffState};
use crate::model::{NewTipoff, TipoffFilter, TipoffLink, TipoffWrite};
use crate::protocol::{DbRequest, Target};
use crate::workflow::{Choice, Date, Refusal, Text};

/// Which tip-off form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Filter,
    Add,
    Assign,
    Reject,
    Reward,
    Tell,
}

impl Step {
    /// The catalogue key of its title.
    pub fn title(self) -> &'static str {
        match self {
            Step::Filter => "key.filter",
            Step::Add => "key.tipoff_add",
            Step::Assign => "key.tipoff_assign",
            Step::Reject => "key.tipoff_reject",
            Step::Reward => "key.tipoff_reward",
            Step::Tell => "key.tipoff_tell",
        }
    }
}

const CHANNEL: Choice<Channel> =
    Choice { label: "tipoff.form.channel", group: "channel", id: Channel::as_str, parse: Channel::parse };
const RECEIVED: Date = Date("field.received_on");
const REPORTER: Text = Text("field.reporter");
const CONTACT: Text = Text("field.contact");
const ENTERPRISE: Text = Text("tipoff.form.enterprise");
const ABOUT: Text = Text("field.about");
const CONTENT: Text = Text("field.content");
const ASSIGNEE: Text = Text("field.assignee");
const NOTE: Text = Text("field.note");
const DATE: Date = Date("field.date");
const REASON: Text = Text("field.reason");
const AMOUNT: Text = Text("tipoff.form.amount");
const APPROVED_BY: Text = Text("field.approved_by");
const HOW: Text = Text("tipoff.form.how");
const STATE: &str = "field.state";
const LATE: &str = "tipoff.late";
const REWARDED: &str = "tipoff.rewarded_only";
/// The filter's choice of those still to verify.
const OPEN: &str = "open";

fn open(s: &mut AppState, step: Step, targets: Vec<Target>, fields: Vec<Field>) {
    s.modal = Some(Modal::Form(Form::new(FormKind::Tipoff(step), targets, fields)));
}

/// `f`: the filter, as the list is filtered now.
pub fn filter(s: &mut AppState) {
    let f = &s.tipoffs.filter;
    let words = TipoffState::ALL.iter().map(|x| (x.as_str().into(), s.lang.word("tipoff_state", x.as_str()).into()));
    let still = (OPEN.to_string(), s.lang.t("tipoff.open").to_string());
    let states = names(s, std::iter::once(still).chain(words));
    let chosen = if f.open { OPEN } else { f.state.map_or("", |x| x.as_str()) };
    let yes = vec![(String::new(), s.lang.t("tui.any").to_string()), ("1".into(), s.lang.t("yes").to_string())];
    let fields = vec![
        Field::choice(STATE, states.clone(), at(&states, chosen)),
        Field::choice(LATE, yes.clone(), usize::from(f.late)),
        Field::choice(REWARDED, yes, usize::from(f.rewarded)),
    ];
    open(s, Step::Filter, Vec::new(), fields);
}

/// `a`: a new tip-off (an admin or officer).
pub fn add(s: &mut AppState) {
    if workflow::refused(s, Write::Tipoff) {
        return;
    }
    let fields = vec![
        RECEIVED.field(s.today),
        CHANNEL.field(s.lang, Channel::ALL),
        ENTERPRISE.field(""),
        ABOUT.field(""),
        CONTENT.field(""),
        REPORTER.field(""),
        CONTACT.field(""),
    ];
    open(s, Step::Add, Vec::new(), fields);
}

/// The tip-off shown or selected, at its version, if a step may be taken on it.
fn target(s: &mut AppState) -> Option<Target> {
    if workflow::refused(s, Write::Tipoff) {
        return None;
    }
    let found = s.tipoffs.current().map(|r| Target { code: r.code.clone(), version: r.version });
    if found.is_none() {
        s.say(s.lang.t("tui.no_selection"), true);
    }
    found
}

/// `s`: assign its verification to a staff member.
pub fn assign(s: &mut AppState) {
    let Some(t) = target(s) else { return };
    let staff: Vec<(String, String)> = s
        .staff
        .iter()
        .filter(|m| m.role != Role::Viewer)
        .map(|m| (m.login.clone(), format!("{} {}", m.name, m.login)))
        .collect();
    let now = s.tipoffs.current().and_then(|r| r.assignee.clone()).unwrap_or_default();
    let fields = vec![Field::choice(ASSIGNEE.0, staff.clone(), at(&staff, &now)), NOTE.field("")];
    open(s, Step::Assign, vec![t], fields);
}

/// `x`: not verified, with why.
pub fn reject(s: &mut AppState) {
    let Some(t) = target(s) else { return };
    open(s, Step::Reject, vec![t], vec![DATE.field(s.today), REASON.field("")]);
}

/// `r`: the reward of a verified tip-off.
pub fn reward(s: &mut AppState) {
    let Some(t) = target(s) else { return };
    open(s, Step::Reward, vec![t], vec![AMOUNT.field(""), APPROVED_BY.field(""), DATE.field(s.today)]);
}

/// `t`: the reporter told of the outcome.
pub fn tell(s: &mut AppState) {
    let Some(t) = target(s) else { return };
    open(s, Step::Tell, vec![t], vec![HOW.field(""), DATE.field(s.today)]);
}

/// `v`: verified: the registration of its hazard, of its enterprise when the ledger has it.
pub fn verify(s: &mut AppState) -> Vec<Effect> {
    let Some(t) = target(s) else { return Vec::new() };
    let Some(row) = s.tipoffs.current().cloned() else { return Vec::new() };
    let link = TipoffLink { code: t.code, version: Some(t.version) };
    let enterprise = row.credit_code.map(|code| (code, row.enterprise, row.sector));
    crate::app::register::for_tipoff(s, link, enterprise)
}

/// Enter in a tip-off form: the step sent (the filter applied), or what must be filled.
pub fn submit(s: &mut AppState, step: Step, f: &Form) -> Result<Vec<Effect>, Refusal> {
    let fields = &f.fields;
    let target = f.targets.first().cloned();
    let (code, version) = target.map(|t| (t.code, t.version)).unwrap_or_default();
    let write = match step {
        Step::Filter => {
            let state = TipoffState::parse(f.get(STATE));
            let filter = TipoffFilter {
                state,
                open: f.get(STATE) == OPEN,
                late: f.get(LATE) == "1",
                rewarded: f.get(REWARDED) == "1",
                received: None,
            };
            return Ok(super::filtered(s, filter));
        }
        Step::Add => {
            let reporter = REPORTER.read(fields);
            TipoffWrite::Add(NewTipoff {
                received_on: RECEIVED.given(fields)?,
                channel: CHANNEL.required(fields)?,
                reporter: (!reporter.is_empty()).then(|| (reporter, CONTACT.read(fields))),
                enterprise: ENTERPRISE.read(fields),
                about: ABOUT.read(fields),
                content: CONTENT.required(fields)?,
            })
        }
        Step::Assign => {
            TipoffWrite::Assign { code, version, to: f.get(ASSIGNEE.0).to_string(), note: NOTE.read(fields) }
        }
        Step::Reject => {
            TipoffWrite::Reject { code, version, on: DATE.given(fields)?, reason: REASON.required(fields)? }
        }
        Step::Reward => TipoffWrite::Reward {
            code,
            version,
            // not a whole number: the store says what the amount must be
            yuan: AMOUNT.required(fields)?.parse().unwrap_or(0),
            approved_by: APPROVED_BY.required(fields)?,
            paid_on: DATE.given(fields)?,
        },
        Step::Tell => TipoffWrite::Tell { code, version, on: DATE.given(fields)?, channel: HOW.required(fields)? },
    };
    s.say(s.lang.t("tui.saving"), false);
    let write = Box::new(write);
    Ok(vec![s.send(Some(f.clone()), |id| DbRequest::Tipoff { id, write })])
}
