//! An enterprise in words, for `anwei enterprise` and the enterprises screen: its list
//! row as cells, and its detail as sections (contacts, hazards, events).

use super::{Section, line};
use crate::i18n::{Lang, field_word};
use crate::store::enterprise::{EnterpriseDetail, EnterpriseEvent, EnterpriseRow};

/// The list's columns (`col.NAME`), in order.
pub const COLUMNS: [&str; 13] = [
    "credit_code",
    "enterprise_name",
    "village",
    "sector",
    "high_risk",
    "principal",
    "principal_phone",
    "controller",
    "controller_phone",
    "open_major",
    "overdue",
    "last_inspection",
    "next_inspection",
];

/// The headers of `COLUMNS` in `l`.
pub fn headers(l: Lang) -> Vec<&'static str> {
    COLUMNS.iter().map(|c| l.t(&format!("col.{c}"))).collect()
}

/// A row as cells; `ids` keeps `1`/`0` for the high-risk flag (CSV), else yes/no.
pub fn cells(l: Lang, r: &EnterpriseRow, ids: bool) -> Vec<String> {
    let flag = if ids { i64::from(r.high_risk).to_string() } else { yes_no(l, r.high_risk).to_string() };
    vec![
        r.credit_code.clone(),
        r.name.clone(),
        r.village.clone(),
        r.sector.clone(),
        flag,
        r.principal.clone(),
        r.principal_phone.clone(),
        r.controller.clone(),
        r.controller_phone.clone(),
        r.open_major.to_string(),
        r.overdue.to_string(),
        r.last_inspection.clone().unwrap_or_default(),
        r.next_inspection.clone().unwrap_or_else(|| if ids { String::new() } else { l.t("inspection.due_now").into() }),
    ]
}

fn yes_no(l: Lang, b: bool) -> &'static str {
    l.t(if b { "yes" } else { "no" })
}

/// The detail's sections in reading order.
pub fn sections(l: Lang, d: &EnterpriseDetail) -> Vec<Section> {
    vec![contacts(l, &d.row), hazards(l, d), inspections(l, d), not_notified(l, d), listed(l, d), events(l, d)]
}

fn contacts(l: Lang, r: &EnterpriseRow) -> Section {
    let person = |name: &str, phone: &str| format!("{name} {phone}").trim().to_string();
    let lines = vec![
        line(l, "col.enterprise_name", r.name.clone()),
        line(l, "col.credit_code", r.credit_code.clone()),
        line(l, "col.village", r.village.clone()),
        line(l, "col.sector", format!("{}{}", r.sector, if r.high_risk { l.t("enterprise.high_risk") } else { "" })),
        line(l, "col.principal", person(&r.principal, &r.principal_phone)),
        line(l, "col.controller", person(&r.controller, &r.controller_phone)),
        line(l, "col.address", r.address.clone()),
        line(l, "enterprise.counts", l.f("enterprise.counts_value", &[&r.open_major, &r.overdue])),
        line(l, "col.last_inspection", r.last_inspection.clone().unwrap_or_else(|| l.t("inspection.never").into())),
        line(l, "col.next_inspection", r.next_inspection.clone().unwrap_or_else(|| l.t("inspection.due_now").into())),
    ];
    Section { title: l.t("enterprise.contacts").to_string(), lines }
}

fn hazards(l: Lang, d: &EnterpriseDetail) -> Section {
    let lines = d
        .hazards
        .iter()
        .map(|h| {
            let late = if h.days_overdue > 0 { l.f("detail.days_late", &[&h.days_overdue]) } else { String::new() };
            let text = format!("{} {} {} {late}", l.word("status", h.status.as_str()), h.deadline, h.title);
            (h.code.clone(), text.trim_end().to_string())
        })
        .collect();
    Section { title: l.f("enterprise.hazards", &[&d.hazard_total]), lines }
}

fn inspections(l: Lang, d: &EnterpriseDetail) -> Section {
    let lines = d
        .inspections
        .iter()
        .map(|i| {
            let led = if i.by_principal {
                i.led_by.clone()
            } else {
                l.f("enterprise.instead", &[&i.led_by, &i.instead_reason])
            };
            let text = format!("{led} {} {} {}", i.scope, i.findings, i.hazards.join(" "));
            (i.date.clone(), text.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    Section { title: l.t("enterprise.inspections").to_string(), lines }
}

fn not_notified(l: Lang, d: &EnterpriseDetail) -> Section {
    let lines = d
        .not_notified
        .iter()
        .map(|h| {
            let untold = super::duties::untold_words(l, h.notified);
            (h.code.clone(), format!("{} {untold} {}", h.discovered_on, h.title))
        })
        .collect();
    Section { title: l.t("enterprise.not_notified").to_string(), lines }
}

fn listed(l: Lang, d: &EnterpriseDetail) -> Section {
    let lines = d
        .listed
        .iter()
        .map(|(h, sup)| {
            let listing =
                sup.listing.as_ref().map(|x| format!("{} {} {}", x.unit, x.date, x.doc_no)).unwrap_or_default();
            let stopped = if sup.stop.is_some() { l.t("col.stopped") } else { "" };
            (
                h.code.clone(),
                format!("{listing} {stopped} {}", h.title).split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    Section { title: l.t("enterprise.listed").to_string(), lines }
}

fn events(l: Lang, d: &EnterpriseDetail) -> Section {
    let lines = d.events.iter().map(|e| (String::new(), event(l, d, e))).collect();
    Section { title: l.t("detail.timeline").to_string(), lines }
}

/// One event in words: when, who (by name), what changed from what to what, and why.
fn event(l: Lang, d: &EnterpriseDetail, e: &EnterpriseEvent) -> String {
    let value = |v: &str| match e.field.as_deref() {
        Some("high_risk") => yes_no(l, v == "1").to_string(),
        _ => v.to_string(),
    };
    let change = match (e.field.as_deref(), &e.from, &e.to) {
        (Some(f), Some(from), Some(to)) => l.f("timeline.change", &[&field_word(l, f), &value(from), &value(to)]),
        (Some(f), None, Some(to)) => l.f("timeline.set", &[&field_word(l, f), &value(to)]),
        _ => String::new(),
    };
    let actor = d.names.get(&e.actor).unwrap_or(&e.actor);
    let text = format!("{} {actor} {} {change} {}", e.at, l.word("event", &e.kind), e.note);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
