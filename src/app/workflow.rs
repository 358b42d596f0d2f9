//! The workflows on the selected (or marked) hazards: checking the role first, opening
//! what the workflow's definition asks for (a form, the staff picker), and turning what
//! was entered into its message, confirmed first when the definition says so.

use super::keymap::Action;
use super::modal::{Then, ask, write};
use super::screen::enterprises;
use super::{AppState, Effect, Form, FormKind, Modal, Picker, PickerKind, Screen, form, list};
use crate::domain::Role;
use crate::domain::permission::{Write, allows};
use crate::model::HazardRow;
use crate::protocol::{HazardCmd, Query, Slot, Target};
use crate::workflow::{ConfirmCtx, Id, OpenCtx, Opening, Refusal, Text};

/// The store write behind a key.
pub fn write_of(a: Action) -> Option<Write> {
    Some(match a {
        Action::Workflow(id) => id.spec().write,
        Action::TopicAdd
        | Action::TopicDrop
        | Action::TopicUp
        | Action::TopicDown
        | Action::Decide
        | Action::ActionAdd
        | Action::ActionDone
        | Action::Meeting
        | Action::Held => Write::Consult,
        Action::Undo => Write::Undo,
        Action::Register => Write::Register,
        Action::InspectionAdd => Write::Inspect,
        _ => return None,
    })
}

/// The hazard the keys act on: the list's selected row or the detail's hazard.
pub fn current_row(s: &AppState) -> Option<&HazardRow> {
    s.screen.current(s)
}

/// Whether a key may be used here: the session's role allows its write (only write keys
/// can be refused), and it does not edit a held meeting's frozen record. The footer
/// shows only these.
pub fn permitted(s: &AppState, a: Action) -> bool {
    let frozen = s.screen == Screen::Consult && s.consult.held() && super::consult::structural(a);
    // Esc on a list goes back only after a drill-down
    let nowhere = a == Action::Back && s.screen.list_now(s).is_some() && s.drilled_from.is_none();
    !frozen && !nowhere && write_of(a).is_none_or(|w| allows(s.session.role.unwrap_or(Role::Viewer), w))
}

/// The marked hazards (for a bulk workflow on a list), else the current one.
fn targets(s: &AppState, bulk: bool) -> Vec<Target> {
    if bulk && s.screen.list_now(s).is_some() && !s.marked.is_empty() {
        return s.marked.iter().map(|(code, version)| Target { code: code.clone(), version: *version }).collect();
    }
    current_row(s).map(|r| vec![Target { code: r.code.clone(), version: r.version }]).unwrap_or_default()
}

/// Whether the session's role may not write so; if not, says why.
pub fn refused(s: &mut AppState, write: Write) -> bool {
    let role = s.session.role.unwrap_or(Role::Viewer);
    if allows(role, write) {
        return false;
    }
    let msg = s.lang.f(
        "err.forbidden",
        &[&s.session.login, &s.lang.word("role", role.as_str()), &s.lang.word("action", write.name())],
    );
    s.say(msg, true);
    true
}

/// A workflow key: refused with the reason when the role may not, else what it opens.
pub fn start(s: &mut AppState, id: Id) -> Vec<Effect> {
    if refused(s, id.spec().write) {
        return Vec::new();
    }
    let targets = targets(s, id.spec().bulk);
    let Some(row) = current_row(s).cloned().filter(|_| !targets.is_empty()) else {
        s.say(s.lang.t("tui.no_selection"), true);
        return Vec::new();
    };
    let marked = id.spec().bulk && s.screen.list_now(s).is_some() && !s.marked.is_empty();
    open(s, id, &row, targets, marked)
}

fn open(s: &mut AppState, id: Id, row: &HazardRow, targets: Vec<Target>, marked: bool) -> Vec<Effect> {
    let detail = s.detail.data.as_deref();
    let ctx = OpenCtx { lang: s.lang, today: s.today, row, targets: targets.len(), marked, detail };
    match id.open(&ctx) {
        Opening::Form(fields) => {
            let preview = id.preview(&fields);
            s.modal = Some(Modal::Form(Form::new(FormKind::Workflow(id), targets, fields)));
            preview.map(|level| s.load(Slot::DocNo, Query::DocNo(level))).into_iter().collect()
        }
        Opening::PickStaff(field) => staff_picker(s, id, field, targets),
        Opening::NeedDetail => {
            s.awaiting_detail = Some((row.code.clone(), id));
            vec![s.load(Slot::Detail, Query::Detail(row.code.clone()))]
        }
        Opening::Refused(key) => {
            s.say(s.lang.t(key), true);
            Vec::new()
        }
        Opening::Gate(g) => {
            s.say(crate::i18n::gate_error(s.lang, &g), true);
            Vec::new()
        }
    }
}

fn staff_picker(s: &mut AppState, id: Id, field: Text, targets: Vec<Target>) -> Vec<Effect> {
    let items = s
        .staff
        .iter()
        .filter(|m| m.role != Role::Viewer)
        .map(|m| (m.login.clone(), format!("{} {} {}", m.name, m.login, m.unit)))
        .collect();
    let kind = PickerKind::Workflow(id, field);
    s.modal = Some(Modal::Picker(Picker::new(kind, s.lang.t("tui.pick_staff"), items, targets)));
    Vec::new()
}

/// Opens the form that waited for this hazard's detail, now that it is here.
pub fn detail_arrived(s: &mut AppState) -> Vec<Effect> {
    let Some(d) = s.detail.data.as_deref() else { return Vec::new() };
    match s.awaiting_detail.clone() {
        Some((code, id)) if code == d.row.code && s.modal.is_none() => {
            let (row, t) = (d.row.clone(), Target { code: d.row.code.clone(), version: d.row.version });
            s.awaiting_detail = None;
            open(s, id, &row, vec![t], false)
        }
        _ => Vec::new(),
    }
}

/// After a choice changed in a form: the preview of the document number it will issue.
pub fn form_changed(s: &mut AppState) -> Vec<Effect> {
    let level = match &s.modal {
        Some(Modal::Form(f)) => match f.kind {
            FormKind::Workflow(id) => id.preview(&f.fields),
            _ => None,
        },
        _ => None,
    };
    match level {
        Some(l) if s.doc_no.as_ref().map(|d| d.0) != Some(l) => vec![s.load(Slot::DocNo, Query::DocNo(l))],
        _ => Vec::new(),
    }
}

/// Enter in a form: checks what is required, then writes, confirms first, or applies.
pub fn submit(s: &mut AppState, mut f: Form) -> Vec<Effect> {
    match command(s, &f) {
        Err(message) => {
            f.error = Some(message);
            s.modal = Some(Modal::Form(f));
            Vec::new()
        }
        Ok(Next::Screen(effects)) => effects,
        Ok(Next::Write(cmd)) => {
            let targets = f.targets.clone();
            confirm_then_write(s, targets, cmd, Some(f))
        }
    }
}

/// Asks first when the workflow says so (`back` is the form a `n` returns to), else writes.
fn confirm_then_write(s: &mut AppState, targets: Vec<Target>, cmd: HazardCmd, back: Option<Form>) -> Vec<Effect> {
    let signed = match targets.as_slice() {
        [t] => round_sign_offs(s, &t.code),
        _ => Vec::new(),
    };
    let ctx = ConfirmCtx { lang: s.lang, targets: &targets, doc_no: s.doc_no.as_ref(), sign_offs: &signed };
    match cmd.confirm(&ctx) {
        Some(msg) => ask(s, msg, Then::Write(targets, cmd), back),
        None => write(s, targets, cmd, back),
    }
}

/// The sign-offs of this hazard's current round as the screen has them: the list's
/// (the sign-off screen reads them with its page), else the detail's.
fn round_sign_offs(s: &AppState, code: &str) -> Vec<crate::domain::status::SignOff> {
    use crate::domain::status::SignOff;
    use crate::domain::{Verdict, VerifierRole};
    if let (Some(kind), Some(row)) = (s.screen.list_now(s), current_row(s).filter(|r| r.code == code)) {
        return s.list(kind).sign_offs_of(row.id).to_vec();
    }
    let Some(d) = s.detail.data.as_deref().filter(|d| d.row.code == code) else { return Vec::new() };
    d.verifications
        .iter()
        .filter(|v| v.round == d.row.round)
        .filter_map(|v| Some(SignOff { role: VerifierRole::parse(&v.role)?, verdict: Verdict::parse(&v.verdict)? }))
        .collect()
}

/// What a submitted form leads to.
enum Next {
    Write(HazardCmd),
    /// Only the screen changes (filter, saved view).
    Screen(Vec<Effect>),
}

/// What a form asks for; `Err` says what is wrong.
fn command(s: &mut AppState, f: &Form) -> Result<Next, String> {
    let l = s.lang;
    let need = |label: &'static str| {
        Some(f.get(label).trim().to_string()).filter(|t| !t.is_empty()).ok_or(Refusal::Required(label))
    };
    let refused = |r: Refusal| r.message(l);
    match &f.kind {
        FormKind::Workflow(id) => id.read(&f.fields, f.targets.len()).map(Next::Write).map_err(refused),
        FormKind::Filter(kind) => Ok(Next::Screen(apply_filter(s, *kind, f))),
        FormKind::SaveView => Ok(Next::Screen(super::views::save(s, need("form.view_name").map_err(refused)?))),
        FormKind::Consult(c) => super::consult::forms::submit(s, c, f).map(Next::Screen).map_err(refused),
        FormKind::Setting(key) => super::screen::settings::submit(s, *key, f).map(Next::Screen).map_err(refused),
        FormKind::EnterpriseFilter => Ok(Next::Screen(enterprises::filtered(s, enterprises::form::filter_of(f)))),
        FormKind::Enterprise => enterprises::form::submit(s, f).map(Next::Screen).map_err(refused),
        FormKind::Register(d) => super::register::submit(s, d, f).map(Next::Screen).map_err(refused),
        FormKind::Inspection(code) => enterprises::inspect::submit(s, code, f).map(Next::Screen).map_err(refused),
        FormKind::Tipoff(step) => super::screen::tipoffs::form::submit(s, *step, f).map(Next::Screen).map_err(refused),
    }
}

fn apply_filter(s: &mut AppState, kind: list::ListKind, f: &Form) -> Vec<Effect> {
    let base = kind.base();
    let v = &mut s.lists[kind.index()];
    v.filter = form::filter_of(f, crate::model::Filter { search: v.filter.search.clone(), ..base });
    vec![list::restart(s, kind)]
}

/// Enter in a picker.
pub fn picked(s: &mut AppState, p: Picker, id: &str) -> Vec<Effect> {
    match p.kind {
        PickerKind::Workflow(workflow, field) => match workflow.read(&[field.field(id)], p.targets.len()) {
            Ok(cmd) => confirm_then_write(s, p.targets, cmd, None),
            Err(r) => {
                s.say(r.message(s.lang), true);
                Vec::new()
            }
        },
        PickerKind::Enterprise => super::register::enterprise_picked(s, id),
        PickerKind::Clause(d) => super::register::clause_picked(s, *d, id),
        PickerKind::View => super::views::picked(s, id),
    }
}
