//! The table's rows: load, interaction, size, native and memory, each against its target.

use super::*;

/// A criterion result's mean time in ns: `<dir>/<group>/<function>/<value>/new/estimates.json`.
pub(super) fn criterion_mean_ns(
    dir: &Path,
    group: &str,
    function: &str,
    value: &str,
) -> Option<f64> {
    let path = dir.join(group).join(function).join(value).join("new");
    let text = std::fs::read_to_string(path.join("estimates.json")).ok()?;
    json::parse(&text).ok()?.at("mean.point_estimate")?.as_f64()
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub(super) area: &'static str,
    pub(super) what: String,
    pub(super) result: String,
    pub(super) target: String,
    /// How far from the target: measured ÷ target (below 1 meets it); `None` without one.
    pub(super) ratio: Option<f64>,
    /// A target of "none" (no growth) met or missed, where a ratio means nothing.
    pub(super) met: Option<bool>,
}

impl Row {
    /// A row without a target.
    pub(super) fn plain(area: &'static str, what: String, result: String) -> Self {
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
    pub(super) fn against(self, target: &str, measured: f64, limit: f64) -> Self {
        Self {
            target: target.into(),
            ratio: Some(measured / limit),
            met: Some(measured <= limit),
            ..self
        }
    }

    /// A row with a target to reach: `measured` against `floor` (higher is better); the ratio
    /// is floor ÷ measured, so below 1 meets it as for [`Row::against`].
    pub(super) fn at_least(self, target: &str, measured: f64, floor: f64) -> Self {
        Self {
            target: target.into(),
            ratio: Some(floor / measured),
            met: Some(measured >= floor),
            ..self
        }
    }

    /// The verdict cell: `✓ 0.42×`, `✗ 2.6×`, `✓`, or `—`.
    pub(super) fn verdict(&self) -> String {
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
pub(super) fn rows(
    browser: &Value,
    notebook: &Notebook,
    sizes: &[Size],
    criterion: &Path,
) -> Result<Vec<Row>> {
    let mut rows = load_rows(browser, notebook)?;
    rows.extend(floor_rows(browser)?);
    rows.push(long_task_row(browser)?);
    rows.push(lighthouse_row(browser));
    rows.extend(redraw_rows(browser)?);
    rows.extend(size_rows(sizes));
    rows.extend(native_rows(criterion)?);
    rows.extend(memory_rows(browser)?);
    Ok(rows)
}

/// A number at `path` in the browser's JSON, or an error naming it.
pub(super) fn number(value: &Value, path: &str) -> Result<f64> {
    value.at(path).and_then(Value::as_f64).ok_or(format!(
        "the browser bench's JSON lacks the number `{path}`"
    ))
}

/// A summary's count, median and 95th percentile under `path` (`load.cold`; `""`: `value`'s
/// own fields), as the browser bench writes them.
fn spread(value: &Value, path: &str) -> Result<(f64, f64, f64)> {
    let at = |field: &str| match path {
        "" => number(value, field),
        _ => number(value, &format!("{path}.{field}")),
    };
    Ok((at("n")?, at("p50")?, at("p95")?))
}

/// Cold loads (against the notebook's figure time, when measured) and the two reloads.
pub(super) fn load_rows(browser: &Value, notebook: &Notebook) -> Result<Vec<Row>> {
    let max_age = number(browser, "load.max_age_s")?;
    let cases = [
        (
            "cold",
            "cold: a new browser and empty profile each load".to_string(),
        ),
        (
            "warm",
            "reload, server sends `no-store` (every file fetched again)".into(),
        ),
        (
            "static_host",
            format!("reload, served as a static host (`max-age={max_age}`, `ETag`)"),
        ),
    ];
    cases
        .into_iter()
        .map(|(key, how)| {
            let (n, p50, p95) = spread(browser, &format!("load.{key}"))?;
            let what = format!("navigation → lab-ready, {how}, {n} loads");
            let result = format!("median {} · p95 {}", ms(p50), ms(p95));
            let row = Row::plain("Load", what, result);
            Ok(match notebook {
                Notebook::Measured { draw_ms, .. } if key == "cold" => {
                    let target = format!("≤ notebook's figures ({}) ÷ 14", ms(*draw_ms));
                    row.against(&target, p50, draw_ms / LOAD_TARGET_RATIO)
                }
                _ => row,
            })
        })
        .collect()
}

/// What no page beats in this browser, loaded cold like the lab: a blank page with one
/// module script, and the lab's module alone (nothing drawn).
pub(super) fn floor_rows(browser: &Value) -> Result<Vec<Row>> {
    let cases = [
        ("blank", "a blank page's one module script"),
        (
            "module",
            "the lab's module alone: fetched, compiled, instantiated, nothing drawn",
        ),
    ];
    cases
        .into_iter()
        .map(|(key, what)| {
            let (n, p50, p95) = spread(browser, &format!("floor.{key}"))?;
            let what = format!("floor: navigation → {what}, cold, {n} loads");
            let mut result = format!("median {} · p95 {}", ms(p50), ms(p95));
            // The browser's own work (the first text layout) can pass 50 ms on a blank page.
            if let Some(longest) = browser
                .at(&format!("floor.{key}.long_task.max"))
                .and_then(Value::as_f64)
            {
                let longest = if longest > 0.0 {
                    ms(longest)
                } else {
                    "none over 50 ms".into()
                };
                result.push_str(&format!(" · longest task {longest}"));
            }
            Ok(Row::plain("Load", what, result))
        })
        .collect()
}

/// The longest main-thread task of each cold load, from navigation to lab-ready + 1 s.
pub(super) fn long_task_row(browser: &Value) -> Result<Row> {
    let (n, p50, max) = (
        number(browser, "long_task.n")?,
        number(browser, "long_task.p50")?,
        number(browser, "long_task.max")?,
    );
    let what = format!("longest main-thread task, navigation → lab-ready + 1 s, {n} cold loads");
    let shown = |v: f64| {
        if v > 0.0 {
            ms(v)
        } else {
            "none over 50 ms".into()
        }
    };
    let result = format!("median {} · max {}", shown(p50), shown(max));
    Ok(Row::plain("Load", what, result).against("max ≤ 50 ms", max, LONG_TASK_TARGET_MS))
}

/// Lighthouse's mobile performance score per run (the lowest against 90), or why it was not run.
pub(super) fn lighthouse_row(browser: &Value) -> Row {
    let runs = browser.at("lighthouse.runs").and_then(Value::as_array);
    let Some(runs) = runs.filter(|r| !r.is_empty()) else {
        let why = browser
            .at("lighthouse.skipped")
            .and_then(Value::as_str)
            .unwrap_or("the browser bench did not run it");
        let what = "Lighthouse mobile performance score".to_string();
        return Row::plain("Load", what, format!("not measured: {why}"));
    };
    let field = |run: &Value, key: &str| run.at(key).and_then(Value::as_f64).unwrap_or(f64::NAN);
    let scores: Vec<String> = runs
        .iter()
        .map(|run| {
            format!(
                "{:.0} (TBT {}, LCP {})",
                field(run, "score"),
                ms(field(run, "tbt_ms")),
                ms(field(run, "lcp_ms"))
            )
        })
        .collect();
    let lowest = runs
        .iter()
        .map(|run| field(run, "score"))
        .fold(f64::INFINITY, f64::min);
    let version = runs[0].at("version").and_then(Value::as_str).unwrap_or("?");
    let what = format!(
        "Lighthouse {version} mobile performance score (simulated slow 4G, 4× slower CPU), \
         served as a static host, uncompressed, {} runs",
        runs.len()
    );
    Row::plain("Load", what, scores.join(" · ")).at_least(
        "≥ 90 each run",
        lowest,
        LIGHTHOUSE_TARGET,
    )
}

/// Redraw times per grid size and event kind.
pub(super) fn redraw_rows(browser: &Value) -> Result<Vec<Row>> {
    let entries = browser
        .at("redraw")
        .and_then(Value::as_array)
        .ok_or("the browser bench's JSON lacks `redraw`")?;
    entries
        .iter()
        .map(|entry| {
            let grid = number(entry, "grid")?;
            let (n, p50, p95) = spread(entry, "")?;
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
pub(super) fn size_rows(sizes: &[Size]) -> Vec<Row> {
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
        format!("total, {files} files, each gzipped at level 9"),
        raw_and_gzip(raw, gzip),
    );
    rows.push(total.against("≤ 184 KiB gzipped", gzip as f64, SIZE_TARGET_BYTES));
    rows
}

/// Training and grid timings from criterion.
pub(super) fn native_rows(dir: &Path) -> Result<Vec<Row>> {
    let missing = |id: String| {
        format!(
            "no criterion result for {id} under {}: did `cargo bench --bench engine --bench \
             formulas` run it?",
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
        let ns = criterion_mean_ns(dir, "adam", &format!("n={n}"), "batch=1")
            .ok_or_else(|| missing(format!("adam/n={n}/batch=1")))?;
        let what = format!("Adam, batch size 1, n = {}, 10 000 iterations", count(n));
        rows.push(Row::plain("Native", what, format!("{} mean", duration(ns))));
    }
    rows.extend(formula_rows(dir, &missing)?);
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

/// The general path (a cost formula, here the mean absolute error): 10 000 iterations, and
/// the grid a redraw after a formula edit computes.
fn formula_rows(dir: &Path, missing: &dyn Fn(String) -> String) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    for n in [60, 10_000] {
        let function = format!("mae n={n}");
        let ns = criterion_mean_ns(dir, "formula train", &function, "10000")
            .ok_or_else(|| missing(format!("formula train/{function}/10000")))?;
        let what = format!("formula cost (MAE), n = {}, 10 000 iterations", count(n));
        rows.push(Row::plain("Native", what, format!("{} mean", duration(ns))));
    }
    for side in [30, 200] {
        let ns = criterion_mean_ns(dir, "formula grid", "mae n=60", &side.to_string())
            .ok_or_else(|| missing(format!("formula grid/mae n=60/{side}")))?;
        let what = format!("formula edit: cost grid {side}², n = 60 (general path)");
        rows.push(Row::plain("Native", what, format!("{} mean", duration(ns))));
    }
    Ok(rows)
}

/// `sums 369 ns · naive 5.3 µs · 14× faster`, or the sums alone where the naive did not run.
pub(super) fn grid_result(sums_ns: f64, naive_ns: Option<f64>) -> String {
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
pub(super) fn memory_rows(browser: &Value) -> Result<Vec<Row>> {
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
