//! The cost as a 3D surface (or wireframe) over (w, b), with the visited points on it.
//!
//! The chart's axes are x = w, y = cost (up), z = b. A grid bigger than
//! [`SurfaceView::MAX_CELLS`] cells a side is drawn from every k-th node (its own values, no
//! interpolation), so a 200 × 200 grid costs the same as a 40 × 40 one. Cells are drawn
//! farthest first by their projected depth, so the bowl hides itself correctly at any
//! rotation (plotters' `SurfaceSeries` draws in grid order, which is right for one view
//! only).

use plotters::coord::cartesian::Cartesian3d;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::colors::CostScale;
use super::error::FigureError;
use super::geometry::{finite_min_max, padded};
pub use super::layers::Layers;
use super::layout::{note, off_chart, titled, Corner};
use super::legend::Legend;
use super::style::Style;
use super::surface_axes::draw_titles;
use super::surface_box::draw_box;
use super::surface_frame::SurfaceFrame;
use super::surface_mesh::{axis_range, draw_mesh, Chart3d};
use super::surface_overlay::draw_overlays;
use crate::model::LossGrid;

/// Visited points on the surface: (w, b, cost) triples marked by crosses joined by a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfacePath<'a> {
    /// Visited slopes.
    pub w: &'a [f64],
    /// Visited biases.
    pub b: &'a [f64],
    /// The cost at each visited point.
    pub cost: &'a [f64],
    /// Colour of the crosses and line.
    pub color: RGBColor,
    /// Legend entry; empty for none.
    pub label: &'a str,
}

/// What the surface figure shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceView<'a> {
    /// The caption.
    pub title: &'a str,
    /// The cost grid.
    pub grid: &'a LossGrid,
    /// Rotation about the vertical axis, radians (non-finite: the default).
    pub yaw: f64,
    /// Tilt towards the viewer, radians (non-finite: the default).
    pub pitch: f64,
    /// Lines only (the "after training" figure) instead of filled cells.
    pub wireframe: bool,
    /// Visited points, drawn in order on top of the surface.
    pub paths: &'a [SurfacePath<'a>],
    /// The current (w, b, cost), a big dot.
    pub current: Option<(f64, f64, f64)>,
    /// The optimum (w*, b*, cost*), a star with legend "optimum".
    pub optimum: Option<(f64, f64, f64)>,
}

impl SurfaceView<'_> {
    /// The default yaw.
    pub const DEFAULT_YAW: f64 = 0.7;
    /// The default pitch.
    pub const DEFAULT_PITCH: f64 = 0.45;
    /// Most cells drawn along each side.
    pub const MAX_CELLS: usize = 40;
}

impl<'a> SurfaceView<'a> {
    /// The "after training" figure: a wireframe at the default angle with whole paths on it
    /// (no current point), as the results and the optimizer race draw it.
    pub fn wireframe_with(
        title: &'a str,
        grid: &'a LossGrid,
        paths: &'a [SurfacePath<'a>],
        optimum: Option<(f64, f64, f64)>,
    ) -> Self {
        Self {
            title,
            grid,
            yaw: Self::DEFAULT_YAW,
            pitch: Self::DEFAULT_PITCH,
            wireframe: true,
            paths,
            current: None,
            optimum,
        }
    }
}

/// Draws the surface figure on `area` and returns where its grid nodes lie on screen.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &SurfaceView<'_>,
    style: &Style,
) -> Result<SurfaceFrame, FigureError> {
    draw_layers(area, view, style, Layers::All)
}

/// Draws the chosen `layers` of the surface figure. The node positions are returned by the
/// layers that draw the mesh (empty for [`Layers::Overlays`], whose chart is the same).
pub fn draw_layers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &SurfaceView<'_>,
    style: &Style,
    layers: Layers,
) -> Result<SurfaceFrame, FigureError> {
    let base = layers != Layers::Overlays;
    if base {
        area.fill(&style.paper())?;
    }
    let grid = view.grid;
    let (w, b) = (axis_range(&grid.w), axis_range(&grid.b));
    let cost = cost_range(&grid.cost);
    let chart = build(area, view, [w, cost, b], style, base)?;
    let mut frame = SurfaceFrame::default();
    if base {
        if let Some(scale) = CostScale::from_costs(&grid.cost) {
            draw_mesh(&chart, grid, &scale, view.wireframe, style)?;
        }
        draw_titles(&chart, area, [w, cost, b], style)?;
        frame = SurfaceFrame::of_chart(&chart, grid);
    }
    if layers != Layers::Base {
        draw_on_top(area, &chart, view, (w, cost, b), style)?;
    }
    Ok(frame)
}

/// The overlays with their legend, and a note when visited points lie off the chart.
fn draw_on_top<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart3d<DB>,
    view: &SurfaceView<'_>,
    ranges: ((f64, f64), (f64, f64), (f64, f64)),
    style: &Style,
) -> Result<(), FigureError> {
    let mut legend = Legend::default();
    let (outside, labels) = draw_overlays(chart, view, ranges, &mut legend, style)?;
    if labels > 0 {
        let plot = chart.strip_coord_spec();
        legend.draw(&plot, Corner::UpperRight, style)?;
    }
    if outside > 0 {
        note(area, &off_chart(outside, ""), Corner::LowerLeft, style)?;
    }
    Ok(())
}

/// The cost axis: from 0 (or the lowest cost, if negative) to the highest finite cost.
fn cost_range(costs: &[f64]) -> (f64, f64) {
    let span = finite_min_max(costs.iter().copied()).map(|(lo, hi)| (lo.min(0.0), hi));
    let (bottom, top) = padded(span, (0.0, 1.0));
    (span.map_or(bottom, |s| s.0), top)
}

/// The 3D chart with its caption, view angles and axes: x = w, y = cost, z = b. The layout is
/// plotters' `ChartBuilder` with a margin and a caption.
fn build<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &SurfaceView<'_>,
    [w, cost, b]: [(f64, f64); 3],
    style: &Style,
    decorate: bool,
) -> Result<Chart3d<DB>, FigureError> {
    let plot = titled(area, view.title, 8.0, decorate, style)?;
    let angle = |v: f64, default: f64| if v.is_finite() { v } else { default };
    let yaw = angle(view.yaw, SurfaceView::DEFAULT_YAW);
    let pitch = angle(view.pitch, SurfaceView::DEFAULT_PITCH);
    // A steep view is taller on screen: shrink it so the box clears the caption.
    let scale = 0.8 - 0.3 * (pitch.sin().abs() - 0.45).max(0.0);
    let axes = Cartesian3d::with_projection(
        RangedCoordf64::from(w.0..w.1),
        RangedCoordf64::from(cost.0..cost.1),
        RangedCoordf64::from(b.0..b.1),
        plot.get_pixel_range(),
        |mut p| {
            p.yaw = yaw;
            p.pitch = pitch;
            p.scale = scale;
            p.into_matrix()
        },
    );
    let chart = plot.apply_coord_spec(axes);
    if !decorate {
        return Ok(chart);
    }
    draw_box(&chart, [w, cost, b], style)?;
    Ok(chart)
}
