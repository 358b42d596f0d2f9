//! The CSV annexes: every table of the paper whole (the paper shows the first rows only),
//! each named by its place in the paper and its list.

use super::{Block, Paper};

/// One annex: its file name and its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex<'a> {
    /// e.g. `03-overdue.csv`.
    pub file_name: String,
    pub caption: &'a str,
    pub headers: &'a [String],
    pub rows: &'a [Vec<String>],
}

/// The annexes in paper order.
pub fn annexes(p: &Paper) -> Vec<Annex<'_>> {
    p.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .enumerate()
        .map(|(i, t)| Annex {
            file_name: format!("{:02}-{}.csv", i + 1, t.id),
            caption: &t.caption,
            headers: &t.headers,
            rows: &t.rows,
        })
        .collect()
}
