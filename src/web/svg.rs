//! Saved figures as SVG: the figures' SVG backend (`figures::svg`) with text measured by a
//! canvas's 2D context.
//!
//! On wasm32, plotters measures text by adding a `<span style="…">` to the page, which the
//! lab's `style-src 'self'` policy refuses (see [`super::canvas`]). Here the figure's canvas
//! answers with `measureText`, with the font the canvas draws with, so the SVG's labels are
//! laid out exactly as the canvas's.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::figures::svg::Svg;

/// A backend whose text is measured with a canvas's `measureText`.
pub struct Measured<B> {
    inner: B,
    context: CanvasRenderingContext2d,
}

/// The SVG backend of saved figures, writing into a `String`.
pub type LabSvg<'a> = Measured<Svg<'a>>;

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()
}

impl<'a> LabSvg<'a> {
    /// An SVG of `size` pixels written into `out`, measuring text with `canvas`'s context
    /// (the figure's own canvas: the same fonts as on screen).
    pub fn new(out: &'a mut String, size: (u32, u32), canvas: &HtmlCanvasElement) -> Option<Self> {
        Some(Self {
            context: context_2d(canvas)?,
            inner: Svg::new(out, size),
        })
    }
}

type Done<E> = Result<(), DrawingErrorKind<E>>;

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Done<B::ErrorType> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Done<B::ErrorType> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done<B::ErrorType> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Done<B::ErrorType> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done<B::ErrorType> {
        self.inner.draw_rect(a, b, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done<B::ErrorType> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Done<B::ErrorType> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Done<B::ErrorType> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Done<B::ErrorType> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // The same font string the canvas draws with.
        let font = super::canvas::font_string(style);
        Ok(super::canvas::measure_text(
            &self.context,
            &font,
            text,
            style,
        ))
    }
}
