//! The cost over a (w, b) grid, from the data's sums: O(nW·nB) after one O(n) pass.

use super::data::Samples;
use super::limits::{self, InputError, MAX_GRID_SIDE, MIN_GRID_SIDE};
use super::linreg;
use super::quadratic::CostQuadratic;

/// The grid's ranges and sides. End points are included, like numpy's `linspace`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridSpec {
    /// Smallest slope.
    pub w_min: f64,
    /// Largest slope.
    pub w_max: f64,
    /// Smallest bias.
    pub b_min: f64,
    /// Largest bias.
    pub b_max: f64,
    /// Number of slopes (columns).
    pub n_w: usize,
    /// Number of biases (rows).
    pub n_b: usize,
}

impl GridSpec {
    /// The lab's grid: w and b from −15 to 15, 30 × 30.
    pub const LAB: Self = Self {
        w_min: -15.0,
        w_max: 15.0,
        b_min: -15.0,
        b_max: 15.0,
        n_w: 30,
        n_b: 30,
    };

    /// Checks every field against the limits.
    pub fn validate(&self) -> Result<(), InputError> {
        limits::range("wMin", self.w_min, "wMax", self.w_max)?;
        limits::range("bMin", self.b_min, "bMax", self.b_max)?;
        limits::count("nW", self.n_w, MIN_GRID_SIDE, MAX_GRID_SIDE)?;
        limits::count("nB", self.n_b, MIN_GRID_SIDE, MAX_GRID_SIDE)?;
        Ok(())
    }
}

/// The cost at every grid point, row-major with rows = b.
#[derive(Debug, Clone, PartialEq)]
pub struct LossGrid {
    /// The slopes, one per column.
    pub w: Vec<f64>,
    /// The biases, one per row.
    pub b: Vec<f64>,
    /// `cost[row * w.len() + col]` is the cost at `(w[col], b[row])`.
    pub cost: Vec<f64>,
}

impl LossGrid {
    /// The cost at row `row` (a b) and column `col` (a w); NaN outside the grid (the fields
    /// are public, so a hand-made grid may be short).
    pub fn at(&self, row: usize, col: usize) -> f64 {
        self.cost
            .get(row * self.w.len() + col)
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// Smallest and largest cost on the grid.
    pub fn min_max(&self) -> (f64, f64) {
        self.cost
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &c| {
                (lo.min(c), hi.max(c))
            })
    }
}

/// `n` evenly spaced values from `min` to `max`, both included; the last is exactly `max`.
pub fn linspace(min: f64, max: f64, n: usize) -> Vec<f64> {
    let last = n.saturating_sub(1).max(1) as f64;
    (0..n)
        .map(|i| {
            if i + 1 == n {
                max
            } else {
                min + (max - min) * (i as f64 / last)
            }
        })
        .collect()
}

/// The cost grid from the quadratic: no pass over the points.
pub fn loss_grid(q: &CostQuadratic, spec: &GridSpec) -> Result<LossGrid, InputError> {
    spec.validate()?;
    let w = linspace(spec.w_min, spec.w_max, spec.n_w);
    let b = linspace(spec.b_min, spec.b_max, spec.n_b);
    let mut cost = vec![0.0; spec.n_w * spec.n_b];
    for (row, &bi) in cost.chunks_exact_mut(spec.n_w).zip(&b) {
        q.cost_row(&w, bi, row);
    }
    Ok(LossGrid { w, b, cost })
}

/// The same grid evaluated point by point, O(nW·nB·n): the reference for tests and benchmarks.
pub fn loss_grid_naive(samples: &Samples, spec: &GridSpec) -> Result<LossGrid, InputError> {
    spec.validate()?;
    let w = linspace(spec.w_min, spec.w_max, spec.n_w);
    let b = linspace(spec.b_min, spec.b_max, spec.n_b);
    let cost = b
        .iter()
        .flat_map(|&bi| w.iter().map(move |&wi| (wi, bi)))
        .map(|(wi, bi)| linreg::cost(samples, wi, bi))
        .collect();
    Ok(LossGrid { w, b, cost })
}
