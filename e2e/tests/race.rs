//! The optimizer race (cell 9): it runs with its button, its table equals the API's `train`
//! with the same optimizer objects, the log scale, refused fields keep the last race, the
//! lab's optimizer URL parameters round-trip through Share, hostile values give notices;
//! screenshots of the cell at 1280 and 390 px.

use e2e::page::{self, Figure};
use e2e::{ensure, Lab, Result, Viewport};
use serde_json::{json, Value as Json};

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

fn run_race(lab: &Lab) -> Result<()> {
    lab.click_centred("#cell-race button.run")
}

fn race_figures(lab: &Lab) -> Result<Vec<Figure>> {
    page::figures(lab, "#cell-race canvas")
}

/// The table's rows: label, exact final cost, iterations to within 1 % (or "never"), verdict.
fn table(lab: &Lab) -> Result<Vec<(String, f64, String, String)>> {
    lab.js_as(
        "return [...document.querySelectorAll('#race-table tbody tr')].map((tr) => {
           const td = [...tr.children];
           return [td[0].textContent, parseFloat(td[1].dataset.value), td[2].textContent, td[3].textContent];
         });",
        vec![],
    )
}

/// Final costs and iterations-to-1 % of `train` with each optimizer object, from the lab's start.
fn expected(lab: &Lab, racers: Json, batch: Json) -> Result<Vec<(f64, String)>> {
    lab.js_as(
        "const [racers, batchSize] = arguments; const api = window.wasmBindings;
         const d = api.makeData(); const star = api.analyze(d.x, d.y).lossStar;
         return racers.map(([optimizer, lr]) => {
           const options = { w0: -15, b0: -10, lr, iterations: 15, optimizer };
           if (batchSize !== null) options.batchSize = batchSize;
           const r = api.train(d.x, d.y, options);
           const k = r.loss.findIndex((c) => Number.isFinite(c) && c <= star + 0.01 * Math.abs(star));
           return [r.loss[r.loss.length - 1], k < 0 ? 'never' : String(k)];
         });",
        vec![racers, batch],
    )
}

fn default_racers() -> Json {
    json!([
        [{ "name": "sgd" }, 0.1],
        [{ "name": "sgd", "momentum": 0.9 }, 0.1],
        [{ "name": "adam" }, 1.0],
        [{ "name": "rmsprop" }, 0.5]
    ])
}

fn expect_table(lab: &Lab, racers: Json, batch: Json, when: &str) -> Result<()> {
    let rows = table(lab)?;
    let want = expected(lab, racers, batch)?;
    ensure!(
        rows.len() == want.len(),
        "{when}: {} rows, want {}",
        rows.len(),
        want.len()
    );
    for (row, (cost, within)) in rows.iter().zip(&want) {
        ensure!(
            row.1 == *cost && row.2 == *within,
            "{when}: row {row:?} differs from train's final cost {cost} and within {within}"
        );
    }
    Ok(())
}

#[test]
fn the_race_waits_then_runs_and_equals_train() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let hidden: bool = lab.js_as(
        "return document.querySelector('#cell-race .output').hidden;",
        vec![],
    )?;
    ensure!(
        hidden,
        "the race ran on opening; it should wait for its Run button"
    );
    run_race(&lab)?;
    let figures = race_figures(&lab)?;
    let blank = page::unpainted(&figures);
    ensure!(
        figures.len() == 3 && blank.is_empty(),
        "race figures: {figures:#?}"
    );
    expect_table(&lab, default_racers(), Json::Null, "default race")?;
    let rows = table(&lab)?;
    ensure!(
        rows[0].3.starts_with("converges") && rows[2].3 == "no closed form",
        "verdicts: {rows:?}"
    );
    let legend: usize = lab.js_as(
        "return document.querySelectorAll('#race-legend li').length;",
        vec![],
    )?;
    ensure!(legend == 4, "the legend has {legend} entries, not 4");
    let alt = || -> Result<String> {
        lab.js_as(
            "return document.getElementById('fig-race-cost').getAttribute('aria-label');",
            vec![],
        )
    };
    ensure!(alt()?.contains("linear scale"), "cost chart: {}", alt()?);
    lab.click_centred("#race-log")?;
    ensure!(
        alt()?.contains("log scale"),
        "after the checkbox: {}",
        alt()?
    );
    lab.type_into("#race-batch", "7")?;
    run_race(&lab)?;
    expect_table(&lab, default_racers(), json!(7), "batch size 7")?;
    lab.expect_clean_console("racing")
}

#[test]
fn a_refused_field_says_why_beside_it_and_keeps_the_last_race() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    run_race(&lab)?;
    let before = table(&lab)?;
    let momentum: String = lab.js_as(
        "return document.querySelectorAll('#race-entries li')[1].querySelector('input[data-key=momentum]').id;",
        vec![],
    )?;
    lab.type_into(&format!("#{momentum}"), "1")?;
    run_race(&lab)?;
    let (message, invalid, described): (String, Option<String>, Option<String>) = lab.js_as(
        "const id = arguments[0]; const input = document.getElementById(id);
         return [document.getElementById(id + '-msg').textContent, input.getAttribute('aria-invalid'),
                 input.getAttribute('aria-describedby')];",
        vec![json!(momentum)],
    )?;
    ensure!(
        message == "momentum must be less than 1, got 1." && invalid.as_deref() == Some("true"),
        "momentum 1: {message:?} {invalid:?}"
    );
    ensure!(
        described == Some(format!("{momentum}-msg")),
        "aria-describedby {described:?}"
    );
    ensure!(table(&lab)? == before, "a refused field changed the table");
    lab.type_into(&format!("#{momentum}"), "0.9")?;
    lab.type_into("#race-batch", "0")?;
    run_race(&lab)?;
    let batch: String = lab.js_as(
        "return document.getElementById('race-batch-msg').textContent;",
        vec![],
    )?;
    ensure!(
        batch.contains("batch size must be a whole number"),
        "batch 0: {batch:?}"
    );
    ensure!(
        table(&lab)? == before,
        "a refused batch size changed the table"
    );
    lab.expect_clean_console("refusing fields")
}

#[test]
fn optimizer_parameters_train_the_lab_and_round_trip_through_share() -> Result<()> {
    let lab = e2e::lab()?;
    let race = "sgd,adam:lr=2:beta2=0.99";
    lab.open(&format!(
        "?optimizer=adam&batchSize=7&race={}",
        encode(race)
    ))?;
    ensure!(
        page::notices(&lab)?.is_empty(),
        "notices: {:?}",
        page::notices(&lab)?
    );
    let options = json!({ "w0": -15, "b0": -10, "lr": 0.1, "iterations": 15,
                          "optimizer": { "name": "adam" }, "batchSize": 7 });
    let check = page::check_table(&lab, "#train-table", Json::Null, options)?;
    ensure!(
        check.mismatches.is_empty() && check.rows == 16,
        "train table: {check:?}"
    );
    let verdict: String = lab.js_as(
        "return document.getElementById('train-verdict').textContent;",
        vec![],
    )?;
    ensure!(
        verdict.contains("Adam"),
        "the train cell does not name Adam: {verdict}"
    );
    run_race(&lab)?;
    let racers = json!([[{ "name": "sgd" }, 0.1], [{ "name": "adam", "beta2": 0.99 }, 2.0]]);
    expect_table(&lab, racers, json!(7), "the URL's race")?;
    lab.click("#share")?;
    let url: String = lab.js_as("return document.getElementById('share-url').value;", vec![])?;
    for part in ["optimizer=adam", "batchSize=7", "race="] {
        ensure!(url.contains(part), "the shared link {url} lacks {part}");
    }
    lab.browser.open_lab(&url)?;
    ensure!(
        page::notices(&lab)?.is_empty(),
        "shared link notices: {:?}",
        page::notices(&lab)?
    );
    let rows: usize = lab.js_as(
        "return document.querySelectorAll('#race-entries li').length;",
        vec![],
    )?;
    ensure!(rows == 2, "the shared link's race has {rows} racers");
    lab.expect_clean_console("sharing the optimizer parameters")
}

#[test]
fn hostile_optimizer_parameters_give_notices_and_no_console_error() -> Result<()> {
    let lab = e2e::lab()?;
    let hostile = [
        ("optimizer", "<img src=x onerror=alert(1)>"),
        ("momentum", "2"),
        ("batchSize", "-1"),
        ("race", "adam:momentum=0.9"),
        ("race", "sgd:nesterov=1"),
        ("race", "<b>sgd</b>"),
    ];
    let query: Vec<String> = hostile
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    lab.open(&format!("?{}", query.join("&")))?;
    let notices = page::notices(&lab)?;
    ensure!(notices.len() == hostile.len(), "notices: {notices:#?}");
    let injected: usize = lab.js_as(
        "return document.querySelectorAll('#notices img, #notices b').length;",
        vec![],
    )?;
    ensure!(injected == 0, "a notice rendered markup");
    lab.open("?optimizer=adagrad&momentum=0.5")?;
    let notices = page::notices(&lab)?;
    ensure!(
        notices.len() == 1 && notices[0].contains("momentum"),
        "{notices:?}"
    );
    lab.expect_clean_console("hostile optimizer parameters")
}

fn shoot(lab: &Lab, name: &str) -> Result<()> {
    lab.open("")?;
    run_race(lab)?;
    lab.js("document.getElementById('cell-race').scrollIntoView(); return null;")?;
    lab.frames(2)?;
    lab.screenshot(&format!("{name}-race-top"))?;
    lab.js("document.getElementById('fig-race-cost').scrollIntoView(); return null;")?;
    lab.frames(2)?;
    lab.screenshot(&format!("{name}-race-bottom"))?;
    let blank = page::unpainted(&race_figures(lab)?);
    ensure!(
        blank.is_empty(),
        "{name}: race figures not painted: {blank:#?}"
    );
    lab.expect_clean_console(name)
}

#[test]
fn screenshots_of_the_race_at_1280_and_390() -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(Viewport::desktop(1280, 900)))?;
    shoot(&lab, "desktop-1280")?;
    lab.set_viewport(Some(Viewport::phone(390, 844)))?;
    shoot(&lab, "phone-390")?;
    let wide: f64 = lab.js_as("return document.documentElement.scrollWidth;", vec![])?;
    ensure!(wide <= 391.0, "at 390 px the page scrolls sideways: {wide}");
    Ok(())
}

fn choose(lab: &Lab, optimizer: &str, momentum: &str) -> Result<()> {
    lab.js_with(
        "const [name, momentum] = arguments;
         const field = document.getElementById('explore-momentum');
         field.value = momentum; field.dispatchEvent(new Event('change'));
         const menu = document.getElementById('explore-optimizer');
         menu.value = name; menu.dispatchEvent(new Event('change'));
         return null;",
        vec![json!(optimizer), json!(momentum)],
    )?;
    lab.frames(2)
}

#[test]
fn the_explorers_optimizer_choice_trains_with_it() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let marks = || -> Result<String> {
        lab.js_as(
            "return document.getElementById('explore-lr-marks-text').textContent;",
            vec![],
        )
    };
    for (name, momentum, optimizer, mark) in [
        ("adam", "0", json!({ "name": "adam" }), "no closed-form"),
        (
            "sgd",
            "0.9",
            json!({ "name": "sgd", "momentum": 0.9 }),
            "2(1 + μ)/λmax",
        ),
        (
            "rmsprop",
            "0.5",
            json!({ "name": "rmsprop", "momentum": 0.5 }),
            "no closed-form",
        ),
    ] {
        choose(&lab, name, momentum)?;
        let options =
            json!({ "w0": -15, "b0": -10, "lr": 0.1, "iterations": 40, "optimizer": optimizer });
        let check = page::check_table(&lab, "#explore-table", Json::Null, options)?;
        ensure!(
            check.rows == 41 && check.mismatches.is_empty(),
            "{name} μ {momentum}: the explorer's table differs from train: {check:?}"
        );
        ensure!(marks()?.contains(mark), "{name}: ticks say {:?}", marks()?);
    }
    choose(&lab, "sgd", "1")?;
    let (note, invalid): (String, Option<String>) = lab.js_as(
        "return [document.getElementById('explore-note').textContent,
                 document.getElementById('explore-momentum').getAttribute('aria-invalid')];",
        vec![],
    )?;
    ensure!(
        note.contains("momentum must be") && invalid.as_deref() == Some("true"),
        "momentum 1: {note:?} {invalid:?}"
    );
    lab.expect_clean_console("choosing the explorer's optimizer")
}

#[test]
fn run_all_runs_the_race_after_the_explorer() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    lab.click_centred("#run-all")?;
    let cells = page::cells(&lab)?;
    let find = |name: &str| {
        cells
            .iter()
            .find(|c| c.name == name)
            .ok_or_else(|| e2e::Error::msg(format!("no {name} cell")))
    };
    let (explore, race) = (find("explore")?, find("race")?);
    // The counter goes on from the opening's runs; the practice waits for a typed rate, so
    // the race counts right after the explorer.
    let count = |c: &str| c.trim_matches(['[', ']']).parse::<u32>().unwrap_or(0);
    ensure!(
        race.outputs_shown && count(&race.counter) == count(&explore.counter) + 1,
        "after Run all: {race:?}, explorer {explore:?}"
    );
    let blank = page::unpainted(&race_figures(&lab)?);
    ensure!(
        blank.is_empty(),
        "race figures not painted after Run all: {blank:#?}"
    );
    lab.expect_clean_console("Run all with the race")
}
