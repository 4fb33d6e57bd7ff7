//! Where a drawn 3D surface put its grid nodes on screen: turns a pointer into (w, b, cost).

use plotters::coord::CoordTranslate;
use plotters::prelude::DrawingBackend;

use super::geometry::strided;
use super::surface::SurfaceView;
use super::surface_mesh::Chart3d;
use crate::model::LossGrid;

/// A drawn node: its pixel, and its (w, b, cost).
type Node = ((f64, f64), (f64, f64, f64));

/// The screen position (backend pixels) of the drawn grid nodes and their (w, b, cost).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurfaceFrame {
    nodes: Vec<Node>,
}

impl SurfaceFrame {
    /// Projects the nodes the surface draws (at most [`SurfaceView::MAX_CELLS`] + 1 a side).
    pub(crate) fn of_chart<DB: DrawingBackend>(chart: &Chart3d<DB>, grid: &LossGrid) -> Self {
        let coord = chart.as_coord_spec();
        let mut nodes = Vec::new();
        for row in strided(grid.b.len(), SurfaceView::MAX_CELLS) {
            for col in strided(grid.w.len(), SurfaceView::MAX_CELLS) {
                let (w, b, cost) = (grid.w[col], grid.b[row], grid.at(row, col));
                if cost.is_finite() {
                    let (px, py) = coord.translate(&(w, cost, b));
                    nodes.push(((f64::from(px), f64::from(py)), (w, b, cost)));
                }
            }
        }
        Self { nodes }
    }

    /// The (w, b, cost) of the drawn node nearest pixel (px, py), if one lies within `radius`
    /// pixels. Where the surface folds over itself on screen this may be a node behind.
    pub fn nearest(&self, px: f64, py: f64, radius: f64) -> Option<(f64, f64, f64)> {
        let d2 = |(x, y): (f64, f64)| (x - px).powi(2) + (y - py).powi(2);
        self.nodes
            .iter()
            .map(|&(at, value)| (d2(at), value))
            .filter(|(d, _)| *d <= radius * radius)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, value)| value)
    }

    /// How many nodes were projected.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when nothing was projected.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}
