//! The meeting pack: the Markdown paper's shape, the HTML in headless Chromium (sections
//! and charts), the DOCX as a package (parts, well-formed XML) and through LibreOffice,
//! the CSV annexes, and escaping of data in every format.
//!
//! Set `ANWEI_PACK_DIR` to keep a copy of the generated pack for a look by eye.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use anwei::domain::quarter::Quarter;
use anwei::i18n::Lang;
use anwei::report::{self, Block, Paper, csv::annexes, docx, html, markdown};
use support::consult::consult_ledger;
use support::*;

fn paper(l: &Ledger, lang: Lang) -> Paper {
    let a = l.store().agenda(Quarter::parse("2026Q4").unwrap()).unwrap();
    report::paper(lang, &a)
}

/// Keeps a copy of a generated file when `ANWEI_PACK_DIR` is set.
fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("ANWEI_PACK_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(name), bytes).unwrap();
    }
}

/// The first program of `names` found on PATH.
fn program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n))).find(|p| p.is_file())
}

#[test]
fn the_markdown_reads_like_a_meeting_paper() {
    let l = consult_ledger();
    let md = markdown::render(&paper(&l, Lang::Zh));
    keep("agenda-2026Q4.md", md.as_bytes());
    assert!(md.starts_with("# 官桥镇安委会办公室 2026年第四季度重大事故隐患会商研判材料\n"), "{}", &md[..200]);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    let expected = [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
        "七、企业主体责任",
        "八、",
        "九、存在的问题",
        "十、下步措施建议",
    ];
    assert_eq!(headings.len(), expected.len(), "{headings:?}");
    for (h, e) in headings.iter().zip(expected) {
        assert!(h.starts_with(&format!("## {e}")), "{h}");
    }
    for phrase in [
        "本季度初，全镇共有未销号重大事故隐患",
        "较上季度末",
        "季度清零率",
        "2024年底前基本消除存量",
        "提请会议研究确定督办措施",
        "2026年第三季度会商研判会议",
        "下次会商研判会议拟于2027年3月25日前召开",
        "| 序号 |",
        "主要负责人带队检查滞后的企业",
    ] {
        assert!(md.contains(phrase), "missing {phrase}");
    }
    for lang in [Lang::Zh, Lang::En] {
        let text = markdown::render(&paper(&l, lang));
        assert!(!text.contains('?') && !text.contains("{0}"), "a catalogue key is missing in {lang:?}");
    }
}

#[test]
fn html_opens_in_chromium_with_its_sections_and_charts() {
    let l = consult_ledger();
    let page = html::render(&paper(&l, Lang::Zh));
    keep("agenda-2026Q4.html", page.as_bytes());
    assert!(page.contains("@page { size: A4;") && page.contains("SimSun") && page.contains("SimHei"));
    assert_eq!(page.matches("<section>").count(), 10);
    assert_eq!(page.matches("<svg").count(), 3);
    let Some(chromium) = program(&["chromium", "chromium-browser", "google-chrome"]) else {
        println!("NOTICE: chromium is not installed; the HTML pack was not opened in a browser");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("agenda.html");
    std::fs::write(&file, &page).unwrap();
    let pdf = dir.path().join("agenda.pdf");
    let base = |extra: &[&str]| {
        let out = Command::new(&chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            .args(["--disable-component-update", "--disable-sync", "--no-first-run"])
            .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
            .args(extra)
            .arg(format!("file://{}", file.display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let dom = base(&["--dump-dom"]);
    assert_eq!(dom.matches("<h2>").count(), 10, "ten numbered sections");
    assert!(dom.contains("一、重大事故隐患总体情况") && dom.contains("七、企业主体责任落实情况"));
    assert!(dom.contains("十、下步措施建议"));
    assert_eq!(dom.matches("<svg").count(), 3, "trend, villages, sectors");
    for chart in ["data-chart=\"trend\"", "data-chart=\"bars\"", "<polyline", "<rect"] {
        assert!(dom.contains(chart), "{chart}");
    }
    assert!(dom.contains("data-annex=\"overdue\""));
    base(&[&format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer"]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "chromium printed a PDF");
    keep("agenda-2026Q4.pdf", &bytes);
}

/// Every part of the package, read back.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            f.read_to_string(&mut text).unwrap();
            (f.name().unwrap().to_string(), text)
        })
        .collect()
}

fn well_formed(name: &str, text: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{name} is not well-formed: {e}"),
        }
        assert!(depth >= 0, "{name}");
    }
    assert_eq!(depth, 0, "{name} closes every element");
}

#[test]
fn the_docx_is_a_well_formed_word_package() {
    let l = consult_ledger();
    let bytes = docx::render(&paper(&l, Lang::Zh)).unwrap();
    keep("agenda-2026Q4.docx", &bytes);
    let parts = unzip(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for needed in
        ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml"]
    {
        assert!(names.contains(&needed), "{needed} in {names:?}");
    }
    for (name, text) in &parts {
        well_formed(name, text);
    }
    let doc = &parts.iter().find(|(n, _)| n == "word/document.xml").unwrap().1;
    assert!(doc.contains("2026年第四季度重大事故隐患会商研判材料"));
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(doc.contains("<w:tblHeader/>"));
    let styles = &parts.iter().find(|(n, _)| n == "word/styles.xml").unwrap().1;
    assert!(styles.contains("宋体") && styles.contains("黑体"));
}

#[test]
fn libreoffice_converts_the_docx_to_pdf() {
    let Some(office) = program(&["soffice", "libreoffice"]) else {
        println!("NOTICE: LibreOffice is not installed; the DOCX was checked structurally only");
        return;
    };
    let l = consult_ledger();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("agenda.docx");
    std::fs::write(&file, docx::render(&paper(&l, Lang::Zh)).unwrap()).unwrap();
    let out = Command::new(office)
        .args(["--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(dir.path().join("agenda.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 5_000, "a PDF of the paper");
}

#[test]
fn annexes_hold_every_row() {
    let l = consult_ledger();
    let a = l.store().agenda(Quarter::parse("2026Q4").unwrap()).unwrap();
    let p = report::paper(Lang::Zh, &a);
    let list = annexes(&p);
    let overdue = list.iter().find(|x| x.file_name.ends_with("-overdue.csv")).unwrap();
    assert_eq!(overdue.rows.len() as i64, a.overdue.total.value);
    assert!(overdue.rows.len() > report::PAPER_ROWS, "the paper cuts the list, the annex does not");
    let tables = p.blocks.iter().filter(|b| matches!(b, Block::Table(_))).count();
    assert_eq!(list.len(), tables);
    assert_eq!(list[0].file_name, "01-overall.csv");
}

#[test]
fn data_is_escaped_in_every_format() {
    let l = Ledger::new();
    let mut s = l.store();
    let mut n = new_hazard("2026-10-08", "2026-10-20");
    n.title = "<script>alert(1)</script> & \"引号\" | *星* \u{1b}[31m".to_string();
    s.register(&n).unwrap();
    s.topic_add(Quarter::parse("2026Q4").unwrap(), None, "<b>燃气</b>", "").unwrap();
    let p = paper(&l, Lang::Zh);
    let page = html::render(&p);
    assert!(!page.contains("<script>") && page.contains("&lt;script&gt;") && !page.contains("<b>燃气"));
    assert!(!page.contains('\u{1b}'), "control characters are sanitised");
    let md = markdown::render(&p);
    assert!(md.contains("\\<script\\>") && md.contains("\\|"));
    for (name, text) in unzip(&docx::render(&p).unwrap()) {
        well_formed(&name, &text);
    }
}
