//! The model `ŷ = w·x + b` and its mean squared error, point by point.
//!
//! These are the definitions, O(n) per call. Training and the grid use the same numbers
//! through [`super::CostQuadratic`], which needs one pass over the data; tests hold the two
//! together.

use super::data::Samples;

/// The prediction `w·x + b`.
pub fn forward(w: f64, b: f64, x: f64) -> f64 {
    w * x + b
}

/// Mean squared error `mean((w·x + b − y)²)`, computed point by point.
pub fn cost(samples: &Samples, w: f64, b: f64) -> f64 {
    let sum: f64 = samples
        .x()
        .iter()
        .zip(samples.y())
        .map(|(&x, &y)| (forward(w, b, x) - y).powi(2))
        .sum();
    sum / samples.len() as f64
}

/// Gradient `(∂L/∂w, ∂L/∂b) = (2·mean((ŷ − y)·x), 2·mean(ŷ − y))`, computed point by point.
pub fn gradient(samples: &Samples, w: f64, b: f64) -> (f64, f64) {
    let (gw, gb) = samples
        .x()
        .iter()
        .zip(samples.y())
        .fold((0.0, 0.0), |(gw, gb), (&x, &y)| {
            let r = forward(w, b, x) - y;
            (gw + r * x, gb + r)
        });
    let n = samples.len() as f64;
    (2.0 * gw / n, 2.0 * gb / n)
}
