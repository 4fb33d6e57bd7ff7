//! The explorer's figures by keyboard: which key does what on each focused canvas, and what
//! the read-outs and live regions then say. Pure, so the rules are tested natively.

use super::describe;
use super::explore::{Explorer, Msg};
use super::notes::short;
use crate::model::limits::InputError;
use crate::model::number;
use crate::model::GridSpec;

/// Steps of the start per window width: an arrow moves the start by 1/30 of the window.
const START_STEPS: f64 = 30.0;
/// How many steps an arrow with Shift takes.
const SHIFT_STEPS: f64 = 5.0;

/// An arrow key's direction: (+1 right, −1 left), (+1 up, −1 down).
fn arrow(key: &str) -> Option<(f64, f64)> {
    match key {
        "ArrowLeft" => Some((-1.0, 0.0)),
        "ArrowRight" => Some((1.0, 0.0)),
        "ArrowUp" => Some((0.0, 1.0)),
        "ArrowDown" => Some((0.0, -1.0)),
        _ => None,
    }
}

/// On the contour plot: arrows move the start (right: larger w, up: larger b) by a thirtieth
/// of the window, five times that with Shift, and stay inside the window.
pub fn contour_key(key: &str, shift: bool, start: (f64, f64), window: &GridSpec) -> Option<Msg> {
    let (dx, dy) = arrow(key)?;
    let scale = if shift { SHIFT_STEPS } else { 1.0 };
    let step_w = (window.w_max - window.w_min) / START_STEPS * scale;
    let step_b = (window.b_max - window.b_min) / START_STEPS * scale;
    let w = number::clamp(start.0 + dx * step_w, window.w_min, window.w_max);
    let b = number::clamp(start.1 + dy * step_b, window.b_min, window.b_max);
    Some(Msg::SetStart(w, b))
}

/// On the cost chart (and the data figure): left and right move the iteration cursor, five
/// iterations with Shift; Home and End go to the first and last.
pub fn cursor_key(key: &str, shift: bool) -> Option<Msg> {
    let by = if shift { 5 } else { 1 };
    match key {
        "ArrowLeft" | "ArrowDown" => Some(Msg::Step(-by)),
        "ArrowRight" | "ArrowUp" => Some(Msg::Step(by)),
        "Home" => Some(Msg::Scrub(0)),
        "End" => Some(Msg::Scrub(usize::MAX)),
        _ => None,
    }
}

/// On the 3D surface: arrows turn it (yaw left/right, pitch up/down), three times as far with
/// Shift.
pub fn surface_key(key: &str, shift: bool) -> Option<Msg> {
    let (dx, dy) = arrow(key)?;
    let turn = if shift { 0.3 } else { 0.1 };
    Some(Msg::Rotate(dx * turn, -dy * turn))
}

/// The contour plot's read-out and announcement after a key: where the run now starts.
pub fn start_text(e: &Explorer) -> String {
    let cost = e
        .run
        .cost
        .first()
        .map_or(String::new(), |c| format!(", cost {}", short(*c)));
    format!(
        "Start w {}, b {}{cost}",
        short(e.config.w0),
        short(e.config.b0)
    )
}

/// The cost chart's read-out: the iteration under the cursor and its cost.
pub fn cursor_text(e: &Explorer) -> String {
    let i = e.iteration.min(e.last());
    match e.run.cost.get(i) {
        Some(c) => format!("Iteration {i} of {}, cost {}", e.last(), short(*c)),
        None => "No run".into(),
    }
}

/// The surface's read-out after a key: the angle it is seen from.
pub fn angle_text(e: &Explorer) -> String {
    format!(
        "Seen from yaw {}°, pitch {}°",
        number::shortest(e.angles.0.to_degrees().round()),
        number::shortest(e.angles.1.to_degrees().round())
    )
}

/// What the run now does, announced once after the learner stops changing it.
pub fn verdict_text(e: &Explorer) -> String {
    let window = window_of(e);
    format!(
        "lr {}: {}",
        short(e.config.lr),
        describe::path_sentence(&e.run, e.scene.analysis.as_ref(), &window)
    )
}

/// The window the explorer's contour plot shows: its grid's.
pub fn window_of(e: &Explorer) -> GridSpec {
    e.grid_spec
}

/// The learning-rate slider's `aria-valuetext`: the rate itself.
pub fn lr_value_text(lr: f64) -> String {
    format!("lr {}", short(lr))
}

/// A start typed in the explorer's w0 or b0 field: a finite number inside the window.
pub fn start_field(field: &str, value: f64, lo: f64, hi: f64) -> Result<f64, InputError> {
    if value.is_finite() && (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!(
                "The start's {field} must be a number from {} to {}.",
                short(lo),
                short(hi)
            ),
        ))
    }
}
