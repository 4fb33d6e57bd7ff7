//! What the surface figure draws on top of the surface: visited points, the current point
//! and the optimum, with their legend entries.

use plotters::element::PathElement;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;

use super::contour::ContourView;
use super::error::FigureError;
use super::legend::Legend;
use super::marks::{Mark, Marker};
use super::overlay::Look;
use super::style::{palette, Style};
use super::surface::{SurfacePath, SurfaceView};
use super::surface_mesh::{Chart3d, P3};

/// The chart's box: w, cost and b ranges.
type Box3 = ((f64, f64), (f64, f64), (f64, f64));

fn inside((w, c, b): &Box3, p: &P3) -> bool {
    let within = |v: f64, r: &(f64, f64)| v >= r.0 && v <= r.1;
    within(p.0, w) && within(p.1, c) && within(p.2, b)
}

/// Draws the paths, current point and optimum, with legend entries. Returns how many
/// visited points lie off the chart (outside the grid, or above its highest cost) and how
/// many legend entries were added.
pub(crate) fn draw_overlays<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    view: &SurfaceView<'_>,
    ranges: Box3,
    legend: &mut Legend,
    style: &Style,
) -> Result<(usize, usize), FigureError> {
    let (mut outside, mut labels) = (0, 0);
    for path in view.paths {
        outside += draw_path(chart, path, &ranges, style)?;
        if !path.label.is_empty() {
            let look = Look {
                marker: Some(Marker::Cross),
                ..Look::line(path.color, 1.2)
            };
            legend.add(path.label, look);
            labels += 1;
        }
    }
    let to_chart = |(w, b, c): P3| (w, c, b);
    if let Some(p) = view.current.map(to_chart).filter(|p| inside(&ranges, p)) {
        chart.draw(&Mark::current(p, style))?;
    }
    if let Some(p) = view.optimum.map(to_chart) {
        if inside(&ranges, &p) {
            chart.draw(&Mark::optimum(p, style))?;
        }
        let look = Look {
            halo: true,
            ..Look::points(palette::OPTIMUM, Marker::Star)
        };
        legend.add(ContourView::OPTIMUM_LABEL, look);
        labels += 1;
    }
    Ok((outside, labels))
}

/// One path: crosses at its points inside the box, joined where two in a row are inside.
/// Returns how many finite points lie outside.
fn draw_path<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    path: &SurfacePath<'_>,
    ranges: &Box3,
    style: &Style,
) -> Result<usize, FigureError> {
    let triples = path.w.iter().zip(path.b).zip(path.cost);
    let points: Vec<P3> = triples.map(|((&w, &b), &c)| (w, c, b)).collect();
    let line = path.color.mix(0.9).stroke_width(style.px_u32(1.2));
    for pair in points
        .windows(2)
        .filter(|p| inside(ranges, &p[0]) && inside(ranges, &p[1]))
    {
        chart.draw(&PathElement::new(pair.to_vec(), line))?;
    }
    let (r, stroke) = (style.px_i32(4.0), style.px_u32(1.6));
    for &p in points.iter().filter(|p| inside(ranges, p)) {
        chart.draw(&Mark::new(p, Marker::Cross, r, stroke, path.color).with_halo())?;
    }
    let finite = |p: &&P3| p.0.is_finite() && p.1.is_finite() && p.2.is_finite();
    Ok(points
        .iter()
        .filter(finite)
        .filter(|p| !inside(ranges, p))
        .count())
}
