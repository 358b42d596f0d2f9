//! Snapshot tests of every screen and modal at 80x24 and 120x40 in both languages
//! (ratatui's `TestBackend`; the buffer's Debug output includes styles), style checks
//! of overdue and escalated rows, aligned Chinese columns, sanitised data, and no
//! panic at any size.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::draw;
use crate::app::AppEvent;
use crate::app::harness::Harness;
use crate::i18n::Lang;
use crate::widget::theme::{Depth, Theme};

/// Declares every screen and modal by a name and the keys that reach it from the
/// overview: one snapshot test per case (at 80x24 and 120x40, in both languages), and
/// `CASES` for the tests that go through all of them.
macro_rules! cases {
    ($($name:ident: $keys:expr,)+) => {
        const CASES: &[(&str, &str)] = &[$((stringify!($name), $keys),)+];
        $(
            #[test]
            fn $name() {
                snapshots(stringify!($name), $keys);
            }
        )+
    };
}

cases! {
    overview: "",
    ledger: "2",
    overdue: "3",
    escalation: "4",
    verification: "5",
    detail: "2\n",
    help: "?",
    assign: "2a",
    plan: "2p",
    progress: "2m",
    submit: "2jjjjs",
    verify: "5v",
    escalate: "4e",
    confirm_escalate: "4e\n",
    extend: "2x",
    reopen: "2jjjjjjjjr",
    filter: "2f",
    search_empty: "2/zzz",
    marked: "2  ",
    ledger_filtered_from_tile: "l\n",
    consult: "6",
    consult_figures: "6jjl",
    consult_places: "6jjjjjlG",
    consult_reading: "6jjljjjjjj",
    consult_actions: "6ll",
    consult_topic_add: "6t",
    consult_decide: "6jjc",
    consult_confirm_drop: "6d",
    consult_action_add: "6n",
    consult_action_done: "6llD",
    consult_meeting: "6m",
    consult_confirm_held: "6H",
    consult_pack: "6p",
    consult_held: "6[",
    consult_correction: "6[jjc",
    consult_frozen: "6[t",
    consult_no_record: "6[[",
    ledger_from_figure: "6l\n",
    overview_analysis: "t",
    settings: "0",
    setting_edit: "0j\n",
    enterprises: "7",
    enterprise_detail: "7\n",
    enterprise_add: "7a",
    enterprise_edit: "7e",
    enterprise_filter: "7f",
    overdue_not_notified: "3l",
    overdue_behind: "3ll",
    overdue_actions: "3lll",
    escalation_listed: "4l",
    escalation_reviews: "4ll",
    notify: "2i",
    acknowledge: "2I",
    list_supervision: "2L",
    stop_production: "2S",
    register_enterprise: "2c",
    register_clause: "2c91420100MA4K000003\n",
    register_form: "2c91420100MA4K000003\n泄爆\n",
    inspection_add: "7i",
    attach: "2F",
    tipoffs: "8",
    tipoff_detail: "8\n",
    tipoff_add: "8a",
    tipoff_assign: "8s",
    tipoff_reward: "8jjjr",
    tipoff_filter: "8f",
    overdue_tipoffs: "3llll",
}

fn render(h: &Harness, depth: Depth) -> Buffer {
    let (w, hh) = h.s.size;
    let mut term = Terminal::new(TestBackend::new(w, hh)).unwrap();
    term.draw(|f| draw(f, &h.s, &Theme::new(depth))).unwrap();
    term.backend().buffer().clone()
}

/// Times of day (the clock's date is fixed, its time runs) become `hh:mm:ss`.
fn redact(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let is_time = i + 8 <= chars.len()
            && (0..8).all(|k| if k == 2 || k == 5 { chars[i + k] == ':' } else { chars[i + k].is_ascii_digit() });
        if is_time {
            out.push_str("hh:mm:ss");
            i += 8;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn at(lang: Lang, w: u16, h: u16, keys: &str) -> Harness {
    let mut x = Harness::new(lang, w, h);
    x.keys(keys);
    x
}

/// One case's snapshots.
fn snapshots(name: &str, keys: &str) {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let x = at(lang, w, h, keys);
            let text = redact(&format!("{:?}", render(&x, Depth::Colour256)));
            let l = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("{name}_{l}_{w}x{h}"), text);
        }
    }
}

/// A buffer row as text, with the x of each byte's cell (the cell after a wide
/// character is skipped).
fn row_text(b: &Buffer, y: u16) -> (String, Vec<u16>) {
    let (mut text, mut xs) = (String::new(), Vec::new());
    let mut x = 0;
    while x < b.area.width {
        let sym = b[(x, y)].symbol();
        text.push_str(sym);
        xs.extend(std::iter::repeat_n(x, sym.len()));
        x += crate::text::width(sym).max(1) as u16;
    }
    (text, xs)
}

/// The cell where `needle` starts, searching row by row.
fn find(b: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..b.area.height).find_map(|y| {
        let (text, xs) = row_text(b, y);
        text.find(needle).map(|i| (xs[i], y))
    })
}

/// The x of the first date (`dddd-dd-dd`) on row `y`.
fn date_x(b: &Buffer, y: u16) -> Option<u16> {
    let (text, xs) = row_text(b, y);
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(10)).find_map(|i| {
        let d = &bytes[i..i + 10];
        let ok = d.iter().enumerate().all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() });
        (ok && i > 0 && bytes[i - 1] == b' ').then(|| xs[i])
    })
}

#[test]
fn overdue_and_escalated_rows_are_styled_and_worded() {
    use crate::app::screen::list::columns::grade;
    use crate::widget::theme::Role;
    let x = at(Lang::Zh, 120, 40, "2");
    let row = |code: &str| x.s.list(crate::app::ListKind::Ledger).rows.iter().find(|r| r.code == code).unwrap().clone();
    let late = row("GQ-2026-0002");
    assert!(matches!(grade(&x.s, &late), Some(Role::Late(_))));
    for depth in [Depth::Colour256, Depth::Colour16] {
        let t = Theme::new(depth);
        let b = render(&x, depth);
        let (cx, y) = find(&b, "GQ-2026-0002").unwrap();
        assert_eq!(b[(cx, y)].fg, t.style(grade(&x.s, &late).unwrap()).fg.unwrap(), "overdue row");
        assert!(b[(cx, y)].modifier.contains(Modifier::BOLD) || late.days_overdue < 15);
        let (lx, ly) = find(&b, "通报").unwrap();
        assert_eq!(b[(lx, ly)].fg, t.style(Role::Level(2)).fg.unwrap(), "escalation level cell, by name");
        let (ox, oy) = find(&b, "GQ-2026-0005").unwrap();
        let plain = grade(&x.s, &row("GQ-2026-0005")).map_or(Color::Reset, |r| t.style(r).fg.unwrap_or(Color::Reset));
        assert_eq!(b[(ox, oy)].fg, plain);
        assert!(find(&b, "/逾期").is_some(), "lateness in words, not colour alone");
    }
    let mono = render(&x, Depth::Mono);
    let (cx, y) = find(&mono, "GQ-2026-0002").unwrap();
    assert_eq!(mono[(cx, y)].fg, Color::Reset);
    assert!(mono[(cx, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn chinese_columns_line_up() {
    for w in [80, 120, 200] {
        let x = at(Lang::Zh, w, 40, "2");
        let b = render(&x, Depth::Colour256);
        let xs: Vec<u16> = ["GQ-2023-0001", "GQ-2026-0001", "GQ-2026-0011"]
            .iter()
            .map(|code| date_x(&b, find(&b, code).unwrap().1).unwrap())
            .collect();
        assert!(xs.windows(2).all(|p| p[0] == p[1]), "{w}: {xs:?}");
    }
}

#[test]
fn data_is_sanitised_on_screen() {
    let x = at(Lang::En, 200, 60, "2");
    let b = render(&x, Depth::Colour256);
    let all: String = b.content.iter().map(|c| c.symbol()).collect();
    assert!(!all.contains('\u{202E}') && !all.contains('\u{1b}') && !all.contains('\u{200B}'));
    assert!(all.contains("[U+202E]"));
}

#[test]
fn no_panic_at_any_size() {
    for (_, keys) in CASES {
        let mut x = at(Lang::Zh, 80, 24, keys);
        for (w, h) in [(1, 1), (2, 1), (1, 5), (5, 2), (10, 5), (20, 8), (33, 11), (40, 12), (79, 23), (200, 60)] {
            x.event(AppEvent::Resize(w, h));
            for depth in [Depth::Colour256, Depth::Mono] {
                let _ = render(&x, depth);
            }
        }
    }
}

#[test]
fn locked_screen_hides_the_data() {
    let mut x = at(Lang::Zh, 80, 24, "2");
    x.event(AppEvent::Idle);
    let b = render(&x, Depth::Colour256);
    assert!(find(&b, "GQ-").is_none());
    insta::assert_snapshot!("locked_zh_80x24", format!("{b:?}"));
    x.keys("j");
    assert!(!x.s.locked);
    assert!(find(&render(&x, Depth::Colour256), "GQ-").is_some());
}

#[test]
fn the_footer_offers_write_keys_only_to_those_who_may_write() {
    let mut x = at(Lang::Zh, 120, 40, "2");
    let footer = |x: &Harness| row_text(&render(x, Depth::Colour256), 39).0;
    assert!(footer(&x).contains("分派"), "{}", footer(&x));
    x.s.session.role = Some(crate::domain::Role::Viewer);
    assert!(!footer(&x).contains("分派") && footer(&x).contains("筛选"), "{}", footer(&x));
}

/// No cell holds an East Asian ambiguous glyph (one cell or two, by terminal).
#[test]
fn no_ambiguous_glyphs_on_any_screen() {
    use unicode_width::UnicodeWidthChar;
    for (name, keys) in CASES {
        for lang in [Lang::Zh, Lang::En] {
            let b = render(&at(lang, 120, 40, keys), Depth::Colour256);
            let odd: Vec<char> =
                b.content.iter().flat_map(|c| c.symbol().chars()).filter(|c| c.width() != c.width_cjk()).collect();
            assert!(odd.is_empty(), "{name} {lang:?}: {odd:?}");
        }
    }
}

#[test]
fn the_footer_leaves_out_what_a_frozen_record_refuses() {
    let footer = |keys: &str| row_text(&render(&at(Lang::En, 120, 40, keys), Depth::Colour256), 39).0;
    let open = footer("6");
    assert!(open.contains("add topic") && open.contains("held") && open.contains("decide"), "{open}");
    let held = footer("6[");
    assert!(!held.contains("add topic") && !held.contains("held") && held.contains("decide"), "{held}");
}

#[test]
fn consultation_text_from_the_ledger_is_sanitised() {
    let mut x = at(Lang::En, 120, 40, "");
    let q = crate::domain::quarter::Quarter { year: 2026, q: 4 };
    let store = &mut x.worker.store;
    store.topic_add(q, None, "\u{202E}evil\u{1b}[31m", "see\u{200B}this").unwrap();
    let a = crate::store::consultation::NewAction {
        topic: None,
        title: "act\u{2066}now".into(),
        lead_unit: None,
        assignee: None,
        due_on: crate::store::fixture::today(),
        note: String::new(),
    };
    store.action_add(q, &a).unwrap();
    x.keys("6G");
    let b = render(&x, Depth::Colour256);
    let all: String = b.content.iter().map(|c| c.symbol()).collect();
    for raw in ['\u{202E}', '\u{1b}', '\u{200B}', '\u{2066}'] {
        assert!(!all.contains(raw), "{raw:?}");
    }
    for shown in ["[U+202E]evil[U+001B]", "see[U+200B]this", "act[U+2066]now"] {
        assert!(all.contains(shown), "{shown}");
    }
}

#[test]
fn late_actions_are_a_pane_of_the_overdue_screen() {
    for (w, h) in [(80, 24), (120, 40)] {
        let b = render(&at(Lang::Zh, w, h, "3lll"), Depth::Colour256);
        assert!(find(&b, "逾期任务 1").is_some(), "the bar counts them");
        let (x, y) = find(&b, "督促冷链物流中心").unwrap();
        assert!(find(&b, "逾期未完成的工作任务").is_some_and(|(_, ty)| ty < y));
        assert_eq!(b[(x, y)].fg, Color::Indexed(196), "late in the overdue style");
        assert!(find(&b, "逾期未完成（14天）").is_some(), "lateness in words too");
    }
}

/// Without a database: hand-made rows in the ledger, the late one styled as overdue.
#[test]
fn a_ledger_of_hand_made_rows() {
    use crate::app::fixture;
    let rows = vec![fixture::row(1, "储罐区未设置可燃气体报警", 20), fixture::row(2, "有限空间作业未审批", -5)];
    let s = fixture::ledger(Lang::Zh, rows, false);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| draw(f, &s, &Theme::new(Depth::Colour256))).unwrap();
    let b = term.backend().buffer().clone();
    let (late, on_time) = (find(&b, "GQ-2026-0001").unwrap(), find(&b, "GQ-2026-0002").unwrap());
    assert!(late.1 < on_time.1, "in the order given");
    assert_eq!(b[late].fg, Color::Indexed(196), "overdue 20 days: the second grade");
    assert_eq!(b[on_time].fg, Color::Indexed(178), "due in five days: due soon");
}

/// A cell holds no control, format or line/paragraph separator character.
fn clean_cell(sym: &str) -> bool {
    !sym.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}' | '\u{180E}'
                | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        ..Default::default()
    })]

    /// Random Unicode in the data, drawn at random sizes: no panic, nothing unsafe in a cell.
    #[test]
    fn any_text_at_any_size(
        titles in proptest::collection::vec(".{0,40}", 1..6),
        w in 1u16..200,
        h in 1u16..60,
        screen in 0usize..3,
    ) {
        use crate::app::fixture;
        let rows = titles.iter().enumerate().map(|(i, t)| fixture::row(i as i64 + 1, t, i as i64 * 7 - 3)).collect();
        let mut s = fixture::ledger(Lang::Zh, rows, false);
        s.size = (w, h);
        if screen == 1 {
            fixture::key(&mut s, '?');
        } else if screen == 2 {
            fixture::key(&mut s, 'x');
        }
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| draw(f, &s, &Theme::new(Depth::Colour256))).unwrap();
        let b = term.backend().buffer();
        proptest::prop_assert!(b.content.iter().all(|c| clean_cell(c.symbol())));
    }
}

/// The dialogs, opened over Chinese rows at widths where their edges fall inside wide
/// characters: no border is hidden behind a wide glyph's second half, at any of them.
#[test]
fn dialog_borders_survive_wide_characters() {
    let dialogs = [("help", "?"), ("extend", "2x"), ("verify", "5v"), ("confirm", "4e\n"), ("assign", "2a")];
    for (w, h) in [(80, 24), (100, 30), (120, 40), (140, 45)] {
        for (name, keys) in dialogs {
            let x = at(Lang::Zh, w, h, keys);
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            let drawn = term.draw(|f| draw(f, &x.s, &Theme::new(Depth::Colour256))).unwrap().buffer.clone();
            let b = term.backend().buffer().clone();
            for (i, cell) in drawn.content.iter().enumerate() {
                let (cx, cy) = drawn.pos_of(i);
                let border = matches!(cell.symbol(), "|" | "+");
                assert!(
                    !border || b[(cx, cy)].symbol() == cell.symbol(),
                    "{name} at {w}x{h}: the border at ({cx}, {cy}) never reaches the terminal"
                );
            }
            if w == 100 || w == 140 {
                let text = redact(&format!("{:?}", b));
                insta::assert_snapshot!(format!("wide_{name}_zh_{w}x{h}"), text);
            }
        }
    }
}

/// The terminal's cursor stands where typing goes (an input method shows its
/// candidates there), after wide characters too.
#[test]
fn the_cursor_stands_at_the_insertion_point() {
    let mut x = at(Lang::Zh, 80, 24, "2m");
    x.keys("整改");
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| draw(f, &x.s, &Theme::new(Depth::Colour256))).unwrap();
    let at = term.get_cursor_position().unwrap();
    let b = term.backend().buffer().clone();
    let (text, xs) = row_text(&b, at.y);
    let i = text.find("整改").expect("the note's row");
    assert_eq!(at.x, xs[i] + 4, "after the two characters: {text}");
    x.key(ratatui::crossterm::event::KeyCode::Left);
    term.draw(|f| draw(f, &x.s, &Theme::new(Depth::Colour256))).unwrap();
    assert_eq!(term.get_cursor_position().unwrap().x, xs[i] + 2);
}

/// On the overdue screen lateness shows by degree: a row 60 and more days late is white
/// on dark red, one a few days late orange; without colour the marks say it.
#[test]
fn lateness_is_graded_in_colour_and_in_marks() {
    let x = at(Lang::Zh, 120, 40, "3");
    let rows = &x.s.list(crate::app::ListKind::Overdue).rows;
    let b = render(&x, Depth::Colour256);
    let style_of = |code: &str| find(&b, code).map(|(cx, cy)| b[(cx, cy)].style());
    let long = rows.iter().find(|r| r.days_overdue >= 60).expect("a row 60+ days late");
    let short = rows.iter().find(|r| (1..15).contains(&r.days_overdue)).expect("a row a few days late");
    assert_eq!(style_of(&long.code).and_then(|s| s.bg), Some(Color::Indexed(124)));
    assert_eq!(style_of(&short.code).and_then(|s| s.fg), Some(Color::Indexed(208)));
    let mono = render(&x, Depth::Mono);
    let (text, _) = row_text(&mono, find(&mono, &long.code).unwrap().1);
    assert!(text.contains(&format!("{} !!!", long.days_overdue)), "{text}");
    let (text, _) = row_text(&mono, find(&mono, &short.code).unwrap().1);
    assert!(text.contains(&format!("{} !", short.days_overdue)) && !text.contains("!!"), "{text}");
}

/// At 100x30 the matrix and the trend are a key away, the trend over the whole width;
/// at 200x60 the trend grows with the height.
#[test]
fn the_analysis_page_fits_a_small_terminal_and_grows_on_a_large_one() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(100, 30), (200, 60)] {
            let b = render(&at(lang, w, h, "t"), Depth::Colour256);
            for title in ["tui.matrix", "tui.trend"] {
                let text = lang.t(title);
                assert!(find(&b, text).is_some(), "{lang:?} {w}x{h}: {text}");
            }
            let l = if lang == Lang::Zh { "zh" } else { "en" };
            insta::assert_snapshot!(format!("analysis_{l}_{w}x{h}"), redact(&format!("{b:?}")));
        }
    }
}

fn click(x: &mut Harness, column: u16, row: u16) {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let m = MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column, row, modifiers: KeyModifiers::NONE };
    x.event(AppEvent::Mouse(m));
}

/// Where the last frame drew the choice that `means`, checked against the text there.
fn choice_at(x: &Harness, b: &Buffer, means: crate::app::mouse::Means, text: &str) -> (u16, u16) {
    let c = x.s.choices.borrow().iter().find(|c| c.means == means).copied().expect("the choice is drawn");
    let (row, xs) = row_text(b, c.row);
    let at = xs.iter().position(|x| *x == c.from).unwrap();
    assert!(row[at..].starts_with(text), "{:?} at {}: {}", means, c.from, &row[at..]);
    (c.from, c.row)
}

/// A click on a picker's item picks it, and on a confirmation's "no" or "yes" answers
/// it, where the frame drew them (a click beside them does nothing).
#[test]
fn a_click_chooses_in_a_dialog() {
    use crate::app::mouse::Means;
    let mut x = at(Lang::Zh, 100, 30, "2  a");
    let b = render(&x, Depth::Colour256);
    let Some(crate::app::Modal::Picker(p)) = &x.s.modal else { panic!("a picker") };
    let wang = p.matches().iter().position(|m| m.1.contains("王磊")).unwrap();
    let (col, row) = choice_at(&x, &b, Means::Pick(wang), "王磊");
    click(&mut x, col + 1, row);
    let Some(crate::app::Modal::Confirm(_)) = &x.s.modal else { panic!("a bulk assignment asks first") };
    let b = render(&x, Depth::Colour256);
    let (col, row) = choice_at(&x, &b, Means::No, "n 否");
    click(&mut x, col - 1, row);
    assert!(x.s.modal.is_some(), "a click beside the choices does nothing");
    click(&mut x, col, row);
    assert!(x.s.modal.is_none(), "no closes it");
    x.keys("a");
    let b = render(&x, Depth::Colour256);
    let (col, row) = choice_at(&x, &b, Means::Pick(wang), "王磊");
    click(&mut x, col, row);
    let b = render(&x, Depth::Colour256);
    let (col, row) = choice_at(&x, &b, Means::Yes, "y 是");
    click(&mut x, col + 2, row);
    let sent = x.sent.iter().filter(|r| matches!(r, crate::protocol::DbRequest::Write { .. })).count();
    assert_eq!(sent, 1, "yes writes");
    assert!(x.s.marked.is_empty());
}

/// The trend's columns: the stock below in its own colour (dotted without colour), the
/// increment above; a value scale from 0 to the most open, and at least five rows.
#[test]
fn the_trend_tells_stock_from_increment() {
    let x = at(Lang::Zh, 100, 30, "t");
    let trend = x.s.overview.trend.as_deref().unwrap();
    let max = trend.months.iter().map(|m| m.open_end).max().unwrap();
    assert!(
        trend.months.iter().any(|m| m.open_stock > 0 && m.open_end > m.open_stock),
        "the fixture has both: {:?}",
        trend.months
    );
    let b = render(&x, Depth::Colour256);
    let (_, top) = find(&b, &format!("{max:>4} ")).expect("the scale's top");
    let zero = (top..b.area.height)
        .find(|y| {
            let (text, _) = row_text(&b, *y);
            text.contains("   0 ") && text.contains("26-")
        })
        .expect("the scale's 0 before the month labels");
    assert!(zero - top >= 5, "at least five rows: {top}..{zero}");
    let bg = |b: &Buffer| -> std::collections::BTreeSet<String> {
        (top..zero).flat_map(|y| (0..b.area.width).map(move |x| (x, y))).map(|p| format!("{:?}", b[p].bg)).collect()
    };
    let stock = Theme::new(Depth::Colour256).style(crate::widget::theme::Role::BarStock).bg.unwrap();
    let increment = Theme::new(Depth::Colour256).style(crate::widget::theme::Role::Bar).bg.unwrap();
    assert_ne!(stock, increment);
    let seen = bg(&b);
    assert!(
        seen.contains(&format!("{stock:?}")) && seen.contains(&format!("{increment:?}")),
        "{seen:?} {:?}",
        trend.months
    );
    let mono = render(&x, Depth::Mono);
    let dotted = (top..zero).any(|y| row_text(&mono, y).0.contains("::"));
    assert!(dotted, "without colour the stock is dotted");
    assert!(find(&b, "存量（2023年及以前）").is_some(), "the legend says which is which");
}
