//! Editing text in place: a cursor (counted in characters) that moves by character,
//! word and line end; insert, delete and word delete; line breaks in a note; a paste
//! inserted whole, cleaned of control characters. The form fields, the search line and
//! the picker's query edit with it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One change to a text and its cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(String),
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    Backspace,
    Delete,
    WordBackspace,
    /// Delete from the cursor to the end of the line.
    KillToEnd,
}

/// A one-line input (the search line, a picker's query) with its cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    /// In characters.
    pub cursor: usize,
}

impl LineInput {
    /// `text` with the cursor at its end.
    pub fn new(text: String) -> LineInput {
        LineInput { cursor: text.chars().count(), text }
    }

    /// Applies an editing key; false when the key is not one.
    pub fn key(&mut self, k: &KeyEvent) -> bool {
        match edit_of(k, false) {
            Some(e) => {
                self.cursor = apply(&mut self.text, self.cursor, &e, false);
                true
            }
            None => false,
        }
    }

    /// Inserts a paste at the cursor, its line breaks as spaces.
    pub fn paste(&mut self, text: &str) {
        self.cursor = apply(&mut self.text, self.cursor, &Edit::Insert(text.to_string()), false);
    }

    pub fn clear(&mut self) {
        *self = LineInput::default();
    }
}

/// The edit a key asks for in a text field, if it is one. Enter is a line break only in
/// a note (`lines`); elsewhere it is the dialog's.
pub fn edit_of(k: &KeyEvent, lines: bool) -> Option<Edit> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    Some(match k.code {
        KeyCode::Left if ctrl || alt => Edit::WordLeft,
        KeyCode::Right if ctrl || alt => Edit::WordRight,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Backspace if ctrl || alt => Edit::WordBackspace,
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Enter if lines && k.modifiers.is_empty() => Edit::Insert("\n".into()),
        KeyCode::Char('a') if ctrl => Edit::Home,
        KeyCode::Char('e') if ctrl => Edit::End,
        KeyCode::Char('b') if alt => Edit::WordLeft,
        KeyCode::Char('f') if alt => Edit::WordRight,
        KeyCode::Char('w') if ctrl => Edit::WordBackspace,
        KeyCode::Char('d') if ctrl => Edit::Delete,
        KeyCode::Char('k') if ctrl => Edit::KillToEnd,
        KeyCode::Char(c) if !ctrl && !alt => Edit::Insert(c.to_string()),
        _ => return None,
    })
}

/// Text as a paste or a keystroke may insert it: control characters dropped, line
/// breaks kept in a note and turned into spaces elsewhere, tabs into spaces.
pub fn clean(text: &str, lines: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' if lines => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The byte offset of character `at` (the end when past it).
fn byte_at(text: &str, at: usize) -> usize {
    text.char_indices().nth(at).map_or(text.len(), |(i, _)| i)
}

/// Whether a character ends a word: space, or punctuation of either width.
fn separates(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}')
}

/// Applies `e` to `text` with its cursor at character `cursor`; returns the new cursor.
pub fn apply(text: &mut String, cursor: usize, e: &Edit, lines: bool) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let at = cursor.min(chars.len());
    let line_start = chars[..at].iter().rposition(|c| *c == '\n').map_or(0, |i| i + 1);
    let line_end = chars[at..].iter().position(|c| *c == '\n').map_or(chars.len(), |i| at + i);
    let word_left = {
        let mut i = at;
        while i > 0 && separates(chars[i - 1]) {
            i -= 1;
        }
        while i > 0 && !separates(chars[i - 1]) {
            i -= 1;
        }
        i
    };
    let remove = |text: &mut String, from: usize, to: usize| {
        text.replace_range(byte_at(text, from)..byte_at(text, to), "");
    };
    match e {
        Edit::Insert(s) => {
            let s = clean(s, lines);
            text.insert_str(byte_at(text, at), &s);
            at + s.chars().count()
        }
        Edit::Left => at.saturating_sub(1),
        Edit::Right => (at + 1).min(chars.len()),
        Edit::Home => line_start,
        Edit::End => line_end,
        Edit::WordLeft => word_left,
        Edit::WordRight => {
            let mut i = at;
            while i < chars.len() && separates(chars[i]) {
                i += 1;
            }
            while i < chars.len() && !separates(chars[i]) {
                i += 1;
            }
            i
        }
        Edit::Backspace if at > 0 => {
            remove(text, at - 1, at);
            at - 1
        }
        Edit::Delete if at < chars.len() => {
            remove(text, at, at + 1);
            at
        }
        Edit::WordBackspace => {
            remove(text, word_left, at);
            word_left
        }
        Edit::KillToEnd => {
            remove(text, at, line_end.max(at + usize::from(line_end == at && at < chars.len())));
            at
        }
        Edit::Backspace | Edit::Delete => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, cursor: usize, edits: &[Edit], lines: bool) -> (String, usize) {
        let mut t = text.to_string();
        let mut c = cursor;
        for e in edits {
            c = apply(&mut t, c, e, lines);
        }
        (t, c)
    }

    #[test]
    fn moves_and_inserts_in_the_middle() {
        let (t, c) = run("整改完成", 4, &[Edit::Left, Edit::Left, Edit::Insert("已".into())], false);
        assert_eq!((t.as_str(), c), ("整改已完成", 3));
        assert_eq!(run("abc", 1, &[Edit::Home, Edit::Insert("x".into())], false).0, "xabc");
        assert_eq!(run("abc", 1, &[Edit::End, Edit::Backspace], false).0, "ab");
        assert_eq!(run("abc", 0, &[Edit::Delete], false).0, "bc");
    }

    #[test]
    fn words_and_word_delete() {
        assert_eq!(run("设备 已到货", 6, &[Edit::WordLeft], false).1, 3);
        assert_eq!(run("设备 已到货", 0, &[Edit::WordRight], false).1, 2);
        assert_eq!(run("设备，已到货", 6, &[Edit::WordBackspace], false).0, "设备，");
        assert_eq!(run("one two", 7, &[Edit::WordBackspace, Edit::WordBackspace], false).0, "");
    }

    #[test]
    fn a_note_keeps_its_lines_and_home_is_the_lines_start() {
        let (t, c) = run("", 0, &[Edit::Insert("第一行\r\n第二行".into()), Edit::Home], true);
        assert_eq!((t.as_str(), c), ("第一行\n第二行", 4));
        let (t, _) = run("", 0, &[Edit::Insert("a\nb\tc\u{1b}[31m".into())], false);
        assert_eq!(t, "a b c[31m", "no line break nor escape in a one-line field");
        assert_eq!(run("ab\ncd", 1, &[Edit::KillToEnd], true).0, "a\ncd");
    }

    #[test]
    fn keys_map_to_edits() {
        let k = |code, m| KeyEvent::new(code, m);
        assert_eq!(edit_of(&k(KeyCode::Char('a'), KeyModifiers::CONTROL), false), Some(Edit::Home));
        assert_eq!(edit_of(&k(KeyCode::Left, KeyModifiers::CONTROL), false), Some(Edit::WordLeft));
        assert_eq!(edit_of(&k(KeyCode::Enter, KeyModifiers::NONE), false), None);
        assert_eq!(edit_of(&k(KeyCode::Enter, KeyModifiers::NONE), true), Some(Edit::Insert("\n".into())));
        assert_eq!(edit_of(&k(KeyCode::Char('s'), KeyModifiers::CONTROL), true), None);
    }
}
