//! The explorer's native controls (in the page's markup): turning their events into messages, and
//! keeping them in step with the state after every update.

use crate::model::number;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::dom::{self, by_id, by_id_as, set_attr, set_hidden, set_text_by_id};
use super::state::{self, with_lab};
use crate::app::explore::{lr_to_slider, slider_to_lr, Explorer, Msg, LR_SLIDER_STEPS};
use crate::app::explore_keys;
use crate::app::formula_notes;
use crate::app::input;
use crate::app::limits::{LR_MAX, LR_MIN};
use crate::app::notes::short;
use crate::app::page::Msg as PageMsg;
use crate::app::race_run::lab_run_note;
use crate::app::race_url::{explorer_optimizer, has_momentum, marked_rates};
use crate::model::limits::InputError;
use crate::model::Optimizer;

/// Wires the controls bar in the page's markup, once: their limits from the explorer's, and
/// their events.
pub fn wire_controls() {
    if let Some(slider) = by_id("explore-lr") {
        set_attr(&slider, "max", &number::shortest(LR_SLIDER_STEPS));
    }
    if let Some(field) = by_id("explore-lr-number") {
        set_attr(&field, "min", &number::shortest(LR_MIN));
        set_attr(&field, "max", &number::shortest(LR_MAX));
    }
    wire_buttons();
    wire_fields();
}

/// Sends an explorer message to the page's one dispatch.
fn send(msg: Msg) {
    state::send(PageMsg::Explore(msg));
}

fn on(id: &str, event: &str, f: impl Fn(&HtmlInputElement) -> Option<Msg> + 'static) {
    let Some(el) = by_id(id) else { return };
    let target = el.clone();
    dom::listen(&el, event, move |_: web_sys::Event| {
        if let Some(msg) = target.dyn_ref::<HtmlInputElement>().and_then(&f) {
            send(msg);
        }
    });
}

fn on_click(id: &str, msg: Msg) {
    if let Some(el) = by_id(id) {
        dom::listen(&el, "click", move |_: web_sys::Event| send(msg));
    }
}

fn wire_buttons() {
    on_click("explore-back", Msg::Step(-1));
    on_click("explore-forward", Msg::Step(1));
    on_click("explore-play", Msg::TogglePlay);
    on_click("explore-keep", Msg::Keep);
    on_click("explore-clear", Msg::ClearKept);
    on_click("explore-log", Msg::ToggleLog);
    on_click("explore-new-noise", Msg::NewNoise);
}

fn wire_fields() {
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
        field_note("explore-lr-number", input::explorer_lr(i.value_as_number())).map(Msg::SetLr)
    });
    on("explore-seed", "change", |i| {
        field_note("explore-seed", input::explorer_seed(i.value_as_number())).map(Msg::SetSeed)
    });
    on("explore-w0", "change", |i| {
        start_from_field("w0", i.value_as_number())
    });
    on("explore-b0", "change", |i| {
        start_from_field("b0", i.value_as_number())
    });
    on("explore-momentum", "change", |_| chosen_optimizer());
    if let Some(menu) = by_id("explore-optimizer") {
        dom::listen(&menu, "change", |_: web_sys::Event| {
            if let Some(msg) = chosen_optimizer() {
                send(msg);
            }
        });
    }
}

/// A typed w0 or b0: inside the window, the run starts there (the other coordinate kept);
/// outside, the field says why (`aria-invalid`, its message tied by `aria-describedby`).
fn start_from_field(field: &str, value: f64) -> Option<Msg> {
    let (start, window) = with_lab(|lab| {
        lab.explorer
            .as_ref()
            .map(|e| ((e.config.w0, e.config.b0), e.grid_spec))
    })
    .flatten()?;
    let (lo, hi) = if field == "w0" {
        (window.w_min, window.w_max)
    } else {
        (window.b_min, window.b_max)
    };
    let parsed = explore_keys::start_field(field, value, lo, hi);
    let id = format!("explore-{field}");
    if let Some(el) = by_id(&id) {
        set_attr(
            &el,
            "aria-invalid",
            if parsed.is_ok() { "false" } else { "true" },
        );
    }
    set_text_by_id(
        "explore-start-msg",
        parsed.as_ref().err().map_or("", |e| e.message.as_str()),
    );
    let v = parsed.ok()?;
    Some(if field == "w0" {
        Msg::SetStart(v, start.1)
    } else {
        Msg::SetStart(start.0, v)
    })
}

/// The menu's optimizer with the momentum field's value (which only SGD and RMSprop have).
fn chosen_optimizer() -> Option<Msg> {
    let name = by_id_as::<web_sys::HtmlSelectElement>("explore-optimizer")?.value();
    let field = by_id_as::<HtmlInputElement>("explore-momentum")?;
    field.set_disabled(!has_momentum(&name));
    let parsed = explorer_optimizer(&name, &field.value());
    let chosen = field_note("explore-momentum", parsed)?;
    // An unchanged optimizer redraws nothing: put the note the field cleared back at once.
    let current = with_lab(|lab| lab.explorer.as_ref().map(|e| e.optimizer)).flatten();
    if current == Some(chosen) {
        sync_controls();
    }
    Some(Msg::SetOptimizer(chosen))
}

/// The optimizer menu and momentum field showing the explorer's optimizer (a fresh explorer
/// after Restart trains plain descent again).
fn sync_optimizer(optimizer: &Optimizer) {
    let name = optimizer.name();
    if let Some(menu) = by_id_as::<web_sys::HtmlSelectElement>("explore-optimizer") {
        menu.set_value(name);
    }
    let momentum = match optimizer {
        Optimizer::Sgd(s) => s.momentum,
        Optimizer::RmsProp(r) => r.momentum,
        _ => return,
    };
    if let Some(field) = by_id_as::<HtmlInputElement>("explore-momentum") {
        field.set_disabled(!has_momentum(name));
        let shown = explorer_optimizer(name, &field.value()).ok();
        if shown.as_ref() != Some(optimizer) {
            field.set_value(&number::shortest(momentum));
        }
    }
}

/// Shows field `id`'s error under the controls (a good value clears it) and marks the field
/// invalid or not (the note is its `aria-describedby`); the state keeps its value.
fn field_note<T>(id: &str, parsed: Result<T, InputError>) -> Option<T> {
    if let Some(field) = by_id(id) {
        let invalid = if parsed.is_err() { "true" } else { "false" };
        set_attr(&field, "aria-invalid", invalid);
    }
    match parsed {
        Ok(value) => {
            set_text_by_id("explore-note", "");
            Some(value)
        }
        Err(error) => {
            set_text_by_id("explore-note", &error.message);
            None
        }
    }
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
        i.set_value_as_number(lr_to_slider(state.lr));
        set_attr(i, "aria-valuetext", &explore_keys::lr_value_text(state.lr));
    });
    // A field being typed in keeps what the learner typed.
    let focused = dom::document().active_element().map(|e| e.id());
    for (id, value) in [("explore-w0", state.start.0), ("explore-b0", state.start.1)] {
        if focused.as_deref() != Some(id) {
            set(id, &|i| i.set_value(&short(value)));
        }
    }
    set("explore-lr-number", &|i| i.set_value(&short(state.lr)));
    set("explore-speed", &|i| i.set_value_as_number(state.speed));
    set("explore-noise", &|i| i.set_value_as_number(state.noise));
    set("explore-seed", &|i| i.set_value(&state.seed.to_string()));
    if let Some(play) = by_id("explore-play") {
        // The name starts with the visible word and says the action, which is the state: no
        // aria-pressed beside a label that changes.
        let (text, name) = if state.playing {
            ("Pause", "Pause the run")
        } else {
            ("Play", "Play the run")
        };
        dom::set_text(&play, text);
        set_attr(&play, "aria-label", name);
    }
    if let Some(log) = by_id("explore-log") {
        set_attr(
            &log,
            "aria-pressed",
            if state.log { "true" } else { "false" },
        );
    }
    lr_marks(state.rates);
    sync_optimizer(&state.optimizer);
    if let Some((class, text)) = state.note {
        // The note is a live region: rewritten only when it says something new, so a slider
        // moved frame by frame inside one verdict is not read out again and again.
        if let Some(el) = by_id("explore-note") {
            el.set_class_name(&format!("verdict {class}"));
            if el.text_content().as_deref() != Some(text.as_str()) {
                dom::set_text(&el, &text);
            }
        }
    }
}

struct Snapshot {
    last: usize,
    iteration: usize,
    lr: f64,
    start: (f64, f64),
    speed: f64,
    noise: f64,
    seed: u64,
    playing: bool,
    log: bool,
    rates: Option<(Option<f64>, f64, &'static str)>,
    note: Option<(&'static str, String)>,
    optimizer: Optimizer,
}

fn snapshot(e: &Explorer) -> Snapshot {
    let a = e.scene.analysis;
    Snapshot {
        last: e.last(),
        iteration: e.iteration,
        lr: e.config.lr,
        start: (e.config.w0, e.config.b0),
        speed: e.speed,
        noise: e.spec.noise,
        seed: e.spec.seed,
        playing: e.playing,
        log: e.log_scale,
        rates: a.and_then(|a| marked_rates(&a, &e.optimizer)),
        note: Some(match a {
            Some(a) => lab_run_note(&a, &e.optimizer, true, e.config.lr),
            None => formula_notes::general_note(&e.scene.problem, &e.run, e.config.lr, e.iteration),
        }),
        optimizer: e.optimizer,
    }
}

/// Marks the rates theory gives for the chosen optimizer on the slider (datalist ticks) and
/// in words beside it: 1/λmax and 2/λmax for plain descent, 2(1 + μ)/λmax with momentum,
/// nothing where no closed form exists (another optimizer, or a cost other than the MSE).
fn lr_marks(rates: Option<(Option<f64>, f64, &'static str)>) {
    let Some(list) = by_id("explore-lr-marks") else {
        return;
    };
    list.set_text_content(None);
    let Some((one, critical, rule)) = rates else {
        set_text_by_id(
            "explore-lr-marks-text",
            "no closed-form critical rate for this optimizer and cost",
        );
        return;
    };
    let marks = one
        .map(|r| (r, "1/λmax"))
        .into_iter()
        .chain([(critical, rule)]);
    for (rate, label) in marks {
        let option = dom::create("option", "");
        set_attr(&option, "value", &number::shortest(lr_to_slider(rate)));
        set_attr(&option, "label", label);
        dom::append(&list, &option);
    }
    let text = match one {
        Some(one) => format!(
            "ticks: 1/λmax = {} (overshoot begins), {rule} = {} (divergence)",
            short(one),
            short(critical)
        ),
        None => format!("tick: {rule} = {} (divergence)", short(critical)),
    };
    set_text_by_id("explore-lr-marks-text", &text);
}

/// Enables the explorer's seed and noise controls only for the lab's own line, and says why
/// they are off otherwise.
pub fn noise_controls() {
    let owns = with_lab(|lab| lab.explorer.as_ref().is_none_or(|e| e.owns_noise)).unwrap_or(true);
    for id in ["explore-seed", "explore-noise", "explore-new-noise"] {
        if let Some(el) = by_id(id) {
            if owns {
                dom::checked("removeAttribute", el.remove_attribute("disabled"));
            } else {
                set_attr(&el, "disabled", "");
            }
        }
    }
    if let Some(note) = by_id("explore-noise-note") {
        set_hidden(&note, owns);
    }
}
