//! Series on a 2D chart, clipped to the plot: lines, markers, and arrows where they leave.

use plotters::coord::CoordTranslate;
use plotters::element::{DashedPathElement, PathElement};
use plotters::style::{Color, RGBColor};
use plotters_backend::{BackendCoord, DrawingBackend};

use super::arrow::Arrow;
use super::chart2d::Chart2d;
use super::error::FigureError;
use super::frame::PlotFrame;
use super::geometry::{clip_polyline, Bounds, Exit};
use super::marks::{Mark, Marker};
use super::style::Style;

/// How one series looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Look {
    pub color: RGBColor,
    /// Marker at each point, if any.
    pub marker: Option<Marker>,
    /// Line width in CSS pixels; 0 draws no line.
    pub line: f64,
    pub dashed: bool,
    /// White rim under markers and arrows, for busy backgrounds.
    pub halo: bool,
    /// Arrows where the line leaves the plot.
    pub arrows: bool,
    /// A marker within this many CSS pixels of the last one drawn is left out.
    pub min_gap: f64,
}

impl Look {
    /// A plain line of `width` CSS pixels.
    pub(crate) fn line(color: RGBColor, width: f64) -> Self {
        let (marker, dashed, halo, arrows, min_gap) = (None, false, false, false, 2.0);
        Self {
            color,
            marker,
            line: width,
            dashed,
            halo,
            arrows,
            min_gap,
        }
    }

    /// Markers only.
    pub(crate) fn points(color: RGBColor, marker: Marker) -> Self {
        Self {
            marker: Some(marker),
            ..Self::line(color, 0.0)
        }
    }
}

/// Draws the polyline through `points` clipped to the plot, markers at the points inside
/// (thinned by `look.min_gap`), and arrows at the exits. Returns how many finite points
/// lie outside the plot.
pub(crate) fn draw_trace<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    frame: &PlotFrame,
    points: &[(f64, f64)],
    look: &Look,
    style: &Style,
) -> Result<usize, FigureError> {
    let look = &Look {
        color: style.series(look.color),
        ..*look
    };
    let bounds = Bounds {
        x: frame.x_range,
        y: frame.y_range,
    };
    let to_px = |p: &(f64, f64)| chart.as_coord_spec().translate(p);
    if look.line > 0.0 {
        let pieces = clip_polyline(points, &bounds);
        draw_lines(chart, pieces.lines, look, style)?;
        if look.arrows {
            draw_arrows(chart, frame, &pieces.exits, look.color, style)?;
        }
    }
    if let Some(shape) = look.marker {
        let inside = points
            .iter()
            .copied()
            .filter(|p| bounds.contains(*p))
            .collect();
        for p in thin(inside, to_px, style.px(look.min_gap)) {
            let mark = Mark::new(p, shape, style.px_i32(4.0), style.px_u32(1.6), look.color);
            chart.draw(&if look.halo { mark.with_halo() } else { mark })?;
        }
    }
    let finite = |p: &&(f64, f64)| p.0.is_finite() && p.1.is_finite();
    Ok(points
        .iter()
        .filter(finite)
        .filter(|p| !bounds.contains(**p))
        .count())
}

/// The visible pieces of a line, solid or dashed.
fn draw_lines<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    pieces: Vec<Vec<(f64, f64)>>,
    look: &Look,
    style: &Style,
) -> Result<(), FigureError> {
    let line = look.color.mix(0.9).stroke_width(style.px_u32(look.line));
    for piece in pieces {
        let piece = thin(piece, |p| chart.as_coord_spec().translate(p), 1.0);
        if look.dashed {
            let (dash, gap) = (style.px_u32(7.0), style.px_u32(4.0));
            chart.draw(&DashedPathElement::new(piece, dash, gap, line))?;
        } else {
            chart.draw(&PathElement::new(piece, line))?;
        }
    }
    Ok(())
}

/// An arrow at each exit, pointing the way the line went; exits within 10 pixels of an
/// arrow already drawn share it.
fn draw_arrows<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    frame: &PlotFrame,
    exits: &[Exit],
    color: RGBColor,
    style: &Style,
) -> Result<(), FigureError> {
    let mut tips: Vec<(f64, f64)> = Vec::new();
    let (sx, sy) = (
        frame.x_range.1 - frame.x_range.0,
        frame.y_range.1 - frame.y_range.0,
    );
    for exit in exits {
        let tip = frame.to_pixel(exit.at.0, exit.at.1);
        if tips
            .iter()
            .any(|t| (t.0 - tip.0).hypot(t.1 - tip.1) < style.px(10.0))
        {
            continue;
        }
        tips.push(tip);
        let dir = (
            exit.dir.0 / sx * frame.width,
            -exit.dir.1 / sy * frame.height,
        );
        let (len, stroke) = (style.px(20.0), style.px_u32(2.0));
        let arrow = Arrow {
            tip: exit.at,
            dir,
            len,
            stroke,
            color,
        };
        chart.draw(&arrow)?;
    }
    Ok(())
}

/// Drops points that land within `min_px` pixels of the last one kept (the last point is
/// always kept), so that thousands of iterations piling up at the optimum cost little.
fn thin<T: Fn(&(f64, f64)) -> BackendCoord>(
    points: Vec<(f64, f64)>,
    to_px: T,
    min_px: f64,
) -> Vec<(f64, f64)> {
    let n = points.len();
    let mut last: Option<BackendCoord> = None;
    let mut out = Vec::with_capacity(n.min(4096));
    for (k, p) in points.into_iter().enumerate() {
        let px = to_px(&p);
        let far = last.is_none_or(|l| f64::from(l.0 - px.0).hypot(f64::from(l.1 - px.1)) >= min_px);
        if far || k + 1 == n {
            out.push(p);
            last = Some(px);
        }
    }
    out
}
