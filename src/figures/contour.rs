//! The parameter-space figure: the cost over (w, b) as a colour image with iso-cost lines,
//! training paths, the current point and the optimum.

use plotters::coord::Shift;
use plotters::element::{Drawable, PathElement, PointCollection, Rectangle};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::{Color, RGBColor, BLACK};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::chart2d::{self, Axes, Chart2d};
pub use super::contour_image::{ContourImage, Isoline};
use super::error::FigureError;
use super::frame::PlotFrame;
use super::geometry::Bounds;
use super::layers::Layers;
use super::layout::{note, off_chart, quiet_corner};
use super::legend::Legend;
use super::marks::{Mark, Marker};
use super::overlay::{draw_trace, Look};
use super::style::{palette, tick_label, Style};

/// One training path over the contour plot: the visited (w, b), marked and joined by a thin
/// line. Where it leaves the plot an arrow on the border points the way it went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathOverlay<'a> {
    /// Visited slopes.
    pub w: &'a [f64],
    /// Visited biases (extra values past the shorter slice are ignored).
    pub b: &'a [f64],
    /// Colour of the markers, line and arrows.
    pub color: RGBColor,
    /// Legend entry; empty for none.
    pub label: &'a str,
    /// Marker at each visited point (the lab's are crosses).
    pub marker: Marker,
}

impl PathOverlay<'_> {
    fn points(&self) -> Vec<(f64, f64)> {
        self.w.iter().copied().zip(self.b.iter().copied()).collect()
    }
}

/// What the contour figure shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContourView<'a> {
    /// The caption.
    pub title: &'a str,
    /// The precomputed image of the grid: build it once per grid with [`ContourImage::new`].
    pub image: &'a ContourImage,
    /// Training paths, drawn in order.
    pub paths: &'a [PathOverlay<'a>],
    /// The current (w, b), a big dot.
    pub current: Option<(f64, f64)>,
    /// The optimum (w*, b*), a star with legend "optimum".
    pub optimum: Option<(f64, f64)>,
}

impl ContourView<'_> {
    /// The optimum's legend entry.
    pub const OPTIMUM_LABEL: &'static str = "optimum";
}

/// Draws the contour figure on `area` (axes "w" and "b", always the grid's range) and
/// returns where its plot lies, to turn a click into (w, b).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ContourView<'_>,
    style: &Style,
) -> Result<PlotFrame, FigureError> {
    draw_layers(area, view, style, Layers::All)
}

/// Draws the chosen `layers`: the base is the background, axes, colour image and iso-lines
/// (the same for every figure of one grid and size, whatever its title and paths); the
/// overlays are the caption, paths, points and legend.
pub fn draw_layers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ContourView<'_>,
    style: &Style,
    layers: Layers,
) -> Result<PlotFrame, FigureError> {
    let (x, y) = (view.image.w_range(), view.image.b_range());
    let (title, y_label) = (view.title, &tick_label);
    let axes = Axes {
        title,
        x_desc: "w",
        y_desc: "b",
        x,
        y,
        grid: false,
        y_label,
    };
    let chart = chart2d::build_layer(area, &axes, style, layers)?;
    let frame = chart2d::frame(&chart, &axes, y, false);
    if layers.base() {
        draw_image(&chart, view.image, style)?;
    }
    if layers.overlays() {
        draw_on_top(&chart, &frame, view, style)?;
    }
    Ok(frame)
}

/// The paths, points and legend, and a note when visited points lie off the chart.
fn draw_on_top<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    frame: &PlotFrame,
    view: &ContourView<'_>,
    style: &Style,
) -> Result<(), FigureError> {
    let mut legend = Legend::default();
    let (outside, labels) = draw_overlays(chart, frame, view, &mut legend, style)?;
    let mut avoid: Vec<(f64, f64)> = view.paths.iter().flat_map(|p| p.points()).collect();
    avoid.extend(view.current.into_iter().chain(view.optimum));
    let corner = quiet_corner(frame, &avoid, None);
    let plot = chart.strip_coord_spec();
    if labels > 0 {
        legend.draw(&plot, corner, style)?;
    }
    if outside > 0 {
        let text = off_chart(outside, ": arrows show where");
        note(
            &plot,
            &text,
            quiet_corner(frame, &avoid, Some(corner)),
            style,
        )?;
    }
    Ok(())
}

/// The colour image (one bitmap where the backend blits in one call, else one rectangle per
/// merged cell) and the iso-cost lines.
fn draw_image<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    image: &ContourImage,
    style: &Style,
) -> Result<(), FigureError> {
    if style.bitmaps {
        let (xs, ys) = chart.get_pixel_range();
        let size = (xs.end - xs.start, ys.end - ys.start);
        let (w, h) = (size.0.max(0) as u32, size.1.max(0) as u32);
        if let Some(rgb) = image.bitmap(w, h) {
            let plot = chart.strip_coord_spec();
            plot.draw(&Bitmap { size: (w, h), rgb })?;
        }
    } else {
        for cell in image.cells() {
            let corners = [(cell.w.0, cell.b.1), (cell.w.1, cell.b.0)];
            chart.draw(&Rectangle::new(corners, cell.color.filled()))?;
        }
    }
    let line = BLACK.mix(0.45).stroke_width(style.px_u32(1.0));
    for iso in image.isolines() {
        chart.draw(&PathElement::new(iso.points.clone(), line))?;
    }
    Ok(())
}

/// An RGB bitmap covering a drawing area from its top-left corner.
struct Bitmap {
    size: (u32, u32),
    rgb: Vec<u8>,
}

impl<'a> PointCollection<'a, (i32, i32)> for &'a Bitmap {
    type Point = &'a (i32, i32);
    type IntoIter = std::iter::Once<&'a (i32, i32)>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&(0, 0))
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Bitmap {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match points.next() {
            Some(at) => backend.blit_bitmap(at, self.size, &self.rgb),
            None => Ok(()),
        }
    }
}

/// The paths, current point and optimum, with their legend entries. Returns how many
/// visited points lie off the chart and how many legend entries were added.
fn draw_overlays<DB: DrawingBackend>(
    chart: &Chart2d<DB>,
    frame: &PlotFrame,
    view: &ContourView<'_>,
    legend: &mut Legend,
    style: &Style,
) -> Result<(usize, usize), FigureError> {
    let (mut outside, mut labels) = (0, 0);
    for path in view.paths {
        let marker = Some(path.marker);
        let look = Look {
            marker,
            halo: true,
            arrows: true,
            ..Look::line(path.color, 1.2)
        };
        outside += draw_trace(chart, frame, &path.points(), &look, style)?;
        if !path.label.is_empty() {
            legend.add(path.label, look);
            labels += 1;
        }
    }
    let bounds = Bounds {
        x: frame.x_range,
        y: frame.y_range,
    };
    if let Some(p) = view.current.filter(|p| bounds.contains(*p)) {
        chart.draw(&Mark::current(p, style))?;
    }
    if let Some(p) = view.optimum {
        if bounds.contains(p) {
            chart.draw(&Mark::optimum(p, style))?;
        }
        let star = Look {
            halo: true,
            ..Look::points(palette::OPTIMUM, Marker::Star)
        };
        legend.add(ContourView::OPTIMUM_LABEL, star);
        labels += 1;
    }
    Ok((outside, labels))
}
