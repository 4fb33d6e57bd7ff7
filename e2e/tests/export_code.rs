//! "Open in Jupyter" and "Python script": the downloads are intercepted (see
//! `e2e::downloads`) and read: nbformat 4.5, the page's data exactly, the page's rate. The
//! files and the page's table are kept in target/export-e2e for a run with real PyTorch.

use std::time::Duration;

use e2e::downloads::{table_values, Save, CAPTURE};
use e2e::{ensure, Result};
use serde_json::{json, Value as Json};

/// The state the test sets: not the defaults, so every number is the page's own.
const QUERY: &str = "?lr=0.2&iterations=20";

#[test]
fn the_notebook_and_the_script_hold_the_page_state() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open(QUERY)?;
    lab.js(CAPTURE)?;
    lab.click("#export-ipynb")?;
    lab.wait_for_js(
        "the notebook",
        "return window.__saves[0]?.text != null;",
        Duration::from_secs(20),
    )?;
    lab.click("#export-py")?;
    lab.wait_for_js(
        "the script",
        "return window.__saves[1]?.text != null;",
        Duration::from_secs(20),
    )?;
    let saves: Vec<Save> = lab.js_as("return window.__saves;", vec![])?;
    let (nb, py) = (&saves[0], &saves[1]);
    ensure!(
        nb.name == "gd-lab-notebook-sgd-lr0.2-it20.ipynb",
        "notebook named {}",
        nb.name
    );
    ensure!(
        py.name == "gd-lab-script-sgd-lr0.2-it20.py" && py.mime == "text/x-python",
        "script {} {}",
        py.name,
        py.mime
    );
    let text = nb.text.clone().unwrap_or_default();
    let doc: Json =
        serde_json::from_str(&text).map_err(|e| e2e::Error::msg(format!("notebook JSON: {e}")))?;
    ensure!(
        doc["nbformat"] == 4 && doc["nbformat_minor"] == 5,
        "nbformat {} {}",
        doc["nbformat"],
        doc["nbformat_minor"]
    );
    let code: String = doc["cells"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["cell_type"] == "code")
        .flat_map(|c| c["source"].as_array().cloned().unwrap_or_default())
        .filter_map(|l| l.as_str().map(String::from))
        .collect();
    let (x, y, table): (Vec<f64>, Vec<f64>, Vec<Vec<f64>>) = lab.js_as(
        "const grab = (name) => arguments[0].split(name + ' = torch.tensor([')[1].split('])')[0].split(',').map((s) => s.trim()).filter((s) => s).map(Number); \
         const d = window.wasmBindings.makeData(); \
         const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]); \
         return [grab('X'), grab('Y'), [[same(grab('X'), [...d.x]) ? 1 : 0, same(grab('Y'), [...d.y]) ? 1 : 0]]];",
        vec![json!(code)],
    )?;
    ensure!(
        table[0] == [1.0, 1.0],
        "the notebook's X/Y ({} and {} values) differ from the page's data",
        x.len(),
        y.len()
    );
    ensure!(
        code.contains("lr=0.2") || code.contains("LR = 0.2"),
        "no lr 0.2 in the code"
    );
    ensure!(
        py.text
            .as_deref()
            .is_some_and(|t| t.contains("X = torch.tensor([")),
        "the script has no data"
    );
    // Kept for the PyTorch check (tests/data/check_export.py, and the page's table beside it).
    let out = e2e::workspace_root().join("target/export-e2e");
    std::fs::create_dir_all(&out).map_err(|e| e2e::Error::msg(e.to_string()))?;
    std::fs::write(out.join(&nb.name), &text).map_err(|e| e2e::Error::msg(e.to_string()))?;
    std::fs::write(out.join(&py.name), py.text.clone().unwrap_or_default())
        .map_err(|e| e2e::Error::msg(e.to_string()))?;
    let rows = table_values(&lab, "#train-table")?;
    std::fs::write(out.join("page-table.json"), json!(rows).to_string())
        .map_err(|e| e2e::Error::msg(e.to_string()))?;
    lab.expect_clean_console("while exporting the notebook and the script")
}
