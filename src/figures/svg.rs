//! The SVG backend of saved figures: the markup of plotters' `SVGBackend`, element for
//! element and attribute for attribute, written with the lab's own number formatting
//! (`model::number`). Plotters' backend prints its opacities and font sizes with Rust's
//! float formatting, which would bring that formatting back into the module; this one keeps
//! the module free of it. `tests/figures` draws every figure with both and compares.

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use crate::model::number;

/// An SVG document of `size` pixels written into a `String`; closed by `present`.
pub struct Svg<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

type Done = Result<(), DrawingErrorKind<Infallible>>;

impl<'a> Svg<'a> {
    /// Starts a document of `size` pixels in `out`.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let (w, h) = size;
        let view = format!("0 0 {w} {h}");
        let mut svg = Self {
            out,
            size,
            closed: false,
        };
        svg.open(
            "svg",
            &[
                ("width", &w.to_string()),
                ("height", &h.to_string()),
                ("viewBox", &view),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ],
        );
        svg.out.push_str(">\n");
        svg
    }

    /// Writes `<tag a="v" …` with every value escaped; the caller ends the tag.
    fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(self.out, value);
            self.out.push('"');
        }
    }

    /// Writes an element without content.
    fn element(&mut self, tag: &str, attributes: &[(&str, &str)]) -> Done {
        self.open(tag, attributes);
        self.out.push_str("/>\n");
        Ok(())
    }
}

/// A colour's `opacity` and `#RRGGBB`.
fn paint(color: BackendColor) -> (String, String) {
    let (r, g, b) = color.rgb;
    (
        number::shortest(color.alpha),
        format!("#{r:02X}{g:02X}{b:02X}"),
    )
}

/// A shape's `opacity`, `fill` and `stroke`: its colour fills it or outlines it.
fn shape_paint(color: BackendColor, filled: bool) -> (String, String, String) {
    let (opacity, colour) = paint(color);
    let none = "none".to_string();
    if filled {
        (opacity, colour, none)
    } else {
        (opacity, none, colour)
    }
}

/// `points` of a polyline or polygon: `x,y ` for each vertex.
fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    path.into_iter().map(|(x, y)| format!("{x},{y} ")).collect()
}

/// `value` with the five XML special characters escaped.
fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

impl DrawingBackend for Svg<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Done {
        Ok(())
    }

    fn present(&mut self) -> Done {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Done {
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (opacity, fill) = paint(color);
        let (x, y) = (point.0.to_string(), point.1.to_string());
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", "1"),
                ("height", "1"),
                ("stroke", "none"),
                ("opacity", &opacity),
                ("fill", &fill),
            ],
        )
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (opacity, colour) = paint(style.color());
        let width = style.stroke_width().to_string();
        let [x1, y1, x2, y2] = [from.0, from.1, to.0, to.1].map(|v| v.to_string());
        self.element(
            "line",
            &[
                ("opacity", &opacity),
                ("stroke", &colour),
                ("stroke-width", &width),
                ("x1", &x1),
                ("y1", &y1),
                ("x2", &x2),
                ("y2", &y2),
            ],
        )
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (opacity, fill, stroke) = shape_paint(style.color(), fill);
        let [x, y] = [upper_left.0, upper_left.1].map(|v| v.to_string());
        let width = (bottom_right.0 - upper_left.0).to_string();
        let height = (bottom_right.1 - upper_left.1).to_string();
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", &width),
                ("height", &height),
                ("opacity", &opacity),
                ("fill", &fill),
                ("stroke", &stroke),
            ],
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (opacity, colour) = paint(style.color());
        let width = style.stroke_width().to_string();
        self.element(
            "polyline",
            &[
                ("fill", "none"),
                ("opacity", &opacity),
                ("stroke", &colour),
                ("stroke-width", &width),
                ("points", &points(path)),
            ],
        )
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (opacity, colour) = paint(style.color());
        self.element(
            "polygon",
            &[
                ("opacity", &opacity),
                ("fill", &colour),
                ("points", &points(path)),
            ],
        )
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Done {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (opacity, fill, stroke) = shape_paint(style.color(), fill);
        let [cx, cy] = [center.0, center.1].map(|v| v.to_string());
        let (r, width) = (radius.to_string(), style.stroke_width().to_string());
        self.element(
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", &r),
                ("opacity", &opacity),
                ("fill", &fill),
                ("stroke", &stroke),
                ("stroke-width", &width),
            ],
        )
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Done {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (opacity, fill) = paint(color);
        let (x, y) = (pos.0.to_string(), pos.1.to_string());
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        // Plotters' sizes are in pixels of its font layout, 1.24 times the CSS font size.
        let size = number::shortest(style.size() / 1.24);
        let family = style.family();
        let mut attributes = vec![
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", size.as_str()),
            ("opacity", opacity.as_str()),
            ("fill", fill.as_str()),
        ];
        let font_style = style.style();
        match font_style {
            FontStyle::Normal => {}
            FontStyle::Bold => attributes.push(("font-weight", "bold")),
            _ => attributes.push(("font-style", font_style.as_str())),
        }
        let angle = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            _ => None,
        };
        let rotate = angle.map(|a| format!("rotate({a}, {x}, {y})"));
        if let Some(rotate) = &rotate {
            attributes.push(("transform", rotate));
        }
        self.open("text", &attributes);
        self.out.push_str(">\n");
        escape_into(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}
