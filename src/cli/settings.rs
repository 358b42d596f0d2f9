//! `anwei settings show|set`: the ledger-wide settings.

use super::args::{Format, SettingsCommand};
use super::output::{csv, json, table};
use super::{Env, Failure};

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
    let l = env.lang;
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let changed = match (&r.changed_by, &r.changed_at) {
                (Some(by), Some(at)) => format!("{by} {at}"),
                _ if r.set => String::new(),
                _ => l.t("settings.default").to_string(),
            };
            vec![r.key.to_string(), r.value.clone(), l.t(&format!("setting.{}", r.key)).to_string(), changed]
        })
        .collect();
    let headers =
        [l.t("settings.col.key"), l.t("settings.col.value"), l.t("settings.col.what"), l.t("settings.col.changed")];
    if format == Format::Csv {
        csv(&headers, &body)
    } else {
        table(&headers, &body);
        Ok(())
    }
}
