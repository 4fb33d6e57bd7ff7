//! The page's plotters backend: a 2D canvas context, drawn on directly.
//!
//! Why not `plotters-canvas`: on wasm32 plotters measures text by adding a `<span style="…">`
//! to the page, which the lab's `style-src 'self'` policy refuses (and which forces a layout
//! per label); here the canvas's own `measureText` answers. It also formats every colour
//! with a float (`rgba(r,g,b,1)`) and sets `fillStyle`, `strokeStyle`, `lineWidth` and
//! `font` before every shape. This backend writes a style to the context only when it
//! changes (the context keeps it between shapes), writes colours as integers, and blits
//! bitmaps with one `putImageData`, so the contour's colour image is one call, not thousands.

use crate::model::number;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

/// A drawing call the canvas refused; the name says which.
#[derive(Debug, Clone, Copy)]
pub struct CanvasError(&'static str);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the canvas refused {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

type Done = Result<(), DrawingErrorKind<CanvasError>>;

fn refused<T, E>(call: &'static str, result: Result<T, E>) -> Done {
    result
        .map(|_| ())
        .map_err(|_| DrawingErrorKind::DrawingError(CanvasError(call)))
}

/// What this backend last wrote to the context, so it writes each only when it changes.
#[derive(Default)]
struct Written {
    fill: Option<String>,
    stroke: Option<String>,
    line_width: Option<u32>,
    font: Option<String>,
    anchor: Option<(u8, u8)>,
}

/// A plotters backend on a canvas's 2D context.
pub struct LabCanvas {
    size: (u32, u32),
    context: CanvasRenderingContext2d,
    written: Written,
}

impl LabCanvas {
    /// The backend for `canvas`, or `None` when it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let context = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Self {
            size: (canvas.width(), canvas.height()),
            context,
            written: Written::default(),
        })
    }

    fn fill(&mut self, color: BackendColor) {
        let css = css_color(color);
        if self.written.fill.as_deref() != Some(css.as_str()) {
            self.context.set_fill_style_str(&css);
            self.written.fill = Some(css);
        }
    }

    fn stroke(&mut self, style: &impl BackendStyle) {
        let css = css_color(style.color());
        if self.written.stroke.as_deref() != Some(css.as_str()) {
            self.context.set_stroke_style_str(&css);
            self.written.stroke = Some(css);
        }
        let width = style.stroke_width();
        if self.written.line_width != Some(width) {
            self.context.set_line_width(f64::from(width));
            self.written.line_width = Some(width);
        }
    }

    fn font(&mut self, style: &impl BackendTextStyle) {
        let font = font_string(style);
        if self.written.font.as_deref() != Some(font.as_str()) {
            self.context.set_font(&font);
            self.written.font = Some(font);
        }
    }

    fn anchor(&mut self, style: &impl BackendTextStyle) {
        let pos = style.anchor();
        let (h, v) = match (pos.h_pos, pos.v_pos) {
            (HPos::Left, v) => ((0, "start"), v),
            (HPos::Right, v) => ((1, "end"), v),
            (HPos::Center, v) => ((2, "center"), v),
        };
        let v = match v {
            VPos::Top => (0, "top"),
            VPos::Center => (1, "middle"),
            VPos::Bottom => (2, "bottom"),
        };
        if self.written.anchor != Some((h.0, v.0)) {
            self.context.set_text_align(h.1);
            self.context.set_text_baseline(v.1);
            self.written.anchor = Some((h.0, v.0));
        }
    }

    /// Traces a path through `points` (closed for a polygon) as the current path. Not
    /// generic: one copy serves every point iterator plotters passes.
    fn trace(&self, points: &mut dyn Iterator<Item = BackendCoord>, close: bool) {
        self.context.begin_path();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
            for (x, y) in points {
                self.context.line_to(f64::from(x), f64::from(y));
            }
            if close {
                self.context.close_path();
            }
        }
    }
}

/// `#rrggbb` for an opaque colour, else `rgba(r,g,b,0.ddd)`: no float formatting.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    if color.alpha >= 1.0 {
        let mut s = String::with_capacity(7);
        s.push('#');
        for byte in [r, g, b] {
            for nibble in [byte >> 4, byte & 15] {
                s.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
            }
        }
        return s;
    }
    let thousandths = (color.alpha.max(0.0) * 1000.0).round() as u32;
    format!("rgba({r},{g},{b},0.{thousandths:03})")
}

/// The size of `text` in `style`, measured by `context` with the CSS font `font` (which this
/// sets on it); turned for vertical text.
pub(super) fn measure_text(
    context: &CanvasRenderingContext2d,
    font: &str,
    text: &str,
    style: &impl BackendTextStyle,
) -> (u32, u32) {
    context.set_font(font);
    let width = context
        .measure_text(text)
        .map_or(0.6 * style.size() * text.chars().count() as f64, |m| {
            m.width()
        });
    let (w, h) = (
        width.ceil().max(0.0) as u32,
        (style.size() * 1.15).ceil().max(0.0) as u32,
    );
    match style.transform() {
        FontTransform::Rotate90 | FontTransform::Rotate270 => (h, w),
        _ => (w, h),
    }
}

/// The CSS font plotters means: "<style> <size>px <family>", the size to a tenth of a pixel
/// (written with integers: no float formatting in the module).
pub(super) fn font_string(style: &impl BackendTextStyle) -> String {
    let tenths = (number::clamp(style.size(), 1.0, 1000.0) * 10.0).round() as u32;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let (kind, family) = (style.style(), style.family());
    let (kind, family) = (kind.as_str(), family.as_str());
    if tenth == 0 {
        format!("{kind} {whole}px {family}")
    } else {
        format!("{kind} {whole}.{tenth}px {family}")
    }
}

/// A one-pixel line on whole coordinates covers two half pixels; half a pixel over covers one.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for LabCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    fn present(&mut self) -> Done {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        if color.alpha > 0.0 {
            self.fill(color);
            let (x, y) = (f64::from(point.0), f64::from(point.1));
            self.context.fill_rect(x, y, 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Done {
        if style.color().alpha > 0.0 {
            let (a, b) = crisp(from, to);
            self.stroke(style);
            self.context.begin_path();
            self.context.move_to(a.0, a.1);
            self.context.line_to(b.0, b.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        if style.color().alpha > 0.0 {
            let (x, y) = (f64::from(a.0), f64::from(a.1));
            let (w, h) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
            if fill {
                self.fill(style.color());
                self.context.fill_rect(x, y, w, h);
            } else {
                self.stroke(style);
                self.context.stroke_rect(x, y, w, h);
            }
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done {
        if style.color().alpha > 0.0 {
            self.stroke(style);
            self.trace(&mut path.into_iter(), false);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Done {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(center.0), f64::from(center.1));
        self.context.begin_path();
        let arc = self
            .context
            .arc(x, y, f64::from(radius), 0.0, std::f64::consts::TAU);
        refused("arc", arc)?;
        if fill {
            self.fill(style.color());
            self.context.fill();
        } else {
            self.stroke(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Done {
        if style.color().alpha > 0.0 {
            self.fill(style.color());
            self.trace(&mut vert.into_iter(), true);
            self.context.fill();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Done {
        if style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.fill(style.color());
        self.font(style);
        self.anchor(style);
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        let turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.25,
            FontTransform::Rotate180 => 0.5,
            FontTransform::Rotate270 => 0.75,
        };
        if turns == 0.0 {
            return refused("fillText", self.context.fill_text(text, x, y));
        }
        // A transform and back to the identity, not save/restore: restore would also
        // bring back the styles written before it, behind this backend's record.
        refused("translate", self.context.translate(x, y))?;
        refused("rotate", self.context.rotate(turns * std::f64::consts::TAU))?;
        let drawn = self.context.fill_text(text, 0.0, 0.0);
        refused(
            "setTransform",
            self.context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0),
        )?;
        refused("fillText", drawn)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // Measured with the font it is drawn with; `font` is not recorded here (`&self`),
        // so the next draw sets it again only if it differs from the one written before.
        let font = font_string(style);
        let size = measure_text(&self.context, &font, text, style);
        if let Some(written) = &self.written.font {
            if *written != font {
                self.context.set_font(written);
            }
        }
        Ok(size)
    }

    /// Puts an RGB bitmap at `pos` with one `putImageData` (no blending: the pixels are
    /// replaced, as the opaque image they are).
    fn blit_bitmap(&mut self, pos: BackendCoord, (w, h): (u32, u32), src: &[u8]) -> Done {
        let pixels = (w as usize).saturating_mul(h as usize);
        if pixels == 0 || src.len() < pixels.saturating_mul(3) {
            return Ok(());
        }
        let mut rgba = Vec::with_capacity(pixels * 4);
        for rgb in src.chunks_exact(3).take(pixels) {
            rgba.extend_from_slice(rgb);
            rgba.push(255);
        }
        let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), w, h);
        let image = image.map_err(|_| DrawingErrorKind::DrawingError(CanvasError("ImageData")))?;
        let (x, y) = (f64::from(pos.0), f64::from(pos.1));
        refused("putImageData", self.context.put_image_data(&image, x, y))
    }
}
