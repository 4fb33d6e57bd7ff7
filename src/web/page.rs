//! The page, on top of every other module of `src/web`: [`start`] installs the one state
//! ([`Page`], in [`state`]) with [`render`], the one render step, and wires every feature's
//! controls. Every event becomes a [`PageMsg`] sent to [`state::send`]; `render` maps what
//! [`Page::update`] changed to DOM and canvas work: the notebook's cells here, the explorer's
//! views in `explore_view`.

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use super::cells::{self, set_status};
use super::dom::{self, by_id, checked, find, set_attr, set_text};
use super::state::{self, with_lab};
use super::{course, embed, explore_view, fullscreen, saved, slices, theme};
use crate::app::cell::Cell;
use crate::app::notebook::{opening_cells, Changes, Msg};
use crate::app::page::{Changes as PageChanges, Msg as PageMsg, Page};

/// Starts the page: reads the URL, wires the controls, runs every cell before the practice,
/// and marks `lab-ready` once every shown figure is painted.
///
/// The opening cells run one per task, top first ([`slices`]), so the page scrolls and
/// answers clicks while the later ones draw; `lab-ready` is marked after the last.
#[wasm_bindgen]
pub fn start() {
    // With `lab-ready`, splits a load into fetching and compiling, and drawing.
    mark("lab-start");
    // The lab runs: the static note for sandboxed frames where it cannot is not needed.
    if let Some(note) = by_id("sandbox-note") {
        note.remove();
    }
    let (config, ran) = embed::read_config();
    theme::apply(config.theme);
    let opening = with_restored(opening_cells(&config), &ran);
    let page = match config.host {
        Some(_) => Page::new(config).with_tracker(embed::page_address()),
        None => Page::new(config),
    };
    state::install(page, render);
    course::post_waiting();
    // The first cells' outputs are shown in the page's markup, so their space is kept from
    // the first paint (nothing moves when they draw); a cell that does not open hides its own.
    for cell in Cell::run_cells() {
        if !opening.contains(&cell) {
            cells::set_outputs_shown(cell, false);
        }
    }
    // First screen first: the first cell's figures, then the controls, then the other
    // cells; each a short task of its own (see `slices`).
    let mut cells = opening.into_iter();
    let mut queue: Vec<slices::Slice> = Vec::new();
    if let Some(first) = cells.next() {
        queue.push(Box::new(move || run_cell(first)));
    }
    queue.push(Box::new(wire_buttons));
    queue.push(Box::new(wire_editors));
    for cell in cells {
        queue.push(Box::new(move || run_cell(cell)));
    }
    queue.push(Box::new(ready));
    slices::queue(queue);
}

/// The cells a URL opens, and after them those the saved work had run, in the notebook's
/// order.
fn with_restored(opening: Vec<Cell>, ran: &[Cell]) -> Vec<Cell> {
    Cell::ALL
        .into_iter()
        .filter(|c| opening.contains(c) || (ran.contains(c) && c.runs()))
        .collect()
}

/// Marks the page ready: every opening cell ran and drew.
fn ready() {
    saved::arm();
    mark("lab-ready");
    if let Some(root) = dom::document().document_element() {
        set_attr(&root, "data-lab-ready", "1");
    }
    embed::watch_height();
}

fn mark(name: &str) {
    if let Some(performance) = dom::window().performance() {
        checked("performance.mark", performance.mark(name));
    }
}

fn cell_element(cell: Cell) -> Option<Element> {
    by_id(&cell.element_id())
}

/// Runs a cell, first running any earlier cell whose result it needs (and saying so).
fn run_cell(cell: Cell) {
    send(Msg::Run(cell));
}

/// Sends a notebook message to the one dispatch.
fn send(msg: Msg) {
    state::send(PageMsg::Notebook(msg));
}

/// The one render step: draws what one message changed, then saves the work and tells the
/// host course what happened.
fn render(msg: PageMsg, changes: PageChanges) {
    match (msg, changes) {
        (_, PageChanges::Notebook(changes)) => {
            notebook_changed(changes);
            saved::schedule();
        }
        (PageMsg::Explore(msg), PageChanges::Explore(changes)) => {
            explore_view::changed(msg, changes)
        }
        (PageMsg::Theme(name), PageChanges::Theme) => {
            theme::apply(name);
            cells::redraw_all();
            saved::schedule();
        }
        _ => {}
    }
    course::post_waiting();
}

/// Does what the notebook's update says: compute and draw cells, report each success back,
/// show the status lines, or clear everything.
fn notebook_changed(changes: Changes) {
    if changes.cleared {
        clear_all();
    }
    for &cell in &changes.execute {
        execute(cell);
    }
    for (cell, message) in &changes.status {
        set_status(*cell, message);
    }
}

fn execute(cell: Cell) {
    let Some(element) = cell_element(cell) else {
        return;
    };
    set_status(cell, "");
    match cells::run(cell) {
        Ok(()) => {
            let counted = match state::update(PageMsg::Notebook(Msg::Ran(cell))) {
                PageChanges::Notebook(changes) => changes,
                _ => Changes::default(),
            };
            show_count(&element, counted);
        }
        Err(message) => {
            // A cell that never ran shows no empty outputs (the markup shows the first
            // cells' outputs from the start); one that ran keeps its last results.
            if with_lab(|lab| !lab.notebook.done().contains(&cell)).unwrap_or(false) {
                cells::set_outputs_shown(cell, false);
            }
            set_status(cell, &message);
        }
    }
}

fn show_count(element: &Element, changes: Changes) {
    if let (Some(counter), Some((_, n))) = (find(element, ".counter"), changes.counted) {
        set_text(&counter, &format!("[{n}]"));
    }
    dom::toggle_class(element, "done", true);
}

/// Clears every output, counter and status line, and forgets every result (Restart).
fn clear_all() {
    cells::stop_animation();
    for cell in Cell::run_cells() {
        cells::set_outputs_shown(cell, false);
        let Some(element) = cell_element(cell) else {
            continue;
        };
        if let Some(counter) = find(&element, ".counter") {
            set_text(&counter, "[ ]");
        }
        dom::toggle_class(&element, "done", false);
        set_status(cell, "");
    }
    embed::post_height();
}

/// The run buttons, the bar's buttons and keys, and the save menus.
fn wire_buttons() {
    for cell in Cell::run_cells() {
        let Some(button) = cell_element(cell).and_then(|c| find(&c, "button.run")) else {
            continue;
        };
        set_attr(&button, "aria-label", &format!("Run cell {}", cell.title()));
        dom::listen(&button, "click", move |_: web_sys::Event| run_cell(cell));
    }
    let on_click = |id: &str, f: fn()| {
        if let Some(button) = by_id(id) {
            dom::listen(&button, "click", move |_: web_sys::Event| f());
        }
    };
    on_click("run-all", || {
        send(Msg::RunAll {
            practice_typed: cells::practice_has_input(),
        })
    });
    on_click("restart", || send(Msg::Restart));
    on_click("share", embed::share);
    super::embed_panel::wire();
    super::export_page::wire();
    super::save_menu::attach_all(cells::render_cell);
    dom::listen(&dom::document(), "keydown", on_key);
    super::a11y::watch_bar_height();
    theme::wire(cells::redraw_all);
    fullscreen::wire(cells::redraw_all);
}

/// The practice, formula, race and data editors, and the resize watcher.
fn wire_editors() {
    cells::wire_practice();
    super::formula_editor::wire();
    super::race_form::wire();
    cells::watch_resize();
    super::own_data::wire();
}

/// Shift+Enter runs the cell holding the focus and moves the focus to the next run cell.
fn on_key(event: KeyboardEvent) {
    if event.key() != "Enter" || !event.shift_key() {
        return;
    }
    let Some(active) = dom::document().active_element() else {
        return;
    };
    let Ok(Some(element)) = active.closest(".cell.run") else {
        return;
    };
    event.prevent_default();
    let name = element.get_attribute("data-cell").unwrap_or_default();
    if let Some(cell) = Cell::from_name(&name) {
        run_cell(cell);
    }
    let mut next = element.next_element_sibling();
    while let Some(candidate) = next {
        if candidate.class_list().contains("run") && !candidate.class_list().contains("hidden-cell")
        {
            if let Some(el) = candidate.dyn_ref::<HtmlElement>() {
                checked("focus", el.focus());
            }
            return;
        }
        next = candidate.next_element_sibling();
    }
}
