//! Saved views in the full screen: `w` keeps the list's filter and sort under a name,
//! `V` picks one back (Delete forgets it); the ledger's lists and the enterprises screen
//! each have their own.

use super::modal::{Then, ask};
use super::screen::{enterprises, list};
use super::{AppState, Effect, Modal, Picker, PickerKind, SavedView, Screen};
use crate::config::views::Shows;

/// What the screen lists now, as a view would keep it.
fn shows_here(s: &AppState) -> Option<Shows> {
    if s.screen == Screen::Enterprises {
        return Some(Shows::Enterprises(s.enterprises.filter.clone(), s.enterprises.sort));
    }
    let v = s.list(s.screen.list_now(s)?);
    Some(Shows::Hazards(v.filter.clone(), v.sort))
}

/// Whether `v` is of the kind this screen lists.
fn of_here(s: &AppState, v: &SavedView) -> bool {
    v.of_enterprises() == (s.screen == Screen::Enterprises)
}

/// `w`: the form that asks for the name.
pub fn ask_name(s: &mut AppState) -> Vec<Effect> {
    s.modal = Some(Modal::Form(super::form::save_view_form()));
    Vec::new()
}

/// Saves the list's filter and sort under `name`; over a view of that name only after a yes.
pub fn save(s: &mut AppState, name: String) -> Vec<Effect> {
    let Some(shows) = shows_here(s) else { return Vec::new() };
    let view = SavedView { name: name.clone(), shows };
    if s.views.iter().any(|x| x.name == name && of_here(s, x)) {
        return ask(s, s.lang.f("tui.confirm_overwrite_view", &[&name]), Then::SaveView(Box::new(view)), None);
    }
    keep(s, view)
}

/// Keeps `view`, in place of any of its name and kind.
pub fn keep(s: &mut AppState, view: SavedView) -> Vec<Effect> {
    s.say(s.lang.f("tui.view_saved", &[&view.name]), false);
    let kind = view.of_enterprises();
    s.views.retain(|x| x.name != view.name || x.of_enterprises() != kind);
    s.views.push(view);
    vec![Effect::SaveViews(s.views.clone())]
}

/// `V`: a picker of this screen's views.
pub fn pick(s: &mut AppState) -> Vec<Effect> {
    let items: Vec<_> = s.views.iter().filter(|v| of_here(s, v)).map(|v| (v.name.clone(), v.name.clone())).collect();
    if items.is_empty() {
        s.say(s.lang.t("tui.no_views"), false);
        return Vec::new();
    }
    s.modal = Some(Modal::Picker(Picker::new(PickerKind::View, s.lang.t("tui.views"), items, Vec::new())));
    Vec::new()
}

/// A view picked: the screen lists what it keeps, from the first page.
pub fn picked(s: &mut AppState, name: &str) -> Vec<Effect> {
    let Some(view) = s.views.iter().find(|v| v.name == name && of_here(s, v)).cloned() else { return Vec::new() };
    match view.shows {
        Shows::Enterprises(filter, sort) => enterprises::viewed(s, filter, sort),
        Shows::Hazards(filter, sort) => {
            let Some(kind) = s.screen.list_now(s) else { return Vec::new() };
            let base = kind.base();
            let v = &mut s.lists[kind.index()];
            v.filter = crate::model::Filter {
                overdue: filter.overdue || base.overdue,
                escalation_queue: base.escalation_queue,
                awaiting_verification: base.awaiting_verification,
                ..filter
            };
            v.sort = sort;
            vec![list::restart(s, kind)]
        }
    }
}

/// Forgets this screen's view `name` (after the yes).
pub fn delete(s: &mut AppState, name: &str) -> Vec<Effect> {
    let here = s.screen == Screen::Enterprises;
    s.views.retain(|v| v.name != name || v.of_enterprises() != here);
    s.say(s.lang.f("tui.view_deleted", &[&name]), false);
    vec![Effect::SaveViews(s.views.clone())]
}
