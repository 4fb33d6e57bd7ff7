//! Legend entries: a short sample of a series' line and marker beside its label.

use plotters::chart::ChartContext;
use plotters::coord::CoordTranslate;
use plotters::element::{Drawable, PathElement, PointCollection};
use plotters::style::Color;
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use super::error::FigureError;
use super::marks::Mark;
use super::overlay::Look;
use super::style::Style;

/// Adds a legend entry for a series with this look.
pub(crate) fn legend_entry<DB: DrawingBackend, CT: CoordTranslate>(
    chart: &mut ChartContext<'_, DB, CT>,
    label: &str,
    look: Look,
    style: &Style,
) -> Result<(), FigureError> {
    let sample = Sample {
        width: style.px_i32(22.0),
        radius: style.px_i32(4.0),
        stroke: style.px_u32(1.6),
        line: style.px_u32(look.line),
        dash: style.px_i32(6.0),
        look,
    };
    chart
        .draw_series(std::iter::empty::<PathElement<CT::From>>())?
        .label(label)
        .legend(move |at| sample.at(at));
    Ok(())
}

/// A legend sample: a short line (solid or dashed) with a marker in its middle.
#[derive(Clone, Copy)]
struct Sample {
    width: i32,
    radius: i32,
    stroke: u32,
    line: u32,
    dash: i32,
    look: Look,
}

impl Sample {
    fn at(self, at: BackendCoord) -> Placed {
        Placed { at, sample: self }
    }
}

struct Placed {
    at: BackendCoord,
    sample: Sample,
}

impl<'a> PointCollection<'a, BackendCoord> for &'a Placed {
    type Point = &'a BackendCoord;
    type IntoIter = std::iter::Once<&'a BackendCoord>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Placed {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        dim: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let Some((x, y)) = pos.next() else {
            return Ok(());
        };
        let s = &self.sample;
        if s.look.line > 0.0 {
            let style = s.look.color.stroke_width(s.line);
            let step = if s.look.dashed { s.dash } else { s.width };
            for x0 in (0..s.width).step_by((2 * step).max(1) as usize) {
                backend.draw_line((x + x0, y), (x + (x0 + step).min(s.width), y), &style)?;
            }
        }
        if let Some(shape) = s.look.marker {
            let mark = Mark::new((), shape, s.radius, s.stroke, s.look.color);
            mark.draw(std::iter::once((x + s.width / 2, y)), backend, dim)?;
        }
        Ok(())
    }
}
