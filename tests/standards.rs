//! The judgment-standard catalogue in the ledger: a hazard's judgment standard is a
//! clause of it (stored as the catalogue cites it, refused when it is none), the sectors
//! come from it and the township's own setting, and `anwei standards` searches it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use anwei::store::StoreError;
use anwei::store::enterprise::EnterpriseInput;
use anwei::store::write::NewHazard;
use support::{CODES, Ledger, new_hazard};

#[test]
fn a_hazard_points_to_a_clause_as_the_catalogue_cites_it() {
    let l = Ledger::new();
    let mut s = l.store();
    let code = s.register(&new_hazard("2026-11-01", "2027-01-31")).unwrap().code;
    assert_eq!(s.detail(&code).unwrap().standard_ref, "应急管理部令第10号 第十一条第（一）项");
    let free =
        NewHazard { standard_ref: "工贸第10号令第四条".into(), ..new_hazard("2026-11-01", "2027-01-31") };
    let refused = s.register(&free).unwrap_err();
    assert!(matches!(refused, StoreError::Invalid { field: "standard", .. }), "{refused:?}");
    let none = NewHazard { standard_ref: String::new(), ..new_hazard("2026-11-01", "2027-01-31") };
    assert!(s.register(&none).is_ok(), "a hazard may await its clause");
}

#[test]
fn a_sector_is_the_catalogues_or_the_townships_own() {
    let l = Ledger::new();
    let mut s = l.store();
    let e = |sector: &str| EnterpriseInput {
        credit_code: CODES[2].into(),
        name: "官桥农家乐".into(),
        sector: sector.into(),
        ..EnterpriseInput::default()
    };
    let refused = s.enterprise_add(&e("农家乐"), "").unwrap_err();
    assert!(matches!(refused, StoreError::Invalid { field: "sector", .. }), "{refused:?}");
    assert!(s.sector_names().unwrap().iter().any(|x| x == "燃气"), "the catalogue's");
    s.set_setting("local_sectors", "农家乐、民宿", "镇里的乡村旅游").unwrap();
    s.enterprise_add(&e("农家乐"), "").unwrap();
    let names = s.sector_names().unwrap();
    assert!(names.iter().any(|x| x == "民宿") && names.iter().any(|x| x == "农家乐"));
    let officer = l.store_as("zhangwei").set_setting("local_sectors", "", "").unwrap_err();
    assert!(matches!(officer, StoreError::Forbidden { .. }), "an admin's setting");
}

#[test]
fn the_command_searches_the_catalogue() {
    let l = Ledger::new();
    let out = support::at(l.path(), &["standards", "search", "泄爆", "--sector", "粉尘涉爆", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["text"].as_str().unwrap().contains("泄爆") && r["sector"] == "粉尘涉爆"));
    let table = support::at(l.path(), &["--lang", "zh", "standards", "list", "--sector", "燃气"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("建城规〔2023〕4号 第四条第（一）项 [燃气]"), "{text}");
    assert!(text.contains("第九条各项仅在燃气经营者入户安检发现后"), "the instrument's note: {text}");
}

#[test]
fn a_search_of_the_ledger_matches_the_wording_of_the_hazards_clause() {
    let l = Ledger::new();
    let mut s = l.store();
    let n = NewHazard { title: "一号车间问题".into(), ..new_hazard("2026-11-01", "2027-01-31") };
    let code = s.register(&n).unwrap().code;
    let f = anwei::store::list::Filter { search: Some("非框架结构".into()), ..Default::default() };
    let rows = s.list(&f, Default::default(), &anwei::store::list::Page { after: None, limit: 10 }).unwrap();
    assert_eq!(rows.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), [code.as_str()]);
    assert_eq!(s.count(&f).unwrap(), 1);
}
