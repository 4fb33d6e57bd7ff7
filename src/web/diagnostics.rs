//! Measurements for the benchmark command: redraw times of the explorer and wasm memory.
//!
//! Each redraw here is the same work an input event causes (update, then every changed view
//! drawn), done synchronously so it can be timed; the page itself batches events per frame.

use js_sys::Float64Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::api::to_js;
use super::dom;
use super::explore_views;
use super::state::with_lab;
use crate::app::explore::Msg;
use crate::model::{limits, InputError};

fn now() -> f64 {
    dom::window().performance().map_or(0.0, |p| p.now())
}

/// Applies `msg` and redraws what it changed, synchronously; returns the milliseconds taken.
fn timed(msg: Msg) -> f64 {
    let start = now();
    let changes = with_lab(|lab| lab.explorer.as_mut().map(|e| e.update(msg)))
        .flatten()
        .unwrap_or_default();
    explore_views::explore(&changes);
    now() - start
}

fn explorer_last() -> Result<usize, InputError> {
    with_lab(|lab| lab.explorer.as_ref().map(|e| e.last()))
        .flatten()
        .ok_or_else(|| InputError::new("explore", "the explore cell has not run"))
}

/// Redraw times in ms of `events` explorer updates of one `kind`: `"scrub"` (one iteration
/// step each) or `"lr"` (a new learning rate each, as a slider drag gives).
#[wasm_bindgen(js_name = benchRedraw)]
pub fn bench_redraw(kind: &str, events: f64) -> Result<Float64Array, JsValue> {
    let events = limits::whole("events", events, 1, 100_000).map_err(to_js)?;
    let last = explorer_last().map_err(to_js)?.max(1);
    let times: Vec<f64> = (0..events)
        .map(|i| match kind {
            "lr" => Ok(timed(Msg::SetLr(0.02 + 0.3 * (i % 50) as f64 / 50.0))),
            "scrub" => Ok(timed(Msg::Scrub(i % (last + 1)))),
            _ => Err(to_js(InputError::new(
                "kind",
                "must be \"scrub\" or \"lr\"",
            ))),
        })
        .collect::<Result<_, _>>()?;
    Ok(Float64Array::from(times.as_slice()))
}

/// Plays the explorer's run from iteration 0 to its end `count` times, redrawing every view
/// at each iteration; returns the total milliseconds.
#[wasm_bindgen(js_name = benchReplay)]
pub fn bench_replay(count: f64) -> Result<f64, JsValue> {
    let count = limits::whole("count", count, 1, 100_000).map_err(to_js)?;
    let last = explorer_last().map_err(to_js)?;
    let start = now();
    for _ in 0..count {
        for i in 0..=last {
            timed(Msg::Scrub(i));
        }
    }
    Ok(now() - start)
}

/// The wasm module's linear memory, in bytes.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
}
