//! Property tests: no input of any shape panics the readers (dates, credit codes, config,
//! CSV and XLSX bytes) or the screen, and no control or format character reaches a cell.
//! `PROPTEST_CASES` sets the number of cases (CI runs the default below).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;

/// The general categories Cc, Cf, Zl and Zp (Unicode 15), which no cell may hold.
fn is_control_or_format(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}' | '\u{0890}'..='\u{0891}'
            | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}')
}

fn cases() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    }
}

/// Text drawn from all of Unicode, with the troublemakers more often.
fn any_text() -> impl Strategy<Value = String> {
    let hostile = prop_oneof![
        Just('\u{1b}'),
        Just('\u{7}'),
        Just('\u{9b}'),
        Just('\u{7f}'),
        Just('\u{202e}'),
        Just('\u{200b}'),
        Just('\u{2028}'),
        Just('\u{feff}'),
        Just('\t'),
        Just('\n'),
        Just('隐'),
        Just('😀'),
    ];
    prop::collection::vec(prop_oneof![any::<char>(), hostile], 0..60).prop_map(|v| v.into_iter().collect())
}

/// A small workbook as Excel writes one, for the XLSX reader to be fed damaged copies of.
fn workbook() -> &'static [u8] {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES.get_or_init(|| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (col, head) in ["企业", "隐患名称", "等级", "发现日期"].iter().enumerate() {
            sheet.write_string(0, col as u16, *head).unwrap();
        }
        sheet.write_string(1, 0, "官桥化工").unwrap();
        sheet.write_number(1, 3, 45363.0).unwrap();
        book.save_to_buffer().unwrap()
    })
}

/// Reads `bytes` as an `.xlsx` file.
fn read_xlsx(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let _ = anwei::transfer::read_file(&path);
}

proptest! {
    #![proptest_config(cases())]

    #[test]
    fn xlsx_bytes_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        noise in prop::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut bytes = workbook().to_vec();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        read_xlsx(&bytes);
        bytes.truncate(cut.index(bytes.len()));
        read_xlsx(&bytes);
        read_xlsx(&noise);
    }

    #[test]
    fn dates_never_panic(s in any_text(), digits in "[0-9０-９年月日/.-]{0,14}") {
        let _ = anwei::transfer::dates::parse(&s);
        if let Some(d) = anwei::transfer::dates::parse(&digits) {
            prop_assert!(chrono::Datelike::year(&d) >= 1899, "{digits} -> {d}");
        }
    }

    #[test]
    fn credit_codes_never_panic_and_their_check_char_holds(s in any_text(), body in "[0-9A-HJ-NP-RT-UW-Y]{17}") {
        let _ = anwei::domain::credit_code::validate(&s);
        if let Some(c) = anwei::domain::credit_code::check_char(&body) {
            let code = format!("{body}{c}");
            prop_assert!(anwei::domain::credit_code::validate(&code).is_ok(), "{code}");
        }
    }

    #[test]
    fn the_config_reader_never_panics(s in any_text(), keys in "[a-z_ =\"\\[\\]\n0-9-]{0,80}") {
        for text in [s, keys] {
            if let Err((line, _)) = anwei::config::parse(&text) {
                prop_assert!(line <= text.lines().count() + 1, "line {line} of {text:?}");
            }
        }
    }

    #[test]
    fn csv_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = anwei::transfer::read::read_csv(&bytes);
    }

    #[test]
    fn sanitised_text_holds_no_control_or_format_character(s in any_text()) {
        let safe = anwei::text::sanitise(&s);
        prop_assert!(!safe.chars().any(is_control_or_format), "{s:?} -> {safe:?}");
        for w in [0usize, 1, 2, 7, 30] {
            prop_assert_eq!(anwei::text::width(&anwei::text::pad(&safe, w)), w);
        }
    }
}

#[test]
fn the_undamaged_workbook_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.xlsx");
    std::fs::write(&path, workbook()).unwrap();
    let table = anwei::transfer::read_file(&path).unwrap();
    assert_eq!(table.headers, ["企业", "隐患名称", "等级", "发现日期"]);
    assert_eq!(table.rows[0].cells, ["官桥化工", "", "", "45363"]);
}
