//! The table of every bindable action: its config name, default key and the places it
//! works in, in the order help lists them. One key may be bound to several actions as
//! long as no place has two of them.

use super::{Action, Place};
use crate::app::Screen;
use crate::workflow::Id;

use Action as A;

/// An action with its config name, default key and the places it works in.
type Row = (Action, &'static str, &'static str, &'static [Place]);

/// The actions before the go-to keys (in help's order), with their names, keys and places.
const BEFORE: &[Row] = &[
    (A::Help, "help", "?", HELP_TOO),
    (A::Quit, "quit", "q", HELP_TOO),
    (A::Back, "back", "esc", &[Place::Detail, Place::List, Place::Enterprises, Place::Tipoffs]),
    (A::Up, "up", "k", HELP_TOO),
    (A::Down, "down", "j", HELP_TOO),
    (A::Left, "left", "h", &[Place::Overview, Place::Consult, Place::List]),
    (A::Right, "right", "l", &[Place::Overview, Place::Consult, Place::List]),
    (A::Top, "top", "g", HELP_TOO),
    (A::Bottom, "bottom", "G", HELP_TOO),
    (A::PageUp, "page_up", "pageup", HELP_TOO),
    (A::PageDown, "page_down", "pagedown", HELP_TOO),
    (A::Open, "open", "enter", &[Place::Overview, Place::List, Place::Consult, Place::Enterprises, Place::Tipoffs]),
    (A::Analysis, "analysis", "t", &[Place::Overview]),
    (A::NextScreen, "next_screen", "tab", SCREENS),
    (A::PrevScreen, "prev_screen", "backtab", SCREENS),
    (A::Mouse, "mouse", "M", SCREENS),
    (A::Undo, "undo", "u", SCREENS),
];

/// The list screens' own actions, after the go-to keys.
const LISTS: &[Row] = &[
    (A::Search, "search", "/", FINDS),
    (A::Filter, "filter", "f", &[Place::List, Place::Enterprises, Place::Tipoffs]),
    (A::SortNext, "sort", "o", FINDS),
    (A::SortReverse, "sort_reverse", "O", FINDS),
    (A::SaveView, "save_view", "w", FINDS),
    (A::Views, "views", "V", FINDS),
    (A::Mark, "mark", "space", LIST),
    (A::Register, "register", "c", &[Place::List, Place::Detail, Place::Enterprises]),
    (A::Copy, "copy", "y", WORK),
    (A::CopySummary, "copy_summary", "Y", WORK),
    (A::NextMatch, "next_match", "n", WORK),
    (A::PrevMatch, "prev_match", "N", WORK),
];

/// The consultation's actions, after the workflows; the same letters mean other things
/// on the other screens (`m` progress, `p` plan).
const AFTER: &[Row] = &[
    (A::PrevQuarter, "prev_quarter", "[", CONSULT),
    (A::NextQuarter, "next_quarter", "]", CONSULT),
    (A::TopicAdd, "topic_add", "t", CONSULT),
    (A::TopicDrop, "topic_drop", "d", CONSULT),
    (A::TopicUp, "topic_up", "K", CONSULT),
    (A::TopicDown, "topic_down", "J", CONSULT),
    (A::Decide, "decide", "c", CONSULT),
    (A::ActionAdd, "action_add", "n", CONSULT),
    (A::ActionDone, "action_done", "D", CONSULT),
    (A::Meeting, "meeting", "m", CONSULT),
    (A::Held, "held", "H", CONSULT),
    (A::Pack, "pack", "p", CONSULT),
    (A::SettingEdit, "setting_edit", "enter", &[Place::Settings]),
    (A::EnterpriseAdd, "enterprise_add", "a", ENTERPRISES),
    (A::EnterpriseEdit, "enterprise_edit", "e", ENTERPRISES),
    (A::InspectionAdd, "inspection_add", "i", ENTERPRISES),
    (A::TipoffAdd, "tipoff_add", "a", TIPOFFS),
    (A::TipoffAssign, "tipoff_assign", "s", TIPOFFS),
    (A::TipoffVerify, "tipoff_verify", "v", TIPOFFS),
    (A::TipoffReject, "tipoff_reject", "x", TIPOFFS),
    (A::TipoffReward, "tipoff_reward", "r", TIPOFFS),
    (A::TipoffTell, "tipoff_tell", "t", TIPOFFS),
];

/// The dialogs' keys, last.
const DIALOGS: &[Row] = &[
    (A::Yes, "yes", "y", &[Place::Confirm]),
    (A::No, "no", "n", &[Place::Confirm]),
    (A::Save, "save", "enter", &[Place::Form, Place::Search]),
    (A::Cancel, "cancel", "esc", &[Place::Help, Place::Confirm, Place::Form, Place::Search]),
    (A::NextField, "next_field", "tab", &[Place::Form]),
    (A::PrevField, "prev_field", "backtab", &[Place::Form]),
    (A::Clear, "clear", "ctrl-u", &[Place::Form, Place::Search]),
    (A::ClearAll, "clear_all", "ctrl-r", &[Place::Form]),
    (A::Editor, "editor", "ctrl-o", &[Place::Form]),
];

/// The screens.
pub const SCREENS: &[Place] =
    &[Place::Overview, Place::List, Place::Detail, Place::Consult, Place::Settings, Place::Enterprises, Place::Tipoffs];
/// The screens and the help dialog (which scrolls and closes with the same keys).
const HELP_TOO: &[Place] = &[
    Place::Overview,
    Place::List,
    Place::Detail,
    Place::Consult,
    Place::Settings,
    Place::Enterprises,
    Place::Tipoffs,
    Place::Help,
];
const CONSULT: &[Place] = &[Place::Consult];
const LIST: &[Place] = &[Place::List];
/// Where a list is searched, filtered and sorted: the hazard lists and the enterprises.
const FINDS: &[Place] = &[Place::List, Place::Enterprises];
const ENTERPRISES: &[Place] = &[Place::Enterprises];
const TIPOFFS: &[Place] = &[Place::Tipoffs];
/// Where the hazard workflows work: on a list's selected row and on the detail.
const WORK: &[Place] = &[Place::List, Place::Detail];

/// One bindable action.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub action: Action,
    pub name: &'static str,
    /// The default key; `None` binds none unless the config does.
    pub key: Option<&'static str>,
    pub places: &'static [Place],
}

/// Every action in help's order: the general ones, the screens' go-to keys, the lists',
/// the workflows, the consultation's, the dialogs'.
pub fn entries() -> impl Iterator<Item = Entry> {
    let row = |(action, name, key, places): &Row| Entry { action: *action, name, key: Some(key), places };
    let go = |s: Screen| Entry { action: A::Go(s), name: s.name(), key: s.key(), places: SCREENS };
    let workflow = |id: &Id| Entry { action: A::Workflow(*id), name: id.spec().name, key: id.spec().key, places: WORK };
    BEFORE
        .iter()
        .map(row)
        .chain(Screen::tabs().map(go))
        .chain(LISTS.iter().map(row))
        .chain(Id::ALL.iter().map(workflow))
        .chain(AFTER.iter().map(row))
        .chain(DIALOGS.iter().map(row))
}

/// Keys that work as well as the configurable ones wherever their action does, whatever
/// the config says.
pub const ALIASES: &[(&str, Action)] = &[
    ("up", A::Up),
    ("down", A::Down),
    ("left", A::Left),
    ("right", A::Right),
    ("home", A::Top),
    ("end", A::Bottom),
    ("ctrl-c", A::Quit),
    ("ctrl-s", A::Save),
    ("ctrl-b", A::PageUp),
    ("ctrl-f", A::PageDown),
    ("down", A::NextField),
    ("up", A::PrevField),
    ("Y", A::Yes),
    ("N", A::No),
];
