//! The data the lab fits, as the data cell prepares it: the configured points (pasted, a
//! teaching set, or the lab's line), standardized when asked, with the true line when the
//! points were generated from one; and the sentences the page shows about them.

use crate::model::number;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::config::LabConfig;
use super::notes::short;
use super::table_text::MAX_TEXT_BYTES;
use crate::model::standardize::{standardize, Standardizer};
use crate::model::{Analysis, InputError, Samples};

/// The training panels' fixed y range for the lab's own line (the figures' constant).
const LAB_Y_RANGE: (f64, f64) = (-10.0, 15.0);

/// The points the lab fits and where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct LabData {
    /// The points in x's own units.
    pub raw: Samples,
    /// The points the lab fits: `raw`, or `raw` with x standardized.
    pub fitted: Samples,
    /// The map from x to standard units, when standardizing.
    pub standardizer: Option<Standardizer>,
    /// The true line `(slope, bias)` in the fitted units, when the points have one.
    pub truth: Option<(f64, f64)>,
}

/// Prepares the configured data: [`LabConfig::make_data`], then standardized when asked.
pub fn prepare(config: &LabConfig) -> Result<LabData, InputError> {
    let (raw, truth) = config.make_data()?;
    let line = truth.and_then(|t| line_through(raw.x(), &t));
    if !config.standardize {
        return Ok(LabData {
            fitted: raw.clone(),
            raw,
            standardizer: None,
            truth: line,
        });
    }
    let (fitted, s) = standardize(&raw)?;
    Ok(LabData {
        raw,
        fitted,
        standardizer: Some(s),
        truth: line.map(|(w, b)| s.to_standard(w, b)),
    })
}

/// The line through the true values `truth` at `x` (two points of different x fix it).
pub fn line_through(x: &[f64], truth: &[f64]) -> Option<(f64, f64)> {
    let (i, j) = (0, x.len().checked_sub(1)?);
    let (x0, x1) = (*x.get(i)?, *x.get(j)?);
    let (t0, t1) = (*truth.get(i)?, *truth.get(j)?);
    if x1 == x0 {
        return None;
    }
    let slope = (t1 - t0) / (x1 - x0);
    let line = (slope, t0 - slope * x0);
    (line.0.is_finite() && line.1.is_finite()).then_some(line)
}

/// A key naming the data and window the figures are drawn from, for the figures' caches:
/// equal keys mean the same points, the same standardizing and the same (w, b) window.
pub fn data_key(config: &LabConfig) -> String {
    let mut h = DefaultHasher::new();
    if let Some(s) = &config.data {
        for v in s.x().iter().chain(s.y()) {
            v.to_bits().hash(&mut h);
        }
    }
    format!(
        "{}/{:x}/{}/{}/{:x}/{:x}/{:x}/{}",
        config.seed,
        config.noise.to_bits(),
        config.dataset.unwrap_or(""),
        config.standardize,
        h.finish(),
        config.w0.to_bits(),
        config.b0.to_bits(),
        config.grid
    )
}

/// Whether the explorer may draw new noise or change the seed: only for the lab's own line,
/// unstandardized (other data has no noise to redraw).
pub fn explorer_owns_noise(config: &LabConfig) -> bool {
    config.is_lab_data() && !config.standardize
}

/// The y range of the training panels: the lab's fixed range for its own line (so the panels
/// line up); otherwise the data's range with half its span on each side.
pub fn training_y_range(config: &LabConfig, samples: &Samples) -> Option<(f64, f64)> {
    if config.is_lab_data() && !config.standardize {
        return Some(LAB_Y_RANGE);
    }
    let lo = samples.y().iter().copied().fold(f64::INFINITY, f64::min);
    let hi = samples
        .y()
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    let half = 0.5 * (hi - lo).max(1e-9);
    let range = (lo - half, hi + half);
    (range.0.is_finite() && range.1.is_finite()).then_some(range)
}

/// Refuses a file larger than the text the parser reads, before reading it.
pub fn check_file_size(bytes: f64) -> Result<(), InputError> {
    if bytes.is_finite() && bytes <= MAX_TEXT_BYTES as f64 {
        return Ok(());
    }
    Err(InputError::new(
        "data",
        format!(
            "the file is {} bytes; at most {MAX_TEXT_BYTES} bytes (1 MB) can be read",
            number::shortest(bytes)
        ),
    ))
}

/// The warning beside the learning rate when it is above the data's critical rate.
pub fn lr_warning(analysis: &Analysis, lr: f64) -> Option<String> {
    if lr < analysis.critical_lr {
        return None;
    }
    Some(format!(
        "With this data the critical learning rate 2/λmax is {}, and lr = {} is above it: \
         the run will diverge. That is the lesson of a narrow valley: lower the learning rate \
         below {}, or standardize x.",
        short(analysis.critical_lr),
        short(lr),
        short(analysis.critical_lr)
    ))
}

/// How elongated the bowl is: λmax/λmin (1 is round).
pub fn elongation(analysis: &Analysis) -> f64 {
    let [a, b] = analysis.eigenvalues;
    a.abs().max(b.abs()) / a.abs().min(b.abs())
}

/// What standardizing changed: both bowls' critical rates and shapes.
pub fn bowls_note(raw: &Analysis, standard: &Analysis) -> String {
    format!(
        "Left, the bowl on x as given: λmax/λmin = {}, critical learning rate 2/λmax = {}. \
         Right, the bowl on standardized x, z = (x − mean)/std: λmax/λmin = {}, critical rate {}. \
         Standardizing gives z mean 0 and spread 1, so w and b pull equally and the bowl is round: \
         a much larger learning rate is safe and descent heads straight for the bottom.",
        short(elongation(raw)),
        short(raw.critical_lr),
        short(elongation(standard)),
        short(standard.critical_lr)
    )
}

/// What the data cell says about data other than the lab's own line; `None` for the lab's.
pub fn source_note(config: &LabConfig, n: usize) -> Option<String> {
    let scaled = if config.standardize {
        ", with x standardized"
    } else {
        ""
    };
    if config.data.is_some() {
        return Some(format!(
            "The lab now uses your data: {n} points{scaled}. The lines above describe the lab's own data."
        ));
    }
    match config.dataset.and_then(super::datasets::find) {
        Some(set) if set.name != super::datasets::DEFAULT_SET => Some(format!(
            "The lab now uses the teaching set “{}”{scaled}: {} The lines above describe the lab's own data.",
            set.label, set.description
        )),
        _ if config.standardize => Some(
            "The lab's own data, with x standardized: the bowl on z = (x − mean)/std.".into(),
        ),
        _ => None,
    }
}

/// The training table's caption: which x the run uses.
pub fn table_caption(standardizer: Option<&Standardizer>) -> String {
    match standardizer {
        Some(s) => format!(
            "Trained on standardized x: z = (x − {})/{}; w and b are in z's units.",
            short(s.mean),
            short(s.std)
        ),
        None => "Trained on x as given.".into(),
    }
}

/// The fitted line `(w, b)` on z, in x's own units.
pub fn original_line(s: &Standardizer, w: f64, b: f64) -> String {
    let (slope, bias) = s.to_original(w, b);
    let sign = if bias < 0.0 { "−" } else { "+" };
    format!(
        "In x's own units the line is ŷ = {}·x {sign} {}.",
        short(slope),
        short(bias.abs())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_true_line_comes_back_from_its_values() {
        let x = [10.0, 12.0, 16.0];
        let t: Vec<f64> = x.iter().map(|v| 0.5 * v - 3.0).collect();
        let (w, b) = line_through(&x, &t).unwrap();
        assert!((w - 0.5).abs() < 1e-12 && (b + 3.0).abs() < 1e-12);
        assert_eq!(line_through(&[1.0, 1.0], &[2.0, 2.0]), None);
        assert_eq!(line_through(&[], &[]), None);
    }

    #[test]
    fn pasted_data_has_no_truth_and_standardizing_is_applied() {
        let samples = Samples::new(vec![10.0, 12.0, 14.0], vec![1.0, 2.0, 2.5]).unwrap();
        let config = LabConfig {
            data: Some(samples.clone()),
            standardize: true,
            ..LabConfig::default()
        };
        let d = prepare(&config).unwrap();
        assert_eq!(d.truth, None);
        assert_eq!(d.raw, samples);
        let mean: f64 = d.fitted.x().iter().sum::<f64>() / 3.0;
        assert!(mean.abs() < 1e-12);
        assert!(!explorer_owns_noise(&config));
        assert!(explorer_owns_noise(&LabConfig::default()));
    }

    #[test]
    fn the_source_note_names_the_data_in_use() {
        assert_eq!(source_note(&LabConfig::default(), 60), None);
        let far = LabConfig {
            dataset: Some("far"),
            ..LabConfig::default()
        };
        assert!(source_note(&far, 60).unwrap().contains("x far from zero"));
        let pasted = LabConfig {
            data: Some(Samples::new(vec![1.0, 2.0], vec![1.0, 3.0]).unwrap()),
            standardize: true,
            ..LabConfig::default()
        };
        let note = source_note(&pasted, 2).unwrap();
        assert!(
            note.contains("your data: 2 points, with x standardized"),
            "{note}"
        );
    }

    #[test]
    fn keys_differ_when_the_points_do() {
        let a = Samples::new(vec![1.0, 2.0], vec![1.0, 2.0]).unwrap();
        let b = Samples::new(vec![1.0, 2.0], vec![1.0, 3.0]).unwrap();
        let with = |s: &Samples| LabConfig {
            data: Some(s.clone()),
            ..LabConfig::default()
        };
        assert_ne!(data_key(&with(&a)), data_key(&with(&b)));
        assert_eq!(data_key(&with(&a)), data_key(&with(&a)));
    }
}
