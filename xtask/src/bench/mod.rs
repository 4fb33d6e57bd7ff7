//! `cargo xtask bench [--write-readme] [--replays N]`: one table of the lab's speed and size.
//!
//! In order: setup (with the browser), the release site built into `target/bench-dist`, the
//! criterion benchmarks (`cargo bench --bench engine --bench formulas`), the browser measurements
//! (the `e2e` crate's `bench` binary, which prints JSON), and the sizes of the site's files.
//! Then it prints one table with the machine and the date; `--write-readme` also puts the
//! table in README.md's "## Performance" section.
//!
//! Targets are printed beside the rows, never enforced: the command fails only when a
//! measurement cannot be made.

use crate::dist;
use crate::setup::{self, Needs};
use crate::util::{self, cmd, human_duration, option_value, Result};
use format::*;
use json::{Dotted, Value};
use report::*;
use rows::*;
use sizes::*;

mod format;
pub mod items;
mod json;
mod report;
mod rows;
mod seed;
mod sizes;
use seed::*;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// Where the measured site is built, under the repository root.
const DIST: &str = "target/bench-dist";
/// Replays of the explorer for the memory check unless `--replays` says (1000 took 47 s on two
/// cores; fewer make a quicker run).
const DEFAULT_REPLAYS: u32 = 1000;
/// The lab should be ready this many times sooner than the original notebook draws its
/// figures (cold median against the notebook's median, measured in the same run).
const LOAD_TARGET_RATIO: f64 = 14.0;
/// No main-thread task from navigation until a second after lab-ready should take longer (ms).
const LONG_TASK_TARGET_MS: f64 = 50.0;
/// Lighthouse's mobile performance score should reach this on every run.
const LIGHTHOUSE_TARGET: f64 = 90.0;
/// A redraw should fit one 60 Hz frame (p95 at 30 × 30, ms).
const REDRAW_TARGET_MS: f64 = 16.0;
/// The grid size the redraw target applies to.
const REDRAW_TARGET_GRID: f64 = 30.0;
/// Everything the site ships, each file gzipped at level 9, should fit in this many bytes.
const SIZE_TARGET_BYTES: f64 = 184.0 * 1024.0;

/// What the command line asks for.
struct Options {
    write_readme: bool,
    replays: u32,
}

impl Options {
    /// Reads `[--write-readme] [--replays N]`.
    fn parse(args: &[String]) -> Result<Self> {
        let write_readme = args.iter().any(|a| a == "--write-readme");
        let rest: Vec<String> = args
            .iter()
            .filter(|a| *a != "--write-readme")
            .cloned()
            .collect();
        let replays = match option_value(&rest, "replays")? {
            None => DEFAULT_REPLAYS,
            Some(n) => n
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .ok_or(format!("--replays needs a whole number above 0, not `{n}`"))?,
        };
        Ok(Self {
            write_readme,
            replays,
        })
    }
}

/// `cargo xtask bench`.
pub fn command(args: &[String]) -> Result<()> {
    let options = Options::parse(args)?;
    let started = Instant::now();
    setup::ensure(Needs { browser: true })?;
    let dist = util::repo_root().join(DIST);
    util::run(&mut dist::trunk_build(&dist)?)?;
    println!("\nEngine benchmarks (criterion, native, release profile):");
    util::run(&mut cmd(
        "cargo",
        &["bench", "--bench", "engine", "--bench", "formulas"],
    ))?;
    let browser = browser_measurements(&dist, options.replays)?;
    let notebook = measure_notebook();
    let report = Report {
        rows: rows(&browser, &notebook, &sizes(&dist)?, &criterion_dir())?,
        machine: Machine::detect(&browser),
        browser,
        notebook,
        replays: options.replays,
    };
    println!("\n{}", report.terminal());
    println!("\nThe module's ten largest items (`cargo xtask items`):");
    match items::build_named().and_then(|module| items::table(&module)) {
        Ok(table) => println!("{table}"),
        Err(why) => println!("not listed: {why}"),
    }
    if options.write_readme {
        write_readme(&report.readme_section())?;
        util::done("README.md's Performance section rewritten");
    }
    println!("\nBenchmark took {}.", human_duration(started.elapsed()));
    Ok(())
}

/// Runs the `e2e` crate's `bench` binary on the site in `dist`; returns the JSON it prints.
fn browser_measurements(dist: &Path, replays: u32) -> Result<Value> {
    println!("\nBrowser measurements (headless Chromium; progress on stderr):");
    let dist_arg = dist.to_str().ok_or("the site's path is not UTF-8")?;
    let replays = replays.to_string();
    let args = [
        "run",
        "--release",
        "-p",
        "e2e",
        "--bin",
        "bench",
        "--",
        dist_arg,
        "--replays",
    ];
    let mut command = cmd("cargo", &args);
    command
        .arg(&replays)
        .env("GD_LAB_DIST", dist)
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("CHROMIUM", "/usr/bin/chromium")
        .stderr(Stdio::inherit());
    let line = util::describe(&command);
    let out = command
        .output()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{line}` failed ({})", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    json::parse(text.trim()).map_err(|e| format!("the browser bench printed bad JSON: {e}"))
}

/// Cargo's output folder: `target` (or `CARGO_TARGET_DIR` when set).
fn target_dir() -> PathBuf {
    let root = util::repo_root();
    std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| root.join(dir))
        .unwrap_or_else(|| root.join("target"))
}

/// Criterion's output folder: `target/criterion`.
fn criterion_dir() -> PathBuf {
    target_dir().join("criterion")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_criterion_estimates_and_nested_reports() {
        let text = r#"{"mean":{"confidence_interval":{"lower_bound":1.5},"point_estimate":368.5e0},
                       "kind":"l\u0072 \"x\" ×","list":[1, -2.5, true, null, {}],"empty":[]}"#;
        let value = json::parse(text).unwrap();
        assert_eq!(
            value.at("mean.point_estimate").unwrap().as_f64(),
            Some(368.5)
        );
        assert_eq!(value.at("kind").unwrap().as_str(), Some("lr \"x\" ×"));
        assert_eq!(value.at("list").unwrap().as_array().unwrap().len(), 5);
        assert!(value.at("mean.missing").is_none());
        assert!(json::parse("{\"a\":1} x").is_err());
        assert!(json::parse("[1,").is_err());
        // A surrogate pair is one character; a lone surrogate and an unknown escape are errors.
        let pair = json::parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(pair.as_str(), Some("😀"));
        assert!(json::parse(r#""\ud83d""#).is_err());
        assert!(json::parse(r#""\q""#).is_err());
    }

    #[test]
    fn the_section_body_is_replaced_up_to_the_next_heading() {
        let text = "# T\n\n## Performance\n\nold\nlines\n\n## Layout\n\nkept\n";
        let new = replace_section(text, "## Performance", "new body\n").unwrap();
        assert_eq!(
            new,
            "# T\n\n## Performance\n\nnew body\n\n## Layout\n\nkept\n"
        );
        let last = replace_section("## Performance\nold\n", "## Performance", "b").unwrap();
        assert_eq!(last, "## Performance\n\nb\n");
        assert!(replace_section("## Other\n", "## Performance", "b").is_err());
    }

    #[test]
    fn numbers_are_short_and_readable() {
        assert_eq!(count(1_000_000), "1 000 000");
        assert_eq!(count(60), "60");
        assert_eq!(significant(1_146_510.4), "1 146 510");
        assert_eq!(significant(f64::NAN), "NaN");
        assert_eq!(duration(368.6), "369 ns");
        assert_eq!(duration(5_310.0), "5.31 µs");
        assert_eq!(ms(16.93), "16.9 ms");
        assert_eq!(ms(1240.0), "1.24 s");
        assert_eq!(bytes(2_097_152.0), "2.00 MiB");
        assert_eq!(signed_bytes(0.0), "0 B");
        assert_eq!(signed_bytes(65_536.0), "+64.0 KiB");
    }

    #[test]
    fn the_furthest_row_is_the_largest_ratio() {
        let a = Row::plain("A", "a".into(), "1".into()).against("t", 50.0, 100.0);
        let b = Row::plain("B", "b".into(), "2".into()).against("t", 300.0, 100.0);
        let c = Row::plain("C", "c".into(), "3".into());
        let rows = [a, b.clone(), c];
        assert_eq!(furthest(&rows).map(|(r, _)| r.what.clone()), Some(b.what));
        assert_eq!(rows[0].verdict(), "✓ 0.50× target");
        assert_eq!(rows[2].verdict(), "—");
        let just_over = Row::plain("D", "d".into(), "4".into()).against("t", 16.03, 16.0);
        assert_eq!(just_over.verdict(), "✗ 1.002× target");
    }

    #[test]
    fn the_lighthouse_row_judges_the_lowest_run_and_says_why_it_is_missing() {
        let report = |runs: &str| {
            json::parse(&format!(r#"{{"lighthouse": {{"runs": [{runs}]}}}}"#)).unwrap()
        };
        let run = |score: u32| {
            format!(r#"{{"score": {score}, "version": "12.2.3", "tbt_ms": 120, "lcp_ms": 1800}}"#)
        };
        let both = lighthouse_row(&report(&format!("{}, {}", run(95), run(88))));
        assert_eq!(both.met, Some(false), "a run under 90 misses: {both:?}");
        assert!(
            both.result.starts_with("95 (TBT 120 ms, LCP 1.80 s) · 88"),
            "{}",
            both.result
        );
        assert!(both.what.contains("Lighthouse 12.2.3"), "{}", both.what);
        let good = lighthouse_row(&report(&format!("{}, {}", run(92), run(90))));
        assert_eq!(good.met, Some(true));
        assert!(good.verdict().starts_with('✓'), "{}", good.verdict());
        let skipped = json::parse(r#"{"lighthouse": {"skipped": "no CLI"}}"#).unwrap();
        let row = lighthouse_row(&skipped);
        assert_eq!(
            (row.met, row.result.as_str()),
            (None, "not measured: no CLI")
        );
    }

    #[test]
    fn the_load_and_floor_rows_read_their_summaries() {
        let summary = |n, p50, p95| format!(r#"{{"n": {n}, "p50": {p50}, "p95": {p95}}}"#);
        let report = json::parse(&format!(
            r#"{{"load": {{"cold": {}, "warm": {}, "static_host": {}, "max_age_s": 600}},
                "floor": {{"blank": {}, "module": {}}}}}"#,
            summary(9, 496.0, 529.0),
            summary(9, 335.0, 351.0),
            summary(9, 242.0, 297.0),
            summary(9, 53.3, 65.2),
            summary(9, 117.0, 141.0),
        ))
        .unwrap();
        let notebook = Notebook::Measured {
            draw_ms: 1310.0,
            import_ms: 1790.0,
            python: "python3".into(),
        };
        let load = load_rows(&report, &notebook).unwrap();
        assert_eq!(load[0].result, "median 496 ms · p95 529 ms");
        assert!(load[0].what.ends_with("9 loads"), "{}", load[0].what);
        assert_eq!(load[0].met, Some(false), "496 ms is over 1.31 s ÷ 14");
        assert_eq!(load[2].result, "median 242 ms · p95 297 ms");
        let floors = floor_rows(&report).unwrap();
        assert_eq!(floors[0].result, "median 53.3 ms · p95 65.2 ms");
        assert_eq!(floors[1].result, "median 117 ms · p95 141 ms");
        assert!(
            floor_rows(&json::parse("{}").unwrap()).is_err(),
            "a missing floor is an error"
        );
    }

    #[test]
    fn options_read_the_flags_and_refuse_others() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let o = Options::parse(&args(&["--write-readme", "--replays", "50"])).unwrap();
        assert!(o.write_readme);
        assert_eq!(o.replays, 50);
        assert_eq!(Options::parse(&[]).unwrap().replays, DEFAULT_REPLAYS);
        assert!(Options::parse(&args(&["--fast"])).is_err());
        assert!(Options::parse(&args(&["--replays", "0"])).is_err());
    }
}
