//! The workflows on the selected (or marked) hazards: checking the role first,
//! opening the form or picker, and turning what was entered into a write.

use super::form::{self, FormKind};
use super::keymap::Action;
use super::modal::{Then, ask, write};
use super::{AppState, Effect, Form, Modal, Picker, PickerKind, SavedView, Screen, list};
use crate::domain::permission::{Write, allows};
use crate::domain::{Escalation, Role, Verdict, VerifierRole, parse_date};
use crate::model::HazardRow;
use crate::protocol::{Query, SignOffForm, Slot, Target, WriteCmd};

/// The store write behind a workflow key.
pub fn write_of(a: Action) -> Option<Write> {
    Some(match a {
        Action::Assign => Write::Assign,
        Action::Plan => Write::Plan,
        Action::Progress => Write::Progress,
        Action::Submit => Write::Submit,
        Action::Verify => Write::Verify,
        Action::Escalate => Write::Escalate,
        Action::Extend => Write::Extend,
        Action::Reopen => Write::Reopen,
        Action::TopicAdd
        | Action::TopicDrop
        | Action::TopicUp
        | Action::TopicDown
        | Action::Decide
        | Action::ActionAdd
        | Action::ActionDone
        | Action::Meeting
        | Action::Held => Write::Consult,
        _ => return None,
    })
}

/// The hazard the keys act on: the list's selected row or the detail's hazard.
pub fn current_row(s: &AppState) -> Option<&HazardRow> {
    match s.screen {
        Screen::List(kind) => s.list(kind).current(),
        Screen::Detail => s.detail.data.as_ref().map(|d| &d.row),
        Screen::Overview | Screen::Consult => None,
    }
}

/// Whether a key may be used here: the session's role allows its write (only write keys
/// can be refused), and it does not edit a held meeting's frozen record. The footer
/// shows only these.
pub fn permitted(s: &AppState, a: Action) -> bool {
    let frozen = s.screen == Screen::Consult && s.consult.held() && super::consult::structural(a);
    !frozen && write_of(a).is_none_or(|w| allows(s.session.role.unwrap_or(Role::Viewer), w))
}

/// The marked hazards (for assign and escalate on a list), else the current one.
fn targets(s: &AppState, bulk: bool) -> Vec<Target> {
    if bulk && matches!(s.screen, Screen::List(_)) && !s.marked.is_empty() {
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

/// A workflow key: refused with the reason when the role may not, else its form.
pub fn start(s: &mut AppState, a: Action) -> Vec<Effect> {
    let Some(write) = write_of(a) else { return Vec::new() };
    if refused(s, write) {
        return Vec::new();
    }
    let targets = targets(s, matches!(a, Action::Assign | Action::Escalate));
    let Some(row) = current_row(s).cloned().filter(|_| !targets.is_empty()) else {
        s.say(s.lang.t("tui.no_selection"), true);
        return Vec::new();
    };
    let form = match a {
        Action::Assign => return staff_picker(s, targets),
        Action::Plan => return plan(s, targets, &row),
        Action::Progress => form::note_form(FormKind::Progress, targets, "form.note"),
        Action::Submit => form::note_form(FormKind::Submit, targets, "form.note"),
        Action::Verify => form::verify_form(s, targets),
        Action::Escalate => return escalate(s, targets, &row),
        Action::Extend => form::extend_form(targets, row.deadline),
        _ => form::note_form(FormKind::Reopen, targets, "form.reason"),
    };
    s.modal = Some(Modal::Form(form));
    Vec::new()
}

fn staff_picker(s: &mut AppState, targets: Vec<Target>) -> Vec<Effect> {
    let items = s
        .staff
        .iter()
        .filter(|m| m.role != Role::Viewer)
        .map(|m| (m.login.clone(), format!("{} {} {}", m.name, m.login, m.unit)))
        .collect();
    s.modal = Some(Modal::Picker(Picker::new(PickerKind::Staff, s.lang.t("tui.pick_staff"), items, targets)));
    Vec::new()
}

/// The plan form needs the hazard's plan: from the detail, else once it is loaded.
fn plan(s: &mut AppState, targets: Vec<Target>, row: &HazardRow) -> Vec<Effect> {
    match s.detail.data.as_deref().filter(|d| d.row.code == row.code && d.row.version == row.version) {
        Some(d) => {
            s.modal = Some(Modal::Form(form::plan_form(targets, d)));
            Vec::new()
        }
        None => {
            s.plan_for = Some(row.code.clone());
            vec![s.load(Slot::Detail, Query::Detail(row.code.clone()))]
        }
    }
}

/// Opens the plan form for `code` once its detail is here.
pub fn detail_arrived(s: &mut AppState) {
    let Some(d) = s.detail.data.as_deref() else { return };
    if s.plan_for.as_deref() == Some(d.row.code.as_str()) && s.modal.is_none() {
        let t = Target { code: d.row.code.clone(), version: d.row.version };
        s.modal = Some(Modal::Form(form::plan_form(vec![t], d)));
        s.plan_for = None;
    }
}

fn escalate(s: &mut AppState, targets: Vec<Target>, row: &HazardRow) -> Vec<Effect> {
    let current = if targets.len() > 1 { 0 } else { row.escalation_level };
    let Some(next) = crate::domain::escalation::next_level(current) else {
        s.say(s.lang.t("tui.top_level"), true);
        return Vec::new();
    };
    s.modal = Some(Modal::Form(form::escalate_form(s, targets, current)));
    vec![s.load(Slot::DocNo, Query::DocNo(next))]
}

/// After a choice changed in an escalate form: the preview of the document number.
pub fn form_changed(s: &mut AppState) -> Vec<Effect> {
    let level = match &s.modal {
        Some(Modal::Form(f)) if f.kind == FormKind::Escalate => Escalation::parse(f.get("form.level")),
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
        Err(key) => {
            f.error = Some(s.lang.t(key).to_string());
            s.modal = Some(Modal::Form(f));
            Vec::new()
        }
        Ok(Next::Screen(effects)) => effects,
        Ok(Next::Write(cmd)) => {
            let confirm = match &cmd {
                WriteCmd::Escalate { .. } => Some(confirm_escalate(s, &f)),
                WriteCmd::Reopen { .. } => Some(s.lang.f("tui.confirm_reopen", &[&codes(&f.targets)])),
                _ => None,
            };
            let targets = f.targets.clone();
            match confirm {
                Some(msg) => ask(s, msg, Then::Write(targets, cmd), Some(f)),
                None => write(s, targets, cmd),
            }
        }
    }
}

fn codes(targets: &[Target]) -> String {
    targets.iter().map(|t| t.code.as_str()).collect::<Vec<_>>().join(" ")
}

fn confirm_escalate(s: &AppState, f: &Form) -> String {
    let level = s.lang.word("level", f.get("form.level"));
    match (&s.doc_no, f.targets.as_slice()) {
        (Some((l, no)), [t]) if l.as_str() == f.get("form.level") => {
            s.lang.f("tui.confirm_escalate", &[&t.code, &level, no])
        }
        _ => s.lang.f("tui.confirm_escalate_bulk", &[&f.targets.len(), &level]),
    }
}

/// What a submitted form leads to.
enum Next {
    Write(WriteCmd),
    /// Only the screen changes (filter, saved view).
    Screen(Vec<Effect>),
}

/// What a form asks for; `Err` is the catalogue key of what is wrong.
fn command(s: &mut AppState, f: &Form) -> Result<Next, &'static str> {
    let text = |label: &str| f.get(label).trim().to_string();
    let need = |label: &str| Some(text(label)).filter(|t| !t.is_empty()).ok_or("tui.required");
    Ok(Next::Write(match &f.kind {
        FormKind::Plan => {
            let parts: Vec<(&'static str, String)> = f
                .fields
                .iter()
                .zip(crate::domain::PLAN_PARTS)
                .filter(|(field, _)| field.changed())
                .map(|(field, part)| (part, field.get().trim().to_string()))
                .collect();
            if parts.is_empty() {
                return Err("tui.nothing_changed");
            }
            WriteCmd::Plan { parts }
        }
        FormKind::Progress => WriteCmd::Progress { note: need("form.note")? },
        FormKind::Submit => WriteCmd::Submit { note: text("form.note") },
        FormKind::Verify => WriteCmd::Verify(SignOffForm {
            role: VerifierRole::parse(f.get("form.role")).ok_or("tui.required")?,
            name: need("form.name")?,
            organisation: text("form.organisation"),
            verdict: Verdict::parse(f.get("form.verdict")).ok_or("tui.required")?,
            opinion: text("form.opinion"),
        }),
        FormKind::Escalate => WriteCmd::Escalate {
            level: Escalation::parse(f.get("form.level")).filter(|_| f.targets.len() == 1),
            note: text("form.note"),
        },
        FormKind::Extend => WriteCmd::Extend {
            deadline: parse_date(f.get("form.deadline")).ok_or("tui.bad_date")?,
            reason: need("form.reason")?,
        },
        FormKind::Reopen => WriteCmd::Reopen { reason: need("form.reason")? },
        FormKind::Filter(kind) => return Ok(Next::Screen(apply_filter(s, *kind, f))),
        FormKind::SaveView => return Ok(Next::Screen(save_view(s, need("form.view_name")?))),
        FormKind::Consult(c) => return super::consult::forms::submit(s, c, f).map(Next::Screen),
    }))
}

fn apply_filter(s: &mut AppState, kind: list::ListKind, f: &Form) -> Vec<Effect> {
    let base = kind.base();
    let v = &mut s.lists[kind.index()];
    v.filter = form::filter_of(f, crate::model::Filter { search: v.filter.search.clone(), ..base });
    vec![list::restart(s, kind)]
}

fn save_view(s: &mut AppState, name: String) -> Vec<Effect> {
    let Screen::List(kind) = s.screen else { return Vec::new() };
    let v = s.list(kind);
    let view = SavedView { name: name.clone(), filter: v.filter.clone(), sort: v.sort };
    s.views.retain(|x| x.name != name);
    s.views.push(view);
    s.say(s.lang.f("tui.view_saved", &[&name]), false);
    vec![Effect::SaveViews(s.views.clone())]
}

/// Enter in a picker.
pub fn picked(s: &mut AppState, p: Picker, id: &str) -> Vec<Effect> {
    match p.kind {
        PickerKind::Staff => {
            let cmd = WriteCmd::Assign { login: id.to_string() };
            if p.targets.len() > 1 {
                let msg = s.lang.f("tui.confirm_assign_bulk", &[&p.targets.len(), &id]);
                ask(s, msg, Then::Write(p.targets, cmd), None)
            } else {
                write(s, p.targets, cmd)
            }
        }
        PickerKind::View => {
            let Some(view) = s.views.iter().find(|v| v.name == id).cloned() else { return Vec::new() };
            let Screen::List(kind) = s.screen else { return Vec::new() };
            let base = kind.base();
            let v = &mut s.lists[kind.index()];
            v.filter = crate::model::Filter {
                overdue: view.filter.overdue || base.overdue,
                escalation_queue: base.escalation_queue,
                awaiting_verification: base.awaiting_verification,
                ..view.filter
            };
            v.sort = view.sort;
            vec![list::restart(s, kind)]
        }
    }
}
