//! The explorer cell in the browser: opens it, turns pointer and key events on its canvases
//! into [`Msg`]s, and redraws what the update says changed, at the next animation frame.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

use super::a11y::announce_later;
use super::dom::{self, by_id, set_text_by_id};
use super::explore_controls::{noise_controls, sync_controls, wire_controls};
use super::state::{self, with_lab};
use super::{explore_views, render};
use crate::app::explore::{Changes, Explorer, Msg};
use crate::app::explore_keys::{self, contour_key, cursor_key, surface_key};
use crate::app::page::{Msg as PageMsg, Page};

/// Builds the explorer from the lab's scene (the explore cell's run) and wires its controls
/// and canvases on the first opening.
pub fn open() {
    let built = with_lab(Page::open_explorer).unwrap_or(false);
    if built && !state::with(|s| std::mem::replace(&mut s.explore.borrow_mut().wired, true)) {
        wire_controls();
        wire_canvases();
    }
    noise_controls();
    sync_controls();
}

/// Sends an explorer message to the page's one dispatch.
fn send(msg: Msg) {
    state::send(PageMsg::Explore(msg));
}

/// The explorer's render step: what `msg` changed, drawn at the next animation frame (every
/// change of a frame merged into one redraw).
pub fn changed(msg: Msg, changes: Changes) {
    if !changes.any() {
        return;
    }
    if changes.run {
        announce_run(msg);
    }
    let first = state::with(|s| {
        let pending = &mut s.explore.borrow_mut().pending;
        let was_empty = pending.is_none();
        *pending = Some(merge(pending.unwrap_or_default(), changes));
        was_empty
    });
    if first {
        dom::next_frame(|_| flush());
    }
}

/// After a new start or rate, says once (when the learner stops) what the run now does; a new
/// start also says where it is.
fn announce_run(msg: Msg) {
    let text = with_lab(|lab| {
        let e = lab.explorer.as_ref()?;
        let verdict = explore_keys::verdict_text(e);
        Some(match msg {
            Msg::SetStart(..) => format!("{}. {verdict}", explore_keys::start_text(e)),
            _ => verdict,
        })
    });
    if let Some(text) = text.flatten() {
        announce_later("explore-live", text);
    }
}

fn merge(a: Changes, b: Changes) -> Changes {
    Changes {
        data: a.data || b.data,
        run: a.run || b.run,
        frame: a.frame || b.frame,
        view: a.view || b.view,
        runs: a.runs || b.runs,
        controls: a.controls || b.controls,
    }
}

fn flush() {
    let Some(changes) = state::with(|s| s.explore.borrow_mut().pending.take()) else {
        return;
    };
    explore_views::explore(&changes);
    sync_controls();
    let playing = with_lab(|lab| lab.explorer.as_ref().is_some_and(|e| e.playing)).unwrap_or(false);
    if playing {
        dom::next_frame(animate);
    }
}

fn animate(now: f64) {
    let last = state::with(|s| std::mem::replace(&mut s.explore.borrow_mut().last_tick, now));
    let dt = if last > 0.0 && now > last {
        now - last
    } else {
        16.0
    };
    send(Msg::Tick(dt));
    let playing = with_lab(|lab| lab.explorer.as_ref().is_some_and(|e| e.playing)).unwrap_or(false);
    let pending = state::with(|s| s.explore.borrow().pending.is_some());
    if playing && !pending {
        dom::next_frame(animate);
    }
    if !playing {
        stop();
    }
}

/// Stops playing (Restart).
pub fn stop() {
    state::with(|s| s.explore.borrow_mut().last_tick = 0.0);
}

/// Redraws every view (the cell's render, and on resize).
pub fn redraw_all() {
    explore_views::explore_all();
    sync_controls();
}

fn wire_canvases() {
    if let Some(contour) = by_id("fig-explore-contour") {
        dom::listen(&contour, "pointerdown", |e: PointerEvent| {
            pointer_start(&e);
            if let Some((w, b)) = render::pointer_to_data("explore-contour", &e) {
                send(Msg::SetStart(w, b));
            }
        });
        dom::listen(&contour, "pointermove", |e: PointerEvent| {
            let point = render::pointer_to_data("explore-contour", &e);
            if e.buttons() & 1 == 1 {
                if let Some((w, b)) = point {
                    send(Msg::SetStart(w, b));
                }
            }
            render::readout("explore-contour", point);
        });
        dom::listen(&contour, "keydown", |e: KeyboardEvent| {
            let msg = with_lab(|lab| {
                let x = lab.explorer.as_ref()?;
                let start = (x.config.w0, x.config.b0);
                contour_key(&e.key(), e.shift_key(), start, &explore_keys::window_of(x))
            });
            if let Some(msg) = msg.flatten() {
                e.prevent_default();
                send(msg);
                read_out("readout-explore-contour", explore_keys::start_text);
            }
        });
    }
    if let Some(cost) = by_id("fig-explore-cost") {
        dom::listen(&cost, "keydown", |e: KeyboardEvent| {
            if let Some(msg) = cursor_key(&e.key(), e.shift_key()) {
                e.prevent_default();
                send(msg);
                read_out("readout-explore-cost", explore_keys::cursor_text);
            }
        });
    }
    for name in ["explore-data", "explore-cost"] {
        if let Some(canvas) = by_id(&format!("fig-{name}")) {
            dom::listen(&canvas, "pointermove", move |e: PointerEvent| {
                render::readout(name, render::pointer_to_data(name, &e));
            });
        }
    }
    wire_surface();
}

fn pointer_start(e: &PointerEvent) {
    if let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
        dom::checked(
            "setPointerCapture",
            target.set_pointer_capture(e.pointer_id()),
        );
    }
}

fn wire_surface() {
    let Some(surface) = by_id("fig-explore-surface") else {
        return;
    };
    dom::listen(&surface, "pointerdown", |e: PointerEvent| {
        pointer_start(&e);
        let at = (e.client_x() as f64, e.client_y() as f64);
        state::with(|s| s.explore.borrow_mut().dragging = Some(at));
    });
    dom::listen(&surface, "pointermove", |e: PointerEvent| {
        let (x, y) = (e.client_x() as f64, e.client_y() as f64);
        let last = state::with(|s| {
            let dragging = &mut s.explore.borrow_mut().dragging;
            dragging.as_mut().map(|at| std::mem::replace(at, (x, y)))
        });
        if let Some((px, py)) = last {
            send(Msg::Rotate((x - px) * 0.01, (y - py) * 0.01));
        } else {
            explore_views::surface_readout(&e);
        }
    });
    for end in ["pointerup", "pointercancel", "pointerleave"] {
        dom::listen(&surface, end, |_: PointerEvent| {
            state::with(|s| s.explore.borrow_mut().dragging = None)
        });
    }
    dom::listen(&surface, "keydown", |e: KeyboardEvent| {
        if let Some(msg) = surface_key(&e.key(), e.shift_key()) {
            e.prevent_default();
            send(msg);
            read_out("readout-explore-surface", explore_keys::angle_text);
        }
    });
}

/// Writes what a key changed in a figure's read-out (its caption, which the canvas's
/// `aria-describedby` names) and says it once the keys stop.
fn read_out(id: &'static str, text: fn(&Explorer) -> String) {
    let Some(Some(line)) = with_lab(|lab| lab.explorer.as_ref().map(text)) else {
        return;
    };
    set_text_by_id(id, &line);
    if id != "readout-explore-contour" {
        // The contour's keys change the run: its announcement says the start and the verdict.
        announce_later("explore-live", line);
    }
}
