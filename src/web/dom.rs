//! Small helpers over web-sys: find elements, set text, show and hide, listen.
//!
//! Text always goes in through `textContent`, never as HTML, so nothing a user or a URL gives
//! can become markup.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Node, Window};

/// The window; the lab only runs in a page.
pub fn window() -> Window {
    web_sys::window().expect("the lab runs in a browser window")
}

/// The document.
pub fn document() -> Document {
    window().document().expect("a window has a document")
}

/// The element with this id, if the page has it.
pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The element with this id as a specific element type.
pub fn by_id_as<T: JsCast>(id: &str) -> Option<T> {
    by_id(id).and_then(|e| e.dyn_into::<T>().ok())
}

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching `selector`.
pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Sets an element's text (as text, never markup).
pub fn set_text(element: &Element, text: &str) {
    element.set_text_content(Some(text));
}

/// Sets the text of the element with this id, if there is one.
pub fn set_text_by_id(id: &str, text: &str) {
    if let Some(e) = by_id(id) {
        set_text(&e, text);
    }
}

/// Shows or hides an element with the `hidden` attribute (no inline style).
pub fn set_hidden(element: &Element, hidden: bool) {
    if let Some(e) = element.dyn_ref::<HtmlElement>() {
        e.set_hidden(hidden);
    }
}

/// Adds or removes a class.
pub fn toggle_class(element: &Element, class: &str, on: bool) {
    checked(
        "classList.toggle",
        element.class_list().toggle_with_force(class, on),
    );
}

/// Creates an element with a class.
pub fn create(tag: &str, class: &str) -> Element {
    let Ok(element) = document().create_element(tag) else {
        panic!("{tag} is not a valid tag name");
    };
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element
}

/// Calls `handler` on every `event` on `target`, for the page's lifetime. Always inlined: a
/// copy of it per handler is a copy of one call.
#[inline(always)]
pub fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    handler: impl FnMut(E) + 'static,
) {
    add_listener(target, event, Closure::new(handler));
}

/// [`listen`]'s work, compiled once per event type rather than once per handler.
fn add_listener<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &web_sys::EventTarget,
    event: &str,
    closure: Closure<dyn FnMut(E)>,
) {
    checked(
        "addEventListener",
        target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref()),
    );
    // The page keeps its listeners until it closes.
    closure.forget();
}

/// Runs `f` at the next animation frame.
pub fn next_frame(f: impl FnOnce(f64) + 'static) {
    let closure = Closure::once_into_js(f);
    checked(
        "requestAnimationFrame",
        window().request_animation_frame(closure.unchecked_ref()),
    );
}

/// Runs `f` once after `ms` milliseconds; the timer's handle, for [`cancel_timer`].
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let closure = Closure::once_into_js(f);
    checked(
        "setTimeout",
        window().set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms),
    )
}

/// Cancels the timer `handle` from [`after`], if any; whether there was one.
pub fn cancel_timer(handle: Option<i32>) -> bool {
    if let Some(handle) = handle {
        window().clear_timeout_with_handle(handle);
    }
    handle.is_some()
}

/// Writes a line to the console as a warning (used only for unexpected drawing failures).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

thread_local! {
    /// The DOM calls whose failure the console already shows.
    static REPORTED: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The value of a DOM call that worked. A failure is reported in the console once per kind of
/// call (`what`), so a broken page says what broke without flooding the console.
pub fn checked<T>(what: &'static str, result: Result<T, JsValue>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            let first = REPORTED.with(|reported| {
                let mut reported = reported.borrow_mut();
                let first = !reported.contains(&what);
                if first {
                    reported.push(what);
                }
                first
            });
            if first {
                warn(&format!("{what} failed: {}", thrown(&error)));
            }
            None
        }
    }
}

/// What a failed DOM call threw, in words: an `Error`'s name and message, or a thrown string.
/// (Not `{:?}`: a `JsValue`'s debug text needs a page of glue code.)
fn thrown(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => e.to_string().into(),
        None => error
            .as_string()
            .unwrap_or_else(|| "a value that is not an Error".into()),
    }
}

/// Sets an attribute.
pub fn set_attr(element: &Element, name: &str, value: &str) {
    checked("setAttribute", element.set_attribute(name, value));
}

/// Appends `child` to `parent`.
pub fn append(parent: &Node, child: &Node) {
    checked("appendChild", parent.append_child(child));
}
