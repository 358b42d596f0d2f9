//! `anwei inspection add|list`: head-led inspections, and the enterprises behind on them.

use clap::Subcommand;

use super::args::Format;
use super::output::{csv, json, table};
use super::{Env, Failure};
use crate::store::inspection::NewInspection;

#[derive(Debug, Subcommand)]
pub enum InspectionCommand {
    /// Record a head-led inspection (an admin or officer).
    Add {
        /// The enterprise's credit code or exact name.
        enterprise: String,
        /// The day of the inspection (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<String>,
        /// Who led it (the principal, or say --instead why not).
        #[arg(long)]
        led_by: String,
        /// Why someone other than the principal led it.
        #[arg(long, default_value = "")]
        instead: String,
        /// What was inspected.
        #[arg(long, default_value = "")]
        scope: String,
        /// What was found.
        #[arg(long, default_value = "")]
        findings: String,
        /// A hazard of the enterprise that the inspection found (repeatable).
        #[arg(long = "hazard", value_name = "CODE")]
        hazards: Vec<String>,
    },
    /// List inspections, newest first, or with --overdue the enterprises behind on them.
    List {
        /// Only this enterprise's (credit code).
        #[arg(long)]
        enterprise: Option<String>,
        /// The enterprises whose inspection is overdue (or that never had one).
        #[arg(long)]
        overdue: bool,
        /// At most this many rows.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

pub fn run(env: &Env, cmd: &InspectionCommand) -> Result<(), Failure> {
    match cmd {
        InspectionCommand::Add { enterprise, date, led_by, instead, scope, findings, hazards } => {
            let date = match date {
                Some(d) => Some(crate::domain::parse_date(d).ok_or_else(|| {
                    Failure::input(env.lang.f("cli.bad_date", &[&"--date", &crate::text::sanitise(d)]))
                })?),
                None => None,
            };
            let n = NewInspection {
                enterprise: enterprise.clone(),
                date,
                led_by: led_by.clone(),
                instead_reason: instead.clone(),
                scope: scope.clone(),
                findings: findings.clone(),
                hazards: hazards.clone(),
            };
            let mut store = env.open()?;
            let id = store.inspection_add(&n).map_err(|e| env.fail(&e))?;
            println!("{}", env.lang.f("inspection.added", &[&id]));
            Ok(())
        }
        InspectionCommand::List { overdue: true, limit, format, .. } => arrears(env, *limit, *format),
        InspectionCommand::List { enterprise, limit, format, .. } => list(env, enterprise.as_deref(), *limit, *format),
    }
}

fn list(env: &Env, enterprise: Option<&str>, limit: usize, format: Format) -> Result<(), Failure> {
    let rows = env.open()?.inspections(enterprise, limit).map_err(|e| env.fail(&e))?;
    let cells = |r: &crate::store::inspection::InspectionRow| {
        let led = if r.by_principal { r.led_by.clone() } else { format!("{}（{}）", r.led_by, r.instead_reason) };
        vec![
            r.date.clone(),
            r.credit_code.clone(),
            r.enterprise.clone(),
            led,
            r.scope.clone(),
            r.findings.clone(),
            r.hazards.join(" "),
        ]
    };
    let body: Vec<Vec<String>> = rows.iter().map(cells).collect();
    let columns = ["date", "credit_code", "enterprise", "led_by", "scope", "findings", "hazards"];
    print(env, format, &rows, &columns, &body)
}

fn arrears(env: &Env, limit: usize, format: Format) -> Result<(), Failure> {
    let store = env.open()?;
    let rows = store.inspection_arrears(limit).map_err(|e| env.fail(&e))?;
    if rows.len() == limit {
        let all = store.inspections_behind().map_err(|e| env.fail(&e))?;
        if all > limit as i64 {
            eprintln!("{}", env.lang.f("cli.limited", &[&limit, &all]));
        }
    }
    let l = env.lang;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|a| {
            let late = a.days_late.map_or_else(|| l.t("inspection.never").to_string(), |d| d.to_string());
            vec![
                a.credit_code.clone(),
                a.enterprise.clone(),
                a.sector.clone(),
                a.months.to_string(),
                date(a.last),
                date(a.due),
                late,
            ]
        })
        .collect();
    let columns = ["credit_code", "enterprise", "sector", "months", "last", "due", "days_late"];
    print(env, format, &rows, &columns, &body)
}

/// Rows as JSON, or their cells as CSV (headers `columns`) or a table (headers in words).
fn print<T: serde::Serialize>(
    env: &Env,
    format: Format,
    rows: &T,
    columns: &[&str],
    body: &[Vec<String>],
) -> Result<(), Failure> {
    match format {
        Format::Json => json(rows),
        Format::Csv => csv(columns, body),
        Format::Table => {
            let headers: Vec<&str> = columns.iter().map(|c| env.lang.t(&format!("inspection.col.{c}"))).collect();
            table(&headers, body);
            Ok(())
        }
    }
}
