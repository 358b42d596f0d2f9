//! The agenda read on screen: the sizes of the screen's panes (shared by the keys and the
//! drawing), and the selected topic's proposal, decision and section of the paper
//! (paragraphs and tables) as lines cut to the pane's width.

use crate::i18n::Lang;
use crate::model::AgendaTopic;
use crate::report::{Block, Table};
use crate::text::{fit, pad, sanitise, width};

/// Rows above the screen's body (header, tabs) and below it (status, footer).
const CHROME: u16 = 4;
/// The quarter's line and the meeting's line.
pub const HEAD: u16 = 2;
/// The widest a table column is drawn.
const COLUMN_MAX: usize = 24;

/// How the consultation screen is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The topics' width.
    pub left: u16,
    /// The actions' height, borders included.
    pub below: u16,
    /// The selected topic's text: width and height inside its borders.
    pub text_w: u16,
    pub text_h: u16,
}

/// The panes of a body `w` x `h` holding `actions` actions.
pub fn panes(w: u16, h: u16, actions: usize) -> Panes {
    let room = h.saturating_sub(HEAD);
    let listed = u16::try_from(actions.max(1) + 2).unwrap_or(u16::MAX);
    let below = listed.min((room / 3).max(3)).min(room);
    let left = (w * 2 / 5).clamp(w.min(16), 36);
    let text_w = w.saturating_sub(left).saturating_sub(2);
    Panes { left, below, text_w, text_h: room.saturating_sub(below).saturating_sub(2) }
}

/// The panes for a terminal of `size`.
pub fn panes_of(size: (u16, u16), actions: usize) -> Panes {
    panes(size.0, size.1.saturating_sub(CHROME), actions)
}

/// Curly quotes (which the paper uses) are East Asian ambiguous, one cell or two by
/// terminal; on screen they become straight ones.
fn plain(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        c => c,
    }
}

/// `s` cut into lines of at most `w` cells (Chinese has no spaces to break at).
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for c in s.chars().map(plain) {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w.max(2) {
            out.push(String::new());
            used = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
        used += cw;
    }
    out
}

/// A table as aligned lines: headers, the rows the paper shows, the cut note.
fn table(lang: Lang, t: &Table) -> Vec<String> {
    let widths: Vec<usize> = (0..t.headers.len())
        .map(|i| {
            let cells = std::iter::once(&t.headers[i]).chain(t.shown().iter().filter_map(|r| r.get(i)));
            cells.map(|c| width(c)).max().unwrap_or(0).min(COLUMN_MAX)
        })
        .collect();
    let row = |cells: &[String]| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        padded.join("  ").trim_end().to_string()
    };
    let mut out = vec![row(&t.headers)];
    out.extend(t.shown().iter().map(|r| row(r)));
    out.extend(t.cut_note(lang));
    out
}

/// The topic's proposal and decision, then its section of the paper, in lines of at most
/// `w` cells: text wrapped, table rows cut (so that their columns stay aligned).
pub fn lines(lang: Lang, topic: &AgendaTopic, blocks: &[Block], w: usize) -> Vec<String> {
    let said = |text: &str| {
        if text.trim().is_empty() { lang.t("consultation.empty_text").to_string() } else { sanitise(text) }
    };
    let mut out = vec![String::new()];
    out.extend(wrap(&lang.f("topic.proposal", &[&said(&topic.proposal)]), w));
    out.extend(wrap(&lang.f("topic.decision", &[&said(&topic.decision)]), w));
    for b in blocks {
        match b {
            Block::Heading(h) | Block::SubHeading(h) | Block::Para(h) => {
                out.push(String::new());
                out.extend(wrap(h, w));
            }
            Block::Table(t) => {
                out.push(String::new());
                out.extend(wrap(&t.caption, w));
                out.extend(table(lang, t).iter().map(|r| fit(&r.chars().map(plain).collect::<String>(), w)));
            }
            Block::Chart(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_cells() {
        assert_eq!(wrap("隐患台账ab", 5), vec!["隐患", "台账a", "b"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("\u{201C}隐患\u{201D}", 9), vec!["\"隐患\""]);
    }

    #[test]
    fn the_panes_fit_at_any_size() {
        for (w, h) in [(1, 1), (10, 3), (80, 20), (120, 36)] {
            let p = panes(w, h, 3);
            assert!(p.left <= w && p.below + HEAD <= h.max(HEAD), "{w}x{h}: {p:?}");
        }
        assert_eq!(panes(80, 20, 1), Panes { left: 32, below: 3, text_w: 46, text_h: 13 });
    }
}
