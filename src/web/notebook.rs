//! The notebook: starting the page, running cells in order, Run all, Restart, Shift+Enter.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use super::dom::{self, by_id, find, find_all, set_hidden, set_text, toggle_class};
use super::lab::{self, install, with_lab, Lab, DEPENDENCIES};
use super::{cells, embed};

/// Starts the page: reads the URL, wires the controls, runs every cell before the practice,
/// and marks `lab-ready` once every shown figure is painted.
#[wasm_bindgen]
pub fn start() {
    // With `lab-ready`, splits a load into fetching and compiling, and drawing.
    if let Some(performance) = dom::window().performance() {
        let _ = performance.mark("lab-start");
    }
    let config = embed::read_config();
    let opening = embed::opening_cells(&config);
    install(Lab::new(config));
    wire_controls();
    for cell in opening {
        run_cell(cell);
    }
    if let Some(performance) = dom::window().performance() {
        let _ = performance.mark("lab-ready");
    }
    if let Some(root) = dom::document().document_element() {
        let _ = root.set_attribute("data-lab-ready", "1");
    }
    embed::watch_height();
}

fn cell_element(name: &str) -> Option<Element> {
    by_id(&format!("cell-{name}"))
}

/// Runs a cell, first running any earlier cell whose result it needs (and saying so).
pub fn run_cell(name: &str) {
    let missing = missing_dependencies(name);
    for dep in &missing {
        execute(dep);
    }
    execute(name);
    // Cells hidden by the URL's `cells` run silently: the reader cannot see them anyway.
    let shown: Vec<&str> = missing.into_iter().filter(|d| is_shown(d)).collect();
    if !shown.is_empty() {
        let names: Vec<String> = shown
            .iter()
            .map(|d| format!("“{}”", lab::title(d)))
            .collect();
        let note = format!(
            "Ran {} first: this cell uses its result.",
            names.join(" and ")
        );
        set_status(name, &note);
    }
}

fn is_shown(name: &str) -> bool {
    cell_element(name).is_some_and(|c| !c.class_list().contains("hidden-cell"))
}

/// The cells `name` needs that have not run since the last restart, earliest first.
fn missing_dependencies(name: &str) -> Vec<&'static str> {
    let mut order = Vec::new();
    collect_missing(name, &mut order);
    order
}

fn collect_missing(name: &str, order: &mut Vec<&'static str>) {
    let deps = DEPENDENCIES
        .iter()
        .find(|(cell, _)| *cell == name)
        .map_or(&[][..], |(_, deps)| *deps);
    for dep in deps {
        if with_lab(|lab| lab.done.contains(dep)) == Some(false) && !order.contains(dep) {
            collect_missing(dep, order);
            order.push(dep);
        }
    }
}

fn execute(name: &str) {
    let Some(element) = cell_element(name) else {
        return;
    };
    set_status(name, "");
    match cells::run(name) {
        Ok(()) => {
            let count = with_lab(|lab| {
                lab.counter += 1;
                if let Some(cell) = DEPENDENCIES.iter().map(|(c, _)| *c).find(|c| *c == name) {
                    if !lab.done.contains(&cell) {
                        lab.done.push(cell);
                    }
                }
                lab.counter
            });
            if let (Some(counter), Some(n)) = (find(&element, ".counter"), count) {
                set_text(&counter, &format!("[{n}]"));
            }
            toggle_class(&element, "done", true);
        }
        Err(message) => set_status(name, &message),
    }
}

/// Shows a message in a cell's status line, where the learner is looking.
pub fn set_status(name: &str, message: &str) {
    if let Some(status) = cell_element(name).and_then(|c| find(&c, ".status")) {
        set_text(&status, message);
    }
}

/// Runs every cell in order; the practice runs only if a learning rate was typed.
fn run_all() {
    for (cell, _) in DEPENDENCIES {
        if cell == "practice" && !cells::practice_has_input() {
            set_status(
                cell,
                "Type a learning rate and press Run to train again (0.2 is the exercise).",
            );
            continue;
        }
        execute(cell);
    }
}

/// Clears every output and counter, and forgets every result.
fn restart() {
    with_lab(Lab::clear);
    cells::stop_animation();
    for (cell, _) in DEPENDENCIES {
        let Some(element) = cell_element(cell) else {
            continue;
        };
        for output in find_all(&element, ".output") {
            set_hidden(&output, true);
        }
        if let Some(counter) = find(&element, ".counter") {
            set_text(&counter, "[ ]");
        }
        toggle_class(&element, "done", false);
        set_status(cell, "");
    }
    embed::post_height();
}

fn wire_controls() {
    for (cell, _) in DEPENDENCIES {
        let Some(button) = cell_element(cell).and_then(|c| find(&c, "button.run")) else {
            continue;
        };
        let _ = button.set_attribute("aria-label", &format!("Run cell {}", lab::title(cell)));
        dom::listen(&button, "click", move |_: web_sys::Event| run_cell(cell));
    }
    let on_click = |id: &str, f: fn()| {
        if let Some(button) = by_id(id) {
            dom::listen(&button, "click", move |_: web_sys::Event| f());
        }
    };
    on_click("run-all", run_all);
    on_click("restart", restart);
    on_click("share", embed::share);
    dom::listen(&dom::document(), "keydown", on_key);
    cells::wire_practice();
    cells::watch_resize();
}

/// Shift+Enter runs the cell holding the focus and moves the focus to the next run cell.
fn on_key(event: KeyboardEvent) {
    if event.key() != "Enter" || !event.shift_key() {
        return;
    }
    let Some(active) = dom::document().active_element() else {
        return;
    };
    let Ok(Some(cell)) = active.closest(".cell.run") else {
        return;
    };
    event.prevent_default();
    let name = cell.get_attribute("data-cell").unwrap_or_default();
    if let Some((known, _)) = DEPENDENCIES.iter().find(|(c, _)| *c == name) {
        run_cell(known);
    }
    let mut next = cell.next_element_sibling();
    while let Some(candidate) = next {
        if candidate.class_list().contains("run") && !candidate.class_list().contains("hidden-cell")
        {
            if let Some(el) = candidate.dyn_ref::<HtmlElement>() {
                let _ = el.focus();
            }
            return;
        }
        next = candidate.next_element_sibling();
    }
}
