//! The contour image as rectangles in data units, few enough to fill on every redraw.

use std::collections::HashMap;

use plotters::style::RGBColor;

use super::colors::{viridis, CostScale, NO_VALUE};
use super::contour_image::ContourImage;
use super::resample::Resampler;
use crate::model::LossGrid;

/// A rectangle of the image in data units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cell {
    pub w: (f64, f64),
    pub b: (f64, f64),
    pub color: RGBColor,
}

/// The image as rectangles: each row's neighbouring cells of one colour merge into a run,
/// and a run that repeats the one below it (same columns, same colour) grows that one taller.
pub(crate) fn image_cells(
    grid: &LossGrid,
    scale: &CostScale,
    w: (f64, f64),
    b: (f64, f64),
) -> Vec<Cell> {
    let n = ContourImage::IMAGE_CELLS;
    let edge = |(lo, hi): (f64, f64), k: usize| lo + (hi - lo) * (k as f64 / n as f64);
    let mut cells: Vec<Cell> = Vec::new();
    let mut below: HashMap<(usize, usize, usize), usize> = HashMap::new();
    for r in 0..n {
        let mut here = HashMap::new();
        for run in row_runs(grid, scale, r) {
            let id = match below.get(&run) {
                Some(&id) => {
                    cells[id].b.1 = edge(b, r + 1);
                    id
                }
                None => {
                    let (start, end, step) = run;
                    let (w, b) = ((edge(w, start), edge(w, end)), (edge(b, r), edge(b, r + 1)));
                    cells.push(Cell {
                        w,
                        b,
                        color: step_color(step),
                    });
                    cells.len() - 1
                }
            };
            here.insert(run, id);
        }
        below = here;
    }
    cells
}

/// Row `r` of the image as runs (first column, end column, colour step).
fn row_runs(grid: &LossGrid, scale: &CostScale, r: usize) -> Vec<(usize, usize, usize)> {
    let (n, steps) = (ContourImage::IMAGE_CELLS, ContourImage::COLOR_STEPS);
    let node = |k: usize, nodes: usize| (k as f64 + 0.5) / n as f64 * (nodes - 1) as f64;
    let cost = Resampler::new(grid);
    let v = node(r, grid.b.len());
    let step = |c: usize| {
        let t = scale.position(cost.value(node(c, grid.w.len()), v));
        t.map_or(steps, |t| (t * (steps - 1) as f64).round() as usize)
    };
    let mut runs = Vec::new();
    let mut start = 0;
    let mut current = step(0);
    for c in 1..=n {
        let next = if c < n { step(c) } else { usize::MAX };
        if next != current {
            runs.push((start, c, current));
            (start, current) = (c, next);
        }
    }
    runs
}

/// The colour of step `s` of [`ContourImage::COLOR_STEPS`]; grey past the last.
fn step_color(s: usize) -> RGBColor {
    let steps = ContourImage::COLOR_STEPS;
    if s >= steps {
        NO_VALUE
    } else {
        viridis(s as f64 / (steps - 1) as f64)
    }
}
