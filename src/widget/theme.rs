//! Semantic styles in three colour depths: 256 colours, the 16 ANSI colours for
//! `TERM=xterm`/`linux`, and monochrome (modifiers only) under `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeChoice;

/// How many colours the terminal gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    Colour256,
    Colour16,
    Mono,
}

impl Depth {
    /// From the config, else `NO_COLOR` and `TERM`.
    pub fn detect(choice: ThemeChoice, term: Option<&str>, no_color: bool) -> Depth {
        match choice {
            ThemeChoice::Colour256 => Depth::Colour256,
            ThemeChoice::Colour16 => Depth::Colour16,
            ThemeChoice::Mono => Depth::Mono,
            ThemeChoice::Auto if no_color => Depth::Mono,
            ThemeChoice::Auto if matches!(term, Some("xterm" | "linux" | "vt100" | "vt220" | "screen")) => {
                Depth::Colour16
            }
            ThemeChoice::Auto => Depth::Colour256,
        }
    }
}

/// What a piece of text means; the theme decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Header,
    TabActive,
    Title,
    Label,
    Muted,
    Selected,
    Marked,
    Overdue,
    Escalated,
    Ok,
    Warn,
    Error,
    Bar,
    BarFocus,
    Key,
}

/// The styles of one depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
}

impl Theme {
    pub fn new(depth: Depth) -> Theme {
        Theme { depth }
    }

    /// The style of a role.
    pub fn style(&self, role: Role) -> Style {
        let s = Style::default();
        let b = Modifier::BOLD;
        match self.depth {
            Depth::Mono => match role {
                Role::Header | Role::TabActive | Role::Selected | Role::Bar | Role::BarFocus => {
                    s.add_modifier(Modifier::REVERSED)
                }
                Role::Title | Role::Key | Role::Overdue | Role::Error => s.add_modifier(b),
                Role::Escalated | Role::Marked | Role::Warn => s.add_modifier(Modifier::UNDERLINED),
                Role::Muted => s.add_modifier(Modifier::DIM),
                Role::Label | Role::Ok => s,
            },
            Depth::Colour16 => self.colour(
                role,
                [Color::Blue, Color::Red, Color::Magenta, Color::Green, Color::Yellow, Color::Cyan, Color::DarkGray],
            ),
            Depth::Colour256 => self.colour(
                role,
                [
                    Color::Indexed(24),
                    Color::Indexed(196),
                    Color::Indexed(170),
                    Color::Indexed(34),
                    Color::Indexed(214),
                    Color::Indexed(38),
                    Color::Indexed(244),
                ],
            ),
        }
    }

    /// Colour roles from a palette: [accent, overdue, escalated, ok, warn, bar, muted].
    fn colour(&self, role: Role, p: [Color; 7]) -> Style {
        let s = Style::default();
        let [accent, red, magenta, green, yellow, bar, muted] = p;
        match role {
            Role::Header => s.fg(Color::White).bg(accent).add_modifier(Modifier::BOLD),
            Role::TabActive => s.fg(Color::Black).bg(bar).add_modifier(Modifier::BOLD),
            Role::Title => s.fg(bar).add_modifier(Modifier::BOLD),
            Role::Label | Role::Muted => s.fg(muted),
            Role::Selected => s.add_modifier(Modifier::REVERSED),
            Role::Marked => s.fg(yellow).add_modifier(Modifier::BOLD),
            Role::Overdue | Role::Error => s.fg(red).add_modifier(Modifier::BOLD),
            Role::Escalated => s.fg(magenta),
            Role::Ok => s.fg(green),
            Role::Warn => s.fg(yellow),
            Role::Bar => s.bg(bar),
            Role::BarFocus => s.bg(yellow),
            Role::Key => s.fg(yellow).add_modifier(Modifier::BOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_from_term_and_no_color() {
        assert_eq!(Depth::detect(ThemeChoice::Auto, Some("xterm-256color"), false), Depth::Colour256);
        assert_eq!(Depth::detect(ThemeChoice::Auto, Some("xterm"), false), Depth::Colour16);
        assert_eq!(Depth::detect(ThemeChoice::Auto, Some("linux"), false), Depth::Colour16);
        assert_eq!(Depth::detect(ThemeChoice::Auto, Some("xterm-256color"), true), Depth::Mono);
        assert_eq!(Depth::detect(ThemeChoice::Colour16, None, true), Depth::Colour16);
        let mono = Theme::new(Depth::Mono);
        assert_eq!(mono.style(Role::Overdue).fg, None);
        assert_eq!(Theme::new(Depth::Colour16).style(Role::Overdue).fg, Some(Color::Red));
    }
}
