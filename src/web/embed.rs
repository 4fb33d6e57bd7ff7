//! Embedding: the URL's parameters, Share links, and the content height posted to a host page.

use crate::model::number;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, ResizeObserver};

use super::dom::{self, by_id, by_id_as, checked, set_hidden, set_text, toggle_class};
use super::state::{self, with_lab};
use crate::app::cell::Cell;
use crate::app::config::LabConfig;
use crate::app::input;
use crate::app::notebook::Notebook;
use crate::app::notes::short;

/// Reads the URL's query and the saved work (see `web::saved`), shows a notice for each
/// value ignored, and applies the layout choices (`cells`, `figure`, `compact`). Returns the
/// configuration and the cells the saved work had run.
pub fn read_config() -> (LabConfig, Vec<Cell>) {
    let restored = super::saved::open(&query_pairs());
    show_notices(&restored.notices);
    apply_layout(&restored.config);
    fill_values(&restored.config);
    (restored.config, restored.ran)
}

/// Writes the configured numbers into the prose (`<span class="v-lr">` and friends), so the
/// text always says what the cells run.
fn fill_values(config: &LabConfig) {
    let values = [
        ("v-seed", config.seed.to_string()),
        ("v-noise", short(config.noise)),
        ("v-lr", short(config.lr)),
        ("v-iterations", config.iterations.to_string()),
        ("v-w0", short(config.w0)),
        ("v-b0", short(config.b0)),
    ];
    let Some(body) = dom::document().body() else {
        return;
    };
    for (class, text) in values {
        for element in dom::find_all(&body, &format!(".{class}")) {
            set_text(&element, &text);
        }
    }
}

fn query_pairs() -> Vec<(String, String)> {
    let search = dom::window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    let Ok(entries) = js_sys::try_iter(&params) else {
        return Vec::new();
    };
    entries
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .take(100)
        .collect()
}

fn show_notices(notices: &[String]) {
    let Some(box_) = by_id("notices") else { return };
    if notices.is_empty() {
        return;
    }
    let list = dom::create("ul", "");
    for notice in notices {
        let item = dom::create("li", "");
        set_text(&item, notice);
        dom::append(&list, &item);
    }
    dom::append(&box_, &list);
    set_hidden(&box_, false);
}

fn apply_layout(config: &LabConfig) {
    let Some(body) = dom::document().body() else {
        return;
    };
    toggle_class(&body, "compact", config.compact);
    let notebook = Notebook::for_config(config);
    for cell in Cell::ALL {
        if let Some(element) = by_id(&cell.element_id()) {
            toggle_class(&element, "hidden-cell", !notebook.is_shown(cell));
        }
    }
    if let Some(figure) = &config.figure {
        toggle_class(&body, "figure-only", true);
        if let Some(element) = by_id(&Cell::of_figure(figure).element_id()) {
            toggle_class(&element, "holds-figure", true);
        }
        // Figures in the page's markup; the training panels mark theirs when they are made.
        if let Some(holder) = by_id(&format!("fig-{figure}")).and_then(|c| c.parent_element()) {
            toggle_class(&holder, "the-figure", true);
        }
    }
    let prefill = input::practice_prefill(config.practice_lr, config.figure.as_deref());
    if let (Some(lr), Some(field)) = (prefill, by_id_as::<HtmlInputElement>("practice-lr")) {
        field.set_value(&number::shortest(lr));
    }
}

/// The lab's address with the query of its state now: what Share shows.
pub fn share_url() -> Option<String> {
    let query = with_lab(|lab| lab.current_config().to_query())?;
    let base = page_address();
    Some(if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    })
}

/// The page's origin and path, without query or fragment.
pub fn page_address() -> String {
    let location = dom::window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Shows a link to the lab as it is now, and copies it where the browser allows.
pub fn share() {
    let Some(url) = share_url() else { return };
    let (Some(box_), Some(input)) = (
        by_id("share-box"),
        by_id_as::<HtmlInputElement>("share-url"),
    ) else {
        return;
    };
    input.set_value(&url);
    set_hidden(&box_, false);
    super::own_data_views::share_data_note();
    input.select();
    copy_to_clipboard(&url);
}

fn copy_to_clipboard(url: &str) {
    let status = |text: &'static str| move |_: JsValue| dom::set_text_by_id("share-status", text);
    let clipboard = dom::window().navigator().clipboard();
    let promise = clipboard.write_text(url);
    let ok = Closure::<dyn FnMut(JsValue)>::new(status("Copied to the clipboard."));
    let err = Closure::<dyn FnMut(JsValue)>::new(status(
        "Select the link and copy it (this page may not write to the clipboard).",
    ));
    // The promise's own result is the clipboard's: `ok` and `err` handle it.
    drop(promise.then2(&ok, &err));
    // One pair per click on Share: small, and the promise may settle late.
    ok.forget();
    err.forget();
}

/// Posts `{type: "gd-lab:height", height}` to the host page when the lab sits in an iframe.
pub fn post_height() {
    let window = dom::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(body) = dom::document().body() else {
        return;
    };
    let height = body.get_bounding_client_rect().height().ceil();
    if state::with(|s| s.posted_height.replace(height)) == height {
        return;
    }
    let message = Object::new();
    checked(
        "Reflect.set",
        Reflect::set(&message, &"type".into(), &"gd-lab:height".into()),
    );
    checked(
        "Reflect.set",
        Reflect::set(&message, &"height".into(), &height.into()),
    );
    // The height is no secret: any host may size its frame.
    checked("postMessage", parent.post_message(&message, "*"));
}

/// Posts the height now and whenever the page's content changes size.
pub fn watch_height() {
    post_height();
    let callback = Closure::<dyn FnMut()>::new(post_height);
    if let (Ok(observer), Some(body)) = (
        ResizeObserver::new(callback.as_ref().unchecked_ref()),
        dom::document().body(),
    ) {
        observer.observe(&body);
    }
    callback.forget();
}
