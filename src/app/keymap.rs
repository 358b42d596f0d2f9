//! Keys to actions, per place (a screen or a dialog): the default bindings, the config's
//! overrides, and the lists that help, the footer and the dialogs' hints are built from,
//! so they never disagree with what keys do.

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
    /// Register a hazard: its enterprise, its clause, then the form.
    Register,
    /// Record a head-led inspection of the enterprise shown or selected.
    InspectionAdd,
    /// Add an enterprise.
    EnterpriseAdd,
    /// Edit the enterprise shown or selected.
    EnterpriseEdit,
    /// On the tip-offs screen: register one, and the steps on the one shown or selected.
    TipoffAdd,
    TipoffAssign,
    TipoffVerify,
    TipoffReject,
    TipoffReward,
    TipoffTell,
    /// Empty every field of a form (a filter: every choice back to "any").
    ClearAll,
    /// The next match of the list's search (from the detail: open it).
    NextMatch,
    PrevMatch,
    Filter,
    SortNext,
    SortReverse,
    SaveView,
    Views,
    Mark,
    /// Copy the current hazard's code to the clipboard.
    Copy,
    /// Copy a line about the current hazard.
    CopySummary,
    /// Take the mouse, or give it back to the terminal.
    Mouse,
    /// Undo one's own last write (or last bulk action).
    Undo,
    /// On the overview: the matrix and the trend in place of the bars and the calendar.
    Analysis,
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
    /// On the settings screen: change the selected setting.
    SettingEdit,
    /// In a confirmation: do it.
    Yes,
    /// In a confirmation: do not.
    No,
    /// In a form: save it; on the search line: keep the search.
    Save,
    /// Close the dialog (a form with input asks first); the search line drops the search.
    Cancel,
    NextField,
    PrevField,
    /// Empty the text being typed (the search line, a picker's query).
    Clear,
    /// In a form: edit the focused text in `$VISUAL`/`$EDITOR`.
    Editor,
}

/// Where an action does something: a screen, or a dialog over it. A key may mean
/// different things in different places; the footer shows the actions of the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Overview,
    List,
    Detail,
    Consult,
    Settings,
    /// The enterprises screen, its list or one enterprise.
    Enterprises,
    /// The tip-offs screen, its list or one tip-off.
    Tipoffs,
    Help,
    Confirm,
    /// A form or a picker.
    Form,
    /// The search line of a list.
    Search,
}

mod table;

use Action as A;
use table::{ALIASES, Entry, entries};

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
            f if f.len() > 1 && f.starts_with('f') => KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?),
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
    /// Each key's actions; no two of them work in the same place.
    by_key: HashMap<Key, Vec<Action>>,
    by_action: BTreeMap<Action, Key>,
    places: HashMap<Action, &'static [Place]>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&BTreeMap::new()).unwrap_or_else(|_| Keymap::empty())
    }
}

impl Keymap {
    fn empty() -> Keymap {
        Keymap { by_key: HashMap::new(), by_action: BTreeMap::new(), places: HashMap::new() }
    }

    /// The defaults with the config's `action = "key"` overrides; an error names the bad entry.
    pub fn with_overrides(overrides: &BTreeMap<String, String>) -> Result<Keymap, String> {
        for name in overrides.keys() {
            if !entries().any(|e| e.name == name) {
                return Err(format!("keys.{name}: no such action"));
            }
        }
        let mut map = Keymap::empty();
        map.places = entries().map(|e| (e.action, e.places)).collect();
        for Entry { action, name, key, .. } in entries() {
            let Some(text) = overrides.get(name).map(String::as_str).or(key) else { continue };
            let key = Key::parse(text).ok_or_else(|| format!("keys.{name}: \"{text}\" is not a key"))?;
            if let Some(other) = map.clash(key, action) {
                return Err(format!("keys.{name}: \"{text}\" is already bound to {}", name_of(other)));
            }
            map.by_key.entry(key).or_default().push(action);
            map.by_action.insert(action, key);
        }
        for (text, action) in ALIASES {
            if let Some(key) = Key::parse(text)
                && map.clash(key, *action).is_none()
            {
                map.by_key.entry(key).or_default().push(*action);
            }
        }
        Ok(map)
    }

    /// An action already on `key` in a place where `action` works too.
    fn clash(&self, key: Key, action: Action) -> Option<Action> {
        let mine = self.places_of(action);
        self.by_key.get(&key)?.iter().copied().find(|a| self.places_of(*a).iter().any(|p| mine.contains(p)))
    }

    fn places_of(&self, a: Action) -> &'static [Place] {
        self.places.get(&a).copied().unwrap_or_default()
    }

    /// The action a key asks for in `place`.
    pub fn action(&self, place: Place, ev: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::of(ev))?.iter().copied().find(|a| self.places_of(*a).contains(&place))
    }

    /// The key bound to an action.
    pub fn key(&self, a: Action) -> Option<Key> {
        self.by_action.get(&a).copied()
    }

    /// How an action's key is written, for hints ("" when it has none).
    pub fn label(&self, a: Action) -> String {
        self.key(a).map(Key::label).unwrap_or_default()
    }

    /// Every bound action with its key, in help's order.
    pub fn all(&self) -> Vec<(Action, Key)> {
        entries().filter_map(|e| Some((e.action, self.key(e.action)?))).collect()
    }

    /// The actions that work on the screen at `place`, for the footer: help, the
    /// workflows, the screen's own keys, then quit.
    pub fn hints(&self, place: Place) -> Vec<(Action, Key)> {
        let mut hints: Vec<(Action, Key)> = entries()
            .filter(|e| e.places.contains(&place) && !is_motion(e.action))
            .filter_map(|e| Some((e.action, self.key(e.action)?)))
            .collect();
        hints.sort_by_key(|(a, _)| footer_rank(*a));
        hints
    }

    /// A dialog's hint line: each action's key and its word, as `Enter save  Esc cancel`.
    pub fn dialog_hint(&self, lang: crate::i18n::Lang, parts: &[DialogHint]) -> String {
        let part = |p: &DialogHint| match p {
            DialogHint::Key(a) => format!("{} {}", self.label(*a), lang.t(&format!("key.{}", name_of(*a)))),
            DialogHint::Text(key) => lang.t(key).to_string(),
        };
        parts.iter().map(part).collect::<Vec<_>>().join("  ")
    }
}

/// One part of a dialog's hint line.
#[derive(Debug, Clone, Copy)]
pub enum DialogHint {
    /// An action's key and word.
    Key(Action),
    /// Words from the catalogue (for keys that are not actions, like ←/→ on a choice).
    Text(&'static str),
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
        // the duties towards a major hazard come after Enter and Esc: help lists them all
        A::Workflow(
            Id::Notify
            | Id::Acknowledge
            | Id::ListSupervision
            | Id::Unlist
            | Id::StopProduction
            | Id::Resumption
            | Id::Attach,
        ) => 3,
        A::Workflow(_) => 1,
        A::Decide | A::TopicAdd | A::ActionAdd | A::ActionDone | A::Meeting | A::Held | A::Pack => 1,
        A::EnterpriseAdd | A::EnterpriseEdit | A::InspectionAdd => 1,
        A::TipoffAdd | A::TipoffAssign | A::TipoffVerify | A::TipoffReject | A::TipoffReward | A::TipoffTell => 1,
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
        assert_eq!(k.action(Place::List, &ev(KeyCode::Char('a'))), assign);
        assert_eq!(k.action(Place::List, &ev(KeyCode::Down)), Some(A::Down));
        assert_eq!(k.action(Place::List, &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(A::Quit));
        let o = BTreeMap::from([("assign".to_string(), "A".to_string())]);
        let k = Keymap::with_overrides(&o).unwrap();
        assert_eq!(k.action(Place::List, &ev(KeyCode::Char('A'))), assign);
        assert_eq!(k.action(Place::List, &ev(KeyCode::Char('a'))), None);
        assert_eq!(k.key(A::Workflow(Id::Assign)).map(Key::label), Some("A".to_string()));
    }

    #[test]
    fn bad_overrides_are_refused() {
        let bad = |k: &str, v: &str| Keymap::with_overrides(&BTreeMap::from([(k.to_string(), v.to_string())]));
        assert!(bad("fly", "z").unwrap_err().contains("fly"));
        assert!(bad("assign", "ctrl-").is_err());
        assert!(bad("assign", "e").unwrap_err().contains("escalate"));
        assert_eq!(Key::parse("f5"), Some(Key { code: KeyCode::F(5), ctrl: false }));
        assert_eq!(Key::parse("F99"), None, "function keys are F1 to F12");
        assert_eq!(Key::parse("f0"), None);
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

    #[test]
    fn a_key_means_what_its_place_says() {
        let k = Keymap::default();
        let m = ev(KeyCode::Char('m'));
        assert_eq!(k.action(Place::List, &m), Some(A::Workflow(Id::Progress)));
        assert_eq!(k.action(Place::Consult, &m), Some(A::Meeting));
        assert_eq!(k.action(Place::Overview, &m), None);
        assert_eq!(k.action(Place::Confirm, &ev(KeyCode::Char('n'))), Some(A::No));
        assert_eq!(k.action(Place::Consult, &ev(KeyCode::Char('n'))), Some(A::ActionAdd));
        assert_eq!(k.action(Place::Form, &ev(KeyCode::Down)), Some(A::NextField));
        assert_eq!(k.action(Place::List, &ev(KeyCode::Down)), Some(A::Down));
        assert_eq!(k.action(Place::Help, &ev(KeyCode::Esc)), Some(A::Cancel));
        assert_eq!(k.action(Place::Detail, &ev(KeyCode::Esc)), Some(A::Back));
    }

    #[test]
    fn a_key_may_serve_two_places_but_not_two_actions_in_one() {
        let bind = |k: &str, v: &str| Keymap::with_overrides(&BTreeMap::from([(k.to_string(), v.to_string())]));
        let k = bind("meeting", "x").unwrap();
        assert_eq!(k.action(Place::Consult, &ev(KeyCode::Char('x'))), Some(A::Meeting));
        assert_eq!(k.action(Place::List, &ev(KeyCode::Char('x'))), Some(A::Workflow(Id::Extend)));
        assert!(bind("meeting", "t").unwrap_err().contains("topic_add"));
        assert!(bind("yes", "n").unwrap_err().contains("no"));
        let hint = k.dialog_hint(crate::i18n::Lang::En, &[DialogHint::Key(A::Yes), DialogHint::Key(A::No)]);
        assert_eq!(hint, "y yes  n no");
    }
}
