//! Writes the exports of six states to `target/tmp/export/`, with their parameters in
//! cases.json, for tests/data/check_export.py, which runs them with real PyTorch (CI has
//! no Python, so that run is by hand).
#![cfg(not(target_arch = "wasm32"))]

mod export_common;

use export_common::{
    adagrad_state, adam_state, default_state, diverging_state, rmsprop_state, shuffled_state,
};
use gd_lab::app::export::*;
use serde_json::json;

#[test]
fn exports_for_the_pytorch_check() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("export");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut cases = Vec::new();
    for (name, state) in [
        ("default", default_state()),
        ("adam", adam_state()),
        ("shuffled", shuffled_state()),
        ("rmsprop", rmsprop_state()),
        ("adagrad", adagrad_state()),
        ("diverging", diverging_state()),
    ] {
        std::fs::write(
            dir.join(format!("{name}.py")),
            to_script(&state).expect("valid"),
        )
        .expect("write");
        std::fs::write(
            dir.join(format!("{name}.ipynb")),
            to_ipynb(&state).expect("valid"),
        )
        .expect("write");
        cases.push(json!({
            "name": name, "x": state.x, "y": state.y, "w0": state.w0, "b0": state.b0,
            "lr": state.lr, "iterations": state.iterations, "optimizer": state.optimizer.short_name(),
            "options": state.optimizer_options, "batch_size": state.effective_batch(), "orders": state.orders,
            "lab_records": state.records.iter().map(|r| [r.w, r.b, r.cost]).collect::<Vec<_>>(),
        }));
    }
    std::fs::write(
        dir.join("cases.json"),
        serde_json::to_string(&cases).expect("json"),
    )
    .expect("write");
}
