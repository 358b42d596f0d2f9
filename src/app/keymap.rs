//! Keys to actions: the default bindings, the config's overrides, and the lists that
//! help and the footer are built from, so they never disagree with what keys do.

use std::collections::{BTreeMap, HashMap};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Screen;
use crate::workflow::Id;

/// Everything a key can ask for outside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    NextScreen,
    PrevScreen,
    /// To a screen by its go-to key.
    Go(Screen),
    Search,
    Filter,
    SortNext,
    SortReverse,
    SaveView,
    Views,
    Mark,
    /// A hazard workflow, as `crate::workflow` defines it.
    Workflow(Id),
    PrevQuarter,
    NextQuarter,
    TopicAdd,
    TopicDrop,
    TopicUp,
    TopicDown,
    Decide,
    ActionAdd,
    ActionDone,
    Meeting,
    Held,
    Pack,
}

/// Where an action does something; the footer shows the actions of the current place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Overview,
    List,
    Detail,
    Consult,
}

use Action as A;

/// An action with its config name, default key and the places it works in.
type Row = (Action, &'static str, &'static str, &'static [Place]);

/// The actions before the go-to keys (in help's order), with their names, keys and places.
const BEFORE: &[Row] = &[
    (A::Help, "help", "?", ALL),
    (A::Quit, "quit", "q", ALL),
    (A::Back, "back", "esc", &[Place::Detail]),
    (A::Up, "up", "k", ALL),
    (A::Down, "down", "j", ALL),
    (A::Left, "left", "h", &[Place::Overview, Place::Consult]),
    (A::Right, "right", "l", &[Place::Overview, Place::Consult]),
    (A::Top, "top", "g", ALL),
    (A::Bottom, "bottom", "G", ALL),
    (A::PageUp, "page_up", "pageup", ALL),
    (A::PageDown, "page_down", "pagedown", ALL),
    (A::Open, "open", "enter", &[Place::Overview, Place::List, Place::Consult]),
    (A::NextScreen, "next_screen", "tab", ALL),
    (A::PrevScreen, "prev_screen", "backtab", ALL),
];

/// The list screens' own actions, after the go-to keys.
const LISTS: &[Row] = &[
    (A::Search, "search", "/", LIST),
    (A::Filter, "filter", "f", LIST),
    (A::SortNext, "sort", "o", LIST),
    (A::SortReverse, "sort_reverse", "O", LIST),
    (A::SaveView, "save_view", "w", LIST),
    (A::Views, "views", "V", LIST),
    (A::Mark, "mark", "space", LIST),
];

/// The consultation's actions, after the workflows.
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
    (A::Meeting, "meeting", "M", CONSULT),
    (A::Held, "held", "H", CONSULT),
    (A::Pack, "pack", "P", CONSULT),
];

const ALL: &[Place] = &[Place::Overview, Place::List, Place::Detail, Place::Consult];
const CONSULT: &[Place] = &[Place::Consult];
const LIST: &[Place] = &[Place::List];
/// Where the hazard workflows work: on a list's selected row and on the detail.
const WORK: &[Place] = &[Place::List, Place::Detail];

/// One bindable action.
#[derive(Debug, Clone, Copy)]
struct Entry {
    action: Action,
    name: &'static str,
    /// The default key; `None` binds none unless the config does.
    key: Option<&'static str>,
    places: &'static [Place],
}

/// Every action in help's order: the general ones, the screens' go-to keys, the lists',
/// the workflows, the consultation's.
fn entries() -> impl Iterator<Item = Entry> {
    let row = |(action, name, key, places): &Row| Entry { action: *action, name, key: Some(key), places };
    let go = |s: Screen| Entry { action: A::Go(s), name: s.name(), key: s.key(), places: ALL };
    let workflow = |id: &Id| Entry { action: A::Workflow(*id), name: id.spec().name, key: id.spec().key, places: WORK };
    BEFORE
        .iter()
        .map(row)
        .chain(Screen::tabs().map(go))
        .chain(LISTS.iter().map(row))
        .chain(Id::ALL.iter().map(workflow))
        .chain(AFTER.iter().map(row))
}

/// Keys that work as well as the configurable ones, whatever the config says.
const ALIASES: &[(&str, Action)] = &[
    ("up", A::Up),
    ("down", A::Down),
    ("left", A::Left),
    ("right", A::Right),
    ("home", A::Top),
    ("end", A::Bottom),
    ("ctrl-c", A::Quit),
    ("ctrl-b", A::PageUp),
    ("ctrl-f", A::PageDown),
];

/// A key as written in the config: `a`, `A`, `ctrl-a`, `f5`, `enter`, `space`, `esc` …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// Parses a key name; `None` for anything unknown.
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, name) = match s.strip_prefix("ctrl-") {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let code = match name.to_ascii_lowercase().as_str() {
            "esc" => KeyCode::Esc,
            "enter" => KeyCode::Enter,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            f if f.len() > 1 && f.starts_with('f') => KeyCode::F(f[1..].parse().ok()?),
            _ => {
                let mut chars = name.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(Key { code, ctrl })
    }

    /// The key of a key event (shift is part of the character).
    pub fn of(ev: &KeyEvent) -> Key {
        Key { code: ev.code, ctrl: ev.modifiers.contains(KeyModifiers::CONTROL) }
    }

    /// How help and the footer write the key.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{name}") } else { name }
    }
}

/// The resolved bindings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: BTreeMap<Action, Key>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&BTreeMap::new()).unwrap_or_else(|_| Keymap::empty())
    }
}

impl Keymap {
    fn empty() -> Keymap {
        Keymap { by_key: HashMap::new(), by_action: BTreeMap::new() }
    }

    /// The defaults with the config's `action = "key"` overrides; an error names the bad entry.
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> Result<Keymap, String> {
        for name in overrides.keys() {
            if !entries().any(|e| e.name == name) {
                return Err(format!("keys.{name}: no such action"));
            }
        }
        let mut map = Keymap::empty();
        for Entry { action, name, key, .. } in entries() {
            let Some(text) = overrides.get(name).map(String::as_str).or(key) else { continue };
            let key = Key::parse(text).ok_or_else(|| format!("keys.{name}: \"{text}\" is not a key"))?;
            if let Some(other) = map.by_key.insert(key, action) {
                return Err(format!("keys.{name}: \"{text}\" is already bound to {}", name_of(other)));
            }
            map.by_action.insert(action, key);
        }
        for (text, action) in ALIASES {
            if let Some(key) = Key::parse(text) {
                map.by_key.entry(key).or_insert(*action);
            }
        }
        Ok(map)
    }

    /// The action a key asks for.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::of(ev)).copied()
    }

    /// The key bound to an action.
    pub fn key(&self, a: Action) -> Option<Key> {
        self.by_action.get(&a).copied()
    }

    /// Every bound action with its key, in help's order.
    pub fn all(&self) -> Vec<(Action, Key)> {
        entries().filter_map(|e| Some((e.action, self.key(e.action)?))).collect()
    }

    /// The actions that work in `place`, for the footer: help, the workflows, the
    /// screen's own keys, then quit.
    pub fn hints(&self, place: Place) -> Vec<(Action, Key)> {
        let mut hints: Vec<(Action, Key)> = entries()
            .filter(|e| e.places.contains(&place) && !is_motion(e.action))
            .filter_map(|e| Some((e.action, self.key(e.action)?)))
            .collect();
        hints.sort_by_key(|(a, _)| footer_rank(*a));
        hints
    }
}

/// The key table as Markdown (the README's copy is checked against it by a test).
pub fn markdown_table(k: &Keymap, lang: crate::i18n::Lang) -> String {
    let mut out = format!("| {} | {} |\n|---|---|\n", lang.t("help.col_key"), lang.t("help.col_action"));
    for (action, key) in k.all() {
        let label = key.label().replace('|', "\\|");
        out.push_str(&format!("| `{label}` | {} |\n", lang.t(&format!("help.{}", name_of(action)))));
    }
    out
}

/// Motions and screen numbers are in help but too common for the footer.
fn is_motion(a: Action) -> bool {
    matches!(
        a,
        A::Up | A::Down | A::Left | A::Right | A::Top | A::Bottom | A::PageUp | A::PageDown | A::Go(_) | A::PrevScreen
    )
}

fn footer_rank(a: Action) -> u8 {
    match a {
        A::Help => 0,
        A::Workflow(_) => 1,
        A::Decide | A::TopicAdd | A::ActionAdd | A::ActionDone | A::Meeting | A::Held | A::Pack => 1,
        A::Back | A::Open | A::Mark | A::TopicDrop => 2,
        A::Quit => 4,
        _ => 3,
    }
}

/// The config name of an action (also its catalogue key `key.NAME`).
pub fn name_of(a: Action) -> &'static str {
    entries().find(|e| e.action == a).map_or("?", |e| e.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    /// The README's key table is the keymap's; `ANWEI_WRITE_README=1` rewrites it.
    #[test]
    fn readme_key_table_matches_the_keymap() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
        let readme = std::fs::read_to_string(&path).unwrap();
        let (start, end) = ("<!-- keys:start -->\n", "<!-- keys:end -->");
        let (a, b) = (readme.find(start).unwrap() + start.len(), readme.find(end).unwrap());
        let table = markdown_table(&Keymap::default(), crate::i18n::Lang::En);
        if std::env::var_os("ANWEI_WRITE_README").is_some() {
            std::fs::write(&path, format!("{}{table}{}", &readme[..a], &readme[b..])).unwrap();
        } else {
            assert_eq!(readme[a..b], table, "run ANWEI_WRITE_README=1 cargo test readme_key_table");
        }
    }

    #[test]
    fn defaults_and_overrides() {
        let k = Keymap::default();
        let assign = Some(A::Workflow(Id::Assign));
        assert_eq!(k.action(&ev(KeyCode::Char('a'))), assign);
        assert_eq!(k.action(&ev(KeyCode::Down)), Some(A::Down));
        assert_eq!(k.action(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(A::Quit));
        let o = BTreeMap::from([("assign".to_string(), "A".to_string())]);
        let k = Keymap::with_overrides(&o).unwrap();
        assert_eq!(k.action(&ev(KeyCode::Char('A'))), assign);
        assert_eq!(k.action(&ev(KeyCode::Char('a'))), None);
        assert_eq!(k.key(A::Workflow(Id::Assign)).map(Key::label), Some("A".to_string()));
    }

    #[test]
    fn bad_overrides_are_refused() {
        let bad = |k: &str, v: &str| Keymap::with_overrides(&BTreeMap::from([(k.to_string(), v.to_string())]));
        assert!(bad("fly", "z").unwrap_err().contains("fly"));
        assert!(bad("assign", "ctrl-").is_err());
        assert!(bad("assign", "e").unwrap_err().contains("escalate"));
        assert_eq!(Key::parse("f5"), Some(Key { code: KeyCode::F(5), ctrl: false }));
    }

    #[test]
    fn every_action_is_worded_for_the_footer_and_help() {
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            for Entry { name, .. } in entries() {
                assert_ne!(lang.t(&format!("key.{name}")), "?", "key.{name}");
                assert_ne!(lang.t(&format!("help.{name}")), "?", "help.{name}");
            }
        }
    }

    #[test]
    fn every_action_has_a_name_and_the_footer_no_motions() {
        let k = Keymap::default();
        assert_eq!(k.all().len(), entries().filter(|e| e.key.is_some()).count());
        assert!(k.hints(Place::List).iter().all(|(a, _)| !is_motion(*a)));
        assert!(k.hints(Place::Overview).iter().all(|(a, _)| !matches!(a, A::Workflow(_))));
    }
}
