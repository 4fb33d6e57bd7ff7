//! The machine, the printed table, and README.md's Performance section.

use super::*;

/// The machine the measurements ran on.
pub(super) struct Machine {
    pub(super) cpu: String,
    pub(super) cores: usize,
    pub(super) os: String,
    pub(super) chromium: String,
    pub(super) date: String,
}

impl Machine {
    /// Reads /proc/cpuinfo, /etc/os-release, the browser's version and the date.
    pub(super) fn detect(browser: &Value) -> Self {
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
    pub(super) fn describe(&self) -> String {
        format!(
            "{} ({} cores), {}, {}",
            self.cpu, self.cores, self.os, self.chromium
        )
    }
}

/// The value of the first line `key<sep>value` in `text`, trimmed.
pub(super) fn field(text: &str, key: &str, sep: char) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(sep)?;
        (k.trim() == key).then(|| v.trim().to_string())
    })
}

/// Everything the table shows, and where it ran.
pub(super) struct Report {
    pub(super) rows: Vec<Row>,
    pub(super) machine: Machine,
    pub(super) browser: Value,
    /// The original notebook's figure time, measured in the same run (or why not).
    pub(super) notebook: Notebook,
    /// The memory check's replays, as asked for.
    pub(super) replays: u32,
}

impl Report {
    /// The table with the machine, the date and the row furthest from its target.
    pub(super) fn terminal(&self) -> String {
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
        out.push_str(&format!("\n{}", self.comparison()));
        out.push_str("\nTargets are reported, not enforced.");
        out
    }

    /// The body of README.md's "## Performance" section.
    pub(super) fn readme_section(&self) -> String {
        format!(
            "Measured by `{command}` on {date}, on {machine}. Targets are reported beside the \
             rows, never enforced.\n\n{table}\n{comparison}\n\n\
             Notes: the cold loads each start a new browser with an empty profile; the \
             \"no-store\" reloads fetch every file again from the harness's server; the \
             \"static host\" reloads are served with `Cache-Control: max-age` and `ETag`, as a \
             static host serves, so the files come from the browser's cache. Long tasks are \
             the browser's `longtask` entries (tasks over 50 ms), observed from the document's \
             start. Redraw times are measured in the page by `wasmBindings.benchRedraw` \
             (update plus synchronous redraw of every changed view). Native timings are \
             criterion means on the release profile; the site itself is built size-optimised. \
             `--replays N` sets the memory check's replays (default {default}). Optional \
             measurements: `GD_LAB_PYTHON` names a Python with torch and matplotlib for the \
             notebook's time, `GD_LAB_LIGHTHOUSE` Lighthouse's `cli/index.js` for its score \
             (`npm install lighthouse@12.2.3` anywhere; it runs with its mobile defaults on the \
             static-host server), and `cargo xtask items` lists the module's ten largest items (from a build that keeps its names).\n",
            default = DEFAULT_REPLAYS,
            command = self.command_line(),
            date = self.machine.date,
            machine = self.machine.describe(),
            table = markdown_table(&self.rows),
            comparison = self.comparison(),
        )
    }

    /// The notebook-against-lab sentence, from this run's numbers.
    pub(super) fn comparison(&self) -> String {
        let cold = number(&self.browser, "load.cold.p50").unwrap_or(f64::NAN);
        let floor =
            |key: &str| number(&self.browser, &format!("floor.{key}.p50")).unwrap_or(f64::NAN);
        match &self.notebook {
            Notebook::Measured {
                draw_ms,
                import_ms,
                python,
            } => format!(
                "The original notebook, run in the same session as a plain script \
                 (`{python} benches/seed_notebook.py`, matplotlib's Agg backend, median of 3 \
                 runs), draws its 17 figures in {draw} after {imports} of imports; the lab has \
                 drawn every figure {cold} after navigation with a cold cache: {ratio:.1}× \
                 sooner than the notebook's figures alone (target: 14×, that is {target}). \
                 In the same browser a blank page's one module script runs {blank} after \
                 navigation, and the lab's module alone is compiled and instantiated after \
                 {module}, before anything is drawn.",
                draw = ms(*draw_ms),
                imports = ms(*import_ms),
                cold = ms(cold),
                ratio = draw_ms / cold,
                target = ms(draw_ms / LOAD_TARGET_RATIO),
                blank = ms(floor("blank")),
                module = ms(floor("module")),
            ),
            Notebook::NotMeasured(why) => format!(
                "The comparison with the original notebook was not measured in this run: {why}."
            ),
        }
    }

    /// The command that makes this section.
    pub(super) fn command_line(&self) -> String {
        let mut line = "cargo xtask bench --write-readme".to_string();
        if self.replays != DEFAULT_REPLAYS {
            line.push_str(&format!(" --replays {}", self.replays));
        }
        line
    }
}

/// The row with a ratio furthest above its target (or closest to it, if all meet theirs).
pub(super) fn furthest(rows: &[Row]) -> Option<(&Row, f64)> {
    rows.iter()
        .filter_map(|row| row.ratio.map(|r| (row, r)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// The rows as a Markdown table whose columns line up in a terminal too.
pub(super) fn markdown_table(rows: &[Row]) -> String {
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
pub(super) fn write_readme(body: &str) -> Result<()> {
    let path = util::repo_root().join("README.md");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("README.md: {e}"))?;
    let new = replace_section(&text, "## Performance", body)?;
    std::fs::write(&path, new).map_err(|e| format!("README.md: {e}"))
}

/// `text` with everything between the line `heading` and the next `## ` heading (or the end)
/// replaced by `body`, set off by blank lines.
pub(super) fn replace_section(text: &str, heading: &str, body: &str) -> Result<String> {
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
