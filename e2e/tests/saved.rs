//! The learner's work survives a reload: pasted data, an edited cost, a race and the practice
//! come back, said in one line; Start over gives the default lab; a Share link opened in the
//! same browser shows its own state and keeps the saved work; hostile saved records give the
//! default lab, no console error, nothing injected; `save=off` saves nothing.

use std::time::Duration;

use e2e::{ensure, Lab, Result};
use serde_json::{json, Value as Json};

const WAIT: Duration = Duration::from_secs(60);
/// The saved-work key of `/index.html` without embed parameters (`app::saved::storage_key`).
const KEY: &str = "gd-lab:1:/index.html?";
const MAE: &str = "mean(abs(yhat - y))";
const POINTS: &str = "x,y\n1,2.5\n2,3\n3.5,4.75\n4,4.5\n5.25,6\n7,7.5\n";

/// What a learner would see of their work: the data box's status, the formula, the training
/// table, the race table, the practice's field and run, and the saved-work line.
fn work(lab: &Lab) -> Result<Json> {
    lab.js(
        "const rows = (css) => [...document.querySelectorAll(css + ' tbody tr')].map((tr) => tr.textContent);
         const line = document.getElementById('saved-line');
         return {
           cost: document.getElementById('formula-cost').value,
           train: rows('#train-table'),
           race: rows('#race-table'),
           practiceLr: document.getElementById('practice-lr').value,
           practiceRan: document.getElementById('cell-practice').classList.contains('done'),
           line: line.hidden ? '' : document.getElementById('saved-text').textContent,
         };",
    )
}

/// Waits until the saved record holds `needle`.
fn wait_saved(lab: &Lab, needle: &str) -> Result<()> {
    lab.wait_for_js(
        &format!("the saved record to hold {needle:?}"),
        &format!(
            "return (localStorage.getItem({}) ?? '').includes({});",
            json!(KEY),
            json!(needle)
        ),
        WAIT,
    )
}

/// Pastes points, applies the mean absolute error, runs the race and the practice.
fn do_some_work(lab: &Lab) -> Result<()> {
    lab.js_with(
        "const area = document.getElementById('data-text'); area.value = arguments[0];
         area.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(POINTS)],
    )?;
    lab.click_centred("#data-use")?;
    lab.js_with(
        "document.getElementById('formula-cost').value = arguments[0];",
        vec![json!(MAE)],
    )?;
    lab.click_centred("#formula-apply")?;
    lab.wait_for_js(
        "the formulas to be applied",
        "return document.getElementById('formula-status').textContent.startsWith('Applied');",
        WAIT,
    )?;
    lab.click_centred("#cell-race button.run")?;
    lab.wait_for_js(
        "the race's table",
        "return document.querySelectorAll('#race-table tbody tr').length > 0;",
        WAIT,
    )?;
    lab.type_into("#practice-lr", "0.05")?;
    lab.click_centred("#cell-practice button.run")?;
    wait_saved(lab, "practice")
}

#[test]
fn work_survives_a_reload_and_start_over_forgets_it() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let fresh = work(&lab)?;
    do_some_work(&lab)?;
    let before = work(&lab)?;
    ensure!(before["cost"] == MAE, "the cost was not applied: {before}");
    lab.browser.reopen_lab(&lab.url(""))?;
    let after = work(&lab)?;
    for field in ["cost", "train", "race", "practiceLr", "practiceRan"] {
        ensure!(
            after[field] == before[field],
            "{field} after the reload: {} (before: {})",
            after[field],
            before[field]
        );
    }
    ensure!(
        after["line"] == "Restored your work from this browser.",
        "the line says {}",
        after["line"]
    );
    lab.expect_clean_console("after a reload restored the work")?;

    lab.click_centred("#start-over")?;
    lab.browser.wait_ready(WAIT)?;
    let over = work(&lab)?;
    for field in ["cost", "train", "race", "practiceLr", "practiceRan", "line"] {
        ensure!(
            over[field] == fresh[field],
            "{field} after Start over: {} (a fresh lab: {})",
            over[field],
            fresh[field]
        );
    }
    let record = lab.js(&format!("return localStorage.getItem({});", json!(KEY)))?;
    ensure!(record.is_null(), "Start over left a record: {record}");
    lab.expect_clean_console("after Start over")
}

#[test]
fn a_share_link_shows_its_own_state_and_keeps_the_saved_work() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let fresh = work(&lab)?;
    do_some_work(&lab)?;
    let saved = work(&lab)?;
    lab.browser.reopen_lab(&lab.url("?lr=0.2"))?;
    let linked = work(&lab)?;
    ensure!(
        linked["cost"] != MAE
            && linked["train"] != saved["train"]
            && linked["race"] == fresh["race"],
        "the link's lab shows the saved work: {linked}"
    );
    let lr: String = lab.js_as(
        "return document.querySelector('.v-lr').textContent;",
        vec![],
    )?;
    ensure!(lr == "0.2", "the link's rate is not used: {lr}");
    ensure!(
        linked["line"]
            .as_str()
            .is_some_and(|l| l.starts_with("Opened from the link")),
        "the line says {}",
        linked["line"]
    );
    // The saved work is still there for the page without the link's settings.
    lab.browser.reopen_lab(&lab.url(""))?;
    let back = work(&lab)?;
    ensure!(
        back["train"] == saved["train"] && back["cost"] == MAE,
        "the saved work did not survive the link: {back}"
    );
    lab.expect_clean_console("after a Share link and the page again")
}

/// Hostile records: broken JSON, wrong shapes, other versions, and well-formed records whose
/// query carries markup, script URLs, huge numbers and junk.
fn hostile_records() -> Vec<String> {
    let shell = |query: &str, ran: &str| {
        format!(
            r#"{{"format":"gd-lab-state","version":1,"query":{},"ran":{ran}}}"#,
            json!(query)
        )
    };
    let mut out: Vec<String> = [
        "",
        "{",
        "null",
        "[]",
        "\"text\"",
        "{\"format\":\"gd-lab-state\"}",
        "{\"format\":\"gd-lab-state\",\"version\":2,\"query\":\"\",\"ran\":[]}",
        "{\"format\":\"gd-lab-state\",\"version\":0,\"query\":\"\",\"ran\":[]}",
        "{\"format\":\"gd-lab-state\",\"version\":\"1\",\"query\":\"\",\"ran\":[]}",
        "{\"format\":\"gd-lab-state\",\"version\":1,\"query\":\"\",\"ran\":[\"<img src=x onerror=window.__pwned=1>\"]}",
        "{\"format\":\"gd-lab-state\",\"version\":1,\"query\":\"\\ud800\",\"ran\":[]}",
        "<script>window.__pwned=1</script>",
    ]
    .map(String::from)
    .to_vec();
    out.push(format!(
        "{{\"format\":\"gd-lab-state\",\"version\":1,\"query\":\"{}\",\"ran\":[]}}",
        "a".repeat(1_100_000)
    ));
    out.push("[".repeat(10_000));
    let queries = [
        "lr=<img src=x onerror=window.__pwned=1>",
        "model=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
        "cost=javascript:alert(1)",
        "data=1,2;1,2;1,2",
        "data=NaN,1;2,3",
        "lr=1e999&iterations=-1&grid=100000",
        "race=sgd(lr=1e308)&batchSize=0",
        "practiceLr=<b>x</b>",
        "host=https://evil.example&cells=data",
        "seed=99999999999999999999999&noise=-1",
        "dataset=../../etc/passwd",
        "optimizer=adam(betas=(2,2))&momentum=NaN",
        "theme=<style>",
    ];
    for query in queries {
        out.push(shell(query, "[\"data\",\"train\",\"race\"]"));
        out.push(shell(query, "[\"practice\"]"));
    }
    // Random bytes in the shape of JSON, from a fixed seed.
    let mut seed = 0x9e37_79b9_u32;
    let alphabet = b"{}[]\",:0123456789.eE+-tfnul\\\" aqr";
    for _ in 0..30 {
        let len = 5 + (seed % 60) as usize;
        let mut text = String::from("{\"format\":\"gd-lab-state\",");
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            text.push(alphabet[(seed as usize) % alphabet.len()] as char);
        }
        out.push(text);
    }
    out
}

#[test]
fn hostile_saved_records_give_the_default_lab_and_inject_nothing() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    const ACTIVE: &str =
        "script, img, iframe, object, embed, style, link, svg, a[href^='javascript']";
    let active: u64 = lab.js_as(
        &format!(
            "return document.querySelectorAll({}).length;",
            json!(ACTIVE)
        ),
        vec![],
    )?;
    for (i, record) in hostile_records().iter().enumerate() {
        lab.js_with(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(KEY), json!(record)],
        )?;
        lab.browser.reopen_lab(&lab.url(""))?;
        let shown: String = record.chars().take(80).collect();
        let (pwned, now): (bool, u64) = lab.js_as(
            &format!(
                "return [window.__pwned === 1, document.querySelectorAll({}).length];",
                json!(ACTIVE)
            ),
            vec![],
        )?;
        ensure!(!pwned, "record {i} ran a script: {shown}");
        ensure!(
            now == active,
            "record {i} added markup ({now} active elements, a fresh lab has {active}): {shown}"
        );
        let seen = work(&lab)?;
        ensure!(
            seen["train"]
                .as_array()
                .is_some_and(|rows| !rows.is_empty()),
            "record {i} did not open a lab that trains: {shown}"
        );
        lab.expect_clean_console(&format!("with hostile record {i}: {shown}"))?;
    }
    Ok(())
}

#[test]
fn save_off_saves_nothing() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("?save=off")?;
    lab.click_centred("#cell-race button.run")?;
    lab.wait_for_js(
        "the race's table",
        "return document.querySelectorAll('#race-table tbody tr').length > 0;",
        WAIT,
    )?;
    lab.frames(40)?;
    let stored: u64 = lab.js_as("return localStorage.length;", vec![])?;
    ensure!(stored == 0, "save=off wrote {stored} record(s)");
    lab.expect_clean_console("with save=off")
}
