//! The page's theme: `light`, `dark` or `projector`, on the page (`data-theme` on `<html>`,
//! which style.css reads) and on the figures (the `figures::Theme` every canvas is drawn in,
//! kept in `state`). `auto`, the default, follows the browser's `prefers-color-scheme`, and
//! follows it when it changes. The choice is `LabConfig::theme`: set by `theme=`, by the
//! picker in the bar (a [`Msg::Theme`]), and kept with the saved work.

use web_sys::{Event, HtmlSelectElement};

use super::dom::{self, by_id_as, set_attr};
use super::state::{self, with_lab};
use crate::app::config::THEMES;
use crate::app::page::Msg;
use crate::figures::Theme;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// The theme drawn: `auto` resolved by the browser's colour scheme.
fn resolved(name: &'static str) -> &'static str {
    if name != "auto" {
        return name;
    }
    let dark = dom::window()
        .match_media(DARK_QUERY)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if dark {
        "dark"
    } else {
        "light"
    }
}

/// Applies theme `name` (one of [`THEMES`]) to the page, the picker and the figures drawn
/// from now on; the figures' cached base layers are dropped, being of the old colours.
pub fn apply(name: &'static str) {
    let shown = resolved(name);
    if let Some(root) = dom::document().document_element() {
        set_attr(&root, "data-theme", shown);
    }
    if let Some(picker) = by_id_as::<HtmlSelectElement>("theme") {
        picker.set_value(name);
    }
    state::with(|s| {
        s.figure_theme.set(Theme::named(shown));
        s.figures.borrow_mut().bases.clear();
    });
}

/// The picker sends a [`Msg::Theme`]; a change of the browser's scheme redraws an `auto` page
/// (`redraw` draws every figure drawn so far again).
pub fn wire(redraw: fn()) {
    if let Some(picker) = by_id_as::<HtmlSelectElement>("theme") {
        let target = picker.clone();
        dom::listen(&picker, "change", move |_: Event| {
            let value = target.value();
            if let Some(&name) = THEMES.iter().find(|t| **t == value) {
                state::send(Msg::Theme(name));
            }
        });
    }
    if let Ok(Some(query)) = dom::window().match_media(DARK_QUERY) {
        dom::listen(&query, "change", move |_: Event| {
            let Some(name) = with_lab(|page| page.config.theme) else {
                return;
            };
            if name == "auto" {
                apply(name);
                redraw();
            }
        });
    }
}
