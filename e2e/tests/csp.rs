//! The lab under a strict Content-Security-Policy: it starts, runs every cell and the
//! practice, and the browser reports no violation.

use e2e::page;
use e2e::{ensure, Result, Site};

const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

#[test]
fn lab_runs_under_a_strict_csp() -> Result<()> {
    let lab = e2e::lab()?;
    let strict = Site::builder()
        .root(&lab.config.dist)
        .header("Content-Security-Policy", POLICY)
        .start()?;
    lab.open_lab(&strict.url("/index.html"))?;
    lab.frames(2)?;
    lab.expect_clean_console("while opening the lab under the CSP")?;

    lab.click("#run-all")?;
    lab.type_into("#practice-lr", "0.2")?;
    lab.click("#cell-practice button.run")?;
    lab.frames(2)?;
    let blank = page::unpainted(&page::visible_figures(&lab)?);
    ensure!(blank.is_empty(), "under the CSP, not painted: {blank:#?}");
    lab.expect_clean_console("while running every cell and the practice under the CSP")?;

    // The policy is really in force, and its violations reach the console: an inline style
    // added now must be refused and reported.
    lab.js(
        "const s = document.createElement('style'); s.textContent = 'body { color: red; }'; \
         document.head.appendChild(s);",
    )?;
    lab.frames(2)?;
    let entries = lab.console_problems()?;
    ensure!(
        entries
            .iter()
            .any(|e| e.level == "SEVERE" && e.message.contains("Content Security Policy")),
        "a deliberate inline <style> was not reported as a CSP violation: {entries:?}"
    );
    Ok(())
}
