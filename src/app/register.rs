//! Registering a hazard in the full screen (`c` on a list or the detail): the enterprise
//! picked by name or credit code (or a new one added on the spot), then its clause of the
//! judgment-standard catalogue (its sector's first), then a form with the rest — title,
//! grade, source, the day found, the deadline and a description. The write is the same
//! `register` as `anwei new`.

use chrono::Duration;

use super::form::{Form, FormKind};
use super::modal::{Modal, Picker, PickerKind};
use super::{AppState, Effect, workflow};
use crate::domain::permission::Write;
use crate::domain::standards;
use crate::domain::{Grade, Source};
use crate::model::{NewHazard, TipoffLink};
use crate::protocol::{DbRequest, Query, Slot};
use crate::workflow::{Choice, Date, Refusal, Text};

/// An enterprise to pick: credit code, name, sector.
pub type EnterpriseChoice = (String, String, String);

/// What is chosen before the form: the enterprise and the clause.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub credit_code: String,
    pub enterprise: String,
    pub sector: String,
    /// The clause's reference ("" for none yet).
    pub clause: String,
    /// The inspection that found it (just recorded for this enterprise).
    pub inspection: Option<i64>,
    /// The tip-off it verifies (its source is then a tip-off verified).
    pub tipoff: Option<TipoffLink>,
}

/// The picker's item that adds an enterprise first.
const NEW_ENTERPRISE: &str = "+";

const TITLE: Text = Text("col.title");
const GRADE: Choice<Grade> = Choice { label: "col.grade", group: "grade", id: Grade::as_str, parse: Grade::parse };
const SOURCE: Choice<Source> =
    Choice { label: "col.source", group: "source", id: Source::as_str, parse: Source::parse };
const FOUND: Date = Date("col.discovered_on");
const DEADLINE: Date = Date("col.deadline");
const DESCRIPTION: Text = Text("col.description");

/// The days to the deadline the form proposes.
const DEADLINE_DAYS: i64 = 30;

/// `c`: the enterprise picker, once the enterprises are read; on the enterprises screen,
/// the clause picker for the enterprise shown or selected.
pub fn start(s: &mut AppState) -> Vec<Effect> {
    if workflow::refused(s, Write::Register) {
        return Vec::new();
    }
    if s.screen == super::Screen::Enterprises {
        let v = &s.enterprises;
        let row = v.detail.as_ref().map(|d| &d.row).or_else(|| v.current());
        if let Some(r) = row {
            let inspection = s.last_inspection.as_ref().filter(|(_, c)| *c == r.credit_code).map(|(id, _)| *id);
            let d = Draft {
                credit_code: r.credit_code.clone(),
                enterprise: r.name.clone(),
                sector: r.sector.clone(),
                inspection,
                ..Draft::default()
            };
            pick_clause(s, d);
            return Vec::new();
        }
    }
    s.registering = Some(Draft::default());
    choose_enterprise(s)
}

/// `v` on a tip-off: its hazard registered, of its enterprise (the clause picker next)
/// or, when the ledger lacks it, of the enterprise picked first.
pub fn for_tipoff(s: &mut AppState, tipoff: TipoffLink, enterprise: Option<EnterpriseChoice>) -> Vec<Effect> {
    if workflow::refused(s, Write::Register) {
        return Vec::new();
    }
    let draft = Draft { tipoff: Some(tipoff), ..Draft::default() };
    if let Some((credit_code, enterprise, sector)) = enterprise {
        pick_clause(s, Draft { credit_code, enterprise, sector, ..draft });
        return Vec::new();
    }
    s.registering = Some(draft);
    choose_enterprise(s)
}

/// The enterprise picker, once the enterprises are read.
fn choose_enterprise(s: &mut AppState) -> Vec<Effect> {
    if s.enterprise_choices.is_some() {
        pick_enterprise(s);
        return Vec::new();
    }
    s.say(s.lang.t("tui.loading"), false);
    vec![s.load(Slot::Choices, Query::EnterpriseChoices)]
}

/// The enterprises arrived: the picker opens if a registration waits for them.
pub fn choices_arrived(s: &mut AppState, choices: Vec<EnterpriseChoice>) {
    s.enterprise_choices = Some(choices);
    if s.registering.is_some() && s.modal.is_none() {
        s.notice = None;
        pick_enterprise(s);
    }
}

fn pick_enterprise(s: &mut AppState) {
    let l = s.lang;
    let mut items = vec![(NEW_ENTERPRISE.to_string(), l.t("register.new_enterprise").to_string())];
    let all = s.enterprise_choices.as_deref().unwrap_or_default();
    items.extend(all.iter().map(|(code, name, sector)| (code.clone(), format!("{name}  {sector}"))));
    let title = l.t("register.pick_enterprise");
    s.modal = Some(Modal::Picker(Picker::new(PickerKind::Enterprise, title, items, Vec::new())));
}

/// Enter in the enterprise picker: the clause picker next, or the enterprise form first.
pub fn enterprise_picked(s: &mut AppState, code: &str) -> Vec<Effect> {
    if code == NEW_ENTERPRISE {
        // the draft waits for the enterprise added
        s.registering.get_or_insert_with(Draft::default);
        super::screen::enterprises::form::add(s);
        return Vec::new();
    }
    let found = s.enterprise_choices.as_deref().unwrap_or_default().iter().find(|c| c.0 == code).cloned();
    let Some((credit_code, enterprise, sector)) = found else { return Vec::new() };
    let draft = s.registering.take().unwrap_or_default();
    pick_clause(s, Draft { credit_code, enterprise, sector, ..draft });
    Vec::new()
}

/// An enterprise added on the way: it is the one registered for.
pub fn enterprise_added(s: &mut AppState, form: &Form, code: &str) -> bool {
    let added = form.kind == FormKind::Enterprise && form.targets.is_empty();
    if !added {
        return false;
    }
    let Some(draft) = s.registering.take() else { return false };
    let sector = form.get(super::screen::enterprises::form::SECTOR).trim().to_string();
    let name = form.get(super::screen::enterprises::form::NAME).trim().to_string();
    if let Some(c) = s.enterprise_choices.as_mut() {
        c.push((code.to_string(), name.clone(), sector.clone()));
    }
    pick_clause(s, Draft { credit_code: code.to_string(), enterprise: name, sector, ..draft });
    true
}

/// The clause picker: "none yet" first, then the sector's clauses, then the others.
fn pick_clause(s: &mut AppState, d: Draft) {
    let l = s.lang;
    let mut items = vec![(String::new(), l.t("register.no_clause").to_string())];
    let (mine, others): (Vec<_>, Vec<_>) = standards::clauses().partition(|c| c.clause.sector == d.sector);
    items.extend(mine.into_iter().chain(others).map(|c| {
        let text = format!("{} [{}] {}", c.reference(), c.clause.sector, c.title());
        (c.reference(), crate::text::sanitise(&text))
    }));
    let title = l.f("register.pick_clause", &[&d.enterprise]);
    s.modal = Some(Modal::Picker(Picker::new(PickerKind::Clause(Box::new(d)), &title, items, Vec::new())));
}

/// Enter in the clause picker: the form, its title the clause's wording.
pub fn clause_picked(s: &mut AppState, d: Draft, reference: &str) -> Vec<Effect> {
    let title = standards::find(reference).map(|f| f.title()).unwrap_or_default();
    let mut fields = vec![TITLE.field(&title), GRADE.field(s.lang, Grade::ALL)];
    // found by an inspection or a tip-off, its source is that
    if d.inspection.is_none() && d.tipoff.is_none() {
        fields.push(SOURCE.field(s.lang, &[Source::Inspection, Source::SelfReport, Source::PublicReport]));
    }
    fields.extend([
        FOUND.field(s.today),
        DEADLINE.field(s.today + Duration::days(DEADLINE_DAYS)),
        DESCRIPTION.field(""),
    ]);
    let draft = Draft { clause: reference.to_string(), ..d };
    s.modal = Some(Modal::Form(Form::new(FormKind::Register(Box::new(draft)), Vec::new(), fields)));
    Vec::new()
}

/// Enter in the form: the registration sent, or the field that must be filled.
pub fn submit(s: &mut AppState, d: &Draft, f: &Form) -> Result<Vec<Effect>, Refusal> {
    let input = Box::new(NewHazard {
        enterprise: d.credit_code.clone(),
        title: TITLE.required(&f.fields)?,
        description: DESCRIPTION.read(&f.fields),
        grade: GRADE.required(&f.fields)?,
        sector: None,
        standard_ref: d.clause.clone(),
        source: match (&d.inspection, &d.tipoff) {
            (Some(_), _) => Source::Inspection,
            (_, Some(_)) => Source::PublicReport,
            _ => SOURCE.required(&f.fields)?,
        },
        // the prefilled day is the screen's; left as it is, the write takes today's real date
        discovered_on: FOUND.given(&f.fields)?,
        deadline: DEADLINE.read(&f.fields)?,
        owner: None,
        assignee: None,
        note: String::new(),
        inspection: d.inspection,
        tipoff: d.tipoff.clone(),
    });
    s.say(s.lang.t("tui.saving"), false);
    Ok(vec![s.send(Some(f.clone()), |id| DbRequest::Register { id, input })])
}

/// The form's header: the enterprise and the clause it is registered against.
pub fn header(s: &AppState, d: &Draft) -> String {
    let clause = if d.clause.is_empty() { s.lang.t("register.no_clause").to_string() } else { d.clause.clone() };
    let found = match (&d.inspection, &d.tipoff) {
        (Some(n), _) => s.lang.f("register.found_by", &[n]),
        (_, Some(t)) => s.lang.f("register.from_tipoff", &[&t.code]),
        _ => String::new(),
    };
    crate::text::sanitise(format!("{} {}  {clause}  {found}", d.enterprise, d.sector).trim_end())
}
