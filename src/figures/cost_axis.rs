//! The cost axis of the cost-curve figure: its range in costs, and costs in the chart's
//! own units (log₁₀ cost on a log scale).

use super::cost_curve::CostCurveView;
use super::geometry::{finite_min_max, padded, AXIS_LIMIT};
use super::style::tick_label;

/// The cost axis of one drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CostAxis {
    /// The costs shown, (bottom, top).
    pub data: (f64, f64),
    /// Log₁₀ scale.
    pub log: bool,
}

impl CostAxis {
    /// The axis for `view`: from 0 (or, on a log scale, just under the lowest positive
    /// cost) to the highest cost, capped on a linear scale at
    /// [`CostCurveView::CAP_FACTOR`] times the highest starting cost.
    pub(crate) fn of(view: &CostCurveView<'_>) -> Self {
        let all = view.runs.iter().flat_map(|r| r.costs.iter().copied());
        if view.log_y {
            let positive = all
                .filter(|c| *c > 0.0)
                .map(|c| c.max(CostCurveView::LOG_FLOOR));
            let (lo, hi) = finite_min_max(positive).unwrap_or((0.1, 10.0));
            let (lo, hi) = padded(Some((lo.log10(), hi.log10())), (-1.0, 1.0));
            return Self {
                data: (10f64.powf(lo), 10f64.powf(hi)),
                log: true,
            };
        }
        let starts = view
            .runs
            .iter()
            .filter_map(|r| r.costs.iter().copied().find(|c| c.is_finite()));
        let cap = finite_min_max(starts).map(|(_, s)| CostCurveView::CAP_FACTOR * s.abs());
        let (lo, hi) = finite_min_max(all).unwrap_or((0.0, 1.0));
        let hi = match cap {
            Some(cap) if cap > 0.0 => hi.min(cap),
            _ => hi,
        };
        let (bottom, top) = padded(Some((lo.min(0.0), hi)), (0.0, 1.0));
        // Costs are never negative: the axis starts at 0 unless some given cost is below.
        let bottom = if lo >= 0.0 { bottom.max(0.0) } else { bottom };
        Self {
            data: (bottom, top),
            log: false,
        }
    }

    /// The axis's description.
    pub(crate) fn desc(&self) -> &'static str {
        if self.log {
            "cost (log scale)"
        } else {
            "cost"
        }
    }

    /// The tick label at `v`, in the chart's units.
    pub(crate) fn label(&self, v: &f64) -> String {
        tick_label(&if self.log { 10f64.powf(*v) } else { *v })
    }

    /// The axis's range in the chart's units.
    pub(crate) fn range(&self) -> (f64, f64) {
        (self.axis_value(self.data.0), self.axis_value(self.data.1))
    }

    /// A cost in the chart's units; on a log scale costs under the bottom sit on it.
    pub(crate) fn axis_value(&self, cost: f64) -> f64 {
        if self.log && !cost.is_nan() {
            cost.max(self.data.0).log10()
        } else {
            cost
        }
    }

    /// Like [`Self::axis_value`], but an infinite cost becomes a finite one far above the
    /// top, so the line to it shoots up to the edge instead of breaking.
    pub(crate) fn lifted(&self, cost: f64) -> f64 {
        let cost = if cost == f64::INFINITY {
            10.0 * AXIS_LIMIT
        } else {
            cost
        };
        self.axis_value(cost)
    }
}

/// The iteration axis: 0 to the longest run's last record (at least 1), padded.
pub(crate) fn iteration_range(view: &CostCurveView<'_>) -> (f64, f64) {
    let longest = view.runs.iter().map(|r| r.costs.len()).max().unwrap_or(0);
    padded(
        Some((0.0, longest.saturating_sub(1).max(1) as f64)),
        (0.0, 1.0),
    )
}
