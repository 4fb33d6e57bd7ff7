//! The 3D chart's box: the three back panels with their grid lines, and each axis with its
//! ticks and labels.
//!
//! These are the shapes plotters' `configure_axes().draw()` makes, drawn in the same order
//! (`draw_axis_panel`, `draw_axis` and `draw_axis_ticks` in its 3D chart). They are drawn
//! here because plotters' axis style starts from a font family given by name, whose parsing
//! lowers it with Unicode's case tables: over 10 KB of the page's compressed module.

use plotters::coord::ranged1d::{BoldPoints, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::CoordTranslate;
use plotters::element::{EmptyElement, PathElement, Polygon, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, ShapeStyle};

use super::error::FigureError;
use super::style::{tick_label, Style};
use super::surface_axes::{tick_edge, V3};
use super::surface_mesh::{Chart3d, P3};

/// Tick labels per axis (at most).
const LABELS: usize = 5;

/// A point of the chart as plotters takes it.
fn p3(v: V3) -> P3 {
    (v[0], v[1], v[2])
}

/// Draws the back panels, then each axis with its ticks. `ranges` are the chart's x (w),
/// y (cost) and z (b) ranges, as it was built with.
pub(crate) fn draw_box<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    ranges: [(f64, f64); 3],
    style: &Style,
) -> Result<(), FigureError> {
    let ticks = ranges.map(|(lo, hi)| RangedCoordf64::from(lo..hi).key_points(BoldPoints(LABELS)));
    let coords = chart.as_coord_spec();
    let depth = |p: V3| coords.projected_depth(&p[0], &p[1], &p[2]);
    let px = |p: V3| {
        let (x, y) = coords.translate(&p3(p));
        (f64::from(x), f64::from(y))
    };
    for idx in 0..3 {
        draw_panel(chart, back_panel(&depth, ranges, idx), idx, &ticks, style)?;
    }
    let axis_style = ShapeStyle::from(style.ink().mix(0.8));
    for (idx, ticks) in ticks.iter().enumerate() {
        let edge = tick_edge(&depth, &px, ranges, idx);
        let line = PathElement::new(vec![p3(edge.0), p3(edge.1)], axis_style);
        chart.draw(&line)?;
        draw_ticks(chart, edge, idx, ticks, style)?;
    }
    Ok(())
}

/// The panel across axis `idx` at that axis's far end from the viewer, as two opposite
/// corners: the one with every other coordinate at its low end, and the one at their highs.
fn back_panel(depth: &dyn Fn(V3) -> i32, r: [(f64, f64); 3], idx: usize) -> (V3, V3) {
    let lows = r.map(|(lo, _)| lo);
    let highs = r.map(|(_, hi)| hi);
    let (mut low_far, mut high_near) = (lows, highs);
    low_far[idx] = r[idx].1;
    high_near[idx] = r[idx].0;
    if depth(lows) >= depth(low_far) {
        (lows, high_near)
    } else {
        (low_far, highs)
    }
}

/// One back panel, filled and outlined, with a grid line at each tick of the other axes.
fn draw_panel<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    (a, b): (V3, V3),
    idx: usize,
    ticks: &[Vec<f64>; 3],
    style: &Style,
) -> Result<(), FigureError> {
    let grid = ShapeStyle::from(style.ink().mix(0.2));
    let (mut m, mut n) = (a, a);
    m[(idx + 1) % 3] = b[(idx + 1) % 3];
    n[(idx + 2) % 3] = b[(idx + 2) % 3];
    let mut outline = vec![p3(a), p3(m), p3(b), p3(n)];
    chart.draw(&Polygon::new(outline.clone(), style.ink().mix(0.1)))?;
    outline.push(p3(a));
    chart.draw(&PathElement::new(outline, grid))?;
    // plotters' light grid lines are transparent by default: nothing to draw.
    for other in (0..3).filter(|&k| k != idx) {
        for &tick in &ticks[other] {
            let (mut from, mut to) = (a, b);
            from[other] = tick;
            to[other] = tick;
            chart.draw(&PathElement::new(vec![p3(from), p3(to)], grid))?;
        }
    }
    Ok(())
}

/// Ticks and labels along the axis `idx` drawn on `edge`, pointing away from the plot's
/// centre along whichever screen direction crosses the axis more.
fn draw_ticks<DB: DrawingBackend>(
    chart: &Chart3d<DB>,
    edge: (V3, V3),
    idx: usize,
    ticks: &[f64],
    style: &Style,
) -> Result<(), FigureError> {
    let coords = chart.as_coord_spec();
    let (begin, end) = (coords.translate(&p3(edge.0)), coords.translate(&p3(edge.1)));
    let along = (end.0 - begin.0, end.1 - begin.1);
    let (xs, ys) = chart.get_pixel_range();
    let size = style.px_i32(4.0);
    let x_dir = (
        if begin.0 < (xs.start + xs.end) / 2 {
            -size
        } else {
            size
        },
        0,
    );
    let y_dir = (
        0,
        if begin.1 < (ys.start + ys.end) / 2 {
            -size
        } else {
            size
        },
    );
    let dir = if (x_dir.0 * along.0).abs() < (y_dir.1 * along.1).abs() {
        x_dir
    } else {
        y_dir
    };
    let anchor = match dir {
        (x, _) if x < 0 => Pos::new(HPos::Right, VPos::Center),
        (x, _) if x > 0 => Pos::new(HPos::Left, VPos::Center),
        (_, y) if y < 0 => Pos::new(HPos::Center, VPos::Bottom),
        _ => Pos::new(HPos::Center, VPos::Top),
    };
    let font = style.tick_font().pos(anchor);
    let axis_style = ShapeStyle::from(style.ink().mix(0.8));
    for &tick in ticks {
        let mut at = edge.0;
        at[idx] = tick;
        let mark = EmptyElement::at(p3(at))
            + PathElement::new(vec![(0, 0), dir], axis_style)
            + Text::new(tick_label(&tick), (dir.0 * 2, dir.1 * 2), font.clone());
        chart.draw(&mark)?;
    }
    Ok(())
}
