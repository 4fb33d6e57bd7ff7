//! The model cell's two editable lines: Apply (or Enter in a line) checks them through
//! `app::formula_edit`, shows a refusal under its line, or keeps them and runs again every
//! cell that ran; Reset returns the defaults. A refused edit leaves the lab as it was.

use web_sys::{HtmlInputElement, KeyboardEvent};

use super::cells;
use super::dom::{self, by_id, by_id_as, set_attr, set_hidden, set_text_by_id};
use super::state::with_lab;
use crate::app::cell::Cell;
use crate::app::formula_edit::{self, LineError};
use crate::model::formula::Line;
use crate::model::Problem;

const LINES: [Line; 2] = [Line::Model, Line::Cost];

fn field_id(line: Line) -> String {
    format!("formula-{}", line.name())
}

fn field(line: Line) -> Option<HtmlInputElement> {
    by_id_as::<HtmlInputElement>(&field_id(line))
}

/// Fills the lines from the configuration and wires Apply, Reset and Enter.
pub fn wire() {
    let (model, cost) =
        with_lab(|lab| (lab.config.model.clone(), lab.config.cost.clone())).unwrap_or_default();
    for (line, text) in [(Line::Model, model), (Line::Cost, cost)] {
        let Some(input) = field(line) else { continue };
        let text = text.unwrap_or_else(|| formula_edit::default_text(line).to_string());
        input.set_value(&text);
        dom::listen(&input, "keydown", |event: KeyboardEvent| {
            if event.key() == "Enter" && !event.shift_key() {
                event.prevent_default();
                apply();
            }
        });
    }
    if let Some(button) = by_id("formula-apply") {
        dom::listen(&button, "click", |_: web_sys::Event| apply());
    }
    if let Some(button) = by_id("formula-reset") {
        dom::listen(&button, "click", |_: web_sys::Event| reset());
    }
    sync_prose();
}

fn reset() {
    for line in LINES {
        if let Some(input) = field(line) {
            input.set_value(formula_edit::default_text(line));
        }
    }
    apply();
}

/// Checks both lines; keeps them and runs the finished cells again, or shows the refusal.
fn apply() {
    let text = |line| field(line).map(|i| i.value()).unwrap_or_default();
    let (model_text, cost_text) = (text(Line::Model), text(Line::Cost));
    let checked = formula_edit::check_both(&model_text, &cost_text);
    let (model, cost) = match checked {
        Ok(lines) => lines,
        Err(e) => {
            let typed = if e.line == Line::Model {
                &model_text
            } else {
                &cost_text
            };
            show_error(&e, typed);
            set_text_by_id("formula-status", "");
            return;
        }
    };
    if let Err(message) = dry_run(model.as_deref(), cost.as_deref()) {
        show_message(Line::Cost, &message, "");
        set_text_by_id("formula-status", "");
        return;
    }
    clear_errors();
    let before = with_lab(|lab| {
        let old = (lab.config.model.clone(), lab.config.cost.clone());
        lab.config.model = model;
        lab.config.cost = cost;
        old
    });
    if let Err(message) = rerun_done() {
        // The engine refused the new cost (too much work): back to the last good formulas.
        if let Some((model, cost)) = before {
            with_lab(|lab| {
                lab.config.model = model;
                lab.config.cost = cost;
            });
        }
        show_message(Line::Cost, &format!("cost: {message}"), "");
        set_text_by_id("formula-status", "");
        return;
    }
    sync_prose();
    set_text_by_id(
        "formula-status",
        "Applied: every cell that ran has run again with these formulas.",
    );
}

/// Trains the lab's run on the new formulas before keeping them: a cost that cannot start a
/// run (infinite or past the bound at the start) is refused here, so every cell keeps the
/// last good formulas rather than some cells showing the new cost and others the old.
fn dry_run(model: Option<&str>, cost: Option<&str>) -> Result<(), String> {
    let formulas = formula_edit::formulas(model, cost);
    let checked = with_lab(|lab| {
        let Some(scene) = &lab.scene else {
            return Ok(());
        };
        let problem = Problem::new(scene.problem.samples.clone(), formulas)?;
        problem.train(&lab.train_config()).map(|_| ())
    });
    checked
        .unwrap_or(Ok(()))
        .map_err(|e| format!("cost: this cost cannot start a run: {}", e.message))
}

/// Runs again, in page order, every cell that ran: the data cell first, whose scene holds the
/// cost. A refusal of the data cell changes nothing and is returned.
fn rerun_done() -> Result<(), String> {
    let done = with_lab(|lab| lab.notebook.done().to_vec()).unwrap_or_default();
    if !done.contains(&Cell::Data) {
        return Ok(());
    }
    cells::run(Cell::Data)?;
    for cell in Cell::run_cells().filter(|c| *c != Cell::Data && done.contains(c)) {
        let message = cells::run(cell).err().unwrap_or_default();
        cells::set_status(cell, &message);
    }
    Ok(())
}

fn show_error(e: &LineError, typed: &str) {
    for line in LINES {
        if line != e.line {
            show_message(line, "", "");
        }
    }
    let echo = formula_edit::echo(e.line, typed, &e.error);
    show_message(e.line, &e.message(), &echo);
}

fn clear_errors() {
    for line in LINES {
        show_message(line, "", "");
    }
}

/// Sets a line's message and caret block (both empty to clear) and its `aria-invalid`.
fn show_message(line: Line, message: &str, echo: &str) {
    let id = field_id(line);
    set_text_by_id(&format!("{id}-msg"), message);
    if let Some(caret) = by_id(&format!("{id}-caret")) {
        dom::set_text(&caret, echo);
        set_hidden(&caret, echo.is_empty());
    }
    if let Some(input) = by_id(&id) {
        let invalid = if message.is_empty() { "false" } else { "true" };
        set_attr(&input, "aria-invalid", invalid);
    }
}

/// Shows the prose that holds for the current cost: `.mse-only` for the mean squared error of
/// a line, `.formula-only` for any other formula.
fn sync_prose() {
    let custom = with_lab(|lab| lab.config.formulas().is_some()).unwrap_or(false);
    let Some(body) = dom::document().body() else {
        return;
    };
    for element in dom::find_all(&body, ".mse-only") {
        set_hidden(&element, custom);
    }
    for element in dom::find_all(&body, ".formula-only") {
        set_hidden(&element, !custom);
    }
}
