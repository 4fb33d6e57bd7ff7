//! Downloads: text or a canvas's PNG as a Blob, an object URL, a click on an `<a download>`,
//! the URL revoked after, and the saved file's name said in a polite live region.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

use super::dom::{self, checked};

/// The live region that says what was saved (`#save-status` in index.html).
const STATUS: &str = "save-status";

/// Offers `content` as the file `name` of type `mime`.
pub fn text(name: &str, mime: &str, content: &str) {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(content));
    if let Some(blob) = checked(
        "new Blob",
        Blob::new_with_str_sequence_and_options(&parts, &options),
    ) {
        blob_file(name, &blob);
    }
}

/// Offers the canvas's pixels, at its device resolution, as the PNG file `name`.
pub fn png(name: &str, canvas: &HtmlCanvasElement) {
    let name = name.to_string();
    let done = Closure::once_into_js(move |blob: Option<Blob>| match blob {
        Some(blob) => blob_file(&name, &blob),
        None => say(&format!("Could not save {name}: the figure is empty.")),
    });
    checked("toBlob", canvas.to_blob(done.unchecked_ref()));
}

/// Offers `blob` as the file `name`, then frees its URL.
fn blob_file(name: &str, blob: &Blob) {
    let Some(url) = checked("createObjectURL", Url::create_object_url_with_blob(blob)) else {
        return;
    };
    let Ok(link) = dom::create("a", "").dyn_into::<HtmlAnchorElement>() else {
        return;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has taken the Blob by the time the next task runs.
    let revoke = Closure::once_into_js(move || {
        checked("revokeObjectURL", Url::revoke_object_url(&url));
    });
    checked(
        "setTimeout",
        dom::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000),
    );
    say(&format!("Saved {name}"));
}

/// Says `message` in the live region (cleared first, so the same words are said again).
pub fn say(message: &str) {
    dom::set_text_by_id(STATUS, "");
    let message = message.to_string();
    dom::next_frame(move |_| dom::set_text_by_id(STATUS, &message));
}
