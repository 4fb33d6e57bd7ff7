//! The cost between grid nodes, by Catmull–Rom interpolation.
//!
//! Catmull–Rom reproduces quadratics exactly, and so does its tensor product in (w, b) with
//! the ghost nodes beyond the border extrapolated quadratically. The lab's cost is a
//! quadratic in (w, b), so the image and the iso-cost lines are the true cost, not a
//! polygonal approximation of a coarse 30 × 30 grid: the small ellipses near the optimum
//! come out round.

use crate::model::number;
use crate::model::LossGrid;

/// Reads a grid that [`super::contour_image::is_valid`] accepted.
pub(crate) struct Resampler<'g> {
    grid: &'g LossGrid,
}

impl<'g> Resampler<'g> {
    /// A resampler of `grid`, whose sides must be at least 2 and whose cost fills it.
    pub(crate) fn new(grid: &'g LossGrid) -> Self {
        Self { grid }
    }

    /// The node (i, j), extrapolated (quadratically when the side allows) when the index
    /// lies one step outside the grid.
    fn node(&self, i: isize, j: isize) -> f64 {
        let (nw, nb) = (self.grid.w.len() as isize, self.grid.b.len() as isize);
        if j < 0 || j >= nb {
            let (e, s) = if j < 0 { (0, 1) } else { (nb - 1, -1) };
            return extrapolate(nb, |k| self.node(i, e + s * k));
        }
        if i < 0 || i >= nw {
            let (e, s) = if i < 0 { (0, 1) } else { (nw - 1, -1) };
            return extrapolate(nw, |k| self.node(e + s * k, j));
        }
        self.grid.at(j as usize, i as usize)
    }

    /// The cost at fractional node indices `u` (along w, 0..=nW − 1) and `v` (along b);
    /// the nearest node's cost when the interpolation meets a value that is not finite.
    pub(crate) fn value(&self, u: f64, v: f64) -> f64 {
        let (nw, nb) = (self.grid.w.len(), self.grid.b.len());
        let u = number::clamp(u, 0.0, (nw - 1) as f64);
        let v = number::clamp(v, 0.0, (nb - 1) as f64);
        let i = (u.floor() as usize).min(nw - 2);
        let j = (v.floor() as usize).min(nb - 2);
        let (wu, wv) = (weights(u - i as f64), weights(v - j as f64));
        let mut sum = 0.0;
        for (dj, wj) in wv.iter().enumerate() {
            let row: f64 = wu
                .iter()
                .enumerate()
                .map(|(di, wi)| {
                    wi * self.node(i as isize + di as isize - 1, j as isize + dj as isize - 1)
                })
                .sum();
            sum += wj * row;
        }
        if sum.is_finite() {
            sum
        } else {
            self.grid.at(v.round() as usize, u.round() as usize)
        }
    }
}

/// The node one step past an edge from the nodes `at(0)`, `at(1)`, `at(2)` inward:
/// quadratic when the side has three nodes or more, linear with two.
fn extrapolate(side: isize, at: impl Fn(isize) -> f64) -> f64 {
    if side >= 3 {
        3.0 * at(0) - 3.0 * at(1) + at(2)
    } else {
        2.0 * at(0) - at(1)
    }
}

/// Catmull–Rom weights of the nodes −1, 0, 1, 2 at fraction `f` between nodes 0 and 1.
fn weights(f: f64) -> [f64; 4] {
    let (f2, f3) = (f * f, f * f * f);
    [
        0.5 * (-f3 + 2.0 * f2 - f),
        0.5 * (3.0 * f3 - 5.0 * f2 + 2.0),
        0.5 * (-3.0 * f3 + 4.0 * f2 + f),
        0.5 * (f3 - f2),
    ]
}
