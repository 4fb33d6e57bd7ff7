//! The learner's work kept in this browser: one `localStorage` record per lab page and embed
//! configuration (the record, its key and which of link and record wins are `app::saved`'s
//! rules). Read when the lab opens, written once changes settle, erased by Start over.
//! Storage that is blocked or full is a line of text, never an error.

use web_sys::Storage;

use super::dom::{self, by_id, set_hidden, set_text_by_id};
use super::state::{self, with_lab};
use crate::app::saved::{self, Restored, LINE_BLOCKED, LINE_FULL};

/// How long the page waits after the last change before it writes (so a burst of edits is
/// one write, and never more than two a second).
const SETTLE_MS: i32 = 500;

/// The lab's storage; `None` where the browser blocks it (a sandboxed frame, some private
/// modes, a setting).
fn storage() -> Option<Storage> {
    dom::window().local_storage().ok().flatten()
}

/// What the lab opens with, from the URL's `pairs` and this page's saved record; shows the
/// line that says which it used, and remembers where to save (unless `save=off`).
pub fn open(pairs: &[(String, String)]) -> Restored {
    let location = dom::window().location();
    let key = saved::storage_key(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    );
    let storage = storage();
    let record = storage
        .as_ref()
        .and_then(|s| s.get_item(&key).ok().flatten());
    let mut restored = saved::restore(pairs, record.as_deref());
    if restored.config.save {
        match storage {
            Some(_) => state::with(|s| *s.saved_key.borrow_mut() = Some(key)),
            None => restored.line = LINE_BLOCKED.into(),
        }
    }
    show_line(&restored.line);
    restored
}

/// Starts saving: from now on a change is written. Called once the opening cells ran, so a
/// link's state does not replace the saved work until the learner changes something.
pub fn arm() {
    state::with(|s| s.save_armed.set(true));
    if let Some(button) = by_id("start-over") {
        dom::listen(&button, "click", |_: web_sys::Event| start_over());
    }
    // A reload or a closed tab within the wait: the pending save is written now.
    dom::listen(&dom::window(), "pagehide", |_: web_sys::Event| {
        if cancel_pending() {
            write();
        }
    });
}

/// Writes the learner's work once changes settle (each call restarts the wait).
pub fn schedule() {
    let armed = state::with(|s| s.save_armed.get() && s.saved_key.borrow().is_some());
    if !armed {
        return;
    }
    cancel_pending();
    let handle = dom::after(SETTLE_MS, || {
        state::with(|s| s.save_timer.set(None));
        write();
    });
    state::with(|s| s.save_timer.set(handle));
}

/// Cancels the write waiting, if any; whether there was one.
fn cancel_pending() -> bool {
    dom::cancel_timer(state::with(|s| s.save_timer.take()))
}

/// Writes the record now; a refusal (storage full) says so in the line.
fn write() {
    let Some(key) = state::with(|s| s.saved_key.borrow().clone()) else {
        return;
    };
    let Some(json) = with_lab(|page| page.saved().to_json()) else {
        return;
    };
    let written = storage().is_some_and(|s| s.set_item(&key, &json).is_ok());
    if !written {
        show_line(LINE_FULL);
    }
}

/// Start over: erases the saved record and opens the default lab with the link's embedding
/// (the cells, figure, host and theme it was embedded with), dropping the link's state.
fn start_over() {
    cancel_pending();
    state::with(|s| s.save_armed.set(false));
    if let (Some(key), Some(storage)) = (state::with(|s| s.saved_key.borrow().clone()), storage()) {
        dom::checked("localStorage.removeItem", storage.remove_item(&key));
    }
    let Some(embed) = with_lab(|page| page.config.embed_query()) else {
        return;
    };
    let location = dom::window().location();
    let path = location.pathname().unwrap_or_default();
    let url = if embed.is_empty() {
        path
    } else {
        format!("{path}?{embed}")
    };
    dom::checked("location.replace", location.replace(&url));
}

/// Shows `line` above the notebook with Start over beside it (empty: hides both).
fn show_line(line: &str) {
    set_text_by_id("saved-text", line);
    if let Some(box_) = by_id("saved-line") {
        set_hidden(&box_, line.is_empty());
    }
}
