//! The lab under a strict Content-Security-Policy: it starts, runs every cell and the
//! practice, and the browser reports no violation.

use e2e::page;
use e2e::{ensure, Lab, Result, Site};

const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Records every `setAttribute('style', …)` (the usual source of inline-style violations)
/// with its element and value. Added through DevTools, so it is no inline script itself.
const STYLE_SPY: &str = "window.__e2eStyles = []; \
    const set = Element.prototype.setAttribute; \
    Element.prototype.setAttribute = function (name, value) { \
      if (String(name).toLowerCase() === 'style') \
        window.__e2eStyles.push(`<${this.tagName.toLowerCase()}> style=\"${value}\"`); \
      return set.call(this, name, value); };";

/// The distinct inline styles the page tried to set, for the failure message.
fn inline_styles(lab: &Lab) -> String {
    let styles: Vec<String> = lab
        .js_as("return window.__e2eStyles ?? [];", vec![])
        .unwrap_or_default();
    let mut distinct: Vec<&String> = styles.iter().collect();
    distinct.sort();
    distinct.dedup();
    if distinct.is_empty() {
        return String::new();
    }
    let list: String = distinct
        .iter()
        .take(5)
        .map(|s| format!("\n  {s}"))
        .collect();
    format!(
        "\nThe page called setAttribute('style', …) {} times; distinct values:{list}",
        styles.len()
    )
}

#[test]
fn lab_runs_under_a_strict_csp() -> Result<()> {
    let lab = e2e::lab()?;
    let strict = Site::builder()
        .root(&lab.config.dist)
        .header("Content-Security-Policy", POLICY)
        .start()?;
    // Every step runs even when an earlier one fails, so one run tells all that breaks.
    let mut failures = Vec::new();
    lab.with_document_script(STYLE_SPY, || lab.open_lab(&strict.url("/index.html")))?;
    lab.frames(2)?;
    if let Err(e) = lab.expect_clean_console("while opening the lab under the CSP") {
        failures.push(format!("{e}{}", inline_styles(&lab)));
    }

    lab.click("#run-all")?;
    lab.type_into("#practice-lr", "0.2")?;
    lab.click("#cell-practice button.run")?;
    lab.frames(2)?;
    let blank = page::unpainted(&page::visible_figures(&lab)?);
    if !blank.is_empty() {
        failures.push(format!("under the CSP, not painted: {blank:#?}"));
    }
    if let Err(e) =
        lab.expect_clean_console("while running every cell and the practice under the CSP")
    {
        failures.push(e.to_string());
    }

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
    ensure!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}
