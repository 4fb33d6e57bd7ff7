//! The `data` URL parameter: a few points inline, as `x,y` pairs joined by `;`.
//!
//! Small sets only ([`LINK_MAX_POINTS`] points, and a whole query under
//! [`LINK_MAX_QUERY_CHARS`] characters) so a shared link stays a link; larger data are saved
//! as CSV instead. Numbers are written in their shortest round-trip form, so a link reads
//! back exactly the same points.

use super::config::LabConfig;
use super::datasets::{self, DEFAULT_SET};
use super::table_text::NumberProblem;
use crate::model::{generate, CostQuadratic, DataSpec, Dataset, InputError, Samples};

/// Most points the `data` parameter may carry.
pub const LINK_MAX_POINTS: usize = 200;
/// Longest query string a Share link may have once the data are in it: links far longer
/// than 2000 characters are cut by some mail clients, chats and servers.
pub const LINK_MAX_QUERY_CHARS: usize = 2000;

/// Reads `x,y;x,y;…`. Spaces around numbers and an empty last pair (a trailing `;`) are
/// allowed. The error says which pair and why, for a notice.
pub fn parse_inline(value: &str) -> Result<Samples, String> {
    let pairs: Vec<&str> = value.trim().trim_end_matches(';').split(';').collect();
    if pairs.len() > LINK_MAX_POINTS {
        return Err(format!(
            "holds {} pairs; a link carries at most {LINK_MAX_POINTS}",
            pairs.len()
        ));
    }
    let (mut x, mut y) = (Vec::new(), Vec::new());
    for (i, pair) in pairs.iter().enumerate() {
        let (a, b) = pair
            .split_once(',')
            .ok_or_else(|| format!("pair {} is not written x,y", i + 1))?;
        x.push(number(a, i)?);
        y.push(number(b, i)?);
    }
    if x.len() < 2 {
        return Err("needs at least two x,y pairs".into());
    }
    let samples = Samples::new(x, y).map_err(|e| e.message)?;
    let q = CostQuadratic::new(&samples).map_err(|e| e.message)?;
    if q.x_is_constant() {
        return Err("every x is the same, so no line fits best".into());
    }
    Ok(samples)
}

fn number(text: &str, pair: usize) -> Result<f64, String> {
    let text = text.trim();
    let why = match super::table_text::number(text) {
        Ok(v) => return Ok(v),
        Err(NumberProblem::Missing) => "has a missing value",
        Err(NumberProblem::NotANumber) => "has a value that is not a number",
        Err(NumberProblem::NotFinite) => "has a value that is not finite",
    };
    Err(format!("pair {} {why}", pair + 1))
}

/// The shortest text that reads back as exactly `v` (`{}` or `{:e}`, whichever is shorter).
fn shortest(v: f64) -> String {
    let (plain, sci) = (format!("{v}"), format!("{v:e}"));
    if sci.len() < plain.len() {
        sci
    } else {
        plain
    }
}

/// The `data` value for these points: `x,y;x,y;…`.
pub fn write_inline(samples: &Samples) -> String {
    let pairs: Vec<String> = samples
        .x()
        .iter()
        .zip(samples.y())
        .map(|(&x, &y)| format!("{},{}", shortest(x), shortest(y)))
        .collect();
    pairs.join(";")
}

/// Whether `inline` (the `data` value of `n` points) fits a link whose other parameters take
/// `rest` characters.
fn fits(rest: usize, n: usize, inline: &str) -> bool {
    let sep = if rest == 0 { 0 } else { 1 };
    n <= LINK_MAX_POINTS && rest + sep + "data=".len() + inline.len() <= LINK_MAX_QUERY_CHARS
}

/// Adds `data=…` to a query's parts when the points fit in a link; leaves it out otherwise
/// (the page asks [`LabConfig::data_fits_link`] first and offers the CSV instead).
pub(crate) fn push_data(data: Option<&Samples>, parts: &mut Vec<String>) {
    let Some(samples) = data else { return };
    let inline = write_inline(samples);
    let rest = parts
        .iter()
        .map(|p| p.len() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    if fits(rest, samples.len(), &inline) {
        parts.push(format!("data={inline}"));
    }
}

/// `data` wins over `dataset`, which wins over `seed` and `noise`: the losers go back to
/// their defaults, each with a notice. `given` lists the parameters the URL set.
pub(crate) fn apply_precedence(config: &mut LabConfig, given: &[&str], notices: &mut Vec<String>) {
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
            config.noise
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

    /// Whether the points are the lab's own line (any seed and noise): its ±15 window.
    pub fn is_lab_data(&self) -> bool {
        self.data.is_none() && self.dataset.is_none_or(|name| name == DEFAULT_SET)
    }

    /// Whether a Share link can carry these points as `data` (at most [`LINK_MAX_POINTS`],
    /// and the whole query within [`LINK_MAX_QUERY_CHARS`]); when not, the page offers the
    /// CSV instead.
    pub fn data_fits_link(&self, samples: &Samples) -> bool {
        let rest = LabConfig {
            data: None,
            ..self.clone()
        }
        .to_query();
        fits(rest.len(), samples.len(), &write_inline(samples))
    }
}
