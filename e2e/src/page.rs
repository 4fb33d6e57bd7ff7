//! What the lab's page shows, read through small scripts: figures and how much ink they
//! hold, cells and their counters, the training table checked against the JavaScript API.

use serde::Deserialize;
use serde_json::{json, Value as Json};

use crate::browser::Browser;
use crate::Result;

/// The figures the page draws on opening, before the explorer: data 1, surface 2,
/// train 10 (five iterations × data and parameters), results 3.
pub const OPENING_FIGURES: [&str; 16] = [
    "fig-data",
    "fig-surface",
    "fig-contour",
    "fig-train-0-data",
    "fig-train-0-params",
    "fig-train-3-data",
    "fig-train-3-params",
    "fig-train-6-data",
    "fig-train-6-params",
    "fig-train-9-data",
    "fig-train-9-params",
    "fig-train-12-data",
    "fig-train-12-params",
    "fig-results-surface",
    "fig-results-contour",
    "fig-results-cost",
];

/// The explorer's figures, also drawn on opening.
pub const EXPLORE_FIGURES: [&str; 4] = [
    "fig-explore-data",
    "fig-explore-contour",
    "fig-explore-surface",
    "fig-explore-cost",
];

/// The run cells, in page order (`data-cell`).
pub const RUN_CELLS: [&str; 7] = [
    "data", "model", "surface", "train", "results", "explore", "practice",
];

/// Share of a canvas's pixels that must be inked (not white, not transparent) for it to
/// count as painted. A blank or background-only canvas has none; on the lab's opening page the
/// sparsest figures (line charts on white) have 3.6–6 %, contour and surface plots 40–65 %.
pub const MIN_INK: f64 = 0.02;

/// A `<canvas>` figure and how much of it is painted.
#[derive(Debug, Clone, Deserialize)]
pub struct Figure {
    /// The canvas's id (`fig-…`).
    pub id: String,
    /// Its `.output` is shown and it takes up space on the page.
    pub visible: bool,
    /// Backing store width in pixels.
    pub width: u32,
    /// Backing store height in pixels.
    pub height: u32,
    /// Share of sampled pixels that are neither white nor transparent.
    pub ink: f64,
    /// Why the pixels could not be read, if they could not.
    #[serde(default)]
    pub error: Option<String>,
}

impl Figure {
    /// Shown, has a size, and holds a drawing.
    pub fn is_painted(&self) -> bool {
        self.visible && self.width > 0 && self.height > 0 && self.ink >= MIN_INK
    }
}

impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "#{} ({}, {}×{}, {:.1}% inked{})",
            self.id,
            if self.visible { "visible" } else { "hidden" },
            self.width,
            self.height,
            self.ink * 100.0,
            self.error
                .as_deref()
                .map(|e| format!(", {e}"))
                .unwrap_or_default()
        )
    }
}

/// Measures every canvas matching `selector` (in page order).
const FIGURES_JS: &str = r#"
const visible = (c) => {
  const output = c.closest('.output');
  return !!output && !output.hidden && c.getClientRects().length > 0
    && c.getBoundingClientRect().width > 0;
};
// Pixels are read from a copy on a scratch canvas made for reading, never from the page's
// own canvas: reading a page canvas back makes Chromium warn in the console.
const scratch = document.createElement('canvas');
const reader = scratch.getContext('2d', { willReadFrequently: true });
const ink = (c) => {
  if (!c.width || !c.height) return [0, null];
  try {
    scratch.width = c.width;
    scratch.height = c.height;
    reader.clearRect(0, 0, c.width, c.height);
    reader.drawImage(c, 0, 0);
    const data = reader.getImageData(0, 0, c.width, c.height).data;
    const step = Math.max(1, Math.floor(Math.sqrt(c.width * c.height / 60000)));
    let seen = 0, inked = 0;
    for (let y = 0; y < c.height; y += step) {
      for (let x = 0; x < c.width; x += step) {
        const i = (y * c.width + x) * 4;
        seen++;
        if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) inked++;
      }
    }
    return [inked / seen, null];
  } catch (e) {
    return [0, String(e)];
  }
};
return [...document.querySelectorAll(arguments[0])].map((c) => {
  const [share, error] = ink(c);
  return { id: c.id, visible: visible(c), width: c.width, height: c.height, ink: share, error };
});
"#;

/// Every canvas matching `selector`, measured.
pub fn figures(browser: &Browser, selector: &str) -> Result<Vec<Figure>> {
    browser.js_as(FIGURES_JS, vec![json!(selector)])
}

/// The lab's figures (`canvas[id^="fig-"]`) that are visible, measured.
pub fn visible_figures(browser: &Browser) -> Result<Vec<Figure>> {
    Ok(figures(browser, r#"canvas[id^="fig-"]"#)?
        .into_iter()
        .filter(|f| f.visible)
        .collect())
}

/// One line per figure that is not painted; empty when all are.
pub fn unpainted(figures: &[Figure]) -> Vec<String> {
    figures
        .iter()
        .filter(|f| !f.is_painted())
        .map(ToString::to_string)
        .collect()
}

/// A run cell as the page shows it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Cell {
    /// `data-cell`: data, model, surface, train, results, explore, practice.
    pub name: String,
    /// The execution counter's text, `[ ]` or `[n]`.
    pub counter: String,
    /// Whether every `.output` of the cell is shown.
    pub outputs_shown: bool,
    /// Whether any `.output` of the cell is shown.
    pub any_output_shown: bool,
    /// The status line's text.
    pub status: String,
    /// Whether the cell takes up space (not `hidden-cell`, not hidden by a layout).
    pub visible: bool,
}

/// Every run cell (`.cell.run`), in page order.
pub fn cells(browser: &Browser) -> Result<Vec<Cell>> {
    browser.js_as(
        r#"return [...document.querySelectorAll('.cell.run')].map((c) => {
             const outputs = [...c.querySelectorAll('.output')];
             return {
               name: c.dataset.cell,
               counter: c.querySelector('.counter')?.textContent ?? '',
               outputs_shown: outputs.length > 0 && outputs.every((o) => !o.hidden),
               any_output_shown: outputs.some((o) => !o.hidden),
               status: c.querySelector('.status')?.textContent ?? '',
               visible: c.getClientRects().length > 0,
             };
           });"#,
        Vec::new(),
    )
}

/// The result of comparing a table's `td[data-value]`s with the API's `train`.
#[derive(Debug, Clone, Deserialize)]
pub struct TableCheck {
    /// Rows in the table's body.
    pub rows: usize,
    /// Records `train` returned.
    pub records: usize,
    /// One line per cell whose number differs (or row that lacks numbers).
    pub mismatches: Vec<String>,
}

/// Compares every `<table_css> tbody tr`'s three `td[data-value]` with `train(x, y, train)`
/// on `makeData(data)` (`data` null: the defaults), exactly (`parseFloat(…) === r.w[i]`).
pub fn check_table(
    browser: &Browser,
    table_css: &str,
    data: Json,
    train: Json,
) -> Result<TableCheck> {
    browser.js_as(
        r#"const [table, dataOptions, trainOptions] = arguments;
           const api = window.wasmBindings;
           const d = dataOptions ? api.makeData(dataOptions) : api.makeData();
           const r = api.train(d.x, d.y, trainOptions);
           const want = [r.w, r.b, r.loss];
           const names = ['w', 'b', 'loss'];
           const rows = [...document.querySelectorAll(table + ' tbody tr')];
           const mismatches = [];
           rows.forEach((tr, i) => {
             const tds = [...tr.querySelectorAll('td[data-value]')];
             if (tds.length !== 3) { mismatches.push(`row ${i}: ${tds.length} td[data-value], not 3`); return; }
             tds.forEach((td, j) => {
               const got = parseFloat(td.dataset.value);
               if (i >= want[j].length || got !== want[j][i]) {
                 mismatches.push(`row ${i} ${names[j]}: table ${td.dataset.value}, train ${want[j][i]}`);
               }
             });
           });
           return { rows: rows.length, records: r.w.length, mismatches };"#,
        vec![json!(table_css), data, train],
    )
}

/// The text of every `#notices li`.
pub fn notices(browser: &Browser) -> Result<Vec<String>> {
    browser.js_as(
        "return [...document.querySelectorAll('#notices li')].map((li) => li.textContent);",
        Vec::new(),
    )
}

/// How many elements the document holds, and how many of them are `img`/`script`/`iframe`/
/// `object`/`embed`: markup a hostile input could try to inject.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub struct ElementCount {
    /// All elements.
    pub all: usize,
    /// `img`, `script`, `iframe`, `object`, `embed`, `svg` elements.
    pub risky: usize,
}

/// Counts the document's elements (see [`ElementCount`]).
pub fn element_count(browser: &Browser) -> Result<ElementCount> {
    browser.js_as(
        "return { all: document.getElementsByTagName('*').length, \
                  risky: document.querySelectorAll('img, script, iframe, object, embed, svg').length };",
        Vec::new(),
    )
}
