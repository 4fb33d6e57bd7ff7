//! The host course: when the URL names one (`host=`, an origin) and the lab sits in a frame,
//! the xAPI statements the page's tracker made (`app::xapi`) are posted to the parent frame,
//! to that origin only; the browser drops a message whose target origin is not the parent's.
//! With no host named nothing is posted.

use web_sys::Window;

use super::dom;
use super::state::with_lab;
use crate::app::xapi::envelope_json;

/// The host's origin and the parent frame, if the lab should post to one: a host named and
/// a parent frame.
fn host_frame() -> Option<(String, Window)> {
    let window = dom::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    Some((with_lab(|page| page.config.host.clone()).flatten()?, parent))
}

/// Posts every statement waiting, in order, each as `{type: "gd-lab:xapi", statement}`.
pub fn post_waiting() {
    let statements = with_lab(|page| page.take_statements()).unwrap_or_default();
    if statements.is_empty() {
        return;
    }
    let Some((host, parent)) = host_frame() else {
        return;
    };
    for statement in &statements {
        // The envelope is the lab's own JSON: it parses.
        let Some(message) =
            dom::checked("JSON.parse", js_sys::JSON::parse(&envelope_json(statement)))
        else {
            continue;
        };
        dom::checked("postMessage", parent.post_message(&message, &host));
    }
}
