//! Sections four to seven of the paper: escalation, sign-off, villages and sectors, and
//! the follow-up of the previous consultation.

use super::sections::{Col, hazard_table, table};
use super::words::{date, item, join, quarter};
use super::{Block, Chart};
use crate::i18n::Lang;
use crate::present::reason_text as reason;
use crate::store::agenda::{Agenda, PlaceRow};
use crate::text::sanitise;

/// Section 4.
pub(super) fn escalation(lang: Lang, a: &Agenda) -> Vec<Block> {
    let e = &a.escalations;
    let issued = if e.documents.is_empty() {
        lang.t("escalation.none_issued").to_string()
    } else {
        let parts: Vec<String> = e
            .by_level
            .iter()
            .filter(|(_, f)| f.value > 0)
            .map(|(l, f)| lang.f("escalation.level_docs", &[&lang.word("level", &l.to_string()), &f.value]))
            .collect();
        lang.f("escalation.issued", &[&e.escalated.value, &e.documents.len(), &join(lang, &parts)])
    };
    let today = lang.f("paper.until_day", &[&date(lang, a.today)]);
    let queue = match e.queue.value {
        0 => lang.f("escalation.queue_empty", &[&today]),
        n => lang.f("escalation.queue", &[&today, &n]),
    };
    let mut out = vec![Block::Para(format!("{issued}{queue}"))];
    if !e.documents.is_empty() {
        let rows = e
            .documents
            .iter()
            .map(|d| {
                vec![
                    sanitise(&d.doc_no),
                    d.date.clone(),
                    lang.word("level", &d.level.to_string()).to_string(),
                    sanitise(&d.code),
                    sanitise(&d.enterprise),
                    sanitise(&d.title),
                ]
            })
            .collect();
        let headers = ["col.doc_no", "col.date", "col.level", "col.code", "col.enterprise", "col.title"];
        out.push(table(lang, "documents", lang.t("table.documents"), &headers, rows));
    }
    if !e.queue_rows.is_empty() {
        let cols = [Col::No, Col::Code, Col::Enterprise, Col::Title, Col::Deadline, Col::Level, Col::Recommended];
        let mut block = hazard_table(lang, "queue", lang.t("table.queue"), &e.queue_rows, &cols);
        if let Block::Table(t) = &mut block {
            t.headers.push(lang.t("col.reason").to_string());
            for (row, r) in t.rows.iter_mut().zip(&e.queue_rows) {
                row.push(reason(lang, r.recommended_reason));
            }
        }
        out.push(block);
    }
    out
}

/// Section 5.
pub(super) fn verification(lang: Lang, a: &Agenda) -> Vec<Block> {
    let v = &a.verification;
    let today = lang.f("paper.until_day", &[&date(lang, a.today)]);
    let awaiting = match v.awaiting.value {
        0 => lang.f("verification.none_awaiting", &[&today]),
        n => lang.f("verification.awaiting", &[&today, &n]),
    };
    let failed = match v.failed_rounds.len() {
        0 => lang.t("verification.none_failed").to_string(),
        n => lang.f("verification.failed", &[&n, &v.failed.value]),
    };
    let mut out = vec![Block::Para(format!("{awaiting}{failed}"))];
    if !v.awaiting_rows.is_empty() {
        let cols = [Col::No, Col::Code, Col::Enterprise, Col::Title, Col::Deadline, Col::Round, Col::Assignee];
        out.push(hazard_table(lang, "awaiting", lang.t("table.awaiting"), &v.awaiting_rows, &cols));
    }
    if !v.failed_rounds.is_empty() {
        let rows = v
            .failed_rounds
            .iter()
            .map(|f| {
                vec![
                    sanitise(&f.code),
                    sanitise(&f.enterprise),
                    sanitise(&f.title),
                    f.round.to_string(),
                    lang.word("verifier", &f.role).to_string(),
                    sanitise(format!("{} {}", f.name, f.organisation).trim_end()),
                    f.date.clone(),
                    sanitise(&f.opinion),
                ]
            })
            .collect();
        let headers = [
            "col.code",
            "col.enterprise",
            "col.title",
            "col.round",
            "col.party",
            "col.name",
            "col.date",
            "col.opinion",
        ];
        out.push(table(lang, "failed", lang.t("table.failed"), &headers, rows));
    }
    out
}

/// "官桥村(5项)、柴里村(3项)" for the first three with a count above zero.
fn leaders(lang: Lang, rows: &[PlaceRow], pick: fn(&PlaceRow) -> i64) -> String {
    let mut sorted: Vec<&PlaceRow> = rows.iter().filter(|r| pick(r) > 0).collect();
    sorted.sort_by_key(|r| std::cmp::Reverse(pick(r)));
    let names: Vec<String> =
        sorted.iter().take(3).map(|r| lang.f("places.count", &[&place_label(lang, &r.label), &pick(r)])).collect();
    if names.is_empty() { lang.t("places.nowhere").to_string() } else { join(lang, &names) }
}

fn place_label(lang: Lang, label: &str) -> String {
    if label.is_empty() { lang.t("places.no_village").to_string() } else { sanitise(label) }
}

/// Section 6.
pub(super) fn places(lang: Lang, a: &Agenda) -> Vec<Block> {
    let (v, s) = (&a.places.villages, &a.places.sectors);
    let open = |r: &PlaceRow| r.open.value;
    let overdue = |r: &PlaceRow| r.overdue.value;
    let para = lang.f(
        "places.summary",
        &[&leaders(lang, v, open), &leaders(lang, v, overdue), &leaders(lang, s, open), &leaders(lang, s, overdue)],
    );
    let mut out = vec![Block::Para(para)];
    for (i, (rows, id, head, col)) in
        [(v, "villages", "places.village_head", "col.village"), (s, "sectors", "places.sector_head", "col.sector")]
            .into_iter()
            .enumerate()
    {
        out.push(Block::SubHeading(item(lang, i + 1, lang.t(head))));
        let cells = rows
            .iter()
            .map(|r| {
                let n = [r.open.value, r.overdue.value, r.new.value, r.closed.value];
                let mut row = vec![place_label(lang, &r.label)];
                row.extend(n.iter().map(i64::to_string));
                row
            })
            .collect();
        let headers = [col, "fig.open_end", "fig.overdue_end", "fig.new", "fig.closed"];
        out.push(table(lang, id, &lang.f("table.places", &[&lang.t(head)]), &headers, cells));
        let bars = rows.iter().map(|r| (place_label(lang, &r.label), r.open.value, r.overdue.value)).collect();
        let legend = [lang.t("fig.open_end").to_string(), lang.t("fig.overdue_end").to_string()];
        out.push(Block::Chart(Chart::Bars { title: lang.f("chart.places", &[&lang.t(head)]), bars, legend }));
    }
    out
}

/// Section 7.
pub(super) fn follow_up(lang: Lang, a: &Agenda) -> Vec<Block> {
    let f = &a.follow_up;
    let Some(prev) = f.previous else { return vec![Block::Para(lang.t("follow.none").to_string())] };
    let held = f.held_on.map(|d| lang.f("follow.held_on", &[&date(lang, d)])).unwrap_or_default();
    let summary = lang.f(
        "follow.summary",
        &[
            &quarter(lang, prev),
            &held,
            &f.decisions.len(),
            &f.actions.len(),
            &f.done.value,
            &f.open.value,
            &f.late.value,
        ],
    );
    let mut out = vec![Block::Para(summary)];
    for (i, t) in f.decisions.iter().enumerate() {
        let title = super::topic_title(lang, t.kind, &t.title);
        out.push(Block::Para(item(lang, i + 1, &lang.f("follow.decision", &[&title, &sanitise(&t.decision)]))));
    }
    if !f.actions.is_empty() {
        let rows = f
            .actions
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let state = lang.word("state", x.state.as_str());
                let state = if x.days_late > 0 {
                    lang.f("follow.late_days", &[&state, &x.days_late])
                } else {
                    state.to_string()
                };
                vec![
                    (i + 1).to_string(),
                    sanitise(&x.title),
                    sanitise(&x.lead_unit),
                    sanitise(&x.assignee_name.clone().or(x.assignee.clone()).unwrap_or_default()),
                    x.due_on.to_string(),
                    state,
                    x.done_on.map(|d| d.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        let headers = ["col.no", "col.task", "col.lead_unit", "col.assignee", "col.due_on", "col.state", "col.done_on"];
        out.push(table(lang, "actions", lang.t("table.actions"), &headers, rows));
    }
    out
}
