//! Page-wide accessibility wiring: the sticky bar's height for `scroll-padding-top`, and a
//! polite live region that speaks once after the learner stops (never every frame).

use crate::model::number;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver, ResizeObserverEntry, ResizeObserverSize};

use super::dom::{self, by_id};
use super::state;

/// Quiet time after the last change before the live region speaks, in milliseconds.
pub const SETTLE_MS: i32 = 600;

/// Sets `--bar-height` (read by `scroll-padding-top` in style.css) from the top bar's height
/// whenever it changes: a focused element is never scrolled under it. A `ResizeObserver`
/// reports the height the browser's own layout found, so reading it forces no layout while
/// the page opens (a read of `offsetHeight` there cost a whole synchronous layout).
pub fn watch_bar_height() {
    let Some(bar) = by_id("topbar") else {
        return;
    };
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        let height = entries
            .get(0)
            .dyn_into::<ResizeObserverEntry>()
            .ok()
            .and_then(|entry| {
                entry
                    .border_box_size()
                    .get(0)
                    .dyn_into::<ResizeObserverSize>()
                    .ok()
            })
            .map_or(0.0, |size| size.block_size());
        set_bar_height(height);
    });
    if let Some(observer) = dom::checked(
        "ResizeObserver",
        ResizeObserver::new(callback.as_ref().unchecked_ref()),
    ) {
        observer.observe(&bar);
    }
    callback.forget();
}

/// Sets `--bar-height` to `height` CSS pixels, rounded up; 0 when the bar is hidden (compact
/// or figure-only layouts): nothing to clear.
fn set_bar_height(height: f64) {
    let Some(root) = dom::document()
        .document_element()
        .and_then(|r| r.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    dom::checked(
        "setProperty --bar-height",
        root.style().set_property(
            "--bar-height",
            &format!("{}px", number::shortest(height.ceil())),
        ),
    );
}

/// Puts `text` in the live region `id` once nothing newer came for [`SETTLE_MS`]: a drag, a
/// held key or a slider moved frame by frame is spoken once, at its end.
pub fn announce_later(id: &'static str, text: String) {
    dom::cancel_timer(state::with(|s| s.announce_timer.take()));
    let handle = dom::after(SETTLE_MS, move || {
        state::with(|s| s.announce_timer.set(None));
        if let Some(region) = by_id(id) {
            if region.text_content().as_deref() != Some(text.as_str()) {
                dom::set_text(&region, &text);
            }
        }
    });
    state::with(|s| s.announce_timer.set(handle));
}
