//! Tests of the consultation screen's keys: topics added, dropped (after a `y`), moved and
//! decided; actions added and done; the meeting recorded and marked held (after a `y`);
//! corrections with a reason; refusals; figures opening the ledger; the pack; late actions.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::app::harness::Harness;
use crate::app::{ListKind, Modal, Screen};
use crate::domain::Role;
use crate::domain::consultation::{ActionState, SectionKind};
use crate::i18n::Lang;
use crate::protocol::ConsultCmd;
use crate::store::{Actor, Store};

fn consult(lang: Lang) -> Harness {
    let mut x = Harness::new(lang, 120, 40);
    x.keys("6");
    x
}

/// The consultation writes sent so far.
fn writes(x: &Harness) -> Vec<ConsultWrite> {
    x.sent
        .iter()
        .filter_map(|r| match r {
            DbRequest::Consult { write, .. } => Some(write.clone()),
            _ => None,
        })
        .collect()
}

fn notice(x: &Harness) -> (String, bool) {
    x.s.notice.as_ref().map(|n| (n.text.clone(), n.error)).unwrap_or_default()
}

fn record(x: &Harness) -> &crate::store::consultation::ConsultationRecord {
    x.s.consult.shown().and_then(|a| a.record.as_ref()).unwrap()
}

fn topic_at(x: &Harness, kind: SectionKind) -> usize {
    x.s.consult.shown().unwrap().topics.iter().position(|t| t.kind == kind).unwrap()
}

fn other(x: &Harness, login: &str) -> Store {
    let path = x.worker.store.path().to_path_buf();
    Store::open(&path, Actor::new(login), crate::clock::Clock::fixed(crate::store::fixture::today())).unwrap()
}

#[test]
fn six_shows_this_quarters_agenda() {
    let x = consult(Lang::En);
    assert_eq!(x.s.screen, Screen::Consult);
    let a = x.s.consult.shown().unwrap();
    assert_eq!(a.quarter.to_string(), "2026Q4");
    assert_eq!(a.topics.len(), 9, "eight generated and one added by hand");
    assert!(!record(&x).held);
    assert_eq!(x.s.consult.actions().len(), 1);
}

#[test]
fn quarters_change_but_not_into_the_future() {
    let mut x = consult(Lang::En);
    x.keys("]");
    assert_eq!(x.s.consult.quarter.to_string(), "2026Q4");
    assert!(notice(&x).1, "{:?}", notice(&x));
    x.keys("[");
    assert_eq!(x.s.consult.shown().unwrap().quarter.to_string(), "2026Q3");
    assert!(x.s.consult.held());
    assert_eq!(x.s.consult.actions().len(), 3);
}

#[test]
fn a_topic_is_added_at_the_end() {
    let mut x = consult(Lang::Zh);
    let version = record(&x).version;
    x.keys("t\n");
    let said = match &x.s.modal {
        Some(Modal::Form(f)) => f.error.clone().unwrap_or_default(),
        _ => String::new(),
    };
    assert_eq!(said, "请填写「议题」。", "the title is required, by name");
    x.keys("安全生产月总结\t拟于12月底前完成");
    x.keys("\x13");
    let w = writes(&x);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].version, version);
    assert!(matches!(&w[0].cmd, ConsultCmd::TopicAdd { title, .. } if title == "安全生产月总结"));
    let topics = &x.s.consult.shown().unwrap().topics;
    assert_eq!(topics.last().unwrap().title, "安全生产月总结");
    assert!(!notice(&x).1, "{:?}", notice(&x));
}

#[test]
fn dropping_asks_first_and_restoring_does_not() {
    let mut x = consult(Lang::En);
    x.keys("d");
    assert!(matches!(x.s.modal, Some(Modal::Confirm(_))));
    x.keys("n");
    assert!(x.s.modal.is_none() && writes(&x).is_empty(), "nothing before y");
    x.keys("dy");
    assert!(matches!(&writes(&x)[0].cmd, ConsultCmd::TopicDrop { dropped: true, .. }));
    assert!(x.s.consult.current_topic().unwrap().dropped);
    x.keys("d");
    assert!(x.s.modal.is_none());
    assert!(matches!(&writes(&x)[1].cmd, ConsultCmd::TopicDrop { dropped: false, .. }));
    assert!(!x.s.consult.current_topic().unwrap().dropped);
}

#[test]
fn topics_move_and_the_selection_follows() {
    let mut x = consult(Lang::En);
    x.keys("jj");
    assert_eq!(x.s.consult.current_topic().unwrap().kind, SectionKind::Overdue);
    x.keys("K");
    assert!(matches!(&writes(&x)[0].cmd, ConsultCmd::TopicMove { position: 2, .. }));
    assert_eq!(topic_at(&x, SectionKind::Overdue), 1);
    assert_eq!(x.s.consult.current_topic().unwrap().kind, SectionKind::Overdue);
    x.keys("JJ");
    assert_eq!(topic_at(&x, SectionKind::Overdue), 3);
    assert_eq!(x.s.consult.topic, 3);
    x.keys("gK");
    assert_eq!(writes(&x).len(), 3, "the first topic goes no higher");
}

#[test]
fn a_topics_proposal_and_decision_are_recorded() {
    let mut x = consult(Lang::Zh);
    x.keys("jjc");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("no form") };
    assert!(f.fields.iter().all(|x| x.label != "form.reason"), "no reason before the meeting");
    x.keys("\x13");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.error.is_some()), "nothing changed");
    x.keys("\t对逾期60天以上的约谈\x13");
    let w = writes(&x);
    let ConsultCmd::TopicText { text, reason, .. } = &w[0].cmd else { panic!("{w:?}") };
    assert_eq!(
        (text.decision.as_deref(), text.proposal.as_deref(), reason.as_str()),
        (Some("对逾期60天以上的约谈"), None, "")
    );
    assert_eq!(x.s.consult.current_topic().unwrap().decision, "对逾期60天以上的约谈");
}

#[test]
fn an_action_is_added_and_done() {
    let mut x = consult(Lang::En);
    x.keys("jjn");
    x.keys("Check the ammonia plant");
    x.keys("\t");
    x.key(KeyCode::Right);
    x.keys("\t");
    x.key(KeyCode::Right);
    x.keys("\n");
    let w = writes(&x);
    let ConsultCmd::ActionAdd(a) = &w[0].cmd else { panic!("{w:?}") };
    assert_eq!(a.topic, x.s.consult.current_topic().unwrap().id);
    assert!(a.lead_unit.is_some() && a.assignee.is_some());
    assert_eq!(a.due_on, crate::store::fixture::today() + chrono::Duration::days(30));
    assert_eq!(x.s.consult.actions().len(), 2);
    x.keys("llG");
    assert_eq!(x.s.consult.pane, Pane::Actions);
    let id = x.s.consult.current_action().unwrap().id;
    x.keys("D\n");
    assert!(matches!(&writes(&x)[1].cmd, ConsultCmd::ActionDone { id: i, .. } if *i == id));
    assert_eq!(x.s.consult.actions().iter().find(|a| a.id == id).unwrap().state, ActionState::Done);
    x.keys("D");
    assert!(x.s.modal.is_none() && notice(&x).1, "already done: {:?}", notice(&x));
}

#[test]
fn the_meeting_is_recorded_then_marked_held_after_a_yes() {
    let mut x = consult(Lang::En);
    x.keys("Hy");
    assert!(notice(&x).1 && notice(&x).0.contains("future"), "a date to come: {:?}", notice(&x));
    x.keys("m");
    for _ in 0..10 {
        x.key(KeyCode::Backspace);
    }
    x.keys("2026-11-28\tTown hall\n");
    let w = writes(&x);
    let ConsultCmd::Meeting(m) = &w[1].cmd else { panic!("{w:?}") };
    assert_eq!(
        (m.held_on.map(|d| d.to_string()), m.place.as_deref(), m.chair.as_deref()),
        (Some("2026-11-28".into()), Some("镇政府三楼会议室Town hall"), None)
    );
    x.keys("H");
    assert!(matches!(x.s.modal, Some(Modal::Confirm(_))));
    x.keys("n");
    assert_eq!(writes(&x).len(), 2, "nothing before y");
    x.keys("Hy");
    assert!(matches!(writes(&x)[2].cmd, ConsultCmd::Held));
    assert!(x.s.consult.held());
    for k in ["t", "d", "K", "J", "m", "H"] {
        x.keys(k);
        assert!(x.s.modal.is_none(), "{k}");
        assert!(notice(&x).1 && notice(&x).0.contains("frozen"), "{k}: {:?}", notice(&x));
    }
    assert_eq!(writes(&x).len(), 3);
}

#[test]
fn a_correction_after_the_meeting_needs_a_reason() {
    let mut x = consult(Lang::Zh);
    x.keys("[");
    let at = topic_at(&x, SectionKind::Overdue);
    x.s.consult.topic = at;
    x.keys("c");
    let Some(Modal::Form(f)) = &x.s.modal else { panic!("no form") };
    assert!(f.fields.iter().any(|x| x.label == "form.reason"));
    x.keys("\t,并限期一周\x13");
    assert!(matches!(&x.s.modal, Some(Modal::Form(f)) if f.error.as_deref() == Some("请填写「理由」。")));
    assert!(writes(&x).is_empty());
    x.keys("\t笔误\x13");
    assert!(matches!(&writes(&x)[0].cmd, ConsultCmd::TopicText { reason, .. } if reason == "笔误"));
    let r = record(&x);
    assert_eq!(r.events.last().map(|e| e.kind.as_str()), Some("correction"));
    assert!(r.topics[at].decision.ends_with("并限期一周"));
}

#[test]
fn viewers_are_refused_with_the_reason_but_may_take_the_pack() {
    let mut x = consult(Lang::Zh);
    x.s.session.role = Some(Role::Viewer);
    for k in ["t", "d", "K", "J", "c", "n", "D", "m", "H"] {
        x.keys(k);
        assert!(x.s.modal.is_none(), "{k}");
        assert!(notice(&x).1 && notice(&x).0.contains("只读"), "{k}: {:?}", notice(&x));
    }
    assert!(writes(&x).is_empty());
    x.keys("p");
    assert!(matches!(x.s.modal, Some(Modal::Form(_))));
}

#[test]
fn enter_on_a_figure_opens_the_ledger_on_exactly_its_hazards() {
    let mut x = consult(Lang::En);
    let a = x.s.consult.shown().unwrap().clone();
    let mut seen = 0;
    for (i, topic) in a.topics.iter().enumerate() {
        for (j, fig) in figures(Lang::En, &a, topic.kind).into_iter().enumerate() {
            let Trace::Hazards(filter) = fig.trace else { continue };
            x.keys("6");
            (x.s.consult.topic, x.s.consult.pane, x.s.consult.figure) = (i, Pane::Figures, j);
            x.keys("\n");
            assert_eq!(x.s.screen, Screen::Ledger);
            let v = x.s.list(ListKind::Ledger);
            assert_eq!(v.filter, *filter, "{}", fig.label);
            assert_eq!(v.count, Some(fig.value), "{}", fig.label);
            let sort = crate::store::list::Sort { key: crate::store::list::SortKey::Discovered, descending: true };
            let page = crate::store::list::Page { after: None, limit: 200 };
            let expected: Vec<String> =
                x.worker.store.list(&filter, sort, &page).unwrap().into_iter().map(|r| r.code).collect();
            assert_eq!(v.rows.iter().map(|r| r.code.clone()).collect::<Vec<_>>(), expected, "{}", fig.label);
            seen += 1;
        }
    }
    assert!(seen > 40, "{seen}");
}

#[test]
fn follow_up_figures_lead_to_the_previous_consultations_actions() {
    let mut x = consult(Lang::En);
    x.s.consult.topic = topic_at(&x, SectionKind::FollowUp);
    x.keys("\njj\n");
    assert_eq!(x.s.consult.shown().unwrap().quarter.to_string(), "2026Q3");
    assert_eq!(x.s.consult.pane, Pane::Actions);
}

#[test]
fn a_generated_topic_of_a_quarter_without_record_starts_it() {
    let mut x = consult(Lang::En);
    x.keys("[[");
    assert!(x.s.consult.shown().unwrap().record.is_none());
    x.keys("jjdy");
    let w = writes(&x);
    assert!(matches!(&w[0].cmd, ConsultCmd::TopicDrop { topic, .. } if topic.id.is_none()), "{w:?}");
    assert_eq!(w[0].version, 1);
    assert!(x.s.consult.current_topic().unwrap().dropped);
    assert!(record(&x).topics.iter().any(|t| t.kind == SectionKind::Overdue && t.dropped));
}

#[test]
fn a_conflict_names_who_and_shows_the_fresh_record() {
    let mut x = consult(Lang::En);
    let q = x.s.consult.quarter;
    x.keys("m");
    let place = crate::store::consultation::Meeting { place: Some("村委会".into()), ..Default::default() };
    other(&x, "li").meeting(q, None, &place).unwrap();
    x.keys("\tx\n");
    let (text, error) = notice(&x);
    assert!(error && text.contains("li"), "{text}");
    assert_eq!(record(&x).place, "村委会", "fresh state shown");
}

#[test]
fn the_pack_is_written_where_asked_and_the_notice_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut x = consult(Lang::En);
    let path = dir.path().join("pack.md");
    x.keys("p\t\t");
    x.keys(&path.display().to_string());
    x.keys("\n");
    let (text, error) = notice(&x);
    assert!(!error && text.contains("pack.md"), "{text}");
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("# "));
    let docx = dir.path().join("pack.docx");
    x.keys("p");
    x.key(KeyCode::Right);
    x.key(KeyCode::Right);
    x.keys("\t\t");
    x.keys(&docx.display().to_string());
    x.keys("\n");
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"), "{:?}", notice(&x));
    let csv = dir.path().join("annexes");
    x.keys("p");
    x.key(KeyCode::Left);
    x.keys("\t\t");
    x.keys(&csv.display().to_string());
    x.keys("\n");
    assert!(std::fs::read_dir(&csv).unwrap().count() > 3, "{:?}", notice(&x));
}

#[test]
fn a_late_action_appears_on_the_overdue_screen() {
    let mut x = consult(Lang::En);
    x.keys("nInspect the fireworks stores\t\t\t");
    for _ in 0..10 {
        x.key(KeyCode::Backspace);
    }
    x.keys("2026-11-20\n");
    x.keys("3");
    let late: Vec<&str> = x.s.overdue.late.rows.iter().map(|a| a.title.as_str()).collect();
    assert!(late.contains(&"Inspect the fireworks stores"), "{late:?}");
    assert!(late.contains(&"督促冷链物流中心校验液氨储罐安全阀"), "{late:?}");
    assert!(x.s.overdue.late.rows.iter().all(|a| a.state == ActionState::Late));
}

#[test]
fn the_topics_text_scrolls_on_past_its_figures() {
    let mut x = Harness::new(Lang::Zh, 80, 24);
    x.keys("6jjl");
    assert_eq!((x.s.consult.figure, x.s.consult.read), (0, 0));
    x.keys("j");
    assert_eq!((x.s.consult.figure, x.s.consult.read), (0, 1));
    x.keys("\n");
    assert_eq!(x.s.screen, Screen::Consult, "the figure is scrolled out of view");
    x.keys("G");
    let last = x.s.consult.read;
    assert!(last > 5, "{last}");
    x.keys("j");
    assert_eq!(x.s.consult.read, last);
    x.keys("k");
    assert_eq!(x.s.consult.read, last - 1);
    x.keys("g\n");
    assert_eq!(x.s.screen, Screen::Ledger);
}

#[test]
fn leaving_the_screen_stops_its_agenda_being_read_again() {
    let mut x = consult(Lang::En);
    let q = x.s.consult.quarter;
    x.keys("2");
    let before = x.sent.len();
    let place = crate::store::consultation::Meeting { place: Some("村委会".into()), ..Default::default() };
    other(&x, "li").meeting(q, None, &place).unwrap();
    x.keys("mcalled\x13");
    assert!(notice(&x).0.contains("saved"), "{:?}", notice(&x));
    assert_eq!(record(&x).place, "镇政府三楼会议室", "not read again after a write elsewhere");
    let agenda = |r: &DbRequest| matches!(r, DbRequest::Load { slot: Slot::Consult, .. });
    assert!(!x.sent[before..].iter().any(agenda), "no agenda load while the ledger is shown");
    x.keys("6");
    assert_eq!(record(&x).place, "村委会", "read again on coming back");
}
