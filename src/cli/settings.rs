//! `anwei settings show|set`: the ledger-wide settings.

use super::args::{Format, SettingsCommand};
use super::output::{csv, json, table};
use super::{Env, Failure};
use crate::present::{setting_cells, setting_headers};

pub fn run(env: &Env, cmd: &SettingsCommand) -> Result<(), Failure> {
    match cmd {
        SettingsCommand::Show { format } => show(env, *format),
        SettingsCommand::Set { key, value, reason } => {
            let mut store = env.open()?;
            let now = store.set_setting(key, value, reason).map_err(|e| env.fail(&e))?;
            println!("{}", crate::text::sanitise(&env.lang.f("settings.set", &[key, &now])));
            Ok(())
        }
    }
}

fn show(env: &Env, format: Format) -> Result<(), Failure> {
    let store = env.open()?;
    let rows = store.setting_rows().map_err(|e| env.fail(&e))?;
    if format == Format::Json {
        return json(&rows);
    }
    let body: Vec<Vec<String>> = rows.iter().map(|r| setting_cells(env.lang, r).to_vec()).collect();
    let headers = setting_headers(env.lang);
    if format == Format::Csv {
        csv(&headers, &body)
    } else {
        table(&headers, &body);
        Ok(())
    }
}
