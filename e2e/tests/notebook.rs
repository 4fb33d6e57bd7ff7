//! The notebook's controls: Restart, Run all, running a later cell, Shift+Enter.

use std::time::Duration;

use e2e::page::{self, Cell, EXPLORE_FIGURES, OPENING_FIGURES};
use e2e::{ensure, Key, Lab, Result};

fn cell<'a>(cells: &'a [Cell], name: &str) -> Result<&'a Cell> {
    cells
        .iter()
        .find(|c| c.name == name)
        .ok_or_else(|| e2e::Error::msg(format!("no cell {name} in {cells:?}")))
}

/// Opens the lab and presses Restart; checks that everything is cleared.
fn open_and_restart(lab: &Lab) -> Result<()> {
    lab.open("")?;
    lab.click("#restart")?;
    let outputs: Vec<bool> = lab.js_as(
        "return [...document.querySelectorAll('.output')].map((o) => o.hidden);",
        vec![],
    )?;
    ensure!(
        !outputs.is_empty() && outputs.iter().all(|&hidden| hidden),
        "after Restart some .output is shown (hidden flags: {outputs:?})"
    );
    let counters: Vec<String> = lab.js_as(
        "return [...document.querySelectorAll('.counter')].map((c) => c.textContent);",
        vec![],
    )?;
    ensure!(
        !counters.is_empty() && counters.iter().all(|c| c == "[ ]"),
        "after Restart the counters are {counters:?}"
    );
    Ok(())
}

#[test]
fn restart_hides_every_output_and_resets_counters() -> Result<()> {
    let lab = e2e::lab()?;
    open_and_restart(&lab)?;
    let shown = page::visible_figures(&lab)?;
    ensure!(
        shown.is_empty(),
        "figures still shown after Restart: {:?}",
        shown.iter().map(|f| &f.id).collect::<Vec<_>>()
    );
    lab.expect_clean_console("while restarting")
}

#[test]
fn run_all_shows_outputs_with_counters_in_order() -> Result<()> {
    let lab = e2e::lab()?;
    open_and_restart(&lab)?;
    lab.click("#run-all")?;
    let cells = page::cells(&lab)?;
    let ran = ["data", "model", "surface", "train", "results", "explore"];
    for (i, name) in ran.iter().enumerate() {
        let c = cell(&cells, name)?;
        ensure!(
            c.outputs_shown,
            "after Run all, cell {name}'s output is hidden: {c:?}"
        );
        ensure!(
            c.counter == format!("[{}]", i + 1),
            "after Run all, cell {name} shows {}, expected [{}] (cells: {cells:?})",
            c.counter,
            i + 1
        );
    }
    let practice = cell(&cells, "practice")?;
    ensure!(
        practice.counter == "[ ]" && !practice.any_output_shown && !practice.status.is_empty(),
        "Run all with no learning rate typed should leave the practice unrun with a hint: {practice:?}"
    );
    let shown = page::visible_figures(&lab)?;
    ensure!(
        shown.len() >= OPENING_FIGURES.len() + EXPLORE_FIGURES.len(),
        "after Run all only {} figures are shown",
        shown.len()
    );
    let blank = page::unpainted(&shown);
    ensure!(blank.is_empty(), "after Run all, not painted: {blank:#?}");
    lab.expect_clean_console("during Restart and Run all")
}

#[test]
fn a_later_cell_runs_the_cells_it_needs_first() -> Result<()> {
    let lab = e2e::lab()?;
    open_and_restart(&lab)?;
    lab.click("#cell-results button.run")?;
    let cells = page::cells(&lab)?;
    for (i, name) in ["data", "model", "surface", "train", "results"]
        .iter()
        .enumerate()
    {
        let c = cell(&cells, name)?;
        ensure!(
            c.outputs_shown && c.counter == format!("[{}]", i + 1),
            "running Results after Restart: cell {name} should have run as [{}]: {c:?}",
            i + 1
        );
    }
    let explore = cell(&cells, "explore")?;
    ensure!(
        explore.counter == "[ ]" && !explore.any_output_shown,
        "Results does not need the explorer, yet it ran: {explore:?}"
    );
    let results = cell(&cells, "results")?;
    ensure!(
        results.status.starts_with("Ran ")
            && ["Make some data", "model", "surface", "Train"]
                .iter()
                .all(|t| results.status.contains(t)),
        "the Results status should say which cells ran first, got {:?}",
        results.status
    );
    let figures = page::figures(&lab, "#cell-results canvas")?;
    let blank = page::unpainted(&figures);
    ensure!(
        figures.len() == 3 && blank.is_empty(),
        "Results' figures: {figures:#?}"
    );
    lab.expect_clean_console("while running Results after Restart")
}

#[test]
fn shift_enter_runs_the_focused_cell_and_moves_on() -> Result<()> {
    let lab = e2e::lab()?;
    open_and_restart(&lab)?;
    lab.js("document.getElementById('cell-data').focus();")?;
    let focused = lab.js("return document.activeElement?.id ?? null;")?;
    ensure!(
        focused == "cell-data",
        "focusing #cell-data left the focus on {focused}"
    );
    lab.press(&[Key::Shift, Key::Enter])?;
    let cells = page::cells(&lab)?;
    let data = cell(&cells, "data")?;
    ensure!(
        data.counter == "[1]" && data.outputs_shown,
        "Shift+Enter on #cell-data did not run it: {data:?}"
    );
    lab.wait_for_js(
        "the focus to move to #cell-model",
        "return document.activeElement?.id === 'cell-model';",
        Duration::from_secs(2),
    )
    .map_err(|e| {
        let at = lab
            .js("return document.activeElement?.id || document.activeElement?.tagName;")
            .map(|v| v.to_string())
            .unwrap_or_default();
        e.context(format!("after Shift+Enter the focus is on {at}"))
    })?;
    lab.press(&[Key::Shift, Key::Enter])?;
    let cells = page::cells(&lab)?;
    let model = cell(&cells, "model")?;
    ensure!(
        model.counter == "[2]" && model.outputs_shown,
        "Shift+Enter on #cell-model did not run it: {model:?}"
    );
    lab.expect_clean_console("while running cells with Shift+Enter")
}

#[test]
fn running_the_training_again_keeps_one_note_above_its_table() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let counter = "return document.querySelector('#cell-train .counter').textContent;";
    for _ in 0..3 {
        let before: String = lab.js_as(counter, vec![])?;
        lab.click_centred("#cell-train button.run")?;
        lab.wait_for_js(
            "the training cell to run again",
            &format!(
                "return document.querySelector('#cell-train .counter').textContent !== {before:?};"
            ),
            Duration::from_secs(10),
        )?;
    }
    let captions: Vec<String> = lab.js_as(
        "return [...document.querySelectorAll('#train-table caption')].map((c) => c.textContent);",
        vec![],
    )?;
    ensure!(
        captions == ["Trained on x as given.", "w, b and cost before each update"],
        "after three more runs the table's captions are {captions:?}"
    );
    lab.expect_clean_console("while training again")
}
