//! The quarterly consultation (会商研判): its agenda sections, the state of a follow-up
//! action, and what a held (frozen) meeting record still allows.

use chrono::NaiveDate;
use serde::Serialize;

use super::status::GateError;
use super::types::word_enum;

word_enum!(
    /// One agenda section: the seven generated from the ledger, or a topic added by hand.
    SectionKind {
        Overall => "overall",
        Stock => "stock",
        Overdue => "overdue",
        Escalation => "escalation",
        Verification => "verification",
        Places => "places",
        Duties => "duties",
        FollowUp => "follow_up",
        Manual => "manual",
    }
);

impl SectionKind {
    /// The generated sections in their default order.
    pub const GENERATED: [SectionKind; 8] = [
        SectionKind::Overall,
        SectionKind::Stock,
        SectionKind::Overdue,
        SectionKind::Escalation,
        SectionKind::Verification,
        SectionKind::Places,
        SectionKind::Duties,
        SectionKind::FollowUp,
    ];
}

word_enum!(
    /// Where a follow-up action stands: done, open (not yet due) or late (past due, not done).
    ActionState { Done => "done", Open => "open", Late => "late" }
);

impl ActionState {
    /// The state on `today` of an action due on `due_on`, done on `done_on` if at all.
    pub fn of(due_on: NaiveDate, done_on: Option<NaiveDate>, today: NaiveDate) -> ActionState {
        match done_on {
            Some(_) => ActionState::Done,
            None if due_on < today => ActionState::Late,
            None => ActionState::Open,
        }
    }
}

/// Days an open action is past its due date (0 when done or not yet due).
pub fn days_late(due_on: NaiveDate, done_on: Option<NaiveDate>, today: NaiveDate) -> i64 {
    if done_on.is_some() { 0 } else { (today - due_on).num_days().max(0) }
}

/// How an edit of a topic's text is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    /// Before the meeting is held: an ordinary change.
    Change,
    /// After it is held: a correction, which needs a reason.
    Correction,
}

impl TextEdit {
    /// The timeline event kind.
    pub fn event_kind(self) -> &'static str {
        match self {
            TextEdit::Change => "topic_text",
            TextEdit::Correction => "correction",
        }
    }
}

/// Whether a topic's proposal, decision or title may change, and how it is recorded.
pub fn text_edit(held: bool, reason: &str) -> Result<TextEdit, GateError> {
    match (held, reason.trim().is_empty()) {
        (false, _) => Ok(TextEdit::Change),
        (true, false) => Ok(TextEdit::Correction),
        (true, true) => Err(GateError::ReasonRequired),
    }
}

/// Moves the item at `from` to `to` (both 0-based, `to` clamped), keeping the others' order.
pub fn reorder<T>(items: &mut Vec<T>, from: usize, to: usize) {
    if from >= items.len() {
        return;
    }
    let item = items.remove(from);
    let to = to.min(items.len());
    items.insert(to, item);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn action_states() {
        let today = d("2026-11-29");
        assert_eq!(ActionState::of(d("2026-11-28"), None, today), ActionState::Late);
        assert_eq!(ActionState::of(d("2026-11-29"), None, today), ActionState::Open);
        assert_eq!(ActionState::of(d("2026-10-01"), Some(d("2026-11-01")), today), ActionState::Done);
        assert_eq!(days_late(d("2026-11-19"), None, today), 10);
        assert_eq!(days_late(d("2026-11-19"), Some(today), today), 0);
        assert_eq!(days_late(d("2026-12-19"), None, today), 0);
    }

    #[test]
    fn a_held_record_takes_corrections_with_a_reason_only() {
        assert_eq!(text_edit(false, ""), Ok(TextEdit::Change));
        assert_eq!(text_edit(true, "笔误"), Ok(TextEdit::Correction));
        assert_eq!(text_edit(true, "  "), Err(GateError::ReasonRequired));
    }

    #[test]
    fn sections_and_reordering() {
        assert_eq!(SectionKind::GENERATED.len() + 1, SectionKind::ALL.len());
        assert_eq!(SectionKind::parse("follow_up"), Some(SectionKind::FollowUp));
        let mut v = vec![1, 2, 3, 4];
        reorder(&mut v, 3, 0);
        assert_eq!(v, [4, 1, 2, 3]);
        reorder(&mut v, 0, 99);
        assert_eq!(v, [1, 2, 3, 4]);
        reorder(&mut v, 9, 0);
        assert_eq!(v, [1, 2, 3, 4]);
    }
}
