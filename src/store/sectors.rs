//! The ledger's sectors (行业领域): those of the judgment-standard catalogue, the
//! township's own (the setting `local_sectors`), and any an older ledger already uses.

use rusqlite::{Connection, OptionalExtension};

use super::{Store, StoreError};
use crate::domain::standards;

/// Whether `sector` is one of the ledger's.
pub(crate) fn known(conn: &Connection, sector: &str) -> Result<bool, StoreError> {
    let sector = sector.trim();
    if standards::sectors().contains(&sector) || super::settings::load(conn)?.local_sectors.iter().any(|s| s == sector)
    {
        return Ok(true);
    }
    let used =
        conn.query_row("SELECT 1 FROM enterprises WHERE sector = ?1 LIMIT 1", [sector], |_| Ok(())).optional()?;
    Ok(used.is_some())
}

/// Refuses a sector that is not one of the ledger's.
pub(crate) fn require(conn: &Connection, sector: &str) -> Result<(), StoreError> {
    if known(conn, sector)? {
        Ok(())
    } else {
        Err(StoreError::Invalid { field: "sector", value: sector.trim().to_string(), why: "unknown_sector".into() })
    }
}

impl Store {
    /// Every sector of the ledger: the catalogue's in its order, then the township's own,
    /// then any other in use.
    pub fn sector_names(&self) -> Result<Vec<String>, StoreError> {
        let mut out: Vec<String> = standards::sectors().into_iter().map(String::from).collect();
        out.extend(self.settings()?.local_sectors);
        let mut stmt = self.conn.prepare_cached(
            "SELECT sector FROM enterprises WHERE sector <> '' UNION SELECT sector FROM hazard_tally WHERE sector <> ''
             ORDER BY 1",
        )?;
        let used: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        for s in used {
            if !out.contains(&s) {
                out.push(s);
            }
        }
        Ok(out)
    }
}
