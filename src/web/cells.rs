//! What each run cell computes and draws. A cell's run = compute its result, show its output,
//! render its figures; a resize renders again without computing.

use crate::model::number;
use web_sys::HtmlInputElement;

use super::dom::{
    self, by_id, by_id_as, find, find_all, set_attr, set_hidden, set_text, set_text_by_id,
};
use super::state::{self, with_lab};
use super::{explore_view, own_data_views, results_views, table, views};
use crate::app::cell::Cell;
use crate::app::config::TRAIN_PANELS;
use crate::app::formula_notes;
use crate::app::input;
use crate::app::notebook;
use crate::app::notes::{fmt, short};
use crate::app::page::{Msg, Page};
use crate::app::race_run;
use crate::model::limits::COST_BOUND;
use crate::model::Trajectory;

/// Computes, shows and draws one cell. An `Err` is a message for the cell's status line.
pub fn run(cell: Cell) -> Result<(), String> {
    match cell {
        Cell::Data => {
            with_lab(|lab| lab.make_scene())
                .transpose()
                .map_err(|e| e.to_string())?;
        }
        Cell::Train => {
            let run = with_lab(|lab| lab.train_with(lab.config.lr))
                .transpose()
                .map_err(|e| e.to_string())?;
            with_lab(|lab| lab.run = run);
        }
        Cell::Explore => explore_view::open(),
        Cell::Practice => compute_practice()?,
        Cell::Race => super::race_form::compute()?,
        Cell::Objective | Cell::Model | Cell::Surface | Cell::Results => {}
    }
    set_outputs_shown(cell, true);
    // The learner's work changed (a run, new data or formulas, a race): save it.
    super::saved::schedule();
    // While the page opens, drawing is a slice of its own after computing.
    super::slices::next(vec![Box::new(move || {
        render_cell(cell);
        super::embed::post_height();
    })]);
    Ok(())
}

/// Shows a message in a cell's status line, where the learner is looking.
pub fn set_status(cell: Cell, message: &str) {
    if let Some(status) = by_id(&cell.element_id()).and_then(|c| find(&c, ".status")) {
        set_text(&status, message);
    }
}

/// Shows a cell's outputs (after it ran), or hides them (as before it ran).
pub fn set_outputs_shown(cell: Cell, shown: bool) {
    let Some(element) = by_id(&cell.element_id()) else {
        return;
    };
    for output in find_all(&element, ".output") {
        set_hidden(&output, !shown);
    }
}

/// Draws a cell's figures from the results it already computed.
pub fn render_cell(cell: Cell) {
    match cell {
        Cell::Data => {
            views::data_cell();
            own_data_views::data_facts();
        }
        Cell::Model => model_output(),
        Cell::Surface => views::surface_cell(),
        Cell::Train => render_run(cell, |lab| lab.run.clone().map(|r| (lab.config.lr, r))),
        Cell::Results => results_views::results_cell(),
        Cell::Explore => explore_view::redraw_all(),
        Cell::Practice => {
            render_run(cell, |lab| lab.practice.clone());
            results_views::compare_cell();
        }
        Cell::Race => super::race_views::draw(),
        Cell::Objective => {}
    }
}

fn model_output() {
    let text = with_lab(|lab| {
        let scene = lab.scene.as_ref()?;
        let c = lab.train_config();
        let step = scene.problem.step(c.w0, c.b0, c.lr).ok()?;
        let curvature = formula_notes::curvature_text(&scene.problem, (c.w0, c.b0), c.lr);
        let text = format!(
            "At the start (w, b) = ({}, {}):\n  L = {}\n  ∂L/∂w = {},  ∂L/∂b = {}\n  after one step with lr {}: (w, b) = ({}, {})",
            short(c.w0), short(c.b0), fmt(step.cost), fmt(step.grad_w), fmt(step.grad_b), short(c.lr), fmt(step.w), fmt(step.b)
        );
        Some(if curvature.is_empty() {
            text
        } else {
            format!("{text}\n{curvature}")
        })
    });
    set_text_by_id("model-output", &text.flatten().unwrap_or_default());
}

/// Draws a run's data/parameter pairs, table and verdict in `cell`.
fn render_run(cell: Cell, pick: impl FnOnce(&mut Page) -> Option<(f64, Trajectory)>) {
    let Some(Some((lr, run))) = with_lab(pick) else {
        return;
    };
    let prefix = cell.name();
    let panels: Vec<usize> = TRAIN_PANELS
        .into_iter()
        .filter(|&i| i < run.len())
        .collect();
    ensure_panels(prefix, &panels);
    // While the page opens, each figure of a pair is a slice of its own (see `slices::next`).
    let run = std::rc::Rc::new(run);
    let halves = panels.iter().flat_map(|&i| {
        let (data_run, params_run) = (run.clone(), run.clone());
        [
            Box::new(move || views::pair_data(prefix, &data_run, i)) as super::slices::Slice,
            Box::new(move || views::pair_params(prefix, &params_run, i)),
        ]
    });
    super::slices::next(halves.collect());
    if cell == Cell::Train {
        table::fill("train-table", &run);
        set_text_by_id("train-final", &final_line(&run));
        own_data_views::train_extras(&run);
    }
    let note = with_lab(|lab| {
        let scene = lab.scene.as_ref()?;
        let (problem, batch_note) = lab.lab_problem(scene);
        let full = problem.batching.batch_size.is_none();
        let (class, mut text) = match scene.analysis {
            Some(a) => race_run::lab_run_note(&a, &problem.optimizer, full, lr),
            // Another cost: what the run found, and the curvature at its last record.
            None => formula_notes::general_note(&problem, &run, lr, run.len().saturating_sub(1)),
        };
        if let Some(note) = batch_note {
            text = format!("{note} {text}");
        }
        Some((class, text))
    })
    .flatten();
    if let (Some((class, text)), Some(el)) = (note, by_id(&format!("{prefix}-verdict"))) {
        el.set_class_name(&format!("verdict {class}"));
        dom::set_text(&el, &text);
    }
}

fn final_line(run: &Trajectory) -> String {
    let last = run.len().saturating_sub(1);
    match run.diverged_at {
        Some(k) => format!(
            "The run stopped after {k} records: the cost passed {}, far off every chart.",
            number::sci(COST_BOUND)
        ),
        None => format!(
            "After the last update ({last}): w = {}, b = {}, cost = {}",
            fmt(run.w[last]),
            fmt(run.b[last]),
            fmt(run.cost[last])
        ),
    }
}

/// Creates the data/parameter canvas pairs once, one pair per shown iteration.
fn ensure_panels(prefix: &str, iterations: &[usize]) {
    let Some(container) = by_id(&format!("{prefix}-panels")) else {
        return;
    };
    // A redraw (resize, re-run) keeps the canvases when the same iterations are shown.
    let wanted: Vec<String> = iterations
        .iter()
        .map(|i| format!("fig-{prefix}-{i}-data"))
        .collect();
    let present: Vec<String> = dom::find_all(&container, "canvas[id$='-data']")
        .iter()
        .map(|c| c.id())
        .collect();
    if present == wanted {
        return;
    }
    container.set_text_content(None);
    let figure_wanted = with_lab(|lab| lab.config.figure.clone()).flatten();
    for &i in iterations {
        let pair = dom::create("div", "pair");
        for side in ["data", "params"] {
            let name = format!("{prefix}-{i}-{side}");
            let figure = dom::create("figure", "fig");
            dom::toggle_class(
                &figure,
                "the-figure",
                figure_wanted.as_deref() == Some(name.as_str()),
            );
            let canvas = dom::create("canvas", "");
            canvas.set_id(&format!("fig-{name}"));
            set_attr(&canvas, "data-figure", &name);
            dom::append(&figure, &canvas);
            super::save_menu::attach(&figure, &name);
            dom::append(&pair, &figure);
        }
        dom::append(&container, &pair);
    }
}

/// Reads and checks the practice's learning rate, then trains with it.
fn compute_practice() -> Result<(), String> {
    let lr = practice_lr().map_err(|message| {
        field_message(&message);
        "Check the learning rate above.".to_string()
    })?;
    field_message("");
    let run = with_lab(|lab| lab.train_with(lr))
        .transpose()
        .map_err(|e| e.to_string())?;
    with_lab(|lab| lab.practice = run.map(|r| (lr, r)));
    Ok(())
}

fn practice_lr() -> Result<f64, String> {
    let input =
        by_id_as::<HtmlInputElement>("practice-lr").ok_or("the page has no learning rate field")?;
    input::practice_lr(&input.value()).map_err(|e| e.message)
}

fn field_message(message: &str) {
    set_text_by_id("practice-lr-msg", message);
    if let Some(input) = by_id("practice-lr") {
        let invalid = if message.is_empty() { "false" } else { "true" };
        set_attr(&input, "aria-invalid", invalid);
    }
}

/// Whether the learner typed something in the practice's field.
pub fn practice_has_input() -> bool {
    by_id_as::<HtmlInputElement>("practice-lr").is_some_and(|i| !i.value().trim().is_empty())
}

/// Enter in the practice's field runs the practice.
pub fn wire_practice() {
    let Some(input) = by_id("practice-lr") else {
        return;
    };
    dom::listen(&input, "keydown", |event: web_sys::KeyboardEvent| {
        if event.key() == "Enter" && !event.shift_key() {
            event.prevent_default();
            state::send(Msg::Notebook(notebook::Msg::Run(Cell::Practice)));
        }
    });
}

/// Stops the explorer's animation (on Restart).
pub fn stop_animation() {
    explore_view::stop();
}

/// Redraws every finished cell when the page's width changes, at the next frame.
pub fn watch_resize() {
    let window = dom::window();
    let last_width = std::cell::Cell::new(page_width());
    dom::listen(&window, "resize", move |_: web_sys::Event| {
        // Figures are sized by width alone. A height change (an iframe sized to its content
        // by the host) must not redraw them: the redraw would itself resize the page.
        let width = page_width();
        if width == last_width.replace(width) {
            return;
        }
        dom::next_frame(|_| redraw_all())
    });
}

/// Draws every cell that ran again (a new width, theme or full screen).
pub fn redraw_all() {
    let done = with_lab(|lab| lab.notebook.done().to_vec()).unwrap_or_default();
    for cell in done {
        render_cell(cell);
    }
}

fn page_width() -> f64 {
    dom::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(0.0)
}
