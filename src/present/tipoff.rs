//! A tip-off in words, for `anwei tipoff` and the tip-offs screen: its list row as cells
//! (never its reporter), and its detail as sections (the report, its verification, the
//! reward and the reply, the log); the reporter only when the store gave it (an admin).

use super::{Section, line};
use crate::i18n::Lang;
use crate::store::tipoff::{TipoffDetail, TipoffRow};

/// The list's columns (`tipoff.col.NAME`), in order.
pub const COLUMNS: [&str; 9] =
    ["code", "received_on", "channel", "enterprise", "content", "state", "days_left", "hazard", "reward"];

/// The headers of `COLUMNS` in `l`.
pub fn headers(l: Lang) -> Vec<&'static str> {
    COLUMNS.iter().map(|c| l.t(&format!("tipoff.col.{c}"))).collect()
}

/// A row as cells; `ids` keeps identifiers (CSV), else words.
pub fn cells(l: Lang, r: &TipoffRow, ids: bool) -> Vec<String> {
    let word = |group: &str, id: &str| if ids { id.to_string() } else { l.word(group, id).to_string() };
    vec![
        r.code.clone(),
        r.received_on.clone(),
        word("channel", r.channel.as_str()),
        r.enterprise.clone(),
        r.content.clone(),
        word("tipoff_state", r.state.as_str()),
        r.days_left.map(|d| d.to_string()).unwrap_or_default(),
        r.hazard.clone().unwrap_or_default(),
        r.reward_yuan.map(|y| y.to_string()).unwrap_or_default(),
    ]
}

/// The detail's sections in reading order.
pub fn sections(l: Lang, d: &TipoffDetail) -> Vec<Section> {
    vec![report(l, d), verification(l, &d.row), reward(l, &d.row), events(l, d)]
}

fn report(l: Lang, d: &TipoffDetail) -> Section {
    let r = &d.row;
    let reporter = match (&d.reporter, r.anonymous) {
        (_, true) => l.t("tipoff.anonymous").to_string(),
        (Some(p), false) => format!("{} {}", p.name, p.contact).trim().to_string(),
        (None, false) => l.t("tipoff.named_hidden").to_string(),
    };
    let enterprise = match &r.credit_code {
        Some(code) => format!("{} {code}", r.enterprise),
        None => l.f("tipoff.not_in_ledger", &[&r.enterprise]),
    };
    Section {
        title: format!("{} {}", r.code, l.word("tipoff_state", r.state.as_str())),
        lines: vec![
            line(l, "tipoff.col.received_on", r.received_on.clone()),
            line(l, "tipoff.col.channel", l.word("channel", r.channel.as_str())),
            line(l, "tipoff.reporter", reporter),
            line(l, "tipoff.col.enterprise", enterprise),
            line(l, "tipoff.col.content", r.content.clone()),
        ],
    }
}

fn verification(l: Lang, r: &TipoffRow) -> Section {
    let mut lines = vec![
        line(l, "tipoff.assignee", r.assignee.clone().unwrap_or_else(|| l.t("tipoff.unassigned").into())),
        line(l, "tipoff.due_on", r.due_on.clone()),
    ];
    if let Some(days) = r.days_left {
        lines.push(line(l, "tipoff.col.days_left", days.to_string()));
    }
    if let Some(on) = &r.outcome_on {
        lines.push(line(l, "tipoff.outcome_on", on.clone()));
    }
    if let Some(code) = &r.hazard {
        lines.push(line(l, "tipoff.col.hazard", code.clone()));
    }
    if !r.outcome.is_empty() {
        lines.push(line(l, "tipoff.reason", r.outcome.clone()));
    }
    Section { title: l.t("tipoff.section.verification").into(), lines }
}

fn reward(l: Lang, r: &TipoffRow) -> Section {
    let mut lines = Vec::new();
    if let Some(yuan) = r.reward_yuan {
        let paid = r.reward_paid_on.clone().unwrap_or_default();
        lines.push(line(l, "tipoff.col.reward", l.f("tipoff.reward_line", &[&yuan, &r.reward_approved_by, &paid])));
    }
    if let Some(on) = &r.told_on {
        lines.push(line(l, "tipoff.told", format!("{on} {}", r.told_channel)));
    }
    if lines.is_empty() {
        lines.push((String::new(), l.t("tipoff.no_reward").into()));
    }
    Section { title: l.t("tipoff.section.reward").into(), lines }
}

fn events(l: Lang, d: &TipoffDetail) -> Section {
    let lines = d
        .events
        .iter()
        .map(|e| {
            let kind = l.word("tipoff.event", &e.kind);
            let to = match (e.kind.as_str(), e.to_value.as_deref()) {
                ("received", Some(channel)) => l.word("channel", channel),
                (_, to) => to.unwrap_or(""),
            };
            let text =
                [kind, to, e.note.as_str()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" ");
            (format!("{} {}", e.at, e.actor), text)
        })
        .collect();
    Section { title: l.t("tipoff.section.events").into(), lines }
}
