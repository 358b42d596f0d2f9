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
    /// Due within a week.
    DueSoon,
    /// How late, by degree: 1 (a little) to 3 (long past any letter).
    Late(u8),
    /// An escalation level, 1 (a letter) to 4 (exposure).
    Level(u8),
    Ok,
    Warn,
    Error,
    Bar,
    /// The stock part of a trend column (found by 2023).
    BarStock,
    BarFocus,
    Key,
}

/// A grade's foreground, background and boldness.
type Grade = (Color, Option<Color>, bool);

/// The graded styles of one colour depth.
struct Grades {
    due_soon: Grade,
    late: [Grade; 3],
    level: [Grade; 4],
}

const GRADES_256: Grades = Grades {
    due_soon: (Color::Indexed(178), None, false),
    late: [
        (Color::Indexed(208), None, false),
        (Color::Indexed(196), None, true),
        (Color::Indexed(231), Some(Color::Indexed(124)), true),
    ],
    level: [
        (Color::Indexed(176), None, false),
        (Color::Indexed(170), None, true),
        (Color::Indexed(165), None, true),
        (Color::Indexed(231), Some(Color::Indexed(90)), true),
    ],
};

/// Only the 16 ANSI colours, which 16-colour terminals get as SGR 30–37 and 90–97.
const GRADES_16: Grades = Grades {
    due_soon: (Color::Yellow, None, false),
    late: [(Color::LightYellow, None, true), (Color::LightRed, None, true), (Color::White, Some(Color::Red), true)],
    level: [
        (Color::Magenta, None, false),
        (Color::LightMagenta, None, false),
        (Color::LightMagenta, None, true),
        (Color::White, Some(Color::Magenta), true),
    ],
};

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
                Role::Header | Role::TabActive | Role::Selected | Role::Bar | Role::BarStock | Role::BarFocus => {
                    s.add_modifier(Modifier::REVERSED)
                }
                Role::Title | Role::Key | Role::Overdue | Role::Error => s.add_modifier(b),
                Role::Escalated | Role::Marked | Role::Warn => s.add_modifier(Modifier::UNDERLINED),
                Role::Muted => s.add_modifier(Modifier::DIM),
                Role::Label | Role::Ok | Role::DueSoon => s,
                Role::Late(1) | Role::Level(1 | 2) => s.add_modifier(b),
                Role::Late(2) | Role::Level(3) => s.add_modifier(b | Modifier::UNDERLINED),
                Role::Late(_) | Role::Level(_) => s.add_modifier(b | Modifier::REVERSED),
            },
            Depth::Colour16 => self.graded(role, &GRADES_16).unwrap_or_else(|| {
                self.colour(
                    role,
                    [
                        Color::Blue,
                        Color::Red,
                        Color::Magenta,
                        Color::Green,
                        Color::Yellow,
                        Color::Cyan,
                        Color::DarkGray,
                    ],
                )
            }),
            Depth::Colour256 => self.graded(role, &GRADES_256).unwrap_or_else(|| {
                self.colour(
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
                )
            }),
        }
    }

    /// The style of a graded role (due soon, how late, which level) from a table of
    /// (foreground, background, bold): the higher the grade, the stronger.
    fn graded(&self, role: Role, g: &Grades) -> Option<Style> {
        let (fg, bg, bold) = match role {
            Role::DueSoon => g.due_soon,
            Role::Late(n) => *g.late.get(usize::from(n.clamp(1, 3)) - 1)?,
            Role::Level(n) => *g.level.get(usize::from(n.clamp(1, 4)) - 1)?,
            _ => return None,
        };
        let s = Style::default().fg(fg);
        let s = if let Some(bg) = bg { s.bg(bg) } else { s };
        Some(if bold { s.add_modifier(Modifier::BOLD) } else { s })
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
            Role::DueSoon | Role::Late(_) | Role::Level(_) => s,
            Role::Ok => s.fg(green),
            Role::Warn => s.fg(yellow),
            Role::Bar => s.bg(bar),
            Role::BarStock => s.bg(muted),
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
