//! anwei: the township Work Safety Committee's ledger of major accident hazards.

pub mod clock;
pub mod domain;
pub mod i18n;
pub mod identity;
pub mod store;
