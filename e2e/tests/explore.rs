//! The explorer: every view shows the same iteration, a click on the contour starts a run,
//! the learning-rate slider crosses the critical rate, the surface turns, runs compare.

use e2e::{ensure, Lab, Result};
use serde::Deserialize;

/// What the explorer's views say they show: each canvas's text alternative, the table's
/// current row and the first and last records of the current run.
#[derive(Debug, Deserialize)]
struct Views {
    data: String,
    contour: String,
    surface: String,
    cost: String,
    row: Option<String>,
    first: [f64; 3],
    last: [f64; 3],
    note_class: String,
}

fn views(lab: &Lab) -> Result<Views> {
    lab.js_as(
        "const alt = (n) => document.getElementById('fig-explore-' + n).getAttribute('aria-label');
         const rows = [...document.querySelectorAll('#explore-table tbody tr')];
         const nums = (tr) => [...tr.querySelectorAll('td[data-value]')].map((td) => parseFloat(td.dataset.value));
         return { data: alt('data'), contour: alt('contour'), surface: alt('surface'), cost: alt('cost'),
                  row: document.querySelector('#explore-table tr.current')?.dataset.iteration ?? null,
                  first: nums(rows[0]), last: nums(rows[rows.length - 1]),
                  note_class: document.getElementById('explore-note').className };",
        vec![],
    )
}

/// Sets a range or number input and fires the event a user's change fires.
fn set_input(lab: &Lab, id: &str, value: f64, event: &str) -> Result<()> {
    lab.js_with(
        "const [id, value, event] = arguments; const el = document.getElementById(id);
         el.value = String(value); el.dispatchEvent(new Event(event, { bubbles: true }));",
        vec![id.into(), value.into(), event.into()],
    )?;
    lab.frames(2)
}

/// Fires pointer events on a canvas at fractions (fx, fy) of its box.
fn pointer(lab: &Lab, id: &str, kind: &str, fx: f64, fy: f64, buttons: u32) -> Result<()> {
    lab.js_with(
        "const [id, kind, fx, fy, buttons] = arguments; const c = document.getElementById(id);
         const r = c.getBoundingClientRect();
         c.dispatchEvent(new PointerEvent(kind, { bubbles: true, clientX: r.left + fx * r.width,
           clientY: r.top + fy * r.height, buttons, pointerId: 1, isPrimary: true }));",
        vec![id.into(), kind.into(), fx.into(), fy.into(), buttons.into()],
    )?;
    lab.frames(2)
}

fn pixels(lab: &Lab, id: &str) -> Result<String> {
    lab.js_as(
        "return document.getElementById(arguments[0]).toDataURL();",
        vec![id.into()],
    )
}

fn open_explorer(lab: &Lab) -> Result<()> {
    lab.open("?cells=explore")?;
    lab.js("document.getElementById('cell-explore').scrollIntoView();")?;
    lab.frames(2)
}

#[test]
fn scrubbing_moves_every_view_to_the_same_iteration() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    for k in [0, 7, 23, 3] {
        set_input(&lab, "explore-iteration", f64::from(k), "input")?;
        let v = views(&lab)?;
        let at = format!("iteration {k}");
        for (name, alt) in [
            ("data", &v.data),
            ("contour", &v.contour),
            ("surface", &v.surface),
            ("cost", &v.cost),
        ] {
            ensure!(
                alt.contains(&at),
                "after scrubbing to {k}, the {name} view says: {alt}"
            );
        }
        ensure!(
            v.row.as_deref() == Some(&*k.to_string()),
            "table row {:?} is marked, not {k}",
            v.row
        );
    }
    lab.click("#explore-forward")?;
    lab.frames(2)?;
    ensure!(
        views(&lab)?.data.contains("iteration 4"),
        "▶ steps to iteration 4"
    );
    lab.screenshot("explore-scrubbed")?;
    lab.expect_clean_console("while scrubbing")
}

#[test]
fn clicking_the_contour_starts_a_run_there_and_dragging_moves_it() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let before = views(&lab)?;
    pointer(&lab, "fig-explore-contour", "pointerdown", 0.75, 0.3, 1)?;
    let clicked = views(&lab)?;
    let [w0, b0, cost0] = clicked.first;
    ensure!(
        w0 > 2.0 && b0 > 2.0,
        "a click right of and above the centre starts at w, b > 0: ({w0}, {b0})"
    );
    ensure!(
        clicked.first != before.first,
        "the run's start moved: {:?}",
        clicked.first
    );
    // The new run is exactly what the API trains from that start.
    let api: [f64; 3] = lab.js_as(
        "const [w0, b0] = arguments; const d = wasmBindings.makeData();
         const r = wasmBindings.train(d.x, d.y, { w0, b0, lr: 0.1, iterations: 40 });
         return [r.w[40], r.b[40], r.loss[40]];",
        vec![w0.into(), b0.into()],
    )?;
    ensure!(
        api == clicked.last,
        "table's last record {:?} equals train's {api:?}",
        clicked.last
    );
    ensure!(
        cost0 > clicked.last[2],
        "the run descends from its new start"
    );
    pointer(&lab, "fig-explore-contour", "pointermove", 0.3, 0.7, 1)?;
    let dragged = views(&lab)?;
    ensure!(
        dragged.first[0] < w0 - 4.0 && dragged.first[1] < b0 - 4.0,
        "dragging moved the start to {:?}",
        dragged.first
    );
    pointer(&lab, "fig-explore-contour", "pointerup", 0.3, 0.7, 0)?;
    pointer(&lab, "fig-explore-contour", "pointermove", 0.5, 0.5, 0)?;
    let readout: String = lab.js_as(
        "return document.getElementById('readout-explore-contour').textContent;",
        vec![],
    )?;
    ensure!(
        readout.starts_with("w = ") && readout.contains("cost = "),
        "hover reads out (w, b, cost): {readout:?}"
    );
    ensure!(
        views(&lab)?.first == dragged.first,
        "hovering without a button does not move the start"
    );
    lab.screenshot("explore-click-to-start")?;
    lab.expect_clean_console("while clicking and dragging on the contour plot")
}

#[test]
fn the_rate_slider_crossing_the_critical_rate_shows_divergence() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let critical: f64 = lab.js_as(
        "const d = wasmBindings.makeData(); return wasmBindings.analyze(d.x, d.y).criticalLr;",
        vec![],
    )?;
    let marks: Vec<f64> = lab.js_as(
        "return [...document.querySelectorAll('#explore-lr-marks option')].map((o) => parseFloat(o.value));",
        vec![],
    )?;
    // The slider is logarithmic from 0.001 to 1 over 0..1000.
    let position = |lr: f64| ((lr.log10() + 3.0) / 3.0 * 1000.0).round();
    ensure!(
        marks.contains(&position(critical)),
        "2/λmax is marked on the slider: {marks:?}"
    );
    ensure!(
        marks.contains(&position(critical / 2.0)),
        "1/λmax is marked on the slider: {marks:?}"
    );
    set_input(&lab, "explore-lr", position(critical) - 15.0, "input")?;
    let below = views(&lab)?;
    ensure!(
        below.last[2] < below.first[2],
        "just below 2/λmax the cost falls: {:?} → {:?}",
        below.first,
        below.last
    );
    ensure!(
        !below.note_class.contains("diverges"),
        "note below the critical rate: {}",
        below.note_class
    );
    set_input(&lab, "explore-lr", position(critical) + 15.0, "input")?;
    let above = views(&lab)?;
    ensure!(
        above.last[2] > 10.0 * above.first[2],
        "just above 2/λmax the cost climbs: {:?} → {:?}",
        above.first,
        above.last
    );
    ensure!(
        above.note_class.contains("diverges"),
        "the note names divergence: {}",
        above.note_class
    );
    let note: String = lab.js_as(
        "return document.getElementById('explore-note').textContent;",
        vec![],
    )?;
    ensure!(
        note.contains(&format!("{:.3}", critical)) || note.contains("2/λmax"),
        "the note names the critical rate: {note}"
    );
    let blank = e2e::page::unpainted(&e2e::page::figures(&lab, "#cell-explore canvas")?);
    ensure!(
        blank.is_empty(),
        "no view goes blank when the run diverges: {blank:?}"
    );
    set_input(&lab, "explore-lr-number", 0.05, "change")?;
    let slow = views(&lab)?;
    ensure!(
        slow.last[2] < slow.first[2],
        "typing 0.05 in the number field trains again"
    );
    lab.screenshot("explore-diverging")?;
    lab.expect_clean_console("while moving the learning rate across the critical rate")
}

#[test]
fn the_surface_turns_by_drag_and_by_keys() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let start = (views(&lab)?.surface, pixels(&lab, "fig-explore-surface")?);
    pointer(&lab, "fig-explore-surface", "pointerdown", 0.5, 0.5, 1)?;
    pointer(&lab, "fig-explore-surface", "pointermove", 0.7, 0.55, 1)?;
    pointer(&lab, "fig-explore-surface", "pointerup", 0.7, 0.55, 0)?;
    let dragged = (views(&lab)?.surface, pixels(&lab, "fig-explore-surface")?);
    ensure!(
        dragged.0 != start.0,
        "dragging changes the view angle: {} / {}",
        start.0,
        dragged.0
    );
    ensure!(dragged.1 != start.1, "dragging redraws the surface");
    lab.js("document.getElementById('fig-explore-surface').focus();")?;
    lab.press(&[e2e::Key::Right])?;
    lab.frames(2)?;
    let keyed = views(&lab)?.surface;
    ensure!(keyed != dragged.0, "the right arrow key turns it: {keyed}");
    pointer(&lab, "fig-explore-surface", "pointermove", 0.5, 0.6, 0)?;
    let readout: String = lab.js_as(
        "return document.getElementById('readout-explore-surface').textContent;",
        vec![],
    )?;
    ensure!(
        readout.contains("cost = ") || readout.contains("drag"),
        "hovering the surface reads out: {readout:?}"
    );
    lab.screenshot("explore-rotated")?;
    lab.expect_clean_console("while turning the surface")
}

#[test]
fn kept_runs_are_compared_on_one_chart() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    lab.click("#explore-keep")?;
    set_input(&lab, "explore-lr-number", 0.2, "change")?;
    lab.click("#explore-keep")?;
    set_input(&lab, "explore-lr-number", 0.3, "change")?;
    lab.frames(2)?;
    let legend: Vec<String> = lab.js_as(
        "return [...document.querySelectorAll('#explore-runs li')].map((li) => li.textContent);",
        vec![],
    )?;
    ensure!(legend.len() == 3, "now + two kept runs: {legend:?}");
    ensure!(
        legend.iter().any(|l| l.contains("lr 0.1")) && legend.iter().any(|l| l.contains("lr 0.2")),
        "{legend:?}"
    );
    let linear = pixels(&lab, "fig-explore-cost")?;
    lab.click("#explore-log")?;
    lab.frames(2)?;
    let pressed: String = lab.js_as(
        "return document.getElementById('explore-log').getAttribute('aria-pressed');",
        vec![],
    )?;
    ensure!(pressed == "true", "log scale is on");
    ensure!(
        pixels(&lab, "fig-explore-cost")? != linear,
        "the log scale redraws the cost chart"
    );
    lab.screenshot("explore-compare")?;
    lab.click("#explore-clear")?;
    lab.frames(2)?;
    let left: usize = lab.js_as(
        "return document.querySelectorAll('#explore-runs li').length;",
        vec![],
    )?;
    ensure!(left == 1, "clearing leaves the current run only");
    lab.expect_clean_console("while comparing runs")
}

#[test]
fn new_noise_and_seed_recompute_everything() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let before = (views(&lab)?, pixels(&lab, "fig-explore-data")?);
    lab.click("#explore-new-noise")?;
    lab.frames(2)?;
    let seed: String = lab.js_as(
        "return document.getElementById('explore-seed').value;",
        vec![],
    )?;
    ensure!(seed == "43", "new noise takes the next seed: {seed}");
    let after = (views(&lab)?, pixels(&lab, "fig-explore-data")?);
    ensure!(after.1 != before.1, "the data view shows the new points");
    ensure!(
        after.0.last != before.0.last,
        "the run is trained again on the new data"
    );
    set_input(&lab, "explore-seed", 42.0, "change")?;
    ensure!(
        views(&lab)?.last == before.0.last,
        "seed 42 gives the first data back"
    );
    set_input(&lab, "explore-seed", -3.0, "change")?;
    let note: String = lab.js_as(
        "return document.getElementById('explore-note').textContent;",
        vec![],
    )?;
    ensure!(
        note.contains("seed"),
        "a bad seed is refused in words: {note}"
    );
    lab.expect_clean_console("while changing the data")
}
