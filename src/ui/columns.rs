//! The columns of each list screen, fitted to the terminal's width: the least
//! important columns go first, and the rest share the space left.

use crate::app::{AppState, ListKind};
use crate::domain::status::SignOff;
use crate::domain::{Verdict, VerifierRole};
use crate::i18n::Lang;
use crate::model::{HazardRow, SortKey};

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
}

/// How wide flexible columns (titles) grow before the others get their best width.
const FLEX_FIRST: usize = 24;

/// A column's place: minimum and maximum width (0 = takes what is left) and priority (high stays).
struct Spec(Col, usize, usize, u8);

fn specs(kind: ListKind) -> Vec<Spec> {
    use Col::*;
    let mut v = vec![Spec(Mark, 1, 1, 9), Spec(Code, 12, 12, 10)];
    v.extend(match kind {
        ListKind::Ledger => vec![
            Spec(Status, 11, 15, 8),
            Spec(Grade, 5, 7, 1),
            Spec(Title, 14, 0, 8),
            Spec(Enterprise, 10, 24, 6),
            Spec(Village, 8, 10, 3),
            Spec(Sector, 8, 10, 2),
            Spec(Discovered, 10, 10, 2),
            Spec(Deadline, 10, 10, 7),
            Spec(Late, 4, 5, 7),
            Spec(Level, 5, 6, 5),
            Spec(Assignee, 6, 10, 4),
        ],
        ListKind::Overdue => vec![
            Spec(Band, 8, 10, 8),
            Spec(Late, 4, 5, 9),
            Spec(Title, 10, 0, 8),
            Spec(Enterprise, 8, 24, 5),
            Spec(Assignee, 6, 10, 7),
            Spec(Level, 5, 6, 7),
            Spec(Deadline, 10, 10, 3),
        ],
        ListKind::Escalation => vec![
            Spec(Title, 10, 0, 8),
            Spec(Enterprise, 8, 24, 4),
            Spec(Level, 5, 6, 7),
            Spec(Recommended, 9, 9, 8),
            Spec(Reason, 15, 22, 7),
            Spec(Assignee, 6, 10, 3),
        ],
        ListKind::Verification => vec![
            Spec(Title, 10, 0, 8),
            Spec(Enterprise, 8, 24, 4),
            Spec(Round, 4, 5, 5),
            Spec(Signed(VerifierRole::Regulator), 6, 10, 7),
            Spec(Signed(VerifierRole::Expert), 6, 10, 7),
            Spec(Signed(VerifierRole::Enterprise), 6, 10, 7),
            Spec(Assignee, 6, 10, 3),
        ],
    });
    v
}

/// The columns that fit in `width` cells (one space between columns), with their widths.
pub fn fit(kind: ListKind, width: usize) -> Vec<(Col, usize)> {
    let mut specs = specs(kind);
    let need = |s: &[Spec]| s.iter().map(|x| x.1 + 1).sum::<usize>();
    // first the minor columns make room for a readable title, then any column for the minimum
    let readable =
        |s: &[Spec]| s.iter().map(|x| if x.2 == 0 { FLEX_FIRST.max(x.1) + 1 } else { x.1 + 1 }).sum::<usize>();
    while readable(&specs) > width && drop_lowest(&mut specs, MINOR) {}
    while need(&specs) > width && drop_lowest(&mut specs, u8::MAX) {}
    let mut widths: Vec<usize> = specs.iter().map(|x| x.1).collect();
    let mut spare = width.saturating_sub(need(&specs));
    // flexible columns first up to a readable width, then the others to their best, then the rest
    for (cap, flex_pass) in [(FLEX_FIRST, true), (usize::MAX, false)] {
        for (w, x) in widths.iter_mut().zip(&specs) {
            if (x.2 == 0) == flex_pass {
                let best = if x.2 == 0 { cap } else { x.2 };
                let add = best.saturating_sub(*w).min(spare);
                *w += add;
                spare -= add;
            }
        }
    }
    let flex = specs.iter().filter(|x| x.2 == 0).count().max(1);
    for (w, x) in widths.iter_mut().zip(&specs) {
        if x.2 == 0 {
            *w += spare / flex;
        }
    }
    specs.iter().zip(widths).map(|(x, w)| (x.0, w)).collect()
}

/// Columns of this priority or lower give way to a readable title.
const MINOR: u8 = 3;

/// Removes the least important column whose priority is at most `max` (the later one of
/// equals); false when none may go (the code column always stays).
fn drop_lowest(specs: &mut Vec<Spec>, max: u8) -> bool {
    let pick = specs
        .iter()
        .enumerate()
        .filter(|(_, x)| x.3 <= max && x.0 != Col::Code)
        .min_by_key(|(i, x)| (x.3, usize::MAX - i));
    match pick.map(|(i, _)| i) {
        Some(i) => {
            specs.remove(i);
            true
        }
        None => false,
    }
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
        Col::Discovered => SortKey::Discovered,
        Col::Deadline | Col::Late => SortKey::Deadline,
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

/// The text of a cell.
pub fn text(s: &AppState, c: Col, r: &HazardRow, signed: &[SignOff]) -> String {
    let l = s.lang;
    let level = |n: u8| if n == 0 { String::from("-") } else { l.f("tui.level", &[&n]) };
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
        Col::Late => {
            if r.days_overdue > 0 {
                r.days_overdue.to_string()
            } else {
                String::new()
            }
        }
        Col::Level => level(r.escalation_level),
        Col::Recommended => l.word("level", &r.recommended_level.to_string()).to_string(),
        Col::Reason => crate::present::reason_text(l, r.recommended_reason),
        Col::Assignee => r.assignee_name.clone().or_else(|| r.assignee.clone()).unwrap_or_else(|| "-".into()),
        Col::Round => r.round.to_string(),
        Col::Signed(role) => match signed.iter().rev().find(|x| x.role == role) {
            Some(x) => l.word("verdict", x.verdict.as_str()).to_string(),
            None => l.t("tui.unsigned").to_string(),
        },
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
