//! From cost to colour: viridis over a square-root scale, shared by the contour plot and the
//! surface so that one colour means one cost in both.

use crate::model::number;
use plotters::prelude::ViridisRGB;
use plotters::style::RGBColor;

/// The colour of a cell whose cost is not a finite number.
pub(crate) const NO_VALUE: RGBColor = RGBColor(190, 190, 190);

/// Maps a cost to a position `t` in 0..=1 and to a viridis colour.
///
/// `t = sqrt((cost − min) / (max − min))`: the cost is quadratic in (w, b), so equal steps of
/// `t` are equal steps of distance from the optimum. The colours then spread evenly over the
/// bowl, and iso-cost lines at equal steps of `t` are evenly spaced ellipses, instead of
/// crowding at the rim (linear levels) or at the centre (geometric levels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostScale {
    /// The cost drawn darkest (t = 0).
    pub min: f64,
    /// The cost drawn brightest (t = 1).
    pub max: f64,
}

impl CostScale {
    /// The scale spanning the finite costs, or `None` when there is none.
    pub fn from_costs(costs: &[f64]) -> Option<Self> {
        let finite = costs.iter().copied().filter(|c| c.is_finite());
        let (min, max) = finite.fold(None, |acc: Option<(f64, f64)>, c| match acc {
            None => Some((c, c)),
            Some((lo, hi)) => Some((lo.min(c), hi.max(c))),
        })?;
        Some(Self { min, max })
    }

    /// The position of `cost` on the scale, clamped to 0..=1; `None` when it is not finite.
    pub fn position(&self, cost: f64) -> Option<f64> {
        if !cost.is_finite() {
            return None;
        }
        // Halves keep the span finite even for costs near f64::MAX.
        let span = 0.5 * self.max - 0.5 * self.min;
        if span.is_nan() || span <= 0.0 {
            return Some(0.0);
        }
        let u = (0.5 * cost - 0.5 * self.min) / span;
        Some(number::clamp(u, 0.0, 1.0).sqrt())
    }

    /// The cost at position `t` (clamped to 0..=1): the inverse of [`Self::position`].
    pub fn cost_at(&self, t: f64) -> f64 {
        let t = if t.is_nan() {
            0.0
        } else {
            number::clamp(t, 0.0, 1.0)
        };
        self.min + (0.5 * self.max - 0.5 * self.min) * 2.0 * t * t
    }

    /// The viridis colour of `cost`; grey when it is not finite.
    pub fn color(&self, cost: f64) -> RGBColor {
        self.position(cost).map_or(NO_VALUE, viridis)
    }

    /// `n − 1` iso-cost levels, at t = 1/n, 2/n, …, (n − 1)/n.
    pub fn levels(&self, n: usize) -> Vec<f64> {
        (1..n).map(|k| self.cost_at(k as f64 / n as f64)).collect()
    }
}

/// Viridis at `t` (clamped to 0..=1, NaN counts as 0).
pub(crate) fn viridis(t: f64) -> RGBColor {
    let t = if t.is_nan() {
        0.0
    } else {
        number::clamp(t, 0.0, 1.0)
    };
    ViridisRGB::get_color(t)
}
