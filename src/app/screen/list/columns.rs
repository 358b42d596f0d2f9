//! The columns of each list screen, fitted to the terminal's width: the least
//! important columns go first, and the rest share the space left.

use crate::app::{AppState, ListKind};
use crate::domain::status::SignOff;
use crate::domain::{Verdict, VerifierRole};
use crate::i18n::Lang;
use crate::model::{HazardRow, SortKey};
use crate::widget::table::{Fit, Spec};

/// A list column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Mark,
    Band,
    Code,
    Status,
    Grade,
    Title,
    Enterprise,
    Village,
    Sector,
    Discovered,
    Deadline,
    Late,
    Level,
    Recommended,
    Reason,
    Assignee,
    Round,
    Signed(VerifierRole),
    /// Days since the hazard was found.
    Since,
    /// Who is still to be notified.
    ToNotify,
    /// Days left to the deadline (negative: late).
    Left,
    /// Under a stopped-production order.
    Stopped,
}

/// Titles grow to a readable width first; columns worth 3 or less give way to them.
pub const HOW: Fit<Col> = Fit { flex_first: 24, minor: 3, always: Col::Code };

/// A column: least width, best width (0: takes what is left), how much it is worth keeping.
const fn spec(col: Col, min: usize, max: usize, keep: u8) -> Spec<Col> {
    Spec { col, min, max, keep }
}

/// The columns of a list, most important kept.
pub fn specs(kind: ListKind) -> Vec<Spec<Col>> {
    use Col::*;
    let mut v = vec![spec(Mark, 1, 1, 9), spec(Code, 12, 12, 10)];
    v.extend(match kind {
        ListKind::Ledger => vec![
            spec(Status, 11, 15, 8),
            spec(Grade, 5, 7, 1),
            spec(Title, 14, 0, 8),
            spec(Enterprise, 10, 28, 6),
            spec(Village, 8, 10, 3),
            spec(Sector, 8, 10, 2),
            spec(Discovered, 10, 10, 2),
            spec(Deadline, 10, 10, 7),
            spec(Late, 4, 8, 7),
            spec(Level, 4, 8, 5),
            spec(Assignee, 6, 10, 4),
        ],
        ListKind::Overdue => vec![
            spec(Band, 8, 10, 8),
            spec(Late, 4, 8, 9),
            spec(Title, 10, 0, 8),
            spec(Enterprise, 8, 24, 5),
            spec(Assignee, 6, 10, 7),
            spec(Level, 4, 8, 7),
            spec(Deadline, 10, 10, 3),
        ],
        ListKind::Escalation => vec![
            spec(Title, 10, 0, 8),
            spec(Enterprise, 8, 24, 4),
            spec(Level, 4, 8, 7),
            spec(Recommended, 9, 9, 8),
            spec(Reason, 15, 22, 7),
            spec(Assignee, 6, 10, 3),
        ],
        ListKind::Verification => vec![
            spec(Title, 10, 0, 8),
            spec(Enterprise, 8, 24, 4),
            spec(Round, 4, 5, 5),
            spec(Signed(VerifierRole::Regulator), 6, 10, 7),
            spec(Signed(VerifierRole::Expert), 6, 10, 7),
            spec(Signed(VerifierRole::Enterprise), 6, 10, 7),
            spec(Assignee, 6, 10, 3),
        ],
        ListKind::NotNotified => vec![
            spec(ToNotify, 8, 22, 9),
            spec(Since, 4, 6, 8),
            spec(Title, 10, 0, 8),
            spec(Enterprise, 8, 24, 6),
            spec(Discovered, 10, 10, 3),
            spec(Assignee, 6, 10, 4),
        ],
        ListKind::Listed => vec![
            spec(Left, 4, 6, 9),
            spec(Stopped, 4, 8, 8),
            spec(Title, 10, 0, 8),
            spec(Enterprise, 8, 24, 6),
            spec(Deadline, 10, 10, 5),
            spec(Level, 4, 8, 4),
            spec(Assignee, 6, 10, 3),
        ],
    });
    v
}

/// The header of a column; the sort column is marked with `^` or `v`.
pub fn header(l: Lang, c: Col, sort: Option<(SortKey, bool)>) -> String {
    let text = match c {
        Col::Mark => "",
        Col::Band => l.t("tui.col.band"),
        Col::Code => l.t("col.code"),
        Col::Status => l.t("col.status"),
        Col::Grade => l.t("col.grade"),
        Col::Title => l.t("col.title"),
        Col::Enterprise => l.t("col.enterprise"),
        Col::Village => l.t("col.village"),
        Col::Sector => l.t("col.sector"),
        Col::Discovered => l.t("col.discovered_on"),
        Col::Deadline => l.t("col.deadline"),
        Col::Late => l.t("tui.col.late"),
        Col::Level => l.t("tui.col.level"),
        Col::Recommended => l.t("tui.col.recommended"),
        Col::Reason => l.t("tui.col.reason"),
        Col::Assignee => l.t("col.assignee"),
        Col::Round => l.t("tui.col.round"),
        Col::Signed(r) => l.word("verifier", r.as_str()),
        Col::Since => l.t("tui.col.since"),
        Col::ToNotify => l.t("col.to_notify"),
        Col::Left => l.t("tui.col.left"),
        Col::Stopped => l.t("tui.col.stopped"),
    };
    match sort {
        Some((key, desc)) if sort_key(c) == Some(key) => format!("{text}{}", if desc { "v" } else { "^" }),
        _ => text.to_string(),
    }
}

/// The sort key a column stands for.
fn sort_key(c: Col) -> Option<SortKey> {
    Some(match c {
        Col::Code => SortKey::Code,
        Col::Status => SortKey::Status,
        Col::Grade => SortKey::Grade,
        Col::Title => SortKey::Title,
        Col::Enterprise => SortKey::Enterprise,
        Col::Village => SortKey::Village,
        Col::Sector => SortKey::Sector,
        Col::Discovered | Col::Since => SortKey::Discovered,
        Col::Deadline | Col::Late | Col::Left => SortKey::Deadline,
        Col::Level => SortKey::Escalation,
        Col::Assignee => SortKey::Assignee,
        _ => return None,
    })
}

/// The lateness band of a row, by the escalation thresholds (1–14, 15–29, 30–59, 60+ by default).
pub fn band(s: &AppState, days: i64) -> String {
    let d = s.thresholds.overdue_days;
    let i = d.iter().filter(|x| days >= **x).count().max(1);
    match d.get(i) {
        Some(next) => s.lang.f("tui.band", &[&d[i - 1], &(next - 1)]),
        None => s.lang.f("tui.band_over", &[&d[3]]),
    }
}

/// How late a row is, by the escalation thresholds: 1 from the first (a letter), 2 from
/// the second, 3 from the last (exposure); 0 when not late.
pub fn lateness(s: &AppState, days: i64) -> u8 {
    let d = s.thresholds.overdue_days;
    [d[0], d[1], d[3]].iter().filter(|x| days >= **x).count() as u8
}

/// A row's graded style: how late it is, else due within a week, else how escalated.
pub fn grade(s: &AppState, r: &HazardRow) -> Option<crate::widget::theme::Role> {
    use crate::widget::theme::Role;
    let open = r.status != crate::domain::Status::Closed;
    match lateness(s, r.days_overdue) {
        0 if open && (r.deadline - s.today).num_days() <= DUE_SOON_DAYS => Some(Role::DueSoon),
        0 if r.escalation_level > 0 => Some(Role::Level(r.escalation_level)),
        0 => None,
        n => Some(Role::Late(n)),
    }
}

/// Due within this many days: shown as due soon.
const DUE_SOON_DAYS: i64 = 7;

/// The text of a cell.
pub fn text(s: &AppState, c: Col, r: &HazardRow, signed: &[SignOff]) -> String {
    let l = s.lang;
    let level = |n: u8| if n == 0 { String::from("-") } else { l.word("level", &n.to_string()).to_string() };
    match c {
        Col::Mark => if s.marked.contains_key(&r.code) { "*" } else { " " }.to_string(),
        Col::Band => band(s, r.days_overdue),
        Col::Code => r.code.clone(),
        Col::Status => status_words(l, r),
        Col::Grade => l.word("grade", r.grade.as_str()).to_string(),
        Col::Title => r.title.clone(),
        Col::Enterprise => r.enterprise.clone(),
        Col::Village => r.village.clone(),
        Col::Sector => r.sector.clone(),
        Col::Discovered => r.discovered_on.to_string(),
        Col::Deadline => r.deadline.to_string(),
        // the grade as marks too, for a terminal without colour: ! !! !!!
        Col::Late if r.days_overdue > 0 => {
            format!("{} {}", r.days_overdue, "!".repeat(usize::from(lateness(s, r.days_overdue))))
        }
        Col::Late => String::new(),
        Col::Level => level(r.escalation_level),
        Col::Recommended => l.word("level", &r.recommended_level.to_string()).to_string(),
        Col::Reason => crate::present::reason_text(l, r.recommended_reason),
        Col::Assignee => r.assignee_name.clone().or_else(|| r.assignee.clone()).unwrap_or_else(|| "-".into()),
        Col::Round => r.round.to_string(),
        Col::Signed(role) => match signed.iter().rev().find(|x| x.role == role) {
            Some(x) => l.word("verdict", x.verdict.as_str()).to_string(),
            None => l.t("tui.unsigned").to_string(),
        },
        Col::Since => (s.today - r.discovered_on).num_days().to_string(),
        Col::ToNotify => crate::present::duties::untold_words(l, r.notified),
        Col::Left => (r.deadline - s.today).num_days().to_string(),
        Col::Stopped => if r.stopped { l.t("yes") } else { "" }.to_string(),
    }
}

/// The status in words, with "overdue" when late (never colour alone).
fn status_words(l: Lang, r: &HazardRow) -> String {
    let w = l.word("status", r.status.as_str());
    if r.days_overdue > 0 { format!("{w}{}", l.t("tui.overdue_mark")) } else { w.to_string() }
}

/// Whether a sign-off cell reads as a fail.
pub fn is_fail(c: Col, signed: &[SignOff]) -> bool {
    matches!(c, Col::Signed(role) if signed.iter().rev().find(|x| x.role == role).is_some_and(|x| x.verdict == Verdict::Fail))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(kind: ListKind, width: usize) -> Vec<(Col, usize)> {
        crate::widget::table::fit(&specs(kind), width, &HOW)
    }

    #[test]
    fn columns_fit_any_width() {
        for kind in ListKind::ALL {
            for w in [0, 1, 10, 40, 80, 120, 200] {
                let cols = fit(kind, w);
                let used: usize = cols.iter().map(|c| c.1 + 1).sum();
                assert!(used <= w.max(14), "{kind:?} {w}: {used}");
                assert!(cols.iter().any(|c| c.0 == Col::Code));
            }
        }
        assert!(fit(ListKind::Ledger, 200).len() > fit(ListKind::Ledger, 80).len());
    }
}
