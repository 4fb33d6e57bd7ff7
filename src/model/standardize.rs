//! Standardizing x: fit on `z = (x − mean)/std` and give the line back in x's own units.
//!
//! `std` is the population standard deviation, `sqrt(mean((x − x̄)²))` (divided by n, not
//! n − 1): then z has mean 0 and mean z² = 1 exactly, so the cost's Hessian in (w, b) is
//! `2·I` and the bowl is round whatever the data's x. A line `ŷ = w·z + b` is, in x,
//! `ŷ = (w/std)·x + (b − w·mean/std)`.

use super::data::Samples;
use super::limits::InputError;
use super::quadratic::CostQuadratic;

/// The mean and population standard deviation that map x to z.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standardizer {
    /// Mean of x.
    pub mean: f64,
    /// Population standard deviation of x (divided by n).
    pub std: f64,
}

impl Standardizer {
    /// The mean and standard deviation of these points' x, from their centred moments.
    /// Refuses x that are all equal (nothing to divide by).
    pub fn fit(samples: &Samples) -> Result<Self, InputError> {
        let q = CostQuadratic::new(samples)?;
        let std = q.sxx.sqrt();
        // sxx is finite and ≥ 0 here, so std is never NaN.
        if q.x_is_constant() || std <= 0.0 {
            return Err(InputError::new(
                "x",
                "all x values are equal, so x cannot be standardized",
            ));
        }
        Ok(Self {
            mean: q.mean_x,
            std,
        })
    }

    /// The same points with x replaced by `(x − mean)/std`; y unchanged.
    pub fn apply(&self, samples: &Samples) -> Result<Samples, InputError> {
        let z = samples.x().iter().map(|&x| self.z(x)).collect();
        Samples::new(z, samples.y().to_vec())
    }

    /// One x in standard units.
    pub fn z(&self, x: f64) -> f64 {
        (x - self.mean) / self.std
    }

    /// A line `(w, b)` fitted on z, in x's own units: `(w/std, b − w·mean/std)`.
    pub fn to_original(&self, w: f64, b: f64) -> (f64, f64) {
        let slope = w / self.std;
        (slope, b - slope * self.mean)
    }

    /// A line `(w, b)` in x's units, on z: `(w·std, b + w·mean)`; the inverse of
    /// [`Self::to_original`].
    pub fn to_standard(&self, w: f64, b: f64) -> (f64, f64) {
        (w * self.std, b + w * self.mean)
    }
}

/// Standardizes the points' x: the new points and the map back.
pub fn standardize(samples: &Samples) -> Result<(Samples, Standardizer), InputError> {
    let s = Standardizer::fit(samples)?;
    Ok((s.apply(samples)?, s))
}
