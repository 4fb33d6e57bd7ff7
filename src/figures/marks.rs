//! Markers and arrows as plotters elements, for any coordinate system (2D or 3D) and backend.

use std::f64::consts::PI;

use plotters::element::{Drawable, PointCollection};
use plotters::style::{Color, RGBAColor, RGBColor, ShapeStyle, WHITE};
use plotters_backend::{BackendCoord, DrawingBackend, DrawingErrorKind};

use super::style::{palette, Style};

/// The shape of a point marker. Series that can meet use different shapes, not only colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A diagonal cross ×.
    Cross,
    /// An open circle.
    Circle,
    /// A filled circle.
    Dot,
    /// A filled triangle pointing up.
    Triangle,
    /// A filled square.
    Square,
    /// A filled diamond.
    Diamond,
    /// A filled five-pointed star.
    Star,
}

/// One marker at `at`: `radius` and `stroke` in pixels; `halo` draws a white rim first so the
/// marker reads on any background (the contour plot's dark and light colours alike).
pub(crate) struct Mark<C> {
    pub at: C,
    pub shape: Marker,
    pub radius: i32,
    pub stroke: u32,
    pub color: RGBAColor,
    pub halo: bool,
}

impl<C> Mark<C> {
    /// A marker without a halo.
    pub(crate) fn new(at: C, shape: Marker, radius: i32, stroke: u32, color: RGBColor) -> Self {
        Self {
            at,
            shape,
            radius,
            stroke,
            color: color.to_rgba(),
            halo: false,
        }
    }

    /// The same marker with a white rim.
    pub(crate) fn with_halo(mut self) -> Self {
        self.halo = true;
        self
    }

    /// The current point: a big black dot with a white rim.
    pub(crate) fn current(at: C, style: &Style) -> Self {
        let (r, stroke) = (style.px_i32(6.5), style.px_u32(1.0));
        Self::new(at, Marker::Dot, r, stroke, style.ink()).with_halo()
    }

    /// The optimum: a big star with a white rim.
    pub(crate) fn optimum(at: C, style: &Style) -> Self {
        let (r, stroke) = (style.px_i32(9.0), style.px_u32(1.0));
        Self::new(at, Marker::Star, r, stroke, palette::OPTIMUM).with_halo()
    }
}

impl<'a, C: 'a> PointCollection<'a, C> for &'a Mark<C> {
    type Point = &'a C;
    type IntoIter = std::iter::Once<&'a C>;
    fn point_iter(self) -> Self::IntoIter {
        std::iter::once(&self.at)
    }
}

impl<C, DB: DrawingBackend> Drawable<DB> for Mark<C> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut pos: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        let Some(at) = pos.next() else {
            return Ok(());
        };
        if self.halo {
            let rim = self.stroke.max(1) + 1;
            let white = WHITE.mix(0.9).stroke_width(self.stroke + 2 * rim);
            let stroked = matches!(self.shape, Marker::Cross | Marker::Circle);
            let r = if stroked {
                self.radius
            } else {
                self.radius + rim as i32
            };
            shape(backend, self.shape, at, r, white)?;
        }
        let style = self.color.stroke_width(self.stroke);
        shape(backend, self.shape, at, self.radius, style)?;
        if self.shape == Marker::Star {
            // A light star needs a dark rim to read on a light background.
            let rim = regular(at.0, at.1, self.radius, 5, 0.45);
            let dark = RGBColor(0, 0, 0).stroke_width(1);
            backend.draw_path(rim.iter().copied().chain(rim.first().copied()), &dark)?;
        }
        Ok(())
    }
}

fn shape<DB: DrawingBackend>(
    backend: &mut DB,
    kind: Marker,
    (x, y): BackendCoord,
    r: i32,
    style: ShapeStyle,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let ru = r.max(1) as u32;
    match kind {
        Marker::Cross => {
            backend.draw_line((x - r, y - r), (x + r, y + r), &style)?;
            backend.draw_line((x - r, y + r), (x + r, y - r), &style)
        }
        Marker::Circle => backend.draw_circle((x, y), ru, &style, false),
        Marker::Dot => backend.draw_circle((x, y), ru, &style.filled(), true),
        Marker::Square => backend.draw_rect((x - r, y - r), (x + r, y + r), &style, true),
        Marker::Triangle => backend.fill_polygon(regular(x, y, r, 3, 1.0), &style),
        Marker::Diamond => backend.fill_polygon(regular(x, y, r, 4, 1.0), &style),
        Marker::Star => backend.fill_polygon(regular(x, y, r, 5, 0.45), &style),
    }
}

/// The vertices of a regular polygon (inner = 1) or star (inner < 1) with a point up.
fn regular(x: i32, y: i32, r: i32, points: usize, inner: f64) -> Vec<BackendCoord> {
    let steps = if inner < 1.0 { 2 * points } else { points };
    (0..steps)
        .map(|k| {
            let rad = if k % 2 == 1 && inner < 1.0 {
                inner
            } else {
                1.0
            };
            let angle = -PI / 2.0 + 2.0 * PI * k as f64 / steps as f64;
            let d = f64::from(r) * rad;
            (
                x + (d * angle.cos()).round() as i32,
                y + (d * angle.sin()).round() as i32,
            )
        })
        .collect()
}
