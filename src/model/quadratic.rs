//! The cost as a quadratic in (w, b), built from the data's sums in one O(n) pass.
//!
//! `L(w, b) = mean((w·x + b − y)²)` depends on the data only through n, Σx, Σx², Σy, Σxy
//! and Σy². Kept as centred moments (means and (co)variances), so that data far from the
//! origin does not cancel catastrophically:
//!
//! `L = sxx·(w − w*)² + rss + c²`, with `c = w·x̄ + b − ȳ`,
//!
//! where `w* = sxy/sxx` and `rss = syy − sxy²/sxx` is the least-squares residual. Every cost
//! and gradient of training, the grid and the analysis comes from here.

use super::data::Samples;
use super::limits::InputError;

/// The data's centred moments: everything the cost needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostQuadratic {
    /// Number of points.
    pub n: usize,
    /// Mean of x.
    pub mean_x: f64,
    /// Mean of y.
    pub mean_y: f64,
    /// Variance of x, `mean((x − x̄)²)`.
    pub sxx: f64,
    /// Covariance, `mean((x − x̄)(y − ȳ))`.
    pub sxy: f64,
    /// Variance of y, `mean((y − ȳ)²)`.
    pub syy: f64,
}

impl CostQuadratic {
    /// Sums the data: one pass for the means, one for the centred moments.
    pub fn new(samples: &Samples) -> Result<Self, InputError> {
        let q = Self::from_slices(samples.x(), samples.y());
        q.check_finite()?;
        Ok(q)
    }

    /// The moments of any non-empty set of points (a mini-batch may hold one point, or
    /// points with equal x). Unchecked: [`Self::new`] checks a data set once.
    pub fn from_slices(x: &[f64], y: &[f64]) -> Self {
        let n = x.len();
        let mean_x = mean(x.iter().copied());
        let mean_y = mean(y.iter().copied());
        let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
        for (&xi, &yi) in x.iter().zip(y) {
            let (dx, dy) = (xi - mean_x, yi - mean_y);
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        let inv = 1.0 / n as f64;
        Self {
            n,
            mean_x,
            mean_y,
            sxx: sxx * inv,
            sxy: sxy * inv,
            syy: syy * inv,
        }
    }

    fn check_finite(&self) -> Result<(), InputError> {
        let too_big =
            |field| InputError::new(field, "values are so large that their squares overflow");
        if !(self.mean_x.is_finite() && self.sxx.is_finite()) {
            return Err(too_big("x"));
        }
        if !(self.mean_y.is_finite() && self.syy.is_finite() && self.sxy.is_finite()) {
            return Err(too_big("y"));
        }
        Ok(())
    }

    /// Whether every x is the same, so that the slope is not determined by the data.
    pub fn x_is_constant(&self) -> bool {
        self.sxx <= f64::EPSILON * f64::EPSILON * self.mean_x * self.mean_x
    }

    /// The slope that minimises the cost for every b, or 0 when x is constant.
    fn w_hat(&self) -> f64 {
        if self.x_is_constant() {
            0.0
        } else {
            self.sxy / self.sxx
        }
    }

    /// The least-squares residual `min L`, never below 0.
    pub fn residual(&self) -> f64 {
        (self.syy - self.w_hat() * self.sxy).max(0.0)
    }

    /// The cost `L(w, b)`.
    pub fn cost(&self, w: f64, b: f64) -> f64 {
        let dw = w - self.w_hat();
        let c = self.offset(w, b);
        self.sxx * dw * dw + self.residual() + c * c
    }

    /// The gradient `(∂L/∂w, ∂L/∂b)`.
    pub fn gradient(&self, w: f64, b: f64) -> (f64, f64) {
        let c = self.offset(w, b);
        (
            2.0 * (w * self.sxx - self.sxy) + 2.0 * self.mean_x * c,
            2.0 * c,
        )
    }

    /// The mean residual `w·x̄ + b − ȳ`.
    fn offset(&self, w: f64, b: f64) -> f64 {
        w * self.mean_x + b - self.mean_y
    }

    /// Mean of x², from the centred moments.
    pub fn mean_x2(&self) -> f64 {
        self.sxx + self.mean_x * self.mean_x
    }

    /// A row of the grid: the cost at every `w` for one `b`, written into `out`.
    /// The same formula as [`Self::cost`], with the per-row terms hoisted.
    pub fn cost_row(&self, ws: &[f64], b: f64, out: &mut [f64]) {
        let (w_hat, rss) = (self.w_hat(), self.residual());
        let base = b - self.mean_y;
        for (o, &w) in out.iter_mut().zip(ws) {
            let dw = w - w_hat;
            let c = w * self.mean_x + base;
            *o = self.sxx * dw * dw + rss + c * c;
        }
    }
}

fn mean(values: impl ExactSizeIterator<Item = f64>) -> f64 {
    let n = values.len() as f64;
    values.sum::<f64>() / n
}
