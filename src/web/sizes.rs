//! Canvas sizes read in one layout.
//!
//! Sizing a canvas (`canvas.width = …`) dirties the page's layout, so reading the next
//! canvas's box after it forces a new synchronous layout: one per canvas. Inside [`batch`],
//! the first read measures every figure canvas on the page at once and later reads answer
//! from that measurement, so a batch of drawings costs one layout. Outside a batch (events,
//! resizes) every read asks the page, as sizes may have changed.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement};

use super::state::{self, Sizes};

/// Runs `f` with canvas sizes measured once (see the module's note). Nothing `f` does may
/// change a shown figure canvas's CSS box after its first read; creating canvases and
/// showing hidden ones is fine (a canvas not measured yet, or measured with no size,
/// triggers one more measurement of all of them).
pub fn batch<T>(f: impl FnOnce() -> T) -> T {
    let outer = state::with(|s| s.sizes.borrow_mut().replace(Vec::new()));
    let result = f();
    state::with(|s| *s.sizes.borrow_mut() = outer);
    result
}

/// The CSS width and height of `canvas`'s box.
pub fn css_size(canvas: &HtmlCanvasElement) -> (f64, f64) {
    let id = canvas.id();
    let known = state::with(|s| {
        let mut m = s.sizes.borrow_mut();
        let sizes = m.as_mut()?;
        let find = |sizes: &Sizes| sizes.iter().find(|(k, _)| *k == id).map(|(_, s)| *s);
        // Not measured yet, or measured while hidden (a cell shows its outputs after its
        // first drawing call): measure again.
        if find(sizes).is_none_or(|(w, h)| w < 1.0 || h < 1.0) {
            measure_all(sizes);
        }
        find(sizes)
    });
    known.unwrap_or_else(|| box_size(canvas))
}

/// Every figure canvas's box, read one after another with no write between them.
fn measure_all(into: &mut Sizes) {
    let Ok(list) = super::dom::document().query_selector_all("canvas[id^='fig-']") else {
        return;
    };
    into.clear();
    for i in 0..list.length() {
        if let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let rect = element.get_bounding_client_rect();
            into.push((element.id(), (rect.width(), rect.height())));
        }
    }
}

fn box_size(canvas: &HtmlCanvasElement) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    (rect.width(), rect.height())
}
