//! The explorer cell in the browser: builds its native controls, turns events into
//! [`Msg`]s, and redraws what the update says changed, at the next animation frame.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent, PointerEvent};

use super::dom::{self, by_id, by_id_as, set_text_by_id};
use super::lab::with_lab;
use super::{render, views};
use crate::app::explore::{
    lr_to_slider, slider_to_lr, Changes, Explorer, Msg, Scene, LR_MAX, LR_MIN, LR_SLIDER_STEPS,
};
use crate::app::notes::{self, short};

thread_local! {
    static PENDING: RefCell<Option<Changes>> = const { RefCell::new(None) };
    static LAST_TICK: Cell<f64> = const { Cell::new(0.0) };
    static DRAGGING: Cell<Option<(f64, f64, bool)>> = const { Cell::new(None) };
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
        // The explorer starts on the lab's data: its contour image is the lab's.
        lab.explore_contour = lab.contour.clone();
        lab.explorer = Some(explorer);
        Some(())
    });
    if built.flatten().is_some() && by_id("explore-iteration").is_none() {
        build_controls();
        wire_canvases();
    }
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
    views::explore(&changes);
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
    views::explore(&Changes::ALL);
    sync_controls();
}

/// A labelled native control inside the controls bar.
fn control(parent: &Element, html_for: &str, label: &str, input: &Element) {
    let wrap = dom::create("div", "field");
    let l = dom::create("label", "");
    let _ = l.set_attribute("for", html_for);
    dom::set_text(&l, label);
    let _ = wrap.append_child(&l);
    let _ = wrap.append_child(input);
    let _ = parent.append_child(&wrap);
}

fn range(id: &str, min: f64, max: f64, step: &str) -> Element {
    let input = dom::create("input", "");
    for (k, v) in [
        ("type", "range"),
        ("id", id),
        ("min", &min.to_string()),
        ("max", &max.to_string()),
        ("step", step),
    ] {
        let _ = input.set_attribute(k, v);
    }
    input
}

fn button(parent: &Element, id: &str, text: &str, label: &str) -> Element {
    let b = dom::create("button", "");
    let _ = b.set_attribute("type", "button");
    let _ = b.set_attribute("id", id);
    let _ = b.set_attribute("aria-label", label);
    dom::set_text(&b, text);
    let _ = parent.append_child(&b);
    b
}

fn build_controls() {
    let Some(bar) = by_id("explore-controls") else {
        return;
    };
    let playbar = dom::create("div", "field");
    button(&playbar, "explore-back", "◀", "Previous iteration");
    button(&playbar, "explore-play", "Play", "Play or pause the run");
    button(&playbar, "explore-forward", "▶", "Next iteration");
    let _ = bar.append_child(&playbar);
    control(
        &bar,
        "explore-iteration",
        "Iteration",
        &range("explore-iteration", 0.0, 1.0, "1"),
    );
    control(
        &bar,
        "explore-speed",
        "Speed",
        &range("explore-speed", 1.0, 30.0, "1"),
    );
    let lr = range("explore-lr", 0.0, LR_SLIDER_STEPS, "1");
    let _ = lr.set_attribute("list", "explore-lr-marks");
    control(&bar, "explore-lr", "Learning rate (log scale)", &lr);
    let ticks = dom::create("datalist", "");
    ticks.set_id("explore-lr-marks");
    let _ = bar.append_child(&ticks);
    let number = dom::create("input", "");
    for (k, v) in [
        ("type", "number"),
        ("id", "explore-lr-number"),
        ("min", &LR_MIN.to_string()),
        ("max", &LR_MAX.to_string()),
        ("step", "any"),
    ] {
        let _ = number.set_attribute(k, v);
    }
    control(&bar, "explore-lr-number", "lr", &number);
    let marks = dom::create("span", "lr-marks");
    marks.set_id("explore-lr-marks-text");
    let _ = bar.append_child(&marks);
    let runs = dom::create("div", "field");
    button(
        &runs,
        "explore-keep",
        "Keep this run",
        "Keep this run to compare",
    );
    button(&runs, "explore-clear", "Clear kept", "Forget the kept runs");
    button(
        &runs,
        "explore-log",
        "Log scale",
        "Cost chart on a log scale",
    );
    let _ = bar.append_child(&runs);
    let seed = dom::create("input", "");
    for (k, v) in [
        ("type", "number"),
        ("id", "explore-seed"),
        ("min", "0"),
        ("step", "1"),
    ] {
        let _ = seed.set_attribute(k, v);
    }
    control(&bar, "explore-seed", "Seed", &seed);
    control(
        &bar,
        "explore-noise",
        "Noise σ",
        &range("explore-noise", 0.0, 2.0, "0.01"),
    );
    let data = dom::create("div", "field");
    button(
        &data,
        "explore-new-noise",
        "New noise",
        "Draw new noise (next seed)",
    );
    let _ = bar.append_child(&data);
    let legend = dom::create("ul", "runs-legend");
    legend.set_id("explore-runs");
    let _ = bar.append_child(&legend);
    wire_controls();
}

fn on(id: &str, event: &str, f: impl Fn(&HtmlInputElement) -> Option<Msg> + 'static) {
    let Some(el) = by_id(id) else { return };
    let target = el.clone();
    dom::listen(&el, event, move |_: web_sys::Event| {
        if let Some(msg) = target.dyn_ref::<HtmlInputElement>().and_then(&f) {
            dispatch(msg);
        }
    });
}

fn on_click(id: &str, msg: Msg) {
    if let Some(el) = by_id(id) {
        dom::listen(&el, "click", move |_: web_sys::Event| dispatch(msg));
    }
}

fn wire_controls() {
    on_click("explore-back", Msg::Step(-1));
    on_click("explore-forward", Msg::Step(1));
    on_click("explore-play", Msg::TogglePlay);
    on_click("explore-keep", Msg::Keep);
    on_click("explore-clear", Msg::ClearKept);
    on_click("explore-log", Msg::ToggleLog);
    on_click("explore-new-noise", Msg::NewNoise);
    on("explore-iteration", "input", |i| {
        Some(Msg::Scrub(i.value_as_number().max(0.0) as usize))
    });
    on("explore-speed", "input", |i| {
        Some(Msg::Speed(i.value_as_number()))
    });
    on("explore-lr", "input", |i| {
        Some(Msg::SetLr(slider_to_lr(i.value_as_number())))
    });
    on("explore-noise", "input", |i| {
        Some(Msg::SetNoise(i.value_as_number()))
    });
    on("explore-lr-number", "change", |i| {
        let v = i.value_as_number();
        let ok = v.is_finite() && (LR_MIN..=LR_MAX).contains(&v);
        set_text_by_id(
            "explore-note",
            if ok {
                ""
            } else {
                "The learning rate must be from 0.001 to 1."
            },
        );
        ok.then_some(Msg::SetLr(v))
    });
    on("explore-seed", "change", |i| {
        let v = i.value_as_number();
        let ok = v.is_finite()
            && v >= 0.0
            && v.fract() == 0.0
            && v <= crate::model::limits::MAX_SEED as f64;
        if !ok {
            set_text_by_id(
                "explore-note",
                "The seed must be a whole number from 0 to 9007199254740991.",
            );
        }
        ok.then_some(Msg::SetSeed(v as u64))
    });
}

/// Puts every control in step with the state (after any update).
fn sync_controls() {
    let Some(Some(state)) = with_lab(|lab| lab.explorer.as_ref().map(snapshot)) else {
        return;
    };
    let set = |id: &str, f: &dyn Fn(&HtmlInputElement)| {
        if let Some(i) = by_id_as::<HtmlInputElement>(id) {
            f(&i);
        }
    };
    set("explore-iteration", &|i| {
        i.set_max(&state.last.to_string());
        i.set_value_as_number(state.iteration as f64);
    });
    set("explore-lr", &|i| {
        i.set_value_as_number(lr_to_slider(state.lr))
    });
    set("explore-lr-number", &|i| i.set_value(&short(state.lr)));
    set("explore-speed", &|i| i.set_value_as_number(state.speed));
    set("explore-noise", &|i| i.set_value_as_number(state.noise));
    set("explore-seed", &|i| i.set_value(&state.seed.to_string()));
    if let Some(play) = by_id("explore-play") {
        dom::set_text(&play, if state.playing { "Pause" } else { "Play" });
        let _ = play.set_attribute("aria-pressed", if state.playing { "true" } else { "false" });
    }
    if let Some(log) = by_id("explore-log") {
        let _ = log.set_attribute("aria-pressed", if state.log { "true" } else { "false" });
    }
    lr_marks(state.rates);
    if let Some((class, text)) = state.note {
        if let Some(el) = by_id("explore-note") {
            el.set_class_name(&format!("verdict {class}"));
            dom::set_text(&el, &text);
        }
    }
}

struct Snapshot {
    last: usize,
    iteration: usize,
    lr: f64,
    speed: f64,
    noise: f64,
    seed: u64,
    playing: bool,
    log: bool,
    rates: Option<(f64, f64)>,
    note: Option<(&'static str, String)>,
}

fn snapshot(e: &Explorer) -> Snapshot {
    let a = e.scene.analysis;
    Snapshot {
        last: e.last(),
        iteration: e.iteration,
        lr: e.config.lr,
        speed: e.speed,
        noise: e.spec.noise,
        seed: e.spec.seed,
        playing: e.playing,
        log: e.log_scale,
        rates: a.map(|a| (a.overshoot_lr(), a.critical_lr)),
        note: a.map(|a| notes::verdict_note(&a, e.config.lr)),
    }
}

/// Marks 1/λmax and 2/λmax on the slider (datalist ticks) and in words beside it.
fn lr_marks(rates: Option<(f64, f64)>) {
    let (Some(list), Some((one, two))) = (by_id("explore-lr-marks"), rates) else {
        return;
    };
    list.set_text_content(None);
    for (rate, label) in [(one, "1/λmax"), (two, "2/λmax")] {
        let option = dom::create("option", "");
        let _ = option.set_attribute("value", &lr_to_slider(rate).to_string());
        let _ = option.set_attribute("label", label);
        let _ = list.append_child(&option);
    }
    set_text_by_id(
        "explore-lr-marks-text",
        &format!(
            "ticks: 1/λmax = {} (overshoot begins), 2/λmax = {} (divergence)",
            short(one),
            short(two)
        ),
    );
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
        let _ = target.set_pointer_capture(e.pointer_id());
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
            views::surface_readout(&e);
        }
    });
    for end in ["pointerup", "pointercancel", "pointerleave"] {
        dom::listen(&surface, end, |_: PointerEvent| {
            DRAGGING.with(|d| d.set(None))
        });
    }
    dom::listen(&surface, "keydown", |e: KeyboardEvent| {
        let turn = match e.key().as_str() {
            "ArrowLeft" => (-0.1, 0.0),
            "ArrowRight" => (0.1, 0.0),
            "ArrowUp" => (0.0, -0.1),
            "ArrowDown" => (0.0, 0.1),
            _ => return,
        };
        e.prevent_default();
        dispatch(Msg::Rotate(turn.0, turn.1));
    });
}
