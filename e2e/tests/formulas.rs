//! The model cell's editable formulas: an edited cost trains exactly as the API's `train`
//! with the same `cost`, a refused formula is shown under its line with a caret and changes
//! nothing, Reset returns the defaults, Share carries the formulas, and hostile formulas are
//! refused in words (or diverge as a run does) without a console error or injected markup.

use std::time::Duration;

use e2e::page;
use e2e::{ensure, Key, Lab, Result, Viewport};
use serde_json::{json, Value as Json};

const MAE: &str = "mean(abs(yhat - y))";
const WAIT: Duration = Duration::from_secs(60);

/// Sets a line's text (as a paste would) and presses Apply.
fn apply(lab: &Lab, model: &str, cost: &str) -> Result<()> {
    lab.js_with(
        "const [m, c] = arguments;
         document.getElementById('formula-model').value = m;
         document.getElementById('formula-cost').value = c;
         document.getElementById('formula-status').textContent = '';",
        vec![json!(model), json!(cost)],
    )?;
    click(lab, "formula-apply")
}

/// Clicks a button in the middle of the viewport: the sticky top bar covers its top.
fn click(lab: &Lab, id: &str) -> Result<()> {
    lab.js_with(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});",
        vec![json!(id)],
    )?;
    lab.click(&format!("#{id}"))?;
    lab.frames(2)
}

fn wait_applied(lab: &Lab) -> Result<()> {
    lab.wait_for_js(
        "the formulas to be applied",
        "return document.getElementById('formula-status').textContent.startsWith('Applied');",
        WAIT,
    )
}

/// The table of cell 5 against `train(x, y, {…, cost})` (model too when given), exactly.
fn expect_table(lab: &Lab, extra: Json, when: &str) -> Result<()> {
    let mut options = json!({ "w0": -15, "b0": -10, "lr": 0.1, "iterations": 15 });
    if let (Some(o), Some(e)) = (options.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    let check = page::check_table(lab, "#train-table", Json::Null, options)?;
    ensure!(
        check.rows == check.records && check.rows > 0 && check.mismatches.is_empty(),
        "{when}: #train-table ({} rows) differs from train ({} records):\n  {}",
        check.rows,
        check.records,
        check.mismatches.join("\n  ")
    );
    Ok(())
}

/// The texts that state the mean squared error's facts, joined.
fn fact_texts(lab: &Lab) -> Result<String> {
    lab.js_as(
        "return ['train-verdict', 'explore-note', 'explore-lr-marks-text', 'model-output']
           .map((id) => document.getElementById(id)?.textContent ?? '').join(' | ')
           + ' | options ' + document.querySelectorAll('#explore-lr-marks option').length;",
        vec![],
    )
}

fn scroll_to(lab: &Lab, id: &str) -> Result<()> {
    lab.js_with(
        "document.getElementById(arguments[0]).scrollIntoView({block: 'start'});
         window.scrollBy(0, -(document.getElementById('topbar').offsetHeight + 12));",
        vec![json!(id)],
    )?;
    lab.frames(2)
}

#[test]
fn mean_absolute_error_trains_like_the_api_and_reset_returns() -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(Viewport::desktop(1280, 900)))?;
    lab.open("")?;
    let facts = fact_texts(&lab)?;
    ensure!(
        facts.contains("2/λmax") && facts.ends_with("options 2"),
        "the default cost should state its critical rates: {facts}"
    );
    apply(&lab, "w*x + b", MAE)?;
    wait_applied(&lab)?;
    expect_table(
        &lab,
        json!({ "cost": MAE }),
        "after the mean absolute error",
    )?;
    let facts = fact_texts(&lab)?;
    ensure!(
        !facts.contains("1/λmax") && !facts.contains("closed-form optimum w*"),
        "a fact of the mean squared error is shown for the mean absolute error: {facts}"
    );
    ensure!(
        facts.ends_with("options 0") && facts.contains("lowest cost this run found"),
        "the explorer's ticks or the run's best point are wrong: {facts}"
    );
    let prose: (usize, usize) = lab.js_as(
        "const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => !e.hidden).length;
         return [shown('.mse-only'), shown('.formula-only')];",
        vec![],
    )?;
    ensure!(
        prose.0 == 0 && prose.1 > 0,
        "MSE-only prose still shown: {prose:?}"
    );
    let blank = page::unpainted(&page::visible_figures(&lab)?);
    ensure!(
        blank.is_empty(),
        "figures not painted after the edit: {blank:#?}"
    );
    scroll_to(&lab, "cell-surface")?;
    lab.screenshot("formulas-mae-surface-1280")?;
    scroll_to(&lab, "cell-results")?;
    lab.screenshot("formulas-mae-results-1280")?;
    scroll_to(&lab, "explore-note")?;
    lab.screenshot("formulas-mae-explore-1280")?;
    lab.expect_clean_console("after applying the mean absolute error")?;

    click(&lab, "formula-reset")?;
    wait_applied(&lab)?;
    let fields: Vec<String> = lab.js_as(
        "return ['formula-model', 'formula-cost'].map((id) => document.getElementById(id).value);",
        vec![],
    )?;
    ensure!(
        fields == ["w*x + b", "mean((yhat - y)^2)"],
        "Reset left {fields:?}"
    );
    expect_table(&lab, json!({}), "after Reset")?;
    let facts = fact_texts(&lab)?;
    ensure!(
        facts.contains("2/λmax") && facts.ends_with("options 2"),
        "after Reset the critical rates should be back: {facts}"
    );
    lab.expect_clean_console("after Reset")
}

#[test]
fn a_refused_formula_shows_its_caret_and_changes_nothing() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let pixels = "return ['fig-surface', 'fig-results-contour'].map((id) => document.getElementById(id).toDataURL());";
    let before: Vec<String> = lab.js_as(pixels, vec![])?;
    lab.type_into("#formula-cost", "mean((yhat - yy)^2)")?;
    lab.press(&[Key::Enter])?;
    lab.frames(2)?;
    let state: (String, String, Option<String>, String, usize) = lab.js_as(
        "const f = document.getElementById('formula-cost');
         const msg = document.getElementById('formula-cost-msg');
         return [msg.textContent, document.getElementById('formula-cost-caret').textContent,
                 f.getAttribute('aria-invalid'), f.getAttribute('aria-describedby'), msg.children.length];",
        vec![],
    )?;
    let (message, caret, invalid, described, children) = state;
    ensure!(
        message.starts_with("cost: column 14: unknown name \"yy\""),
        "message {message:?}"
    );
    let lines: Vec<&str> = caret.lines().collect();
    ensure!(
        lines.len() == 2,
        "the caret block should be two lines: {caret:?}"
    );
    let at = lines[1].find('^').unwrap_or(usize::MAX);
    ensure!(
        lines[0].get(at..at + 2) == Some("yy") && lines[1].trim() == "^^",
        "the caret is not under \"yy\":\n{caret}"
    );
    ensure!(
        invalid.as_deref() == Some("true"),
        "aria-invalid {invalid:?}"
    );
    ensure!(
        described.contains("formula-cost-msg"),
        "aria-describedby {described:?}"
    );
    ensure!(children == 0, "the message holds markup");
    let after: Vec<String> = lab.js_as(pixels, vec![])?;
    ensure!(after == before, "a refused formula changed the figures");
    expect_table(&lab, json!({}), "after a refused formula")?;
    apply(&lab, "w*x + b", "mean((yhat - y)^2)")?;
    wait_applied(&lab)?;
    let invalid: Option<String> = lab.js_as(
        "return document.getElementById('formula-cost').getAttribute('aria-invalid');",
        vec![],
    )?;
    ensure!(
        invalid.as_deref() == Some("false"),
        "aria-invalid stays {invalid:?}"
    );
    lab.expect_clean_console("after a refused formula")
}

#[test]
fn model_cell_with_an_error_at_390() -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(Viewport::phone(390, 844)))?;
    lab.open("")?;
    apply(&lab, "w*x + b", "mean((yhat - y)^2) + sqrt(w*w + bb)")?;
    scroll_to(&lab, "formulas-title")?;
    lab.screenshot("formulas-error-390")?;
    let scroll_width: f64 = lab.js_as("return document.documentElement.scrollWidth;", vec![])?;
    ensure!(
        scroll_width <= 391.0,
        "the page scrolls sideways: {scroll_width}"
    );
    lab.expect_clean_console("at 390 with an error")
}

#[test]
fn share_carries_the_formulas() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let (model, cost) = ("w*x^2 + b", "0.5*mean((yhat - y)^2) + 1e-3");
    apply(&lab, model, cost)?;
    wait_applied(&lab)?;
    lab.click("#share")?;
    let url: String = lab.js_as("return document.getElementById('share-url').value;", vec![])?;
    ensure!(
        url.contains("model=w%2Ax%5E2%20%2B%20b") && url.contains("cost=0.5%2Amean"),
        "the Share link lacks the encoded formulas: {url}"
    );
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    lab.open(&format!("?{query}"))?;
    let fields: Vec<String> = lab.js_as(
        "return ['formula-model', 'formula-cost'].map((id) => document.getElementById(id).value);",
        vec![],
    )?;
    ensure!(fields == [model, cost], "the link opened with {fields:?}");
    ensure!(
        page::notices(&lab)?.is_empty(),
        "notices: {:?}",
        page::notices(&lab)?
    );
    expect_table(
        &lab,
        json!({ "model": model, "cost": cost }),
        "after the link",
    )?;
    lab.open("?cost=mean(yhat%20-%20yy)&model=%3Cb%3Ex")?;
    let notices = page::notices(&lab)?;
    ensure!(
        notices.len() == 2 && notices.iter().all(|n| n.contains("column")),
        "bad formulas in the URL should each give a notice: {notices:?}"
    );
    expect_table(&lab, json!({}), "after bad URL formulas")?;
    lab.expect_clean_console("after the Share round trip")
}

#[test]
fn hostile_formulas_are_refused_or_diverge() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    let deep = format!("mean({}yhat - y{})", "(".repeat(200), ")".repeat(200));
    let long = format!("mean({}yhat - y)", "1+".repeat(5000));
    let refused = [
        deep.as_str(),
        "mean(1e999*(yhat - y))",
        "mean(foo(yhat - y))",
        "<img src=x onerror=alert(1)>",
        "mean((yhat - y)^2); alert(1)",
        // Accepted by the parser, but infinite at the start: no run can start there.
        "mean((yhat - y)^2/(x - x))",
        "mean(exp(exp(exp(yhat - y))))",
        long.as_str(),
        "",
    ];
    let mut failures = Vec::new();
    for cost in refused {
        let before = page::element_count(&lab)?;
        apply(&lab, "w*x + b", cost)?;
        let outcome = (|| -> Result<()> {
            if let Some(text) = lab.open_dialog() {
                e2e::bail!("a dialog opened: {text:?}");
            }
            let (message, invalid): (String, Option<String>) = lab.js_as(
                "return [document.getElementById('formula-cost-msg').textContent,
                         document.getElementById('formula-cost').getAttribute('aria-invalid')];",
                vec![],
            )?;
            ensure!(message.starts_with("cost: "), "message {message:?}");
            ensure!(
                invalid.as_deref() == Some("true"),
                "aria-invalid {invalid:?}"
            );
            let after = page::element_count(&lab)?;
            ensure!(after == before, "elements changed: {before:?} → {after:?}");
            expect_table(&lab, json!({}), "after the refusal")?;
            lab.expect_clean_console("after the refusal")
        })();
        if let Err(e) = outcome {
            failures.push(format!(
                "{:?}: {e}",
                cost.chars().take(60).collect::<String>()
            ));
        }
    }
    ensure!(failures.is_empty(), "{}", failures.join("\n"));
    // Accepted, then diverging while running: shown as a diverged run, not a crash.
    let risky_before = page::element_count(&lab)?.risky;
    for cost in ["mean(exp(abs(yhat - y)))", "mean((yhat - y)^4)"] {
        apply(&lab, "w*x + b", cost)?;
        wait_applied(&lab)?;
        let risky = page::element_count(&lab)?.risky;
        let fin: String = lab.js_as(
            "return document.getElementById('train-final').textContent;",
            vec![],
        )?;
        ensure!(
            fin.starts_with("The run stopped") && risky == risky_before,
            "{cost}: the final line should say the run diverged: {fin:?} ({risky} risky elements)"
        );
        lab.expect_clean_console(&format!("after the diverging {cost}"))?;
    }
    Ok(())
}
