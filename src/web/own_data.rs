//! The data cell's own-data controls: the text box (Use this data, Ctrl+Enter), the file
//! picker, dropping a file on the cell, the teaching sets and the Standardize x switch.
//!
//! Every change builds the new scene first ([`Page::build`]); a refusal shows its message and
//! leaves the data, figures, runs and table as they were. Parsing is `app::table_text`'s.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, File, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};

use super::cells;
use super::dom::{self, by_id, by_id_as, set_attr, set_text_by_id};
use super::state::{self, with_lab};
use crate::app::cell::Cell;
use crate::app::config::LabConfig;
use crate::app::datasets::{self, DEFAULT_SET};
use crate::app::lab_data;
use crate::app::notebook;
use crate::app::page::{Msg, Page};
use crate::app::table_text::parse_table;

/// Wires the data cell's controls and shows the configured data's choices.
pub fn wire() {
    wire_set_buttons();
    if let Some(button) = by_id("data-use") {
        dom::listen(&button, "click", |_: web_sys::Event| use_box());
    }
    if let Some(area) = by_id("data-text") {
        dom::listen(&area, "keydown", |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                // Shift+Enter's cell run must not also fire.
                event.stop_propagation();
                use_box();
            }
        });
    }
    if let Some(input) = by_id_as::<HtmlInputElement>("data-file") {
        let target = input.clone();
        dom::listen(&input, "change", move |_: web_sys::Event| {
            if let Some(file) = target.files().and_then(|f| f.get(0)) {
                read_file(&file);
            }
            // The same file chosen again is a new change.
            target.set_value("");
        });
    }
    if let Some(switch) = by_id_as::<HtmlInputElement>("data-standardize") {
        let target = switch.clone();
        dom::listen(&switch, "change", move |_: web_sys::Event| {
            let on = target.checked();
            change(|c| c.standardize = on, None);
        });
    }
    if let Some(button) = by_id("share-data-csv") {
        dom::listen(&button, "click", |_: web_sys::Event| {
            super::own_data_views::download_data_csv()
        });
    }
    wire_drop();
    show_choices();
}

/// Wires the teaching sets' buttons. The page's markup lists them (so the list is there from
/// the first paint, and nothing below it moves when the lab starts); `tests/teaching_data.rs`
/// checks that list against [`datasets::TEACHING_SETS`], the sets' one home.
fn wire_set_buttons() {
    let Some(list) = by_id("dataset-list") else {
        return;
    };
    for button in dom::find_all(&list, "button[data-set]") {
        let name = button.get_attribute("data-set").unwrap_or_default();
        let Some(set) = datasets::find(&name) else {
            continue;
        };
        dom::listen(&button, "click", move |_: web_sys::Event| {
            change(
                |c| {
                    c.data = None;
                    c.dataset = (set.name != DEFAULT_SET).then_some(set.name);
                },
                Some(format!("{}: {}", set.label, set.description)),
            );
        });
    }
}

/// Marks the chosen teaching set and sets the switch from the configuration.
pub fn show_choices() {
    let Some(config) = with_lab(|lab| lab.config.clone()) else {
        return;
    };
    let chosen = match (&config.data, config.dataset) {
        (Some(_), _) => "",
        (None, Some(name)) => name,
        (None, None) => DEFAULT_SET,
    };
    if let Some(list) = by_id("dataset-list") {
        for button in dom::find_all(&list, "button[data-set]") {
            let on = button.get_attribute("data-set").as_deref() == Some(chosen);
            set_attr(&button, "aria-pressed", if on { "true" } else { "false" });
        }
    }
    if let Some(switch) = by_id_as::<HtmlInputElement>("data-standardize") {
        switch.set_checked(config.standardize);
    }
}

fn use_box() {
    if let Some(area) = by_id_as::<HtmlTextAreaElement>("data-text") {
        use_text(&area.value());
    }
}

/// Reads pasted or dropped text; on success the lab moves to its points.
fn use_text(text: &str) {
    match parse_table(text) {
        Err(e) => refuse(&e.message),
        Ok(table) => {
            let read = table.describe();
            change(
                move |c| {
                    c.data = Some(table.samples);
                    c.dataset = None;
                },
                Some(format!("Read {read}")),
            );
        }
    }
}

/// Applies a change to the configuration: builds the new scene, then installs it and runs
/// again every cell that ran. A refusal changes nothing but the message.
fn change(edit: impl FnOnce(&mut LabConfig), read: Option<String>) {
    let Some(mut config) = with_lab(|lab| lab.config.clone()) else {
        return;
    };
    edit(&mut config);
    match Page::build(&config) {
        Err(e) => {
            refuse(&e.message);
            show_choices();
        }
        Ok(built) => {
            with_lab(|lab| {
                lab.config = config;
                lab.install_scene(built);
            });
            refuse("");
            if let Some(read) = read {
                set_text_by_id("data-read", &read);
            }
            show_choices();
            rerun();
        }
    }
}

/// Runs again every cell that ran (the data cell first), or the data cell if none did.
fn rerun() {
    let done = with_lab(|lab| lab.notebook.done().to_vec()).unwrap_or_default();
    if !done.contains(&Cell::Data) {
        state::send(Msg::Notebook(notebook::Msg::Run(Cell::Data)));
        return;
    }
    for cell in done {
        if let Err(message) = cells::run(cell) {
            cells::set_status(cell, &message);
        }
    }
}

/// Shows a refusal in the box's alert (empty: clears it) and marks the box.
fn refuse(message: &str) {
    set_text_by_id("data-text-msg", message);
    if let Some(area) = by_id("data-text") {
        let invalid = if message.is_empty() { "false" } else { "true" };
        set_attr(&area, "aria-invalid", invalid);
    }
}

/// Reads a chosen or dropped file as text, into the box, then uses it.
fn read_file(file: &File) {
    if let Err(e) = lab_data::check_file_size(file.size()) {
        refuse(&e.message);
        return;
    }
    let ok = Closure::once(move |text: JsValue| {
        let text = text.as_string().unwrap_or_default();
        if let Some(area) = by_id_as::<HtmlTextAreaElement>("data-text") {
            area.set_value(&text);
        }
        use_text(&text);
    });
    let err = Closure::once(move |_: JsValue| refuse("the file could not be read as text"));
    drop(file.text().then2(&ok, &err));
    // One pair per file read; the promise settles later.
    ok.forget();
    err.forget();
}

/// Dropping a file on the data cell reads it; the cell is highlighted while a drag is over it.
fn wire_drop() {
    let Some(cell) = by_id("cell-data") else {
        return;
    };
    let highlight = |cell: &Element, on: bool| dom::toggle_class(cell, "drag-over", on);
    let target = cell.clone();
    dom::listen(&cell, "dragover", move |event: DragEvent| {
        event.prevent_default();
        highlight(&target, true);
    });
    let target = cell.clone();
    dom::listen(&cell, "dragleave", move |event: DragEvent| {
        // Leaving for a child of the cell is not leaving the cell.
        let inside = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|n| target.contains(Some(&n)));
        if !inside {
            highlight(&target, false);
        }
    });
    let target = cell.clone();
    dom::listen(&cell, "drop", move |event: DragEvent| {
        event.prevent_default();
        highlight(&target, false);
        let file = event
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        match file {
            Some(file) => read_file(&file),
            None => refuse("drop a file (a CSV or text table) on this cell"),
        }
    });
}
