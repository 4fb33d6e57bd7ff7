//! Bringing your own data to the data cell: pasted in its many forms, opened with the file
//! picker, dropped on the cell; the training table equals the API's `train` on those points;
//! a refused paste says where and why and loses nothing.

mod own_data_common;

use e2e::{ensure, page, Result};
use own_data_common::{
    box_state, expect_table_equals_train, figure_pixels, paste, table_values, WAIT,
};

/// Points far from the lab's line, so a changed table shows.
const X: [f64; 6] = [1.0, 2.0, 3.5, 4.0, 5.25, 7.0];
const Y: [f64; 6] = [2.5, 3.0, 4.75, 4.5, 6.0, 7.5];

fn rows(sep: &str, eol: &str, header: bool) -> String {
    let mut out = String::new();
    if header {
        out.push_str(&format!("x{sep}y{eol}"));
    }
    for (x, y) in X.iter().zip(Y) {
        out.push_str(&format!("{x}{sep}{y}{eol}"));
    }
    out
}

#[test]
fn every_form_of_paste_trains_on_its_points() -> Result<()> {
    let lab = e2e::lab()?;
    let forms = [
        ("CSV with a header", rows(",", "\n", true)),
        ("TSV", rows("\t", "\n", false)),
        ("semicolons", rows(";", "\n", true)),
        ("CRLF", rows(",", "\r\n", true)),
        (
            "a byte-order mark",
            format!("\u{feff}{}", rows(",", "\n", true)),
        ),
        ("spaces", rows("  ", "\n", false)),
    ];
    for (what, text) in forms {
        lab.open("")?;
        paste(&lab, &text)?;
        let state = box_state(&lab)?;
        ensure!(
            state.message.is_empty() && state.invalid.as_deref() == Some("false"),
            "{what}: refused: {state:?}"
        );
        ensure!(
            state.read.contains("6 points"),
            "{what}: the status does not say what was read: {:?}",
            state.read
        );
        expect_table_equals_train(&lab, &X, &Y, false, 0.0)?;
        let alt: String = lab.js_as(
            "return document.getElementById('fig-data').getAttribute('aria-label') ?? \
             document.getElementById('fig-data').textContent;",
            vec![],
        )?;
        ensure!(
            alt.contains("no true line"),
            "{what}: the data figure's text: {alt:?}"
        );
    }
    lab.expect_clean_console("while pasting tables")
}

#[test]
fn ctrl_enter_in_the_box_uses_it() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    lab.type_into("#data-text", &rows(",", "\n", true))?;
    lab.press(&[e2e::Key::Control, e2e::Key::Enter])?;
    expect_table_equals_train(&lab, &X, &Y, false, 0.0)?;
    lab.expect_clean_console("after Ctrl+Enter")
}

#[test]
fn the_file_picker_reads_a_csv() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let dir = e2e::workspace_root().join("target/e2e-files");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("points.csv");
    std::fs::write(&path, rows(",", "\r\n", true))?;
    lab.send_file("#data-file", &path)?;
    lab.wait_for_js(
        "the file's points in the status",
        "return document.getElementById('data-read').textContent.includes('6 points');",
        WAIT,
    )?;
    expect_table_equals_train(&lab, &X, &Y, false, 0.0)?;
    lab.expect_clean_console("after opening a file")
}

#[test]
fn dropping_a_file_on_the_cell_reads_it() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let highlighted: bool = lab.js_as(
        "const cell = document.getElementById('cell-data');
         const dt = new DataTransfer();
         dt.items.add(new File([arguments[0]], 'dropped.tsv', { type: 'text/tab-separated-values' }));
         cell.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
         const on = cell.classList.contains('drag-over');
         cell.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
         return on && !cell.classList.contains('drag-over');",
        vec![serde_json::json!(rows("\t", "\n", false))],
    )?;
    ensure!(
        highlighted,
        "the cell is not highlighted during the drag (or stays so)"
    );
    lab.wait_for_js(
        "the dropped file's points",
        "return document.getElementById('data-read').textContent.includes('6 points');",
        WAIT,
    )?;
    expect_table_equals_train(&lab, &X, &Y, false, 0.0)?;
    lab.expect_clean_console("after a drop")
}

#[test]
fn a_bad_paste_names_the_place_and_keeps_the_old_data() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    paste(&lab, &rows(",", "\n", true))?;
    lab.frames(2)?;
    let (table, pixels) = (table_values(&lab)?, figure_pixels(&lab)?);
    paste(&lab, "x,y\n1,2\n2,3\n3,abc\n")?;
    lab.frames(2)?;
    let state = box_state(&lab)?;
    ensure!(
        state.message.contains("line 4, column 2") && state.message.contains("\"abc\""),
        "the message should name line 4, column 2 and quote abc: {state:?}"
    );
    ensure!(
        state.invalid.as_deref() == Some("true")
            && state.described
            && state.role.as_deref() == Some("alert"),
        "the box is not marked invalid or not tied to its alert: {state:?}"
    );
    ensure!(
        table_values(&lab)? == table,
        "a refused paste changed the training table"
    );
    ensure!(
        figure_pixels(&lab)? == pixels,
        "a refused paste changed the figures"
    );
    paste(&lab, "1,2\n1,3\n")?;
    let again = box_state(&lab)?;
    ensure!(
        again.message != state.message && !again.message.is_empty(),
        "the message is not replaced at the next try: {again:?}"
    );
    paste(&lab, &rows(";", "\n", false))?;
    let fixed = box_state(&lab)?;
    ensure!(
        fixed.message.is_empty() && fixed.invalid.as_deref() == Some("false"),
        "a good paste does not clear the message: {fixed:?}"
    );
    lab.expect_clean_console("after a bad paste")
}

#[test]
fn hostile_pastes_are_refused_as_text() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let table = table_values(&lab)?;
    let before = page::element_count(&lab)?;
    let many: String = (0..10_001).map(|i| format!("{i},{}\n", i % 7)).collect();
    let huge = format!("x,y\n{}", "1,2\n".repeat(300_000));
    let hostile = [
        (
            "markup",
            "<img src=x onerror=alert(1)>\n<script>alert(2)</script>".to_string(),
        ),
        ("markup in a cell", "x,y\n1,<b>2</b>\n2,3\n".to_string()),
        ("1e999", "x,y\n1,2\n1e999,3\n".to_string()),
        ("NaN", "1,2\nNaN,3\n3,4\n".to_string()),
        ("one point", "x,y\n1,2\n".to_string()),
        ("10 001 rows", many),
        ("more than 1 MB", huge),
        ("empty", "   \n\n".to_string()),
        ("every x equal", "2,1\n2,3\n2,5\n".to_string()),
        ("a missing value", "1,2\n3,\n".to_string()),
    ];
    for (what, text) in &hostile {
        paste(&lab, text)?;
        let state = box_state(&lab)?;
        ensure!(
            !state.message.is_empty() && state.invalid.as_deref() == Some("true"),
            "{what}: not refused: {state:?}"
        );
        ensure!(
            state.children == 0,
            "{what}: the message holds elements: {state:?}"
        );
        ensure!(
            table_values(&lab)? == table,
            "{what}: the training table changed"
        );
        let now = page::element_count(&lab)?;
        ensure!(
            now.risky == before.risky && now.all == before.all,
            "{what}: elements appeared: {before:?} → {now:?}"
        );
    }
    lab.expect_clean_console("after hostile pastes")
}
