//! anwei: the township Work Safety Committee's ledger of major accident hazards.

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod identity;
pub mod model;
pub mod present;
pub mod protocol;
pub mod report;
pub mod safe_file;
pub mod shared;
pub mod sheet;
pub mod startup;
pub mod store;
pub mod text;
pub mod transfer;
pub mod tui;
pub mod ui;
pub mod widget;
pub mod worker;
pub mod workflow;
