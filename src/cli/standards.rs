//! `anwei standards list|search`: the judgment-standard catalogue (重大事故隐患判定标准)
//! shipped with the program, each clause with the reference a hazard stores.

use clap::Subcommand;
use serde::Serialize;

use super::args::Format;
use super::output::{csv, json};
use super::{Env, Failure};
use crate::domain::standards::{self, Found};

#[derive(Debug, Subcommand)]
pub enum StandardsCommand {
    /// The instruments and their clauses, or one sector's.
    List {
        /// Only this sector's clauses.
        #[arg(long)]
        sector: Option<String>,
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// The clauses whose wording, number or instrument contains every word of TEXT.
    Search {
        /// The words to look for.
        text: String,
        /// Only this sector's clauses.
        #[arg(long)]
        sector: Option<String>,
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

/// A clause as the command prints it.
#[derive(Debug, Serialize)]
struct Row {
    reference: String,
    instrument: &'static str,
    doc_no: &'static str,
    sector: &'static str,
    number: &'static str,
    text: &'static str,
    verified: bool,
}

impl From<Found> for Row {
    fn from(f: Found) -> Row {
        Row {
            reference: f.reference(),
            instrument: &f.instrument.instrument,
            doc_no: &f.instrument.doc_no,
            sector: &f.clause.sector,
            number: &f.clause.number,
            text: &f.clause.text,
            verified: f.clause.verified,
        }
    }
}

const COLUMNS: [&str; 4] = ["reference", "sector", "text", "verified"];

pub fn run(env: &Env, cmd: &StandardsCommand) -> Result<(), Failure> {
    let (found, format) = match cmd {
        StandardsCommand::List { sector, format } => (standards::search("", sector.as_deref()), *format),
        StandardsCommand::Search { text, sector, format } => (standards::search(text, sector.as_deref()), *format),
    };
    if found.is_empty() {
        eprintln!("{}", env.lang.t("standards.none"));
    }
    let rows: Vec<Row> = found.into_iter().map(Row::from).collect();
    let l = env.lang;
    let cells = |ids: bool| -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| {
                let verified =
                    if ids { r.verified.to_string() } else { l.t(if r.verified { "yes" } else { "no" }).into() };
                vec![r.reference.clone(), r.sector.to_string(), r.text.to_string(), verified]
            })
            .collect()
    };
    match format {
        Format::Json => json(&rows),
        Format::Csv => csv(&COLUMNS, &cells(true)),
        Format::Table => {
            // each clause whole: its wording is what one reads it for
            for r in &rows {
                let mark = if r.verified { "" } else { l.t("standards.unverified") };
                println!("{} [{}]{mark}", r.reference, r.sector);
                println!("    {}", crate::text::sanitise(r.text));
            }
            for i in standards::catalogue().iter().filter(|i| rows.iter().any(|r| r.reference.starts_with(&i.cite))) {
                let note = if i.note.is_empty() { String::new() } else { format!(" {}", i.note) };
                println!("{}", l.f("standards.instrument", &[&i.cite, &i.instrument, &i.doc_no, &note]));
            }
            Ok(())
        }
    }
}
