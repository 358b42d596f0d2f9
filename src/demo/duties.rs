//! The demo township's duties beyond the hazards' own steps: head-led inspections over
//! the last half year (most enterprises on time, some behind, some never, one in ten led
//! by someone other than the principal, with why), and on the hazards listed for
//! supervision their listing, the stopped-production orders and the resumption
//! applications (some awaiting review, a few late, some refused before).

use chrono::{Duration, NaiveDate};
use rusqlite::{Transaction, params};

use super::names::{LISTING_UNIT, ORG};
use super::rng::Rng;
use super::sectors::SECTORS;
use super::story::Setting;
use super::township::{Township, person};
use crate::store::StoreError;
use crate::store::inspection::{NewInspection, insert};
use crate::store::write::{Event, append_event};

const STREAM: u64 = 7;

/// What inspections find and cover.
const SCOPES: [&str; 4] = ["生产车间、仓库", "储存场所、配电室", "重点部位和特种设备", "有限空间和动火作业"];
const FINDINGS: [&str; 4] = [
    "未发现新的重大事故隐患",
    "消防通道堆放杂物，已当场整改",
    "安全警示标志缺失，已责令补设",
    "特种作业人员证件过期，已责令停岗",
];

/// Writes the inspections; returns how many.
pub fn inspections(tx: &Transaction, set: &Setting, town: &Township) -> Result<u64, StoreError> {
    let start = set.today - Duration::days(183);
    let mut n = 0;
    for (i, e) in town.enterprises.iter().enumerate() {
        let mut r = Rng::derive(set.seed, STREAM, i as u64);
        let every = if SECTORS[e.sector].high_risk { 30 } else { 91 };
        // one in eight never inspected, one in six behind, the rest on time
        let roll = r.below(48);
        if roll < 6 {
            continue;
        }
        let behind = roll < 14;
        let mut day = set.today - Duration::days(if behind { every + r.range(10, 60) } else { r.range(0, every - 5) });
        while day >= start {
            write(tx, set, &mut r, e, day)?;
            n += 1;
            day -= Duration::days(every + r.range(-5, 5));
        }
    }
    Ok(n)
}

fn write(
    tx: &Transaction,
    set: &Setting,
    r: &mut Rng,
    e: &super::township::Enterprise,
    day: NaiveDate,
) -> Result<(), StoreError> {
    let instead = r.chance(100);
    let led_by = if instead { format!("副总经理 {}", person(r)) } else { e.principal.clone() };
    let n = NewInspection {
        enterprise: String::new(),
        date: Some(day),
        led_by: led_by.clone(),
        instead_reason: if instead { "主要负责人外出参加培训".into() } else { String::new() },
        scope: r.pick(&SCOPES).to_string(),
        findings: r.pick(&FINDINGS).to_string(),
        hazards: Vec::new(),
    };
    let at = format!("{day} 16:{:02}:00", r.below(60));
    let reason = n.instead_reason.clone();
    insert(tx, e.id, day, (&led_by, !instead, &reason), &n, (&at, &set.admin))?;
    Ok(())
}

/// The most closed hazards that get a rectification report attached.
const REPORTS: i64 = 300;

/// A rectification report (整改报告) attached to closed major hazards, the latest first,
/// at most `REPORTS`: a short text naming the hazard, its measures and its close-out.
pub fn reports(tx: &Transaction, set: &Setting) -> Result<u64, StoreError> {
    let mut stmt = tx.prepare(
        "SELECT id, code, title, plan_measures, substr(closed_at, 1, 10) FROM hazards
         WHERE status = 'closed' AND grade = 'major' ORDER BY closed_at DESC LIMIT ?1",
    )?;
    let rows: Vec<(i64, String, String, String, String)> = stmt
        .query_map([REPORTS], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<Result<_, _>>()?;
    for (id, code, title, measures, closed) in &rows {
        let text = format!(
            "{code} 整改报告\n隐患：{title}\n整改措施：{measures}\n{closed} 经三方现场核验，整改到位，同意销号。\n"
        );
        let data = text.into_bytes();
        let at = format!("{closed} 17:00:00");
        tx.execute(
            "INSERT INTO attachments (hazard_id, n, name, size, sha256, kind, note, data, at, actor)
             VALUES (?1, 1, '整改报告.txt', ?2, ?3, 'report', '', ?4, ?5, ?6)",
            params![id, data.len() as i64, crate::store::attachment::sha256(&data), data, at, set.admin],
        )?;
        let e = Event::changed("attached", "attachment", "", "整改报告.txt", "#1 report");
        append_event(tx, *id, &at, &set.admin, &e)?;
    }
    Ok(rows.len() as u64)
}

/// A listed hazard as the demo finishes it.
struct Listed {
    id: i64,
    found: NaiveDate,
    stopped: bool,
    open: bool,
}

/// Dates and documents the listed hazards' rows lack, their events, and resumptions;
/// returns how many hazards are listed.
pub fn supervision(tx: &Transaction, set: &Setting) -> Result<u64, StoreError> {
    let mut stmt = tx.prepare(
        "SELECT id, discovered_on, stopped_production, status <> 'closed' FROM hazards WHERE listed_unit <> '' ORDER BY id",
    )?;
    let listed: Vec<Listed> = stmt
        .query_map([], |r| {
            let found: String = r.get(1)?;
            Ok(Listed {
                id: r.get(0)?,
                found: crate::domain::parse_date(&found).unwrap_or_default(),
                stopped: r.get(2)?,
                open: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    for (n, h) in listed.iter().enumerate() {
        let mut r = Rng::derive(set.seed, STREAM + 1, h.id as u64);
        // listed a few days after its summons (约谈), or after it was found
        let summons: Option<String> =
            tx.query_row("SELECT MIN(date) FROM escalations WHERE hazard_id = ?1 AND level >= 3", [h.id], |r| {
                r.get(0)
            })?;
        let after = summons.as_deref().and_then(crate::domain::parse_date).unwrap_or(h.found);
        let on = (after + Duration::days(r.range(1, 10))).min(set.today);
        let doc = format!("官安督〔{}〕{}号", chrono::Datelike::year(&on), n + 1);
        tx.execute(
            "UPDATE hazards SET listed_on = ?2, listing_responsible = ?3, listing_doc = ?4 WHERE id = ?1",
            params![h.id, on.to_string(), format!("{ORG}人民政府"), doc],
        )?;
        let at = format!("{on} 10:00:00");
        let note = format!("{ORG}人民政府 {doc} {on}");
        append_event(tx, h.id, &at, &set.admin, &Event::changed("listed", "listed_unit", "", LISTING_UNIT, &note))?;
        if h.stopped && h.open {
            stop(tx, set, &mut r, h.id, on)?;
        }
    }
    Ok(listed.len() as u64)
}

/// The stop order of a listed open hazard, and (for two in three) its resumption: an
/// application awaiting review, after a refused one for some.
fn stop(tx: &Transaction, set: &Setting, r: &mut Rng, id: i64, listed: NaiveDate) -> Result<(), StoreError> {
    let partial = r.chance(400);
    tx.execute(
        "UPDATE hazards SET stopped_on = ?2, stop_partial = ?3 WHERE id = ?1",
        params![id, listed.to_string(), partial],
    )?;
    let scope = if partial { "partial" } else { "whole" };
    let at = format!("{listed} 11:00:00");
    append_event(
        tx,
        id,
        &at,
        &set.admin,
        &Event::changed("stopped", "stopped_production", "", scope, &listed.to_string()),
    )?;
    if r.chance(333) {
        return Ok(());
    }
    let room = (set.today - listed).num_days();
    if room > 40 && r.chance(400) {
        let applied = listed + Duration::days(r.range(10, room - 25));
        let reviewed = applied + Duration::days(r.range(3, 10));
        apply(tx, set, id, applied, Some(reviewed))?;
    }
    let applied = set.today - Duration::days(r.range(0, 14).min(room.max(0)));
    apply(tx, set, id, applied.max(listed), None)
}

/// One resumption application, refused on `refused` if given.
fn apply(
    tx: &Transaction,
    set: &Setting,
    id: i64,
    on: NaiveDate,
    refused: Option<NaiveDate>,
) -> Result<(), StoreError> {
    let at = format!("{on} 09:30:00");
    tx.execute(
        "INSERT INTO resumptions (hazard_id, applied_on, evaluator_kind, evaluator, report, at, actor)
         VALUES (?1, ?2, 'agency', '山东安评科技有限公司', '复产安全评估报告', ?3, ?4)",
        params![id, on.to_string(), at, set.admin],
    )?;
    let resumption = tx.last_insert_rowid();
    let e = Event::changed("resumption_applied", "resumption", "", "agency", &format!("{on} 山东安评科技有限公司"));
    append_event(tx, id, &at, &set.admin, &e)?;
    let Some(day) = refused else { return Ok(()) };
    let at = format!("{day} 15:00:00");
    tx.execute(
        "UPDATE resumptions SET reviewed_on = ?2, decision = 'refused', reviewer = '应急管理办', opinion = '整改未完成，不同意复产',
         review_at = ?3, review_actor = ?4 WHERE id = ?1",
        params![resumption, day.to_string(), at, set.admin],
    )?;
    let e = Event::changed("resumption_reviewed", "resumption", "", "refused", &format!("{day} 应急管理办 整改未完成"));
    append_event(tx, id, &at, &set.admin, &e)?;
    Ok(())
}
