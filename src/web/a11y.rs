//! Page-wide accessibility wiring: the sticky bar's height for `scroll-padding-top`, and a
//! polite live region that speaks once after the learner stops (never every frame).

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::dom::{self, by_id, by_id_as};

/// Quiet time after the last change before the live region speaks, in milliseconds.
pub const SETTLE_MS: i32 = 600;

thread_local! {
    /// The pending announcement's timer, cleared when a newer one replaces it.
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
}

/// Sets `--bar-height` (read by `scroll-padding-top` in style.css) from the top bar's height
/// now and whenever the page's size changes: a focused element is never scrolled under it.
pub fn watch_bar_height() {
    sync_bar_height();
    dom::listen(&dom::window(), "resize", |_: web_sys::Event| {
        sync_bar_height()
    });
}

fn sync_bar_height() {
    let (Some(bar), Some(root)) = (
        by_id_as::<HtmlElement>("topbar"),
        dom::document().document_element(),
    ) else {
        return;
    };
    let Some(root) = root.dyn_ref::<HtmlElement>() else {
        return;
    };
    // Hidden (compact or figure-only layouts) the bar has no height: nothing to clear.
    let height = bar.offset_height();
    dom::checked(
        "setProperty --bar-height",
        root.style()
            .set_property("--bar-height", &format!("{height}px")),
    );
}

/// Puts `text` in the live region `id` once nothing newer came for [`SETTLE_MS`]: a drag, a
/// held key or a slider moved frame by frame is spoken once, at its end.
pub fn announce_later(id: &'static str, text: String) {
    let window = dom::window();
    if let Some(old) = TIMER.with(|t| t.take()) {
        window.clear_timeout_with_handle(old);
    }
    let speak = Closure::once_into_js(move || {
        TIMER.with(|t| t.set(None));
        if let Some(region) = by_id(id) {
            if region.text_content().as_deref() != Some(text.as_str()) {
                dom::set_text(&region, &text);
            }
        }
    });
    let handle = dom::checked(
        "setTimeout",
        window.set_timeout_with_callback_and_timeout_and_arguments_0(
            speak.unchecked_ref(),
            SETTLE_MS,
        ),
    );
    TIMER.with(|t| t.set(handle));
}
