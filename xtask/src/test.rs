//! `cargo xtask test`: setup, then every check in order, stopping at the first failure.
//!
//! Test steps are streamed through and captured; their `test result:` lines are summed. A
//! step whose tests fail, are ignored, or do not run at all is a failed step: a skipped
//! check is not a pass.

use crate::dist;
use crate::setup::{self, Needs};
use crate::util::{self, cmd, describe, human_duration, timed, Result};
use std::path::Path;
use std::process::Command;

/// How a step is judged.
enum Kind {
    /// Passes when the command succeeds.
    Check,
    /// Passes when the command succeeds and its tests all ran and passed.
    Tests,
}

/// One step of the test run.
struct Step {
    name: &'static str,
    command: Command,
    kind: Kind,
}

/// A finished step, for the summary table.
struct Row {
    name: &'static str,
    tests: Option<u64>,
    seconds: f64,
    ok: bool,
}

/// `cargo xtask test`.
pub fn command(args: &[String]) -> Result<()> {
    if let Some(arg) = args.first() {
        return Err(format!("unexpected argument `{arg}`"));
    }
    setup::ensure(Needs { browser: true })?;
    let steps = steps()?;
    let count = steps.len();
    let mut rows = Vec::new();
    for (i, mut step) in steps.into_iter().enumerate() {
        println!(
            "\n━━ [{}/{count}] {} ━━\n$ {}",
            i + 1,
            step.name,
            describe(&step.command)
        );
        let ((tests, verdict), took) = timed(|| run_step(&mut step, i + 1));
        let ok = verdict.is_ok();
        let mark = if ok { "✓" } else { "✗" };
        println!("{mark} {} in {}", step.name, human_duration(took));
        let seconds = took.as_secs_f64();
        rows.push(Row {
            name: step.name,
            tests,
            seconds,
            ok,
        });
        if let Err(why) = verdict {
            print_summary(&rows);
            return Err(format!(
                "step {}/{count} `{}` failed: {why}",
                i + 1,
                step.name
            ));
        }
    }
    print_summary(&rows);
    let tests: u64 = rows.iter().filter_map(|r| r.tests).sum();
    println!("\nAll {count} steps passed; {tests} tests.");
    Ok(())
}

/// The steps, in order.
fn steps() -> Result<Vec<Step>> {
    let root = util::repo_root();
    let site = root.join("target").join("e2e-dist");
    let check = |name, command| Step {
        name,
        command,
        kind: Kind::Check,
    };
    let tests = |name, command| Step {
        name,
        command,
        kind: Kind::Tests,
    };
    Ok(vec![
        check("rustfmt", cmd("cargo", &["fmt", "--all", "--check"])),
        check(
            "clippy (native)",
            cmd(
                "cargo",
                &[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            ),
        ),
        check(
            "clippy (wasm32, web layer)",
            cmd(
                "cargo",
                &[
                    "clippy",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--lib",
                    "--tests",
                    "-p",
                    "gd-lab",
                    "--",
                    "-D",
                    "warnings",
                ],
            ),
        ),
        tests(
            "native tests",
            cmd("cargo", &["test", "--workspace", "--exclude", "e2e"]),
        ),
        tests("wasm tests (headless Chromium)", wasm_tests()),
        check("site build (trunk)", dist::trunk_build(&site)?),
        tests("end-to-end tests (Chromium)", e2e_tests(&site)),
    ])
}

/// The tests of the module's own browser code (the API, formulas, the drawing backend, the
/// number text, the math functions), compiled to wasm and run in headless Chromium.
fn wasm_tests() -> Command {
    let mut command = cmd(
        "cargo",
        &[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "gd-lab",
            "--test",
            "web_api",
            "--test",
            "web_formulas",
            "--test",
            "web_backend",
            "--test",
            "web_number",
            "--test",
            "web_math",
        ],
    );
    command
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    command
}

/// The end-to-end suite against the site built into `site`, one test at a time.
fn e2e_tests(site: &Path) -> Command {
    let mut command = cmd("cargo", &["test", "-p", "e2e", "--", "--test-threads=1"]);
    command
        .env("GD_LAB_DIST", site)
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("CHROMIUM", "/usr/bin/chromium");
    command
}

/// Runs a step: its passed-test count (for test steps) and its verdict.
fn run_step(step: &mut Step, number: usize) -> (Option<u64>, Result<()>) {
    match step.kind {
        Kind::Check => (None, util::run(&mut step.command)),
        Kind::Tests => match util::run_captured(&mut step.command) {
            Err(e) => (None, Err(e)),
            Ok(captured) => {
                let log = save_log(number, &captured.text);
                let counts = Counts::parse(&captured.text);
                let verdict = counts.verdict(captured.success);
                (
                    Some(counts.passed),
                    verdict.map_err(|e| format!("{e}{log}")),
                )
            }
        },
    }
}

/// Keeps a test step's output in `target/xtask/test-step-N.log`; returns a note naming it.
fn save_log(number: usize, text: &str) -> String {
    let dir = util::repo_root().join("target").join("xtask");
    let path = dir.join(format!("test-step-{number}.log"));
    match std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, text)) {
        Ok(()) => format!(" (output kept in {})", path.display()),
        Err(_) => String::new(),
    }
}

/// Sums over every `test result: ok. N passed; M failed; K ignored; …` line.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    passed: u64,
    failed: u64,
    ignored: u64,
    /// How many `test result:` lines there were.
    results: u64,
}

impl Counts {
    /// The sums over all `test result:` lines of `text`.
    fn parse(text: &str) -> Counts {
        let mut counts = Counts::default();
        for line in text.lines() {
            let Some((_, rest)) = line.split_once("test result:") else {
                continue;
            };
            counts.results += 1;
            counts.passed += number_before(rest, "passed");
            counts.failed += number_before(rest, "failed");
            counts.ignored += number_before(rest, "ignored");
        }
        counts
    }

    /// A step passes when its command succeeded, tests ran, none failed and none was ignored.
    fn verdict(&self, success: bool) -> Result<()> {
        if !success || self.failed > 0 {
            return Err(format!(
                "{} passed, {} failed, {} ignored",
                self.passed, self.failed, self.ignored
            ));
        }
        if self.ignored > 0 {
            return Err(format!(
                "{} tests ignored: a skipped check is not a pass",
                self.ignored
            ));
        }
        if self.passed == 0 {
            return Err("no tests ran".into());
        }
        Ok(())
    }
}

/// The number just before `word` in `text` (`"3 passed;"` gives 3 for `passed`), else 0.
fn number_before(text: &str, word: &str) -> u64 {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(2)
        .find(|pair| pair[1].trim_end_matches([';', ',', '.']) == word)
        .and_then(|pair| pair[0].parse().ok())
        .unwrap_or(0)
}

/// The table at the end: step, tests passed, seconds.
fn print_summary(rows: &[Row]) {
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
    println!("\n  {:<width$}  {:>6}  {:>8}", "step", "tests", "seconds");
    for row in rows {
        let tests = row.tests.map_or("-".to_string(), |n| n.to_string());
        let mark = if row.ok { " " } else { "✗" };
        println!(
            "{mark} {:<width$}  {:>6}  {:>8.1}",
            row.name, tests, row.seconds
        );
    }
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn sums_every_result_line() {
        let text = "test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out\n\
                    noise\n\
                    test result: FAILED. 2 passed; 1 failed; 0 ignored; 0 filtered out\n";
        let counts = Counts::parse(text);
        let expected = Counts {
            passed: 5,
            failed: 1,
            ignored: 1,
            results: 2,
        };
        assert_eq!(counts, expected);
        assert!(counts.verdict(true).is_err());
    }

    #[test]
    fn ignored_or_absent_tests_fail_the_step() {
        let ignored = Counts::parse("test result: ok. 4 passed; 0 failed; 2 ignored;");
        assert!(ignored.verdict(true).is_err());
        assert!(Counts::parse("").verdict(true).is_err());
        assert!(
            Counts::parse("test result: ok. 4 passed; 0 failed; 0 ignored;")
                .verdict(true)
                .is_ok()
        );
    }
}
