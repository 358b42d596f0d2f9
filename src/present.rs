//! Presentation models shared by the command line and the full screen: one hazard's
//! detail as titled sections of labelled lines, in the chosen language.

use crate::domain::escalation::Reason;
use crate::domain::status::{SignOff, roles_pending};
use crate::domain::{Verdict, VerifierRole};
use crate::i18n::{Lang, field_word};
use crate::store::detail::HazardDetail;

pub mod duties;
pub mod enterprise;
pub mod tiles;
pub mod tipoff;

pub use tiles::{TILES, Tile};

/// A titled block of (label, value) lines; an empty label is a free line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub lines: Vec<(String, String)>,
}

/// One line of sections laid out for a screen: a section's title, or a label and its
/// value (labels padded to the widest of their section).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionLine {
    pub text: String,
    pub title: bool,
    /// The label (a hazard's code in an enterprise's hazards).
    pub label: String,
}

/// `sections` as lines: each title in brackets, its lines indented, a blank line after.
pub fn section_lines(sections: Vec<Section>) -> Vec<SectionLine> {
    let mut lines = Vec::new();
    for sec in sections {
        lines.push(SectionLine { text: format!("[{}]", sec.title), title: true, label: String::new() });
        let label_w = sec.lines.iter().map(|(l, _)| crate::text::width(l)).max().unwrap_or(0);
        for (label, value) in sec.lines {
            let text = if label.is_empty() {
                format!("  {value}")
            } else {
                format!("  {}  {value}", crate::text::pad(&label, label_w))
            };
            lines.push(SectionLine { text, title: false, label });
        }
        lines.push(SectionLine { text: String::new(), title: false, label: String::new() });
    }
    lines
}

fn line(l: Lang, key: &str, value: impl Into<String>) -> (String, String) {
    (l.t(key).to_string(), value.into())
}

/// The reason for a recommended level, in words.
pub fn reason_text(l: Lang, reason: Option<Reason>) -> String {
    match reason {
        Some(Reason::Overdue { days }) => l.f("reason.overdue", &[&days]),
        Some(Reason::Stalled { days }) => l.f("reason.stalled", &[&days]),
        Some(Reason::AwaitingSignOff { days }) => l.f("reason.awaiting_sign_off", &[&days]),
        None => String::new(),
    }
}

/// The sections of a hazard's detail, in reading order.
pub fn detail_sections(l: Lang, d: &HazardDetail) -> Vec<Section> {
    vec![
        hazard(l, d),
        enterprise(l, d),
        plan(l, d),
        sign_offs(l, d),
        escalations(l, d),
        duties::supervision(l, d),
        duties::notifications(l, d),
        duties::attachments(l, d),
        timeline(l, d),
    ]
}

fn hazard(l: Lang, d: &HazardDetail) -> Section {
    let r = &d.row;
    let late = if r.days_overdue > 0 { l.f("detail.days_late", &[&r.days_overdue]) } else { String::new() };
    Section {
        title: format!("{} {}", r.code, r.title),
        lines: vec![
            line(
                l,
                "col.status",
                format!("{} / {}", l.word("status", r.status.as_str()), l.word("grade", r.grade.as_str())),
            ),
            line(l, "col.source", l.word("source", r.source.as_str())),
            line(l, "col.sector", r.sector.clone()),
            line(l, "col.standard", d.standard_ref.clone()),
            line(
                l,
                "col.discovered_on",
                format!("{}{}", r.discovered_on, if r.stock { l.t("detail.stock") } else { "" }),
            ),
            line(l, "col.deadline", format!("{} {late}", r.deadline).trim_end().to_string()),
            line(l, "col.escalation_level", recommendation(l, r)),
            line(l, "col.assignee", r.assignee_name.clone().or(r.assignee.clone()).unwrap_or_default()),
            line(l, "col.owner", d.owner_unit.clone()),
            line(l, "col.round", r.round.to_string()),
            line(l, "col.description", d.description.clone()),
        ],
    }
}

fn recommendation(l: Lang, r: &crate::store::list::HazardRow) -> String {
    let level = |n: u8| l.word("level", &n.to_string()).to_string();
    let reason = reason_text(l, r.recommended_reason);
    let rec = format!("{} {}", l.t("detail.recommended"), level(r.recommended_level));
    let rec = if reason.is_empty() { rec } else { format!("{rec}{}{reason}", l.t("list.sep")) };
    format!("{} ({rec})", level(r.escalation_level))
}

fn enterprise(l: Lang, d: &HazardDetail) -> Section {
    let e = &d.enterprise_info;
    let risk = if e.high_risk { l.t("detail.high_risk") } else { "" };
    Section {
        title: l.t("detail.enterprise").to_string(),
        lines: vec![
            line(l, "col.enterprise", format!("{} {risk}", e.name).trim_end().to_string()),
            line(l, "col.credit_code", e.credit_code.clone()),
            line(l, "col.village", e.village.clone()),
            line(l, "col.department", e.department.clone()),
            line(l, "col.principal", format!("{} {}", e.principal, e.principal_phone)),
            line(l, "col.controller", format!("{} {}", e.controller, e.controller_phone)),
            line(l, "col.address", e.address.clone()),
        ],
    }
}

fn plan(l: Lang, d: &HazardDetail) -> Section {
    let mut lines: Vec<(String, String)> =
        d.plan.parts().iter().map(|(k, v)| (l.word("plan", k).to_string(), v.to_string())).collect();
    let missing: Vec<&str> = d.plan.missing().iter().map(|p| l.word("plan", p)).collect();
    if !missing.is_empty() {
        lines.push(line(l, "detail.plan_missing", missing.join(l.t("list.sep"))));
    }
    Section { title: l.t("detail.plan").to_string(), lines }
}

fn sign_offs(l: Lang, d: &HazardDetail) -> Section {
    let mut lines: Vec<(String, String)> = d
        .verifications
        .iter()
        .map(|v| {
            let label = l.f("detail.round", &[&v.round]);
            let role = l.word("verifier", &v.role);
            let verdict = l.word("verdict", &v.verdict);
            (
                label,
                format!("{role} {} {} {} {verdict} {}", v.name, v.organisation, v.date, v.opinion)
                    .trim_end()
                    .to_string(),
            )
        })
        .collect();
    let current: Vec<SignOff> = d
        .verifications
        .iter()
        .filter(|v| v.round == d.row.round)
        .filter_map(|v| Some(SignOff { role: VerifierRole::parse(&v.role)?, verdict: Verdict::parse(&v.verdict)? }))
        .collect();
    if d.row.status == crate::domain::Status::Verifying {
        let pending: Vec<&str> = roles_pending(&current).iter().map(|r| l.word("verifier", r.as_str())).collect();
        lines.push(line(l, "detail.pending", pending.join(l.t("list.sep"))));
    }
    Section { title: l.t("detail.sign_offs").to_string(), lines }
}

fn escalations(l: Lang, d: &HazardDetail) -> Section {
    let lines = d
        .escalations
        .iter()
        .map(|e| {
            (
                l.word("level", &e.level.to_string()).to_string(),
                format!("{} {} {} {}", e.doc_no, e.date, d.names.get(&e.actor).unwrap_or(&e.actor), e.note)
                    .trim_end()
                    .to_string(),
            )
        })
        .collect();
    Section { title: l.t("detail.escalations").to_string(), lines }
}

fn timeline(l: Lang, d: &HazardDetail) -> Section {
    let lines = d
        .timeline
        .iter()
        .map(|e| {
            let words = |v: &str| value_words(l, &d.names, e.field.as_deref().unwrap_or(""), v);
            let field = e.field.as_deref().map(|f| field_word(l, f)).unwrap_or_default();
            let change = match (&e.from, &e.to) {
                (Some(from), Some(to)) if !from.is_empty() => {
                    l.f("timeline.change", &[&field, &words(from), &words(to)])
                }
                (_, Some(to)) if !field.is_empty() => l.f("timeline.set", &[&field, &words(to)]),
                _ => String::new(),
            };
            let actor = d.names.get(&e.actor).unwrap_or(&e.actor);
            let line = format!("{} {actor} {} {change} {}", e.at, l.word("event", &e.kind), e.note);
            (String::new(), line.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect();
    Section { title: l.t("detail.timeline").to_string(), lines }
}

/// A timeline value in words: a status, a level, a person's name, a sign-off.
fn value_words(l: Lang, names: &std::collections::BTreeMap<String, String>, field: &str, v: &str) -> String {
    let word = |group: &str, v: &str| match l.word(group, v) {
        "?" => v.to_string(),
        w => w.to_string(),
    };
    match field {
        "status" => word("status", v),
        "escalation_level" => word("level", v),
        "recipient" => word("recipient", v),
        "stopped_production" => word("stop_scope", v),
        "resumption" => Some(word("decision", v)).filter(|w| w != v).unwrap_or_else(|| word("evaluator", v)),
        "assignee" => names.get(v).cloned().unwrap_or_else(|| v.to_string()),
        // "role verdict name"
        "verdict" => {
            let mut parts = v.splitn(3, ' ');
            let (role, verdict, name) = (parts.next(), parts.next(), parts.next().unwrap_or(""));
            let role = role.map(|r| word("verifier", r)).unwrap_or_default();
            let verdict = verdict.map(|x| word("verdict", x)).unwrap_or_default();
            format!("{role} {verdict} {name}").trim().to_string()
        }
        _ => v.to_string(),
    }
}

/// A setting's row in words: its name, value, what it decides, and its last change
/// (who and when; "default" when never set). `anwei settings show` and the settings screen.
pub fn setting_cells(l: Lang, r: &crate::store::settings::SettingRow) -> [String; 4] {
    let changed = match (&r.changed_by, &r.changed_at) {
        (Some(by), Some(at)) => format!("{by} {at}"),
        _ if r.set => String::new(),
        _ => l.t("settings.default").to_string(),
    };
    [r.key.to_string(), r.value.clone(), l.t(&format!("setting.{}", r.key)).to_string(), changed]
}

/// The headers of [`setting_cells`].
pub fn setting_headers(l: Lang) -> [&'static str; 4] {
    [l.t("settings.col.key"), l.t("settings.col.value"), l.t("settings.col.what"), l.t("settings.col.changed")]
}
