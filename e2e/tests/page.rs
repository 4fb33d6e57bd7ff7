//! The page as it opens: a clean console, the API, one ready mark, nothing from another
//! origin, and every figure shown is painted.

use e2e::page::{self, EXPLORE_FIGURES, OPENING_FIGURES};
use e2e::{ensure, Result, Viewport};
use serde_json::json;

#[test]
fn console_capture_sees_a_deliberate_error_and_warning() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    lab.console()?;
    let probe = format!("e2e-probe-{}", std::process::id());
    lab.js_with(
        "const p = arguments[0]; console.error(p + '-error'); console.warn(p + '-warning'); \
         console.log(p + '-log'); setTimeout(() => { throw new Error(p + '-uncaught'); }, 0);",
        vec![json!(probe)],
    )?;
    lab.frames(2)?;
    let entries = lab.console()?;
    let has = |level: &str, text: &str| {
        entries
            .iter()
            .any(|e| e.level == level && e.message.contains(&format!("{probe}-{text}")))
    };
    let listed: String = entries.iter().map(|e| format!("\n  {e}")).collect();
    ensure!(
        has("SEVERE", "error"),
        "console.error was not captured:{listed}"
    );
    ensure!(
        has("WARNING", "warning"),
        "console.warn was not captured:{listed}"
    );
    ensure!(
        has("SEVERE", "uncaught"),
        "an uncaught exception was not captured:{listed}"
    );
    ensure!(
        entries
            .iter()
            .filter(|e| e.is_problem())
            .all(|e| e.message.contains(&probe)),
        "the console had problems besides the probe:{listed}"
    );
    let again = lab.console()?;
    ensure!(
        again.iter().all(|e| !e.message.contains(&probe)),
        "reading the console did not empty it: {again:?}"
    );
    Ok(())
}

#[test]
fn opens_with_a_clean_console_the_api_and_one_ready_mark() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    lab.frames(3)?;
    lab.expect_clean_console("while opening the lab")?;
    let missing: Vec<String> = lab.js_as(
        "return ['makeData', 'train', 'step', 'lossGrid', 'analyze']
           .filter((name) => typeof window.wasmBindings?.[name] !== 'function');",
        vec![],
    )?;
    ensure!(missing.is_empty(), "window.wasmBindings lacks {missing:?}");
    let marks: usize = lab.js_as(
        "return performance.getEntriesByName('lab-ready').length;",
        vec![],
    )?;
    ensure!(
        marks == 1,
        "performance has {marks} 'lab-ready' entries, not 1"
    );
    Ok(())
}

#[test]
fn loads_nothing_from_another_origin() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let resources: Vec<String> = lab.js_as(
        "return performance.getEntriesByType('resource').map((r) => r.name);",
        vec![],
    )?;
    let origin = lab.site.origin();
    let foreign: Vec<&String> = resources
        .iter()
        .filter(|url| !url.starts_with(&format!("{origin}/")))
        .collect();
    ensure!(
        foreign.is_empty(),
        "resources from another origin: {foreign:?}"
    );
    for file in [".wasm", "style.css", "loader.js"] {
        ensure!(
            resources.iter().any(|url| url.contains(file)),
            "{file} is not among the loaded resources {resources:?}"
        );
    }
    let failed: Vec<_> = lab
        .site
        .served()
        .into_iter()
        .filter(|s| s.status != 200)
        .collect();
    ensure!(failed.is_empty(), "requests that failed: {failed:?}");
    Ok(())
}

#[test]
fn every_figure_shown_on_opening_is_painted() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let shown = page::visible_figures(&lab)?;
    let ids: Vec<&str> = shown.iter().map(|f| f.id.as_str()).collect();
    let absent: Vec<&&str> = OPENING_FIGURES
        .iter()
        .chain(EXPLORE_FIGURES.iter())
        .filter(|id| !ids.contains(id))
        .collect();
    ensure!(
        absent.is_empty(),
        "figures not shown on opening: {absent:?}; shown: {ids:?}"
    );
    ensure!(
        shown.len() >= OPENING_FIGURES.len() + EXPLORE_FIGURES.len(),
        "only {} figures shown",
        shown.len()
    );
    let blank = page::unpainted(&shown);
    ensure!(blank.is_empty(), "figures not painted: {blank:#?}");
    Ok(())
}

#[test]
fn practice_figures_wait_for_the_practice() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let practice = page::figures(&lab, "#cell-practice canvas")?;
    ensure!(
        !practice.is_empty(),
        "the practice has no canvas (expected #fig-practice-compare)"
    );
    let shown: Vec<String> = practice
        .iter()
        .filter(|f| f.visible)
        .map(ToString::to_string)
        .collect();
    ensure!(
        shown.is_empty(),
        "practice figures shown before the practice ran: {shown:?}"
    );
    let cells = page::cells(&lab)?;
    let practice = cells
        .iter()
        .find(|c| c.name == "practice")
        .ok_or_else(|| e2e::Error::msg("no practice cell"))?;
    ensure!(
        !practice.any_output_shown && practice.counter == "[ ]",
        "the practice ran on opening: {practice:?}"
    );
    Ok(())
}

/// Records every layout shift from the document's start, with what moved.
const OBSERVE_SHIFTS: &str = "window.__shifts = []; \
    new PerformanceObserver(l => window.__shifts.push(...l.getEntries().map(e => ({ \
      value: e.value, \
      moved: e.sources.map(s => s.node ? s.node.nodeName + '#' + (s.node.id || '') : '?'), \
    })))).observe({ type: 'layout-shift', buffered: true });";

#[test]
fn opening_moves_nothing_on_the_page() -> Result<()> {
    let lab = e2e::lab()?;
    let shifted = lab.with_document_script(OBSERVE_SHIFTS, || {
        // Every width is checked before one is reported.
        let mut shifted = Vec::new();
        for viewport in [Viewport::phone(390, 844), Viewport::desktop(1280, 900)] {
            lab.set_viewport(Some(viewport))?;
            lab.open("")?;
            lab.frames(3)?;
            let shifts: Vec<serde_json::Value> = lab.js_as("return window.__shifts;", vec![])?;
            let total: f64 = shifts.iter().filter_map(|s| s["value"].as_f64()).sum();
            // A reader's text must not jump while the figures draw (Lighthouse's CLS counts it).
            if total > 0.001 {
                shifted.push(format!(
                    "{} px wide: {total:.3} in {shifts:?}",
                    viewport.width
                ));
            }
        }
        Ok(shifted)
    })?;
    ensure!(
        shifted.is_empty(),
        "the page moved while opening: {shifted:#?}"
    );
    Ok(())
}
