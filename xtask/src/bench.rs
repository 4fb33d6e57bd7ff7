//! `cargo xtask bench [--write-readme] [--replays N]`: one table of the lab's speed and size.
//!
//! In order: setup (with the browser), the release site built into `target/bench-dist`, the
//! engine's criterion benchmarks (`cargo bench --bench engine`), the browser measurements
//! (the `e2e` crate's `bench` binary, which prints JSON), and the sizes of the site's files.
//! Then it prints one table with the machine and the date; `--write-readme` also puts the
//! table in README.md's "## Performance" section.
//!
//! Targets are printed beside the rows, never enforced: the command fails only when a
//! measurement cannot be made.

use crate::dist;
use crate::setup::{self, Needs};
use crate::util::{self, cmd, human_duration, option_value, Result};
use json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// Where the measured site is built, under the repository root.
const DIST: &str = "target/bench-dist";
/// Replays of the explorer for the memory check unless `--replays` says (1000 took 47 s on two
/// cores; fewer make a quicker run).
const DEFAULT_REPLAYS: u32 = 1000;
/// The lab should be ready this soon after navigation (median, ms).
const LOAD_TARGET_MS: f64 = 100.0;
/// A redraw should fit one 60 Hz frame (p95 at 30 × 30, ms).
const REDRAW_TARGET_MS: f64 = 16.0;
/// The grid size the redraw target applies to.
const REDRAW_TARGET_GRID: f64 = 30.0;
/// Everything the site ships, gzipped, should fit in this many bytes.
const SIZE_TARGET_BYTES: f64 = 150.0 * 1024.0;
/// The original notebook's time to draw its figures once Python and PyTorch are loaded (s).
const NOTEBOOK_DRAW_S: f64 = 1.4;
/// The original notebook's time to draw its figures including the imports (s).
const NOTEBOOK_WITH_IMPORTS_S: f64 = 3.2;

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
    util::run(&mut cmd("cargo", &["bench", "--bench", "engine"]))?;
    let browser = browser_measurements(&dist, options.replays)?;
    let report = Report {
        rows: rows(&browser, &sizes(&dist)?, &criterion_dir())?,
        machine: Machine::detect(&browser),
        browser,
        replays: options.replays,
    };
    println!("\n{}", report.terminal());
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
    Value::parse(text.trim()).map_err(|e| format!("the browser bench printed bad JSON: {e}"))
}

/// Criterion's output folder: `target/criterion` (under `CARGO_TARGET_DIR` when set).
fn criterion_dir() -> PathBuf {
    let root = util::repo_root();
    std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| root.join(dir))
        .unwrap_or_else(|| root.join("target"))
        .join("criterion")
}

/// The file kinds the size rows group by.
const KINDS: [(&str, &[&str]); 4] = [
    ("wasm", &["wasm"]),
    ("JS", &["js", "mjs"]),
    ("HTML", &["html"]),
    ("CSS", &["css"]),
];

/// One kind of file's count and bytes, raw and gzipped.
#[derive(Debug, Default, Clone, PartialEq)]
struct Size {
    kind: String,
    files: Vec<String>,
    raw: u64,
    gzip: u64,
}

/// The sizes of the files in `dist`, one entry per kind (wasm, JS, HTML, CSS, other).
fn sizes(dist: &Path) -> Result<Vec<Size>> {
    let mut files = Vec::new();
    list_files(dist, &mut files)?;
    files.sort();
    let mut sizes: Vec<Size> = KINDS
        .iter()
        .map(|(kind, _)| kind.to_string())
        .chain(["other".to_string()])
        .map(|kind| Size {
            kind,
            ..Size::default()
        })
        .collect();
    for file in files {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let slot = KINDS
            .iter()
            .position(|(_, exts)| exts.contains(&ext))
            .unwrap_or(KINDS.len());
        let size = &mut sizes[slot];
        size.raw += std::fs::metadata(&file).map_err(|e| e.to_string())?.len();
        size.gzip += gzipped_len(&file)?;
        let name = file.strip_prefix(dist).unwrap_or(&file);
        size.files.push(name.display().to_string());
    }
    Ok(sizes)
}

/// Every file under `dir`, recursively.
fn list_files(dir: &Path, into: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            list_files(&path, into)?;
        } else {
            into.push(path);
        }
    }
    Ok(())
}

/// The length of `file` compressed by `gzip -9` (no name or time stamp in the header).
fn gzipped_len(file: &Path) -> Result<u64> {
    let out = std::process::Command::new("gzip")
        .arg("-9nc")
        .arg(file)
        .output()
        .map_err(|e| format!("could not run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", file.display()));
    }
    Ok(out.stdout.len() as u64)
}

/// A criterion result's mean time in ns: `<dir>/<group>/<function>/<value>/new/estimates.json`.
fn criterion_mean_ns(dir: &Path, group: &str, function: &str, value: &str) -> Option<f64> {
    let path = dir.join(group).join(function).join(value).join("new");
    let text = std::fs::read_to_string(path.join("estimates.json")).ok()?;
    Value::parse(&text)
        .ok()?
        .at("mean.point_estimate")?
        .as_f64()
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    area: &'static str,
    what: String,
    result: String,
    target: String,
    /// How far from the target: measured ÷ target (below 1 meets it); `None` without one.
    ratio: Option<f64>,
    /// A target of "none" (no growth) met or missed, where a ratio means nothing.
    met: Option<bool>,
}

impl Row {
    /// A row without a target.
    fn plain(area: &'static str, what: String, result: String) -> Self {
        Self {
            area,
            what,
            result,
            target: "—".into(),
            ratio: None,
            met: None,
        }
    }

    /// A row with a target: `measured` against `limit` (same unit, lower is better).
    fn against(self, target: &str, measured: f64, limit: f64) -> Self {
        Self {
            target: target.into(),
            ratio: Some(measured / limit),
            met: Some(measured <= limit),
            ..self
        }
    }

    /// The verdict cell: `✓ 0.42×`, `✗ 2.6×`, `✓`, or `—`.
    fn verdict(&self) -> String {
        let mark = match self.met {
            Some(true) => "✓",
            Some(false) => "✗",
            None => return "—".into(),
        };
        match self.ratio {
            // A miss by less than 0.5 % must not read as 1.00×.
            Some(r) if (r - 1.0).abs() < 0.005 => format!("{mark} {r:.3}× target"),
            Some(r) => format!("{mark} {r:.2}× target"),
            None => mark.into(),
        }
    }
}

/// Every row, in the table's order.
fn rows(browser: &Value, sizes: &[Size], criterion: &Path) -> Result<Vec<Row>> {
    let mut rows = load_rows(browser)?;
    rows.extend(redraw_rows(browser)?);
    rows.extend(size_rows(sizes));
    rows.extend(native_rows(criterion)?);
    rows.extend(memory_rows(browser)?);
    Ok(rows)
}

/// A number at `path` in the browser's JSON, or an error naming it.
fn number(value: &Value, path: &str) -> Result<f64> {
    value.at(path).and_then(Value::as_f64).ok_or(format!(
        "the browser bench's JSON lacks the number `{path}`"
    ))
}

/// Cold and warm page loads.
fn load_rows(browser: &Value) -> Result<Vec<Row>> {
    let cases = [
        ("cold", "cold cache (new browser and profile each load)"),
        ("warm", "warm (same browser, reload)"),
    ];
    cases
        .into_iter()
        .map(|(key, how)| {
            let (n, p50, p95) = (
                number(browser, &format!("load.{key}.n"))?,
                number(browser, &format!("load.{key}.p50"))?,
                number(browser, &format!("load.{key}.p95"))?,
            );
            let what = format!("navigation → lab-ready, {how}, {n} loads");
            let result = format!("median {} · p95 {}", ms(p50), ms(p95));
            Ok(Row::plain("Load", what, result).against("median ≤ 100 ms", p50, LOAD_TARGET_MS))
        })
        .collect()
}

/// Redraw times per grid size and event kind.
fn redraw_rows(browser: &Value) -> Result<Vec<Row>> {
    let entries = browser
        .at("redraw")
        .and_then(Value::as_array)
        .ok_or("the browser bench's JSON lacks `redraw`")?;
    entries
        .iter()
        .map(|entry| {
            let grid = number(entry, "grid")?;
            let (n, p50, p95) = (
                number(entry, "n")?,
                number(entry, "p50")?,
                number(entry, "p95")?,
            );
            let kind = match entry.at("kind").and_then(Value::as_str) {
                Some("lr") => "learning-rate change",
                _ => "scrub step",
            };
            let what = format!("redraw after one {kind}, {grid}×{grid} grid, {n} events");
            let row = Row::plain(
                "Interaction",
                what,
                format!("p50 {} · p95 {}", ms(p50), ms(p95)),
            );
            Ok(if grid == REDRAW_TARGET_GRID {
                row.against("p95 ≤ 16 ms", p95, REDRAW_TARGET_MS)
            } else {
                row
            })
        })
        .collect()
}

/// One row per kind of file, then the total against the size budget.
fn size_rows(sizes: &[Size]) -> Vec<Row> {
    let mut rows: Vec<Row> = sizes
        .iter()
        .filter(|s| !s.files.is_empty())
        .map(|s| {
            let what = format!("{} ({})", s.kind, s.files.join(", "));
            Row::plain("Size", what, raw_and_gzip(s.raw, s.gzip))
        })
        .collect();
    let (raw, gzip) = sizes
        .iter()
        .fold((0, 0), |(r, g), s| (r + s.raw, g + s.gzip));
    let files: usize = sizes.iter().map(|s| s.files.len()).sum();
    let total = Row::plain(
        "Size",
        format!("total, {files} files"),
        raw_and_gzip(raw, gzip),
    );
    rows.push(total.against("≤ 150 KiB gzipped", gzip as f64, SIZE_TARGET_BYTES));
    rows
}

/// Training and grid timings from criterion.
fn native_rows(dir: &Path) -> Result<Vec<Row>> {
    let missing = |id: String| {
        format!(
            "no criterion result for {id} under {}: did `cargo bench --bench engine` run it?",
            dir.display()
        )
    };
    let mut rows = Vec::new();
    for n in [60, 1_000_000] {
        for iterations in [15, 10_000] {
            let id = format!("train/n={n}/{iterations}");
            let ns = criterion_mean_ns(dir, "train", &format!("n={n}"), &iterations.to_string())
                .ok_or_else(|| missing(id))?;
            let what = format!("train, n = {}, {} iterations", count(n), count(iterations));
            rows.push(Row::plain("Native", what, format!("{} mean", duration(ns))));
        }
    }
    for n in [60, 1_000_000] {
        for side in [30, 200, 1000] {
            let value = side.to_string();
            let sums = criterion_mean_ns(dir, "grid", &format!("sums n={n}"), &value)
                .ok_or_else(|| missing(format!("grid/sums n={n}/{side}")))?;
            let naive = criterion_mean_ns(dir, "grid", &format!("naive n={n}"), &value);
            let what = format!("cost grid {side}², n = {}", count(n));
            rows.push(Row::plain("Native", what, grid_result(sums, naive)));
        }
    }
    Ok(rows)
}

/// `sums 369 ns · naive 5.3 µs · 14× faster`, or the sums alone where the naive did not run.
fn grid_result(sums_ns: f64, naive_ns: Option<f64>) -> String {
    match naive_ns {
        Some(naive) => format!(
            "sums {} · naive {} · sums {}× faster",
            duration(sums_ns),
            duration(naive),
            significant(naive / sums_ns)
        ),
        None => format!("sums {} (naive not run: too slow)", duration(sums_ns)),
    }
}

/// Wasm memory after load, after the replays, and the growth between.
fn memory_rows(browser: &Value) -> Result<Vec<Row>> {
    let grid = number(browser, "memory.grid")?;
    let before = number(browser, "memory.after_load")?;
    let after = number(browser, "memory.after_replays")?;
    let replays = number(browser, "memory.replays")?;
    let frames = number(browser, "memory.frames")?;
    let replay_s = number(browser, "memory.replay_ms")? / 1000.0;
    let growth = after - before;
    let replayed = format!(
        "after {} replays of the explorer run ({} redraws of every view, {replay_s:.0} s)",
        count(replays as u64),
        count((replays * frames) as u64)
    );
    let mut growth_row = Row::plain("Memory", "growth".into(), signed_bytes(growth));
    growth_row.target = "no growth".into();
    growth_row.met = Some(growth <= 0.0);
    Ok(vec![
        Row::plain(
            "Memory",
            format!("wasm memory after load, {grid}×{grid} grid"),
            bytes(before),
        ),
        Row::plain("Memory", format!("wasm memory {replayed}"), bytes(after)),
        growth_row,
    ])
}

/// The machine the measurements ran on.
struct Machine {
    cpu: String,
    cores: usize,
    os: String,
    chromium: String,
    date: String,
}

impl Machine {
    /// Reads /proc/cpuinfo, /etc/os-release, the browser's version and the date.
    fn detect(browser: &Value) -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let model = field(&cpuinfo, "model name", ':').unwrap_or_else(|| "unknown CPU".into());
        let mhz = field(&cpuinfo, "cpu MHz", ':').and_then(|v| v.parse::<f64>().ok());
        let cpu = match mhz {
            Some(mhz) => format!("{model} at {:.1} GHz", mhz / 1000.0),
            None => model,
        };
        let cores = cpuinfo
            .lines()
            .filter(|l| l.starts_with("processor"))
            .count();
        let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
        let os = field(&release, "PRETTY_NAME", '=')
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_else(|| "unknown OS".into());
        let product = browser.at("chromium").and_then(Value::as_str);
        let version = product.and_then(|p| p.split('/').nth(1)).unwrap_or("?");
        let date = util::output_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"])
            .unwrap_or_else(|| "unknown date".into());
        Self {
            cpu,
            cores,
            os,
            chromium: format!("Chromium {version} (headless)"),
            date,
        }
    }

    /// `AMD EPYC at 2.6 GHz (2 cores), Debian GNU/Linux 12 (bookworm), Chromium 156… (headless)`.
    fn describe(&self) -> String {
        format!(
            "{} ({} cores), {}, {}",
            self.cpu, self.cores, self.os, self.chromium
        )
    }
}

/// The value of the first line `key<sep>value` in `text`, trimmed.
fn field(text: &str, key: &str, sep: char) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(sep)?;
        (k.trim() == key).then(|| v.trim().to_string())
    })
}

/// Everything the table shows, and where it ran.
struct Report {
    rows: Vec<Row>,
    machine: Machine,
    browser: Value,
    /// The memory check's replays, as asked for.
    replays: u32,
}

impl Report {
    /// The table with the machine, the date and the row furthest from its target.
    fn terminal(&self) -> String {
        let mut out = format!(
            "Performance of the lab — {}\nMachine: {}\n\n{}",
            self.machine.date,
            self.machine.describe(),
            markdown_table(&self.rows)
        );
        if let Some((row, ratio)) = furthest(&self.rows) {
            out.push_str(&format!(
                "\nFurthest from its target: {} — {} ({ratio:.2}× the target {}).",
                row.what, row.result, row.target
            ));
        }
        out.push_str("\nTargets are reported, not enforced.");
        out
    }

    /// The body of README.md's "## Performance" section.
    fn readme_section(&self) -> String {
        let cold = number(&self.browser, "load.cold.p50").unwrap_or(f64::NAN);
        let warm = number(&self.browser, "load.warm.p50").unwrap_or(f64::NAN);
        format!(
            "Measured by `{command}` on {date}, on {machine}. Targets are reported beside the \
             rows, never enforced.\n\n{table}\n\
             For comparison, the original notebook needs about {draw} s to draw its figures \
             once Python and PyTorch are loaded, and about {imports} s with the imports, on this \
             kind of machine; the lab has drawn every figure {cold} after navigation with a \
             cold cache ({warm} warm): about {faster:.1}× sooner than the notebook's drawing \
             alone, and {with_imports:.0}× sooner than the notebook with its imports.\n\n\
             Notes: the end-to-end harness's server answers with `Cache-Control: no-store`, so \
             a warm load reuses the running browser but fetches the files again. Redraw times \
             are measured in the page by `wasmBindings.benchRedraw` (update plus synchronous \
             redraw of every changed view). Native timings are criterion means on the release profile; the site itself \
             is built size-optimised. `--replays N` sets the memory check's replays \
             (default {default}).\n",
            default = DEFAULT_REPLAYS,
            command = self.command_line(),
            date = self.machine.date,
            machine = self.machine.describe(),
            table = markdown_table(&self.rows),
            draw = NOTEBOOK_DRAW_S,
            imports = NOTEBOOK_WITH_IMPORTS_S,
            cold = ms(cold),
            warm = ms(warm),
            faster = NOTEBOOK_DRAW_S * 1000.0 / cold,
            with_imports = NOTEBOOK_WITH_IMPORTS_S * 1000.0 / cold,
        )
    }

    /// The command that makes this section.
    fn command_line(&self) -> String {
        let mut line = "cargo xtask bench --write-readme".to_string();
        if self.replays != DEFAULT_REPLAYS {
            line.push_str(&format!(" --replays {}", self.replays));
        }
        line
    }
}

/// The row with a ratio furthest above its target (or closest to it, if all meet theirs).
fn furthest(rows: &[Row]) -> Option<(&Row, f64)> {
    rows.iter()
        .filter_map(|row| row.ratio.map(|r| (row, r)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// The rows as a Markdown table whose columns line up in a terminal too.
fn markdown_table(rows: &[Row]) -> String {
    let header = ["Area", "Measurement", "Result", "Target", "vs target"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.area.to_string(),
                r.what.clone(),
                r.result.clone(),
                r.target.clone(),
                r.verdict(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..5)
        .map(|c| {
            cells
                .iter()
                .map(|row| row[c].chars().count())
                .chain([header[c].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |values: &[String]| {
        let padded: Vec<String> = values
            .iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v}{}", " ".repeat(w - v.chars().count())))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut out = line(&header.map(String::from));
    out.push_str(&line(
        &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>(),
    ));
    for row in &cells {
        out.push_str(&line(row));
    }
    out
}

/// Replaces the body of README.md's "## Performance" section with `body`.
fn write_readme(body: &str) -> Result<()> {
    let path = util::repo_root().join("README.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("README.md: {e}"))?;
    let new = replace_section(&text, "## Performance", body)?;
    std::fs::write(&path, new).map_err(|e| format!("README.md: {e}"))
}

/// `text` with everything between the line `heading` and the next `## ` heading (or the end)
/// replaced by `body`, set off by blank lines.
fn replace_section(text: &str, heading: &str, body: &str) -> Result<String> {
    let mut at = 0;
    let mut start = None;
    for line in text.split_inclusive('\n') {
        at += line.len();
        if line.trim_end() == heading {
            start = Some(at);
            break;
        }
    }
    let start = start.ok_or(format!("README.md has no `{heading}` heading"))?;
    let end = text[start..]
        .match_indices("## ")
        .map(|(i, _)| start + i)
        .find(|&i| text[..i].ends_with('\n'))
        .unwrap_or(text.len());
    let head = &text[..start];
    let newline = if head.ends_with('\n') { "" } else { "\n" };
    let tail = if end < text.len() {
        format!("\n{}", &text[end..])
    } else {
        String::new()
    };
    Ok(format!("{head}{newline}\n{}\n{tail}", body.trim()))
}

/// `5.7 ms`, `266 ms`, `1.24 s`.
fn ms(value: f64) -> String {
    if value >= 1000.0 {
        format!("{:.2} s", value / 1000.0)
    } else {
        format!("{} ms", significant(value))
    }
}

/// A duration in ns with a unit that fits: `412 ns`, `5.31 µs`, `2.40 ms`, `1.20 s`.
fn duration(ns: f64) -> String {
    let (value, unit) = match ns {
        n if n < 1e3 => (n, "ns"),
        n if n < 1e6 => (n / 1e3, "µs"),
        n if n < 1e9 => (n / 1e6, "ms"),
        n => (n / 1e9, "s"),
    };
    format!("{} {unit}", significant(value))
}

/// Three significant figures below 1000, whole numbers in groups above: `5.69`, `16.9`,
/// `267`, `1 146 510`.
fn significant(value: f64) -> String {
    match value.abs() {
        v if v < 10.0 => format!("{value:.2}"),
        v if v < 100.0 => format!("{value:.1}"),
        v if v < 1000.0 || !v.is_finite() => format!("{value:.0}"),
        v => format!(
            "{}{}",
            if value < 0.0 { "-" } else { "" },
            count(v.round() as u64)
        ),
    }
}

/// `412 B`, `55.3 KiB`, `2.00 MiB`.
fn bytes(value: f64) -> String {
    match value.abs() {
        v if v < 1024.0 => format!("{value:.0} B"),
        v if v < 1024.0 * 1024.0 => format!("{:.1} KiB", value / 1024.0),
        _ => format!("{:.2} MiB", value / (1024.0 * 1024.0)),
    }
}

/// `0 B`, `+64.0 KiB`, `−1.00 MiB`.
fn signed_bytes(value: f64) -> String {
    match value {
        v if v > 0.0 => format!("+{}", bytes(v)),
        v if v < 0.0 => format!("−{}", bytes(-v)),
        _ => "0 B".into(),
    }
}

/// `405.6 KiB raw · 150.2 KiB gzip`.
fn raw_and_gzip(raw: u64, gzip: u64) -> String {
    format!("{} raw · {} gzip", bytes(raw as f64), bytes(gzip as f64))
}

/// `60`, `10 000`, `1 000 000` (thin spaces would not survive every terminal).
fn count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Just enough JSON for criterion's estimates and the browser bench's report.
mod json {
    /// A parsed JSON value; objects keep their keys in order.
    #[derive(Debug, Clone, PartialEq)]
    pub enum Value {
        Null,
        Bool(bool),
        Number(f64),
        String(String),
        Array(Vec<Value>),
        Object(Vec<(String, Value)>),
    }

    impl Value {
        /// Parses `text`, which must hold exactly one value.
        pub fn parse(text: &str) -> Result<Self, String> {
            let mut parser = Parser {
                bytes: text.as_bytes(),
                at: 0,
            };
            let value = parser.value()?;
            parser.space();
            match parser.at == parser.bytes.len() {
                true => Ok(value),
                false => Err(format!("extra text at byte {}", parser.at)),
            }
        }

        /// The value at a dotted path of object keys, `a.b.c`.
        pub fn at(&self, path: &str) -> Option<&Value> {
            path.split('.').try_fold(self, |value, key| match value {
                Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
                _ => None,
            })
        }

        /// The number, if this is one.
        pub fn as_f64(&self) -> Option<f64> {
            match self {
                Value::Number(n) => Some(*n),
                _ => None,
            }
        }

        /// The string, if this is one.
        pub fn as_str(&self) -> Option<&str> {
            match self {
                Value::String(s) => Some(s),
                _ => None,
            }
        }

        /// The items, if this is an array.
        pub fn as_array(&self) -> Option<&[Value]> {
            match self {
                Value::Array(items) => Some(items),
                _ => None,
            }
        }
    }

    struct Parser<'a> {
        bytes: &'a [u8],
        at: usize,
    }

    impl Parser<'_> {
        fn space(&mut self) {
            while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
                self.at += 1;
            }
        }

        fn error<T>(&self, what: &str) -> Result<T, String> {
            Err(format!("{what} at byte {}", self.at))
        }

        /// Skips white space, then consumes `byte` if it comes next.
        fn eat(&mut self, byte: u8) -> bool {
            self.space();
            let found = self.bytes.get(self.at) == Some(&byte);
            self.at += usize::from(found);
            found
        }

        fn value(&mut self) -> Result<Value, String> {
            self.space();
            match self.bytes.get(self.at) {
                Some(b'{') => self.object(),
                Some(b'[') => self.array(),
                Some(b'"') => self.string().map(Value::String),
                Some(b't') => self.literal("true", Value::Bool(true)),
                Some(b'f') => self.literal("false", Value::Bool(false)),
                Some(b'n') => self.literal("null", Value::Null),
                Some(_) => self.number(),
                None => self.error("unexpected end"),
            }
        }

        fn literal(&mut self, word: &str, value: Value) -> Result<Value, String> {
            if self.bytes[self.at..].starts_with(word.as_bytes()) {
                self.at += word.len();
                Ok(value)
            } else {
                self.error("unknown word")
            }
        }

        fn number(&mut self) -> Result<Value, String> {
            let start = self.at;
            while self
                .bytes
                .get(self.at)
                .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
            {
                self.at += 1;
            }
            let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
            match text.parse() {
                Ok(n) => Ok(Value::Number(n)),
                Err(_) => self.error("not a number"),
            }
        }

        fn string(&mut self) -> Result<String, String> {
            self.at += 1; // the opening quote
            let mut out = Vec::new();
            loop {
                let Some(&byte) = self.bytes.get(self.at) else {
                    return self.error("unterminated string");
                };
                self.at += 1;
                match byte {
                    b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
                    b'\\' => self.escape(&mut out)?,
                    _ => out.push(byte),
                }
            }
        }

        /// One escape after a backslash, appended to `out` as UTF-8.
        fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), String> {
            let Some(&kind) = self.bytes.get(self.at) else {
                return self.error("unterminated escape");
            };
            self.at += 1;
            let c = match kind {
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'u' => {
                    let hex = self.bytes.get(self.at..self.at + 4).unwrap_or_default();
                    self.at += 4;
                    let code = std::str::from_utf8(hex)
                        .ok()
                        .and_then(|h| u32::from_str_radix(h, 16).ok());
                    code.and_then(char::from_u32).unwrap_or('\u{fffd}')
                }
                other => char::from(other),
            };
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            Ok(())
        }

        fn array(&mut self) -> Result<Value, String> {
            self.at += 1;
            let mut items = Vec::new();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            loop {
                items.push(self.value()?);
                if self.eat(b']') {
                    return Ok(Value::Array(items));
                }
                if !self.eat(b',') {
                    return self.error("expected , or ]");
                }
            }
        }

        fn object(&mut self) -> Result<Value, String> {
            self.at += 1;
            let mut fields = Vec::new();
            if self.eat(b'}') {
                return Ok(Value::Object(fields));
            }
            loop {
                self.space();
                if self.bytes.get(self.at) != Some(&b'"') {
                    return self.error("expected a key");
                }
                let key = self.string()?;
                if !self.eat(b':') {
                    return self.error("expected :");
                }
                fields.push((key, self.value()?));
                if self.eat(b'}') {
                    return Ok(Value::Object(fields));
                }
                if !self.eat(b',') {
                    return self.error("expected , or }");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_reads_criterion_estimates_and_nested_reports() {
        let text = r#"{"mean":{"confidence_interval":{"lower_bound":1.5},"point_estimate":368.5e0},
                       "kind":"l\u0072 \"x\" ×","list":[1, -2.5, true, null, {}],"empty":[]}"#;
        let value = json::Value::parse(text).unwrap();
        assert_eq!(
            value.at("mean.point_estimate").unwrap().as_f64(),
            Some(368.5)
        );
        assert_eq!(value.at("kind").unwrap().as_str(), Some("lr \"x\" ×"));
        assert_eq!(value.at("list").unwrap().as_array().unwrap().len(), 5);
        assert!(value.at("mean.missing").is_none());
        assert!(json::Value::parse("{\"a\":1} x").is_err());
        assert!(json::Value::parse("[1,").is_err());
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
