//! A hazard's duties in words: the notices to the principal and the controller with
//! their acknowledgement, and its supervision (listing, stopped production, resumption).

use super::{Section, line};
use crate::domain::Recipient;
use crate::i18n::Lang;
use crate::store::detail::HazardDetail;

/// Who of the principal and the controller is still to be told, by a list row's
/// notified bits (1 the principal, 2 the controller).
pub fn untold(notified: u8) -> Vec<Recipient> {
    [(1, Recipient::Principal), (2, Recipient::Controller)]
        .into_iter()
        .filter(|(bit, _)| notified & bit == 0)
        .map(|(_, who)| who)
        .collect()
}

/// `untold` in words, joined.
pub fn untold_words(l: Lang, notified: u8) -> String {
    let words: Vec<&str> = untold(notified).iter().map(|w| l.word("recipient", w.as_str())).collect();
    words.join(l.t("list.sep"))
}

pub fn notifications(l: Lang, d: &HazardDetail) -> Section {
    let lines = d
        .notifications
        .iter()
        .map(|n| {
            let ack = match (n.acknowledged, n.acknowledged_by.is_empty()) {
                (false, _) => String::new(),
                (true, true) => l.t("detail.acknowledged").to_string(),
                (true, false) => l.f("detail.acknowledged_by", &[&n.acknowledged_by, &n.acknowledged_on]),
            };
            (
                l.word("recipient", &n.recipient).to_string(),
                format!("{} {} {ack}", n.date, n.channel).trim_end().to_string(),
            )
        })
        .collect();
    Section { title: l.t("detail.notifications").to_string(), lines }
}

pub fn attachments(l: Lang, d: &HazardDetail) -> Section {
    let lines = d
        .attachments
        .iter()
        .map(|a| {
            let size = format!("{:.1} KB", a.size as f64 / 1024.0);
            let who = d.names.get(&a.actor).unwrap_or(&a.actor);
            let text = format!("{} {} {size} {} {who} {}", l.word("attachment", &a.kind), a.name, &a.at, a.note);
            (format!("#{}", a.n), text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    Section { title: l.t("detail.attachments").to_string(), lines }
}

pub fn supervision(l: Lang, d: &HazardDetail) -> Section {
    let s = &d.supervision;
    let mut lines = Vec::new();
    if let Some(x) = &s.listing {
        let text = format!("{} {} {} {}", x.unit, x.date, x.doc_no, l.f("detail.responsible", &[&x.responsible]));
        lines.push(line(l, "col.listed", text));
    }
    if let Some(x) = &s.stop {
        let scope = l.word("stop_scope", if x.partial { "partial" } else { "whole" });
        lines.push(line(l, "col.stopped", format!("{} {scope}", x.date)));
    }
    for r in &s.resumptions {
        let applied = format!("{} {} {} {}", r.applied_on, l.word("evaluator", &r.evaluator), r.evaluated_by, r.report);
        let review = match (&r.decision, &r.reviewed_on) {
            (Some(decision), Some(on)) => {
                format!("{on} {} {} {}", l.word("decision", decision), r.reviewer, r.opinion)
            }
            _ => l.f("detail.review_due", &[&r.review_due]),
        };
        let text = l.f("detail.resumption_line", &[&applied.replace("  ", " ").trim(), &review.trim()]);
        lines.push(line(l, "detail.resumption", text));
    }
    Section { title: l.t("detail.supervision").to_string(), lines }
}
