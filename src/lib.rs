//! anwei: the township Work Safety Committee's ledger of major accident hazards.

pub mod domain;
