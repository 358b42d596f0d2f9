//! The consultation screen: the quarter and its meeting on top, the agenda's topics on
//! the left, the selected topic's figures, proposal, decision and section of the paper on
//! the right, and the quarter's follow-up actions below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::consult::reading::{HEAD, panes};
use crate::app::consult::{ConsultForm, Edit, FigureLine};
use crate::app::screen::action_rows as actions;
use crate::app::{AppState, Form, Pane};
use crate::model::Agenda;
use crate::report::{topic_title, words};
use crate::text::{sanitise, width};
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, line};

/// Draws the consultation screen into `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let Some(a) = s.consult.shown() else {
        f.render_widget(Paragraph::new(line(s.lang.t("tui.loading"), t.style(Role::Muted))), area);
        return;
    };
    let p = panes(area.width, area.height, s.consult.actions().len());
    let [head, main, bottom] =
        Layout::vertical([Constraint::Length(HEAD), Constraint::Min(0), Constraint::Length(p.below)]).areas(area);
    draw_head(f, head, s, a, t);
    let [left, right] = Layout::horizontal([Constraint::Length(p.left), Constraint::Min(0)]).areas(main);
    draw_topics(f, left, s, a, t);
    draw_topic(f, right, s, t);
    let rows = actions::Rows {
        title: s.lang.f("consultation.actions", &[&s.consult.actions().len()]),
        rows: s.consult.actions(),
        selected: (s.consult.pane == Pane::Actions).then_some(s.consult.action),
        quarter: false,
    };
    actions::panel(f, bottom, s, &rows, t);
}

/// The border of a pane: bright when the keys move in it.
fn border(s: &AppState, pane: Pane) -> Role {
    if s.consult.pane == pane { Role::Title } else { Role::Muted }
}

/// The style of a pane's selected row.
fn chosen(s: &AppState, pane: Pane, t: &Theme) -> Style {
    t.style(if s.consult.pane == pane { Role::Selected } else { Role::Key })
}

/// The quarter, whether it was held, the version; then the meeting's particulars.
fn draw_head(f: &mut Frame, area: Rect, s: &AppState, a: &Agenda, t: &Theme) {
    let l = s.lang;
    let w = usize::from(area.width);
    let title = l.f("consultation.title", &[&words::quarter(l, a.quarter)]);
    let (state, role) = match &a.record {
        Some(r) if r.held => (l.t("consult.held").to_string(), Role::Warn),
        Some(r) => (format!("{}  {}", l.t("consult.not_held"), l.f("consultation.version", &[&r.version])), Role::Ok),
        None => (l.t("consultation.no_record").to_string(), Role::Muted),
    };
    let first = Line::from(vec![
        cell(&title, width(&title).min(w), t.style(Role::Title)),
        Span::raw("  "),
        Span::styled(sanitise(&state), t.style(role)),
    ]);
    let second = match crate::report::meeting_line(l, a) {
        Some(m) => Line::from(cell(&m, w, Style::default())),
        None => {
            let key = s.keymap.key(crate::app::keymap::Action::Meeting).map(|k| k.label()).unwrap_or_default();
            line(&l.f("consultation.no_meeting", &[&key]), t.style(Role::Muted))
        }
    };
    f.render_widget(Paragraph::new(vec![first, second]), area);
}

/// The agenda: number, title, and whether it was dropped or decided.
fn draw_topics(f: &mut Frame, area: Rect, s: &AppState, a: &Agenda, t: &Theme) {
    let block = crate::widget::panel(s.lang.t("consultation.topics"), border(s, Pane::Topics), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let (h, w) = (usize::from(inner.height), usize::from(inner.width));
    let start = (s.consult.topic + 1).saturating_sub(h);
    let lines: Vec<Line> = a
        .topics
        .iter()
        .enumerate()
        .skip(start)
        .take(h)
        .map(|(i, topic)| {
            let (mark, mark_role) = if topic.dropped {
                (s.lang.t("consult.dropped"), Role::Muted)
            } else if !topic.decision.trim().is_empty() {
                (s.lang.t("consultation.decided"), Role::Ok)
            } else {
                ("", Role::Muted)
            };
            let mark = if mark.is_empty() { String::new() } else { format!(" {mark}") };
            let text = format!("{:>2} {}", i + 1, topic_title(s.lang, topic.kind, &topic.title));
            let base = if topic.dropped { t.style(Role::Muted) } else { Style::default() };
            let style = if i == s.consult.topic { chosen(s, Pane::Topics, t) } else { base };
            let mark_w = width(&mark).min(w / 2);
            Line::from(vec![cell(&text, w - mark_w, style), cell(&mark, mark_w, t.style(mark_role))])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// The selected topic: its figures (Enter lists the hazards behind one), then its
/// proposal, decision and section of the paper, scrolled as the keys moved through them.
fn draw_topic(f: &mut Frame, area: Rect, s: &AppState, t: &Theme) {
    let l = s.lang;
    let v = &s.consult;
    let Some(topic) = v.current_topic() else { return };
    let title = format!("{} {}", v.topic + 1, topic_title(l, topic.kind, &topic.title));
    let block = crate::widget::panel(&title, border(s, Pane::Figures), t);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let (w, h) = (usize::from(inner.width), usize::from(inner.height));
    let figures = v.figure_lines(l);
    let mut lines: Vec<Line> = figures
        .iter()
        .enumerate()
        .map(|(i, x)| figure_line(x, w, (i == v.figure).then(|| chosen(s, Pane::Figures, t))))
        .collect();
    if figures.is_empty() {
        lines.push(line(l.t("consultation.no_figures"), t.style(Role::Muted)));
    }
    lines.extend(v.reading(l, w).iter().map(|x| line(x, Style::default())));
    let top = v.read.max((v.figure + 1).saturating_sub(h)).min(lines.len().saturating_sub(h));
    f.render_widget(Paragraph::new(lines.into_iter().skip(top).take(h).collect::<Vec<_>>()), inner);
}

/// One figure: its label (a part indented) and its value on the right.
fn figure_line(x: &FigureLine, w: usize, selected: Option<Style>) -> Line<'static> {
    let indent = if x.part { "  " } else { "" };
    let num = format!("{:>6} ", x.value);
    let label = format!("{indent}{}", sanitise(&x.label));
    let style = selected.unwrap_or_default();
    let label_w = w.saturating_sub(width(&num));
    Line::from(vec![cell(&label, label_w, style), cell(&num, w - label_w, style)])
}

/// The first line of a consultation form: the quarter and the topic or action it is about.
pub fn form_head(s: &AppState, c: &ConsultForm) -> String {
    let l = s.lang;
    let q = words::quarter(l, c.quarter);
    let topic = || s.consult.current_topic().map(|t| topic_title(l, t.kind, &t.title)).unwrap_or_default();
    match &c.edit {
        Edit::Decide(_) | Edit::ActionAdd(Some(_)) => format!("{q}  {}", topic()),
        Edit::ActionDone { id, .. } => {
            let title = s.consult.actions().iter().find(|a| a.id == *id).map(|a| sanitise(&a.title));
            format!("{q}  #{id} {}", title.unwrap_or_default())
        }
        _ => q,
    }
}

/// A line under a consultation form: a correction's duty to give a reason, the pack's file.
pub fn form_note(s: &AppState, c: &ConsultForm, form: &Form, t: &Theme) -> Option<Line<'static>> {
    let l = s.lang;
    match &c.edit {
        Edit::Decide(_) if form.fields.iter().any(|x| x.label == "form.reason") => {
            Some(line(l.t("consultation.correction"), t.style(Role::Warn)))
        }
        Edit::Pack => {
            let kind = crate::report::pack::PackKind::parse(form.get("form.format"))?;
            let path = kind.default_path(c.quarter);
            Some(line(&l.f("consultation.pack_where", &[&path.display()]), t.style(Role::Muted)))
        }
        _ => None,
    }
}
