//! File names that say what a download holds: `gd-lab-contour-lr0.1-it15.svg`.

use super::state::{ExportState, OptimizerKind};
use super::text::float;

/// `gd-lab-<what>[-<optimizer>]-lr<lr>-it<iterations>.<ext>`, with every part reduced to
/// lower-case letters, digits, `.` and `-` (no spaces, nothing a file system refuses).
pub fn file_name(
    what: &str,
    optimizer: Option<OptimizerKind>,
    lr: f64,
    iterations: usize,
    ext: &str,
) -> String {
    let mut parts = vec!["gd-lab".to_string(), clean(what)];
    if let Some(kind) = optimizer {
        parts.push(kind.short_name().to_string());
    }
    // `1e+21` would become `1e-21`: drop the `+` before cleaning.
    parts.push(format!("lr{}", clean(&float(lr).replace('+', ""))));
    parts.push(format!("it{iterations}"));
    let stem: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    let ext = clean(ext).replace('.', "");
    if ext.is_empty() {
        stem.join("-")
    } else {
        format!("{}.{ext}", stem.join("-"))
    }
}

/// The notebook's name: `gd-lab-notebook-sgd-lr0.1-it15.ipynb`.
pub fn notebook_file_name(state: &ExportState) -> String {
    file_name(
        "notebook",
        Some(state.optimizer),
        state.lr,
        state.iterations,
        "ipynb",
    )
}

/// The script's name: `gd-lab-script-sgd-lr0.1-it15.py`.
pub fn script_file_name(state: &ExportState) -> String {
    file_name(
        "script",
        Some(state.optimizer),
        state.lr,
        state.iterations,
        "py",
    )
}

/// Lower-case ASCII letters, digits, `.` and single `-`; anything else becomes `-`, and
/// no part starts or ends with `-` or `.` (a leading dot hides a file). Only ASCII is kept,
/// so only ASCII is lowered (no Unicode case tables in the module).
fn clean(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().map(|c| c.to_ascii_lowercase()) {
        let keep = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.';
        let c = if keep { c } else { '-' };
        if !(c == '-' && (out.is_empty() || out.ends_with('-'))) {
            out.push(c);
        }
    }
    out.trim_matches(|c| c == '-' || c == '.').to_string()
}
