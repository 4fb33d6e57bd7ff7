//! Accessibility checks with axe-core, injected into the page under test.
//!
//! `cargo xtask setup` installs axe-core 4.14 (pinned by `e2e/axe/package-lock.json`) into
//! `e2e/axe/node_modules`; [`assert_no_axe_violations`] reads its `axe.min.js`, runs it in the
//! page over WCAG 2.0/2.1 A and AA and axe's best practices, and fails with one line per
//! violation. A new state to check is one call after the steps that reach it.

use serde::Deserialize;
use serde_json::json;
use std::sync::OnceLock;

use crate::browser::Browser;
use crate::{bail, Error, Result};

/// The rule tags every check runs.
pub const TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/// One rule axe found broken, with the elements that break it.
#[derive(Debug, Clone, Deserialize)]
pub struct Violation {
    /// The rule's id (`color-contrast`, `label`, …).
    pub id: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    #[serde(default)]
    pub impact: Option<String>,
    /// What the rule asks for.
    pub help: String,
    /// Each failing element: its selector and axe's summary of what to fix.
    pub nodes: Vec<Node>,
}

/// One element that breaks a rule.
#[derive(Debug, Clone, Deserialize)]
pub struct Node {
    /// CSS selectors reaching the element (one per frame).
    pub target: Vec<serde_json::Value>,
    /// axe's "Fix any of the following: …" text.
    #[serde(rename = "failureSummary", default)]
    pub failure_summary: Option<String>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let impact = self.impact.as_deref().unwrap_or("unknown");
        writeln!(f, "{} ({impact}): {}", self.id, self.help)?;
        for node in &self.nodes {
            let target: Vec<String> = node.target.iter().map(ToString::to_string).collect();
            let summary = node
                .failure_summary
                .as_deref()
                .unwrap_or("")
                .replace('\n', " ");
            writeln!(f, "    at {}: {summary}", target.join(" > "))?;
        }
        Ok(())
    }
}

/// Where `axe.min.js` is installed.
pub fn axe_path() -> std::path::PathBuf {
    crate::workspace_root().join("e2e/axe/node_modules/axe-core/axe.min.js")
}

/// The text of `axe.min.js`, read once per test binary.
fn axe_source() -> Result<&'static str> {
    static SOURCE: OnceLock<std::result::Result<String, String>> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        let path = axe_path();
        std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "cannot read {}: {e}; run `cargo xtask setup` (it installs axe-core with npm)",
                path.display()
            )
        })
    });
    source.as_deref().map_err(|m| Error::msg(m.to_string()))
}

/// Injects axe (once per page) and runs it over the whole document.
pub fn axe_violations(browser: &Browser) -> Result<Vec<Violation>> {
    let loaded = browser.js("return typeof window.axe === 'object';")?;
    if loaded != json!(true) {
        // Run as the WebDriver script itself: an inline <script> or eval would need the
        // page's CSP to allow them. axe.min.js sets `window.axe`.
        browser.js(&format!("{}\n;return true;", axe_source()?))?;
    }
    let result = browser.js_async(
        "const [tags, done] = arguments;
         axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
           .then((r) => done({ ok: r.violations }))
           .catch((e) => done({ error: String(e) }));",
        vec![json!(TAGS)],
    )?;
    if let Some(error) = result.get("error") {
        bail!("axe.run failed: {error}");
    }
    serde_json::from_value(result["ok"].clone())
        .map_err(|e| Error::msg(format!("axe's violations have an unexpected shape: {e}")))
}

/// Fails, listing each violation (rule, impact, elements, what to fix), unless axe finds none
/// in the page as it is now. `state` names the page's state in the message.
pub fn assert_no_axe_violations(browser: &Browser, state: &str) -> Result<()> {
    let violations = axe_violations(browser)?;
    if violations.is_empty() {
        return Ok(());
    }
    let width = browser.js("return window.innerWidth;")?;
    let listed: Vec<String> = violations.iter().map(ToString::to_string).collect();
    bail!(
        "axe found {} violation(s) {state} ({width} px wide):\n{}",
        violations.len(),
        listed.join("")
    )
}
