//! The judgment-standard catalogue (重大事故隐患判定标准): each instrument as shipped in
//! `assets/standards` (its title, document number, where its text was read, a note), and
//! its clauses, each with its sector, number and published wording (`verified = false`
//! where the wording could not be read). A hazard's `standard_ref` is a clause's
//! reference, `cite number`; the ledger's sectors come from here.

use std::sync::OnceLock;

use serde::Deserialize;

/// One instrument.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Instrument {
    /// Its title, in 《》.
    pub instrument: String,
    pub doc_no: String,
    /// The short citation a reference starts with, unique in the catalogue.
    pub cite: String,
    #[serde(default)]
    pub note: String,
    pub issuer: String,
    pub issued: String,
    /// Where its text was read.
    pub source: String,
    #[serde(rename = "clause")]
    pub clauses: Vec<Clause>,
}

/// One clause.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Clause {
    pub sector: String,
    /// As the instrument cites it: 第十一条第（一）项, 6.1.
    pub number: String,
    pub text: String,
    pub verified: bool,
}

/// A clause with its instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub instrument: &'static Instrument,
    pub clause: &'static Clause,
}

impl Found {
    /// The reference a hazard stores: `应急管理部令第10号 第十一条第（一）项`.
    pub fn reference(&self) -> String {
        format!("{} {}", self.instrument.cite, self.clause.number)
    }

    /// The wording as a hazard's title: without its closing 的； or 。, and with 「」 for
    /// the curly quotes (whose width terminals disagree on).
    pub fn title(&self) -> String {
        let text = self.clause.text.trim_end_matches(['；', '。', '，']).trim_end_matches('的');
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        one_line.replace('“', "「").replace('”', "」")
    }
}

const FILES: [&str; 7] = [
    include_str!("../../assets/standards/gongmao.toml"),
    include_str!("../../assets/standards/huagong.toml"),
    include_str!("../../assets/standards/yanhua.toml"),
    include_str!("../../assets/standards/fangwu.toml"),
    include_str!("../../assets/standards/ranqi.toml"),
    include_str!("../../assets/standards/yunshu.toml"),
    include_str!("../../assets/standards/huozai.toml"),
];

/// Every instrument, in the order shipped (a file that does not parse is left out; a test
/// makes sure none is).
pub fn catalogue() -> &'static [Instrument] {
    static ALL: OnceLock<Vec<Instrument>> = OnceLock::new();
    ALL.get_or_init(|| FILES.iter().filter_map(|f| toml::from_str(f).ok()).collect())
}

/// Every clause, in catalogue order.
pub fn clauses() -> impl Iterator<Item = Found> {
    catalogue().iter().flat_map(|instrument| instrument.clauses.iter().map(move |clause| Found { instrument, clause }))
}

/// The sectors of the catalogue, in the order they first appear.
pub fn sectors() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for c in clauses() {
        if !out.contains(&c.clause.sector.as_str()) {
            out.push(&c.clause.sector);
        }
    }
    out
}

/// A reference or a clause number as people type it: no spaces, full-width brackets,
/// the long dash, and 第十一条（一） for 第十一条第（一）项.
fn normal(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '-' | '－' => '—',
            c => c,
        })
        .collect();
    s.replace("第（", "（").replace("）项", "）")
}

/// The clause a reference points to, however it is spaced or bracketed.
pub fn find(reference: &str) -> Option<Found> {
    static BY_REFERENCE: OnceLock<std::collections::HashMap<String, Found>> = OnceLock::new();
    let all = BY_REFERENCE.get_or_init(|| clauses().map(|c| (normal(&c.reference()), c)).collect());
    all.get(&normal(reference)).copied()
}

/// The clauses whose text, number, sector or instrument contains every word of `query`,
/// in catalogue order; `sector` narrows to one sector.
pub fn search(query: &str, sector: Option<&str>) -> Vec<Found> {
    let words: Vec<String> = query.split_whitespace().map(normal).collect();
    clauses()
        .filter(|c| sector.is_none_or(|s| c.clause.sector == s))
        .filter(|c| {
            let hay = normal(&format!("{} {} {}", c.reference(), c.clause.sector, c.clause.text));
            let hay = format!("{hay}{}", normal(&c.instrument.instrument));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_with_cited_unique_references() {
        assert_eq!(catalogue().len(), FILES.len(), "a catalogue file does not parse");
        let mut refs: Vec<String> = clauses().map(|c| c.reference()).collect();
        let n = refs.len();
        refs.sort();
        refs.dedup();
        assert_eq!(refs.len(), n, "references are unique");
        for i in catalogue() {
            assert!(!i.source.trim().is_empty() && !i.cite.trim().is_empty(), "{}", i.instrument);
            assert!(i.clauses.iter().all(|c| !c.text.trim().is_empty()), "{}", i.instrument);
        }
    }

    #[test]
    fn the_sectors_are_the_township_plans() {
        let s = sectors();
        for want in [
            "危化品",
            "工贸",
            "金属冶炼",
            "粉尘涉爆",
            "涉氨制冷",
            "有限空间",
            "建筑施工",
            "交通运输",
            "燃气",
            "烟花爆竹",
            "消防",
            "商业综合体",
        ] {
            assert!(s.contains(&want), "{want}");
        }
    }

    #[test]
    fn a_reference_is_found_however_it_is_typed() {
        let f = find("应急管理部令第10号 第十一条(一)").unwrap();
        assert_eq!(f.clause.sector, "粉尘涉爆");
        assert_eq!(find(&f.reference()), Some(f));
        assert!(find("应急管理部令第10号 第九十九条").is_none());
        let hits = search("泄爆", Some("粉尘涉爆"));
        assert!(!hits.is_empty() && hits.iter().all(|h| h.clause.text.contains("泄爆")));
        assert!(search("烟花 药量", None).iter().all(|h| h.clause.sector == "烟花爆竹"));
    }

    /// Chinese clause text keeps full-width punctuation.
    #[test]
    fn clause_text_uses_full_width_punctuation() {
        for c in clauses() {
            for bad in [",", "(", ")", ";", ":"] {
                assert!(!c.clause.text.contains(bad), "{} has {bad:?}", c.reference());
            }
        }
    }
}
