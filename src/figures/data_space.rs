//! The data-space figure: the noisy points, the true line f and the current model line.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::chart2d::{self, Axes, Chart2d};
use super::error::FigureError;
use super::frame::PlotFrame;
use super::geometry::{finite_min_max, padded, usable};
use super::layout::quiet_corner;
use super::legend::Legend;
use super::marks::Marker;
use super::overlay::{draw_trace, Look};
use super::style::{palette, tick_label, Style};

/// A line `y = slope·x + bias`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    /// Slope (w for the model).
    pub slope: f64,
    /// Bias (b for the model).
    pub bias: f64,
}

impl Line {
    /// The line's y at `x`.
    pub fn at(&self, x: f64) -> f64 {
        self.slope * x + self.bias
    }
}

/// What the data-space figure shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataView<'a> {
    /// The caption.
    pub title: &'a str,
    /// The points' x; pairs where x or y is not finite are skipped.
    pub x: &'a [f64],
    /// The points' y (extra values past the shorter slice are ignored).
    pub y: &'a [f64],
    /// The points' marker: crosses for "make some data", circles in the training panels.
    pub marker: Marker,
    /// The true line f, drawn dashed, legend "true line f(x)".
    pub true_line: Option<Line>,
    /// The model's current line, drawn solid, legend "model w·x + b".
    pub model_line: Option<Line>,
    /// A fixed y range (the training panels use [`DataView::TRAINING_Y_RANGE`]); `None`
    /// fits the points and the true line. An unusable range (not finite, empty) counts as
    /// `None`.
    pub y_range: Option<(f64, f64)>,
}

impl DataView<'_> {
    /// The y range of the lab's training panels, −10 to 15.
    pub const TRAINING_Y_RANGE: (f64, f64) = (-10.0, 15.0);
    /// The legend entry of the points.
    pub const DATA_LABEL: &'static str = "data";
    /// The legend entry of the true line.
    pub const TRUE_LABEL: &'static str = "true line f(x)";
    /// The legend entry of the model line.
    pub const MODEL_LABEL: &'static str = "model w·x + b";
}

/// Draws the data-space figure on `area` and returns where its plot lies.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &DataView<'_>,
    style: &Style,
) -> Result<PlotFrame, FigureError> {
    let points: Vec<(f64, f64)> = view.x.iter().copied().zip(view.y.iter().copied()).collect();
    let xs = points.iter().filter(|p| p.1.is_finite()).map(|p| p.0);
    let x = padded(finite_min_max(xs), (-1.0, 1.0));
    let y = usable(view.y_range).unwrap_or_else(|| auto_y(&points, view.true_line, x));
    let (title, y_label) = (view.title, &tick_label);
    let axes = Axes {
        title,
        x_desc: "x",
        y_desc: "y",
        x,
        y,
        grid: true,
        y_label,
    };
    let chart = chart2d::build(area, &axes, style)?;
    let frame = chart2d::frame(&chart, &axes, y, false);
    // Only markers on the very same pixel as the one before are left out: every point of
    // the lab's data has its own marker, and a million points stay drawable.
    let data = Look {
        min_gap: 1.0,
        ..Look::points(palette::DATA, view.marker)
    };
    draw_trace(&chart, &frame, &points, &data, style)?;
    let mut legend = Legend::default();
    legend.add(DataView::DATA_LABEL, data);
    let avoid = draw_lines(&chart, &frame, view, &mut legend, style)?;
    let avoid: Vec<(f64, f64)> = points.into_iter().chain(avoid).collect();
    let corner = quiet_corner(&frame, &avoid, None);
    legend.draw(&chart.strip_coord_spec(), corner, style)?;
    Ok(frame)
}

/// The true line (dashed) and the model line (solid) with their legend entries; returns
/// points along them, for the legend to avoid.
fn draw_lines<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    frame: &PlotFrame,
    view: &DataView<'_>,
    legend: &mut Legend,
    style: &Style,
) -> Result<Vec<(f64, f64)>, FigureError> {
    let lines = [
        (
            view.true_line,
            palette::TRUE_LINE,
            true,
            1.6,
            DataView::TRUE_LABEL,
        ),
        (
            view.model_line,
            palette::MODEL_LINE,
            false,
            2.4,
            DataView::MODEL_LABEL,
        ),
    ];
    let (x0, x1) = frame.x_range;
    let mut along = Vec::new();
    for (line, color, dashed, width, label) in lines {
        let Some(line) = line else { continue };
        let look = Look {
            dashed,
            ..Look::line(color, width)
        };
        draw_trace(
            chart,
            frame,
            &[(x0, line.at(x0)), (x1, line.at(x1))],
            &look,
            style,
        )?;
        legend.add(label, look);
        let xs = (0..=20).map(|k| x0 + (x1 - x0) * f64::from(k) / 20.0);
        along.extend(xs.map(|x| (x, line.at(x))));
    }
    Ok(along)
}

/// A y range that fits the finite points and the true line over `x`.
fn auto_y(points: &[(f64, f64)], truth: Option<Line>, x: (f64, f64)) -> (f64, f64) {
    let ys = points.iter().filter(|p| p.0.is_finite()).map(|p| p.1);
    let line = truth.map(|l| [l.at(x.0), l.at(x.1)]).into_iter().flatten();
    padded(finite_min_max(ys.chain(line)), (-1.0, 1.0))
}
