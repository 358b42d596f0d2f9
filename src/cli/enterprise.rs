//! `anwei enterprise list|show|add|edit`: the enterprises, one whole, adding and editing.

use clap::{Args, Subcommand};

use super::args::{Format, TextFormat};
use super::output::{csv, json, table};
use super::{Env, Failure};
use crate::i18n::Lang;
use crate::present::enterprise as present;
use crate::store::enterprise::{EnterpriseFilter, EnterpriseInput, EnterpriseSort};

#[derive(Debug, Subcommand)]
pub enum EnterpriseCommand {
    /// List enterprises with their open major and overdue hazards.
    List(ListArgs),
    /// One enterprise whole: contacts, hazards and the changes made to it.
    Show {
        /// The enterprise's credit code or exact name.
        key: String,
        /// The output format.
        #[arg(long, value_enum, default_value = "text")]
        format: TextFormat,
    },
    /// Add an enterprise (an admin or officer); --credit-code, --name and --sector are required.
    Add {
        #[command(flatten)]
        fields: Fields,
        /// Why (recorded with the change).
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Change an enterprise's details (not its credit code); each change is recorded with why.
    Edit {
        /// The enterprise's credit code or exact name.
        key: String,
        #[command(flatten)]
        fields: Fields,
        /// Why (recorded with the change).
        #[arg(long, default_value = "")]
        reason: String,
        /// Refuse if the enterprise is no longer at this version.
        #[arg(long)]
        version: Option<i64>,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Search name, credit code, principal and actual controller.
    #[arg(long)]
    search: Option<String>,
    /// Only enterprises in this village.
    #[arg(long)]
    village: Option<String>,
    /// Only enterprises of this sector.
    #[arg(long)]
    sector: Option<String>,
    /// Only enterprises in high-risk sectors.
    #[arg(long)]
    high_risk: bool,
    /// Only enterprises behind on their head-led inspections.
    #[arg(long)]
    behind: bool,
    /// Order: name, credit_code, village, sector, open_major, overdue or last_inspection.
    #[arg(long, default_value = "name")]
    sort: String,
    /// At most this many rows.
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// The output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

/// An enterprise's fields as options; those not given stay as they are (on `add`, empty).
#[derive(Debug, Args)]
pub struct Fields {
    /// The unified social credit code (18 characters).
    #[arg(long)]
    credit_code: Option<String>,
    /// The enterprise's name.
    #[arg(long)]
    name: Option<String>,
    /// Its sector (行业领域).
    #[arg(long)]
    sector: Option<String>,
    /// Whether the sector is high-risk: yes or no.
    #[arg(long, value_parser = clap::builder::BoolishValueParser::new())]
    high_risk: Option<bool>,
    /// The village it is in, by name.
    #[arg(long)]
    village: Option<String>,
    /// The principal (主要负责人).
    #[arg(long)]
    principal: Option<String>,
    /// The principal's phone.
    #[arg(long)]
    principal_phone: Option<String>,
    /// The actual controller (实际控制人).
    #[arg(long)]
    controller: Option<String>,
    /// The actual controller's phone.
    #[arg(long)]
    controller_phone: Option<String>,
    /// The address.
    #[arg(long)]
    address: Option<String>,
}

impl Fields {
    /// `base` with the fields given here put in.
    fn over(&self, base: EnterpriseInput) -> EnterpriseInput {
        let pick = |given: &Option<String>, was: String| given.clone().unwrap_or(was);
        EnterpriseInput {
            credit_code: pick(&self.credit_code, base.credit_code),
            name: pick(&self.name, base.name),
            sector: pick(&self.sector, base.sector),
            high_risk: self.high_risk.unwrap_or(base.high_risk),
            village: pick(&self.village, base.village),
            principal: pick(&self.principal, base.principal),
            principal_phone: pick(&self.principal_phone, base.principal_phone),
            controller: pick(&self.controller, base.controller),
            controller_phone: pick(&self.controller_phone, base.controller_phone),
            address: pick(&self.address, base.address),
        }
    }
}

pub fn run(env: &Env, cmd: &EnterpriseCommand) -> Result<(), Failure> {
    match cmd {
        EnterpriseCommand::List(a) => list(env, a),
        EnterpriseCommand::Show { key, format } => show(env, key, *format),
        EnterpriseCommand::Add { fields, reason } => {
            let mut store = env.open()?;
            let code =
                store.enterprise_add(&fields.over(EnterpriseInput::default()), reason).map_err(|e| env.fail(&e))?;
            println!("{}", crate::text::sanitise(&env.lang.f("enterprise.added", &[&code])));
            Ok(())
        }
        EnterpriseCommand::Edit { key, fields, reason, version } => {
            let mut store = env.open()?;
            let now = store.enterprise(key).map_err(|e| env.fail(&e))?.row;
            let (code, now_version) = (now.credit_code.clone(), now.version);
            if fields.credit_code.as_deref().is_some_and(|c| c.trim().to_uppercase() != code) {
                return Err(Failure::input(env.lang.t("enterprise.code_fixed")));
            }
            let input = fields.over(EnterpriseInput::from(now));
            // the fields not given are as read: refused if someone changes them meanwhile
            let at = version.unwrap_or(now_version);
            let n = store.enterprise_edit(&code, Some(at), &input, reason).map_err(|e| env.fail(&e))?;
            println!("{}", crate::text::sanitise(&env.lang.f("enterprise.edited", &[&code, &n])));
            Ok(())
        }
    }
}

fn list(env: &Env, a: &ListArgs) -> Result<(), Failure> {
    let sort = EnterpriseSort::parse(&a.sort)
        .ok_or_else(|| Failure::input(env.lang.f("cli.bad_value", &[&"--sort", &crate::text::sanitise(&a.sort)])))?;
    let f = EnterpriseFilter {
        search: a.search.clone(),
        village: a.village.clone(),
        sector: a.sector.clone(),
        high_risk: a.high_risk,
        behind: a.behind,
    };
    let store = env.open()?;
    let rows = store.enterprise_list(&f, sort, a.limit, 0).map_err(|e| env.fail(&e))?;
    if rows.len() == a.limit {
        let all = store.enterprise_count(&f).map_err(|e| env.fail(&e))?;
        if all > a.limit as i64 {
            eprintln!("{}", env.lang.f("cli.limited", &[&a.limit, &all]));
        }
    }
    match a.format {
        Format::Json => json(&rows),
        Format::Csv => {
            csv(&present::COLUMNS, &rows.iter().map(|r| present::cells(Lang::En, r, true)).collect::<Vec<_>>())
        }
        Format::Table => {
            table(
                &present::headers(env.lang),
                &rows.iter().map(|r| present::cells(env.lang, r, false)).collect::<Vec<_>>(),
            );
            Ok(())
        }
    }
}

fn show(env: &Env, key: &str, format: TextFormat) -> Result<(), Failure> {
    let store = env.open()?;
    let d = store.enterprise(key).map_err(|e| env.fail(&e))?;
    if format == TextFormat::Json {
        return json(&d);
    }
    super::output::sections(&present::sections(env.lang, &d));
    Ok(())
}
