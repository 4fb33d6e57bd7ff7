//! Data sets: validated (x, y) samples, and the lab's seeded noisy line.

use chacha20::rand_core::SeedableRng;
use chacha20::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

use super::limits::{self, InputError, MAX_POINTS, MIN_POINTS};

/// Points (x, y) that passed every check: equal lengths, 2 to 1 000 000 points, all finite.
#[derive(Debug, Clone, PartialEq)]
pub struct Samples {
    x: Vec<f64>,
    y: Vec<f64>,
}

impl Samples {
    /// Validates and takes ownership of `x` and `y`.
    pub fn new(x: Vec<f64>, y: Vec<f64>) -> Result<Self, InputError> {
        limits::points("x", x.len())?;
        if y.len() != x.len() {
            return Err(InputError::new(
                "y",
                format!(
                    "must have as many values as x ({}), got {}",
                    x.len(),
                    y.len()
                ),
            ));
        }
        check_finite("x", &x)?;
        check_finite("y", &y)?;
        Ok(Self { x, y })
    }

    /// The inputs x.
    pub fn x(&self) -> &[f64] {
        &self.x
    }

    /// The targets y.
    pub fn y(&self) -> &[f64] {
        &self.y
    }

    /// The number of points.
    pub fn len(&self) -> usize {
        self.x.len()
    }

    /// Always false: a valid sample set has at least two points.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }
}

fn check_finite(field: &str, values: &[f64]) -> Result<(), InputError> {
    match values.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(i) => Err(InputError::new(
            field,
            format!(
                "every value must be a finite number; {field}[{i}] is {}",
                super::number::shortest(values[i])
            ),
        )),
    }
}

/// How to make a data set: `y = slope·x + bias + noise·ε`, ε standard normal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataSpec {
    /// Seed of the ChaCha8 stream that draws the noise.
    pub seed: u64,
    /// Number of points.
    pub n: usize,
    /// Slope of the true line.
    pub slope: f64,
    /// Bias (intercept) of the true line.
    pub bias: f64,
    /// Standard deviation σ of the noise.
    pub noise: f64,
    /// First x.
    pub x_min: f64,
    /// End of the x range, excluded (like `arange`).
    pub x_max: f64,
}

impl DataSpec {
    /// The lab's default seed: the same data on every machine, in every browser, for years.
    pub const DEFAULT_SEED: u64 = 42;
}

impl Default for DataSpec {
    /// The lab's data: x from −3 to 3 (excluded) in 60 steps of 0.1, y = x − 1 + 0.1·ε.
    fn default() -> Self {
        Self {
            seed: Self::DEFAULT_SEED,
            n: 60,
            slope: 1.0,
            bias: -1.0,
            noise: 0.1,
            x_min: -3.0,
            x_max: 3.0,
        }
    }
}

/// A generated data set: the samples and the true line `f(x) = slope·x + bias` at each x.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The noisy points.
    pub samples: Samples,
    /// The true line at each x, without noise.
    pub truth: Vec<f64>,
}

/// Draws the data set that `spec` describes. The same spec gives the same numbers everywhere:
/// ChaCha8's stream is fixed by its crate, and x is computed from i, not accumulated.
pub fn generate(spec: &DataSpec) -> Result<Dataset, InputError> {
    limits::count("n", spec.n, MIN_POINTS, MAX_POINTS)?;
    limits::finite("slope", spec.slope)?;
    limits::finite("bias", spec.bias)?;
    limits::non_negative("noise", spec.noise)?;
    limits::range("xMin", spec.x_min, "xMax", spec.x_max)?;
    let step = (spec.x_max - spec.x_min) / spec.n as f64;
    let x: Vec<f64> = (0..spec.n).map(|i| spec.x_min + i as f64 * step).collect();
    let truth: Vec<f64> = x.iter().map(|&xi| spec.slope * xi + spec.bias).collect();
    check_finite("slope", &truth).map_err(|_| overflow("slope"))?;
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let normal = Normal::new(0.0, 1.0).map_err(|e| InputError::new("noise", e.to_string()))?;
    let y: Vec<f64> = truth
        .iter()
        .map(|&t| t + spec.noise * normal.sample(&mut rng))
        .collect();
    check_finite("noise", &y).map_err(|_| overflow("noise"))?;
    Ok(Dataset {
        samples: Samples::new(x, y)?,
        truth,
    })
}

fn overflow(field: &str) -> InputError {
    InputError::new(
        field,
        "is so large that y overflows; choose a smaller value",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_x_is_arange() {
        let data = generate(&DataSpec::default()).unwrap();
        let x = data.samples.x();
        assert_eq!(x.len(), 60);
        assert_eq!(x[0], -3.0);
        assert!((x[59] - 2.9).abs() < 1e-12);
        assert!((x[30]).abs() < 1e-12);
    }

    #[test]
    fn rejects_bad_lengths_and_values() {
        assert_eq!(Samples::new(vec![1.0], vec![1.0]).unwrap_err().field, "x");
        assert_eq!(
            Samples::new(vec![1.0, 2.0], vec![1.0]).unwrap_err().field,
            "y"
        );
        assert_eq!(
            Samples::new(vec![1.0, 2.0], vec![1.0, f64::NAN])
                .unwrap_err()
                .field,
            "y"
        );
        let huge = DataSpec {
            slope: 1e308,
            x_min: -1e300,
            x_max: 1e300,
            ..DataSpec::default()
        };
        assert_eq!(generate(&huge).unwrap_err().field, "slope");
    }
}
