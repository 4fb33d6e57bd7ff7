//! Lighthouse's mobile performance score, when `GD_LAB_LIGHTHOUSE` names its command-line
//! script (`…/node_modules/lighthouse/cli/index.js`, run by `node`). Lighthouse is not part of
//! the project: install it where you like (`npm install lighthouse@12.2.3`, which runs on
//! Node 20) to get the row.

use std::process::Command;

use e2e::Config;
use serde_json::{json, Value as Json};

/// Lighthouse runs; the target asks for a score of 90 on each.
const RUNS: usize = 2;
/// The flags the harness's own browsers use, for Lighthouse's browser.
const CHROME_FLAGS: &str = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync";
/// The metrics kept from each report: (audit id, name in the JSON).
const METRICS: [(&str, &str); 5] = [
    ("first-contentful-paint", "fcp_ms"),
    ("largest-contentful-paint", "lcp_ms"),
    ("total-blocking-time", "tbt_ms"),
    ("speed-index", "si_ms"),
    ("cumulative-layout-shift", "cls"),
];

/// `{"runs": [{score, fcp_ms, …}, …]}`, or `{"skipped": why}`.
pub fn measure(config: &Config, url: &str) -> Json {
    let Some(cli) = std::env::var_os("GD_LAB_LIGHTHOUSE") else {
        return json!({ "skipped": "GD_LAB_LIGHTHOUSE does not name Lighthouse's cli/index.js" });
    };
    let mut runs = Vec::new();
    for i in 0..RUNS {
        eprintln!("bench: Lighthouse, mobile, run {}/{RUNS}", i + 1);
        match run_once(config, &cli, url) {
            Ok(run) => runs.push(run),
            Err(why) => return json!({ "skipped": why }),
        }
    }
    json!({ "runs": runs })
}

/// One Lighthouse run with its defaults (mobile, simulated throttling), performance only.
fn run_once(config: &Config, cli: &std::ffi::OsStr, url: &str) -> Result<Json, String> {
    let out = Command::new("node")
        .arg(cli)
        .arg(url)
        .args(["--only-categories=performance", "--output=json"])
        .args(["--output-path=stdout", "--quiet"])
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .env("CHROME_PATH", &config.chromium)
        .output()
        .map_err(|e| format!("node could not start Lighthouse: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "Lighthouse failed ({}): {}",
            out.status,
            err.trim()
        ));
    }
    let report: Json = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("Lighthouse printed no JSON report: {e}"))?;
    let score = report["categories"]["performance"]["score"]
        .as_f64()
        .ok_or("Lighthouse's report has no performance score")?;
    let mut run =
        json!({ "score": (score * 100.0).round(), "version": report["lighthouseVersion"] });
    for (audit, name) in METRICS {
        run[name] = report["audits"][audit]["numericValue"].clone();
    }
    Ok(run)
}
