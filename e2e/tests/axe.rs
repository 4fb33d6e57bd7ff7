//! axe-core over WCAG 2.0/2.1 A and AA and best practices: zero violations in every state the
//! lab reaches, at 1280 px and at 390 px wide. A state is one line in [`STATES`]: a name and
//! the steps from a fresh page that reach it.

use e2e::{assert_no_axe_violations, ensure, Key, Lab, Result, Viewport};

/// Steps that bring a freshly opened lab into a state.
type Steps = fn(&Lab) -> Result<()>;

/// Every state checked, with how to reach it from the opened page.
const STATES: &[(&str, Steps)] = &[
    ("on opening", |_| Ok(())),
    ("after Run all", |lab| lab.click("#run-all")),
    ("after the practice with 0.2", |lab| practice(lab, "0.2")),
    ("with an invalid practice value shown", |lab| {
        practice(lab, "abc")
    }),
    ("with the explorer changed", explorer_changed),
    ("while the explorer plays", |lab| lab.click("#explore-play")),
    ("with an invalid start shown", invalid_start),
    ("with pasted data", |lab| {
        paste(lab, "x,y\n1,2\n2,3.5\n3,5.9\n4,8.1\n")
    }),
    ("with a refused paste shown", |lab| {
        paste(lab, "x,y\n1,2\n2,abc\n")
    }),
    ("with the far set standardized", far_standardized),
    ("with an invalid formula shown", |lab| {
        cost(lab, "mean((yhat - yy)^2)")
    }),
    ("with the mean absolute error", |lab| {
        cost(lab, "mean(abs(yhat - y))")
    }),
    ("with the race run", |lab| {
        lab.click("#cell-race button.run")
    }),
    ("with a save menu open", |lab| {
        lab.click("#cell-data .save-toggle")
    }),
    ("with the Embed panel open", |lab| lab.click("#embed")),
];

/// Types `formula` as the cost and applies it.
fn cost(lab: &Lab, formula: &str) -> Result<()> {
    lab.type_into("#formula-cost", formula)?;
    lab.click("#formula-apply")?;
    lab.frames(2)
}

/// Pastes `text` into the data cell's box and uses it.
fn paste(lab: &Lab, text: &str) -> Result<()> {
    lab.js_with(
        "const box = document.getElementById('data-text');
         box.value = arguments[0];
         box.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![text.into()],
    )?;
    lab.click("#data-use")?;
    lab.frames(2)
}

/// The far-from-zero teaching set, then the Standardize x switch.
fn far_standardized(lab: &Lab) -> Result<()> {
    lab.click("#dataset-list button[data-set='far']")?;
    lab.frames(2)?;
    lab.click("#data-standardize")?;
    lab.frames(2)
}

/// Types `rate` into the practice and runs it.
fn practice(lab: &Lab, rate: &str) -> Result<()> {
    lab.type_into("#practice-lr", rate)?;
    lab.click("#cell-practice button.run")?;
    lab.frames(2)
}

/// The explorer with its rate moved, its start moved by the keyboard, a run kept and the
/// cost chart on a log scale.
fn explorer_changed(lab: &Lab) -> Result<()> {
    lab.js("const el = document.getElementById('explore-lr');
         el.value = String(Number(el.value) + 40);
         el.dispatchEvent(new Event('input', { bubbles: true }));")?;
    lab.js("document.getElementById('fig-explore-contour').focus();")?;
    lab.press(&[Key::Right])?;
    lab.press(&[Key::Shift, Key::Up])?;
    for button in ["explore-keep", "explore-log"] {
        lab.js_with(
            "document.getElementById(arguments[0]).focus();",
            vec![button.into()],
        )?;
        lab.press(&[Key::Enter])?;
    }
    lab.frames(2)
}

/// The explorer's w0 field holding a start outside the window, its message shown.
fn invalid_start(lab: &Lab) -> Result<()> {
    lab.type_into("#explore-w0", "99")?;
    lab.press(&[Key::Tab])?;
    lab.wait_for_js(
        "the start's message",
        "return document.getElementById('explore-start-msg').textContent !== '';",
        std::time::Duration::from_secs(10),
    )
}

/// Opens the lab at `viewport`, reaches every state and collects axe's findings.
fn check_every_state(viewport: Viewport) -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(viewport))?;
    let mut failures = Vec::new();
    for (state, steps) in STATES {
        let outcome = lab
            .open("")
            .and_then(|()| steps(&lab))
            .and_then(|()| assert_no_axe_violations(&lab, state));
        if let Err(e) = outcome {
            failures.push(format!("{state}: {e}"));
        }
    }
    ensure!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

#[test]
fn no_violations_at_1280() -> Result<()> {
    check_every_state(Viewport::desktop(1280, 900))
}

#[test]
fn no_violations_at_390() -> Result<()> {
    check_every_state(Viewport::phone(390, 844))
}
