//! The frame every 2D figure shares: caption, axes with labels and ticks, and the legend.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::{Cartesian2d, ChartBuilder, ChartContext, DrawingArea, DrawingBackend};
use plotters::style::{Color, TRANSPARENT};

use super::error::FigureError;
use super::frame::PlotFrame;
use super::layers::Layers;
use super::style::{tick_label, Style};

/// A 2D chart with f64 axes.
pub(crate) type Chart2d<'a, DB> = ChartContext<'a, DB, Cartesian2d<Axis, Axis>>;

/// An f64 axis whose tick labels are always the figures' own ([`tick_label`], or the one a
/// figure gives): plotters' default labels for f64 would bring Rust's float formatting into
/// the module (see `model::number`). Otherwise it is plotters' f64 axis.
#[derive(Clone)]
pub(crate) struct Axis(RangedCoordf64);

impl Ranged for Axis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.0.key_points(hint)
    }

    fn range(&self) -> Range<f64> {
        self.0.range()
    }
}

impl ValueFormatter<f64> for Axis {
    fn format(value: &f64) -> String {
        tick_label(value)
    }
}

/// What the frame of a 2D chart shows.
pub(crate) struct Axes<'s> {
    pub title: &'s str,
    pub x_desc: &'s str,
    pub y_desc: &'s str,
    /// The x axis's range.
    pub x: (f64, f64),
    /// The y axis's range, in the chart's own units (log₁₀ of the data on a log scale).
    pub y: (f64, f64),
    /// Light grid lines behind the data (off for the contour image, which covers them).
    pub grid: bool,
    /// Tick labels of the y axis.
    pub y_label: &'s dyn Fn(&f64) -> String,
}

/// Fills `area` white and draws the caption and the axes; returns the chart to draw on.
pub(crate) fn build<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    axes: &Axes<'_>,
    style: &Style,
) -> Result<Chart2d<'a, DB>, FigureError> {
    build_layer(area, axes, style, Layers::All)
}

/// The chart for one layer: the base fills the background and draws the axes, the overlays
/// draw the caption. Both take the same room, so they map every point to the same pixel.
pub(crate) fn build_layer<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    axes: &Axes<'_>,
    style: &Style,
    layers: Layers,
) -> Result<Chart2d<'a, DB>, FigureError> {
    if layers.base() {
        area.fill(&style.paper())?;
    }
    let caption = style.caption_font();
    let caption = if layers.overlays() {
        caption
    } else {
        caption.color(&TRANSPARENT)
    };
    let mut chart = ChartBuilder::on(area)
        .caption(axes.title, caption)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(62.0))
        .build_cartesian_2d(
            Axis((axes.x.0..axes.x.1).into()),
            Axis((axes.y.0..axes.y.1).into()),
        )?;
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(axes.x_desc)
        .y_desc(axes.y_desc)
        .axis_desc_style(style.desc_font())
        .label_style(style.tick_font())
        .x_label_formatter(&tick_label)
        .y_label_formatter(axes.y_label)
        .x_labels(7)
        .y_labels(7)
        .set_all_tick_mark_size(style.px(4.0))
        .axis_style(style.ink().mix(0.7).stroke_width(style.px_u32(1.0)))
        .bold_line_style(style.ink().mix(0.1).stroke_width(style.px_u32(1.0)))
        .light_line_style(TRANSPARENT);
    if !axes.grid {
        mesh.disable_mesh();
    }
    if layers.base() {
        mesh.draw()?;
    }
    Ok(chart)
}

/// The plot frame of a chart built from `axes` (the data's y range when `y_log`).
pub(crate) fn frame<DB: DrawingBackend>(
    chart: &Chart2d<'_, DB>,
    axes: &Axes<'_>,
    data_y: (f64, f64),
    y_log: bool,
) -> PlotFrame {
    PlotFrame::of_pixels(
        chart.plotting_area().get_pixel_range(),
        axes.x,
        data_y,
        y_log,
    )
}
