//! Shared steps of the own-data tests: paste text, read the box's state, the training table,
//! and compare the table with the API's `train` on given points.

#![allow(dead_code)]

use std::time::Duration;

use e2e::{ensure, Browser, Result};
use serde::Deserialize;
use serde_json::json;

/// Generous: the machine is shared and slow.
pub const WAIT: Duration = Duration::from_secs(60);

/// Puts `text` in the box (as a paste would) and clicks "Use this data".
pub fn paste(lab: &Browser, text: &str) -> Result<()> {
    lab.js_with(
        "const area = document.getElementById('data-text'); area.value = arguments[0];
         area.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(text)],
    )?;
    lab.click("#data-use")
}

/// The box's message, its `aria-invalid`, whether `aria-describedby` names the message, the
/// message's role and how many child elements the message holds.
#[derive(Debug, Deserialize)]
pub struct BoxState {
    pub message: String,
    pub invalid: Option<String>,
    pub described: bool,
    pub role: Option<String>,
    pub children: usize,
    pub read: String,
}

/// Reads [`BoxState`].
pub fn box_state(lab: &Browser) -> Result<BoxState> {
    lab.js_as(
        "const area = document.getElementById('data-text');
         const msg = document.getElementById('data-text-msg');
         return { message: msg.textContent, invalid: area.getAttribute('aria-invalid'),
                  described: (area.getAttribute('aria-describedby') || '').split(/\\s+/).includes('data-text-msg'),
                  role: msg.getAttribute('role'), children: msg.children.length,
                  read: document.getElementById('data-read').textContent };",
        vec![],
    )
}

/// The training table's `data-value` cells, row by row.
pub fn table_values(lab: &Browser) -> Result<Vec<Vec<String>>> {
    lab.js_as(
        "return [...document.querySelectorAll('#train-table tbody tr')].map((tr) =>
           [...tr.querySelectorAll('td[data-value]')].map((td) => td.dataset.value));",
        vec![],
    )
}

/// The pixels of the data figure and the contour plot, as data URLs.
pub fn figure_pixels(lab: &Browser) -> Result<Vec<String>> {
    lab.js_as(
        "return ['fig-data', 'fig-contour', 'fig-train-0-data']
           .map((id) => document.getElementById(id)?.toDataURL() ?? '');",
        vec![],
    )
}

/// Checks the training table against `train(x, y, {w0: -15, b0: -10, lr, iterations})`
/// with x standardized when `standardize` is set (as the page fits them: population std).
/// `tolerance` 0 asks for the same bits; otherwise it is relative (with at least 1 as scale):
/// standardized x summed in another order, or points stored with an ulp of difference.
pub fn expect_table_equals_train(
    lab: &Browser,
    x: &[f64],
    y: &[f64],
    standardize: bool,
    tolerance: f64,
) -> Result<()> {
    let mismatches: Vec<String> = lab.js_as(
        r#"const [x0, y, standardize, tol] = arguments;
           let x = x0;
           if (standardize) {
             // The page's rule: centred moments, population std (see model::standardize).
             const n = x0.length; const mean = x0.reduce((a, b) => a + b, 0) / n;
             const sxx = x0.reduce((a, v) => a + (v - mean) * (v - mean), 0) / n;
             x = x0.map((v) => (v - mean) / Math.sqrt(sxx));
           }
           const lr = Number(new URLSearchParams(location.search).get('lr') ?? 0.1);
           const r = window.wasmBindings.train(Float64Array.from(x), Float64Array.from(y), { w0: -15, b0: -10, lr, iterations: 15 });
           const want = [r.w, r.b, r.loss];
           const rows = [...document.querySelectorAll('#train-table tbody tr')];
           const bad = [];
           if (rows.length !== r.w.length) bad.push(`rows ${rows.length}, records ${r.w.length}`);
           rows.forEach((tr, i) => {
             const tds = [...tr.querySelectorAll('td[data-value]')];
             if (tds.length !== 3) { bad.push(`row ${i}: ${tds.length} data-value cells`); return; }
             tds.forEach((td, j) => {
               const got = parseFloat(td.dataset.value), w = want[j][i];
               const ok = tol === 0 ? got === w : Math.abs(got - w) <= tol * Math.max(1, Math.abs(w));
               if (!ok) bad.push(`row ${i} col ${j}: ${td.dataset.value} vs ${want[j][i]}`);
             });
           });
           return bad;"#,
        vec![json!(x), json!(y), json!(standardize), json!(tolerance)],
    )?;
    ensure!(
        mismatches.is_empty(),
        "table and train differ:\n  {}",
        mismatches.join("\n  ")
    );
    Ok(())
}
