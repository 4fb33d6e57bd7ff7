//! The explorer cell in the browser: opens it, turns pointer and key events on its canvases
//! into [`Msg`]s, and redraws what the update says changed, at the next animation frame.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

use super::a11y::announce_later;
use super::dom::{self, by_id, set_text_by_id};
use super::explore_controls::{sync_controls, wire_controls};
use super::lab::with_lab;
use super::{explore_views, render};
use crate::app::explore::{Changes, Explorer, Msg, Scene};
use crate::app::explore_keys::{self, contour_key, cursor_key, surface_key};

thread_local! {
    static PENDING: RefCell<Option<Changes>> = const { RefCell::new(None) };
    static LAST_TICK: Cell<f64> = const { Cell::new(0.0) };
    static DRAGGING: Cell<Option<(f64, f64, bool)>> = const { Cell::new(None) };
    /// The controls and canvases listen from the explorer's first opening on.
    static WIRED: Cell<bool> = const { Cell::new(false) };
}

/// Builds the explorer from the lab's scene (the explore cell's run).
pub fn open() {
    let built = with_lab(|lab| {
        let scene: Scene = lab.scene.clone()?;
        let start = (lab.config.w0, lab.config.b0);
        let explorer = Explorer::new(
            scene,
            lab.config.data_spec(),
            lab.grid_spec(),
            start,
            lab.config.lr,
        );
        // New noise redraws the lab's own line only; other data stays as given.
        let owns_noise = crate::app::lab_data::explorer_owns_noise(&lab.config);
        let explorer = if owns_noise {
            explorer
        } else {
            explorer.with_fixed_data()
        };
        // The explorer starts on the lab's data: its contour image is the lab's.
        lab.explore_contour = lab.contour().cloned();
        lab.explorer = Some(explorer);
        Some(())
    });
    if built.flatten().is_some() && !WIRED.with(|w| w.replace(true)) {
        wire_controls();
        wire_canvases();
    }
    super::own_data::noise_controls();
    sync_controls();
}

/// Applies a message and schedules one redraw for everything it changed.
pub fn dispatch(msg: Msg) {
    let Some(changes) = with_lab(|lab| lab.explorer.as_mut().map(|e| e.update(msg))).flatten()
    else {
        return;
    };
    if !changes.any() {
        return;
    }
    if changes.run {
        announce_run(msg);
    }
    let first = PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        let was_empty = pending.is_none();
        let merged = pending.unwrap_or_default();
        *pending = Some(merge(merged, changes));
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
    let Some(changes) = PENDING.with(|p| p.borrow_mut().take()) else {
        return;
    };
    if changes.data {
        with_lab(|lab| {
            if let Some(e) = &lab.explorer {
                lab.explore_contour = Some(crate::figures::ContourImage::new(&e.scene.grid));
            }
        });
    }
    explore_views::explore(&changes);
    sync_controls();
    let playing = with_lab(|lab| lab.explorer.as_ref().is_some_and(|e| e.playing)).unwrap_or(false);
    if playing {
        dom::next_frame(animate);
    }
}

fn animate(now: f64) {
    let last = LAST_TICK.with(|t| t.replace(now));
    let dt = if last > 0.0 && now > last {
        now - last
    } else {
        16.0
    };
    dispatch(Msg::Tick(dt));
    let playing = with_lab(|lab| lab.explorer.as_ref().is_some_and(|e| e.playing)).unwrap_or(false);
    if playing && PENDING.with(|p| p.borrow().is_none()) {
        dom::next_frame(animate);
    }
    if !playing {
        LAST_TICK.with(|t| t.set(0.0));
    }
}

/// Stops playing (Restart).
pub fn stop() {
    LAST_TICK.with(|t| t.set(0.0));
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
                dispatch(Msg::SetStart(w, b));
            }
        });
        dom::listen(&contour, "pointermove", |e: PointerEvent| {
            let point = render::pointer_to_data("explore-contour", &e);
            if e.buttons() & 1 == 1 {
                if let Some((w, b)) = point {
                    dispatch(Msg::SetStart(w, b));
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
                dispatch(msg);
                read_out("readout-explore-contour", explore_keys::start_text);
            }
        });
    }
    if let Some(cost) = by_id("fig-explore-cost") {
        dom::listen(&cost, "keydown", |e: KeyboardEvent| {
            if let Some(msg) = cursor_key(&e.key(), e.shift_key()) {
                e.prevent_default();
                dispatch(msg);
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
        DRAGGING.with(|d| d.set(Some((e.client_x() as f64, e.client_y() as f64, true))));
    });
    dom::listen(&surface, "pointermove", |e: PointerEvent| {
        let (x, y) = (e.client_x() as f64, e.client_y() as f64);
        if let Some((px, py, true)) = DRAGGING.with(|d| d.get()) {
            DRAGGING.with(|d| d.set(Some((x, y, true))));
            dispatch(Msg::Rotate((x - px) * 0.01, (y - py) * 0.01));
        } else {
            explore_views::surface_readout(&e);
        }
    });
    for end in ["pointerup", "pointercancel", "pointerleave"] {
        dom::listen(&surface, end, |_: PointerEvent| {
            DRAGGING.with(|d| d.set(None))
        });
    }
    dom::listen(&surface, "keydown", |e: KeyboardEvent| {
        if let Some(msg) = surface_key(&e.key(), e.shift_key()) {
            e.prevent_default();
            dispatch(msg);
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
