//! Exports: CSV that Excel opens (BOM, formulas neutralised), XLSX with a bold header
//! row and fitted columns, and JSON with stable identifiers.

use std::io::Write;

use rust_xlsxwriter::{Format as CellFormat, Workbook, XlsxError};
use serde::Serialize;

use super::columns::{Column, ENTERPRISES, HAZARD_EXTRAS, HAZARDS, INSPECTIONS, Kind, TIMELINE};
use crate::i18n::Lang;
use crate::sheet::write_csv;
use crate::store::detail::EnterpriseInfo;
use crate::store::export::{HazardOut, TimelineOut};
use crate::store::{Store, StoreError};
use crate::text::width;

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
}

/// Why an export failed.
#[derive(Debug)]
pub enum ExportError {
    Store(StoreError),
    Io(std::io::Error),
    Xlsx(XlsxError),
    Json(serde_json::Error),
}

impl From<StoreError> for ExportError {
    fn from(e: StoreError) -> Self {
        ExportError::Store(e)
    }
}

impl From<std::io::Error> for ExportError {
    fn from(e: std::io::Error) -> Self {
        ExportError::Io(e)
    }
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Xlsx(e)
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Json(e)
    }
}

/// Writes every row of `kind` to `out`; returns the number of rows.
pub fn export(
    store: &Store,
    kind: Kind,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let sheet = Sheet { kind, format, lang };
    match kind {
        Kind::Hazards => {
            let columns: Vec<Column> = HAZARDS.iter().chain(HAZARD_EXTRAS).copied().collect();
            sheet.write(&columns, &store.export_hazards()?, |h| hazard_cells(lang, h), out)
        }
        Kind::Enterprises => sheet.write(ENTERPRISES, &store.export_enterprises()?, |e| enterprise_cells(lang, e), out),
        Kind::Timeline => sheet.write(TIMELINE, &store.export_timeline()?, event_cells, out),
        Kind::Inspections => sheet.write(INSPECTIONS, &store.inspections(None, usize::MAX)?, inspection_cells, out),
    }
}

/// An inspection's cells, in `INSPECTIONS`' order (the enterprise by credit code).
fn inspection_cells(i: &crate::store::inspection::InspectionRow) -> Vec<String> {
    vec![
        i.credit_code.clone(),
        i.date.clone(),
        i.led_by.clone(),
        i.instead_reason.clone(),
        i.scope.clone(),
        i.findings.clone(),
        i.hazards.join(" "),
    ]
}

/// One export's kind, format and language.
struct Sheet {
    kind: Kind,
    format: Format,
    lang: Lang,
}

impl Sheet {
    fn write<T: Serialize>(
        &self,
        columns: &[Column],
        items: &[T],
        cells: impl Fn(&T) -> Vec<String>,
        out: &mut dyn Write,
    ) -> Result<usize, ExportError> {
        if self.format == Format::Json {
            let text = serde_json::to_string_pretty(items)?;
            out.write_all(crate::text::json_safe(&text).as_bytes())?;
            writeln!(out)?;
            out.flush()?;
            return Ok(items.len());
        }
        let headers: Vec<&str> = columns.iter().map(|c| self.kind.header(self.lang, c.id)).collect();
        let rows: Vec<Vec<String>> = items.iter().map(cells).collect();
        if self.format == Format::Csv {
            write_csv(out, &headers, &rows)?;
        } else {
            let name = self.lang.t(&format!("exp.sheet.{}", self.kind.as_str()));
            out.write_all(&xlsx(name, &headers, &rows)?)?;
        }
        out.flush()?;
        Ok(rows.len())
    }
}

/// A workbook of one sheet: text cells, a bold frozen header row with a filter, and
/// each column as wide as its widest cell (within reason).
pub fn xlsx(name: &str, headers: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let bold = CellFormat::new().set_bold();
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate().filter(|(_, cell)| !cell.is_empty()) {
            sheet.write_string(r as u32 + 1, c as u16, cell)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(cell.lines().map(width).max().unwrap_or(0));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if !headers.is_empty() {
        sheet.autofilter(0, 0, rows.len() as u32, headers.len() as u16 - 1)?;
    }
    book.save_to_buffer()
}

fn hazard_cells(l: Lang, h: &HazardOut) -> Vec<String> {
    let mut cells = vec![
        h.code.clone(),
        h.enterprise.clone(),
        h.title.clone(),
        h.description.clone(),
        l.word("grade", h.grade.as_str()).to_string(),
        h.sector.clone(),
        h.standard_ref.clone(),
        l.word("source", h.source.as_str()).to_string(),
        h.discovered_on.clone(),
        h.deadline.clone(),
        h.owner.clone(),
        h.assignee.clone().unwrap_or_default(),
        l.word("status", h.status.as_str()).to_string(),
        h.plan_responsible.clone(),
        h.plan_measures.clone(),
        h.plan_funds.clone(),
        h.plan_deadline.clone(),
        h.plan_contingency.clone(),
    ];
    cells.extend([
        h.enterprise_name.clone(),
        h.village.clone(),
        h.escalation_level.to_string(),
        h.closed_at.clone().unwrap_or_default(),
    ]);
    cells
}

fn enterprise_cells(l: Lang, e: &EnterpriseInfo) -> Vec<String> {
    vec![
        e.credit_code.clone(),
        e.name.clone(),
        e.sector.clone(),
        e.village.clone(),
        e.department.clone(),
        e.principal.clone(),
        e.principal_phone.clone(),
        e.controller.clone(),
        e.controller_phone.clone(),
        e.address.clone(),
        l.t(if e.high_risk { "yes" } else { "no" }).to_string(),
    ]
}

fn event_cells(t: &TimelineOut) -> Vec<String> {
    let e = &t.event;
    vec![
        t.code.clone(),
        e.at.clone(),
        e.actor.clone(),
        e.kind.clone(),
        e.field.clone().unwrap_or_default(),
        e.from.clone().unwrap_or_default(),
        e.to.clone().unwrap_or_default(),
        e.note.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hazard_cells_follow_the_columns() {
        let h = HazardOut {
            code: "c".into(),
            enterprise: "e".into(),
            enterprise_name: "n".into(),
            village: "v".into(),
            title: "t".into(),
            description: String::new(),
            grade: crate::domain::Grade::Major,
            sector: "s".into(),
            standard_ref: String::new(),
            source: crate::domain::Source::Inspection,
            discovered_on: "2026-01-01".into(),
            deadline: "2026-12-31".into(),
            owner: String::new(),
            assignee: None,
            status: crate::domain::Status::Registered,
            plan_responsible: String::new(),
            plan_measures: String::new(),
            plan_funds: String::new(),
            plan_deadline: String::new(),
            plan_contingency: String::new(),
            escalation_level: 2,
            closed_at: None,
        };
        let cells = hazard_cells(Lang::En, &h);
        let columns: Vec<&str> = HAZARDS.iter().chain(HAZARD_EXTRAS).map(|c| c.id).collect();
        assert_eq!(cells.len(), columns.len());
        let at = |id: &str| cells[columns.iter().position(|c| *c == id).unwrap()].as_str();
        assert_eq!((at("enterprise"), at("enterprise_name"), at("village")), ("e", "n", "v"));
        assert_eq!((at("grade"), at("status"), at("escalation_level")), ("major", "registered", "2"));
        assert_eq!((at("discovered_on"), at("deadline")), ("2026-01-01", "2026-12-31"));
    }

    #[test]
    fn workbook_has_the_sheet_name_and_cells() {
        let bytes = xlsx("隐患台账", &["编号", "名称"], &[vec!["A".into(), "=1+1".into()]]).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
