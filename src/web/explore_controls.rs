//! The explorer's native controls: building them, turning their events into messages, and
//! keeping them in step with the state after every update.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom::{self, by_id, by_id_as, set_text_by_id};
use super::explore_view::dispatch;
use super::lab::with_lab;
use crate::app::explore::{
    lr_to_slider, slider_to_lr, Explorer, Msg, LR_MAX, LR_MIN, LR_SLIDER_STEPS,
};
use crate::app::notes::{self, short};

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

/// Builds the controls bar once, and wires its events.
pub fn build_controls() {
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
pub fn sync_controls() {
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
