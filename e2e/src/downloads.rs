//! Intercepting downloads: the Blob handed to `URL.createObjectURL` and the `<a download>`
//! clicked are recorded (and nothing is downloaded), so a test reads what a save made.

use crate::{Browser, Result};
use serde_json::json;

/// Captures downloads: the Blob of each object URL, and each `<a download>` click (which
/// then does not download).
pub const CAPTURE: &str = "window.__saves = []; const blobs = new Map(); \
  const create = URL.createObjectURL.bind(URL); \
  URL.createObjectURL = (blob) => { const url = create(blob); blobs.set(url, blob); return url; }; \
  HTMLAnchorElement.prototype.click = function () { \
    const blob = blobs.get(this.href); if (!blob) return; \
    const save = { name: this.download, type: blob.type, size: blob.size, text: null, png: null }; \
    window.__saves.push(save); \
    if (blob.type === 'image/png') blob.arrayBuffer().then((b) => { \
      const v = new DataView(b); save.png = [v.getUint32(16), v.getUint32(20)]; }); \
    else blob.text().then((t) => { save.text = t; }); };";

/// One intercepted download.
#[derive(Debug, serde::Deserialize)]
pub struct Save {
    /// The `download` file name.
    pub name: String,
    /// The Blob's type.
    #[serde(rename = "type")]
    pub mime: String,
    /// The Blob's size in bytes.
    pub size: u64,
    /// The Blob's text, once read (not for PNGs).
    pub text: Option<String>,
    /// A PNG's width and height from its header, once read.
    pub png: Option<(u32, u32)>,
}

/// Parses CSV text into its header and rows of numbers, read as JavaScript reads them.
pub fn csv_rows(lab: &Browser, text: &str) -> Result<(String, Vec<Vec<f64>>)> {
    lab.js_as(
        "const lines = arguments[0].trim().split('\\n'); \
         return [lines[0], lines.slice(1).map((l) => l.split(',').map(Number))];",
        vec![json!(text)],
    )
}

/// A run table's exact numbers (`data-value`), row by row.
pub fn table_values(lab: &Browser, table: &str) -> Result<Vec<Vec<f64>>> {
    lab.js_as(
        "return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map((tr) => \
           [...tr.querySelectorAll('td[data-value]')].map((td) => Number(td.dataset.value)));",
        vec![json!(table)],
    )
}
