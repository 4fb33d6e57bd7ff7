//! The one backend type the page draws with: the canvas, or the SVG of a saved figure.
//!
//! Every figure is drawn both on the page's canvas and, for a save, as an SVG. Drawing
//! through one type that dispatches to either compiles the figures and plotters' chart code
//! once, not once per backend (each copy is tens of kilobytes of wasm).

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::canvas::{CanvasError, LabCanvas};
use super::svg::LabSvg;

/// The page's canvas or a saved figure's SVG.
pub enum LabBackend<'a> {
    /// A canvas on the page (or offscreen).
    Canvas(LabCanvas),
    /// An SVG written into a string.
    Svg(LabSvg<'a>),
}

/// What either backend refused.
#[derive(Debug)]
pub enum LabError {
    /// A canvas call failed.
    Canvas(CanvasError),
    /// Writing the SVG (into a string: it cannot fail).
    Svg(std::convert::Infallible),
}

impl std::fmt::Display for LabError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Canvas(e) => e.fmt(f),
            Self::Svg(never) => match *never {},
        }
    }
}

impl std::error::Error for LabError {}

type Done = Result<(), DrawingErrorKind<LabError>>;

/// `result` with its backend's error wrapped as a [`LabError`].
fn lift<T, E: std::error::Error + Send + Sync>(
    result: Result<T, DrawingErrorKind<E>>,
    wrap: fn(E) -> LabError,
) -> Result<T, DrawingErrorKind<LabError>> {
    result.map_err(|e| match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(wrap(e)),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    })
}

/// A shape's colour and line width: the one style type the backends are handed, so each
/// draws with one copy of its code whatever style type plotters passes.
#[derive(Clone, Copy)]
struct Plain {
    color: BackendColor,
    width: u32,
}

impl BackendStyle for Plain {
    fn color(&self) -> BackendColor {
        self.color
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

fn plain(style: &impl BackendStyle) -> Plain {
    Plain {
        color: style.color(),
        width: style.stroke_width(),
    }
}

/// Calls `$call` on whichever backend `$self` holds, its error made a [`LabError`].
macro_rules! dispatch {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            LabBackend::Canvas($b) => lift($call, LabError::Canvas),
            LabBackend::Svg($b) => lift($call, LabError::Svg),
        }
    };
}

impl DrawingBackend for LabBackend<'_> {
    type ErrorType = LabError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Self::Canvas(b) => b.get_size(),
            Self::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Done {
        dispatch!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Done {
        dispatch!(self, b => b.present())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        dispatch!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Done {
        dispatch!(self, b => b.draw_line(from, to, &plain(style)))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        c: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        dispatch!(self, b => b.draw_rect(a, c, &plain(style), fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done {
        // One iterator type: each backend's path code is compiled once, not once per
        // iterator plotters passes.
        let path: &mut dyn Iterator<Item = BackendCoord> = &mut path.into_iter();
        dispatch!(self, b => b.draw_path(path, &plain(style)))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Done {
        dispatch!(self, b => b.draw_circle(center, radius, &plain(style), fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Done {
        let vert: &mut dyn Iterator<Item = BackendCoord> = &mut vert.into_iter();
        dispatch!(self, b => b.fill_polygon(vert, &plain(style)))
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Done {
        dispatch!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<LabError>> {
        dispatch!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Done {
        dispatch!(self, b => b.blit_bitmap(pos, size, src))
    }
}
