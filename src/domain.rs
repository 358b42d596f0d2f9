//! Pure domain rules of the hazard ledger: no SQL, no terminal, no clock.

pub mod calendar;
pub mod clearance;
pub mod consultation;
pub mod credit_code;
pub mod dates;
pub mod escalation;
pub mod permission;
pub mod quarter;
pub mod settings;
pub mod standards;
pub mod status;
pub mod tipoff;
pub mod types;

pub use types::*;
