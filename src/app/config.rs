//! What a lab shows, set by URL query parameters and reproduced by "Share" links.
//!
//! Parsing never fails: a bad value is dropped with a notice naming the parameter, and the
//! default stays. The page's own limits (at most 1000 iterations, a 200 × 200 grid) keep every
//! redraw quick; the JavaScript API allows more.

use super::cell::Cell;
use super::data_param;
use super::datasets::{self, DEFAULT_SET};
use super::input::{flag, number, url_seed, whole};
use super::limits::{
    PAGE_MAX_GRID, PAGE_MAX_ITERATIONS, PAGE_MAX_LR, PAGE_MAX_NOISE, PAGE_MAX_START,
};
use super::race::Entry;
use super::{formula_edit, origin, race_url};
use crate::model::formula::{Formulas, Line};
use crate::model::number::shortest;
use crate::model::{generate, DataSpec, Dataset, InputError, Samples};

/// The cells of the notebook, in order, by the names the `cells` parameter uses
/// ([`Cell::ALL`]'s names).
pub const CELLS: [&str; Cell::ALL.len()] = {
    let mut names = [""; Cell::ALL.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = Cell::ALL[i].name();
        i += 1;
    }
    names
};

/// Everything the URL can set.
#[derive(Debug, Clone, PartialEq)]
pub struct LabConfig {
    /// Seed of the data's noise.
    pub seed: u64,
    /// Noise σ.
    pub noise: f64,
    /// The lab run's learning rate.
    pub lr: f64,
    /// The lab run's iterations.
    pub iterations: usize,
    /// The lab run's starting slope.
    pub w0: f64,
    /// The lab run's starting bias.
    pub b0: f64,
    /// The practice's learning rate, typed in ahead (the practice then runs on opening).
    pub practice_lr: Option<f64>,
    /// Cells a side of the cost grid.
    pub grid: usize,
    /// The cells shown, in page order; all when the URL does not say.
    pub cells: Vec<&'static str>,
    /// One figure shown alone, by its name (see [`figure_names`]).
    pub figure: Option<String>,
    /// No notebook chrome: no top bar, buttons or prose.
    pub compact: bool,
    /// A teaching data set by name (see `app::datasets`); wins over `seed` and `noise`.
    pub dataset: Option<&'static str>,
    /// Fit on standardized x, `(x − mean)/std`.
    pub standardize: bool,
    /// Points given inline (at most 200); win over `dataset`.
    pub data: Option<Samples>,
    /// The model's right-hand side, when not the default `w*x + b` (see `app::formula_edit`).
    pub model: Option<String>,
    /// The cost's right-hand side, when not the default mean squared error.
    pub cost: Option<String>,
    /// The lab run's optimizer, by its API name (`sgd`, `adam`, `rmsprop`, `adagrad`).
    pub optimizer: &'static str,
    /// The lab run's momentum (`sgd` and `rmsprop` only).
    pub momentum: Option<f64>,
    /// The lab run's batch size; `None` (or more than the points) is the full batch.
    pub batch_size: Option<usize>,
    /// The race's entries; `None` is the default race.
    pub race: Option<Vec<Entry>>,
    /// The origin of the course page embedding the lab, which its statements are posted to
    /// (see `app::origin`); `None` posts nothing.
    pub host: Option<String>,
    /// Whether the learner's work is saved in this browser and restored (`save=off`: not).
    pub save: bool,
    /// The page's colours: one of [`THEMES`].
    pub theme: &'static str,
}

/// The parameters that say how the lab is embedded, not what the learner did: a link with
/// only these keeps the saved work, and the URL's always apply. A saved record leaves them
/// out but the theme, the learner's own choice (see `app::saved`).
pub const EMBED_KEYS: [&str; 6] = ["cells", "figure", "compact", "host", "save", "theme"];

/// Every parameter of the learner's state: what a saved record holds, and what makes a URL
/// win over the saved record.
pub const STATE_KEYS: [&str; 17] = [
    "seed",
    "noise",
    "lr",
    "iterations",
    "w0",
    "b0",
    "practiceLr",
    "grid",
    "dataset",
    "standardize",
    "data",
    "model",
    "cost",
    "optimizer",
    "momentum",
    "batchSize",
    "race",
];

/// The `theme` parameter's values; `auto` follows the browser's colour scheme.
pub const THEMES: [&str; 4] = ["auto", "light", "dark", "projector"];

impl Default for LabConfig {
    fn default() -> Self {
        let data = DataSpec::default();
        Self {
            seed: data.seed,
            noise: data.noise,
            lr: 0.1,
            iterations: 15,
            w0: -15.0,
            b0: -10.0,
            practice_lr: None,
            grid: 30,
            cells: CELLS.to_vec(),
            figure: None,
            compact: false,
            dataset: None,
            standardize: false,
            data: None,
            model: None,
            cost: None,
            optimizer: "sgd",
            momentum: None,
            batch_size: None,
            race: None,
            host: None,
            save: true,
            theme: THEMES[0],
        }
    }
}

/// Every figure's name, for the `figure` parameter; the canvas id is `fig-<name>`.
pub fn figure_names() -> Vec<String> {
    let mut names: Vec<String> = ["data", "surface", "contour"].map(String::from).to_vec();
    for it in TRAIN_PANELS {
        names.push(format!("train-{it}-data"));
        names.push(format!("train-{it}-params"));
    }
    names.extend(["results-surface", "results-contour", "results-cost"].map(String::from));
    names.extend(
        [
            "explore-data",
            "explore-contour",
            "explore-surface",
            "explore-cost",
        ]
        .map(String::from),
    );
    names.push("practice-compare".into());
    names.extend(["race-contour", "race-surface", "race-cost"].map(String::from));
    names
}

/// The iterations the training cell draws as data/parameter pairs.
pub const TRAIN_PANELS: [usize; 5] = [0, 3, 6, 9, 12];

impl LabConfig {
    /// Reads query pairs; returns the configuration and one notice per ignored value.
    pub fn from_query(pairs: &[(String, String)]) -> (Self, Vec<String>) {
        Self::read_pairs(pairs, data_param::parse_inline)
    }

    /// [`Self::from_query`]'s rules, with `data` read by `read_data`: a link's
    /// [`data_param::parse_inline`], or a saved record's, which may hold as many points as a
    /// paste (`app::saved`).
    pub(crate) fn read_pairs(
        pairs: &[(String, String)],
        read_data: fn(&str) -> Result<Samples, String>,
    ) -> (Self, Vec<String>) {
        let mut config = Self::default();
        let mut notices = Vec::new();
        let mut given = Vec::new();
        for (key, value) in pairs {
            match config.set(key, value.trim(), read_data) {
                Ok(()) => given.push(key.as_str()),
                Err(why) => notices.push(format!("Ignored {}: {why}", describe(key, value))),
            }
        }
        apply_precedence(&mut config, &given, &mut notices);
        race_url::check_momentum(config.optimizer, &mut config.momentum, &mut notices);
        (config, notices)
    }

    fn set(
        &mut self,
        key: &str,
        value: &str,
        read_data: fn(&str) -> Result<Samples, String>,
    ) -> Result<(), String> {
        match key {
            "seed" => self.seed = url_seed(value)?,
            "noise" => self.noise = number(value, 0.0, PAGE_MAX_NOISE, true)?,
            "lr" => self.lr = number(value, 0.0, PAGE_MAX_LR, false)?,
            "iterations" => self.iterations = whole(value, 1, PAGE_MAX_ITERATIONS as u64)? as usize,
            "w0" => self.w0 = number(value, -PAGE_MAX_START, PAGE_MAX_START, true)?,
            "b0" => self.b0 = number(value, -PAGE_MAX_START, PAGE_MAX_START, true)?,
            "practiceLr" => self.practice_lr = Some(number(value, 0.0, PAGE_MAX_LR, false)?),
            "grid" => self.grid = whole(value, 2, PAGE_MAX_GRID as u64)? as usize,
            "cells" => self.cells = parse_cells(value)?,
            "figure" => self.figure = Some(parse_figure(value)?),
            "compact" => self.compact = flag(value)?,
            "dataset" => self.dataset = Some(datasets::parse_name(value)?),
            "standardize" => self.standardize = flag(value)?,
            "data" => self.data = Some(read_data(value)?),
            "model" => self.model = formula_edit::url_line(Line::Model, value)?,
            "cost" => self.cost = formula_edit::url_line(Line::Cost, value)?,
            "optimizer" => self.optimizer = race_url::parse_optimizer(value)?,
            "momentum" => self.momentum = Some(race_url::parse_momentum(value)?),
            "batchSize" => self.batch_size = Some(race_url::parse_url_batch_size(value)?),
            "race" => self.race = Some(race_url::parse_race(value)?),
            "host" => self.host = Some(origin::parse_origin(value)?),
            "save" => self.save = parse_save(value)?,
            "theme" => self.theme = parse_theme(value)?,
            _ => return Err("not a parameter of this lab".into()),
        }
        Ok(())
    }

    /// The query string that reproduces this configuration; defaults are left out.
    pub fn to_query(&self) -> String {
        let d = Self::default();
        let mut parts: Vec<String> = Vec::new();
        let mut push = |key: &str, value: String, same: bool| {
            if !same {
                parts.push(format!("{key}={value}"));
            }
        };
        push("seed", self.seed.to_string(), self.seed == d.seed);
        push("noise", shortest(self.noise), self.noise == d.noise);
        push("lr", shortest(self.lr), self.lr == d.lr);
        push(
            "iterations",
            self.iterations.to_string(),
            self.iterations == d.iterations,
        );
        push("w0", shortest(self.w0), self.w0 == d.w0);
        push("b0", shortest(self.b0), self.b0 == d.b0);
        push(
            "practiceLr",
            self.practice_lr.map(shortest).unwrap_or_default(),
            self.practice_lr.is_none(),
        );
        push("grid", self.grid.to_string(), self.grid == d.grid);
        push("cells", self.cells.join(","), self.cells == d.cells);
        push(
            "figure",
            self.figure.clone().unwrap_or_default(),
            self.figure.is_none(),
        );
        push("compact", "1".into(), !self.compact);
        push(
            "host",
            self.host.as_deref().map(encode_origin).unwrap_or_default(),
            self.host.is_none(),
        );
        push("save", "off".into(), self.save);
        push("theme", self.theme.into(), self.theme == d.theme);
        push(
            "dataset",
            self.dataset.unwrap_or_default().into(),
            self.dataset.is_none(),
        );
        push("standardize", "1".into(), !self.standardize);
        self.push_optimizer(&mut parts);
        formula_edit::push_line("model", self.model.as_deref(), &mut parts);
        formula_edit::push_line("cost", self.cost.as_deref(), &mut parts);
        data_param::push_data(self.data.as_ref(), &mut parts);
        parts.join("&")
    }

    /// The lab run's optimizer, momentum and batch size, and the race, when not the defaults.
    fn push_optimizer(&self, parts: &mut Vec<String>) {
        let mut push = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                parts.push(format!("{key}={value}"));
            }
        };
        let optimizer = self.optimizer != Self::default().optimizer;
        push("optimizer", optimizer.then(|| self.optimizer.to_string()));
        push("momentum", self.momentum.map(shortest));
        push("batchSize", self.batch_size.map(|b| b.to_string()));
        let race = self.race.as_ref();
        push("race", race.map(|r| race_url::format_race(r, self.lr)));
    }

    /// The model and cost the lab trains on; `None` for the defaults (the fast path).
    pub fn formulas(&self) -> Option<Formulas> {
        formula_edit::formulas(self.model.as_deref(), self.cost.as_deref())
    }

    /// The lab's line with these `seed` and `noise`; [`Self::make_data`] gives the points the
    /// lab uses, which `data` or `dataset` may replace.
    pub fn data_spec(&self) -> DataSpec {
        DataSpec {
            seed: self.seed,
            noise: self.noise,
            ..DataSpec::default()
        }
    }
}

/// An origin as a query value: `:` and `/` may stay, `[`, `]` are encoded
/// (`URLSearchParams` reads both forms back the same).
fn encode_origin(origin: &str) -> String {
    origin.replace('[', "%5B").replace(']', "%5D")
}

fn parse_save(value: &str) -> Result<bool, String> {
    match value {
        "on" | "1" => Ok(true),
        "off" | "0" => Ok(false),
        _ => Err("must be on or off".into()),
    }
}

fn parse_theme(value: &str) -> Result<&'static str, String> {
    THEMES
        .into_iter()
        .find(|t| *t == value)
        .ok_or_else(|| format!("unknown theme; the themes are {}", THEMES.join(", ")))
}

/// Quotes a parameter for a notice: shortened, and shown as text only by the page.
fn describe(key: &str, value: &str) -> String {
    let clip = |s: &str| -> String {
        let short: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
        if s.chars().count() > 40 {
            format!("{short}…")
        } else {
            short
        }
    };
    format!("“{}={}”", clip(key), clip(value))
}

fn parse_cells(value: &str) -> Result<Vec<&'static str>, String> {
    let wanted: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(bad) = wanted.iter().find(|w| !CELLS.contains(w)) {
        return Err(format!(
            "unknown cell “{}”; the cells are {}",
            describe_name(bad),
            CELLS.join(", ")
        ));
    }
    Ok(CELLS
        .iter()
        .copied()
        .filter(|c| wanted.contains(c))
        .collect())
}

fn parse_figure(value: &str) -> Result<String, String> {
    let names = figure_names();
    if names.iter().any(|n| n == value) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "unknown figure; the figures are {}",
            names.join(", ")
        ))
    }
}

fn describe_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(20).collect()
}

/// `data` wins over `dataset`, which wins over `seed` and `noise`: the losers go back to
/// their defaults, each with a notice. `given` lists the parameters the URL set.
fn apply_precedence(config: &mut LabConfig, given: &[&str], notices: &mut Vec<String>) {
    let has = |key: &str| given.contains(&key);
    if has("data") && has("dataset") {
        let name = config.dataset.take().unwrap_or_default();
        notices.push(format!(
            "Ignored “dataset={name}”: the points given in data win over a data set"
        ));
    }
    let source = if has("data") { "data" } else { "dataset" };
    if !(has("data") || has("dataset")) {
        return;
    }
    let d = LabConfig::default();
    if has("seed") {
        notices.push(format!(
            "Ignored “seed={}”: the points come from {source}, which wins over seed and noise",
            config.seed
        ));
        config.seed = d.seed;
    }
    if has("noise") {
        notices.push(format!(
            "Ignored “noise={}”: the points come from {source}, which wins over seed and noise",
            shortest(config.noise)
        ));
        config.noise = d.noise;
    }
}

impl LabConfig {
    /// The points the lab uses: `data`, else the `dataset`, else the lab's line with this
    /// `seed` and `noise`. The true line comes along when the points were generated.
    pub fn make_data(&self) -> Result<(Samples, Option<Vec<f64>>), InputError> {
        if let Some(samples) = &self.data {
            return Ok((samples.clone(), None));
        }
        let Dataset { samples, truth } = match self.dataset {
            Some(name) => datasets::make(name)?,
            None => generate(&DataSpec {
                seed: self.seed,
                noise: self.noise,
                ..DataSpec::default()
            })?,
        };
        Ok((samples, Some(truth)))
    }

    /// The embed-only parameters ([`EMBED_KEYS`]) of this configuration, as
    /// [`Self::to_query`] writes them.
    pub fn embed_query(&self) -> String {
        LabConfig {
            cells: self.cells.clone(),
            figure: self.figure.clone(),
            compact: self.compact,
            host: self.host.clone(),
            save: self.save,
            theme: self.theme,
            ..Self::default()
        }
        .to_query()
    }

    /// Whether the points are the lab's own line (any seed and noise): its ±15 window.
    pub fn is_lab_data(&self) -> bool {
        self.data.is_none() && self.dataset.is_none_or(|name| name == DEFAULT_SET)
    }

    /// Whether a Share link can carry these points as `data` (at most [`data_param::LINK_MAX_POINTS`],
    /// and the whole query within [`data_param::LINK_MAX_QUERY_CHARS`]); when not, the page offers the
    /// CSV instead.
    pub fn data_fits_link(&self, samples: &Samples) -> bool {
        let rest = LabConfig {
            data: None,
            ..self.clone()
        }
        .to_query();
        data_param::fits_link(rest.len(), samples)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &[(&str, &str)]) -> (LabConfig, Vec<String>) {
        let pairs: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        LabConfig::from_query(&pairs)
    }

    #[test]
    fn good_values_are_taken_and_round_trip() {
        let (c, notices) = parse(&[
            ("seed", "7"),
            ("lr", "0.25"),
            ("cells", "train,data"),
            ("compact", "1"),
            ("practiceLr", "0.2"),
        ]);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            (c.seed, c.lr, c.compact, c.practice_lr),
            (7, 0.25, true, Some(0.2))
        );
        assert_eq!(c.cells, vec!["data", "train"]);
        let pairs: Vec<(String, String)> = c
            .to_query()
            .split('&')
            .map(|p| {
                p.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(LabConfig::from_query(&pairs).0, c);
    }

    #[test]
    fn bad_values_keep_defaults_with_a_notice_each() {
        let hostile = [
            ("lr", "NaN"),
            ("lr", "-1"),
            ("lr", "1e309"),
            ("iterations", "2.5"),
            ("iterations", "100000"),
            ("grid", "1000"),
            ("seed", "-3"),
            ("noise", "<script>alert(1)</script>"),
            ("cells", "data,evil"),
            ("figure", "nope"),
            ("compact", "maybe"),
            ("bogus", "1"),
            ("w0", "Infinity"),
        ];
        let (c, notices) = parse(&hostile);
        assert_eq!(c, LabConfig::default());
        assert_eq!(notices.len(), hostile.len());
        assert!(notices.iter().all(|n| n.starts_with("Ignored")));
    }

    #[test]
    fn host_save_and_theme_are_read_checked_and_written_back() {
        let (c, notices) = parse(&[
            ("host", "HTTPS://Course.Example/"),
            ("save", "off"),
            ("theme", "projector"),
        ]);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(c.host.as_deref(), Some("https://course.example"));
        assert!(!c.save);
        assert_eq!(c.theme, "projector");
        assert_eq!(
            c.to_query(),
            "host=https://course.example&save=off&theme=projector"
        );
        assert_eq!(c.embed_query(), c.to_query());
        // The saved record keeps the learner's theme, not how the lab is embedded.
        assert_eq!(c.to_saved_query(), "theme=projector");
        for (value, save) in [("on", true), ("1", true), ("off", false), ("0", false)] {
            assert_eq!(parse(&[("save", value)]).0.save, save);
        }
        assert_eq!(LabConfig::default().to_query(), "");
        let (c, _) = parse(&[("host", "http://[::1]:8000")]);
        assert_eq!(c.to_query(), "host=http://%5B::1%5D:8000");
    }

    #[test]
    fn hostile_hosts_saves_and_themes_keep_the_defaults() {
        let hostile = [
            ("host", "javascript:alert(1)"),
            ("host", "https://a.example/path"),
            ("host", "*"),
            ("host", "https://user@x"),
            ("host", "https://x:99999"),
            ("host", "//x"),
            ("host", ""),
            ("host", "https://<script>alert(1)</script>"),
            ("save", "maybe"),
            ("save", ""),
            ("theme", "neon"),
            ("theme", "<b>dark</b>"),
        ];
        let (c, notices) = parse(&hostile);
        assert_eq!(c, LabConfig::default());
        assert_eq!(notices.len(), hostile.len(), "{notices:?}");
        assert!(notices.iter().all(|n| n.starts_with("Ignored")));
    }

    #[test]
    fn every_parameter_is_embed_only_or_state() {
        for key in EMBED_KEYS.iter().chain(&STATE_KEYS) {
            let (_, notices) = parse(&[(key, "\u{1}bad")]);
            assert!(
                notices.iter().all(|n| !n.contains("not a parameter")),
                "{key}: {notices:?}"
            );
        }
        let (_, notices) = parse(&[("utm_source", "x")]);
        assert!(notices[0].contains("not a parameter"));
    }
}
