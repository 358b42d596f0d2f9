//! Modals drawn over the screen: help (built from the keymap), forms (with the
//! plan's missing parts and the escalation's document number), pickers, confirmations.

use crate::app::mouse::{Choice, Means};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::consult::Edit;
use crate::app::keymap::{Action, DialogHint, name_of};
use crate::app::{AppState, Confirm, Form, FormKind, Modal, Picker, Value};
use crate::text::{sanitise, width};
use crate::widget::theme::{Role, Theme};
use crate::widget::{cell, centred, line};
use crate::workflow::{Id, plan};

/// Draws the modal over `area`.
pub fn draw(f: &mut Frame, area: Rect, s: &AppState, m: &Modal, t: &Theme) {
    let inside = |w: u16| usize::from(w.min(area.width)).saturating_sub(2).max(1);
    let mut cursor = None;
    let mut choices: Vec<LineChoice> = Vec::new();
    let (title, lines, w) = match m {
        Modal::Help { scroll } => (s.lang.t("tui.help"), help(s, *scroll, t, inside(HELP_WIDTH)), HELP_WIDTH),
        Modal::Form(form) => {
            let (lines, at) = form_lines(s, form, t, inside(FORM_WIDTH));
            cursor = at;
            (s.lang.t(&form_title(form)), lines, FORM_WIDTH)
        }
        Modal::Picker(p) => {
            let (text, col) = input_row(&p.query, inside(56).saturating_sub(2));
            cursor = Some((0, 2 + col));
            let start = picker_start(p);
            let shown = p.matches().len().saturating_sub(start).min(PICKER_ROWS);
            choices.extend((0..shown).map(|k| (1 + k, 0, inside(56), Means::Pick(start + k))));
            (p.title.as_str(), picker_lines(s, p, text, t), 56)
        }
        Modal::Confirm(c) => {
            let (lines, yes_no) = confirm_lines(s, c, t, inside(56));
            choices.extend(yes_no);
            (s.lang.t("tui.confirm"), lines, 56)
        }
    };
    let room = inside(w);
    let h =
        (lines.iter().map(|x| x.width().div_ceil(room).max(1)).sum::<usize>() + 2).min(usize::from(u16::MAX)) as u16;
    let rect = centred(area, w, h);
    if rect.width < 3 || rect.height < 3 {
        return;
    }
    let block = crate::widget::panel(title, Role::Title, t);
    crate::widget::clear(f.buffer_mut(), rect);
    let row_of = |line_no: usize| -> usize {
        usize::from(rect.y)
            + 1
            + lines[..line_no.min(lines.len())].iter().map(|x| x.width().div_ceil(room).max(1)).sum::<usize>()
    };
    let inside_rect = |y: usize| y + 1 < usize::from(rect.bottom());
    s.choices.borrow_mut().extend(choices.into_iter().filter(|c| inside_rect(row_of(c.0))).map(
        |(line_no, from, to, means)| {
            let x = |col: usize| (usize::from(rect.x) + 1 + col).min(usize::from(rect.right()) - 1) as u16;
            Choice { row: row_of(line_no) as u16, from: x(from), to: x(to), means }
        },
    ));
    // the terminal's cursor where typing goes, below the rows (wrapped) before it
    if let Some((line_no, col)) = cursor {
        let above: usize = lines[..line_no].iter().map(|x| x.width().div_ceil(room).max(1)).sum();
        let (x, y) = (usize::from(rect.x) + 1 + col, usize::from(rect.y) + 1 + above);
        if x < usize::from(rect.right()) - 1 && y < usize::from(rect.bottom()) - 1 {
            f.set_cursor_position((x as u16, y as u16));
        }
    }
    f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), rect);
}

/// A dialog's choice on its lines: (line, first cell, one past the last, what a click means).
type LineChoice = (usize, usize, usize, Means);

/// How wide a form's dialog is.
const FORM_WIDTH: u16 = 64;

/// The catalogue key of a form's title: the name of its key.
fn form_title(form: &Form) -> String {
    let key = match &form.kind {
        FormKind::Workflow(id) => return format!("key.{}", id.spec().name),
        FormKind::Filter(_) => "key.filter",
        FormKind::SaveView => "key.save_view",
        FormKind::Setting(_) => "key.setting_edit",
        FormKind::EnterpriseFilter => "key.filter",
        FormKind::Enterprise if form.targets.is_empty() => "key.enterprise_add",
        FormKind::Enterprise => "key.enterprise_edit",
        FormKind::Register(_) => "key.register",
        FormKind::Inspection(_) => "key.inspection_add",
        FormKind::Tipoff(step) => step.title(),
        FormKind::Consult(c) => match c.edit {
            Edit::TopicAdd => "key.topic_add",
            Edit::Decide(_) => "key.decide",
            Edit::ActionAdd(_) => "key.action_add",
            Edit::ActionDone { .. } => "key.action_done",
            Edit::Meeting => "key.meeting",
            Edit::Pack => "key.pack",
        },
    };
    key.to_string()
}

/// How wide the help dialog is, and the column its descriptions start at.
const HELP_WIDTH: u16 = 60;
const HELP_KEY: usize = 8;

/// The keys from `scroll` on, each description wrapped under itself, in `room` cells.
fn help(s: &AppState, scroll: usize, t: &Theme, room: usize) -> Vec<Line<'static>> {
    let rows = s.keymap.all();
    let visible = usize::from(s.size.1.saturating_sub(4)).max(1);
    let start = scroll.min(rows.len().saturating_sub(visible));
    let text_room = room.saturating_sub(HELP_KEY).max(8);
    let mut lines = Vec::new();
    for (a, k) in rows.iter().skip(start) {
        let description = sanitise(s.lang.t(&format!("help.{}", name_of(*a))));
        for (i, part) in crate::text::wrap(&description, text_room).into_iter().enumerate() {
            let key = if i == 0 { k.label() } else { String::new() };
            lines.push(Line::from(vec![cell(&key, HELP_KEY, t.style(Role::Key)), Span::raw(part)]));
        }
        if lines.len() >= visible {
            break;
        }
    }
    lines.truncate(visible);
    lines
}

/// A form's rows in `room` cells, and where the cursor goes: (row, cell).
fn form_lines(s: &AppState, form: &Form, t: &Theme, room: usize) -> (Vec<Line<'static>>, Option<(usize, usize)>) {
    let l = s.lang;
    let label_w = form.fields.iter().map(|x| width(l.t(x.label))).max().unwrap_or(0);
    let head = match &form.kind {
        FormKind::Consult(c) => crate::app::consult::draw::form_head(s, c),
        FormKind::Register(d) => crate::app::register::header(s, d),
        _ => targets_text(form),
    };
    // one row, so that the cursor's row below it is known
    let mut lines = vec![line(&crate::text::fit(&head, room), t.style(Role::Muted))];
    let mut cursor = None;
    let value_room = room.saturating_sub(label_w + 2).max(4);
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let style = if focused { t.style(Role::Selected) } else { Style::default() };
        let rows = match &field.value {
            Value::Text(v) => {
                let (rows, (row, col)) =
                    crate::ui::field::rows(v, if focused { field.cursor } else { 0 }, field.lines, value_room);
                if focused {
                    cursor = Some((lines.len() + row, label_w + 2 + col));
                }
                rows
            }
            Value::Choice { options, index } => {
                vec![format!("< {} >", sanitise(options.get(*index).map_or("", |o| o.1.as_str())))]
            }
        };
        for (n, row) in rows.into_iter().enumerate() {
            let label = if n == 0 { l.t(field.label) } else { "" };
            lines.push(Line::from(vec![
                cell(label, label_w, t.style(Role::Label)),
                Span::raw("  "),
                Span::styled(row, style),
            ]));
        }
    }
    if form.kind == FormKind::Workflow(Id::Plan) {
        let missing: Vec<&str> = plan::missing(&form.fields).iter().map(|p| l.word("plan", p)).collect();
        let (text, role) = if missing.is_empty() {
            (l.t("tui.plan_complete").to_string(), Role::Ok)
        } else {
            (l.f("err.plan_incomplete", &[&missing.join(l.t("list.sep"))]), Role::Warn)
        };
        lines.push(line(&text, t.style(role)));
    }
    if let (Some((lv, no)), FormKind::Workflow(id)) = (&s.doc_no, &form.kind)
        && form.targets.len() == 1
        && id.preview(&form.fields) == Some(*lv)
    {
        lines.push(line(&l.f("tui.doc_no", &[no]), t.style(Role::Escalated)));
    }
    if let FormKind::Consult(c) = &form.kind {
        lines.extend(crate::app::consult::draw::form_note(s, c, form, t));
    }
    if let Some(e) = &form.error {
        lines.push(line(e, t.style(Role::Error)));
    }
    let note = form.fields.get(form.focus).is_some_and(|f| f.lines);
    let save = if note { DialogHint::Text("tui.note_keys") } else { DialogHint::Key(Action::Save) };
    let mut keys = vec![save, DialogHint::Key(Action::NextField), DialogHint::Text("tui.choose_keys")];
    if matches!(form.kind, FormKind::Filter(_)) {
        keys.push(DialogHint::Key(Action::ClearAll));
    }
    keys.push(DialogHint::Key(Action::Cancel));
    lines.push(line(&s.keymap.dialog_hint(l, &keys), t.style(Role::Muted)));
    (lines, cursor)
}

fn targets_text(form: &Form) -> String {
    let codes: Vec<&str> = form.targets.iter().map(|x| x.code.as_str()).collect();
    match codes.len() {
        0..=3 => codes.join(" "),
        n => format!("{} ... ({n})", codes[..3].join(" ")),
    }
}

/// A one-line input as it shows in `room` cells, scrolled to keep its cursor in view,
/// and the cursor's cell.
pub fn input_row(input: &crate::app::edit::LineInput, room: usize) -> (String, usize) {
    let (rows, (_, col)) = crate::ui::field::rows(&input.text, input.cursor, false, room);
    (rows.into_iter().next().unwrap_or_default(), col)
}

/// How many matches a picker shows.
const PICKER_ROWS: usize = 10;

/// The first match shown: the selected one stays in view.
fn picker_start(p: &Picker) -> usize {
    p.selected.saturating_sub(PICKER_ROWS - 1)
}

fn picker_lines(s: &AppState, p: &Picker, query: String, t: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![Span::styled("> ", t.style(Role::Key)), Span::raw(query)])];
    let matches = p.matches();
    let start = picker_start(p);
    for (i, (_, text)) in matches.iter().enumerate().skip(start).take(PICKER_ROWS) {
        let style = if i == p.selected { t.style(Role::Selected) } else { Style::default() };
        lines.push(line(text, style));
    }
    if !p.targets.is_empty() {
        lines
            .push(line(&p.targets.iter().map(|x| x.code.as_str()).collect::<Vec<_>>().join(" "), t.style(Role::Muted)));
    }
    if p.kind == crate::app::PickerKind::View {
        lines.push(line(s.lang.t("tui.view_keys"), t.style(Role::Muted)));
    }
    lines
}

/// The question wrapped to `room` cells (so that the dialog's rows are exact), and its
/// yes and no, each where a click chooses it.
fn confirm_lines(s: &AppState, c: &Confirm, t: &Theme, room: usize) -> (Vec<Line<'static>>, [LineChoice; 2]) {
    let yes = s.keymap.dialog_hint(s.lang, &[DialogHint::Key(Action::Yes)]);
    let no = s.keymap.dialog_hint(s.lang, &[DialogHint::Key(Action::No)]);
    let (wy, wn) = (crate::text::width(&yes), crate::text::width(&no));
    let mut lines: Vec<Line<'static>> =
        crate::text::wrap(&crate::text::sanitise(&c.message), room).iter().map(|l| line(l, Style::default())).collect();
    lines.push(Line::default());
    let at = lines.len();
    lines.push(line(&format!("{yes}  {no}"), t.style(Role::Key)));
    (lines, [(at, 0, wy, Means::Yes), (at, wy + 2, wy + 2 + wn, Means::No)])
}
