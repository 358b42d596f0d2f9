//! The screens, each one module: its state, what it reads when shown and again after a
//! change, how it handles its keys and results, how it draws, and its title. The list at
//! the bottom gives the tabs, the go-to keys and every dispatch to a screen.
//!
//! Adding a screen: its module here (a type implementing `View`), one line in the list,
//! and its strings (its title, `key.NAME` and `help.NAME` for its go-to key).

pub mod action_rows;
pub mod consult;
pub mod detail;
pub mod enterprises;
pub mod escalation;
pub mod list;
pub mod overdue;
pub mod overview;
pub mod paged;
pub mod panes;
pub mod settings;
pub mod tipoffs;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::keymap::{Action, Place};
use super::{AppState, Effect};
use crate::model::HazardRow;
use crate::widget::theme::Theme;
use list::ListKind;

/// One screen.
pub trait View {
    /// The catalogue key of its name.
    const TITLE: &'static str;
    /// Where its keys are, for the keymap and the footer.
    const PLACE: Place;
    /// The hazard list it shows first, if it is a list screen.
    const LIST: Option<ListKind> = None;
    /// Every hazard list it can show (its panes).
    const LISTS: &'static [ListKind] = &[];

    /// What it reads when it is shown.
    fn show(s: &mut AppState) -> Vec<Effect>;
    /// What it reads again after a write or someone else's commit.
    fn refresh(s: &mut AppState) -> Vec<Effect> {
        Self::show(s)
    }
    /// A key's action that is the screen's own.
    fn act(s: &mut AppState, a: Action) -> Vec<Effect>;
    fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme);
    /// The hazard the workflow keys act on here.
    fn current(_s: &AppState) -> Option<&HazardRow> {
        None
    }
    /// The hazard list on show now (none on a pane of other rows).
    fn list_now(_s: &AppState) -> Option<ListKind> {
        Self::LIST
    }
}

/// Declares the screens: each one's id, type, the config name of its go-to key and that
/// key (none for a screen reached from another).
macro_rules! screens {
    ($($id:ident => $ty:ty, $name:literal, $key:expr;)+) => {
        /// Which screen.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Screen { $($id,)+ }

        impl Screen {
            /// In tab order.
            pub const ALL: &'static [Screen] = &[$(Screen::$id,)+];

            /// The config name of its go-to key (`keys.ledger = "2"`).
            pub fn name(self) -> &'static str {
                match self { $(Screen::$id => $name,)+ }
            }

            /// Its go-to key, if it has one (then it is a tab too).
            pub fn key(self) -> Option<&'static str> {
                match self { $(Screen::$id => $key,)+ }
            }

            pub fn title_key(self) -> &'static str {
                match self { $(Screen::$id => <$ty as View>::TITLE,)+ }
            }

            pub fn place(self) -> Place {
                match self { $(Screen::$id => <$ty as View>::PLACE,)+ }
            }

            /// The hazard list it shows first.
            pub fn list(self) -> Option<ListKind> {
                match self { $(Screen::$id => <$ty as View>::LIST,)+ }
            }

            /// Whether it shows panes (a bar above them names each).
            pub fn has_panes(self) -> bool {
                match self { $(Screen::$id => !<$ty as View>::LISTS.is_empty(),)+ }
            }

            /// Whether it can show the list `kind`.
            pub fn shows(self, kind: ListKind) -> bool {
                match self { $(Screen::$id => <$ty as View>::LIST == Some(kind) || <$ty as View>::LISTS.contains(&kind),)+ }
            }

            /// The hazard list on show now.
            pub fn list_now(self, s: &AppState) -> Option<ListKind> {
                match self { $(Screen::$id => <$ty>::list_now(s),)+ }
            }

            pub fn show(self, s: &mut AppState) -> Vec<Effect> {
                match self { $(Screen::$id => <$ty>::show(s),)+ }
            }

            pub fn refresh(self, s: &mut AppState) -> Vec<Effect> {
                match self { $(Screen::$id => <$ty>::refresh(s),)+ }
            }

            pub fn act(self, s: &mut AppState, a: Action) -> Vec<Effect> {
                match self { $(Screen::$id => <$ty>::act(s, a),)+ }
            }

            pub fn draw(self, f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
                match self { $(Screen::$id => <$ty>::draw(f, area, s, t),)+ }
            }

            pub fn current(self, s: &AppState) -> Option<&HazardRow> {
                match self { $(Screen::$id => <$ty>::current(s),)+ }
            }
        }
    };
}

screens! {
    Overview => overview::OverviewScreen, "overview", Some("1");
    Ledger => list::Of<list::Ledger>, "ledger", Some("2");
    Overdue => overdue::OverdueScreen, "overdue", Some("3");
    Escalation => escalation::EscalationScreen, "escalation", Some("4");
    Verification => list::Of<list::Verification>, "verification", Some("5");
    Consult => consult::ConsultScreen, "consult", Some("6");
    Enterprises => enterprises::EnterprisesScreen, "enterprises", Some("7");
    Tipoffs => tipoffs::TipoffsScreen, "tipoffs", Some("8");
    Settings => settings::SettingsScreen, "settings", Some("0");
    Detail => detail::DetailScreen, "detail", None;
}

impl Screen {
    /// The screens with a tab and a go-to key, in order.
    pub fn tabs() -> impl Iterator<Item = Screen> {
        Screen::ALL.iter().copied().filter(|s| s.key().is_some())
    }

    /// The screen of a hazard list.
    pub fn of_list(kind: ListKind) -> Screen {
        Screen::ALL.iter().copied().find(|s| s.shows(kind)).unwrap_or(Screen::Ledger)
    }
}

/// One tab of the tab bar as drawn: its screen (none for the screen shown without a
/// tab), its text with padding, whether it is the active one, and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub screen: Option<Screen>,
    pub text: String,
    pub active: bool,
    pub x: u16,
}

/// The tab bar in `width` cells: the screens with their number keys, padded when they
/// fit, closer together when they would not. The drawing and the mouse both use it.
pub fn tab_bar(s: &AppState, width: u16) -> Vec<Tab> {
    let here = s.screen.key().is_some();
    let named = |short: bool| {
        let mut tabs: Vec<(Option<Screen>, String, bool)> = Screen::tabs()
            .map(|screen| {
                let active = s.screen == screen || (!here && s.back_to == screen);
                let key = s.keymap.key(Action::Go(screen)).map(|k| k.label()).unwrap_or_default();
                // short of room, only the active tab keeps its name
                let name = if short && !active { String::new() } else { format!(" {}", s.lang.t(screen.title_key())) };
                (Some(screen), format!("{key}{name}"), active)
            })
            .collect();
        if !here {
            tabs.push((None, s.lang.t(s.screen.title_key()).to_string(), true));
        }
        tabs
    };
    let total = |tabs: &[(Option<Screen>, String, bool)], pad: usize| {
        tabs.iter().map(|(_, x, _)| crate::text::width(x) + 1 + pad).sum::<usize>()
    };
    let mut tabs = named(false);
    if total(&tabs, 0) > usize::from(width) {
        tabs = named(true);
    }
    let roomy = total(&tabs, 2) <= usize::from(width);
    let pad = if roomy { " " } else { "" };
    let mut x = 0u16;
    tabs.into_iter()
        .map(|(screen, text, active)| {
            let text = format!("{pad}{}{pad}", crate::text::sanitise(&text));
            let tab = Tab { screen, x, active, text };
            x = x.saturating_add(crate::text::width(&tab.text) as u16 + 1);
            tab
        })
        .collect()
}
