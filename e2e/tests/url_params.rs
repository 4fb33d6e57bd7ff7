//! URL parameters: numbers, which cells and which figure show, and bad values refused with a
//! notice each, as text.

use e2e::page;
use e2e::{ensure, Lab, Result};
use serde_json::{json, Value as Json};

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn visible_cells(lab: &Lab) -> Result<(Vec<String>, Vec<String>)> {
    lab.js_as(
        "const cells = [...document.querySelectorAll('.cell')];
         return [cells.filter((c) => c.getClientRects().length > 0).map((c) => c.id),
                 cells.filter((c) => c.classList.contains('hidden-cell')).map((c) => c.id)];",
        vec![],
    )
}

#[test]
fn lr_and_iterations_come_from_the_url() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("?lr=0.2&iterations=9")?;
    let check = page::check_table(
        &lab,
        "#train-table",
        Json::Null,
        json!({ "w0": -15, "b0": -10, "lr": 0.2, "iterations": 9 }),
    )?;
    ensure!(
        check.rows == 10 && check.records == 10,
        "?lr=0.2&iterations=9: the table has {} rows, train {} records; both should be 10",
        check.rows,
        check.records
    );
    ensure!(
        check.mismatches.is_empty(),
        "table and train(lr 0.2, 9 iterations) differ:\n  {}",
        check.mismatches.join("\n  ")
    );
    let notices = page::notices(&lab)?;
    ensure!(
        notices.is_empty(),
        "good parameters got notices: {notices:?}"
    );
    let prose: Vec<(String, String)> = lab.js_as(
        "return [...document.querySelectorAll('.v-lr, .v-iterations')].map((s) => [s.className, s.textContent]);",
        vec![],
    )?;
    ensure!(
        !prose.is_empty()
            && prose.iter().all(|(class, text)| {
                (class == "v-lr" && text == "0.2") || (class == "v-iterations" && text == "9")
            }),
        "the prose should say lr 0.2 and 9 iterations: {prose:?}"
    );
    lab.expect_clean_console("with ?lr=0.2&iterations=9")
}

#[test]
fn cells_param_shows_only_those_cells() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("?cells=data,train")?;
    let (shown, hidden) = visible_cells(&lab)?;
    ensure!(
        shown == ["cell-data", "cell-train"],
        "?cells=data,train shows {shown:?}"
    );
    for cell in [
        "objective",
        "model",
        "surface",
        "results",
        "explore",
        "practice",
    ] {
        let id = format!("cell-{cell}");
        ensure!(
            hidden.contains(&id),
            "#{id} lacks the class hidden-cell (hidden: {hidden:?})"
        );
    }
    let figures = page::visible_figures(&lab)?;
    let blank = page::unpainted(&figures);
    ensure!(
        figures.len() == 11 && blank.is_empty(),
        "data and train should show 11 painted figures: {figures:#?}"
    );
    let check = page::check_table(
        &lab,
        "#train-table",
        Json::Null,
        json!({ "w0": -15, "b0": -10, "lr": 0.1, "iterations": 15 }),
    )?;
    ensure!(
        check.rows == 16 && check.mismatches.is_empty(),
        "the train cell's table: {check:?}"
    );
    lab.expect_clean_console("with ?cells=data,train")
}

#[test]
fn each_bad_value_gets_a_notice_as_text() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let baseline = page::element_count(&lab)?;
    let bad = [
        ("lr", "NaN"),
        ("lr", "-1"),
        ("iterations", "1e9"),
        ("grid", "5000"),
        ("seed", "abc"),
        ("cells", "evil"),
        ("figure", "nope"),
        ("noise", "<img src=x onerror=alert(1)>"),
        ("unknown", "1"),
    ];
    let mut failures = Vec::new();
    for (key, value) in bad {
        let query = format!("?{key}={}", encode(value));
        let outcome = (|| -> Result<()> {
            lab.open(&query)?;
            if let Some(text) = lab.open_dialog() {
                e2e::bail!("a dialog opened: {text:?}");
            }
            let notices = page::notices(&lab)?;
            ensure!(
                notices.len() == 1 && notices[0].contains(key),
                "expected one notice naming {key:?}, got {notices:?}"
            );
            let shown: bool =
                lab.js_as("return !document.getElementById('notices').hidden;", vec![])?;
            ensure!(shown, "#notices is hidden");
            let count = page::element_count(&lab)?;
            let images: usize = lab.js_as("return document.images.length;", vec![])?;
            ensure!(
                images == 0 && count.risky == baseline.risky,
                "markup was injected: {images} img, elements {count:?} vs {baseline:?} on a plain page"
            );
            lab.expect_clean_console("")
        })();
        if let Err(e) = outcome {
            failures.push(format!("{query}: {e}"));
        }
    }
    ensure!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

fn expect_only_figure(lab: &Lab, figure: &str) -> Result<()> {
    lab.open(&format!("?figure={figure}"))?;
    let shown = page::visible_figures(lab)?;
    let ids: Vec<&str> = shown.iter().map(|f| f.id.as_str()).collect();
    if ids != [format!("fig-{figure}")] {
        let layout = lab.js_with(
            "const c = document.getElementById('fig-' + arguments[0]);
             return { body: document.body.className,
                      cell: c?.closest('.cell')?.className ?? null,
                      figure: c?.closest('figure')?.className ?? null,
                      canvasDisplayed: !!c && c.getClientRects().length > 0 };",
            vec![json!(figure)],
        )?;
        e2e::bail!("?figure={figure} shows {ids:?}; layout: {layout}");
    }
    ensure!(shown[0].is_painted(), "not painted: {}", shown[0]);
    let notices = page::notices(lab)?;
    ensure!(notices.is_empty(), "notices: {notices:?}");
    lab.expect_clean_console(&format!("with ?figure={figure}"))
}

#[test]
fn figure_param_shows_only_that_figure() -> Result<()> {
    let lab = e2e::lab()?;
    expect_only_figure(&lab, "contour")
}

#[test]
fn figure_param_picks_one_training_panel() -> Result<()> {
    let lab = e2e::lab()?;
    expect_only_figure(&lab, "train-6-params")
}

#[test]
fn practice_rate_from_the_url_runs_it_quietly_in_a_lone_cell() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("?cells=practice&practiceLr=0.2")?;
    let (value, status, panels): (String, String, usize) = lab.js_as(
        "return [document.getElementById('practice-lr').value,
                 document.querySelector('#cell-practice .status').textContent,
                 document.querySelectorAll('#practice-panels canvas').length];",
        vec![],
    )?;
    ensure!(value == "0.2", "practiceLr fills the field: {value:?}");
    ensure!(panels == 10, "the practice ran on opening: {panels} panels");
    ensure!(
        status.is_empty(),
        "cells hidden by the URL run without a note about them: {status:?}"
    );
    lab.expect_clean_console("while opening a lone practice cell")
}

#[test]
fn share_gives_a_link_that_reproduces_the_lab() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("?lr=0.2&seed=7&cells=data,train,practice")?;
    lab.type_into("#practice-lr", "0.25")?;
    lab.click("#cell-practice button.run")?;
    lab.click("#share")?;
    lab.frames(3)?;
    let (shown, link): (bool, String) = lab.js_as(
        "return [!document.getElementById('share-box').hidden,
                 document.getElementById('share-url').value];",
        vec![],
    )?;
    ensure!(shown, "Share shows the link box");
    for part in [
        "lr=0.2",
        "seed=7",
        "cells=data,train,practice",
        "practiceLr=0.25",
    ] {
        ensure!(link.contains(part), "the link {link:?} keeps {part}");
    }
    lab.open_lab(&link)?;
    let check = page::check_table(
        &lab,
        "#train-table",
        json!({ "seed": 7 }),
        json!({ "w0": -15, "b0": -10, "lr": 0.2, "iterations": 15 }),
    )?;
    ensure!(
        check.rows == 16 && check.mismatches.is_empty(),
        "the shared link trains with lr 0.2 on seed 7: {check:?}"
    );
    let practice: usize = lab.js_as(
        "return document.querySelectorAll('#practice-panels canvas').length;",
        vec![],
    )?;
    ensure!(
        practice == 10,
        "the shared link runs the practice with its rate: {practice} panels"
    );
    lab.expect_clean_console("while sharing and opening the shared link")
}
