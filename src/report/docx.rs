//! The paper as a Word document: hand-written minimal WordprocessingML zipped with the
//! `zip` crate (already used by calamine and rust_xlsxwriter). A4 page, 宋体 body, 黑体
//! headings, bordered tables whose header row repeats; charts appear as their tables.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::{Block, Paper, Table, xml};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The text width of A4 less the margins, in twentieths of a point.
const TEXT_WIDTH: usize = 8844;

fn content_types() -> String {
    let ct = "application/vnd.openxmlformats-officedocument";
    format!(
        r#"{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{ct}.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{ct}.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="{ct}.extended-properties+xml"/></Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="{PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    format!(
        r#"{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/></Relationships>"#
    )
}

fn core(p: &Paper) -> String {
    format!(
        r#"{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>anwei</dc:creator></cp:coreProperties>"#,
        xml(&p.heading())
    )
}

fn app() -> String {
    format!(
        r#"{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>anwei</Application></Properties>"#
    )
}

/// One paragraph style: id, East Asian font, size in half-points, centred, bold, indent, outline level.
fn style(id: &str, font: &str, size: u32, centred: bool, bold: bool, outline: Option<u8>) -> String {
    let jc = if centred { r#"<w:jc w:val="center"/>"# } else { "" };
    let ind = if centred || id.starts_with("Table") || id == "Note" {
        r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#
    } else {
        ""
    };
    let keep = if outline.is_some() || id == "Caption" { "<w:keepNext/>" } else { "" };
    let space = if centred || outline.is_some() {
        r#"<w:spacing w:before="160" w:after="80" w:line="240" w:lineRule="auto"/>"#
    } else {
        ""
    };
    let lvl = outline.map(|l| format!(r#"<w:outlineLvl w:val="{l}"/>"#)).unwrap_or_default();
    let b = if bold { "<w:b/>" } else { "" };
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{id}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{keep}{space}{ind}{jc}{lvl}</w:pPr><w:rPr><w:rFonts w:eastAsia="{font}"/>{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#
    )
}

fn styles() -> String {
    let defaults = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="400" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>"#;
    let normal = r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="560"/><w:jc w:val="both"/></w:pPr></w:style>"#;
    let table = r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="TableText"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="260" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#;
    let parts = [
        style("Issuer", "黑体", 32, true, false, None),
        style("Title", "黑体", 40, true, false, None),
        style("Subtitle", "楷体", 28, true, false, None),
        style("Heading1", "黑体", 32, false, false, Some(0)),
        style("Heading2", "楷体", 28, false, true, Some(1)),
        style("Caption", "黑体", 21, true, false, None),
        style("Note", "宋体", 18, false, false, None),
    ];
    format!(r#"{HEAD}<w:styles xmlns:w="{W}">{defaults}{normal}{table}{}</w:styles>"#, parts.concat())
}

fn para(style: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml(text)
    )
}

fn cell(text: &str, header: bool, width: usize) -> String {
    let shade = if header { r#"<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>"# } else { "" };
    let font = if header { r#"<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>"# } else { "" };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r>{font}<w:t xml:space="preserve">{}</w:t></w:r></w:p></w:tc>"#,
        xml(text)
    )
}

/// The cell's side margins, and the widest cell a column keeps on one line, in twips.
const CELL_MARGINS: usize = 280;
const ONE_LINE: usize = 1400;

/// The width of text at 9 pt in twips (an ASCII character about half a Chinese one).
fn twips(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 100 } else { 180 }).sum()
}

/// Column widths: a column of short cells (codes, dates, numbers, names) gets what it needs
/// to keep them on one line (its header on at most two); the others share the rest by their
/// widest cell, long text compressed.
fn widths(t: &Table) -> Vec<usize> {
    let rows = t.shown();
    let widest = |i: usize| rows.iter().filter_map(|r| r.get(i)).map(|c| twips(c)).max().unwrap_or(0);
    let fixed: Vec<Option<usize>> = (0..t.headers.len())
        .map(|i| {
            let header = t.headers.get(i).map_or(0, |h| twips(h).min(720));
            (widest(i) <= ONE_LINE).then(|| widest(i).max(header).max(300) + CELL_MARGINS)
        })
        .collect();
    let weight = |i: usize| {
        let w = widest(i).max(t.headers.get(i).map_or(0, |h| twips(h))) / 90;
        if w <= 14 { w.max(4) } else { 14 + (w - 14) / 3 }
    };
    let rest = TEXT_WIDTH.saturating_sub(fixed.iter().flatten().sum());
    let total: usize = (0..fixed.len()).filter(|i| fixed[*i].is_none()).map(weight).sum::<usize>().max(1);
    (0..fixed.len()).map(|i| fixed[i].unwrap_or_else(|| rest * weight(i) / total)).collect()
}

fn table(t: &Table, p: &Paper) -> String {
    let widths = widths(t);
    let border = |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"].iter().map(|s| border(s)).collect();
    let grid: String = widths.iter().map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#)).collect();
    let mut out = para("Caption", &t.caption);
    out.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="autofit"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"#
    ));
    let header: String = t.headers.iter().zip(&widths).map(|(h, w)| cell(h, true, *w)).collect();
    out.push_str(&format!(r#"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{header}</w:tr>"#));
    for r in t.shown() {
        let cells: String = r.iter().zip(&widths).map(|(c, w)| cell(c, false, *w)).collect();
        out.push_str(&format!(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"#));
    }
    out.push_str("</w:tbl>");
    out.push_str(&para("Note", &t.cut_note(p.lang).unwrap_or_default()));
    out
}

/// The document part: every block in order, then the A4 section.
fn document(p: &Paper) -> String {
    let mut body = [para("Issuer", &p.issuer), para("Title", &p.title), para("Subtitle", &p.subtitle)].concat();
    for b in &p.blocks {
        match b {
            Block::Heading(h) => body.push_str(&para("Heading1", h)),
            Block::SubHeading(h) => body.push_str(&para("Heading2", h)),
            Block::Para(text) => body.push_str(&para("Normal", text)),
            Block::Table(t) => body.push_str(&table(t, p)),
            Block::Chart(_) => {}
        }
    }
    let section = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1474" w:bottom="1304" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#;
    format!(r#"{HEAD}<w:document xmlns:w="{W}" xmlns:r="{REL}"><w:body>{body}{section}</w:body></w:document>"#)
}

/// The parts of the package, by name.
pub fn parts(p: &Paper) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("word/document.xml", document(p)),
        ("word/_rels/document.xml.rels", document_rels()),
        ("word/styles.xml", styles()),
        ("docProps/core.xml", core(p)),
        ("docProps/app.xml", app()),
    ]
}

/// The paper as the bytes of a .docx file.
pub fn render(p: &Paper) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts(p) {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
