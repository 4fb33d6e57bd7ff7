//! The expensive half of the contour plot, computed once per grid and reused by every redraw:
//! the colour image as merged rectangles, and the iso-cost lines in data coordinates.
//!
//! The image has a fixed resolution ([`ContourImage::IMAGE_CELLS`] per side, resampled from
//! the grid by Catmull–Rom, exact for the quadratic cost) and [`ContourImage::COLOR_STEPS`]
//! colours, and neighbouring cells of one colour merge into one rectangle: about 2 200
//! rectangles a redraw, whatever the grid's size. A backend that blits bitmaps in one call
//! (the page's canvas, [`super::Style::bitmaps`]) gets the same cells as one bitmap instead.

use super::colors::CostScale;
use super::contour_cells::{bitmap, image_cells, image_steps, Cell};
use super::geometry::{finite_min_max, padded, AXIS_LIMIT};
use super::isolines::Field;
use super::resample::Resampler;
use crate::model::LossGrid;

/// One iso-cost line: every point on it has cost `level` (to the grid's linear interpolation).
#[derive(Debug, Clone, PartialEq)]
pub struct Isoline {
    /// The cost along the line.
    pub level: f64,
    /// The polyline, (w, b) pairs; closed lines end where they start.
    pub points: Vec<(f64, f64)>,
}

/// The precomputed colour image and iso-cost lines of one [`LossGrid`].
#[derive(Debug, Clone, PartialEq)]
pub struct ContourImage {
    w_range: (f64, f64),
    b_range: (f64, f64),
    scale: Option<CostScale>,
    steps: Vec<u8>,
    isolines: Vec<Isoline>,
}

impl ContourImage {
    /// Image cells per side.
    pub const IMAGE_CELLS: usize = 96;
    /// Distinct colours in the image (plus grey for cells without a finite cost).
    pub const COLOR_STEPS: usize = 40;
    /// Iso-cost levels: `LEVELS − 1` lines at equal steps of the [`CostScale`].
    pub const LEVELS: usize = 12;
    /// Intervals per side of the resampled grid whose iso-lines are traced.
    pub const ISO_INTERVALS: usize = 120;

    /// Computes the image and lines. A grid that is malformed (sides under 2, a cost count
    /// that does not match, axes not finite and increasing) gives an empty image over a
    /// finite range, never a panic; non-finite costs are grey and cut the lines.
    pub fn new(grid: &LossGrid) -> Self {
        let w_range = axis_range(&grid.w);
        let b_range = axis_range(&grid.b);
        let scale = CostScale::from_costs(&grid.cost).filter(|_| is_valid(grid));
        let (steps, isolines) = match scale {
            Some(s) => (image_steps(grid, &s), isolines(grid, &s)),
            None => (Vec::new(), Vec::new()),
        };
        Self {
            w_range,
            b_range,
            scale,
            steps,
            isolines,
        }
    }

    /// The slopes shown, (first, last).
    pub fn w_range(&self) -> (f64, f64) {
        self.w_range
    }

    /// The biases shown, (first, last).
    pub fn b_range(&self) -> (f64, f64) {
        self.b_range
    }

    /// The colour scale, or `None` when the grid has no finite cost.
    pub fn scale(&self) -> Option<CostScale> {
        self.scale
    }

    /// The iso-cost lines.
    pub fn isolines(&self) -> &[Isoline] {
        &self.isolines
    }

    /// How many rectangles a redraw fills on a backend without bitmaps.
    pub fn cell_count(&self) -> usize {
        self.cells().len()
    }

    /// The image as merged rectangles, for backends without bitmaps (SVG): built when asked,
    /// as the page's canvas blits the bitmap instead.
    pub(crate) fn cells(&self) -> Vec<Cell> {
        image_cells(&self.steps, self.w_range, self.b_range)
    }

    /// The colour image as an RGB bitmap of `width` × `height` pixels, top row first; `None`
    /// when the grid had no finite cost (nothing to draw).
    pub fn bitmap(&self, width: u32, height: u32) -> Option<Vec<u8>> {
        (!self.steps.is_empty()).then(|| bitmap(&self.steps, width, height))
    }
}

/// Whether the grid's sides are at least 2, finite and increasing, and its costs fill it.
pub(crate) fn is_valid(grid: &LossGrid) -> bool {
    let increasing = |v: &[f64]| {
        v.len() >= 2 && v.windows(2).all(|p| p[0] < p[1]) && v.iter().all(|x| x.is_finite())
    };
    increasing(&grid.w)
        && increasing(&grid.b)
        && grid.w.len().checked_mul(grid.b.len()) == Some(grid.cost.len())
}

/// The axis range of grid nodes: first to last, or a finite fallback for odd input.
pub(crate) fn axis_range(values: &[f64]) -> (f64, f64) {
    match (values.first(), values.last()) {
        (Some(&lo), Some(&hi))
            if lo.is_finite() && hi.is_finite() && lo < hi && (hi - lo).is_finite() =>
        {
            (lo.max(-AXIS_LIMIT), hi.min(AXIS_LIMIT))
        }
        _ => padded(finite_min_max(values.iter().copied()), (-1.0, 1.0)),
    }
}

/// The axis coordinate at fractional node index `u`.
pub(crate) fn position(axis: &[f64], u: f64) -> f64 {
    let i = (u.floor().max(0.0) as usize).min(axis.len() - 2);
    axis[i] + (u - i as f64) * (axis[i + 1] - axis[i])
}

fn isolines(grid: &LossGrid, scale: &CostScale) -> Vec<Isoline> {
    let n = ContourImage::ISO_INTERVALS;
    let at = |k: usize, nodes: usize| k as f64 / n as f64 * (nodes - 1) as f64;
    let (us, vs): (Vec<f64>, Vec<f64>) = (
        (0..=n).map(|k| at(k, grid.w.len())).collect(),
        (0..=n).map(|k| at(k, grid.b.len())).collect(),
    );
    let cost = Resampler::new(grid);
    let field = Field {
        xs: us.iter().map(|&u| position(&grid.w, u)).collect(),
        ys: vs.iter().map(|&v| position(&grid.b, v)).collect(),
        values: vs
            .iter()
            .flat_map(|&v| us.iter().map(move |&u| (u, v)))
            .map(|(u, v)| cost.value(u, v))
            .collect(),
    };
    let lines = scale
        .levels(ContourImage::LEVELS)
        .into_iter()
        .flat_map(|level| {
            field
                .isolines(level)
                .into_iter()
                .map(move |points| Isoline { level, points })
        });
    lines.collect()
}
