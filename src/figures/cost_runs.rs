//! The runs of the cost-curve figure: lines, markers, triangles for costs above the top,
//! and the current iteration.

use plotters::element::DashedPathElement;
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};

use super::chart2d::Chart2d;
use super::cost_axis::CostAxis;
use super::cost_curve::{CostCurveView, Run};
use super::error::FigureError;
use super::frame::PlotFrame;
use super::legend::Legend;
use super::marks::{Mark, Marker};
use super::overlay::{draw_trace, Look};
use super::style::Style;

/// The triangle in the legend that stands for costs above the chart.
const ABOVE: RGBColor = RGBColor(90, 90, 90);

/// Every run, then a legend entry for the triangles if any cost lies above the chart.
/// Returns how many legend entries were added and the points the legend should avoid.
pub(crate) fn draw_runs<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    inner: &PlotFrame,
    view: &CostCurveView<'_>,
    axis: &CostAxis,
    legend: &mut Legend,
    style: &Style,
) -> Result<(usize, Vec<(f64, f64)>), FigureError> {
    let (mut above, mut avoid, mut labels) = (0, Vec::new(), 0);
    for run in view.runs {
        above += draw_run(chart, inner, run, axis, &mut avoid, legend, style)?;
        labels += usize::from(!run.label.is_empty());
    }
    if above > 0 {
        // The legend explains the triangles, so no note competes with the curves for room.
        let s = if above == 1 { "" } else { "s" };
        let look = Look::points(ABOVE, Marker::Triangle);
        legend.add(&format!("{above} cost{s} above the chart"), look);
        labels += 1;
    }
    Ok((labels, avoid))
}

/// One run: its line and markers, triangles on the top edge for costs above it, its
/// legend entry. Adds its points to `avoid`; returns how many costs lie above the chart.
fn draw_run<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    inner: &PlotFrame,
    run: &Run<'_>,
    axis: &CostAxis,
    avoid: &mut Vec<(f64, f64)>,
    legend: &mut Legend,
    style: &Style,
) -> Result<usize, FigureError> {
    let (y0, y1) = inner.y_range;
    let points: Vec<(f64, f64)> = run
        .costs
        .iter()
        .enumerate()
        .map(|(i, &c)| (i as f64, axis.lifted(c)))
        .collect();
    let look = Look {
        marker: Some(run.marker),
        dashed: run.dashed,
        ..Look::line(run.color, 1.8)
    };
    draw_trace(chart, inner, &points, &look, style)?;
    if !run.label.is_empty() {
        legend.add(run.label, look);
    }
    // Triangles sit just inside the top edge, so they never touch the caption.
    let top = y1 - (y1 - y0) * style.px(6.0) / inner.height.max(1.0);
    avoid.extend(points.iter().map(|p| (p.0, p.1.min(top))));
    let high: Vec<f64> = points.iter().filter(|p| p.1 > y1).map(|p| p.0).collect();
    draw_above(chart, inner, &high, top, style.series(run.color), style)?;
    Ok(high.len())
}

/// Triangles at height `top` over the iterations `high`, one per 4 pixels at most.
fn draw_above<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    inner: &PlotFrame,
    high: &[f64],
    top: f64,
    color: RGBColor,
    style: &Style,
) -> Result<(), FigureError> {
    let (r, stroke) = (style.px_i32(5.0), style.px_u32(1.0));
    let mut last_px = f64::NEG_INFINITY;
    for &i in high {
        let px = inner.to_pixel(i, top).0;
        if px - last_px >= style.px(4.0) {
            let mark = Mark::new((i, top), Marker::Triangle, r, stroke, color);
            chart.draw(&mark)?;
            last_px = px;
        }
    }
    Ok(())
}

/// A dashed vertical line at iteration `k` and a dot on each run there.
pub(crate) fn draw_current<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    inner: &PlotFrame,
    runs: &[Run<'_>],
    k: usize,
    axis: &CostAxis,
    style: &Style,
) -> Result<(), FigureError> {
    let ((x0, x1), (y0, y1)) = (inner.x_range, inner.y_range);
    let kx = k as f64;
    if !(kx >= x0 && kx <= x1) {
        return Ok(());
    }
    let line = style.ink().mix(0.55).stroke_width(style.px_u32(1.2));
    let (dash, gap) = (style.px_u32(5.0), style.px_u32(4.0));
    // A Vec, as the overlays' dashed lines pass: one copy of plotters' dash code serves both.
    chart.draw(&DashedPathElement::new(
        vec![(kx, y0), (kx, y1)],
        dash,
        gap,
        line,
    ))?;
    for run in runs {
        let cost = run.costs.get(k).map(|&c| axis.axis_value(c));
        if let Some(c) = cost.filter(|c| *c >= y0 && *c <= y1) {
            let (r, stroke) = (style.px_i32(6.0), style.px_u32(1.0));
            let dot = Mark::new((kx, c), Marker::Dot, r, stroke, style.series(run.color));
            chart.draw(&dot.with_halo())?;
        }
    }
    Ok(())
}
