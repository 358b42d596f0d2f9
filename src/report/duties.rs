//! The section on the enterprises' duties (企业主体责任): head-led inspections behind
//! (the longest first, the true total beside the list), major hazards whose principal or
//! controller is still to be told, listed supervision with stopped production, and the
//! resumption applications awaiting their on-site review; all as of today.

use super::Block;
use super::sections::table;
use super::words::date;
use crate::i18n::Lang;
use crate::store::agenda::Agenda;
use crate::text::sanitise;

pub(super) fn section(lang: Lang, a: &Agenda) -> Vec<Block> {
    let d = &a.duties;
    let today = lang.f("paper.until_day", &[&date(lang, a.today)]);
    let text = lang.f(
        "duties.summary",
        &[
            &today,
            &d.behind,
            &d.not_notified.value,
            &d.listed.value,
            &d.listed_stopped.value,
            &d.stopped.value,
            &d.reviews_pending.value,
            &d.reviews_late,
        ],
    );
    let mut out = vec![Block::Para(text)];
    if !d.behind_rows.is_empty() {
        let rows = d
            .behind_rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let day = |x: Option<chrono::NaiveDate>| x.map(|x| x.to_string());
                vec![
                    (i + 1).to_string(),
                    sanitise(&r.enterprise),
                    sanitise(&r.sector),
                    day(r.last).unwrap_or_else(|| lang.t("inspection.never").into()),
                    day(r.due).unwrap_or_else(|| lang.t("inspection.due_now").into()),
                    r.days_late.map(|n| n.to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        let caption = lang.f("table.behind", &[&d.behind_rows.len(), &d.behind]);
        let headers =
            ["col.no", "col.enterprise", "col.sector", "col.last_inspection", "col.next_inspection", "col.days_late"];
        out.push(table(lang, "behind", &caption, &headers, rows));
    }
    out
}
