//! The save menu under every figure: a disclosure button "Save figure" opening one button
//! per format (PNG, SVG, and the CSVs of the numbers behind the figure).
//!
//! Adding a figure's menu is one line: [`attach`] with its `<figure>` and name (the static
//! figures in index.html get theirs from [`attach_all`]). One click and one keydown listener
//! on the document serve every menu.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlCanvasElement, HtmlElement, KeyboardEvent};

use super::dom::{self, by_id, by_id_as, set_attr, set_text};
use super::{download, numbers};
use crate::app::cell::Cell;
use crate::app::export::{numbers_of, Numbers};

/// Gives every figure of the page's markup its save menu, and wires the menus' events;
/// `redraw` draws a cell's figures again (an SVG save draws its figure once more).
pub fn attach_all(redraw: fn(Cell)) {
    let Some(body) = dom::document().body() else {
        return;
    };
    for canvas in dom::find_all(&body, "figure.fig > canvas[data-figure]") {
        if let (Some(figure), Some(name)) =
            (canvas.parent_element(), canvas.get_attribute("data-figure"))
        {
            attach(&figure, &name);
        }
    }
    dom::listen(&dom::document(), "click", move |e: Event| {
        on_click(e, redraw)
    });
    dom::listen(&dom::document(), "keydown", on_key);
}

/// Adds the save menu of figure `name` (canvas `fig-<name>`) to `figure`, once.
pub fn attach(figure: &Element, name: &str) {
    if dom::find(figure, ".save").is_some() {
        return;
    }
    let menu_id = format!("save-menu-{name}");
    let wrap = dom::create("div", "save");
    let toggle = dom::create("button", "save-toggle");
    set_attr(&toggle, "type", "button");
    set_attr(&toggle, "aria-expanded", "false");
    set_attr(&toggle, "aria-controls", &menu_id);
    set_attr(&toggle, "data-figure", name);
    set_text(&toggle, "Save figure");
    let menu = dom::create("div", "save-menu");
    menu.set_id(&menu_id);
    set_attr(&menu, "role", "group");
    set_attr(&menu, "aria-label", "Save as");
    dom::set_hidden(&menu, true);
    let formats = [("png", "PNG image"), ("svg", "SVG image")];
    let csvs = numbers_of(name).iter().map(|n| (n.key(), n.label()));
    for (format, label) in formats.into_iter().chain(csvs) {
        let item = dom::create("button", "save-item");
        set_attr(&item, "type", "button");
        set_attr(&item, "data-format", format);
        set_text(&item, label);
        dom::append(&menu, &item);
    }
    let full = dom::create("button", super::fullscreen::FIGURE_BUTTON);
    set_attr(&full, "type", "button");
    set_attr(&full, "title", "Show this figure on the whole screen");
    set_text(&full, "Full screen");
    dom::set_hidden(&full, !super::fullscreen::enabled());
    dom::append(&wrap, &full);
    dom::append(&wrap, &toggle);
    dom::append(&wrap, &menu);
    dom::append(figure, &wrap);
}

fn closest(event: &Event, selector: &str) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest(selector).ok().flatten()
}

fn on_click(event: Event, redraw: fn(Cell)) {
    if let Some(toggle) = closest(&event, ".save-toggle") {
        let open = toggle.get_attribute("aria-expanded").as_deref() == Some("true");
        close_all();
        if !open {
            set_open(&toggle, true);
            if let Some(first) = menu_of(&toggle).and_then(|m| dom::find(&m, "button")) {
                focus(&first);
            }
        }
        return;
    }
    if let Some(item) = closest(&event, ".save-item") {
        let toggle = item
            .closest(".save")
            .ok()
            .flatten()
            .and_then(|w| dom::find(&w, ".save-toggle"));
        if let Some(toggle) = toggle {
            let name = toggle.get_attribute("data-figure").unwrap_or_default();
            let format = item.get_attribute("data-format").unwrap_or_default();
            set_open(&toggle, false);
            focus(&toggle);
            save(&name, &format, redraw);
        }
        return;
    }
    close_all();
}

/// Escape closes the open menu and returns the focus to its button.
fn on_key(event: KeyboardEvent) {
    if event.key() != "Escape" {
        return;
    }
    let open = dom::document()
        .query_selector(".save-toggle[aria-expanded='true']")
        .ok()
        .flatten();
    if let Some(toggle) = open {
        set_open(&toggle, false);
        focus(&toggle);
    }
}

fn menu_of(toggle: &Element) -> Option<Element> {
    by_id(&toggle.get_attribute("aria-controls")?)
}

fn set_open(toggle: &Element, open: bool) {
    set_attr(toggle, "aria-expanded", if open { "true" } else { "false" });
    if let Some(menu) = menu_of(toggle) {
        dom::set_hidden(&menu, !open);
    }
}

fn close_all() {
    let Some(body) = dom::document().body() else {
        return;
    };
    for toggle in dom::find_all(&body, ".save-toggle[aria-expanded='true']") {
        set_open(&toggle, false);
    }
}

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        dom::checked("focus", element.focus());
    }
}

/// Saves figure `name` as `format`: `png`, `svg`, or a [`Numbers`] key.
fn save(name: &str, format: &str, redraw: fn(Cell)) {
    match format {
        "png" => {
            if let Some(canvas) = by_id_as::<HtmlCanvasElement>(&format!("fig-{name}")) {
                download::png(&numbers::file_for(name, name, "png"), &canvas);
            }
        }
        "svg" => match super::render::svg_of(name, || redraw_figure(name, redraw)) {
            Some(svg) => {
                download::text(&numbers::file_for(name, name, "svg"), "image/svg+xml", &svg)
            }
            None => download::say("Run the figure's cell first, then save it."),
        },
        key => match Numbers::from_key(key) {
            Some(numbers) => numbers::save_csv(name, numbers),
            None => download::say("This format is not offered here."),
        },
    }
}

/// Draws figure `name` again from the lab's state: its cell renders its figures.
fn redraw_figure(name: &str, redraw: fn(Cell)) {
    let cell = by_id(&format!("fig-{name}"))
        .and_then(|c| c.closest("[data-cell]").ok().flatten())
        .and_then(|s| s.get_attribute("data-cell"))
        .and_then(|n| Cell::from_name(&n));
    if let Some(cell) = cell {
        redraw(cell);
    }
}
