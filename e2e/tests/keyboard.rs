//! The lab by keyboard alone: the explorer's start set with arrows on the contour plot (the
//! table follows and equals `train` from there), every element reached by Tab and Shift+Tab in
//! page order and never hidden under the sticky top bar, the rate slider read as a rate.

use e2e::page;
use e2e::{ensure, Key, Lab, Result, Viewport};
use serde::Deserialize;
use serde_json::{json, Value as Json};
use std::time::Duration;

fn open_explorer(lab: &Lab) -> Result<()> {
    lab.open("?cells=explore")?;
    lab.js("document.getElementById('cell-explore').scrollIntoView();")?;
    lab.frames(2)
}

/// The explorer's current start and rate, as its controls show them.
fn explorer_start(lab: &Lab) -> Result<(f64, f64, f64)> {
    lab.js_as(
        "const v = (id) => parseFloat(document.getElementById(id).value);
         return [v('explore-w0'), v('explore-b0'), v('explore-lr-number')];",
        vec![],
    )
}

#[test]
fn arrows_on_the_contour_plot_move_the_start_and_the_table_follows() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let before = explorer_start(&lab)?;
    lab.js("document.getElementById('fig-explore-contour').focus();")?;
    let focused: String = lab.js_as("return document.activeElement.id;", vec![])?;
    ensure!(
        focused == "fig-explore-contour",
        "the contour plot takes focus: {focused}"
    );
    lab.press(&[Key::Right])?;
    lab.press(&[Key::Right])?;
    lab.press(&[Key::Shift, Key::Up])?;
    lab.frames(3)?;
    let (w0, b0, lr) = explorer_start(&lab)?;
    // A thirtieth of the 30-wide window per arrow, five with Shift.
    ensure!(
        (w0 - (before.0 + 2.0)).abs() < 1e-9 && (b0 - (before.1 + 5.0)).abs() < 1e-9,
        "start moved from ({}, {}) to ({w0}, {b0}), expected +2 in w and +5 in b",
        before.0,
        before.1
    );
    let train = json!({ "w0": w0, "b0": b0, "lr": lr, "iterations": 40 });
    let check = page::check_table(&lab, "#explore-table", Json::Null, train)?;
    ensure!(
        check.mismatches.is_empty() && check.rows == check.records,
        "the explorer's table should equal train from ({w0}, {b0}): {check:?}"
    );
    let legend: String = lab.js_as(
        "return document.querySelector('#explore-runs .run-now')?.textContent ?? '';",
        vec![],
    )?;
    ensure!(
        legend.contains(&format!("from ({w0}, {b0})")),
        "the legend names the new start: {legend:?}"
    );
    lab.wait_for_js(
        "the live region to announce the new start and what the run does",
        &format!(
            "const t = document.getElementById('explore-live').textContent;
             return t.startsWith('Start w {w0}, b {b0}') && t.includes('the path');"
        ),
        Duration::from_secs(10),
    )?;
    lab.screenshot("keyboard-contour-start")?;
    lab.expect_clean_console("while moving the start by keyboard")
}

#[test]
fn the_cost_chart_has_a_keyboard_cursor_with_a_read_out() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    lab.js("document.getElementById('fig-explore-cost').focus();")?;
    lab.press(&[Key::Home])?;
    lab.press(&[Key::Right])?;
    lab.press(&[Key::Right])?;
    lab.frames(2)?;
    let (readout, row): (String, Option<String>) = lab.js_as(
        "return [document.getElementById('readout-explore-cost').textContent,
                 document.querySelector('#explore-table tr.current')?.dataset.iteration ?? null];",
        vec![],
    )?;
    ensure!(
        readout.starts_with("Iteration 2 of 40, cost "),
        "the read-out says the cursor's iteration and cost: {readout:?}"
    );
    ensure!(
        row.as_deref() == Some("2"),
        "the table marks iteration 2: {row:?}"
    );
    Ok(())
}

#[test]
fn the_rate_slider_is_announced_as_a_rate() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    lab.js("document.getElementById('explore-lr').focus();")?;
    lab.press(&[Key::Right])?;
    lab.frames(2)?;
    let (text, number): (Option<String>, String) = lab.js_as(
        "return [document.getElementById('explore-lr').getAttribute('aria-valuetext'),
                 document.getElementById('explore-lr-number').value];",
        vec![],
    )?;
    ensure!(
        text.as_deref() == Some(&format!("lr {number}")),
        "aria-valuetext is {text:?}, the rate shown is {number}"
    );
    Ok(())
}

/// Where the focused element is against the top bar.
#[derive(Debug, Deserialize)]
struct Focus {
    /// A short description: tag, id or class.
    name: String,
    /// Whether it comes after the previously focused element in the document.
    after_previous: Option<bool>,
    /// Its top, the bar's bottom and the window's height (CSS pixels).
    top: f64,
    bottom: f64,
    bar: f64,
    height: f64,
    in_bar: bool,
}

const FOCUS_JS: &str = "
const el = document.activeElement;
const bar = document.getElementById('topbar').getBoundingClientRect();
const r = el.getBoundingClientRect();
const prev = window.__lastFocus;
window.__lastFocus = el;
const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '');
return { name, top: r.top, bottom: r.bottom, bar: bar.bottom, height: window.innerHeight,
         in_bar: !!el.closest('#topbar'),
         after_previous: prev && prev !== el && prev !== document.body
           ? !!(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) : null };";

/// Tabs (or Shift+Tabs) through the whole page; one line per problem found.
fn walk(lab: &Lab, backwards: bool) -> Result<(usize, Vec<String>)> {
    // From the page's first control forwards, or from its last (the footer's link) backwards.
    let start: String = lab.js_as(
        "const all = document.querySelectorAll('#run-all, footer a');
         const el = arguments[0] ? all[all.length - 1] : all[0];
         el.focus(); window.__lastFocus = el; return el.id || el.tagName.toLowerCase();",
        vec![json!(backwards)],
    )?;
    let keys: &[Key] = if backwards {
        &[Key::Shift, Key::Tab]
    } else {
        &[Key::Tab]
    };
    let mut problems = Vec::new();
    let mut seen = 1;
    while seen < 400 {
        lab.press(keys)?;
        let f: Focus = lab.js_as(FOCUS_JS, vec![])?;
        let back_at_start = f.name == start || f.name.contains(&format!("#{start}"));
        if f.name == "body" || f.name == "html" || back_at_start {
            break;
        }
        seen += 1;
        if !f.in_bar && f.top < f.bar - 0.5 {
            problems.push(format!(
                "{} is under the top bar: top {:.0} < bar {:.0}",
                f.name, f.top, f.bar
            ));
        }
        if f.bottom > f.height + 0.5 && f.top > f.height {
            problems.push(format!("{} is below the window: top {:.0}", f.name, f.top));
        }
        if f.after_previous == Some(backwards) {
            problems.push(format!("{} is out of page order", f.name));
        }
    }
    Ok((seen, problems))
}

fn tab_through(viewport: Viewport) -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(viewport))?;
    lab.open("")?;
    let positive: usize = lab.js_as("return document.querySelectorAll('[tabindex]:not([tabindex=\"0\"]):not([tabindex=\"-1\"])').length;", vec![])?;
    ensure!(
        positive == 0,
        "{positive} element(s) with a positive tabindex reorder the page"
    );
    let (forward, mut problems) = walk(&lab, false)?;
    let (backward, back_problems) = walk(&lab, true)?;
    problems.extend(back_problems);
    ensure!(forward > 30, "Tab reached only {forward} elements");
    ensure!(backward > 30, "Shift+Tab reached only {backward} elements");
    ensure!(
        problems.is_empty(),
        "{} px wide:\n{}",
        viewport.width,
        problems.join("\n")
    );
    Ok(())
}

#[test]
fn tab_and_shift_tab_reach_everything_in_order_and_never_under_the_bar_1280() -> Result<()> {
    tab_through(Viewport::desktop(1280, 900))
}

#[test]
fn tab_and_shift_tab_reach_everything_in_order_and_never_under_the_bar_390() -> Result<()> {
    tab_through(Viewport::phone(390, 844))
}

#[test]
fn the_start_fields_set_the_start_and_refuse_a_point_outside_the_window() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let field = |lab: &Lab| -> Result<(Option<String>, String)> {
        lab.js_as(
            "return [document.getElementById('explore-w0').getAttribute('aria-invalid'),
                     document.getElementById('explore-start-msg').textContent];",
            vec![],
        )
    };
    lab.type_into("#explore-w0", "99")?;
    lab.press(&[Key::Tab])?;
    let (invalid, message) = field(&lab)?;
    ensure!(
        invalid.as_deref() == Some("true") && message.contains("w0"),
        "99 is outside the window: aria-invalid {invalid:?}, message {message:?}"
    );
    lab.type_into("#explore-w0", "3")?;
    lab.press(&[Key::Tab])?;
    lab.frames(2)?;
    let (invalid, message) = field(&lab)?;
    ensure!(
        invalid.as_deref() == Some("false") && message.is_empty(),
        "3 is a good start: aria-invalid {invalid:?}, message {message:?}"
    );
    let (w0, b0, lr) = explorer_start(&lab)?;
    ensure!(w0 == 3.0, "the run starts at w0 = 3, not {w0}");
    let train = json!({ "w0": w0, "b0": b0, "lr": lr, "iterations": 40 });
    let check = page::check_table(&lab, "#explore-table", Json::Null, train)?;
    ensure!(check.mismatches.is_empty(), "table vs train: {check:?}");
    lab.expect_clean_console("while typing a start")
}

#[test]
fn the_rate_and_seed_fields_mark_a_refused_value_and_name_it() -> Result<()> {
    let lab = e2e::lab()?;
    open_explorer(&lab)?;
    let state = |lab: &Lab, id: &str| -> Result<(Option<String>, Option<String>, String)> {
        lab.js_as(
            "const f = document.getElementById(arguments[0]);
             return [f.getAttribute('aria-invalid'), f.getAttribute('aria-describedby'),
                     document.getElementById('explore-note').textContent];",
            vec![json!(id)],
        )
    };
    for (id, bad, good) in [
        ("explore-lr-number", "5", "0.2"),
        ("explore-seed", "-1", "7"),
    ] {
        lab.type_into(&format!("#{id}"), bad)?;
        lab.press(&[Key::Tab])?;
        let (invalid, described, note) = state(&lab, id)?;
        ensure!(
            invalid.as_deref() == Some("true")
                && described.as_deref() == Some("explore-note")
                && !note.is_empty(),
            "{id} = {bad}: aria-invalid {invalid:?}, described by {described:?}, note {note:?}"
        );
        lab.type_into(&format!("#{id}"), good)?;
        lab.press(&[Key::Tab])?;
        lab.frames(2)?;
        let (invalid, _, _) = state(&lab, id)?;
        ensure!(
            invalid.as_deref() == Some("false"),
            "{id} = {good}: aria-invalid {invalid:?}"
        );
    }
    lab.expect_clean_console("while typing a refused rate and seed")
}
