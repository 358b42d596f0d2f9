//! Tests of `update`: every workflow key, confirmations before destructive and bulk
//! writes, refusals for viewers, conflicts, stale results, paging, search and filters.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::harness::Harness;
use super::*;
use crate::domain::{Role, Status};
use crate::protocol::{DbRequest, HazardCmd, Loaded, Target};
use crate::store::{Actor, Store};
use crate::workflow::{assign, escalate, extend};

fn ledger(lang: Lang) -> Harness {
    let mut x = Harness::new(lang, 120, 40);
    x.keys("2");
    x
}

fn row<'a>(x: &'a Harness, code: &str) -> &'a crate::store::list::HazardRow {
    x.s.list(ListKind::Ledger).rows.iter().find(|r| r.code == code).unwrap()
}

/// Moves the ledger's selection to `code`.
fn select(x: &mut Harness, code: &str) {
    let i = x.s.list(ListKind::Ledger).rows.iter().position(|r| r.code == code).unwrap();
    x.s.lists[0].selected = i;
}

fn writes(x: &Harness) -> Vec<(Vec<Target>, HazardCmd)> {
    x.sent
        .iter()
        .filter_map(|r| match r {
            DbRequest::Write { targets, cmd, .. } => Some((targets.clone(), cmd.clone())),
            _ => None,
        })
        .collect()
}

fn notice(x: &Harness) -> String {
    x.s.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn start_asks_for_the_cheap_overview_before_the_trend() {
    let mut s = Harness::new(Lang::En, 80, 24).s.clone();
    let effects = s.start();
    let slots: Vec<Slot> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Db(DbRequest::Load { slot, .. }) => Some(*slot),
            _ => None,
        })
        .collect();
    assert_eq!(slots, vec![Slot::Overview, Slot::Calendar, Slot::Trend, Slot::Staff, Slot::Places]);
}

#[test]
fn stale_results_are_dropped() {
    let mut x = ledger(Lang::En);
    let before = x.s.list(ListKind::Ledger).rows.clone();
    let old = Loaded::Page(Box::new(crate::protocol::PageData {
        query: crate::protocol::PageQuery {
            filter: Default::default(),
            sort: Default::default(),
            after: None,
            backward: false,
            limit: 1,
            count: false,
            sign_offs: false,
        },
        rows: Vec::new(),
        more: false,
        count: Some(0),
        sign_offs: Vec::new(),
    }));
    let effects = update(&mut x.s, AppEvent::Db(DbEvent::Loaded { id: 1, slot: Slot::List(0), data: old }));
    assert!(effects.is_empty());
    assert_eq!(x.s.list(ListKind::Ledger).rows, before);
    assert!(!x.s.dirty, "a stale result does not redraw");
}

#[test]
fn assign_picks_staff_by_typing() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0008");
    let version = row(&x, "GQ-2026-0008").version;
    x.keys("a");
    assert!(matches!(&x.s.modal, Some(Modal::Picker(p)) if p.items.len() == 3), "viewers are not offered");
    x.keys("wang\n");
    assert_eq!(
        writes(&x),
        vec![(
            vec![Target { code: "GQ-2026-0008".into(), version }],
            HazardCmd::Assign(assign::Input { login: "wang".into(), note: String::new() })
        )]
    );
    assert_eq!(row(&x, "GQ-2026-0008").assignee.as_deref(), Some("wang"));
    assert!(notice(&x).contains("GQ-2026-0008"), "{}", notice(&x));
}

#[test]
fn bulk_assign_asks_first() {
    let mut x = ledger(Lang::En);
    x.keys("  ");
    assert_eq!(x.s.marked.len(), 2);
    x.keys("a");
    x.keys("li\n");
    assert!(matches!(x.s.modal, Some(Modal::Confirm(_))));
    assert!(writes(&x).is_empty(), "nothing before y");
    x.keys("n");
    assert!(x.s.modal.is_none() && writes(&x).is_empty());
    x.keys("ali\ny");
    let w = writes(&x);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].0.len(), 2);
    assert!(x.s.marked.is_empty());
    assert!(notice(&x).contains('2'), "{}", notice(&x));
}

#[test]
fn plan_form_shows_missing_parts_and_starts_rectifying() {
    let mut x = ledger(Lang::Zh);
    select(&mut x, "GQ-2026-0004");
    x.keys("p");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("no plan form") };
    assert_eq!(crate::workflow::plan::missing(&f.fields).len(), 5);
    for part in ["张三", "\t更换", "\t3万元", "\t2026-12-20", "\t预案"] {
        x.keys(part);
    }
    let Some(Modal::Form(f)) = &x.s.modal else { panic!() };
    assert!(crate::workflow::plan::missing(&f.fields).is_empty());
    x.keys("\x13");
    assert!(matches!(writes(&x)[0].1, HazardCmd::Plan(ref i) if i.parts.len() == 5));
    assert_eq!(row(&x, "GQ-2026-0004").status, Status::Rectifying);
}

#[test]
fn progress_needs_a_note() {
    let mut x = ledger(Lang::En);
    x.keys("m\x13");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.error.is_some()));
    x.keys("called the plant\x13");
    assert!(matches!(&writes(&x)[0].1, HazardCmd::Progress(note) if note == "called the plant"));
    assert!(x.s.modal.is_none());
}

#[test]
fn submit_and_sign_off() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0003");
    x.keys("sdone\x13");
    assert_eq!(row(&x, "GQ-2026-0003").status, Status::Verifying);
    x.keys("5");
    let code = x.s.list(ListKind::Verification).current().unwrap().code.clone();
    x.keys("v\t刘工\t县局\t\tok\x13");
    let w = writes(&x);
    let HazardCmd::Verify(f) = &w.last().unwrap().1 else { panic!("{w:?}") };
    assert_eq!((f.name.as_str(), f.organisation.as_str()), ("刘工", "县局"));
    assert_eq!(w.last().unwrap().0[0].code, code);
    assert!(x.s.notice.as_ref().is_some_and(|n| !n.error), "{}", notice(&x));
}

#[test]
fn escalate_prefills_the_next_level_shows_the_number_and_asks() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("4");
    let r = x.s.list(ListKind::Escalation).current().unwrap().clone();
    x.keys("e");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!() };
    let next = crate::domain::escalation::next_level(r.escalation_level).unwrap();
    assert_eq!(f.get("form.level"), next.as_str());
    let no = x.s.doc_no.clone().unwrap().1;
    x.keys("限期\n");
    let Some(Modal::Confirm(c)) = &x.s.modal else { panic!() };
    assert!(c.message.contains(&no), "{}", c.message);
    assert!(writes(&x).is_empty());
    x.keys("y");
    assert!(matches!(writes(&x)[0].1, HazardCmd::Escalate(escalate::Input { level: Some(l), .. }) if l == next));
    assert!(notice(&x).contains(&no), "{}", notice(&x));
}

#[test]
fn bulk_escalate_takes_each_to_its_next_level() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("4  e\ny");
    let w = writes(&x);
    assert_eq!(w.len(), 1);
    assert!(matches!(w[0].1, HazardCmd::Escalate(escalate::Input { level: None, .. })));
    assert_eq!(w[0].0.len(), 2);
}

#[test]
fn extend_needs_a_reason_and_a_date() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0006");
    x.keys("x");
    x.key(KeyCode::Backspace);
    x.keys("1\n");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.error.is_some()), "reason required");
    x.keys("\tweather\x13");
    assert!(
        matches!(&writes(&x)[0].1, HazardCmd::Extend(extend::Input { deadline, .. }) if deadline.to_string() == "2026-12-21")
    );
    assert_eq!(row(&x, "GQ-2026-0006").deadline.to_string(), "2026-12-21");
}

#[test]
fn reopen_is_for_admins_and_asks() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0007");
    x.s.session.role = Some(Role::Officer);
    x.keys("r");
    assert!(x.s.modal.is_none());
    assert!(x.s.notice.as_ref().is_some_and(|n| n.error && n.text.contains("officer")), "{}", notice(&x));
    x.s.session.role = Some(Role::Admin);
    x.keys("rfound again\x13");
    assert!(matches!(x.s.modal, Some(Modal::Confirm(_))));
    x.keys("y");
    assert_eq!(row(&x, "GQ-2026-0007").status, Status::Registered);
}

#[test]
fn viewers_see_write_keys_refused() {
    let mut x = ledger(Lang::Zh);
    x.s.session.role = Some(Role::Viewer);
    for k in ["a", "p", "m", "s", "v", "e", "x", "r"] {
        x.keys(k);
        assert!(x.s.modal.is_none(), "{k}");
        assert!(x.s.notice.as_ref().is_some_and(|n| n.error && n.text.contains("只读")), "{k}: {}", notice(&x));
    }
    assert!(writes(&x).is_empty());
}

#[test]
fn a_conflict_names_who_and_reloads() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0008");
    let path = x.worker.store.path().to_path_buf();
    let mut other =
        Store::open(&path, Actor::new("li"), crate::clock::Clock::fixed(crate::store::fixture::today())).unwrap();
    other.assign("GQ-2026-0008", None, "li", "").unwrap();
    x.keys("awang\n");
    let n = x.s.notice.clone().unwrap();
    assert!(n.error && n.text.contains("li"), "{}", n.text);
    assert_eq!(row(&x, "GQ-2026-0008").assignee.as_deref(), Some("li"), "fresh state shown");
    assert_eq!(x.s.list(ListKind::Ledger).current().unwrap().code, "GQ-2026-0008");
    // the worker then notices the other commit: the conflict stays on show
    x.external_change();
    assert!(x.s.notice.clone().unwrap().text.contains("li"), "{}", notice(&x));
}

#[test]
fn another_persons_commit_refreshes_and_keeps_the_selection() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0006");
    let path = x.worker.store.path().to_path_buf();
    let mut other =
        Store::open(&path, Actor::new("zhang"), crate::clock::Clock::fixed(crate::store::fixture::today())).unwrap();
    other.extend("GQ-2023-0001", None, "2027-06-30".parse().unwrap(), "court order").unwrap();
    x.external_change();
    assert_eq!(notice(&x), "zhang extended: GQ-2023-0001 (refreshed)");
    assert_eq!(x.s.list(ListKind::Ledger).current().unwrap().code, "GQ-2026-0006");
    assert_eq!(row(&x, "GQ-2023-0001").deadline.to_string(), "2027-06-30");
}

#[test]
fn quit_asks_only_with_unsaved_input() {
    let mut x = ledger(Lang::En);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    x.keys("mabc");
    x.event(AppEvent::Key(ctrl_c));
    assert!(!x.s.quit && matches!(x.s.modal, Some(Modal::Confirm(_))));
    x.keys("n");
    assert!(matches!(x.s.modal, Some(Modal::Form(_))), "back to the form");
    x.keys("\x1b");
    assert!(matches!(x.s.modal, Some(Modal::Confirm(_))), "Esc on a dirty form asks");
    x.keys("y");
    assert!(x.s.modal.is_none());
    x.keys("q");
    assert!(x.s.quit);
}

#[test]
fn overview_tiles_open_the_ledger_filtered() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("l\n");
    assert_eq!(x.s.screen, Screen::Ledger);
    let v = x.s.list(ListKind::Ledger);
    assert!(v.filter.overdue);
    assert_eq!(v.count, Some(x.s.overview.data.as_ref().unwrap().overdue));
    x.keys("1");
    x.keys(&format!("{}\n", "j".repeat(crate::app::overview::TILES)));
    let v = x.s.list(ListKind::Ledger);
    assert!(v.filter.village.is_some(), "{:?}", v.filter);
    assert!(v.rows.iter().all(|r| Some(&r.village) == v.filter.village.as_ref()));
}

#[test]
fn paging_by_keyset_both_ways() {
    let mut x = Harness::new(Lang::En, 80, 10);
    x.keys("2");
    let first: Vec<String> = x.s.list(ListKind::Ledger).rows.iter().map(|r| r.code.clone()).collect();
    assert_eq!(first.len(), 10);
    x.keys("jjjjjjjjjj");
    let v = x.s.list(ListKind::Ledger);
    assert_eq!((v.offset, v.selected, v.rows.len()), (10, 0, 2));
    x.keys("k");
    let v = x.s.list(ListKind::Ledger);
    assert_eq!(v.current().unwrap().code, first[9]);
    x.keys("G");
    assert_eq!(x.s.list(ListKind::Ledger).current().unwrap().code, "GQ-2023-0001", "the oldest last");
    x.keys("g");
    assert_eq!(x.s.list(ListKind::Ledger).current().unwrap().code, first[0]);
}

#[test]
fn search_sort_and_filter() {
    let mut x = ledger(Lang::Zh);
    x.keys("/冷链");
    assert!(x.s.list(ListKind::Ledger).rows.iter().all(|r| r.enterprise.contains("冷链")));
    x.keys("\n");
    assert!(x.s.search.is_none());
    assert_eq!(x.s.list(ListKind::Ledger).count, Some(2));
    x.keys("/\x1b");
    assert_eq!(x.s.list(ListKind::Ledger).count, Some(12));
    x.keys("o");
    let v = x.s.list(ListKind::Ledger);
    assert_eq!(v.sort.key, crate::store::list::SortKey::Assignee);
    let names: Vec<String> = v.rows.iter().map(|r| r.assignee.clone().unwrap_or_default()).collect();
    assert!(names.windows(2).all(|p| p[0] <= p[1]), "{names:?}");
    x.keys("f");
    x.key(KeyCode::Right);
    x.key(KeyCode::Right);
    x.keys("\n");
    let v = x.s.list(ListKind::Ledger);
    assert_eq!(v.filter.status, Some(Status::Rectifying));
    assert!(v.rows.iter().all(|r| r.status == Status::Rectifying));
    let effects = update(&mut x.s, AppEvent::Key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE)));
    assert!(effects.is_empty());
    x.keys("mine");
    let effects = update(&mut x.s, AppEvent::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(matches!(&effects[..], [Effect::SaveViews(v)] if v[0].name == "mine"), "{effects:?}");
    x.keys("f");
    x.key(KeyCode::Left);
    x.key(KeyCode::Left);
    x.keys("\n");
    assert!(x.s.list(ListKind::Ledger).filter.status.is_none());
    x.keys("Vmine\n");
    assert_eq!(x.s.list(ListKind::Ledger).filter.status, Some(Status::Rectifying));
}

#[test]
fn detail_opens_scrolls_and_returns() {
    let mut x = Harness::new(Lang::En, 80, 24);
    x.keys("3\n");
    assert_eq!(x.s.screen, Screen::Detail);
    assert!(x.s.detail.data.is_some());
    x.keys("jjjG");
    let end = x.s.detail.scroll;
    x.keys("j");
    assert_eq!(x.s.detail.scroll, end, "no scrolling past the end");
    x.keys("\x1b");
    assert_eq!(x.s.screen, Screen::Overdue);
    x.keys("?");
    assert!(matches!(x.s.modal, Some(Modal::Help { .. })));
    x.keys("\x1b");
    assert!(x.s.modal.is_none());
}

#[test]
fn tab_cycles_the_screens() {
    let mut x = Harness::new(Lang::En, 80, 24);
    use Screen::*;
    for expected in [Ledger, Overdue, Escalation, Verification, Consult, Enterprises, Tipoffs, Settings, Overview] {
        x.keys("\t");
        assert_eq!(x.s.screen, expected);
    }
    x.key(KeyCode::BackTab);
    assert_eq!(x.s.screen, Settings);
}

#[test]
fn an_admin_changes_a_setting_on_the_settings_screen_and_the_figures_follow() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("0");
    assert_eq!(x.s.screen, Screen::Settings);
    let at = x.s.settings.rows.iter().position(|r| r.key == "stalled_days").unwrap();
    x.keys(&"j".repeat(at));
    x.key(KeyCode::Enter);
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.get("settings.col.value") == "30"));
    x.key(KeyCode::Backspace);
    x.key(KeyCode::Backspace);
    x.keys("45\t汛期调整\x13");
    assert!(x.s.modal.is_none(), "{:?}", x.s.notice);
    assert_eq!(x.s.thresholds.stalled_days, 45);
    assert_eq!(x.worker.store.settings().unwrap().thresholds.stalled_days, 45);
    let row = x.s.settings.rows.iter().find(|r| r.key == "stalled_days").unwrap();
    assert_eq!((row.value.as_str(), row.changed_by.as_deref()), ("45", Some("zhang")));
    // a value out of range is refused with the form kept
    x.key(KeyCode::Enter);
    x.key(KeyCode::Backspace);
    x.keys("00000\twhy\x13");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.error.is_some()), "{:?}", x.s.notice);
}

#[test]
fn only_an_admin_may_change_a_setting() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.s.session.role = Some(Role::Officer);
    x.keys("0");
    x.key(KeyCode::Enter);
    assert!(x.s.modal.is_none());
    assert!(x.s.notice.as_ref().is_some_and(|n| n.error && n.text.contains("may not")), "{:?}", x.s.notice);
}

#[test]
fn a_taller_terminal_reads_a_longer_page() {
    let mut x = Harness::new(Lang::En, 80, 10);
    x.keys("2jjj");
    assert_eq!(x.s.list(ListKind::Ledger).rows.len(), 10);
    let code = x.s.list(ListKind::Ledger).current().unwrap().code.clone();
    x.event(AppEvent::Resize(80, 30));
    assert_eq!(x.s.list(ListKind::Ledger).rows.len(), 12);
    assert_eq!(x.s.list(ListKind::Ledger).current().unwrap().code, code);
}

#[test]
fn officers_may_not_reopen_and_admins_may() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0007");
    x.s.session.role = Some(Role::Officer);
    x.keys("r");
    assert!(x.s.modal.is_none() && x.s.notice.as_ref().is_some_and(|n| n.error), "{}", notice(&x));
    x.s.session.role = Some(Role::Admin);
    x.keys("r");
    assert!(x.s.modal.is_some(), "an admin is asked for the reason");
    assert!(writes(&x).is_empty());
}

#[test]
fn a_write_reads_again_only_what_is_on_show() {
    let mut x = ledger(Lang::En);
    let before = x.sent.len();
    x.keys("mcalled\x13");
    let loads: Vec<Slot> = x.sent[before..]
        .iter()
        .filter_map(|r| match r {
            DbRequest::Load { slot, .. } => Some(*slot),
            _ => None,
        })
        .collect();
    assert_eq!(loads, vec![Slot::List(0)], "not the overview, calendar, trend, staff or a detail");
}

#[test]
fn an_answer_to_a_write_not_sent_is_ignored() {
    let mut x = ledger(Lang::En);
    let stray = DbEvent::Committed { id: 9999, outcomes: Vec::new() };
    let effects = update(&mut x.s, AppEvent::Db(stray));
    assert!(effects.is_empty() && x.s.notice.is_none() && !x.s.dirty);
}

#[test]
fn a_conflict_keeps_the_typed_note_and_aims_it_at_the_fresh_state() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0008");
    let path = x.worker.store.path().to_path_buf();
    let mut other =
        Store::open(&path, Actor::new("li"), crate::clock::Clock::fixed(crate::store::fixture::today())).unwrap();
    x.keys("mplant visited");
    let fresh = other.progress("GQ-2026-0008", None, "li was there first").unwrap().version;
    x.keys("\x13");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form is kept: {:?}", x.s.modal) };
    assert_eq!(f.fields[0].get(), "plant visited");
    assert!(f.error.as_deref().is_some_and(|e| e.contains("li") && e.contains("again")), "{:?}", f.error);
    assert_eq!(f.targets[0].version, fresh, "aimed at the version now shown");
    assert_eq!(row(&x, "GQ-2026-0008").version, fresh, "the fresh state is on show");
    x.keys("\x13");
    assert!(x.s.modal.is_none() && !x.s.notice.as_ref().unwrap().error, "{}", notice(&x));
}

#[test]
fn a_refused_write_keeps_the_form() {
    let mut x = ledger(Lang::En);
    select(&mut x, "GQ-2026-0006");
    x.keys("x");
    for _ in 0..10 {
        x.key(KeyCode::Backspace);
    }
    x.keys("2020-01-01\tsnow\x13");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form is kept") };
    assert_eq!((f.fields[0].get(), f.fields[1].get()), ("2020-01-01", "snow"));
    assert!(f.error.is_some() && x.s.notice.as_ref().unwrap().error);
}

/// Without a database: the selection moves in the page, and past its last row the next
/// page is asked for from that row's cursor.
#[test]
fn moving_past_the_page_asks_for_the_next_one_from_its_last_row() {
    use super::fixture;
    let rows: Vec<_> = (1..=3).map(|n| fixture::row(n, "储罐区未设置可燃气体报警", n * 10)).collect();
    let mut s = fixture::ledger(Lang::Zh, rows, true);
    assert!(fixture::key(&mut s, 'j').is_empty() && fixture::key(&mut s, 'j').is_empty());
    assert_eq!(s.list(ListKind::Ledger).selected, 2);
    let effects = fixture::key(&mut s, 'j');
    let [Effect::Db(DbRequest::Load { query: Query::Page(p), .. })] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(p.after.as_ref().map(|c| c.id), Some(3));
    assert!(!p.backward);
}

/// One marked hazard, the cursor on another: the escalation is the marked one's, each to
/// its next level, not a level chosen from the row under the cursor.
#[test]
fn one_marked_hazard_escalates_to_its_own_next_level() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("4 ");
    let marked = x.s.marked.keys().next().cloned().unwrap();
    assert_ne!(x.s.list(ListKind::Escalation).current().unwrap().code, marked, "the cursor moved on");
    x.keys("e");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("{:?}", x.s.modal) };
    assert_eq!(f.fields[0].get(), "", "each to its next level");
    x.keys("\ny");
    let w = writes(&x);
    assert_eq!(w[0].0[0].code, marked);
    assert!(matches!(w[0].1, HazardCmd::Escalate(escalate::Input { level: None, .. })));
}

#[test]
fn a_text_field_edits_in_place_and_a_note_keeps_its_lines() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("2m");
    x.keys("abc");
    x.key(KeyCode::Left);
    x.key(KeyCode::Left);
    x.keys("X");
    x.key(KeyCode::End);
    x.key(KeyCode::Enter);
    x.keys("第二行");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form stays open on Enter in a note") };
    assert_eq!(f.get("form.note"), "aXbc\n第二行");
    let code = f.targets[0].code.clone();
    x.event(AppEvent::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
    assert!(x.s.modal.is_none(), "Ctrl-S saves: {:?}", x.s.notice);
    let detail = x.worker.store.detail(&code).unwrap();
    assert!(detail.timeline.iter().any(|e| e.note == "aXbc\n第二行"), "the note is saved whole");
}

#[test]
fn a_paste_lands_in_the_field_whole_and_runs_nothing() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("2m");
    x.event(AppEvent::Paste("现场检查\r\n整改到位\nq".into()));
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the paste did not close the form") };
    assert_eq!(f.get("form.note"), "现场检查\n整改到位\nq");
    assert!(!x.s.quit);
    // in a one-line field (the extension's date) the line breaks become spaces
    x.key(KeyCode::Esc);
    x.keys("y");
    x.keys("x");
    x.event(AppEvent::Paste("2027\n01".into()));
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("extend form") };
    assert!(f.fields[0].get().ends_with("2027 01"), "{:?}", f.fields[0].get());
    x.key(KeyCode::Tab);
    x.event(AppEvent::Paste("设备\n到货".into()));
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("extend form") };
    assert_eq!(f.get("form.reason"), "设备\n到货", "a reason is a note");
}

#[test]
fn y_copies_the_code_and_shift_y_a_line_about_it() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("2");
    let row = x.s.list(ListKind::Ledger).current().unwrap().clone();
    let effects = update(&mut x.s, AppEvent::Key(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::NONE)));
    assert_eq!(effects, vec![Effect::Clipboard(row.code.clone())]);
    assert!(x.s.notice.as_ref().is_some_and(|n| n.text.contains(&row.code) && !n.error));
    let effects = update(&mut x.s, AppEvent::Key(KeyEvent::new(KeyCode::Char('Y'), KeyModifiers::NONE)));
    let Some(Effect::Clipboard(line)) = effects.first() else { panic!("{effects:?}") };
    assert!(line.starts_with(&row.code) && line.contains(&row.enterprise) && line.contains(&row.deadline.to_string()));
}

fn click(x: &mut Harness, column: u16, row: u16) {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let m = MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column, row, modifiers: KeyModifiers::NONE };
    x.event(AppEvent::Mouse(m));
}

#[test]
fn a_click_selects_a_row_a_second_opens_it_and_the_tabs_switch_screens() {
    use ratatui::crossterm::event::{MouseEvent, MouseEventKind};
    let mut x = Harness::new(Lang::Zh, 120, 40);
    let tab = crate::app::screen::tab_bar(&x.s, 120).into_iter().find(|t| t.screen == Some(Screen::Ledger)).unwrap();
    click(&mut x, tab.x + 1, 1);
    assert_eq!(x.s.screen, Screen::Ledger);
    // header, tabs, the list's title and the table's header: the third row is at 4 + 2
    click(&mut x, 10, 6);
    assert_eq!(x.s.list(ListKind::Ledger).selected, 2);
    let code = x.s.list(ListKind::Ledger).current().unwrap().code.clone();
    click(&mut x, 10, 6);
    assert_eq!((x.s.screen, x.s.detail.code.as_str()), (Screen::Detail, code.as_str()));
    x.keys("\x1b");
    let wheel = MouseEvent { kind: MouseEventKind::ScrollDown, column: 10, row: 10, modifiers: KeyModifiers::NONE };
    x.event(AppEvent::Mouse(wheel));
    assert_eq!(x.s.list(ListKind::Ledger).selected, 5, "a notch moves three rows");
    let effects = update(&mut x.s, AppEvent::Key(KeyEvent::new(KeyCode::Char('M'), KeyModifiers::NONE)));
    assert_eq!(effects, vec![Effect::Mouse(true)]);
}

#[test]
fn ctrl_o_hands_the_field_to_an_editor_and_takes_its_text_back() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("2mdraft");
    let effects = update(&mut x.s, AppEvent::Key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL)));
    assert_eq!(effects, vec![Effect::Editor("draft".into())]);
    update(&mut x.s, AppEvent::Edited(Ok("long note\nsecond line\n".into())));
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form stays open") };
    assert_eq!((f.get("form.note"), f.fields[0].cursor), ("long note\nsecond line", 21));
    update(&mut x.s, AppEvent::Edited(Err("vi: not found".into())));
    assert!(x.s.notice.as_ref().is_some_and(|n| n.error && n.text.contains("vi: not found")));
}

#[test]
fn esc_after_a_drill_down_returns_with_the_earlier_filter() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("l\n");
    assert_eq!(x.s.screen, Screen::Ledger);
    assert_ne!(x.s.list(ListKind::Ledger).filter, ListKind::Ledger.base(), "the tile's filter");
    x.keys("\x1b");
    assert_eq!(x.s.screen, Screen::Overview);
    assert_eq!(x.s.list(ListKind::Ledger).filter, ListKind::Ledger.base(), "the earlier filter is back");
    x.keys("2\x1b");
    assert_eq!(x.s.screen, Screen::Ledger, "Esc on the ledger reached by its key stays");
}

#[test]
fn a_form_that_cannot_succeed_does_not_open() {
    let mut x = ledger(Lang::En);
    let registered = x.s.list(ListKind::Ledger).rows.iter().position(|r| r.status == Status::Registered).unwrap();
    x.s.list_mut(ListKind::Ledger).selected = registered;
    for key in ["s", "v"] {
        x.keys(key);
        assert!(x.s.modal.is_none(), "{key} opens nothing on a registered hazard");
        assert!(
            x.s.notice.as_ref().is_some_and(|n| n.error && n.text.contains("registered")),
            "{key}: {:?}",
            x.s.notice
        );
    }
}

#[test]
fn u_undoes_a_bulk_assign_after_saying_what_it_will_put_back() {
    let mut x = ledger(Lang::En);
    x.keys("  ");
    let codes: Vec<String> = x.s.marked.keys().cloned().collect();
    let before: Vec<Option<String>> = codes.iter().map(|c| row(&x, c).assignee.clone()).collect();
    x.keys("ali\ny");
    assert!(codes.iter().all(|c| row(&x, c).assignee.as_deref() == Some("li")));
    x.keys("u");
    let Some(Modal::Confirm(c)) = &x.s.modal else { panic!("u asks first: {:?}", x.s.notice) };
    assert!(codes.iter().all(|code| c.message.contains(code.as_str())), "{}", c.message);
    x.keys("y");
    assert!(notice(&x).contains("Undid 2"), "{}", notice(&x));
    let after: Vec<Option<String>> = codes.iter().map(|c| row(&x, c).assignee.clone()).collect();
    assert_eq!(after, before, "every hazard as it was");
    x.keys("u");
    assert!(x.s.modal.is_none() && x.s.notice.as_ref().is_some_and(|n| n.error), "nothing more: {:?}", x.s.notice);
}

#[test]
fn the_sign_off_that_closes_asks_first_and_a_missing_field_is_named() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("5");
    let code = x.s.list(ListKind::Verification).current().unwrap().code.clone();
    for role in [crate::domain::VerifierRole::Regulator, crate::domain::VerifierRole::Expert] {
        let sign = crate::store::write::SignOffInput {
            role,
            name: "x".into(),
            organisation: String::new(),
            verdict: crate::domain::Verdict::Pass,
            opinion: String::new(),
            date: None,
        };
        x.worker.store.verify(&code, None, &sign).unwrap();
    }
    x.keys("5");
    let at = x.s.list(ListKind::Verification).rows.iter().position(|r| r.code == code).unwrap();
    x.s.list_mut(ListKind::Verification).selected = at;
    x.keys("v");
    x.key(KeyCode::Right);
    x.key(KeyCode::Right);
    x.keys("\t\x13");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form stays: {:?}", x.s.modal) };
    assert_eq!(f.error.as_deref(), Some("Fill in \"Name\"."), "the empty required field is named");
    x.keys("王强\x13");
    let Some(Modal::Confirm(c)) = &x.s.modal else { panic!("the closing sign-off asks first: {:?}", x.s.notice) };
    assert!(c.message.contains(&code) && c.message.contains("closes"), "{}", c.message);
    x.keys("y");
    assert_eq!(x.worker.store.detail(&code).unwrap().row.status, Status::Closed);
}

#[test]
fn a_saved_view_is_replaced_only_after_a_yes_and_can_be_deleted() {
    let mut x = ledger(Lang::En);
    x.keys("wmine\n");
    assert_eq!(x.s.views.len(), 1);
    x.keys("o");
    x.keys("wmine\n");
    let Some(Modal::Confirm(c)) = &x.s.modal else { panic!("the same name asks first") };
    assert!(c.message.contains("mine"));
    x.keys("y");
    assert_eq!(x.s.views.len(), 1);
    let crate::config::views::Shows::Hazards(_, sort) = x.s.views[0].shows else { panic!("a view of hazards") };
    assert_eq!(sort, x.s.list(ListKind::Ledger).sort, "replaced by the new sort");
    x.keys("V");
    x.key(KeyCode::Delete);
    assert!(matches!(x.s.modal, Some(Modal::Confirm(_))));
    x.keys("y");
    assert!(x.s.views.is_empty());
}

#[test]
fn n_and_shift_n_step_through_the_matches_and_open_them_from_the_detail() {
    let mut x = ledger(Lang::Zh);
    x.keys("n");
    assert!(notice(&x).contains("按 / 搜索"), "{}", notice(&x));
    x.keys("/冷链\n");
    let codes: Vec<String> = x.s.list(ListKind::Ledger).rows.iter().map(|r| r.code.clone()).collect();
    assert_eq!(codes.len(), 2);
    assert_eq!(x.s.list(ListKind::Ledger).selected, 0);
    x.keys("\n");
    assert_eq!(x.s.detail.code, codes[0]);
    x.keys("n");
    assert_eq!((x.s.screen, x.s.detail.code.as_str()), (Screen::Detail, codes[1].as_str()));
    x.keys("n");
    assert!(notice(&x).contains("最后一个"), "{}", notice(&x));
    x.keys("N");
    assert_eq!(x.s.detail.code, codes[0]);
    x.keys("\x1b");
    assert_eq!((x.s.screen, x.s.list(ListKind::Ledger).selected), (Screen::Ledger, 0));
    x.keys("n");
    assert_eq!(x.s.list(ListKind::Ledger).selected, 1);
}

#[test]
fn the_detail_wraps_a_long_note_under_its_label() {
    let mut x = Harness::new(Lang::Zh, 80, 24);
    x.keys("3\n");
    let d = x.s.detail.data.as_deref().unwrap().clone();
    let rows = screen::detail::draw::layout(Lang::Zh, &d, 60);
    for r in &rows {
        if let screen::detail::draw::Row::Value { label_w, part, .. } = r {
            assert!(crate::text::width(part) + label_w + 4 <= 60, "{part}");
        }
    }
    let mut long = d.clone();
    let note = "整改".repeat(60);
    long.timeline[0].note = format!("{note}\n第二行");
    let lines = screen::detail::draw::layout(Lang::Zh, &long, 60);
    assert!(lines.len() >= rows.len() + 4, "a 240-cell note and its second line take more lines");
}

#[test]
fn the_filter_lists_every_village_and_clears_all_at_once() {
    let (dir, mut store) = crate::store::fixture::ledger();
    store.unit_add("薛庄村", crate::domain::UnitKind::Village).unwrap();
    let mut x = Harness::on(dir, store, Lang::Zh, 120, 40);
    x.keys("2f");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("no filter form") };
    let crate::workflow::fields::Value::Choice { options, .. } = &f.fields[1].value else { panic!() };
    assert!(options.iter().any(|o| o.0 == "薛庄村"), "a village without hazards: {options:?}");
    assert_eq!(options.len(), 5, "the four villages and any");
    x.key(KeyCode::Right);
    x.keys("\t");
    x.key(KeyCode::Right);
    x.keys("\n");
    assert!(x.s.list(ListKind::Ledger).filter.status.is_some() && x.s.list(ListKind::Ledger).filter.village.is_some());
    x.keys("f");
    x.event(AppEvent::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)));
    x.keys("\n");
    let f = &x.s.list(ListKind::Ledger).filter;
    assert!(f.status.is_none() && f.village.is_none(), "{f:?}");
}

#[test]
fn the_search_line_and_the_picker_edit_in_place() {
    let mut x = ledger(Lang::Zh);
    x.keys("/冷物流");
    x.key(KeyCode::Home);
    x.key(KeyCode::Right);
    x.keys("链");
    assert_eq!(x.s.search.as_ref().map(|l| l.text.as_str()), Some("冷链物流"));
    x.event(AppEvent::Key(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL)));
    assert_eq!(x.s.search.as_ref().map(|l| l.text.as_str()), Some("物流"), "the word before the cursor");
    x.keys("\x1b");
    select(&mut x, "GQ-2026-0001");
    x.keys("a李");
    let Some(Modal::Picker(p)) = &x.s.modal else { panic!("no picker") };
    assert_eq!(p.query.text, "李");
    x.key(KeyCode::Left);
    x.keys("x");
    let Some(Modal::Picker(p)) = &x.s.modal else { panic!("no picker") };
    assert_eq!((p.query.text.as_str(), p.query.cursor), ("x李", 1));
}

#[test]
fn the_enterprises_screen_searches_opens_one_and_goes_back_through_its_hazard() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("7");
    assert_eq!(x.s.screen, Screen::Enterprises);
    assert_eq!(x.s.enterprises.page.count, 6);
    x.keys("/冷链");
    assert_eq!(x.s.enterprises.page.rows.len(), 1);
    x.keys("\n\n");
    let d = x.s.enterprises.detail.as_deref().expect("the enterprise whole");
    let first = d.hazards[0].code.clone();
    x.keys("\n");
    assert_eq!((x.s.screen, x.s.detail.code.as_str()), (Screen::Detail, first.as_str()));
    x.keys("\x1b");
    assert!(x.s.screen == Screen::Enterprises && x.s.enterprises.detail.is_some(), "back to the enterprise");
    x.keys("\x1b");
    assert!(x.s.enterprises.detail.is_none(), "then to the list");
    x.keys("o");
    assert_eq!(x.s.enterprises.sort, crate::store::enterprise::EnterpriseSort::Code);
    // Up from the first row of a later page selects the previous page's last row
    let (dir, mut store) = crate::store::fixture::ledger();
    for i in 0..6 {
        let first17 = format!("91370481MA3C0000{i}");
        let code = format!("{first17}{}", crate::domain::credit_code::check_char(&first17).unwrap());
        let e = crate::model::EnterpriseInput {
            credit_code: code,
            name: format!("新企业{i}"),
            sector: "工贸".into(),
            ..Default::default()
        };
        store.enterprise_add(&e, "").unwrap();
    }
    let mut small = Harness::on(dir, store, Lang::Zh, 120, 10);
    small.keys("7");
    let page = small.s.enterprises.page.rows.len();
    assert!(small.s.enterprises.page.more, "twelve enterprises take two pages of ten");
    for _ in 0..page {
        small.keys("j");
    }
    assert_eq!((small.s.enterprises.page.offset, small.s.enterprises.page.selected), (page, 0));
    small.keys("k");
    assert_eq!((small.s.enterprises.page.offset, small.s.enterprises.page.selected), (0, page - 1));
    // G goes to the last enterprise of all, not of the page on show
    small.keys("G");
    let v = &small.s.enterprises.page;
    assert_eq!((v.offset + v.selected + 1, v.more), (12, false), "the last of twelve");
    // the enterprise whole scrolls to its last section; j brings its hazard back in view
    small.keys("gg\nG");
    let first = small.s.enterprises.scroll;
    assert!(first > 0, "scrolled down");
    small.keys("k");
    assert!(small.s.enterprises.scroll < first, "the selected hazard in view again");
    // Esc before the enterprise asked for arrives: it stays closed
    small.keys("\x1b");
    let ask = crate::app::update(&mut small.s, AppEvent::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    small.keys("\x1b");
    small.run(ask);
    assert!(small.s.enterprises.detail.is_none(), "a late answer does not reopen it");
}

#[test]
fn the_enterprises_screen_keeps_its_own_saved_views() {
    use crate::store::enterprise::EnterpriseSort;
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("7/冷链\no");
    x.keys("wcold\n");
    assert!(x.s.views.len() == 1 && x.s.views[0].of_enterprises(), "{:?}", x.s.views);
    // another search and order, then the view puts its own back
    x.keys("/\x1bO");
    assert_eq!((x.s.enterprises.filter.search.as_deref(), x.s.enterprises.page.rows.len()), (None, 6));
    x.keys("V");
    let Some(Modal::Picker(p)) = &x.s.modal else { panic!("the views: {:?}", x.s.notice) };
    assert_eq!(p.matches().len(), 1);
    x.keys("\n");
    let v = &x.s.enterprises;
    assert_eq!((v.filter.search.as_deref(), v.sort, v.page.rows.len()), (Some("冷链"), EnterpriseSort::Code, 1));
    // a view of the same name on the ledger is its own, and the ledger does not list this one
    x.keys("2V");
    assert!(x.s.modal.is_none(), "no hazard views yet");
    x.keys("wcold\n");
    assert!(x.s.modal.is_none(), "no question: the enterprises' view is another kind");
    assert_eq!(x.s.views.len(), 2);
    x.keys("7V");
    x.key(KeyCode::Delete);
    x.keys("y");
    assert!(x.s.views.len() == 1 && !x.s.views[0].of_enterprises(), "only the enterprises' view is forgotten");
}

#[test]
fn an_enterprise_is_added_and_edited_in_the_full_screen_and_a_viewer_may_not() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("7a");
    x.keys("\x13");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.error.as_deref() == Some("请填写「统一社会信用代码」。")));
    x.keys("91350100M000100Y43\t滕州市官桥新材料有限公司\t工贸\x13");
    assert!(x.s.modal.is_none(), "{:?}", x.s.modal);
    assert_eq!(x.s.enterprises.page.count, 7);
    x.keys("/新材料\n");
    x.keys("e");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the edit form") };
    assert_eq!(f.targets[0].code, "91350100M000100Y43");
    x.keys("\t\t\t\t刘明\x13");
    assert!(x.s.modal.is_none(), "{:?}", x.s.modal);
    assert_eq!(x.s.enterprises.page.rows[0].principal, "刘明");
    // an enterprise's village keeps its place in the form when the township's list lost it
    x.keys("/\x1b");
    let row = x.s.enterprises.page.rows.iter().position(|r| !r.village.is_empty()).expect("one with a village");
    let village = x.s.enterprises.page.rows[row].village.clone();
    x.s.places.villages.retain(|v| *v != village);
    x.s.enterprises.page.selected = row;
    x.keys("e");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the edit form") };
    assert_eq!(f.get("col.village"), village);
    x.keys("\x1b");
    let mut viewer = Harness::new(Lang::Zh, 120, 40);
    viewer.s.session.role = Some(Role::Viewer);
    viewer.keys("7a");
    assert!(viewer.s.modal.is_none(), "a viewer's add is refused at once");
}

#[test]
fn the_overdue_screen_notifies_from_its_pane_of_hazards_not_yet_notified() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("3l");
    assert_eq!(x.s.screen.list_now(&x.s), Some(ListKind::NotNotified));
    let before = x.s.list(ListKind::NotNotified).count.unwrap();
    let code = x.s.list(ListKind::NotNotified).current().unwrap().code.clone();
    // principal, then the controller: the hazard leaves the pane
    x.keys("i\t书面\x13");
    x.keys("i\x1b");
    let v = x.s.list(ListKind::NotNotified);
    let still = v.rows.iter().find(|r| r.code == code).map(|r| r.notified);
    assert_eq!(still, Some(1), "the principal told: {}", notice(&x));
    x.keys("i");
    let Some(Modal::Form(f)) = &mut x.s.modal else { panic!("the notify form") };
    f.fields[0].value = match &f.fields[0].value {
        crate::workflow::Value::Choice { options, .. } => {
            crate::workflow::Value::Choice { options: options.clone(), index: 1 }
        }
        other => other.clone(),
    };
    x.keys("\t短信\x13");
    assert_eq!(x.s.list(ListKind::NotNotified).count, Some(before - 1), "{}", notice(&x));
    assert!(x.s.list(ListKind::NotNotified).rows.iter().all(|r| r.code != code));
    // and the principal acknowledges it
    x.keys("2");
    select(&mut x, &code);
    x.keys("I\t李建国\x13");
    let w = writes(&x);
    assert!(matches!(&w.last().unwrap().1, HazardCmd::Acknowledge(a) if a.by == "李建国"), "{w:?}");
}

#[test]
fn the_panes_of_the_overdue_and_escalation_screens_open_what_they_list() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("3ll");
    assert!(x.s.overdue.behind.count.is_some_and(|n| n > 0));
    let code = x.s.overdue.behind.current().unwrap().credit_code.clone();
    x.keys("\n");
    assert_eq!(x.s.screen, Screen::Enterprises);
    assert_eq!(x.s.enterprises.detail.as_ref().map(|d| d.row.credit_code.clone()), Some(code));
    x.keys("4ll");
    let review = x.s.escalation.reviews.current().unwrap().code.clone();
    x.keys("\n");
    assert_eq!((x.s.screen, x.s.detail.code.clone()), (Screen::Detail, review));
    // the pane stays as left; l from the last wraps to the first, h back to the last
    x.keys("4l");
    assert_eq!(x.s.screen.list_now(&x.s), Some(ListKind::Escalation));
    x.keys("h");
    assert_eq!(x.s.screen.list_now(&x.s), None);
}

#[test]
fn a_hazard_is_listed_stopped_and_resumes_after_an_approved_review() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("2");
    select(&mut x, "GQ-2026-0003");
    x.keys("L县安委会\t官桥镇\t滕安督〔2026〕9号\x13y");
    assert!(row(&x, "GQ-2026-0003").listed, "{}", notice(&x));
    x.keys("R");
    assert!(notice(&x).contains("not been stopped"), "{}", notice(&x));
    x.keys("S\x13y");
    assert!(row(&x, "GQ-2026-0003").stopped, "{}", notice(&x));
    // the application, then its review (the form follows the state)
    x.keys("R");
    x.keys("\t山东安评\t评估报告\x13");
    x.keys("R");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the review form: {}", notice(&x)) };
    assert_eq!(f.fields[0].label, "form.review_decision");
    x.keys("\t张伟\t同意\x13y");
    assert!(!row(&x, "GQ-2026-0003").stopped, "approved lifts the order: {}", notice(&x));
    x.keys("U原因\x13y");
    assert!(!row(&x, "GQ-2026-0003").listed, "{}", notice(&x));
}

#[test]
fn a_hazard_is_registered_through_the_enterprise_and_clause_pickers() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("2");
    let before = x.s.list(ListKind::Ledger).count.unwrap();
    x.keys("c");
    assert!(matches!(&x.s.modal, Some(Modal::Picker(p)) if p.kind == PickerKind::Enterprise), "{}", notice(&x));
    x.keys("91420100MA4K000003\n");
    let Some(Modal::Picker(p)) = &x.s.modal else { panic!("the clause picker") };
    assert!(p.matches()[1].1.contains("[粉尘涉爆]"), "the enterprise's sector first: {:?}", p.matches()[1]);
    x.keys("泄爆\n");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form") };
    assert!(f.get("col.title").contains("泄爆"), "the clause's wording is the title");
    x.keys("\x13");
    assert!(x.s.modal.is_none(), "{:?}", x.s.modal);
    assert_eq!(x.s.list(ListKind::Ledger).count, Some(before + 1), "{}", notice(&x));
    let code = notice(&x).trim_start_matches("已登记 ").trim_end_matches('。').to_string();
    let d = x.worker.store.detail(&code).unwrap();
    assert_eq!(d.standard_ref, "应急管理部令第10号 第十一条第（三）项");
    assert_eq!(d.enterprise_info.credit_code, "91420100MA4K000003");
}

#[test]
fn an_enterprise_is_added_on_the_way_to_registering_its_hazard() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("2c\n");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.kind == FormKind::Enterprise), "the enterprise form");
    x.keys("91350100M000100Y43\t官桥新材料有限公司\t工贸\x13");
    let Some(Modal::Picker(p)) = &x.s.modal else { panic!("the clause picker: {}", notice(&x)) };
    assert!(p.title.contains("官桥新材料有限公司"));
    x.keys("\n");
    x.keys("车间配电箱无防护\x13");
    let code = notice(&x).trim_start_matches("Registered ").trim_end_matches('.').to_string();
    let d = x.worker.store.detail(&code).unwrap();
    assert_eq!((d.enterprise_info.name.as_str(), d.standard_ref.as_str()), ("官桥新材料有限公司", ""));
    let mut viewer = Harness::new(Lang::Zh, 120, 40);
    viewer.s.session.role = Some(Role::Viewer);
    viewer.keys("2c");
    assert!(viewer.s.modal.is_none(), "a viewer may not register");
}

#[test]
fn an_inspection_is_recorded_and_the_hazard_it_found_registered_against_it() {
    let mut x = Harness::new(Lang::Zh, 120, 40);
    x.keys("7");
    let at = x.s.enterprises.page.rows.iter().position(|r| r.credit_code == "91420100MA4K000006").unwrap();
    x.s.enterprises.page.selected = at;
    x.keys("i");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the inspection form") };
    assert_eq!(f.get("form.led_by"), "孙红", "the principal leads unless said otherwise");
    x.keys("\t\t\t仓库、零售店\t超量储存\x13");
    assert!(x.s.modal.is_none(), "{:?} {}", x.s.modal, notice(&x));
    assert!(notice(&x).contains("按 c 登记"), "{}", notice(&x));
    let n = x.worker.store.inspections(Some("91420100MA4K000006"), 5).unwrap();
    assert_eq!((n.len(), n[0].scope.as_str(), n[0].by_principal), (1, "仓库、零售店", true));
    x.keys("c药量\n");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the register form: {}", notice(&x)) };
    assert!(f.fields.iter().all(|f| f.label != "col.source"), "found by the inspection: its source");
    x.keys("\x13");
    let linked = x.worker.store.inspections(Some("91420100MA4K000006"), 5).unwrap();
    assert_eq!(linked[0].hazards.len(), 1, "{}", notice(&x));
    let d = x.worker.store.detail(&linked[0].hazards[0]).unwrap();
    assert_eq!(d.row.source, crate::domain::Source::Inspection);
}

#[test]
fn a_file_is_attached_from_the_full_screen_its_path_completed_by_tab() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("整改后照片.jpg"), b"\xff\xd8 photo").unwrap();
    let mut x = ledger(Lang::Zh);
    select(&mut x, "GQ-2026-0003");
    x.keys("F");
    x.keys(&format!("{}/整", dir.path().display()));
    x.keys("\t");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the attach form") };
    assert_eq!(f.get("form.file"), format!("{}/整改后照片.jpg", dir.path().display()), "Tab completes");
    assert_eq!(f.focus, 0, "and stays on the path");
    x.keys("\t\x13");
    assert!(x.s.modal.is_none(), "{:?} {}", x.s.modal, notice(&x));
    let d = x.worker.store.detail("GQ-2026-0003").unwrap();
    assert_eq!(d.attachments.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["整改后照片.jpg"]);
}

#[test]
fn a_tip_off_is_registered_verified_into_a_hazard_and_rewarded_in_the_full_screen() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("8");
    assert_eq!((x.s.screen, x.s.tipoffs.page.count), (Screen::Tipoffs, 4));
    // registered: the enterprise left empty, what it is about typed
    x.keys("a\t\t\t石门村加油站\t夜间违规卸油\x13");
    assert!(x.s.modal.is_none(), "{:?} {:?}", x.s.modal, x.s.notice);
    assert_eq!(x.s.tipoffs.page.count, 5);
    let code = x.s.tipoffs.page.rows[0].code.clone();
    assert_eq!(x.s.tipoffs.page.rows[0].enterprise, "石门村加油站");
    // verified: no enterprise of the ledger, so the picker first, then the clause, then the form
    x.keys("gv");
    let Some(Modal::Picker(_)) = &x.s.modal else { panic!("the enterprise picker: {:?}", x.s.notice) };
    x.keys("91420100MA4K000002\n");
    let Some(Modal::Picker(_)) = &x.s.modal else { panic!("the clause picker") };
    x.keys("\n");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the registration form: {:?} {:?}", x.s.modal, x.s.notice) };
    assert!(f.fields.iter().all(|f| f.label != "col.source"), "a tip-off's hazard has its source already");
    x.keys("卸油区未设置静电接地\x13");
    assert!(x.s.modal.is_none(), "{:?} {:?}", x.s.modal, x.s.notice);
    let t = x.worker.store.tipoff(&code).unwrap().row;
    assert_eq!(t.state, crate::domain::tipoff::TipoffState::Verified);
    let hazard = x.worker.store.detail(t.hazard.as_deref().unwrap()).unwrap();
    assert_eq!(hazard.row.source, crate::domain::Source::PublicReport);
    // its reward, on the list's first row (the newest)
    x.keys("gr200\t王镇长\x13");
    assert!(x.s.modal.is_none(), "{:?} {:?}", x.s.modal, x.s.notice);
    assert_eq!(x.worker.store.tipoff(&code).unwrap().row.reward_yuan, Some(200));
    // a viewer is refused at once
    x.s.session.role = Some(Role::Viewer);
    x.keys("a");
    assert!(x.s.modal.is_none() && x.s.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn a_step_on_a_tip_off_changed_meanwhile_is_a_conflict_and_the_late_are_on_the_overdue_screen() {
    let mut x = Harness::new(Lang::En, 120, 40);
    x.keys("3llll");
    assert_eq!(x.s.overdue.tipoffs.count, Some(1), "the letter received on 1 November is late");
    x.keys("\n");
    let shown = x.s.tipoffs.detail.as_ref().map(|d| d.row.code.clone()).expect("opened whole");
    assert_eq!(x.s.screen, Screen::Tipoffs);
    x.keys("s");
    // someone else assigns it first
    x.worker.store.tipoff_assign(&shown, None, "wang", "").unwrap();
    x.keys("\x13");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("the form stays") };
    assert!(f.error.as_deref().is_some_and(|e| e.contains(&shown)), "{:?}", f.error);
    assert_eq!(x.s.tipoffs.detail.as_ref().and_then(|d| d.row.assignee.as_deref()), Some("wang"), "fresh state shown");
}
