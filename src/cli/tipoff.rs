//! `anwei tipoff add|assign|verify|reject|reward|tell|list|show`: public tip-offs from
//! receipt through verification (a verified one registers its hazard) to the reward and
//! the reporter told. Lists and exports never carry the reporter.

use clap::Subcommand;

use super::args::{Format, TextFormat};
use super::output::{csv, json, table};
use super::write::{date, opt_date};
use super::{Env, Failure};
use crate::domain::tipoff::{Channel, TipoffState};
use crate::domain::{Grade, Source};
use crate::present::tipoff as present;
use crate::store::tipoff::{NewTipoff, TipoffFilter, TipoffLink};
use crate::store::write::NewHazard;

#[derive(Debug, Subcommand)]
pub enum TipoffCommand {
    /// Register a tip-off (an admin or officer); anonymous unless --reporter is given.
    Add {
        /// hotline (12350), letter, visit, online or whistleblower (an employee's report).
        #[arg(long)]
        channel: String,
        /// What was reported.
        #[arg(long)]
        content: String,
        /// The day it was received (YYYY-MM-DD; default: today).
        #[arg(long)]
        received: Option<String>,
        /// The reporter's name (seen by admins only; never in lists or exports).
        #[arg(long)]
        reporter: Option<String>,
        /// The reporter's contact (seen by admins only).
        #[arg(long, default_value = "", requires = "reporter")]
        contact: String,
        /// The enterprise concerned: credit code or exact name.
        #[arg(long, conflicts_with = "about")]
        enterprise: Option<String>,
        /// The place or business named, when it is not an enterprise of the ledger.
        #[arg(long, default_value = "")]
        about: String,
    },
    /// Assign its verification (核查) to a staff member.
    Assign {
        /// The tip-off's code (JB-2026-0001).
        code: String,
        /// The staff login.
        #[arg(long)]
        to: String,
        /// A note for the log.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Verified (查实): registers its hazard, source public_report, linked to it.
    Verify {
        /// The tip-off's code (JB-2026-0001).
        code: String,
        /// What the hazard is, in one line.
        #[arg(long)]
        title: String,
        /// The rectification deadline (YYYY-MM-DD).
        #[arg(long)]
        deadline: String,
        /// major or general.
        #[arg(long, default_value = "major")]
        grade: String,
        /// The enterprise (default: the tip-off's; required when it named none of the ledger's).
        #[arg(long)]
        enterprise: Option<String>,
        /// The judgment-standard clause.
        #[arg(long, default_value = "")]
        standard: String,
        /// What was found, in full.
        #[arg(long, default_value = "")]
        description: String,
        /// The day it was found on site (YYYY-MM-DD; default: today).
        #[arg(long)]
        discovered: Option<String>,
        /// The staff login who follows the hazard up.
        #[arg(long)]
        assignee: Option<String>,
    },
    /// Not verified (未查实), with why.
    Reject {
        /// The tip-off's code (JB-2026-0001).
        code: String,
        /// Why it was not verified.
        #[arg(long)]
        reason: String,
        /// The day it was decided (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// The reward of a verified tip-off: amount in yuan, who approved it, when paid.
    Reward {
        /// The tip-off's code (JB-2026-0001).
        code: String,
        /// The amount, in yuan.
        #[arg(long)]
        amount: i64,
        /// Who approved it.
        #[arg(long)]
        approved_by: String,
        /// The day it was paid (YYYY-MM-DD; default: today).
        #[arg(long)]
        paid: Option<String>,
    },
    /// The reporter told of the outcome: how, and when.
    Tell {
        /// The tip-off's code (JB-2026-0001).
        code: String,
        /// How (phone, letter, SMS …).
        #[arg(long)]
        channel: String,
        /// The day (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// List tip-offs, newest first (--late: those whose verification is past due, most late first).
    List {
        /// received, verifying, verified or rejected.
        #[arg(long)]
        state: Option<String>,
        /// Only those whose verification is past its deadline.
        #[arg(long)]
        late: bool,
        /// Only those with a reward recorded.
        #[arg(long)]
        rewarded: bool,
        /// At most this many rows.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// The output format.
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// One tip-off whole, with its log (the reporter for an admin only).
    Show {
        /// The tip-off's code (JB-2026-0001).
        code: String,
        /// The output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
}

pub fn run(env: &Env, cmd: &TipoffCommand) -> Result<(), Failure> {
    use TipoffCommand as C;
    let l = env.lang;
    let done = |key: &str, code: &str| println!("{}", l.f(key, &[&code]));
    match cmd {
        C::Add { channel, content, received, reporter, contact, enterprise, about } => {
            let n = NewTipoff {
                received_on: opt_date(env, "--received", received)?,
                channel: super::write::word(
                    env,
                    "--channel",
                    channel,
                    Channel::ALL,
                    (Channel::as_str, Channel::parse),
                )?,
                reporter: reporter.clone().map(|r| (r, contact.clone())),
                enterprise: enterprise.clone().unwrap_or_default(),
                about: about.clone(),
                content: content.clone(),
            };
            let code = write(env, |s| s.tipoff_add(&n))?;
            let due = env.open()?.tipoff(&code).map(|d| d.row.due_on).unwrap_or_default();
            println!("{}", l.f("tipoff.added", &[&code, &due]));
        }
        C::Assign { code, to, note } => {
            write(env, |s| s.tipoff_assign(code, None, to, note))?;
            done("tipoff.assigned", code);
        }
        C::Verify { code, .. } => return verify(env, code, cmd),
        C::Reject { code, reason, date } => {
            let on = opt_date(env, "--date", date)?;
            write(env, |s| s.tipoff_reject(code, None, on, reason))?;
            done("tipoff.rejected", code);
        }
        C::Reward { code, amount, approved_by, paid } => {
            let paid = opt_date(env, "--paid", paid)?;
            write(env, |s| s.tipoff_reward(code, None, *amount, approved_by, paid))?;
            done("tipoff.rewarded", code);
        }
        C::Tell { code, channel, date } => {
            let on = opt_date(env, "--date", date)?;
            write(env, |s| s.tipoff_tell(code, None, on, channel))?;
            done("tipoff.told_done", code);
        }
        C::List { state, late, rewarded, limit, format } => {
            let state = match state {
                Some(s) => Some(super::write::word(
                    env,
                    "--state",
                    s,
                    TipoffState::ALL,
                    (TipoffState::as_str, TipoffState::parse),
                )?),
                None => None,
            };
            let f = TipoffFilter { state, late: *late, rewarded: *rewarded, ..TipoffFilter::default() };
            return list(env, &f, *limit, *format);
        }
        C::Show { code, format } => {
            let d = env.open()?.tipoff(code).map_err(|e| env.fail(&e))?;
            if *format == TextFormat::Json {
                return json(&d);
            }
            super::output::sections(&present::sections(l, &d));
        }
    }
    Ok(())
}

/// Opens the ledger and runs one write of a tip-off.
fn write<T>(
    env: &Env,
    f: impl FnOnce(&mut crate::store::Store) -> Result<T, crate::store::StoreError>,
) -> Result<T, Failure> {
    let mut store = env.open()?;
    f(&mut store).map_err(|e| env.fail(&e))
}

/// `tipoff verify`: the hazard registered through the same registration as any, at the
/// tip-off's version read here, of its enterprise unless another is named.
fn verify(env: &Env, code: &str, cmd: &TipoffCommand) -> Result<(), Failure> {
    let TipoffCommand::Verify {
        title, deadline, grade, enterprise, standard, description, discovered, assignee, ..
    } = cmd
    else {
        return Ok(());
    };
    let mut store = env.open()?;
    let t = store.tipoff(code).map_err(|e| env.fail(&e))?;
    let enterprise = match (enterprise, &t.row.credit_code) {
        (Some(e), _) => e.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => return Err(Failure::input(env.lang.f("tipoff.needs_enterprise", &[&t.row.code]))),
    };
    let hazard = NewHazard {
        enterprise,
        title: title.clone(),
        description: description.clone(),
        grade: super::write::word(env, "--grade", grade, Grade::ALL, (Grade::as_str, Grade::parse))?,
        sector: None,
        standard_ref: standard.clone(),
        source: Source::PublicReport,
        discovered_on: opt_date(env, "--discovered", discovered)?,
        deadline: date(env, "--deadline", deadline)?,
        owner: None,
        assignee: assignee.clone(),
        note: String::new(),
        inspection: None,
        tipoff: Some(TipoffLink { code: t.row.code.clone(), version: Some(t.row.version) }),
    };
    let done = store.register(&hazard).map_err(|e| env.fail(&e))?;
    println!("{}", env.lang.f("tipoff.verified", &[&t.row.code, &done.code]));
    Ok(())
}

fn list(env: &Env, f: &TipoffFilter, limit: usize, format: Format) -> Result<(), Failure> {
    let page = env.open()?.tipoffs(f, 0, limit).map_err(|e| env.fail(&e))?;
    if page.count > page.rows.len() as i64 {
        eprintln!("{}", env.lang.f("cli.limited", &[&limit, &page.count]));
    }
    let ids = format == Format::Csv;
    let body: Vec<Vec<String>> = page.rows.iter().map(|r| present::cells(env.lang, r, ids)).collect();
    match format {
        Format::Json => json(&page.rows),
        Format::Csv => csv(&present::COLUMNS, &body),
        Format::Table => {
            table(&present::headers(env.lang), &body);
            Ok(())
        }
    }
}
