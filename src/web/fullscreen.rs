//! Full screen, through the Fullscreen API: the bar's button shows the whole lab, each
//! figure's button that figure alone. In a frame it works when the embed code carries
//! `allowfullscreen` (the Embed panel's lines do); where the browser refuses full screen the
//! buttons stay hidden. Leaving and entering resize the figures: they are drawn again.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::dom::{self, by_id, set_hidden, set_text};

/// The class of each figure's button (made by the save menu, beside "Save figure").
pub const FIGURE_BUTTON: &str = "fig-fullscreen";

/// Whether the browser lets this page go full screen (false in a frame without
/// `allowfullscreen`).
pub fn enabled() -> bool {
    dom::document().fullscreen_enabled()
}

/// Shows the buttons where full screen works, and wires them; `redraw` draws every figure
/// drawn so far again (at its new size).
pub fn wire(redraw: fn()) {
    if !enabled() {
        return;
    }
    let Some(body) = dom::document().body() else {
        return;
    };
    if let Some(button) = by_id("fullscreen") {
        dom::toggle_class(&button, "unavailable", false);
    }
    for button in dom::find_all(&body, &format!(".{FIGURE_BUTTON}")) {
        set_hidden(&button, false);
    }
    dom::listen(&dom::document(), "click", on_click);
    dom::listen(&dom::document(), "fullscreenchange", move |_: Event| {
        show_state();
        dom::next_frame(move |_| redraw());
    });
}

fn on_click(event: Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let document = dom::document();
    let wanted = if target.id() == "fullscreen" {
        document.document_element()
    } else if target.class_list().contains(FIGURE_BUTTON) {
        target.closest("figure").ok().flatten()
    } else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(element) = wanted {
        dom::checked("requestFullscreen", element.request_fullscreen());
    }
}

/// Each button says whether it would enter or leave full screen.
fn show_state() {
    let document = dom::document();
    let on = document.fullscreen_element();
    let Some(body) = document.body() else {
        return;
    };
    let mut buttons = dom::find_all(&body, &format!(".{FIGURE_BUTTON}"));
    buttons.extend(by_id("fullscreen"));
    for button in buttons {
        let owner = if button.id() == "fullscreen" {
            document.document_element()
        } else {
            button.closest("figure").ok().flatten()
        };
        // Every button leaves full screen, whichever entered it.
        let label = if on.is_some() {
            "Exit full screen"
        } else {
            "Full screen"
        };
        set_text(&button, label);
        let shown = on.is_none() || on == owner;
        set_hidden(&button, !shown);
    }
}
