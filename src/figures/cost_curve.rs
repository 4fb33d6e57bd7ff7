//! The cost per iteration for one or more runs, on a linear or log scale.
//!
//! A diverging run does not stretch the axis to its astronomical costs: the linear scale
//! stops at [`CostCurveView::CAP_FACTOR`] times the highest starting cost, and every cost
//! above the top (or not finite) is marked by a triangle on the top edge.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;

use super::chart2d::{self, Axes};
use super::cost_axis::{iteration_range, CostAxis};
use super::cost_runs::{draw_current, draw_runs};
use super::error::FigureError;
use super::frame::PlotFrame;
use super::layout::quiet_corner;
use super::legend::Legend;
use super::marks::Marker;
use super::style::Style;

/// One run's costs, record by record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run<'a> {
    /// Cost at iteration 0, 1, 2, …
    pub costs: &'a [f64],
    /// Colour of the line and markers.
    pub color: RGBColor,
    /// Legend entry; empty for none.
    pub label: &'a str,
    /// Marker at each iteration (runs that may meet should differ).
    pub marker: Marker,
    /// A dashed line instead of a solid one.
    pub dashed: bool,
}

/// What the cost-curve figure shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostCurveView<'a> {
    /// The caption.
    pub title: &'a str,
    /// The runs, drawn in order.
    pub runs: &'a [Run<'a>],
    /// A log₁₀ cost axis (costs at or below 0 sit on its floor).
    pub log_y: bool,
    /// An iteration to mark with a vertical line and a dot on each run.
    pub current: Option<usize>,
}

impl CostCurveView<'_> {
    /// On a linear scale the axis stops at this many times the highest starting cost.
    pub const CAP_FACTOR: f64 = 4.0;
    /// The lowest cost a log scale shows.
    pub const LOG_FLOOR: f64 = 1e-12;
}

/// Draws the cost curves on `area` (x "iteration", y "cost") and returns where the plot
/// lies; the frame's y is in costs, on a log scale when the view asks for one.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CostCurveView<'_>,
    style: &Style,
) -> Result<PlotFrame, FigureError> {
    let axis = CostAxis::of(view);
    let (x, y) = (iteration_range(view), axis.range());
    let (title, y_desc) = (view.title, axis.desc());
    let y_label = |v: &f64| axis.label(v);
    let axes = Axes {
        title,
        x_desc: "iteration",
        y_desc,
        x,
        y,
        grid: true,
        y_label: &y_label,
    };
    let chart = chart2d::build(area, &axes, style)?;
    // The chart's own units: log₁₀ cost on a log scale.
    let inner = chart2d::frame(&chart, &axes, y, false);
    let mut legend = Legend::default();
    let (labels, avoid) = draw_runs(&chart, &inner, view, &axis, &mut legend, style)?;
    if let Some(k) = view.current {
        draw_current(&chart, &inner, view.runs, k, &axis, style)?;
    }
    if labels > 0 {
        let corner = quiet_corner(&inner, &avoid, None);
        legend.draw(&chart.strip_coord_spec(), corner, style)?;
    }
    Ok(PlotFrame {
        y_range: axis.data,
        y_log: axis.log,
        ..inner
    })
}
