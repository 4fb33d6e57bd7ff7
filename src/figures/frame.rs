//! Where a 2D chart put its plot: pixel rectangle and data ranges, to turn a pointer position
//! into data coordinates (a click on the contour plot into (w, b)) and back.

use std::ops::Range;

use crate::model::number;

/// The plot rectangle of a drawn chart, in the backend's pixels (device pixels, measured from
/// the backend's top-left corner, not the drawing area's), and the data ranges it shows.
///
/// In the browser, a pointer event's offset in CSS pixels times the device pixel ratio is a
/// backend pixel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotFrame {
    /// Pixel column of the x range's start.
    pub left: f64,
    /// Pixel row of the y range's end (the top edge).
    pub top: f64,
    /// Pixels from the x range's start to its end.
    pub width: f64,
    /// Pixels from the y range's end to its start.
    pub height: f64,
    /// The x range shown, (start, end).
    pub x_range: (f64, f64),
    /// The y range shown, (start, end), in data units even on a log scale.
    pub y_range: (f64, f64),
    /// Whether y is on a log₁₀ scale.
    pub y_log: bool,
}

impl PlotFrame {
    /// The frame of a chart whose plot covers pixels `px` by `py` (its plotting area's pixel
    /// range) and shows `x_range` by `y_range` (log₁₀ of the data's y when `y_log`).
    pub(crate) fn of_pixels(
        (px, py): (Range<i32>, Range<i32>),
        x_range: (f64, f64),
        y_range: (f64, f64),
        y_log: bool,
    ) -> Self {
        // Plotters maps a range's end to the last pixel, one before the range's end.
        Self {
            left: f64::from(px.start),
            top: f64::from(py.start),
            width: f64::from((px.end - 1 - px.start).max(0)),
            height: f64::from((py.end - 1 - py.start).max(0)),
            x_range,
            y_range,
            y_log,
        }
    }

    /// The value on the chart's y axis: `y`, or log₁₀ y on a log scale (y ≤ 0 maps to the
    /// bottom of the range).
    fn axis_y(&self, y: f64) -> f64 {
        if !self.y_log {
            y
        } else if y > 0.0 {
            y.log10()
        } else {
            self.y_range.0.log10()
        }
    }

    fn axis_y_range(&self) -> (f64, f64) {
        (self.axis_y(self.y_range.0), self.axis_y(self.y_range.1))
    }

    /// The pixel of data point (x, y). Points outside the ranges map outside the rectangle.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.axis_y_range();
        let tx = (x - x0) / (x1 - x0);
        let ty = (self.axis_y(y) - y0) / (y1 - y0);
        (
            self.left + tx * self.width,
            self.top + (1.0 - ty) * self.height,
        )
    }

    /// The data point at pixel (px, py), or `None` when the pixel lies outside the plot
    /// rectangle (half a pixel of slack) or is not finite.
    pub fn to_data(&self, px: f64, py: f64) -> Option<(f64, f64)> {
        let inside = |v: f64, lo: f64, len: f64| v >= lo - 0.5 && v <= lo + len + 0.5;
        if !(inside(px, self.left, self.width) && inside(py, self.top, self.height)) {
            return None;
        }
        if self.width <= 0.0 || self.height <= 0.0 {
            return None;
        }
        let tx = number::clamp((px - self.left) / self.width, 0.0, 1.0);
        let ty = number::clamp(1.0 - (py - self.top) / self.height, 0.0, 1.0);
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.axis_y_range();
        let y = y0 + ty * (y1 - y0);
        let y = if self.y_log { 10f64.powf(y) } else { y };
        Some((x0 + tx * (x1 - x0), y))
    }

    /// Whether pixel (px, py) lies on the plot rectangle.
    pub fn contains_pixel(&self, px: f64, py: f64) -> bool {
        self.to_data(px, py).is_some()
    }
}
