//! The surface itself: cells drawn farthest first, or a wireframe.

use plotters::coord::cartesian::Cartesian3d;
use plotters::coord::types::RangedCoordf64;
use plotters::element::{PathElement, Polygon};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::{Color, RGBColor};

use super::colors::{viridis, CostScale};
use super::error::FigureError;
use super::geometry::strided;
use super::style::Style;
use super::surface::SurfaceView;
use crate::model::LossGrid;

pub(crate) use super::contour_image::axis_range;

/// A 3D chart's plotting area with f64 axes: x = w, y = cost, z = b.
pub(crate) type Chart3d<DB> =
    DrawingArea<DB, Cartesian3d<RangedCoordf64, RangedCoordf64, RangedCoordf64>>;

/// A point of the chart: (w, cost, b).
pub(crate) type P3 = (f64, f64, f64);

/// Draws the grid as filled cells farthest first, or as a wireframe.
pub(crate) fn draw_mesh<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    grid: &LossGrid,
    scale: &CostScale,
    wireframe: bool,
    style: &Style,
) -> Result<(), FigureError> {
    if !super::contour_image::is_valid(grid) {
        return Ok(());
    }
    let iw = strided(grid.w.len(), SurfaceView::MAX_CELLS);
    let ib = strided(grid.b.len(), SurfaceView::MAX_CELLS);
    let node = |i: usize, j: usize| (grid.w[i], grid.at(j, i), grid.b[j]);
    if wireframe {
        let line = viridis(0.3).stroke_width(style.px_u32(1.0));
        let rows = ib
            .iter()
            .map(|&j| iw.iter().map(|&i| node(i, j)).collect::<Vec<_>>());
        let cols = iw
            .iter()
            .map(|&i| ib.iter().map(|&j| node(i, j)).collect::<Vec<_>>());
        for polyline in rows.chain(cols) {
            for piece in polyline
                .split(|p| !p.1.is_finite())
                .filter(|s| s.len() >= 2)
            {
                chart.draw(&PathElement::new(piece.to_vec(), line))?;
            }
        }
        return Ok(());
    }
    for (_, corners, color) in depth_sorted_cells(chart, &iw, &ib, &node, scale) {
        chart.draw(&Polygon::new(corners.to_vec(), color.filled()))?;
    }
    Ok(())
}

/// The cells between strided nodes with all four corners finite, farthest first, each with
/// the colour of its mean cost.
fn depth_sorted_cells<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    iw: &[usize],
    ib: &[usize],
    node: &dyn Fn(usize, usize) -> P3,
    scale: &CostScale,
) -> Vec<(i32, [P3; 4], RGBColor)> {
    let coords = chart.as_coord_spec();
    let mut cells = Vec::new();
    for pair_b in ib.windows(2) {
        for pair_w in iw.windows(2) {
            let corners = [(0, 0), (1, 0), (1, 1), (0, 1)].map(|(a, c)| node(pair_w[a], pair_b[c]));
            if corners.iter().any(|p| !p.1.is_finite()) {
                continue;
            }
            let mean = corners.iter().map(|p| p.1 / 4.0).sum::<f64>();
            let (cw, cb) = (
                0.5 * (corners[0].0 + corners[2].0),
                0.5 * (corners[0].2 + corners[2].2),
            );
            let depth = coords.projected_depth(&cw, &mean, &cb);
            cells.push((depth, corners, scale.color(mean)));
        }
    }
    // Larger depth is farther from the viewer (plotters draws its back panels there).
    cells.sort_by_key(|c| std::cmp::Reverse(c.0));
    cells
}
