//! Test-only: app states made by hand, with no database, for update and render tests
//! that are about the screen and not about what the store returns.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::Keymap;
use super::{AppEvent, AppState, Effect, update};
use crate::domain::escalation::Thresholds;
use crate::domain::{Grade, Role, Source, Status};
use crate::i18n::Lang;
use crate::model::HazardRow;
use crate::protocol::{DbEvent, DbRequest, Loaded, PageData, Query, Session};

/// The day the fixtures are seen on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
}

/// A session of an officer on a ledger called 官桥镇.
pub fn session() -> Session {
    Session {
        org: "官桥镇".into(),
        login: "li".into(),
        role: Some(Role::Officer),
        database: "fixture.db".into(),
        demo: false,
        readonly: false,
    }
}

/// An empty app at `w` x `h`: nothing loaded yet.
pub fn state(lang: Lang, w: u16, h: u16) -> AppState {
    let mut s = AppState::new(lang, today(), session(), Thresholds::default(), Keymap::default());
    s.size = (w, h);
    s
}

/// A hazard row: `n` makes the code and id, `late` the days past its deadline.
pub fn row(n: i64, title: &str, late: i64) -> HazardRow {
    let deadline = today() - chrono::Duration::days(late);
    HazardRow {
        id: n,
        code: format!("GQ-2026-{n:04}"),
        title: title.into(),
        enterprise: "官桥镇示例化工有限公司".into(),
        village: "官桥村".into(),
        sector: "危化品".into(),
        source: Source::Inspection,
        grade: Grade::Major,
        status: Status::Rectifying,
        discovered_on: deadline - chrono::Duration::days(60),
        deadline,
        days_overdue: late.max(0),
        escalation_level: 0,
        recommended_level: 0,
        recommended_reason: None,
        assignee: Some("li".into()),
        assignee_name: Some("李明".into()),
        stock: false,
        round: 1,
        version: 1,
        notified: 3,
        listed: false,
        stopped: false,
        sort_key: rusqlite::types::Value::Integer(n),
    }
}

/// Presses one key.
pub fn key(s: &mut AppState, c: char) -> Vec<Effect> {
    update(s, AppEvent::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

/// Answers the loads among `effects` that `answer` knows, as the worker would.
pub fn answer(s: &mut AppState, effects: Vec<Effect>, answer: impl Fn(&Query) -> Option<Loaded>) {
    for e in effects {
        if let Effect::Db(DbRequest::Load { id, slot, query }) = e
            && let Some(data) = answer(&query)
        {
            let more = update(s, AppEvent::Db(DbEvent::Loaded { id, slot, data }));
            assert!(more.is_empty(), "a fixture answer asked for more: {more:?}");
        }
    }
}

/// The ledger screen showing `rows`, with `more` rows after them.
pub fn ledger(lang: Lang, rows: Vec<HazardRow>, more: bool) -> AppState {
    let mut s = state(lang, 120, 40);
    let effects = key(&mut s, '2');
    answer(&mut s, effects, |q| match q {
        Query::Page(p) => Some(Loaded::Page(Box::new(PageData {
            query: (**p).clone(),
            rows: rows.clone(),
            more,
            count: Some(rows.len() as i64 + i64::from(more)),
            sign_offs: Vec::new(),
        }))),
        _ => None,
    });
    s
}
