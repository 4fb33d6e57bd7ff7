//! The training table holds exactly the numbers of the JavaScript API's `train`.

use e2e::page;
use e2e::{ensure, Result};
use serde_json::{json, Value as Json};

#[test]
fn training_table_equals_the_api() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let check = page::check_table(
        &lab,
        "#train-table",
        Json::Null,
        json!({ "w0": -15, "b0": -10, "lr": 0.1, "iterations": 15 }),
    )?;
    ensure!(
        check.records == 16,
        "train returned {} records, not 16",
        check.records
    );
    ensure!(
        check.rows == 16,
        "#train-table has {} rows, not 16",
        check.rows
    );
    ensure!(
        check.mismatches.is_empty(),
        "table and API differ:\n  {}",
        check.mismatches.join("\n  ")
    );
    let texts: Vec<String> = lab.js_as(
        "return ['train-verdict', 'train-final'].map((id) => document.getElementById(id)?.textContent.trim() ?? '');",
        vec![],
    )?;
    ensure!(
        texts.iter().all(|t| !t.is_empty()),
        "#train-verdict / #train-final are empty: {texts:?}"
    );
    lab.expect_clean_console("while opening the lab")
}
