//! A form's text field as rows of the dialog: one row, scrolled so that the cursor
//! stays in view, or for a note up to a few rows, one per line; with where the
//! terminal's cursor goes (so that an input method's candidates appear there).

use crate::text::{sanitise, width};

/// The most rows a note shows; the rows around the cursor when it has more lines.
pub const NOTE_ROWS: usize = 4;

/// The rows a field's text shows in `room` cells, and the cursor as (row, cell).
pub fn rows(text: &str, cursor: usize, lines: bool, room: usize) -> (Vec<String>, (usize, usize)) {
    let room = room.max(2);
    let all: Vec<&str> = if lines { text.split('\n').collect() } else { vec![text] };
    // the cursor's line and its place in that line
    let (mut at_line, mut at_char, mut seen) = (0, 0, 0);
    for (i, l) in all.iter().enumerate() {
        let n = l.chars().count();
        if cursor <= seen + n {
            (at_line, at_char) = (i, cursor - seen);
            break;
        }
        seen += n + 1;
        (at_line, at_char) = (i, n);
    }
    let first = at_line.saturating_sub(NOTE_ROWS - 1).min(all.len().saturating_sub(NOTE_ROWS));
    let shown = if lines { NOTE_ROWS.min(all.len()) } else { 1 };
    let mut out = Vec::new();
    let mut cell = (0, 0);
    for (row, l) in all.iter().enumerate().skip(first).take(shown) {
        let (text, col) = if row == at_line { window(l, at_char, room) } else { (cut(l, room), 0) };
        if row == at_line {
            cell = (out.len(), col);
        }
        out.push(text);
    }
    (out, cell)
}

/// The part of `line` that fits `room` cells with character `at` in view (the end of
/// the line shows when the cursor is there), and the cursor's cell in it.
fn window(line: &str, at: usize, room: usize) -> (String, usize) {
    let chars: Vec<String> = line.chars().map(|c| sanitise(&c.to_string())).collect();
    let before: usize = chars[..at.min(chars.len())].iter().map(|c| width(c)).sum();
    // keep one cell for the cursor after the last character
    let mut start = 0;
    let mut skipped = 0;
    while before - skipped > room - 1 && start < chars.len() {
        skipped += width(&chars[start]);
        start += 1;
    }
    let text = cut(&chars[start..].concat(), room);
    (text, before - skipped)
}

/// The first characters of `s` that fit in `room` cells.
fn cut(s: &str, room: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in sanitise(s).chars() {
        let w = width(&c.to_string());
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
        let text = "隐患整改".repeat(10);
        let (shown, cursor) = rows(&text, 40, false, 20);
        assert_eq!(shown.len(), 1);
        assert!(width(&shown[0]) <= 20);
        assert_eq!(cursor, (0, 18), "after the last character shown");
        let (shown, cursor) = rows(&text, 0, false, 20);
        assert!(shown[0].starts_with("隐患"));
        assert_eq!(cursor, (0, 0));
    }

    #[test]
    fn a_note_shows_its_lines_around_the_cursor() {
        let note = "一\n二\n三\n四\n五\n六";
        let (shown, cursor) = rows(note, note.chars().count(), true, 20);
        assert_eq!(shown, ["三", "四", "五", "六"]);
        assert_eq!(cursor, (3, 2));
        let (shown, cursor) = rows(note, 2, true, 20);
        assert_eq!(shown[0], "一");
        assert_eq!(cursor, (1, 0));
    }
}
