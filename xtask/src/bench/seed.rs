//! The original notebook's figure time, measured in the same run as the lab:
//! `benches/seed_notebook.py` run three times by a Python with torch and matplotlib.

use super::*;

/// Runs of the notebook script; the median is compared.
const RUNS: usize = 3;
/// The script, under the repository root.
const SCRIPT: &str = "benches/seed_notebook.py";

/// The notebook's timing, or why it was not measured.
pub(super) enum Notebook {
    /// Medians of [`RUNS`] runs, in ms: drawing the 17 figures, and the imports before.
    Measured {
        draw_ms: f64,
        import_ms: f64,
        python: String,
    },
    /// The reason, e.g. "python3 has no torch".
    NotMeasured(String),
}

/// The Python to use: `GD_LAB_PYTHON`, else `python3`.
fn python() -> String {
    std::env::var("GD_LAB_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs the script [`RUNS`] times when the Python can import torch and matplotlib.
pub(super) fn measure_notebook() -> Notebook {
    let python = python();
    let probe = cmd(&python, &["-c", "import torch, matplotlib"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        return Notebook::NotMeasured(format!(
            "`{python}` cannot import torch and matplotlib (set GD_LAB_PYTHON to one that can)"
        ));
    }
    let mut draws = Vec::new();
    let mut imports = Vec::new();
    for i in 0..RUNS {
        println!(
            "Original notebook's figures, run {}/{RUNS} ({python} {SCRIPT})",
            i + 1
        );
        match run_once(&python) {
            Ok((draw, import)) => {
                draws.push(draw * 1000.0);
                imports.push(import * 1000.0);
            }
            Err(e) => return Notebook::NotMeasured(e),
        }
    }
    Notebook::Measured {
        draw_ms: median(&mut draws),
        import_ms: median(&mut imports),
        python,
    }
}

/// One run: (figure time, import time) in seconds, from the JSON line the script prints.
fn run_once(python: &str) -> Result<(f64, f64)> {
    let out = cmd(python, &[SCRIPT])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run {python}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let value = json::parse(text.trim()).map_err(|e| format!("{SCRIPT} printed bad JSON: {e}"))?;
    let figures = value.at("figures").and_then(Value::as_f64);
    if !out.status.success() || figures != Some(17.0) {
        return Err(format!(
            "{SCRIPT} did not draw the 17 figures ({})",
            text.trim()
        ));
    }
    let read = |key: &str| value.at(key).and_then(Value::as_f64);
    match (read("draw_s"), read("import_s")) {
        (Some(draw), Some(import)) => Ok((draw, import)),
        _ => Err(format!(
            "{SCRIPT} printed no draw_s/import_s ({})",
            text.trim()
        )),
    }
}

/// The median of `values` (the middle one of an odd count).
pub(super) fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}
