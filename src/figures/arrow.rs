//! An arrow element: where a path leaves the plot, pointing the way it went.

use plotters::element::{Drawable, PointCollection};
use plotters::style::{Color, RGBColor, WHITE};
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

/// An arrow whose tip is at `tip`, pointing along `dir` (pixels, y down), `len` pixels long.
pub(crate) struct Arrow<C> {
    pub tip: C,
    pub dir: (f64, f64),
    pub len: f64,
    pub stroke: u32,
    pub color: RGBColor,
}

impl<'a, C: 'a> PointCollection<'a, C> for &'a Arrow<C> {
    type Point = &'a C;
    type IntoIter = std::iter::Once<&'a C>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.tip)
    }
}

impl<C, DB: DrawingBackend> Drawable<DB> for Arrow<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let (Some((x, y)), true) = (pos.next(), self.len.is_finite()) else {
            return Ok(());
        };
        let norm = self.dir.0.hypot(self.dir.1);
        if !(norm.is_finite() && norm > 0.0) {
            return Ok(());
        }
        let (ux, uy) = (self.dir.0 / norm, self.dir.1 / norm);
        let at = |along: f64, across: f64| {
            let px = f64::from(x) - ux * along - uy * across;
            let py = f64::from(y) - uy * along + ux * across;
            (px.round() as i32, py.round() as i32)
        };
        let head = self.len * 0.55;
        let tail = at(self.len, 0.0);
        let wing = [at(0.0, 0.0), at(head, head * 0.5), at(head, -head * 0.5)];
        let rim = WHITE.mix(0.9).stroke_width(self.stroke + 3);
        backend.draw_line(tail, at(head * 0.5, 0.0), &rim)?;
        backend.draw_path(wing.iter().copied().chain([wing[0]]), &rim)?;
        let style = self.color.stroke_width(self.stroke);
        backend.draw_line(tail, at(head * 0.5, 0.0), &style)?;
        backend.fill_polygon(wing, &style)
    }
}
