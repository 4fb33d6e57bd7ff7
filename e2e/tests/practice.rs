//! The practice: a typed learning rate trains again; bad input is refused in words, as
//! text, and the figures already drawn stay.

use e2e::page::{self, Figure};
use e2e::{ensure, Lab, Result};

/// The practice's ten data/parameter canvases and its comparison chart, measured.
fn practice_figures(lab: &Lab) -> Result<(Vec<Figure>, Vec<Figure>)> {
    Ok((
        page::figures(lab, "#practice-panels canvas")?,
        page::figures(lab, "#fig-practice-compare")?,
    ))
}

fn expect_painted(lab: &Lab, when: &str) -> Result<()> {
    let (panels, compare) = practice_figures(lab)?;
    let blank = page::unpainted(&panels);
    ensure!(
        panels.len() == 10 && blank.is_empty(),
        "{when}: #practice-panels should hold 10 painted canvases, has {} ({} unpainted: {blank:#?})",
        panels.len(),
        blank.len()
    );
    ensure!(
        compare.len() == 1 && compare[0].is_painted(),
        "{when}: #fig-practice-compare is not painted: {compare:?}"
    );
    Ok(())
}

fn run_practice(lab: &Lab, rate: &str) -> Result<()> {
    lab.type_into("#practice-lr", rate)?;
    lab.click("#cell-practice button.run")
}

fn field_state(lab: &Lab) -> Result<(String, Option<String>, usize)> {
    lab.js_as(
        "const msg = document.getElementById('practice-lr-msg');
         return [msg.textContent, document.getElementById('practice-lr').getAttribute('aria-invalid'),
                 msg.children.length];",
        vec![],
    )
}

#[test]
fn practice_trains_with_the_typed_rate() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    run_practice(&lab, "0.2")?;
    expect_painted(&lab, "after running the practice with 0.2")?;
    let note: String = lab.js_as(
        "return document.getElementById('practice-compare-note')?.textContent.trim() ?? '';",
        vec![],
    )?;
    ensure!(!note.is_empty(), "#practice-compare-note is empty");
    let (message, invalid, _) = field_state(&lab)?;
    ensure!(
        message.is_empty() && invalid.as_deref() != Some("true"),
        "0.2 is a good rate, yet the field says {message:?} (aria-invalid {invalid:?})"
    );
    lab.expect_clean_console("while running the practice")
}

#[test]
fn practice_refuses_bad_rates_and_keeps_its_figures() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    run_practice(&lab, "0.2")?;
    expect_painted(&lab, "after running the practice with 0.2")?;
    lab.console()?;
    let mut failures = Vec::new();
    for rate in ["abc", "-1", "1e999", "<script>alert(1)</script>"] {
        let before = page::element_count(&lab)?;
        run_practice(&lab, rate)?;
        let outcome = (|| -> Result<()> {
            if let Some(text) = lab.open_dialog() {
                e2e::bail!("a dialog opened: {text:?}");
            }
            let (message, invalid, children) = field_state(&lab)?;
            ensure!(
                !message.trim().is_empty(),
                "#practice-lr-msg shows no message"
            );
            ensure!(
                invalid.as_deref() == Some("true"),
                "#practice-lr has aria-invalid={invalid:?}, not \"true\""
            );
            ensure!(
                children == 0,
                "#practice-lr-msg holds {children} element(s): markup, not text"
            );
            if rate.starts_with('<') {
                ensure!(
                    message.contains("<script>"),
                    "the typed markup should show as text, the message is {message:?}"
                );
            }
            let after = page::element_count(&lab)?;
            ensure!(
                after == before,
                "the page's elements changed from {before:?} to {after:?}"
            );
            expect_painted(&lab, "after the refused rate")?;
            lab.expect_clean_console("after the refused rate")
        })();
        if let Err(e) = outcome {
            failures.push(format!("{rate:?}: {e}"));
        }
    }
    ensure!(failures.is_empty(), "{}", failures.join("\n"));
    run_practice(&lab, "0.2")?;
    let (message, invalid, _) = field_state(&lab)?;
    ensure!(
        message.is_empty() && invalid.as_deref() == Some("false"),
        "a good rate after a bad one should clear the message: {message:?}, aria-invalid {invalid:?}"
    );
    Ok(())
}
