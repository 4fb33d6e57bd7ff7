//! Where the legend and notes go: the corner of the plot that hides the least data.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend, Rectangle, Text};
use plotters::style::{Color, TRANSPARENT};

use super::error::FigureError;
use super::frame::PlotFrame;
use super::style::Style;

/// A corner of the plot, for the legend and notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Corner {
    UpperRight,
    UpperLeft,
    LowerRight,
    LowerLeft,
}

/// The corner (other than `taken`) with the fewest of `points` (data units) in the 40% × 30%
/// of the plot next to it: where a legend or note hides the least. Ties go upper right,
/// upper left, lower right, lower left.
pub(crate) fn quiet_corner(
    frame: &PlotFrame,
    points: &[(f64, f64)],
    taken: Option<Corner>,
) -> Corner {
    let pixels: Vec<(f64, f64)> = points.iter().map(|p| frame.to_pixel(p.0, p.1)).collect();
    let near = |c: Corner| {
        let (right, upper) = (
            matches!(c, Corner::UpperRight | Corner::LowerRight),
            matches!(c, Corner::UpperRight | Corner::UpperLeft),
        );
        let (fx, fy) = (0.4 * frame.width, 0.3 * frame.height);
        let x0 = if right {
            frame.left + frame.width - fx
        } else {
            frame.left
        };
        let y0 = if upper {
            frame.top
        } else {
            frame.top + frame.height - fy
        };
        pixels
            .iter()
            .filter(|p| p.0 >= x0 && p.0 <= x0 + fx && p.1 >= y0 && p.1 <= y0 + fy)
            .count()
    };
    let all = [
        Corner::UpperRight,
        Corner::UpperLeft,
        Corner::LowerRight,
        Corner::LowerLeft,
    ];
    all.into_iter()
        .filter(|c| Some(*c) != taken)
        .min_by_key(|c| near(*c))
        .unwrap_or(Corner::LowerLeft)
}

/// Writes `text` on a white box in `corner` of `area`.
pub(crate) fn note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    corner: Corner,
    style: &Style,
) -> Result<(), FigureError> {
    let font = style.tick_font();
    let (w, h) = area.estimate_text_size(text, &font)?;
    let (w, h) = (w as i32, h as i32);
    let (area_w, area_h) = area.dim_in_pixel();
    let pad = style.px_i32(4.0);
    let x = if matches!(corner, Corner::UpperRight | Corner::LowerRight) {
        area_w as i32 - 2 * pad - w
    } else {
        2 * pad
    };
    let y = if matches!(corner, Corner::UpperRight | Corner::UpperLeft) {
        2 * pad
    } else {
        area_h as i32 - 2 * pad - h
    };
    let corners = [(x - pad, y - pad), (x + w + pad, y + h + pad)];
    area.draw(&Rectangle::new(corners, style.paper().mix(0.9).filled()))?;
    area.draw(&Text::new(text.to_owned(), (x, y), font))?;
    Ok(())
}

/// "1 visited point off the chart" or "n visited points off the chart", then `tail`.
pub(crate) fn off_chart(n: usize, tail: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} visited point{s} off the chart{tail}")
}

/// The room left for a chart in `area` under a margin of `margin` CSS pixels and the caption
/// `title` (drawn only when `shown`: a layer drawn without it takes the same room, so that
/// every layer maps each point to the same pixel). As plotters' `ChartBuilder` lays it out.
pub(crate) fn titled<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    margin: f64,
    shown: bool,
    style: &Style,
) -> Result<DrawingArea<DB, Shift>, FigureError> {
    let font = style.caption_font();
    let font = if shown {
        font
    } else {
        font.color(&TRANSPARENT)
    };
    let m = style.px(margin) as i32;
    Ok(area.margin(m, m, m, m).titled(title, font)?)
}
