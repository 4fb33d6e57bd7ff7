//! `bench`: the built lab's speed in headless Chromium, printed as one JSON object on stdout.
//!
//! ```text
//! GD_LAB_DIST=$PWD/target/bench-dist CHROMEDRIVER=/usr/bin/chromedriver \
//!     CHROMIUM=/usr/bin/chromium cargo run --release -p e2e --bin bench [-- [DIST] [--replays N]]
//! ```
//!
//! `DIST` overrides `GD_LAB_DIST`; `--replays N` sets the memory check's replays (default
//! [`DEFAULT_REPLAYS`]; each replay redraws the explorer's 41 frames, about 50 ms here).
//!
//! `cargo xtask bench` runs it and turns the JSON into the performance table. It measures:
//!
//! - **load**: the `lab-ready` mark's time since navigation start, cold (a new browser with a
//!   fresh profile for every load) and reloaded in one browser, twice: from a server that
//!   sends `no-store` (every file fetched again) and from one that answers as a static host
//!   does (`max-age` and `ETag`: files come from the browser's cache or a `304`);
//! - **long tasks**: per cold load, the longest main-thread task (`longtask` entries, observed
//!   from the document's start) from navigation until one second after `lab-ready`;
//! - **redraw**: per-event redraw times from `wasmBindings.benchRedraw` for scrub steps and
//!   learning-rate changes at several grid sizes;
//! - **memory**: `wasmMemoryBytes()` after load and after replaying the explorer's run;
//! - **Lighthouse**: its mobile performance score, twice, on the site served as a static host,
//!   when `GD_LAB_LIGHTHOUSE` names its command-line script (see [`lighthouse`]);
//! - **floors**: what no page can beat in this browser, cold as the lab's own loads: a blank
//!   page whose one module script sets the mark, and the lab's module alone (fetched,
//!   compiled and instantiated, nothing drawn).
//!
//! The site is served by the harness's [`e2e::Site`]: with `Cache-Control: no-store` for the
//! cold and "no-store" rows, and as a static host for the "static host" row.
//!
//! Progress goes to stderr; only the JSON goes to stdout. The exit status is non-zero only if
//! a measurement could not be made.

mod lighthouse;

use std::process::ExitCode;
use std::time::Instant;

use e2e::{bail, Browser, Config, Site, WINDOW};
use serde_json::{json, Value as Json};

/// Page loads per cache state (the cold median is the fifth of nine).
const LOADS: usize = 9;
/// The static host's `max-age` (GitHub Pages sends 600 s).
const MAX_AGE_S: u32 = 600;
/// Records every long task from the document's start (the page's CSP does not apply to it).
const OBSERVE_LONG_TASKS: &str = "window.__longTasks = []; \
    new PerformanceObserver(l => window.__longTasks.push(...l.getEntries() \
      .map(e => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });";
/// Explorer events timed per kind and grid size.
const EVENTS: u32 = 200;
/// Grid sizes (nodes per side) of the redraw measurements.
const GRIDS: [u32; 3] = [30, 100, 200];
/// Grid size of the memory measurement.
const MEMORY_GRID: u32 = 30;
/// Replays of the explorer's run between the two memory readings, unless `--replays` says.
const DEFAULT_REPLAYS: u32 = 1000;
/// Replays per script call, so no single call nears the WebDriver script timeout.
const REPLAY_CHUNK: u32 = 10;

/// What the command line asks for.
struct Args {
    /// The built site's folder, overriding `GD_LAB_DIST`.
    dist: Option<std::ffi::OsString>,
    /// Replays for the memory check.
    replays: u32,
}

impl Args {
    /// Reads `[DIST] [--replays N]`.
    fn parse() -> e2e::Result<Self> {
        let mut args = Self {
            dist: None,
            replays: DEFAULT_REPLAYS,
        };
        let mut iter = std::env::args_os().skip(1);
        while let Some(arg) = iter.next() {
            if arg == "--replays" {
                let value = iter.next().unwrap_or_default();
                args.replays = value
                    .to_str()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(|| e2e::Error::msg("--replays needs a whole number above 0"))?;
            } else if args.dist.is_none() {
                args.dist = Some(arg);
            } else {
                bail!("unexpected argument {arg:?}");
            }
        }
        Ok(args)
    }
}

fn main() -> ExitCode {
    let start = Instant::now();
    match measure() {
        Ok(report) => {
            println!("{report}");
            eprintln!("bench: done in {:.1}s", start.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every measurement, as the JSON report.
fn measure() -> e2e::Result<Json> {
    let args = Args::parse()?;
    let config = config(&args)?;
    let site = Site::builder().root(&config.dist).start()?;
    let page = |query: &str| site.url(&format!("/index.html{query}"));
    let (cold, long_tasks) = cold_loads(&config, &page(""))?;
    let floors = floor_loads(&config)?;
    let browser = Browser::start(&config, WINDOW.0, WINDOW.1)?;
    let warm = warm_loads(&browser, &page(""))?;
    let host = Site::builder()
        .root(&config.dist)
        .static_host(MAX_AGE_S)
        .start()?;
    let cached = warm_loads(&browser, &host.url("/index.html"))?;
    let lighthouse = lighthouse::measure(&config, &host.url("/index.html"));
    let mut redraw = Vec::new();
    for grid in GRIDS {
        redraw.extend(redraws(&browser, &page(&format!("?grid={grid}")), grid)?);
    }
    let memory = memory(
        &browser,
        &page(&format!("?grid={MEMORY_GRID}")),
        args.replays,
    )?;
    Ok(json!({
        "chromium": chromium_version(&browser)?,
        "load": {
            "cold": summary(&cold),
            "warm": summary(&warm),
            "static_host": summary(&cached),
            "max_age_s": MAX_AGE_S,
        },
        "floor": floors,
        "lighthouse": lighthouse,
        "long_task": summary(&long_tasks),
        "redraw": redraw,
        "memory": memory,
    }))
}

/// The harness's configuration, with the site's folder from the command line if given.
fn config(args: &Args) -> e2e::Result<Config> {
    if let Some(dist) = &args.dist {
        // Edition 2021 and a single thread so far: setting the variable is sound here.
        std::env::set_var("GD_LAB_DIST", dist);
    }
    Config::from_env()
}

/// The browser's product and version, e.g. `HeadlessChrome/156.0.8078.108`.
fn chromium_version(browser: &Browser) -> e2e::Result<String> {
    let version = browser.cdp("Browser.getVersion", json!({}))?;
    Ok(version["product"].as_str().unwrap_or("unknown").to_string())
}

/// Milliseconds from navigation start to the current page's `lab-ready` mark.
fn lab_ready_ms(browser: &Browser) -> e2e::Result<f64> {
    let mark =
        browser.js("return performance.getEntriesByName('lab-ready')[0]?.startTime ?? null;")?;
    mark.as_f64()
        .ok_or_else(|| e2e::Error::msg(format!("the page has no lab-ready mark ({mark})")))
}

/// [`LOADS`] cold loads: each in a new browser with an empty profile, so nothing is cached.
/// Returns each load's lab-ready time and its longest task (ms, see [`longest_task_ms`]).
fn cold_loads(config: &Config, url: &str) -> e2e::Result<(Vec<f64>, Vec<f64>)> {
    let mut times = (Vec::new(), Vec::new());
    for i in 0..LOADS {
        eprintln!("bench: cold load {}/{LOADS}", i + 1);
        let browser = Browser::start(config, WINDOW.0, WINDOW.1)?;
        let source = json!({ "source": OBSERVE_LONG_TASKS });
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", source)?;
        browser.open_lab(url)?;
        let ready = lab_ready_ms(&browser)?;
        times.0.push(ready);
        times.1.push(longest_task_ms(&browser, ready)?);
    }
    Ok(times)
}

/// A blank page: one module script that sets the marks the harness waits for.
const BLANK_HTML: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>Floor</title><script type=\"module\" src=\"floor.js\"></script></head>\
    <body><p>Floor</p></body></html>";
/// Marks the page ready.
const MARK_READY: &str =
    "performance.mark('lab-ready'); document.documentElement.dataset.labReady = '1';";

/// Cold loads of the two floors (see the module's note), from a folder of their own beside
/// a copy of the lab's module: `{"blank": summary, "module": summary}`.
fn floor_loads(config: &Config) -> e2e::Result<Json> {
    let folder = tempfile::tempdir()?;
    let write = |name: &str, text: &str| std::fs::write(folder.path().join(name), text);
    for file in ["gd-lab.js", "gd-lab_bg.wasm"] {
        std::fs::copy(config.dist.join(file), folder.path().join(file))?;
    }
    let mut report = json!({});
    let module = format!(
        "import init from './gd-lab.js';\n\
         await init({{ module_or_path: new URL('gd-lab_bg.wasm', import.meta.url) }});\n\
         {MARK_READY}\n"
    );
    for (name, script) in [("blank", MARK_READY.to_string()), ("module", module)] {
        write("index.html", BLANK_HTML)?;
        write("floor.js", &script)?;
        let site = Site::builder().root(folder.path()).start()?;
        eprintln!("bench: floor, {name}");
        let (times, long_tasks) = cold_loads(config, &site.url("/index.html"))?;
        report[name] = summary(&times);
        report[name]["long_task"] = summary(&long_tasks);
    }
    Ok(report)
}

/// The longest task that started before one second after `ready` (ms since navigation), 0
/// when none took over 50 ms (the browser reports only those); waits for that second first.
fn longest_task_ms(browser: &Browser, ready: f64) -> e2e::Result<f64> {
    let script = "const [until, done] = [arguments[0] + 1000, arguments[1]]; \
        const read = () => { \
          if (performance.now() < until + 100) return setTimeout(read, 100); \
          const tasks = window.__longTasks; \
          done(tasks ? Math.max(0, ...tasks.filter(([s]) => s <= until).map(([, d]) => d)) : -1); \
        }; \
        read();";
    let value = browser.js_async(script, vec![json!(ready)])?;
    value
        .as_f64()
        .filter(|&v| v >= 0.0)
        .ok_or_else(|| e2e::Error::msg(format!("no long-task record on the page ({value})")))
}

/// [`LOADS`] reloads: the page opened once, then reloaded in the same browser.
fn warm_loads(browser: &Browser, url: &str) -> e2e::Result<Vec<f64>> {
    browser.open_lab(url)?;
    (0..LOADS)
        .map(|i| {
            eprintln!("bench: warm load {}/{LOADS}", i + 1);
            browser.block_on(browser.client().refresh())?;
            browser.wait_ready(e2e::browser::READY_TIMEOUT)?;
            lab_ready_ms(browser)
        })
        .collect()
}

/// Scrub and learning-rate redraw times on a fresh page with a `grid` × `grid` cost grid.
fn redraws(browser: &Browser, url: &str, grid: u32) -> e2e::Result<Vec<Json>> {
    eprintln!("bench: redraws at {grid}×{grid}");
    browser.open_lab(url)?;
    ["scrub", "lr"]
        .into_iter()
        .map(|kind| {
            let times: Vec<f64> = browser.js_as(
                "return Array.from(window.wasmBindings.benchRedraw(arguments[0], arguments[1]));",
                vec![json!(kind), json!(EVENTS)],
            )?;
            let mut row = summary(&times);
            row["grid"] = json!(grid);
            row["kind"] = json!(kind);
            Ok(row)
        })
        .collect()
}

/// Wasm memory after loading the page and after `replays` replays of the explorer's run,
/// with a reading after every chunk of replays and the replays' total time.
fn memory(browser: &Browser, url: &str, replays: u32) -> e2e::Result<Json> {
    eprintln!("bench: memory over {replays} replays at {MEMORY_GRID}×{MEMORY_GRID}");
    browser.open_lab(url)?;
    let bytes = || -> e2e::Result<f64> {
        let value = browser.js("return window.wasmBindings.wasmMemoryBytes();")?;
        value
            .as_f64()
            .ok_or_else(|| e2e::Error::msg(format!("wasmMemoryBytes() gave {value}")))
    };
    let after_load = bytes()?;
    let frames =
        browser.js("return document.querySelectorAll('#explore-table tbody tr').length;")?;
    let (mut replay_ms, mut readings) = (0.0, Vec::new());
    let mut done = 0;
    while done < replays {
        let chunk = REPLAY_CHUNK.min(replays - done);
        let ms = browser.js_with(
            "return window.wasmBindings.benchReplay(arguments[0]);",
            vec![json!(chunk)],
        )?;
        done += chunk;
        replay_ms += ms.as_f64().unwrap_or(f64::NAN);
        readings.push(bytes()?);
    }
    Ok(json!({
        "grid": MEMORY_GRID,
        "after_load": after_load,
        "after_replays": readings.last().copied().unwrap_or(after_load),
        "replays": replays,
        "frames": frames,
        "replay_ms": replay_ms,
        "readings": readings,
    }))
}

/// Count, median, p95, minimum and maximum of `samples` (ms).
fn summary(samples: &[f64]) -> Json {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    json!({
        "n": sorted.len(),
        "p50": percentile(&sorted, 0.50),
        "p95": percentile(&sorted, 0.95),
        "min": sorted.first(),
        "max": sorted.last(),
    })
}

/// The `p` quantile of sorted `values`, interpolating linearly between neighbours.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let rank = p * last as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_interpolate_between_sorted_values() {
        let values = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&values, 0.5), 2.5);
        assert_eq!(percentile(&values, 1.0), 4.0);
        assert_eq!(percentile(&values, 0.0), 1.0);
        assert!(percentile(&[], 0.5).is_nan());
    }
}
