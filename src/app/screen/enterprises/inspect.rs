//! `i` on the enterprises screen: a head-led inspection of the enterprise shown or
//! selected — the day, who led it (the principal unless said who instead and why), the
//! scope, the findings and the codes of its hazards it found. Once recorded, `c`
//! registers the new hazards it found, linked to it.

use crate::app::{AppState, Effect, Form, FormKind, Modal, workflow};
use crate::domain::permission::Write;
use crate::model::NewInspection;
use crate::protocol::DbRequest;
use crate::workflow::{Date, Refusal, Text};

const DATE: Date = Date("form.date");
const LED_BY: Text = Text("form.led_by");
const INSTEAD: Text = Text("form.instead_reason");
const SCOPE: Text = Text("form.scope");
const FINDINGS: Text = Text("form.findings");
const HAZARDS: Text = Text("form.hazards_found");

/// `i`: the form, its leader the enterprise's principal.
pub fn open(s: &mut AppState) {
    if workflow::refused(s, Write::Inspect) {
        return;
    }
    let v = &s.enterprises;
    let Some(row) = v.detail.as_ref().map(|d| &d.row).or_else(|| v.current()) else { return };
    let (code, principal) = (row.credit_code.clone(), row.principal.clone());
    let fields = vec![
        DATE.field(s.today),
        LED_BY.field(&principal),
        INSTEAD.field(""),
        SCOPE.field(""),
        FINDINGS.field(""),
        HAZARDS.field(""),
    ];
    s.modal = Some(Modal::Form(Form::new(FormKind::Inspection(code), Vec::new(), fields)));
}

/// Enter in the form: the inspection sent, or the field that must be filled.
pub fn submit(s: &mut AppState, code: &str, f: &Form) -> Result<Vec<Effect>, Refusal> {
    let input = Box::new(NewInspection {
        enterprise: code.to_string(),
        date: DATE.given(&f.fields)?,
        led_by: LED_BY.required(&f.fields)?,
        instead_reason: INSTEAD.read(&f.fields),
        scope: SCOPE.read(&f.fields),
        findings: FINDINGS.read(&f.fields),
        hazards: HAZARDS.read(&f.fields).split_whitespace().map(str::to_string).collect(),
    });
    s.say(s.lang.t("tui.saving"), false);
    Ok(vec![s.send(Some(f.clone()), |id| DbRequest::Inspect { id, input })])
}

/// The inspection was recorded: the hazards it found may be registered against it next.
pub fn recorded(s: &mut AppState, form: Option<&Form>, id: i64) {
    if let Some(FormKind::Inspection(code)) = form.map(|f| &f.kind) {
        s.last_inspection = Some((id, code.clone()));
    }
    let key = s.keymap.label(crate::app::keymap::Action::Register);
    s.say(s.lang.f("inspection.recorded", &[&id, &key]), false);
}
