//! What training minimises: the cost over all the points, and the gradient over a batch.
//!
//! Two kinds of cost meet here. The mean squared error of a line is a quadratic from the
//! data's sums ([`CostQuadratic`]): a batch's sums are taken once, then every step is O(1).
//! A formula the learner writes is evaluated point by point. Optimizers, mini-batches and the
//! grid only ever see this trait, so each piece stays independent of the others.

use super::quadratic::CostQuadratic;

/// A cost over data points, and its gradient over any batch of them.
pub trait Objective {
    /// What a batch needs, computed once per batch: the quadratic's sums, a formula's points.
    type Batch;

    /// Prepares the batch made of the points `x[i]`, `y[i]` (the same length, never empty).
    fn batch(&self, x: &[f64], y: &[f64]) -> Self::Batch;

    /// The batch cost's gradient `(∂L/∂w, ∂L/∂b)` at (w, b).
    fn gradient(&self, batch: &Self::Batch, w: f64, b: f64) -> (f64, f64);

    /// The cost over **all** the points at (w, b): the value on the surface.
    fn cost(&self, w: f64, b: f64) -> f64;
}

impl Objective for CostQuadratic {
    type Batch = CostQuadratic;

    fn batch(&self, x: &[f64], y: &[f64]) -> CostQuadratic {
        CostQuadratic::from_slices(x, y)
    }

    fn gradient(&self, batch: &CostQuadratic, w: f64, b: f64) -> (f64, f64) {
        batch.gradient(w, b)
    }

    fn cost(&self, w: f64, b: f64) -> f64 {
        CostQuadratic::cost(self, w, b)
    }
}
