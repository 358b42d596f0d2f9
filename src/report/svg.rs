//! Charts drawn as inline SVG for the HTML pack: the clearance trend (open hazards at each
//! quarter's end as bars, the clearance rate as a line) and horizontal bars per village or
//! sector (open and overdue). Sized for an A4 page's text width.

use super::{TrendPoint, xml};

const WIDTH: f64 = 640.0;
const OPEN: &str = "#4a6fa5";
const OVERDUE: &str = "#c0392b";
const RATE: &str = "#1e8449";
/// The most villages or sectors a bar chart shows.
const MAX_BARS: usize = 12;

fn text(x: f64, y: f64, anchor: &str, size: u32, s: &str) -> String {
    format!(r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="{size}">{}</text>"#, xml(s))
}

fn rect(x: f64, y: f64, w: f64, h: f64, fill: &str) -> String {
    format!(r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fill}"/>"#)
}

fn svg(height: f64, kind: &str, title: &str, body: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{kind}" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-label="{}"><title>{}</title>{body}</svg>"#,
        xml(title),
        xml(title)
    )
}

/// The trend chart; `legend` names the bars and the line.
pub fn trend(title: &str, points: &[TrendPoint], legend: [&str; 2]) -> String {
    let (left, right, top, bottom) = (40.0, 50.0, 30.0, 220.0);
    let max = points.iter().map(|p| p.open_end).max().unwrap_or(0).max(1) as f64;
    let slot = (WIDTH - left - right) / points.len().max(1) as f64;
    let mut body = String::new();
    body.push_str(&format!(
        r##"<line x1="{left}" y1="{bottom}" x2="{:.1}" y2="{bottom}" stroke="#000"/>"##,
        WIDTH - right
    ));
    let mut line = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let x = left + slot * i as f64;
        let h = (bottom - top) * p.open_end as f64 / max;
        body.push_str(&rect(x + slot * 0.2, bottom - h, slot * 0.6, h, OPEN));
        body.push_str(&text(x + slot / 2.0, bottom - h - 4.0, "middle", 11, &p.open_end.to_string()));
        body.push_str(&text(x + slot / 2.0, bottom + 16.0, "middle", 11, &p.label));
        let y = bottom - (bottom - top) * p.rate.clamp(0.0, 100.0) / 100.0;
        line.push(format!("{:.1},{y:.1}", x + slot / 2.0));
        body.push_str(&format!(r#"<circle cx="{:.1}" cy="{y:.1}" r="3" fill="{RATE}"/>"#, x + slot / 2.0));
        body.push_str(&text(x + slot / 2.0 + 4.0, y - 6.0, "start", 10, &format!("{:.0}%", p.rate)));
    }
    body.push_str(&format!(r#"<polyline points="{}" fill="none" stroke="{RATE}" stroke-width="2"/>"#, line.join(" ")));
    body.push_str(&legend_row(WIDTH - right, 14.0, &[(OPEN, legend[0]), (RATE, legend[1])]));
    svg(bottom + 30.0, "trend", title, &body)
}

/// A legend of coloured squares, ending at `right`.
fn legend_row(right: f64, y: f64, items: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut x = right;
    for (colour, name) in items.iter().rev() {
        x -= 14.0 * name.chars().count() as f64 + 24.0;
        out.push_str(&rect(x, y - 9.0, 10.0, 10.0, colour));
        out.push_str(&text(x + 14.0, y, "start", 11, name));
    }
    out
}

/// Horizontal bars of (label, open, overdue), the first `MAX_BARS` rows.
pub fn bars(title: &str, rows: &[(String, i64, i64)], legend: [&str; 2]) -> String {
    let (label_w, top, row_h) = (130.0, 28.0, 22.0);
    let rows = &rows[..rows.len().min(MAX_BARS)];
    let max = rows.iter().map(|r| r.1.max(r.2)).max().unwrap_or(0).max(1) as f64;
    let span = WIDTH - label_w - 50.0;
    let mut body = legend_row(WIDTH - 10.0, 14.0, &[(OPEN, legend[0]), (OVERDUE, legend[1])]);
    for (i, (label, open, overdue)) in rows.iter().enumerate() {
        let y = top + row_h * i as f64;
        body.push_str(&text(label_w - 6.0, y + 14.0, "end", 11, label));
        for (j, (n, colour)) in [(*open, OPEN), (*overdue, OVERDUE)].into_iter().enumerate() {
            let w = span * n as f64 / max;
            let by = y + 2.0 + 9.0 * j as f64;
            body.push_str(&rect(label_w, by, w, 8.0, colour));
            body.push_str(&text(label_w + w + 4.0, by + 8.0, "start", 9, &n.to_string()));
        }
    }
    svg(top + row_h * rows.len() as f64 + 8.0, "bars", title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_bars_capped() {
        let rows: Vec<(String, i64, i64)> = (0..20).map(|i| (format!("<村{i}>"), i, i / 2)).collect();
        let s = bars("按村居", &rows, ["未销号", "逾期"]);
        assert!(s.contains("&lt;村0&gt;") && !s.contains("<村0>"));
        assert!(!s.contains("村12"));
        let t = trend("趋势", &[TrendPoint { label: "2026Q4".into(), open_end: 5, rate: 40.0 }], ["a", "b"]);
        assert!(t.starts_with("<svg") && t.contains("2026Q4") && t.contains("40%"));
    }
}
