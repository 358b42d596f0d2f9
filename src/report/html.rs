//! The paper as one self-contained HTML page that prints well on A4: 宋体 text, 黑体
//! headings, tables whose header rows repeat on each page, and SVG charts.

use super::{Block, Chart, Paper, Table, svg, xml};
use crate::i18n::Lang;

const STYLE: &str = r#"
@page { size: A4; margin: 25mm 20mm 22mm 22mm; }
html { background: #fff; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 12pt; line-height: 1.7; color: #000; max-width: 168mm; margin: 0 auto; }
header { text-align: center; margin-bottom: 1.2em; }
.issuer { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 20pt;
  font-weight: normal; margin: 0.2em 0; }
.as-of { font-family: "KaiTi", "楷体", serif; text-indent: 0; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 14pt;
  font-weight: normal; margin: 1em 0 0.3em; break-after: avoid; }
h3 { font-family: "KaiTi", "楷体", serif; font-size: 12pt; font-weight: bold; margin: 0.6em 0 0.2em;
  text-indent: 2em; break-after: avoid; }
p { text-indent: 2em; margin: 0.25em 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; line-height: 1.4; margin: 0.4em 0 0.2em; }
caption { font-family: "SimHei", "黑体", sans-serif; font-size: 10.5pt; padding-bottom: 0.2em; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1.5pt 4pt; vertical-align: top; }
th { font-family: "SimHei", "黑体", sans-serif; font-weight: normal; background: #eee; white-space: nowrap; }
td.n { text-align: right; white-space: nowrap; }
td.k { white-space: nowrap; }
p.note { font-size: 9pt; text-indent: 0; color: #333; }
figure { margin: 0.6em 0; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; font-family: "SimSun", "宋体", "Noto Sans CJK SC", sans-serif; }
figcaption { font-family: "SimHei", "黑体", sans-serif; font-size: 10.5pt; }
@media screen { body { padding: 12mm 0; } }
"#;

/// The class of a cell: numbers right-aligned, codes and dates kept on one line.
fn cell_class(s: &str) -> &'static str {
    let starts_numeric = s.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '+' || c == '-');
    if starts_numeric && s.chars().filter(|c| *c == '-').count() < 2 {
        " class=\"n\""
    } else if !s.is_empty() && s.len() <= 20 && s.is_ascii() {
        " class=\"k\""
    } else {
        ""
    }
}

fn table(out: &mut String, t: &Table, lang: Lang) {
    out.push_str(&format!("<table data-annex=\"{}\"><caption>{}</caption><thead><tr>", t.id, xml(&t.caption)));
    for h in &t.headers {
        out.push_str(&format!("<th>{}</th>", xml(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for r in t.shown() {
        out.push_str("<tr>");
        for c in r {
            out.push_str(&format!("<td{}>{}</td>", cell_class(c), xml(c)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if let Some(note) = t.cut_note(lang) {
        out.push_str(&format!("<p class=\"note\">{}</p>", xml(&note)));
    }
}

fn chart(out: &mut String, c: &Chart, lang: Lang) {
    let (title, drawing) = match c {
        Chart::Trend { title, points } => {
            (title, svg::trend(title, points, [lang.t("chart.legend_open"), lang.t("chart.legend_rate")]))
        }
        Chart::Bars { title, bars, legend } => (title, svg::bars(title, bars, [&legend[0], &legend[1]])),
    };
    out.push_str(&format!("<figure>{drawing}<figcaption>{}</figcaption></figure>", xml(title)));
}

/// The whole paper as an HTML page.
pub fn render(p: &Paper) -> String {
    let html_lang = if p.lang == Lang::Zh { "zh-CN" } else { "en" };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head>\n<body><header><div class=\"issuer\">{}</div><h1>{}</h1><p class=\"as-of\">{}</p></header>\n",
        xml(&p.heading()),
        xml(&p.issuer),
        xml(&p.title),
        xml(&p.subtitle)
    );
    let mut open = false;
    for b in &p.blocks {
        match b {
            Block::Heading(h) => {
                if open {
                    out.push_str("</section>\n");
                }
                open = true;
                out.push_str(&format!("<section><h2>{}</h2>", xml(h)));
            }
            Block::SubHeading(h) => out.push_str(&format!("<h3>{}</h3>", xml(h))),
            Block::Para(text) => out.push_str(&format!("<p>{}</p>", xml(text))),
            Block::Table(t) => table(&mut out, t, p.lang),
            Block::Chart(c) => chart(&mut out, c, p.lang),
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    out.push_str("</body></html>\n");
    out
}
