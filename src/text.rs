//! Text from the database and the keyboard made safe and measured for the terminal.

use unicode_width::UnicodeWidthStr;

/// `s` broken into lines of at most `cells` cells: at a space when a line has one,
/// anywhere in text without spaces (Chinese).
pub fn wrap(s: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut lines = vec![String::new()];
    for c in s.chars() {
        let line = lines.last_mut().map(|l| (width(l), l));
        let Some((used, line)) = line else { break };
        if used + width(&c.to_string()) <= cells {
            line.push(c);
            continue;
        }
        // carry the unfinished word to the next line when the line has a space to break at
        let carry = match line.rfind(' ') {
            Some(i) if c != ' ' => line.split_off(i + 1),
            _ => String::new(),
        };
        let trimmed = line.trim_end().to_string();
        *line = trimmed;
        let mut next = carry;
        if c != ' ' {
            next.push(c);
        }
        lines.push(next);
    }
    lines
}

/// Characters that never reach the terminal raw: controls, bidi overrides and isolates,
/// zero-width and invisible formatting, line and paragraph separators.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
            | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}' | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// One line of safe text: tabs become spaces, line breaks a space, and every other
/// unsafe character a visible `[U+XXXX]`.
pub fn sanitise(s: &str) -> String {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\n' | '\r' => out.push(' '),
            c if is_unsafe(c) => out.push_str(&format!("[U+{:04X}]", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Safe text that keeps its lines: each line sanitised, the line breaks kept.
pub fn sanitise_lines(s: &str) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .map(|l| match l.strip_suffix('\r') {
            Some(body) => format!("{}\r", sanitise(body)),
            None => sanitise(l),
        })
        .collect();
    lines.join("\n")
}

/// JSON text with every character a terminal could act on escaped as `\uXXXX`: the C1
/// controls, DEL, bidi and zero-width characters (serde_json escapes only C0). They can
/// only stand inside strings, so the JSON means the same.
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && is_unsafe(c) {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Display width in terminal cells (printable ASCII, most cells of a frame, counted at once).
pub fn width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, marking a cut with `~`.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('~');
    }
    out
}

/// `s` cut or padded with spaces to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    pad_owned(s.to_string(), cells)
}

/// The same, reusing the string when it fits (most cells of a frame do).
pub fn pad_owned(mut s: String, cells: usize) -> String {
    let w = width(&s);
    if w > cells {
        s = fit(&s, cells);
        let cut = width(&s);
        s.extend(std::iter::repeat_n(' ', cells.saturating_sub(cut)));
        return s;
    }
    s.extend(std::iter::repeat_n(' ', cells - w));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_or_anywhere_in_chinese() {
        assert_eq!(wrap("take the mouse or give it back", 12), ["take the", "mouse or", "give it back"]);
        assert_eq!(wrap("修改所选设置仅管理员须写明原因", 10), ["修改所选设", "置仅管理员", "须写明原因"]);
        assert_eq!(wrap("短", 10), ["短"]);
        assert!(wrap("a_very_long_identifier_without_spaces", 10).iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn escapes_and_bidi_become_visible() {
        let evil = "标题\u{1b}]0;pwned\u{7}\u{202E}abc\u{200B}\tx\ny";
        let safe = sanitise(evil);
        assert!(!safe.chars().any(is_unsafe), "{safe:?}");
        assert_eq!(safe, "标题[U+001B]]0;pwned[U+0007][U+202E]abc[U+200B]    x y");
        assert_eq!(sanitise("\u{FEFF}\u{00AD}\u{2066}\u{2028}"), "[U+FEFF][U+00AD][U+2066][U+2028]");
    }

    #[test]
    fn lines_and_json_stay_what_they_were() {
        assert_eq!(sanitise_lines("a\u{1b}[2J\r\nb\u{9b}\nc"), "a[U+001B][2J\r\nb[U+009B]\nc");
        let json = serde_json::to_string_pretty(&serde_json::json!({"t": "x\u{7f}\u{85}\u{202e}\u{1F600}y"})).unwrap();
        let safe = json_safe(&json);
        assert!(safe.contains(r"x\u007f\u0085\u202e😀y"), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["t"], "x\u{7f}\u{85}\u{202e}\u{1F600}y");
    }

    #[test]
    fn widths_of_chinese() {
        assert_eq!(width("重大隐患"), 8);
        assert_eq!(fit("重大隐患", 5), "重大~");
        assert_eq!(pad("隐患", 6), "隐患  ");
        assert_eq!(pad("abcdef", 4), "abc~");
    }
}
