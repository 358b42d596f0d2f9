//! anwei: the township Work Safety Committee's ledger of major accident hazards.

pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod identity;
pub mod present;
pub mod store;
pub mod text;
