//! The Embed panel beside Share: the author chooses the cells, compact mode and a figure,
//! and sees the `<iframe>` line and the one-line `embed.js` form update, each with a Copy
//! button. The lines come from `app::export::embed_snippet`.

use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::dom::{self, by_id, by_id_as, set_attr, set_hidden, set_text};
use super::embed::{page_address, share_url};
use crate::app::cell::Cell;
use crate::app::config::figure_names;
use crate::app::export::{embed_snippet, EmbedRequest};

const STATUS: &str = "embed-status";

/// Fills the panel's choices and wires the toolbar button, the choices and the Copy buttons.
pub fn wire() {
    let (Some(button), Some(panel)) = (by_id("embed"), by_id("embed-box")) else {
        return;
    };
    fill_choices();
    dom::listen(&button.clone(), "click", move |_: web_sys::Event| {
        let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
        set_attr(
            &button,
            "aria-expanded",
            if open { "true" } else { "false" },
        );
        set_hidden(&panel, !open);
        if open {
            update();
        }
    });
    if let Some(panel) = by_id("embed-box") {
        dom::listen(&panel, "change", |_: web_sys::Event| update());
        // The host's origin is typed: the lines follow each keystroke.
        dom::listen(&panel, "input", |_: web_sys::Event| update());
    }
    for (button, area) in [
        ("embed-copy-iframe", "embed-iframe"),
        ("embed-copy-oneline", "embed-oneline"),
    ] {
        if let Some(b) = by_id(button) {
            dom::listen(&b, "click", move |_: web_sys::Event| copy(area));
        }
    }
}

/// One checkbox per cell (all checked: all cells), and every figure in the select.
fn fill_choices() {
    if let Some(cells) = by_id("embed-cells") {
        for cell in Cell::ALL {
            let id = format!("embed-cell-{}", cell.name());
            let field = dom::create("div", "check");
            let input = dom::create("input", "");
            set_attr(&input, "type", "checkbox");
            set_attr(&input, "checked", "");
            set_attr(&input, "value", cell.name());
            input.set_id(&id);
            let label = dom::create("label", "");
            set_attr(&label, "for", &id);
            set_text(&label, cell.title());
            dom::append(&field, &input);
            dom::append(&field, &label);
            dom::append(&cells, &field);
        }
    }
    if let Some(select) = by_id("embed-figure") {
        for name in figure_names() {
            let option = dom::create("option", "");
            set_attr(&option, "value", &name);
            set_text(&option, &name);
            dom::append(&select, &option);
        }
    }
}

/// What the author chose now.
fn request() -> EmbedRequest {
    let checks: Vec<HtmlInputElement> = by_id("embed-cells")
        .map(|c| dom::find_all(&c, "input[type=checkbox]"))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|e| e.dyn_into().ok())
        .collect();
    let chosen: Vec<String> = checks
        .iter()
        .filter(|c| c.checked())
        .map(|c| c.value())
        .collect();
    let cells = if chosen.len() == checks.len() {
        Vec::new()
    } else {
        chosen
    };
    let url = share_url().unwrap_or_default();
    let state_query = url
        .split_once('?')
        .map(|(_, q)| q.to_string())
        .unwrap_or_default();
    let figure = by_id_as::<HtmlSelectElement>("embed-figure")
        .map(|s| s.value())
        .filter(|v| !v.is_empty());
    EmbedRequest {
        lab_url: page_address(),
        state_query,
        cells,
        compact: by_id_as::<HtmlInputElement>("embed-compact").is_some_and(|c| c.checked()),
        figure,
        host: by_id_as::<HtmlInputElement>("embed-host").map_or(String::new(), |i| i.value()),
        save: by_id_as::<HtmlInputElement>("embed-save").is_none_or(|c| c.checked()),
        theme: by_id_as::<HtmlSelectElement>("embed-theme").map_or("auto".into(), |s| s.value()),
    }
}

/// Writes the lines for the choices now, or says why there are none.
fn update() {
    let (iframe, one_line, message) = match embed_snippet(&request()) {
        Ok(s) => (s.iframe, s.one_line, String::new()),
        Err(e) => (String::new(), String::new(), e.to_string()),
    };
    for (id, text) in [("embed-iframe", iframe), ("embed-oneline", one_line)] {
        if let Some(area) = by_id_as::<HtmlTextAreaElement>(id) {
            area.set_value(&text);
        }
    }
    dom::set_text_by_id(STATUS, &message);
}

/// Copies the text of `area`; where the page may not write to the clipboard, the text is
/// selected ready to copy and the status says so.
fn copy(area: &'static str) {
    let Some(field) = by_id_as::<HtmlTextAreaElement>(area) else {
        return;
    };
    field.select();
    let text = field.value();
    let status = |text: &'static str| move |_: JsValue| dom::set_text_by_id(STATUS, text);
    let promise = dom::window().navigator().clipboard().write_text(&text);
    let ok = Closure::<dyn FnMut(JsValue)>::new(status("Copied to the clipboard."));
    let err = Closure::<dyn FnMut(JsValue)>::new(status(
        "The text is selected: copy it with Ctrl+C (or ⌘+C); this page may not write to the clipboard.",
    ));
    drop(promise.then2(&ok, &err));
    // One pair per click: small, and the promise may settle late.
    ok.forget();
    err.forget();
}
