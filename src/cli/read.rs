//! The read commands: overview, list, show, whoami, check, backup, staff list, sql.

use std::path::Path;

use super::args::{Format, ListArgs, SqlScreen, TextFormat};
use super::output::{csv, json, table};
use super::{Env, Failure};
use crate::domain::{Grade, Source, Status};
use crate::i18n::Lang;
use crate::store::list::{Filter, HazardRow, Page, Sort, SortKey};

/// `anwei overview`.
pub fn overview(env: &Env, format: TextFormat) -> Result<(), Failure> {
    let store = env.open()?;
    let o = store.overview().map_err(|e| env.fail(&e))?;
    if format == TextFormat::Json {
        return json(&o);
    }
    let l = env.lang;
    println!("{}  {}  {}", crate::text::sanitise(&store.org_name().unwrap_or_default()), o.today, o.quarter);
    let rows: Vec<Vec<String>> =
        crate::present::Tile::ALL.iter().map(|t| vec![l.t(t.key()).to_string(), t.value(&o).to_string()]).collect();
    table(&[l.t("col.figure"), l.t("col.count")], &rows);
    println!();
    let bars = |title: &str, pairs: &[(String, i64)]| {
        let rows: Vec<Vec<String>> = pairs.iter().map(|(k, n)| vec![k.clone(), n.to_string()]).collect();
        table(&[title, l.t("col.open")], &rows);
        println!();
    };
    bars(l.t("col.village"), &o.by_village);
    bars(l.t("col.sector"), &o.by_sector);
    super::agenda::overview_lines(env, &store)
}

/// The filter of `anwei list`.
fn filter(env: &Env, a: &ListArgs) -> Result<Filter, Failure> {
    let bad = |opt: &str, v: &str| Failure::input(env.lang.f("cli.bad_value", &[&opt, &v]));
    Ok(Filter {
        status: a.status.as_deref().map(|s| Status::parse(s).ok_or_else(|| bad("--status", s))).transpose()?,
        source: a.source.as_deref().map(|s| Source::parse(s).ok_or_else(|| bad("--source", s))).transpose()?,
        grade: a.grade.as_deref().map(|s| Grade::parse(s).ok_or_else(|| bad("--grade", s))).transpose()?,
        overdue: a.overdue,
        due_within: a.due_within,
        village: a.village.clone(),
        sector: a.sector.clone(),
        assignee: a.assignee.clone(),
        stock: a.stock,
        escalation_queue: a.escalation_queue,
        awaiting_verification: a.awaiting_verification,
        not_notified: a.not_notified,
        listed: a.listed,
        stopped: a.stopped,
        search: a.search.clone(),
        ..Filter::default()
    })
}

/// `anwei list`.
pub fn list(env: &Env, a: &ListArgs) -> Result<(), Failure> {
    let f = filter(env, a)?;
    let key =
        SortKey::parse(&a.sort).ok_or_else(|| Failure::input(env.lang.f("cli.bad_value", &[&"--sort", &a.sort])))?;
    let store = env.open()?;
    let rows = store
        .list(&f, Sort { key, descending: a.desc }, &Page { after: None, limit: a.limit })
        .map_err(|e| env.fail(&e))?;
    if rows.len() == a.limit {
        let all = store.count(&f).map_err(|e| env.fail(&e))?;
        if all > a.limit as i64 {
            // on stderr, so that the CSV or JSON on stdout stays whole
            eprintln!("{}", env.lang.f("cli.limited", &[&a.limit, &all]));
        }
    }
    let today = store.today();
    let cells = |l: Lang, ids: bool| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                let mut c = row_cells(l, r, ids);
                if a.not_notified {
                    c.extend(notice_cells(l, r, ids, today));
                }
                c
            })
            .collect()
    };
    let columns: Vec<&str> =
        LIST_COLUMNS.iter().chain(NOTICE_COLUMNS.iter().filter(|_| a.not_notified)).copied().collect();
    match a.format {
        Format::Json => json(&rows),
        Format::Csv => csv(&columns, &cells(Lang::En, true)),
        Format::Table => {
            let headers: Vec<&str> = columns.iter().map(|c| env.lang.t(&format!("col.{c}"))).collect();
            table(&headers, &cells(env.lang, false));
            Ok(())
        }
    }
}

const LIST_COLUMNS: [&str; 12] = [
    "code",
    "title",
    "enterprise",
    "village",
    "sector",
    "grade",
    "status",
    "deadline",
    "days_overdue",
    "escalation_level",
    "recommended_level",
    "assignee",
];

/// The columns `list --not-notified` adds: the day found, the days since, who is still
/// to be told.
const NOTICE_COLUMNS: [&str; 3] = ["discovered_on", "days_since_found", "to_notify"];

fn notice_cells(l: Lang, r: &HazardRow, ids: bool, today: chrono::NaiveDate) -> Vec<String> {
    let untold = if ids {
        crate::present::duties::untold(r.notified).iter().map(|w| w.as_str()).collect::<Vec<_>>().join(";")
    } else {
        crate::present::duties::untold_words(l, r.notified)
    };
    let days = (today - r.discovered_on).num_days();
    vec![r.discovered_on.to_string(), days.to_string(), untold]
}

/// A list row as text cells; CSV keeps identifiers, the table shows words.
fn row_cells(l: Lang, r: &HazardRow, ids: bool) -> Vec<String> {
    let w = |group: &str, id: &str| if ids { id.to_string() } else { l.word(group, id).to_string() };
    vec![
        r.code.clone(),
        r.title.clone(),
        r.enterprise.clone(),
        r.village.clone(),
        r.sector.clone(),
        w("grade", r.grade.as_str()),
        w("status", r.status.as_str()),
        r.deadline.to_string(),
        r.days_overdue.to_string(),
        w("level", &r.escalation_level.to_string()),
        w("level", &r.recommended_level.to_string()),
        r.assignee_name.clone().or(r.assignee.clone()).unwrap_or_default(),
    ]
}

/// `anwei show`.
pub fn show(env: &Env, code: &str, format: TextFormat) -> Result<(), Failure> {
    let store = env.open()?;
    let d = store.detail(code).map_err(|e| env.fail(&e))?;
    if format == TextFormat::Json {
        return json(&d);
    }
    super::output::sections(&crate::present::detail_sections(env.lang, &d));
    Ok(())
}

/// The hazard as it is now, for a conflict message: its first section, indented.
pub fn fresh_state(env: &Env, store: &crate::store::Store, code: &str) -> String {
    let Ok(d) = store.detail(code) else { return String::new() };
    let sections = crate::present::detail_sections(env.lang, &d);
    let lines = sections.first().map(|s| s.lines.as_slice()).unwrap_or_default();
    let text: Vec<String> =
        lines.iter().map(|(label, value)| crate::text::sanitise(&format!("  {label}: {value}"))).collect();
    text.join("\n")
}

/// `anwei whoami`.
pub fn whoami(env: &Env) -> Result<(), Failure> {
    let store = env.open()?;
    let role = store.role().map_err(|e| env.fail(&e))?;
    println!("{} {}", env.actor.login, env.lang.word("role", role.as_str()));
    Ok(())
}

/// `anwei check`: exit status 1 when anything is wrong.
pub fn check(env: &Env) -> Result<(), Failure> {
    let store = env.open()?;
    let findings = store.check().map_err(|e| env.fail(&e))?;
    if findings.is_empty() {
        println!("{}", env.lang.t("cli.check_ok"));
        return Ok(());
    }
    for f in &findings {
        println!("{}: {}", env.lang.word("check", &f.what), f.detail);
    }
    Err(Failure { code: 1, message: env.lang.f("cli.check_failed", &[&findings.len()]) })
}

/// `anwei backup FILE`.
pub fn backup(env: &Env, file: &Path) -> Result<(), Failure> {
    let store = env.open()?;
    let guard = env.guard(false);
    let tmp = guard.fresh(file).map_err(|e| env.file_failure(&e))?;
    store.backup(&tmp).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        env.fail(&e)
    })?;
    guard.finish(&tmp, file).map_err(|e| env.file_failure(&e))?;
    println!("{}", env.lang.f("cli.backup_done", &[&file.display()]));
    Ok(())
}

/// `anwei staff list`.
pub fn staff_list(env: &Env, format: Format) -> Result<(), Failure> {
    let store = env.open()?;
    let staff = store.staff_list().map_err(|e| env.fail(&e))?;
    if format == Format::Json {
        return json(&staff);
    }
    let rows: Vec<Vec<String>> = staff
        .iter()
        .map(|s| {
            vec![s.login.clone(), s.name.clone(), s.unit.clone(), env.lang.word("role", s.role.as_str()).to_string()]
        })
        .collect();
    let l = env.lang;
    let headers = [l.t("col.login"), l.t("col.name"), l.t("col.unit"), l.t("col.role")];
    if format == Format::Csv {
        csv(&headers, &rows)
    } else {
        table(&headers, &rows);
        Ok(())
    }
}

/// The rows of a list page at 200x60, and one more to know whether more follow.
const SQL_PAGE_ROWS: usize = 56;

/// `anwei sql SCREEN`: the statements a screen runs, one per line group, each ended by `;`.
pub fn sql(env: &Env, screen: SqlScreen) -> Result<(), Failure> {
    use crate::app::list::ListKind;
    use crate::store::screens;
    let (today, t) = (env.clock.today(), crate::domain::escalation::Thresholds::default());
    let list = |k: ListKind| screens::list(&k.base(), k.default_sort(), SQL_PAGE_ROWS, today, &t);
    let all = match screen {
        SqlScreen::Overview => screens::overview(today, &t, &crate::domain::settings::Cadence::default()),
        SqlScreen::Trend => screens::trend(today),
        SqlScreen::Ledger => list(ListKind::Ledger),
        SqlScreen::Overdue => list(ListKind::Overdue),
        SqlScreen::Escalation => list(ListKind::Escalation),
        SqlScreen::Verification => list(ListKind::Verification),
    };
    for s in all {
        println!("{};", s.inline());
    }
    Ok(())
}
