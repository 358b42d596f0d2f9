//! The paper as Markdown, for pasting: headings, paragraphs and pipe tables (charts are
//! left out; their numbers are in the tables).

use super::{Block, Paper, Table};

/// Backslash-escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '|' | '<' | '>' | '`' | '*' | '_' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table(out: &mut String, t: &Table, p: &Paper) {
    out.push_str(&format!("**{}**\n\n", escape(&t.caption)));
    let row = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | "));
    out.push_str(&row(&t.headers));
    out.push_str(&format!("|{}\n", "---|".repeat(t.headers.len())));
    for r in t.shown() {
        out.push_str(&row(r));
    }
    if let Some(note) = t.cut_note(p.lang) {
        out.push_str(&format!("\n{}\n", escape(&note)));
    }
    out.push('\n');
}

/// The whole paper as Markdown.
pub fn render(p: &Paper) -> String {
    let mut out = format!("# {}\n\n{}\n\n", escape(&p.heading()), escape(&p.subtitle));
    for b in &p.blocks {
        match b {
            Block::Heading(h) => out.push_str(&format!("## {}\n\n", escape(h))),
            Block::SubHeading(h) => out.push_str(&format!("### {}\n\n", escape(h))),
            Block::Para(text) => out.push_str(&format!("{}\n\n", escape(text))),
            Block::Table(t) => table(&mut out, t, p),
            Block::Chart(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_data_is_escaped() {
        assert_eq!(escape("a|b <script>*x*"), "a\\|b \\<script\\>\\*x\\*");
        assert_eq!(escape("官桥村(5项)"), "官桥村(5项)");
    }
}
