//! The enterprises screen's forms: the filter (village, sector, high risk), and adding
//! or editing an enterprise (its credit code only when adding), each with why.

use crate::app::form::{at, names};
use crate::app::{AppState, Effect, Field, Form, FormKind, Modal, workflow};
use crate::domain::permission::Write;
use crate::model::{EnterpriseFilter, EnterpriseInput};
use crate::protocol::{DbRequest, Target};
use crate::workflow::Refusal;

/// The labels of the enterprise's name and sector.
pub const NAME: &str = FIELDS[0];
pub const SECTOR: &str = FIELDS[1];

/// The fields of an enterprise, by their labels, in the form's order (after the code).
const FIELDS: [&str; 10] = [
    "col.enterprise_name",
    "col.sector",
    "col.high_risk",
    "col.village",
    "col.principal",
    "col.principal_phone",
    "col.controller",
    "col.controller_phone",
    "col.address",
    "form.reason",
];

/// `f`: the filter form, as the list is filtered now.
pub fn filter(s: &mut AppState) {
    let f = &s.enterprises.filter;
    let pairs = |v: &[String]| v.iter().map(|n| (n.clone(), n.clone())).collect::<Vec<_>>();
    let villages = names(s, pairs(&s.places.villages).into_iter());
    let sectors = names(s, pairs(&s.places.sectors).into_iter());
    let yes = vec![(String::new(), s.lang.t("tui.any").to_string()), ("1".into(), s.lang.t("yes").to_string())];
    let fields = vec![
        Field::choice("col.village", villages.clone(), at(&villages, f.village.as_deref().unwrap_or(""))),
        Field::choice("col.sector", sectors.clone(), at(&sectors, f.sector.as_deref().unwrap_or(""))),
        Field::choice("col.high_risk", yes.clone(), usize::from(f.high_risk)),
        Field::choice("col.inspection_behind", yes, usize::from(f.behind)),
    ];
    s.modal = Some(Modal::Form(Form::new(FormKind::EnterpriseFilter, Vec::new(), fields)));
}

/// `a`: a new enterprise's form (an admin or officer).
pub fn add(s: &mut AppState) {
    if workflow::refused(s, Write::Enterprise) {
        return;
    }
    let mut fields = vec![Field::text("col.credit_code", "")];
    fields.extend(fields_of(s, &EnterpriseInput::default()));
    s.modal = Some(Modal::Form(Form::new(FormKind::Enterprise, Vec::new(), fields)));
}

/// `e`: the form of the enterprise shown, else the one selected, filled with it as it is.
pub fn edit(s: &mut AppState) -> Vec<Effect> {
    if workflow::refused(s, Write::Enterprise) {
        return Vec::new();
    }
    let v = &s.enterprises;
    let Some(row) = v.detail.as_ref().map(|d| &d.row).or_else(|| v.current()).cloned() else {
        s.say(s.lang.t("tui.no_selection"), true);
        return Vec::new();
    };
    let target = Target { code: row.credit_code.clone(), version: row.version };
    let fields = fields_of(s, &EnterpriseInput::from(row));
    s.modal = Some(Modal::Form(Form::new(FormKind::Enterprise, vec![target], fields)));
    Vec::new()
}

/// The form's fields (without the credit code) holding `e`.
fn fields_of(s: &AppState, e: &EnterpriseInput) -> Vec<Field> {
    let yes_no = vec![("0".to_string(), s.lang.t("no").to_string()), ("1".into(), s.lang.t("yes").to_string())];
    // its own village stays a choice even when the township's list no longer has it
    let own = (!e.village.is_empty() && !s.places.villages.contains(&e.village)).then_some(&e.village);
    let villages: Vec<(String, String)> = std::iter::once((String::new(), s.lang.t("tui.none").to_string()))
        .chain(s.places.villages.iter().chain(own).map(|v| (v.clone(), v.clone())))
        .collect();
    vec![
        Field::text(FIELDS[0], &e.name),
        Field::text(FIELDS[1], &e.sector),
        Field::choice(FIELDS[2], yes_no, usize::from(e.high_risk)),
        Field::choice(FIELDS[3], villages.clone(), at(&villages, &e.village)),
        Field::text(FIELDS[4], &e.principal),
        Field::text(FIELDS[5], &e.principal_phone),
        Field::text(FIELDS[6], &e.controller),
        Field::text(FIELDS[7], &e.controller_phone),
        Field::text(FIELDS[8], &e.address),
        Field::text(FIELDS[9], ""),
    ]
}

/// The filter a saved filter form describes.
pub fn filter_of(f: &Form) -> EnterpriseFilter {
    let opt = |label: &str| Some(f.get(label).to_string()).filter(|v| !v.is_empty());
    EnterpriseFilter {
        search: None,
        village: opt("col.village"),
        sector: opt("col.sector"),
        high_risk: opt("col.high_risk").is_some(),
        behind: opt("col.inspection_behind").is_some(),
    }
}

/// Enter in the enterprise form: the write sent, or the field that must be filled.
pub fn submit(s: &mut AppState, f: &Form) -> Result<Vec<Effect>, Refusal> {
    let text = |label: &str| f.get(label).trim().to_string();
    let target = f.targets.first().cloned();
    let code = match &target {
        Some(t) => t.code.clone(),
        None => text("col.credit_code"),
    };
    for label in ["col.credit_code", FIELDS[0], FIELDS[1]] {
        let value = if label == "col.credit_code" { code.clone() } else { text(label) };
        if value.is_empty() {
            return Err(Refusal::Required(label));
        }
    }
    if target.is_some() && !f.dirty() {
        return Err(Refusal::NothingChanged);
    }
    let input = Box::new(EnterpriseInput {
        credit_code: code,
        name: text(FIELDS[0]),
        sector: text(FIELDS[1]),
        high_risk: f.get(FIELDS[2]) == "1",
        village: text(FIELDS[3]),
        principal: text(FIELDS[4]),
        principal_phone: text(FIELDS[5]),
        controller: text(FIELDS[6]),
        controller_phone: text(FIELDS[7]),
        address: text(FIELDS[8]),
    });
    let reason = text(FIELDS[9]);
    s.say(s.lang.t("tui.saving"), false);
    Ok(vec![s.send(Some(f.clone()), |id| DbRequest::Enterprise { id, target, input, reason })])
}
