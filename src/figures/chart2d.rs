//! The frame every 2D figure shares: caption, axes with labels and ticks, and the legend.

use std::ops::Range;

use plotters::coord::cartesian::MeshLine;
use plotters::coord::ranged1d::{
    BoldPoints, KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter,
};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::PathElement;
use plotters::prelude::{Cartesian2d, DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontTransform, ShapeStyle};

use super::error::FigureError;
use super::frame::PlotFrame;
use super::layers::Layers;
use super::layout::titled;
use super::style::{tick_label, Style};

/// A 2D chart's plotting area, its f64 axes mapped onto the pixels inside the frame.
pub(crate) type Chart2d<DB> = DrawingArea<DB, Cartesian2d<Axis, Axis>>;

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
pub(crate) fn build<DB: DrawingBackend>(
    area: &Area<DB>,
    axes: &Axes<'_>,
    style: &Style,
) -> Result<Chart2d<DB>, FigureError> {
    build_layer(area, axes, style, Layers::All)
}

/// The chart for one layer: the base fills the background and draws the axes, the overlays
/// draw the caption. Both take the same room, so they map every point to the same pixel.
///
/// The layout and the frame are plotters' `ChartBuilder` and mesh, step for step and in the
/// same order of drawing (so the pixels are the same), with only what the lab sets: a margin,
/// a caption, label areas on the left and at the bottom, no light grid lines (plotters drew
/// them transparent, which every backend skips).
pub(crate) fn build_layer<DB: DrawingBackend>(
    area: &Area<DB>,
    axes: &Axes<'_>,
    style: &Style,
    layers: Layers,
) -> Result<Chart2d<DB>, FigureError> {
    if layers.base() {
        area.fill(&style.paper())?;
    }
    let framed = titled(area, axes.title, 12.0, layers.overlays(), style)?;
    let (w, h) = framed.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (left, bottom) = (style.px(62.0) as i32, style.px(44.0) as i32);
    // plotters' layout: the label area on the left, the plot right of it, the label area
    // under the plot. `shrink` keeps each inside the area. Where the margin and caption
    // leave no room at all (`titled` gives an area of negative size), the plot is empty;
    // plotters sorted its cuts and gave it a size there, outside the figure. The sizes are
    // i32 again here, so a negative one stays negative.
    let (plot_w, plot_h) = (w - left, h - bottom);
    let plot = framed.clone().shrink((left, 0), (plot_w, plot_h));
    let (x, y) = plot.get_pixel_range();
    let chart = plot.apply_coord_spec(Cartesian2d::new(
        Axis((axes.x.0..axes.x.1).into()),
        Axis((axes.y.0..axes.y.1).into()),
        (x.start..x.end - 1, y.end - 1..y.start),
    ));
    // An area too small for its label areas has no room for a frame: plotters would put
    // labels above or right of the plot, outside the figure.
    if layers.base() && plot_w >= 0 && plot_h >= 0 {
        let y_labels = framed.clone().shrink((0, 0), (left, plot_h));
        let x_labels = framed.shrink((left, plot_h), (plot_w, bottom));
        draw_frame(&chart, [y_labels, x_labels], axes, style)?;
    }
    Ok(chart)
}

/// How many tick labels each axis gets at most.
const TICKS: usize = 7;

/// An area of the chart's layout, with no coordinates of its own.
type Area<DB> = DrawingArea<DB, Shift>;

/// The frame, in plotters' order of drawing: the axis descriptions, the grid lines, then each
/// axis with its ticks and labels, in the label areas on the left and at the bottom (plotters
/// leaves out a label area without pixels).
fn draw_frame<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    sides: [Area<DB>; 2],
    axes: &Axes<'_>,
    style: &Style,
) -> Result<(), FigureError> {
    let [left, bottom] = sides.map(|a| {
        let (w, h) = a.dim_in_pixel();
        Some(a).filter(|_| w > 0 && h > 0)
    });
    let (left, bottom) = (left.as_ref(), bottom.as_ref());
    let desc = style.desc_font();
    if let Some(area) = left {
        let (_, h) = area.dim_in_pixel();
        let font = desc.transform(FontTransform::Rotate270);
        let font = font.pos(Pos::new(HPos::Center, VPos::Top));
        area.draw_text(axes.y_desc, &font, (0, (h / 2) as i32))?;
    }
    if let Some(area) = bottom {
        let (w, h) = area.dim_in_pixel();
        let font = desc.pos(Pos::new(HPos::Center, VPos::Bottom));
        area.draw_text(axes.x_desc, &font, ((w / 2) as i32, h as i32))?;
    }
    let (xs, ys) = grid(chart, axes, style)?;
    if let Some(area) = left {
        y_axis(area, chart, &ys, style)?;
    }
    if let Some(area) = bottom {
        x_axis(area, chart, &xs, style)?;
    }
    Ok(())
}

/// The grid lines at plotters' key points, when the axes ask for them; returns the tick
/// labels with their pixel on each axis (x, then y).
fn grid<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    axes: &Axes<'_>,
    style: &Style,
) -> Result<(Labels, Labels), FigureError> {
    let line = style.ink().mix(0.1).stroke_width(style.px_u32(1.0));
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    chart.draw_mesh(
        |backend, mesh| {
            let (from, to) = match mesh {
                MeshLine::XMesh(from, to, v) => {
                    xs.push((from.0, tick_label(v)));
                    (from, to)
                }
                MeshLine::YMesh(from, to, v) => {
                    ys.push((from.1, (axes.y_label)(v)));
                    (from, to)
                }
            };
            if axes.grid {
                backend.draw_line(from, to, &line)
            } else {
                Ok(())
            }
        },
        BoldPoints(TICKS),
        BoldPoints(TICKS),
    )?;
    Ok((xs, ys))
}

/// An axis's tick labels, each with its pixel along the axis.
type Labels = Vec<(i32, String)>;

/// The axis line and the tick length.
fn axis_style(style: &Style) -> (ShapeStyle, i32) {
    let line = style.ink().mix(0.7).stroke_width(style.px_u32(1.0));
    (line, style.px(4.0) as i32)
}

/// The pixels an axis spans along a plot side of `n` pixels, first to last, as plotters
/// orders them (a side of no pixels spans -1 to 0).
fn span(n: u32) -> (i32, i32) {
    let last = n as i32 - 1;
    (last.min(0), last.max(0))
}

/// The y axis on the label area's right edge, each label right-aligned two tick lengths left
/// of it.
fn y_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    chart: &Chart2d<DB>,
    labels: &[(i32, String)],
    style: &Style,
) -> Result<(), FigureError> {
    let (line, tick) = axis_style(style);
    let edge = area.dim_in_pixel().0 as i32 - 1;
    let (top, end) = span(chart.dim_in_pixel().1);
    area.draw(&PathElement::new(vec![(edge, top), (edge, end)], line))?;
    let font = style.tick_font().pos(Pos::new(HPos::Right, VPos::Center));
    let y0 = chart.get_base_pixel().1;
    for (y, text) in labels.iter().map(|(p, t)| (p - y0, t)) {
        if (top..=end).contains(&y) {
            area.draw_text(text, &font, (edge + 1 - 2 * tick, y))?;
            area.draw(&PathElement::new(vec![(edge - tick, y), (edge, y)], line))?;
        }
    }
    Ok(())
}

/// The x axis on the label area's top edge, each label centred below its tick mark.
fn x_axis<DB: DrawingBackend>(
    area: &Area<DB>,
    chart: &Chart2d<DB>,
    labels: &[(i32, String)],
    style: &Style,
) -> Result<(), FigureError> {
    let (line, tick) = axis_style(style);
    let (start, end) = span(chart.dim_in_pixel().0);
    area.draw(&PathElement::new(vec![(start, 0), (end, 0)], line))?;
    let font = style.tick_font().pos(Pos::new(HPos::Center, VPos::Top));
    let x0 = chart.get_base_pixel().0;
    for (x, text) in labels.iter().map(|(p, t)| (p - x0, t)) {
        if (start..=end).contains(&x) {
            area.draw_text(text, &font, (x, 2 * tick))?;
            area.draw(&PathElement::new(vec![(x, 0), (x, tick)], line))?;
        }
    }
    Ok(())
}

/// The plot frame of a chart built from `axes` (the data's y range when `y_log`).
pub(crate) fn frame<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    axes: &Axes<'_>,
    data_y: (f64, f64),
    y_log: bool,
) -> PlotFrame {
    PlotFrame::of_pixels(chart.get_pixel_range(), axes.x, data_y, y_log)
}
