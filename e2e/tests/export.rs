//! Saving figures: every figure's save menu gives a PNG, an SVG and its CSVs. Each download
//! is intercepted (see `e2e::downloads`), never trusted from the click, and read back: the
//! PNG has the canvas's size, the SVG parses and holds the figure's title, every CSV number
//! equals the page's.

use std::time::Duration;

use e2e::downloads::{csv_rows, table_values, Save, CAPTURE};
use e2e::{ensure, Lab, Result, Viewport};
use serde_json::json;

/// The state the tests set: not the defaults, so every number is the page's own.
const QUERY: &str = "?lr=0.2&iterations=20";

/// Scrolls figure `figure`'s save button to the middle of the window and opens its menu.
fn open_menu(lab: &Lab, figure: &str) -> Result<()> {
    let toggle = format!("[aria-controls='save-menu-{figure}']");
    lab.js_with(
        "document.querySelector(arguments[0]).scrollIntoView({block: 'center'});",
        vec![json!(toggle)],
    )?;
    lab.click(&toggle)
}

/// Clicks `item` in figure `figure`'s save menu (opening it with its button) and returns
/// the download it made, once read.
fn save(lab: &Lab, figure: &str, item: &str) -> Result<Save> {
    let count: usize = lab.js_as("return window.__saves.length;", vec![])?;
    let toggle = format!("#save-menu-{figure}");
    open_menu(lab, figure)?;
    let open: bool = lab.js_as(
        "const m = document.querySelector(arguments[0]); return !m.hidden && m.getClientRects().length > 0;",
        vec![json!(toggle)],
    )?;
    ensure!(open, "the save menu of {figure} did not open");
    lab.click(&format!("{toggle} button[data-format='{item}']"))?;
    let read = format!(
        "const s = window.__saves[{count}]; return !!s && (s.text !== null || s.png !== null);"
    );
    lab.wait_for_js(
        &format!("{figure} {item} to download"),
        &read,
        Duration::from_secs(20),
    )?;
    let saved: Save = lab.js_as(&format!("return window.__saves[{count}];"), vec![])?;
    let said: String = lab.js_as(
        "return document.getElementById('save-status').textContent;",
        vec![],
    )?;
    let wanted = format!("Saved {}", saved.name);
    lab.wait_for_js(
        "the live region to say what was saved",
        &format!(
            "return document.getElementById('save-status').textContent === {};",
            json!(wanted)
        ),
        Duration::from_secs(5),
    )
    .map_err(|e| e.context(format!("it says {said:?}")))?;
    Ok(saved)
}

/// The figure's title and the text of the SVG's labels, parsed by the browser's DOMParser.
fn check_svg(lab: &Lab, figure: &str, saved: &Save, title: &str) -> Result<()> {
    ensure!(
        saved.mime == "image/svg+xml",
        "{figure} SVG has type {}",
        saved.mime
    );
    ensure!(
        saved.name == format!("{}.svg", stem(lab, figure)?),
        "{figure} SVG named {}",
        saved.name
    );
    let (ok, texts, shapes): (bool, Vec<String>, usize) = lab.js_as(
        "const doc = new DOMParser().parseFromString(arguments[0], 'image/svg+xml'); \
         return [!doc.querySelector('parsererror') && doc.documentElement.localName === 'svg', \
                 [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()), \
                 doc.querySelectorAll('path, polyline, line, rect, circle, polygon').length];",
        vec![json!(saved.text.clone().unwrap_or_default())],
    )?;
    ensure!(ok, "{figure}'s SVG does not parse as SVG");
    ensure!(
        texts.iter().any(|t| t.starts_with(title)),
        "{figure}'s SVG has no title {title:?}: {:?}",
        &texts[..texts.len().min(8)]
    );
    ensure!(shapes > 10, "{figure}'s SVG has {shapes} shapes");
    ensure!(
        saved.size as usize >= saved.text.as_ref().map_or(0, String::len),
        "{figure} SVG size {}",
        saved.size
    );
    Ok(())
}

/// The file name's stem for figure `figure`: the explorer's run has its own iterations,
/// read from its table (one row per record, one more than the updates).
fn stem(lab: &Lab, figure: &str) -> Result<String> {
    let table = if figure.starts_with("explore") {
        "#explore-table"
    } else {
        "#train-table"
    };
    let rows: usize = lab.js_as(
        "return document.querySelectorAll(arguments[0] + ' tbody tr').length;",
        vec![json!(table)],
    )?;
    Ok(format!(
        "gd-lab-{figure}-lr0.2-it{}",
        rows.saturating_sub(1)
    ))
}

fn check_png(lab: &Lab, figure: &str, saved: &Save) -> Result<()> {
    let size: (u32, u32) = lab.js_as(
        "const c = document.getElementById(arguments[0]); return [c.width, c.height];",
        vec![json!(format!("fig-{figure}"))],
    )?;
    ensure!(
        saved.mime == "image/png" && saved.size > 1000,
        "{figure} PNG: {} of {} bytes",
        saved.mime,
        saved.size
    );
    ensure!(
        saved.png == Some(size),
        "{figure} PNG is {:?}, the canvas {size:?}",
        saved.png
    );
    ensure!(
        saved.name == format!("{}.png", stem(lab, figure)?),
        "PNG named {}",
        saved.name
    );
    Ok(())
}

fn check_trajectory(lab: &Lab, saved: &Save, table: &str) -> Result<()> {
    ensure!(
        saved.mime == "text/csv",
        "trajectory CSV has type {}",
        saved.mime
    );
    let (header, rows) = csv_rows(lab, saved.text.as_deref().unwrap_or(""))?;
    ensure!(
        header == "iteration,w,b,cost",
        "trajectory header {header:?}"
    );
    let table = table_values(lab, table)?;
    ensure!(
        rows.len() == table.len() && !rows.is_empty(),
        "{} CSV rows, {} table rows",
        rows.len(),
        table.len()
    );
    for (i, (row, cells)) in rows.iter().zip(&table).enumerate() {
        ensure!(
            row[0] == i as f64 && row[1..] == cells[..],
            "row {i}: CSV {row:?}, table {cells:?}"
        );
    }
    Ok(())
}

fn check_data(lab: &Lab, saved: &Save) -> Result<()> {
    let (header, rows) = csv_rows(lab, saved.text.as_deref().unwrap_or(""))?;
    let (x, y): (Vec<f64>, Vec<f64>) = lab.js_as(
        "const d = window.wasmBindings.makeData(); return [[...d.x], [...d.y]];",
        vec![],
    )?;
    ensure!(
        header == "x,y" && rows.len() == x.len(),
        "data CSV: {header:?}, {} rows",
        rows.len()
    );
    for (i, row) in rows.iter().enumerate() {
        ensure!(
            row[..] == [x[i], y[i]],
            "data row {i}: {row:?} vs ({}, {})",
            x[i],
            y[i]
        );
    }
    Ok(())
}

fn check_grid(lab: &Lab, saved: &Save) -> Result<()> {
    let (header, rows) = csv_rows(lab, saved.text.as_deref().unwrap_or(""))?;
    ensure!(header == "w,b,cost", "grid header {header:?}");
    ensure!(
        rows.len() >= 100
            && rows
                .iter()
                .all(|r| r.len() == 3 && r.iter().all(|v| v.is_finite())),
        "grid CSV has {} rows",
        rows.len()
    );
    // The first row is the cost at the grid's corner, as the API computes it.
    let corner: f64 = lab.js_as(
        "const d = window.wasmBindings.makeData(); \
         return window.wasmBindings.train(d.x, d.y, { w0: arguments[0], b0: arguments[1], lr: 1e-12, iterations: 1 }).loss[0];",
        vec![json!(rows[0][0]), json!(rows[0][1])],
    )?;
    ensure!(
        (corner - rows[0][2]).abs() <= 1e-9 * corner.abs().max(1.0),
        "grid corner cost {} vs train's {corner}",
        rows[0][2]
    );
    Ok(())
}

/// The figures saved, each with its title and CSV items.
const FIGURES: [(&str, &str); 7] = [
    ("data", "Noisy data and the true line"),
    ("contour", "Cost contours"),
    ("surface", "Cost surface L(w, b)"),
    ("train-3-params", "Parameter space, iteration 3"),
    ("results-cost", "Cost per iteration"),
    ("explore-contour", "Parameter space, iteration "),
    ("explore-surface", "Cost surface (drag to turn)"),
];

fn save_everything(lab: &Lab, figures: &[(&str, &str)]) -> Result<()> {
    lab.click("#run-all")?;
    lab.wait_for_js(
        "the explorer to draw",
        "return !!document.querySelector('#explore-table tbody tr');",
        Duration::from_secs(60),
    )?;
    lab.js(CAPTURE)?;
    for &(figure, title) in figures {
        check_png(lab, figure, &save(lab, figure, "png")?)?;
        let svg = save(lab, figure, "svg")?;
        check_svg(lab, figure, &svg, title)?;
        // Kept to look at beside the canvas's PNG.
        let out = e2e::workspace_root().join("target/export-e2e");
        std::fs::create_dir_all(&out)?;
        std::fs::write(out.join(&svg.name), svg.text.unwrap_or_default())?;
        let items: Vec<String> = lab.js_as(
            "return [...document.querySelectorAll(`#save-menu-${arguments[0]} button`)].map((b) => b.dataset.format).filter((f) => f !== 'png' && f !== 'svg');",
            vec![json!(figure)],
        )?;
        ensure!(!items.is_empty(), "{figure} offers no CSV");
        for item in items {
            let saved = save(lab, figure, &item)?;
            ensure!(
                saved.name == format!("gd-lab-{item}-lr0.2-it20.csv")
                    || item.starts_with("explore"),
                "CSV named {}",
                saved.name
            );
            match item.as_str() {
                "data" => check_data(lab, &saved)?,
                "trajectory" => check_trajectory(lab, &saved, "#train-table")?,
                "explore-trajectory" => check_trajectory(lab, &saved, "#explore-table")?,
                _ => check_grid(lab, &saved)?,
            }
        }
    }
    Ok(())
}

#[test]
fn every_save_downloads_its_file_at_desktop_width() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open(QUERY)?;
    let note: bool = lab.js_as("return !!document.getElementById('sandbox-note');", vec![])?;
    ensure!(!note, "the sandbox note is still in a lab that started");
    save_everything(&lab, &FIGURES)?;
    // A menu left open, for the screenshot.
    open_menu(&lab, "results-cost")?;
    lab.screenshot("export-menu-1280")?;
    lab.expect_clean_console("while saving every figure at 1280 px")
}

#[test]
fn saving_works_on_a_phone_width() -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(Viewport::phone(390, 844)))?;
    lab.open(QUERY)?;
    save_everything(&lab, &FIGURES[..2])?;
    open_menu(&lab, "contour")?;
    lab.screenshot("export-menu-390")?;
    lab.expect_clean_console("while saving at 390 px")
}

#[test]
fn escape_closes_the_menu_and_returns_the_focus() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open(QUERY)?;
    let toggle = "[aria-controls='save-menu-data']";
    lab.click(toggle)?;
    let (expanded, focus_in_menu): (String, bool) = lab.js_as(
        "const t = document.querySelector(arguments[0]); \
         return [t.getAttribute('aria-expanded'), document.getElementById('save-menu-data').contains(document.activeElement)];",
        vec![json!(toggle)],
    )?;
    ensure!(
        expanded == "true" && focus_in_menu,
        "open menu: aria-expanded {expanded}, focus in menu {focus_in_menu}"
    );
    lab.press(&[e2e::Key::Escape])?;
    let (expanded, hidden, focused): (String, bool, bool) = lab.js_as(
        "const t = document.querySelector(arguments[0]); \
         return [t.getAttribute('aria-expanded'), document.getElementById('save-menu-data').hidden, document.activeElement === t];",
        vec![json!(toggle)],
    )?;
    ensure!(
        expanded == "false" && hidden && focused,
        "after Escape: aria-expanded {expanded}, hidden {hidden}, focus back {focused}"
    );
    let texts: Vec<String> = lab.js_as(
        "return [...document.querySelectorAll('#save-menu-data button')].map((b) => b.textContent);",
        vec![],
    )?;
    ensure!(
        texts == ["PNG image", "SVG image", "Data CSV"],
        "items {texts:?}"
    );
    lab.expect_clean_console("while opening and closing a save menu")
}
