//! The teaching data sets, one click each: the lab's own and four that each teach something.
//!
//! Every set is made from a fixed seed (ChaCha8, see `model::data`), so a name in a shared
//! link means the same points for years.

use crate::model::{generate, DataSpec, Dataset, InputError, Samples};

/// A teaching data set: its name in the URL, its label on the page, and what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeachingSet {
    /// The value of the `dataset` URL parameter.
    pub name: &'static str,
    /// A short label for a button.
    pub label: &'static str,
    /// One sentence on what the set teaches.
    pub description: &'static str,
}

/// The set the lab starts with.
pub const DEFAULT_SET: &str = "lab";

/// Every teaching set, in the order the page lists them; the lab's own first.
pub const TEACHING_SETS: [TeachingSet; 5] = [
    TeachingSet {
        name: "lab",
        label: "The lab's data",
        description: "Sixty points near the line y = x − 1 with a little noise: a round bowl.",
    },
    TeachingSet {
        name: "steep",
        label: "Steeper and noisier",
        description: "A steeper line, y = 3x + 2, with much more noise: the best line no longer \
                      passes through the points, and the lowest cost is far above zero.",
    },
    TeachingSet {
        name: "outliers",
        label: "A few outliers",
        description: "The lab's line with four points far above it on the right: watch them \
                      drag the fitted line up and tilt it.",
    },
    TeachingSet {
        name: "far",
        label: "x far from zero",
        description: "x from 10 to 16: the bowl becomes a long narrow valley, the critical \
                      learning rate becomes tiny, and plain descent crawls; standardize x to \
                      make the bowl round again.",
    },
    TeachingSet {
        name: "few",
        label: "Five points",
        description: "Only five points: the best line follows the noise of each one.",
    },
];

/// The teaching set of this name, if there is one.
pub fn find(name: &str) -> Option<&'static TeachingSet> {
    TEACHING_SETS.iter().find(|s| s.name == name)
}

/// The `dataset` URL value as a set's name, or why not (for a notice).
pub fn parse_name(value: &str) -> Result<&'static str, String> {
    find(value)
        .map(|s| s.name)
        .ok_or_else(|| format!("unknown data set; the sets are {}", names()))
}

/// The names, for messages: "lab, steep, outliers, far, few".
pub fn names() -> String {
    TEACHING_SETS.map(|s| s.name).join(", ")
}

/// The spec behind each generated set (`outliers` starts from the lab's and moves points).
fn spec(name: &str) -> Option<DataSpec> {
    let lab = DataSpec::default();
    Some(match name {
        "lab" | "outliers" => lab,
        "steep" => DataSpec {
            seed: 7,
            slope: 3.0,
            bias: 2.0,
            noise: 1.5,
            ..lab
        },
        "far" => DataSpec {
            seed: 11,
            slope: 0.5,
            bias: -3.0,
            noise: 0.3,
            x_min: 10.0,
            x_max: 16.0,
            ..lab
        },
        "few" => DataSpec {
            seed: 5,
            n: 5,
            slope: 1.5,
            bias: 0.5,
            noise: 0.8,
            x_min: -2.0,
            x_max: 3.0,
        },
        _ => return None,
    })
}

/// Indices of the outliers (the right end) and how far above the line each is moved.
const OUTLIERS: [(usize, f64); 4] = [(52, 6.0), (55, 8.0), (57, 5.0), (59, 7.0)];

/// Makes the teaching set `name`: its points and the true line at each x (without noise,
/// and without the outliers' lift).
pub fn make(name: &str) -> Result<Dataset, InputError> {
    let spec = spec(name).ok_or_else(|| {
        InputError::new(
            "dataset",
            format!("there is no data set “{name}”; the sets are {}", names()),
        )
    })?;
    let data = generate(&spec)?;
    if name != "outliers" {
        return Ok(data);
    }
    let mut y = data.samples.y().to_vec();
    for (i, lift) in OUTLIERS {
        if let Some(v) = y.get_mut(i) {
            *v += lift;
        }
    }
    Ok(Dataset {
        samples: Samples::new(data.samples.x().to_vec(), y)?,
        truth: data.truth,
    })
}
