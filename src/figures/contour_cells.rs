//! The contour image as rectangles in data units, few enough to fill on every redraw.

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

/// The colour step of every image cell, row by row from the lowest b, [`ContourImage::IMAGE_CELLS`]
/// per side; [`ContourImage::COLOR_STEPS`] marks a cell without a finite cost.
pub(crate) fn image_steps(grid: &LossGrid, scale: &CostScale) -> Vec<u8> {
    let (n, steps) = (ContourImage::IMAGE_CELLS, ContourImage::COLOR_STEPS);
    let node = |k: usize, nodes: usize| (k as f64 + 0.5) / n as f64 * (nodes - 1) as f64;
    let cost = Resampler::new(grid);
    let mut out = Vec::with_capacity(n * n);
    for r in 0..n {
        let v = node(r, grid.b.len());
        for c in 0..n {
            let t = scale.position(cost.value(node(c, grid.w.len()), v));
            out.push(t.map_or(steps, |t| (t * (steps - 1) as f64).round() as usize) as u8);
        }
    }
    out
}

/// The image as rectangles: each row's neighbouring cells of one colour merge into a run,
/// and a run that repeats the one below it (same columns, same colour) grows that one taller.
pub(crate) fn image_cells(steps: &[u8], w: (f64, f64), b: (f64, f64)) -> Vec<Cell> {
    let n = ContourImage::IMAGE_CELLS;
    let edge = |(lo, hi): (f64, f64), k: usize| lo + (hi - lo) * (k as f64 / n as f64);
    let mut cells: Vec<Cell> = Vec::new();
    // The previous row's runs with their cells, in column order (runs never overlap).
    let mut below: Vec<((usize, usize, u8), usize)> = Vec::new();
    for (r, row) in steps.chunks_exact(n).enumerate() {
        let mut here = Vec::new();
        for run in row_runs(row) {
            let same = below
                .binary_search_by_key(&run.0, |(r, _)| r.0)
                .ok()
                .filter(|&k| below[k].0 == run);
            let id = match same.map(|k| below[k].1) {
                Some(id) => {
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
            here.push((run, id));
        }
        below = here;
    }
    cells
}

/// One row of steps as runs (first column, end column, colour step).
fn row_runs(row: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut runs = Vec::new();
    let mut start = 0;
    for c in 1..=row.len() {
        if c == row.len() || row[c] != row[start] {
            runs.push((start, c, row[start]));
            start = c;
        }
    }
    runs
}

/// The image as an RGB bitmap of `width` × `height` pixels, top row first (the highest b),
/// each pixel the colour of the cell under its centre.
pub(crate) fn bitmap(steps: &[u8], width: u32, height: u32) -> Vec<u8> {
    let n = ContourImage::IMAGE_CELLS;
    let colors: Vec<RGBColor> = (0..=ContourImage::COLOR_STEPS as u8)
        .map(step_color)
        .collect();
    let index = |p: u32, size: u32| ((u64::from(p) * n as u64) / u64::from(size.max(1))) as usize;
    let columns: Vec<usize> = (0..width).map(|x| index(x, width).min(n - 1)).collect();
    let mut out = Vec::with_capacity(width as usize * height as usize * 3);
    for y in 0..height {
        let r = n - 1 - index(y, height).min(n - 1);
        let row = steps.get(r * n..(r + 1) * n).unwrap_or(&[]);
        for &c in &columns {
            let step = row.get(c).copied().unwrap_or(u8::MAX);
            let RGBColor(red, green, blue) =
                colors.get(usize::from(step)).copied().unwrap_or(NO_VALUE);
            out.extend_from_slice(&[red, green, blue]);
        }
    }
    out
}

/// The colour of step `s` of [`ContourImage::COLOR_STEPS`]; grey past the last.
fn step_color(s: u8) -> RGBColor {
    let (s, steps) = (usize::from(s), ContourImage::COLOR_STEPS);
    if s >= steps {
        NO_VALUE
    } else {
        viridis(s as f64 / (steps - 1) as f64)
    }
}
